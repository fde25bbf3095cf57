// The checker checks itself: the same functions the suite runs on every page
// must report a page with a label-less field and a page with a broken anchor.
// If they stopped doing so, every other green result would mean nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext } from '../lib/browser.js';
import { axeViolations, brokenAnchors, unlabelledFields, formatViolations, formatAnchors, horizontalOverflow } from '../lib/checks.js';

let browser;
let context;
before(async () => { browser = await launch(); context = await newContext(browser); });
after(async () => { await browser?.close(); });

const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title></head>
<body><main><h1>Fixture</h1>${body}</main></body></html>`;

test('a form field without a label is reported by axe and by the label check', async () => {
  const p = await context.newPage();
  await p.setContent(page('<form><input id="q" name="q" type="text"><button type="submit">Go</button></form>'));
  const violations = await axeViolations(p);
  assert.ok(violations.some((v) => v.id === 'label'), `axe should report "label", got: ${violations.map((v) => v.id).join(', ')}`);
  assert.match(formatViolations('fixture', violations), /rule: label[\s\S]*element: #q/);
  assert.equal((await unlabelledFields(p)).length, 1);
  await p.close();
});

test('the same field with a label passes both checks', async () => {
  const p = await context.newPage();
  await p.setContent(page('<form><label for="q">Search</label><input id="q" name="q" type="text"><button type="submit">Go</button></form>'));
  assert.deepEqual((await axeViolations(p)).map((v) => v.id), []);
  assert.deepEqual(await unlabelledFields(p), []);
  await p.close();
});

test('a link to a fragment that does not exist is reported by the anchor check', async () => {
  const p = await context.newPage();
  await p.setContent(page('<p id="here">Text</p><p><a href="#here">fine</a> <a href="#missing">broken</a></p>'));
  const broken = await brokenAnchors(p);
  assert.deepEqual(broken.map((b) => b.href), ['#missing']);
  assert.match(formatAnchors('fixture', broken), /broken anchor: #missing/);
  await p.close();
});

test('a page whose fragments all exist passes the anchor check', async () => {
  const p = await context.newPage();
  await p.setContent(page('<p id="here">Text</p><p><a href="#here">fine</a> <a href="#main">skip</a></p>').replace('<main>', '<main id="main">'));
  assert.deepEqual(await brokenAnchors(p), []);
  await p.close();
});

test('a page wider than a phone screen is reported by the overflow check', async () => {
  const phone = await newContext(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const p = await phone.newPage();
  const viewport = '<meta name="viewport" content="width=device-width, initial-scale=1">';
  await p.setContent(page('<p>Fits.</p>').replace('<head>', `<head>${viewport}`));
  assert.equal(await horizontalOverflow(p), null);
  await p.setContent(page('<p style="width:600px">Too wide.</p>').replace('<head>', `<head>${viewport}`));
  const overflow = await horizontalOverflow(p);
  assert.ok(overflow && overflow.scrollWidth > 360, `expected an overflow, got ${JSON.stringify(overflow)}`);
  await phone.close();
});

// The same, end to end: a real page of the running site, served with a
// label-less field and a broken anchor slipped in (as a template mistake
// would), goes through the very crawl and checks of tests/a11y.test.js.
test('a real page with a missing label and a broken anchor fails the page crawl', { skip: !process.env.E2E_BASE_URL && 'needs the server (run.sh)' }, async () => {
  const { BASE_URL } = await import('../lib/browser.js');
  const { Crawl, checkAll } = await import('../lib/site.js');
  const broken = await newContext(browser);
  const target = `${BASE_URL}/en/council`;
  await broken.route(target, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</main>', '<p><input name="unlabelled"> <a href="#no-such-statement">see</a></p></main>');
    await route.fulfill({ response, body: html });
  });
  const p = await broken.newPage();
  const crawl = new Crawl({ accept: (u) => u.href === target, perRoute: () => 1 });
  crawl.add(target);
  const { problems, visited } = await checkAll(p, crawl, { anchors: true, labels: true, save: false });
  assert.equal(visited, 1);
  const report = problems.join('\n');
  assert.match(report, /rule: label /, 'axe reports the missing label');
  assert.match(report, /fields without a label:[\s\S]*name="unlabelled"/, 'the label check reports it');
  assert.match(report, /broken anchor: #no-such-statement/, 'the anchor check reports the broken anchor');
  // And the page as the server really sends it is clean.
  await broken.unroute(target);
  crawl.seen.clear(); crawl.counts.clear(); crawl.add(target);
  assert.deepEqual((await checkAll(p, crawl, { anchors: true, labels: true, save: false })).problems, []);
  await broken.close();
});
