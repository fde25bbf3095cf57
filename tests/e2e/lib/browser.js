// Launching Debian's Chromium through playwright-core, and the settings the
// suite shares (base URL, accounts, output folders), all read from the
// environment that run.sh sets.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const BASE_URL = (process.env.E2E_BASE_URL || 'http://127.0.0.1:3000').replace(/\/$/, '');
export const ADMIN = { user: process.env.E2E_ADMIN_USER || 'alice', password: process.env.E2E_ADMIN_PASSWORD || '' };
export const EDITOR = { user: process.env.E2E_EDITOR_USER || 'bob', password: process.env.E2E_EDITOR_PASSWORD || '' };
export const LANGS = ['kk', 'ru', 'en'];
export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR || path.resolve('../../target/e2e');
export const HTML_DIR = process.env.E2E_HTML_DIR || '';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    args: ARGS,
    timeout: 60_000,
  });
}

/// A fresh context. axe is injected as a script, which the site's
/// Content-Security-Policy (script-src 'self') would block, so contexts that
/// run axe bypass CSP; the no-JavaScript contexts never run scripts at all.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({
    viewport: DESKTOP,
    bypassCSP: options.javaScriptEnabled !== false,
    ...options,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/// Signs in through the log-in form, as a person would.
export async function signIn(page, lang, account) {
  await page.goto(`${BASE_URL}/${lang}/admin/login`);
  const form = page.locator('main form').first();
  await form.locator('input[name="username"]').fill(account.user);
  await form.locator('input[name="password"]').fill(account.password);
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').click()]);
}

/// Keeps a page's HTML as the server sent it, for the Nu HTML Checker that
/// run.sh runs after the suite (only when E2E_HTML_DIR is set).
export function saveHtml(url, html) {
  if (!HTML_DIR) return;
  mkdirSync(HTML_DIR, { recursive: true });
  const u = new URL(url);
  const name = `${u.pathname}${u.search}`.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+/, '') || 'root';
  writeFileSync(path.join(HTML_DIR, `${name}.html`), html);
}
