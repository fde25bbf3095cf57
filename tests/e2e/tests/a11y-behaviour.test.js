// What axe cannot see: keyboard use, status in text rather than colour,
// text alternatives for charts, reduced motion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, signIn, BASE_URL, ADMIN } from '../lib/browser.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const focusInfo = () => {
  const el = document.activeElement;
  const cs = getComputedStyle(el);
  const path = [];
  for (let n = el; n && n !== document.body; n = n.parentElement) path.unshift(n.tagName.toLowerCase() + (n.id ? `#${n.id}` : ''));
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    cls: el.className && typeof el.className === 'string' ? el.className : '',
    text: (el.textContent || el.value || '').trim().slice(0, 40),
    path: path.join('>'),
    outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
    shadow: cs.boxShadow,
    index: [...document.querySelectorAll('*')].indexOf(el),
  };
};

for (const [name, url, signedIn] of [
  ['overview', '/en/', false],
  ['amendment', '/en/amendments/4', false],
  ['admin amendment', '/en/admin/amendments/4', true],
]) {
  test(`keyboard on the ${name} page: skip link first, visible focus, tab order follows the page, no trap`, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    if (signedIn) await signIn(page, 'en', ADMIN);
    await page.goto(`${BASE_URL}${url}`);

    // The first Tab reaches the skip link, which is then visible on screen.
    await page.keyboard.press('Tab');
    const first = await page.evaluate(focusInfo);
    assert.match(first.cls, /skip-link/, `first Tab focuses the skip link, got ${JSON.stringify(first)}`);
    const box = await page.locator('.skip-link').boundingBox();
    assert.ok(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen');
    // Activating it moves focus to the main content.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    assert.equal(new URL(page.url()).hash, '#main');

    // Tab from the top through the page: focus always moves forward in
    // document order, each focused element shows a focus indicator that
    // differs from its unfocused look, and the walk reaches the end.
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    await page.goto(`${BASE_URL}${url}`);
    const seen = [];
    let wrapped = false;
    for (let i = 0; i < 400; i += 1) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(focusInfo);
      const last = seen[seen.length - 1];
      // A date field takes one Tab per part (day, month, year).
      if (last && info.index === last.index && info.tag === 'input') continue;
      if (info.tag === 'body' || (last && info.index <= last.index)) { wrapped = true; break; }
      seen.push(info);
    }
    assert.ok(seen.length > 10, `only ${seen.length} stops`);
    assert.ok(wrapped, 'Tab reached the end of the page: no keyboard trap');
    // Leaving the page happened after the last focusable element, not by a
    // jump backwards in the middle, and no focusable element was skipped.
    const tabbable = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex="0"]')]
        .filter((el) => !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .filter((el) => !(el.type === 'radio' && !el.checked && document.querySelector(`input[type=radio][name="${el.name}"]:checked`)))
        .map((el) => all.indexOf(el));
    });
    const missing = tabbable.filter((i) => !seen.some((s) => s.index === i));
    const extra = seen.filter((s) => !tabbable.includes(s.index));
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `Tab visits every focusable element once, in document order (${seen.length} stops, ${tabbable.length} focusable)`);
    // Positive tabindex would break the order; none is used.
    assert.equal(await page.locator('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])').count(), 0);

    // Focus is visible: compare each kind of control focused and not.
    const kinds = ['a[href]', 'button', 'input:not([type=hidden])', 'select', 'textarea', 'summary'];
    let compared = 0;
    for (const selector of kinds) {
      const target = page.locator(`main ${selector}, header ${selector}, footer ${selector}`).first();
      if (!(await target.count())) continue;
      const plain = await target.evaluate((el) => { const cs = getComputedStyle(el); return `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}|${cs.boxShadow}`; });
      // Focus by keyboard: focus the element before it, then Tab.
      await target.evaluate((el) => el.focus());
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => { const cs = getComputedStyle(document.activeElement); return { visible: document.activeElement.matches(':focus-visible'), look: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}|${cs.boxShadow}` }; });
      assert.ok(focused.visible, `${selector} is :focus-visible after Tab`);
      assert.notEqual(focused.look, plain, `${selector} looks different when focused (${focused.look})`);
      assert.doesNotMatch(focused.look, /^none 0px/, `${selector} has an outline or a shadow when focused`);
      compared += 1;
    }
    assert.ok(compared >= 3);
    await context.close();
  });
}

test('status in text and structure: the status bar, the list and the stepper', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  for (const lang of ['kk', 'ru', 'en']) {
    await page.goto(`${BASE_URL}/${lang}/`);
    // The bar is an image with a text alternative naming every status and count.
    const bar = page.locator('svg.status-bar');
    assert.equal(await bar.getAttribute('role'), 'img');
    const alt = await bar.evaluate((svg) => (svg.getAttribute('aria-labelledby') || '').split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ').trim());
    const counts = page.locator('.status-counts li');
    assert.ok((await counts.count()) > 0);
    for (const item of await counts.all()) {
      const label = (await item.locator('.status').innerText()).trim();
      const count = (await item.locator('.count').innerText()).trim();
      assert.ok(label.length > 1, 'each status in the bar has a label in words');
      assert.match(count, /^\d+$/);
      assert.ok(alt.includes(`${label} ${count}`), `the bar's text alternative names "${label} ${count}": ${alt}`);
      assert.ok((await item.locator('a').innerText()).includes(label), 'the link text says the status');
    }
    // The colour mark is decoration: hidden from assistive technology.
    assert.equal(await page.locator('.status-mark:not([aria-hidden="true"])').count(), 0);

    await page.goto(`${BASE_URL}/${lang}/amendments/4`);
    const steps = page.locator('ol.stepper > li');
    assert.ok((await steps.count()) >= 3, 'the stepper is an ordered list of steps');
    for (const step of await steps.all()) {
      assert.ok((await step.locator('.step-label').innerText()).trim().length > 1, 'each step has its name');
      assert.match(await step.locator('.step-state').innerText(), /\(.+\)/, 'each step says its state in words');
    }
    assert.equal(await page.locator('ol.stepper > li[aria-current="step"]').count(), 1, 'the current step is marked for assistive technology');
  }
  await context.close();
});

