// A citizen's path on a desktop, on a phone (360×740, nothing wider than the
// screen on any page) and with JavaScript switched off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, screenshot, PHONE, DESKTOP } from '../lib/browser.js';
import { citizenPath } from '../lib/paths.js';
import { horizontalOverflow } from '../lib/checks.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('citizen: status bar → filtered list → amendment → statement anchor → back (desktop)', async () => {
  const context = await newContext(browser, { viewport: DESKTOP });
  const page = await context.newPage();
  const { article } = await citizenPath(page, { visit: (p, name) => screenshot(p, `desktop-${name}`) });
  assert.ok(article);
  await context.close();
});

test('phone 360×740: the same path, and no page is wider than the screen', async () => {
  const context = await newContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const visited = [];
  await citizenPath(page, {
    visit: async (p, name) => {
      visited.push(name);
      const overflow = await horizontalOverflow(p);
      assert.equal(overflow, null, `${p.url()} overflows at 360 px: ${JSON.stringify(overflow)}`);
      await screenshot(p, `phone-${name}`);
    },
  });
  assert.deepEqual(visited, ['overview', 'amendments-filtered', 'amendment', 'announcement']);
  // The other main pages, at the same width.
  for (const path of ['timeline', 'council', 'results', 'changes', 'data', 'announcements', 'search?q=court', 'amendments']) {
    await page.goto(new URL(`/en/${path}`, page.url()).href);
    const overflow = await horizontalOverflow(page);
    assert.equal(overflow, null, `${page.url()} overflows at 360 px: ${JSON.stringify(overflow)}`);
    await screenshot(page, `phone-${path.replace(/\W+/g, '-')}`);
  }
  await context.close();
});

test('no JavaScript: the citizen path works with scripts switched off', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  const { article } = await citizenPath(page, { lang: 'ru' });
  assert.ok(article);
  await context.close();
});
