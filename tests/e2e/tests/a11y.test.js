// axe-core (WCAG 2.1 A and AA) on every public page and every admin page, in
// every language, in the light and the dark colour scheme; on every public
// page also the anchor check. Each page's HTML, as the server sent it, is
// saved for the Nu HTML Checker that run.sh runs afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, signIn, saveHtml, BASE_URL, ADMIN, LANGS } from '../lib/browser.js';
import { axeViolations, formatViolations } from '../lib/checks.js';
import { Crawl, checkAll, sitemapUrls, routeKey } from '../lib/site.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Every amendment and announcement; a few of each filtered or dated variant.
const publicCap = (key) => (/\?/.test(key) ? 3 : 1000);
// Every admin amendment page; five of each other parameterised admin page.
const adminCap = (key) => (/\/amendments\/\{\}$/.test(key) ? 1000 : /\{\}|\?/.test(key) ? 5 : 1000);

for (const lang of LANGS) {
  test(`axe, anchors: every public page in ${lang}, light and dark`, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const crawl = new Crawl({
      accept: (u) => u.pathname.startsWith(`/${lang}/`) && !u.pathname.startsWith(`/${lang}/admin`),
      perRoute: publicCap,
    });
    for (const url of await sitemapUrls(lang)) crawl.add(url);
    crawl.add(`${BASE_URL}/${lang}/search?q=court`);
    crawl.add(`${BASE_URL}/${lang}/search?q=zzzzqqq`);
    // The tracker through time: the footer's date form leads here, and links
    // inside a dated page keep the date, so the crawl follows them.
    crawl.add(`${BASE_URL}/${lang}/?as_of=2022-05-01`);
    crawl.add(`${BASE_URL}/${lang}/amendments?as_of=2022-04-29`);
    const { problems, visited } = await checkAll(page, crawl, { anchors: true, labels: true });
    // Pages that exist but are reached by no link: the error pages.
    for (const [url, expected] of [[`${BASE_URL}/${lang}/amendments/9999`, 404], [`${BASE_URL}/${lang}/?as_of=1900-01-01`, 400]]) {
      await page.emulateMedia({ colorScheme: 'light' });
      const response = await page.goto(url);
      assert.equal(response.status(), expected, url);
      saveHtml(url, await response.text());
      problems.push(formatViolations(`${url} [light]`, await axeViolations(page)));
      await page.emulateMedia({ colorScheme: 'dark' });
      problems.push(formatViolations(`${url} [dark]`, await axeViolations(page)));
    }
    await context.close();
    console.log(`${lang}: ${visited} public pages checked (${new Set([...crawl.seen].map(routeKey)).size} kinds)`);
    assert.ok(visited >= 40, `only ${visited} public pages found in ${lang}`);
    const report = problems.filter(Boolean).join('\n');
    assert.equal(report, '', `accessibility problems on public pages in ${lang}:\n${report}`);
  });

  test(`axe, labels: every admin page in ${lang}, light and dark`, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // The log-in page is checked before signing in.
    const problems = [];
    const login = `${BASE_URL}/${lang}/admin/login`;
    await page.emulateMedia({ colorScheme: 'light' });
    saveHtml(login, await (await page.goto(login)).text());
    problems.push(formatViolations(`${login} [light]`, await axeViolations(page)));
    await page.emulateMedia({ colorScheme: 'dark' });
    problems.push(formatViolations(`${login} [dark]`, await axeViolations(page)));
    await signIn(page, lang, ADMIN);
    assert.ok(new URL(page.url()).pathname.startsWith(`/${lang}/admin`), `signed in lands on ${page.url()}`);
    const crawl = new Crawl({
      accept: (u) => u.pathname.startsWith(`/${lang}/admin/`) && !u.pathname.endsWith('/login'),
      perRoute: adminCap,
    });
    crawl.add(`${BASE_URL}/${lang}/admin/`);
    const result = await checkAll(page, crawl, { anchors: true, labels: true });
    problems.push(...result.problems);
    await context.close();
    console.log(`${lang}: ${result.visited} admin pages checked`);
    assert.ok(result.visited >= 40, `only ${result.visited} admin pages found in ${lang}`);
    const report = problems.filter(Boolean).join('\n');
    assert.equal(report, '', `accessibility problems on admin pages in ${lang}:\n${report}`);
  });
}
