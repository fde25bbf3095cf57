// Other pages and features: the timeline, the Council page, the language
// switch and search, as a visitor meets them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, screenshot, BASE_URL, PHONE } from '../lib/browser.js';

let browser;
let context;
before(async () => { browser = await launch(); context = await newContext(browser); });
after(async () => { await browser?.close(); });

test('timeline: past and upcoming events around today, each dated', async () => {
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/en/`);
  await Promise.all([page.waitForURL(/\/en\/timeline$/), page.locator('.site-header nav a[href$="/timeline"]').click()]);
  assert.equal(await page.locator('.site-header nav a[aria-current="page"]').getAttribute('href'), '/en/timeline');
  assert.equal(await page.locator('#today time').count(), 1, 'today is marked');
  const events = page.locator('.timeline .event');
  assert.ok((await events.count()) >= 10, 'the timeline lists the events');
  const dates = await page.locator('.timeline .event .event-when time:first-child').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
  assert.equal(dates.length, await events.count(), 'every event is dated');
  for (const when of dates) assert.match(when, /^\d{4}-\d{2}-\d{2}/);
  assert.deepEqual([...dates].sort(), dates, 'events are in date order');
  await screenshot(page, 'desktop-timeline');
  await page.close();
});

test('council page: submission, conclusion and sources', async () => {
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/en/`);
  await Promise.all([page.waitForURL(/\/en\/council$/), page.locator('.site-header nav a[href$="/council"]').click()]);
  for (const id of ['submitted', 'conclusion']) {
    assert.ok((await page.locator(`h2#${id}`).innerText()).trim().length > 0, `section ${id}`);
  }
  assert.match(await page.locator('#conclusion ~ dl, section[aria-labelledby="conclusion"] dl').first().innerText(), /№\s*1/);
  assert.ok((await page.locator('main .sources a[href^="http"]').count()) > 0, 'the council page cites sources');
  await screenshot(page, 'desktop-council');
  await page.close();
});

test('language switch: kk → ru → en keeps the page and changes lang and text', async () => {
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/kk/council`);
  const seen = [];
  for (const lang of ['kk', 'ru', 'en']) {
    if (lang !== 'kk') {
      const link = page.locator(`.languages a[hreflang="${lang}"]`);
      await Promise.all([page.waitForURL(new RegExp(`/${lang}/council$`)), link.click()]);
    }
    assert.equal(new URL(page.url()).pathname, `/${lang}/council`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.locator(`.languages a[hreflang="${lang}"]`).getAttribute('aria-current'), 'true');
    seen.push({ h1: (await page.locator('h1').innerText()).trim(), nav: (await page.locator('.site-header nav').first().innerText()).trim() });
  }
  assert.equal(new Set(seen.map((s) => s.h1)).size, 3, `headings differ: ${JSON.stringify(seen.map((s) => s.h1))}`);
  assert.equal(new Set(seen.map((s) => s.nav)).size, 3, 'navigation differs');
  assert.match(seen[1].h1, /[А-Яа-яЁё]/, 'the Russian page is in Cyrillic');
  await page.close();
});

test('search: the header search box finds amendments and links to them', async () => {
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/en/timeline`);
  await page.getByRole('searchbox').first().fill('court');
  await Promise.all([page.waitForURL(/\/en\/search\?q=court/), page.getByRole('searchbox').first().press('Enter')]);
  assert.equal(await page.locator('#search-q').inputValue(), 'court', 'the query is kept in the box');
  const results = page.locator('.search-results > li');
  assert.ok((await results.count()) > 0, 'there are results');
  assert.match(await page.locator('main [role="status"]').innerText(), /\d/);
  assert.ok((await page.locator('.search-results mark').count()) > 0, 'matches are highlighted');
  await screenshot(page, 'desktop-search');
  // The search page's own form: a query with no match says so.
  await page.locator('#search-q').fill('zzqxwv');
  await Promise.all([page.waitForURL(/q=zzqxwv/), page.locator('form.search button[type="submit"]').click()]);
  assert.equal(await results.count(), 0);
  assert.ok((await page.locator('main [role="status"]').innerText()).trim().length > 0, 'an empty result is announced');
  // Following a result lands on its page.
  await page.goBack();
  const first = results.first().locator('h2 a');
  const href = new URL(await first.getAttribute('href'), BASE_URL);
  await Promise.all([page.waitForURL((u) => u.pathname === href.pathname), first.click()]);
  if (href.hash) assert.ok(await page.evaluate((id) => !!document.getElementById(id), decodeURIComponent(href.hash.slice(1))), `${href.hash} exists`);
  await page.close();
});

test('screenshots of the key pages at desktop and phone width', async () => {
  const phone = await newContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  for (const [ctx, prefix] of [[context, 'desktop'], [phone, 'phone']]) {
    const page = await ctx.newPage();
    for (const path of ['', 'results', 'kk/', 'ru/amendments']) {
      const url = path.match(/^(kk|ru)\//) ? `${BASE_URL}/${path}` : `${BASE_URL}/en/${path}`;
      const response = await page.goto(url);
      assert.equal(response.status(), 200, url);
      await screenshot(page, `${prefix}-${url.slice(BASE_URL.length + 1).replace(/\W+/g, '-').replace(/-$/, '-overview')}`);
    }
    await page.close();
  }
  await phone.close();
});
