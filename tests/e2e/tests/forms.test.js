// Every admin form that saves something, sent back with its text fields
// emptied or filled with nonsense: the refused page must tie every error to
// its field (aria-invalid and aria-describedby pointing at visible text), be
// valid HTML and pass axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, signIn, saveHtml, BASE_URL, ADMIN } from '../lib/browser.js';
import { axeViolations, formatViolations, unlabelledFields } from '../lib/checks.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Forms that remove, switch or sign out: submitting them is not a test of
// error messages, and would change what the other forms see.
const SKIP = /\/(delete|disable|enable|logout|publish|password)$|\/links$|\/import$/;

const PAGES = ['/en/admin/amendments/4', '/en/admin/timeline', '/en/admin/account', '/en/admin/users', '/en/admin/referendums', '/en/admin/results'];

test('refused admin forms: each error is tied to its field, the page is valid and passes axe', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, 'en', ADMIN);
  // Pages with parameterised addresses, reached by their links.
  await page.goto(`${BASE_URL}/en/admin/timeline`);
  const timelinePages = await page.locator('main a[href*="/admin/timeline/"]').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  await page.goto(`${BASE_URL}/en/admin/amendments/4`);
  const translationPages = await page.locator('main a[href*="/admin/translations/"]').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  const pages = [...PAGES, timelinePages[0], translationPages[0]].filter(Boolean);

  const problems = [];
  let refused = 0;
  for (const url of pages) {
    await page.goto(`${BASE_URL}${url}`);
    const actions = await page.locator('main form[method="post"]').evaluateAll((forms) => forms.map((f) => f.getAttribute('action')));
    for (const [i, action] of actions.entries()) {
      if (SKIP.test(action)) continue;
      await page.goto(`${BASE_URL}${url}`);
      const form = page.locator('main form[method="post"]').nth(i);
      // Nonsense where a date or address is asked, nothing elsewhere.
      for (const field of await form.locator('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea').all()) {
        const type = await field.getAttribute('type');
        if (type === 'date') await field.evaluate((el) => { el.type = 'text'; el.value = '31.02.2022'; });
        else if (type === 'url') await field.evaluate((el) => { el.type = 'text'; el.value = 'not an address'; });
        else await field.fill('');
      }
      const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), form.locator('button[type="submit"]').last().click()]);
      const status = response.status();
      const where = `${action} (refused, ${status})`;
      if (status < 400) continue; // accepted: nothing required in this form
      refused += 1;
      assert.ok([400, 422].includes(status), `${where}: expected 400 or 422`);
      saveHtml(`${BASE_URL}${action}?refused`, await response.text());
      const invalid = await page.evaluate(() => [...document.querySelectorAll('[aria-invalid="true"]')].map((el) => {
        const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
        const texts = ids.map((id) => { const d = document.getElementById(id); return d && d.getClientRects().length ? d.textContent.trim() : ''; });
        return { field: el.id || el.name, ids, ok: ids.length > 0 && texts.every((t) => t.length > 0) };
      }));
      const errors = await page.locator('main .error').count();
      if (status === 422) {
        if (invalid.length === 0) problems.push(`${where}: refused but no field is marked aria-invalid`);
        if (errors < invalid.length) problems.push(`${where}: fewer error messages than invalid fields`);
      }
      for (const f of invalid.filter((f) => !f.ok)) problems.push(`${where}: field ${f.field} has no visible error linked by aria-describedby (${f.ids.join(' ')})`);
      const unlabelled = await unlabelledFields(page);
      if (unlabelled.length) problems.push(`${where}: fields without a label: ${unlabelled.join(', ')}`);
      problems.push(formatViolations(where, await axeViolations(page)));
    }
  }
  await context.close();
  const report = problems.filter(Boolean).join('\n');
  assert.equal(report, '', report);
  assert.ok(refused >= 5, `only ${refused} forms were refused`);
  console.log(`${refused} refused forms checked`);
});
