// Which pages exist: the sitemap's public pages plus every page reachable
// from them by a link (filters, sort orders, time travel, search), and every
// admin page reachable from the dashboard, with a cap on how many variants of
// one parameterised address are visited.
import { BASE_URL, saveHtml } from './browser.js';
import { axeViolations, formatViolations, brokenAnchors, formatAnchors, unlabelledFields } from './checks.js';

/// A key that groups addresses of the same kind: `/en/amendments/{}` with the
/// names of the query parameters.
export function routeKey(url) {
  const u = new URL(url);
  const parts = u.pathname.split('/');
  const generic = parts.map((p, i) => {
    const prev = parts[i - 1];
    if (['amendments', 'announcements', 'timeline', 'users'].includes(prev) && p !== '' && p !== 'import') return '{}';
    if (parts[i - 2] === 'translations' && p !== '') return '{}';
    return p;
  });
  const query = [...u.searchParams.keys()].sort().join('&');
  return generic.join('/') + (query ? `?${query}` : '');
}

const SKIP = /\.(atom|csv|json|ics|xml|txt|css|png|svg)$/;

/// The same-site page links on the current page, absolute, without fragment.
export async function pageLinks(page) {
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.href));
  const out = new Set();
  for (const href of hrefs) {
    const u = new URL(href);
    if (u.origin !== new URL(BASE_URL).origin) continue;
    if (SKIP.test(u.pathname)) continue;
    u.hash = '';
    out.add(u.href);
  }
  return [...out];
}

/// A queue of pages to visit under one prefix (e.g. /en/ without /en/admin,
/// or /en/admin/), with at most `perRoute(key)` pages of each kind.
export class Crawl {
  constructor({ accept, perRoute }) {
    this.accept = accept;
    this.perRoute = perRoute;
    this.seen = new Set();
    this.counts = new Map();
    this.queue = [];
  }
  add(url) {
    const u = new URL(url, BASE_URL);
    u.hash = '';
    const href = u.href;
    if (this.seen.has(href) || !this.accept(u)) return;
    const key = routeKey(href);
    const n = this.counts.get(key) || 0;
    if (n >= this.perRoute(key)) return;
    this.counts.set(key, n + 1);
    this.seen.add(href);
    this.queue.push(href);
  }
  next() { return this.queue.shift(); }
}

/// Public page addresses from /sitemap.xml for one language.
export async function sitemapUrls(lang) {
  const response = await fetch(`${BASE_URL}/sitemap.xml`);
  if (!response.ok) throw new Error(`/sitemap.xml answered ${response.status}`);
  const xml = await response.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  // The sitemap names the public address; the test server is on loopback.
  return locs
    .map((l) => { const u = new URL(l); return `${BASE_URL}${u.pathname}${u.search}`; })
    .filter((l) => new URL(l).pathname.startsWith(`/${lang}/`) || new URL(l).pathname === `/${lang}`);
}

/// Visits every page of the crawl, runs the checks in light and dark, and
/// returns the problems found (empty when all is well) and the count.
export async function checkAll(page, crawl, { anchors, labels, save = true }) {
  const problems = [];
  let visited = 0;
  for (let url = crawl.next(); url; url = crawl.next()) {
    await page.emulateMedia({ colorScheme: 'light' });
    const response = await page.goto(url);
    const status = response.status();
    if (status >= 400) { problems.push(`${url}\n  answered ${status}`); continue; }
    if (save) saveHtml(url, await response.text());
    visited += 1;
    for (const link of await pageLinks(page)) crawl.add(link);
    problems.push(formatViolations(`${url} [light]`, await axeViolations(page)));
    await page.emulateMedia({ colorScheme: 'dark' });
    problems.push(formatViolations(`${url} [dark]`, await axeViolations(page)));
    if (anchors) problems.push(formatAnchors(url, await brokenAnchors(page)));
    if (labels) {
      const missing = await unlabelledFields(page);
      if (missing.length) problems.push(`${url}\n  fields without a label:\n    ${missing.join('\n    ')}`);
    }
  }
  return { problems: problems.filter(Boolean), visited };
}

