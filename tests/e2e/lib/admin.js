// The editor's status change through the admin form, shared by the
// JavaScript and the no-JavaScript tests.
import assert from 'node:assert/strict';
import { BASE_URL, saveHtml } from './browser.js';
import { axeViolations, formatViolations } from './checks.js';

export function today() {
  return new Date().toISOString().slice(0, 10);
}

async function submit(page, button) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
}

/// From the dashboard, opens the amendment in row `row` (negative counts
/// from the end), records a status change and returns what was recorded.
export async function recordStatusChange(page, { lang, row, note, checkErrors = false, axe = true }) {
  await page.goto(`${BASE_URL}/${lang}/admin/`);
  const links = page.locator('.admin-table tbody th a');
  const n = await links.count();
  assert.ok(n > 0, 'the dashboard lists amendments');
  const link = links.nth(row < 0 ? n + row : row);
  const article = decodeURIComponent((await link.getAttribute('href')).split('/').pop());
  await Promise.all([page.waitForURL((u) => u.pathname.endsWith(`/admin/amendments/${article}`)), link.click()]);

  const form = page.locator('form[action$="/status"]');
  assert.equal(await form.count(), 1, `article ${article} offers a status change`);

  if (checkErrors) {
    // A bad source address and no date: refused, and each error is tied to
    // its field by aria-describedby, with the typed note kept.
    await form.locator('textarea[name="note"]').fill(note);
    await form.locator('input[name="effective_date"]').fill('');
    await form.locator('input[name="source_url"]').fill('not an address');
    const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), form.locator('button[type="submit"]').click()]);
    assert.equal(response.status(), 422);
    // The refused form is a page of its own: valid HTML and no axe violations
    // (axe needs scripts, so not in the no-JavaScript context).
    saveHtml(`${page.url()}?refused`, await response.text());
    if (axe) {
      const report = formatViolations(`${page.url()} (refused form)`, await axeViolations(page));
      assert.equal(report, '', report);
    }
    for (const field of ['#status-source', '#status-date']) {
      const input = page.locator(field);
      assert.equal(await input.getAttribute('aria-invalid'), 'true', `${field} is marked invalid`);
      const describedBy = await input.getAttribute('aria-describedby');
      assert.ok(describedBy, `${field} has aria-describedby`);
      const error = page.locator(`[id="${describedBy}"]`);
      assert.equal(await error.count(), 1, `${field}'s description #${describedBy} exists`);
      assert.ok(await error.isVisible(), `${field}'s error is visible`);
      assert.ok((await error.innerText()).trim().length > 0, `${field}'s error has text`);
    }
    assert.equal(await page.locator('#status-note').inputValue(), note, 'the typed note is kept');
  }

  const select = form.locator('select[name="status"]');
  const option = select.locator('option').first();
  const status = { key: await option.getAttribute('value'), label: (await option.innerText()).trim() };
  await select.selectOption(status.key);
  await form.locator('input[name="effective_date"]').fill(today());
  await form.locator('textarea[name="note"]').fill(note);
  await form.locator('input[name="source_url"]').fill('https://example.org/e2e-source');
  await submit(page, form.locator('button[type="submit"]'));
  assert.equal(new URL(page.url()).pathname, `/${lang}/admin/amendments/${article}`);
  assert.ok((await page.locator('.flash[role="status"]').innerText()).trim().length > 0, 'a confirmation is shown');
  assert.equal(await page.locator('.history').getByText(note).count(), 1, 'the admin history shows the new entry');
  return { article, status };
}

/// The public amendment page shows the change: current status and history.
export async function assertPublicShows(page, { lang, article, status, note }) {
  const response = await page.goto(`${BASE_URL}/${lang}/amendments/${article}`);
  assert.equal(response.status(), 200);
  assert.equal((await page.locator('main .meta .status').first().innerText()).trim(), status.label, 'the current status is the new one');
  const entry = page.locator('.history > li').filter({ hasText: note });
  assert.equal(await entry.count(), 1, 'the public history lists the change');
  assert.equal((await entry.locator('.status').innerText()).trim(), status.label);
  assert.equal(await entry.locator('a[href="https://example.org/e2e-source"]').count(), 1, 'with its source');
}
