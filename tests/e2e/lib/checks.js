// The checkers the suite applies to every page. The checker self-test
// (tests/checker.test.js) runs these same functions on pages broken on
// purpose, so a checker that silently stops finding problems fails the suite.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/// Runs axe-core for WCAG 2.1 A and AA on the page as it is now (colour
/// scheme and viewport included) and returns its violations.
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
  return results;
}

/// One line per failing element: page, rule, element.
export function formatViolations(where, violations) {
  const lines = [];
  for (const v of violations) {
    for (const n of v.nodes) {
      lines.push(`${where}\n  rule: ${v.id} (${v.impact}) ${v.help}\n  element: ${n.target}\n  html: ${n.html.slice(0, 300)}\n  ${String(n.summary || '').replace(/\n/g, '\n  ')}`);
    }
  }
  return lines.join('\n');
}

const idCache = new Map();

/// Every link with a #fragment on the page must point at an element that
/// exists: on this page by looking it up, on another page of the same site by
/// fetching that page and reading its ids. Returns the broken links.
export async function brokenAnchors(page) {
  const links = await page.evaluate(() => {
    const here = new URL(document.baseURI);
    here.hash = '';
    const out = [];
    for (const a of document.querySelectorAll('a[href], area[href]')) {
      const raw = a.getAttribute('href');
      if (!raw.includes('#')) continue;
      let url;
      try { url = new URL(raw, document.baseURI); } catch { out.push({ href: raw, text: a.textContent.trim(), bad: 'unparsable' }); continue; }
      const fragment = decodeURIComponent(url.hash.slice(1));
      url.hash = '';
      const samePage = url.href === here.href;
      const sameOrigin = url.origin === here.origin;
      out.push({
        href: raw,
        text: a.textContent.trim().slice(0, 80),
        fragment,
        samePage,
        sameOrigin,
        target: url.href,
        found: samePage ? (fragment === '' || fragment === 'top' || !!document.getElementById(fragment) || document.getElementsByName(fragment).length > 0) : null,
      });
    }
    return out;
  });
  const broken = [];
  for (const l of links) {
    if (l.bad) { broken.push(l); continue; }
    if (l.samePage) {
      if (!l.found) broken.push(l);
      continue;
    }
    if (!l.sameOrigin || l.fragment === '') continue;
    let ids = idCache.get(l.target);
    if (!ids) {
      const response = await page.request.get(l.target);
      if (!response.ok()) { broken.push({ ...l, bad: `target answered ${response.status()}` }); continue; }
      const html = await response.text();
      ids = new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => m[1]));
      idCache.set(l.target, ids);
    }
    if (!ids.has(l.fragment)) broken.push(l);
  }
  return broken;
}

export function formatAnchors(where, broken) {
  return broken.map((b) => `${where}\n  broken anchor: ${b.href} ("${b.text}")${b.bad ? ` ${b.bad}` : ''}`).join('\n');
}

/// Form fields (input other than hidden/submit/button, select, textarea)
/// without an accessible label: no <label for>, no wrapping label, no
/// aria-label or aria-labelledby with text.
export async function unlabelledFields(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('input, select, textarea')) {
      const type = (el.getAttribute('type') || '').toLowerCase();
      if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
      const byLabel = [...(el.labels || [])].some((l) => l.textContent.trim() !== '');
      const byAria = (el.getAttribute('aria-label') || '').trim() !== '';
      const byRef = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
        .some((id) => (document.getElementById(id)?.textContent || '').trim() !== '');
      if (!byLabel && !byAria && !byRef) out.push(el.outerHTML.slice(0, 200));
    }
    return out;
  });
}

/// Null when nothing on the page is wider than the screen, else what is.
/// On a phone (isMobile) Chromium widens innerWidth to fit content that
/// overflows, as mobile browsers zoom out, so the screen's width is taken
/// from the viewport the test set, and both the document's scroll width and
/// innerWidth must stay within it.
export async function horizontalOverflow(page) {
  const screenWidth = page.viewportSize().width;
  return page.evaluate((screen) => {
    const width = Math.min(screen, document.documentElement.clientWidth);
    const doc = Math.max(document.documentElement.scrollWidth, window.innerWidth);
    if (doc <= width) return null;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, screen: width, culprits };
  }, screenWidth);
}
