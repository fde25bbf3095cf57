// The citizen's path, shared by the desktop, phone and no-JavaScript tests:
// overview → status bar → filtered list → amendment → motivating statement
// on the announcement page → back-link → the amendment again.
import assert from 'node:assert/strict';
import { BASE_URL } from './browser.js';

/// Follows a link as a person does (a click) and waits for the new page.
async function clickAndWait(page, link) {
  const before = page.url();
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await page.waitForURL((u) => u.href !== before);
  await page.waitForLoadState('load');
}

/// Runs the path; `visit(page, name)` is called on every page reached
/// (for screenshots and overflow checks).
export async function citizenPath(page, { lang = 'en', visit = async () => {} } = {}) {
  await page.goto(`${BASE_URL}/${lang}/`);
  await visit(page, 'overview');

  // The status bar: a list of statuses, each a link with its label and count.
  const statusLinks = page.locator('.status-counts a');
  assert.ok((await statusLinks.count()) > 0, 'the overview has status links');
  const first = statusLinks.first();
  const label = (await first.locator('.status').innerText()).trim();
  const statusKey = new URL(await first.getAttribute('href'), BASE_URL).searchParams.get('status');
  await clickAndWait(page, first);

  // The filtered list: the address, the form and every row say the status.
  const listUrl = new URL(page.url());
  assert.equal(listUrl.pathname, `/${lang}/amendments`);
  assert.equal(listUrl.searchParams.get('status'), statusKey);
  assert.equal(await page.locator('#filter-status').inputValue(), statusKey, 'the status filter shows the chosen status');
  const rows = page.locator('.amendment-list > li');
  const rowCount = await rows.count();
  assert.ok(rowCount > 0, 'the filtered list is not empty');
  const rowStatuses = await rows.locator('.status').allInnerTexts();
  assert.equal(rowStatuses.length, rowCount);
  for (const s of rowStatuses) assert.equal(s.trim(), label, 'every listed amendment has the chosen status');
  await visit(page, 'amendments-filtered');

  // Open amendments in list order until one has a motivating statement.
  let article;
  for (let i = 0; i < rowCount; i += 1) {
    const link = page.locator('.amendment-list > li h2 a').nth(i);
    const href = await link.getAttribute('href');
    await clickAndWait(page, link);
    assert.equal(new URL(page.url()).pathname, new URL(href, BASE_URL).pathname);
    if (await page.locator('.statement-quote figcaption a').count()) {
      article = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
      break;
    }
    await page.goBack();
  }
  assert.ok(article, 'some amendment in the filtered list has a motivating statement');
  await assert.doesNotReject(page.locator('h1').filter({ hasText: article }).waitFor(), 'the amendment page names its article');
  await visit(page, 'amendment');

  // The motivating statement, at its anchor on the announcement page.
  const statementLink = page.locator('.statement-quote figcaption a').first();
  const target = new URL(await statementLink.getAttribute('href'), BASE_URL);
  const fragment = decodeURIComponent(target.hash.slice(1));
  assert.ok(fragment, 'the statement link has an anchor');
  await clickAndWait(page, statementLink);
  const here = new URL(page.url());
  assert.match(here.pathname, new RegExp(`^/${lang}/announcements/`));
  assert.equal(decodeURIComponent(here.hash.slice(1)), fragment);
  const statement = await page.evaluate((id) => {
    const el = document.getElementById(id);
    return el && { statement: el.classList.contains('statement'), target: el.matches(':target'), text: el.textContent.trim() };
  }, fragment);
  assert.ok(statement, `#${fragment} exists on the announcement page`);
  assert.ok(statement.statement, `#${fragment} is a statement`);
  assert.ok(statement.target, `#${fragment} is the page's :target`);
  assert.ok(statement.text.length > 20, 'the statement has its text');
  await visit(page, 'announcement');

  // The statement's back-link to the amendment it motivated.
  const back = page.locator(`[id="${fragment}"] .backlinks a[href$="/amendments/${article}"]`);
  assert.equal(await back.count(), 1, `the statement links back to article ${article}`);
  await clickAndWait(page, back);
  assert.equal(decodeURIComponent(new URL(page.url()).pathname), `/${lang}/amendments/${article}`);
  await assert.doesNotReject(page.locator('h1').filter({ hasText: article }).waitFor());
  return { article, statusKey };
}
