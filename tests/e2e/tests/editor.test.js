// An editor's path: sign in through the form, record a status change (after
// a refused attempt whose errors are tied to their fields), see it on the
// public page, sign out. Then the same change with JavaScript switched off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, signIn, screenshot, BASE_URL, EDITOR, ADMIN } from '../lib/browser.js';
import { recordStatusChange, assertPublicShows } from '../lib/admin.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('editor: sign in → record a status change → public page shows it → sign out', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, 'en', EDITOR);
  assert.equal(new URL(page.url()).pathname, '/en/admin/');
  assert.match(await page.locator('.signout').innerText(), new RegExp(EDITOR.user));
  await screenshot(page, 'desktop-admin-dashboard');

  const note = `Recorded by the browser test at ${Date.now()}.`;
  const { article, status } = await recordStatusChange(page, { lang: 'en', row: 0, note, checkErrors: true });
  await screenshot(page, 'desktop-admin-amendment');

  // The public page, reached by the admin page's own link.
  const publicLink = page.locator('main a[href$="/amendments/' + article + '"]').first();
  await Promise.all([page.waitForURL((u) => u.pathname === `/en/amendments/${article}`), publicLink.click()]);
  await assertPublicShows(page, { lang: 'en', article, status, note });

  // Sign out, and the admin is closed again.
  await page.goto(`${BASE_URL}/en/admin/`);
  await Promise.all([page.waitForNavigation(), page.locator('.signout button[type="submit"]').click()]);
  assert.equal(await page.locator('.signout').count(), 0, 'no longer shown as signed in');
  const response = await page.goto(`${BASE_URL}/en/admin/`);
  assert.ok(response.ok());
  assert.match(new URL(page.url()).pathname, /\/admin\/login$/, 'the admin redirects to the log-in page');
  assert.equal(await page.locator('input[name="password"]').count(), 1);
  await context.close();
});

test('no JavaScript: an admin records a status change with scripts switched off', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'ru', ADMIN);
  assert.equal(new URL(page.url()).pathname, '/ru/admin/');
  const note = `Recorded without JavaScript at ${Date.now()}.`;
  const { article, status } = await recordStatusChange(page, { lang: 'ru', row: -1, note, checkErrors: true, axe: false });
  await assertPublicShows(page, { lang: 'ru', article, status, note });
  await context.close();
});
