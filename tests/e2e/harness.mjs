// Shared set-up of the end-to-end tests: serve the Trunk-built dist/ on
// 127.0.0.1 and open the lab in Debian's headless Chromium (playwright-core).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.png': 'image/png',
};

/**
 * Serves `root` on 127.0.0.1 at a free port, plus `extra` pages given as
 * { '/path.html': html }; resolves to { url, close }.
 */
export async function serve(root = DIST, extra = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (extra[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(extra[path]);
      return;
    }
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Debian's Chromium, headless, with no network chatter. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens the lab at `url + hash` in a 1280×`height` (800) page with the given browser
 * locale and waits until it has painted. `errors` collects console errors and
 * uncaught exceptions: a test asserts it stays empty.
 */
export async function openLab(browser, url, { hash = '', locale = 'en-US', height = 800 } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url + hash);
  await page.waitForSelector('#backprop-lab[data-ready="true"]', { timeout: 30000 });
  return { page, context, errors };
}

/** Every number written in `text` (ASCII minus, decimals, exponents). */
export function numbersIn(text) {
  return (text.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
}

/** Waits until the page has painted what the last event changed (two animation frames). */
export function settle(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Clicks `#id` and waits for the repaint. */
export async function click(page, id) {
  await page.click(`#${id}`);
  await settle(page);
}

/** Types `value` into the text field `#id`, commits it (change event) and waits for the repaint. */
export async function typeInto(page, id, value) {
  await page.fill(`#${id}`, String(value));
  await page.dispatchEvent(`#${id}`, 'change');
  await settle(page);
}

/** Presses `key` on the page body and waits for the repaint. */
export async function press(page, key) {
  await page.locator('body').press(key);
  await settle(page);
}

/** Clicks `#id` n times, waiting for each repaint. */
export async function clickTimes(page, id, n) {
  for (let i = 0; i < n; i += 1) await click(page, id);
}

/**
 * Registers a server and a browser for the test file's lifetime; the returned
 * object's `server` and `browser` are set once `before` has run.
 */
export function useLab() {
  const lab = { server: null, browser: null };
  before(async () => {
    lab.server = await serve();
    lab.browser = await launch();
  });
  after(async () => {
    await lab.browser?.close();
    await lab.server?.close();
  });
  return lab;
}