test('charts have a text alternative and their figures as a table', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  for (const url of ['/en/', '/en/results', '/kk/results', '/ru/']) {
    await page.goto(`${BASE_URL}${url}`);
    const charts = await page.locator('main svg').evaluateAll((svgs) => svgs.map((svg) => ({
      cls: svg.getAttribute('class'),
      role: svg.getAttribute('role'),
      hidden: svg.getAttribute('aria-hidden') === 'true',
      name: (svg.getAttribute('aria-label') || (svg.getAttribute('aria-labelledby') || '').split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ')).trim(),
    })));
    assert.ok(charts.length > 0, `${url} has charts`);
    for (const c of charts) {
      if (c.hidden) continue;
      assert.equal(c.role, 'img', `${url} svg.${c.cls} has role=img`);
      assert.ok(c.name.length > 10, `${url} svg.${c.cls} has a text alternative`);
    }
    assert.ok((await page.locator('main table caption').count()) > 0, `${url} gives the figures as a captioned table`);
  }
  await context.close();
});

test('reduced motion: nothing animates or transitions when the visitor asks for less motion', async () => {
  const context = await newContext(browser, { reducedMotion: 'reduce' });
  const page = await context.newPage();
  for (const url of ['/en/', '/en/amendments/4', '/en/announcements', '/en/admin/login']) {
    await page.goto(`${BASE_URL}${url}`);
    assert.ok(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches));
    const moving = await page.evaluate(() => {
      const secs = (v) => v.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1));
      const out = [];
      for (const el of [document.documentElement, ...document.querySelectorAll('*')]) {
        for (const pseudo of [null, '::before', '::after']) {
          const cs = getComputedStyle(el, pseudo);
          const anim = cs.animationName !== 'none' && Math.max(...secs(cs.animationDuration)) > 0;
          const trans = Math.max(...secs(cs.transitionDuration)) > 0 && cs.transitionProperty !== 'none';
          if (anim || trans || cs.scrollBehavior === 'smooth') out.push(`${el.tagName.toLowerCase()}${pseudo || ''}.${el.className}`);
        }
      }
      return out;
    });
    assert.deepEqual(moving, [], `${url}: elements still moving`);
    // The stylesheet itself answers the preference (not only by having no motion today).
    const hasRule = await page.evaluate(() => [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.media && /prefers-reduced-motion:\s*reduce/.test(r.media.mediaText))));
    assert.ok(hasRule, 'the stylesheet has a prefers-reduced-motion: reduce rule');
  }
  await context.close();
});
