// Page-side benchmark in headless Chromium (1280×800): time per painted
// animation frame spent in update + render while playing (median, p99),
// animation frames requested in 3 idle seconds on each tab and in 3 s of play,
// load-to-first-frame time, and the gzipped transfer size of wasm + JS + CSS.
// Run after `trunk build --release`:  node tests/e2e/bench.mjs [DIST]
// (DIST: another build's dist/ folder, e.g. an older release's, to compare).
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { serve, launch, openLab, DIST } from './harness.mjs';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];

const ROOT = process.argv[2] ? `${process.argv[2].replace(/\/$/, '')}/` : DIST;

async function transferSize() {
  const files = (await readdir(ROOT)).filter((f) => /\.(wasm|js|css)$/.test(f));
  const rows = [];
  for (const f of files) {
    const raw = await readFile(`${ROOT}${f}`);
    rows.push({ file: f, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
  }
  return rows;
}

async function firstFrame(browser, url, runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const { page, context } = await openLab(browser, url);
    times.push(await page.evaluate(() => window.wasmBindings.frameStats().firstFrameMs));
    await context.close();
  }
  return median(times);
}

async function playing(browser, url, hash, seconds) {
  const { page, context } = await openLab(browser, url, { hash });
  await page.evaluate(() => window.wasmBindings.resetFrameStats());
  await page.click('#play');
  await page.click('#descent-play');
  await page.waitForTimeout(seconds * 1000);
  const stats = await page.evaluate(() => window.wasmBindings.frameStats());
  await context.close();
  return stats;
}

/** The data card playing at `hash`'s speed for `seconds`: the frame stats. */
async function playingData(browser, url, hash, seconds) {
  const { page, context } = await openLab(browser, url, { hash });
  await page.evaluate(() => window.wasmBindings.resetFrameStats());
  await page.click('#play');
  await page.waitForTimeout(seconds * 1000);
  const stats = await page.evaluate(() => window.wasmBindings.frameStats());
  stats.status = await page.textContent('#data-status');
  await context.close();
  return stats;
}

/**
 * Animation frames the page requested in 3 s on each tab while nothing moves, and
 * while playing: counted by wrapping `requestAnimationFrame` before the page loads,
 * so any build of the page can be measured the same way.
 */
async function requestedFrames(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__requested = 0;
    const request = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => {
      window.__requested += 1;
      return request(callback);
    };
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('#backprop-lab[data-ready="true"]', { timeout: 30000 });
  const count = () => page.evaluate(() => window.__requested);
  const rows = [];
  for (const tab of ['network', 'graph', 'cats']) {
    await page.click(`#tab-${tab}`);
    await page.waitForTimeout(500);
    const before = await count();
    await page.waitForTimeout(3000);
    rows.push([`idle on the ${tab} tab`, (await count()) - before]);
  }
  await page.click('#tab-network');
  await page.waitForTimeout(300);
  const before = await count();
  await page.click('#play');
  await page.waitForTimeout(3000);
  rows.push(['playing the network (speed 4/s)', (await count()) - before]);
  await context.close();
  return rows;
}

const server = await serve(ROOT);
const browser = await launch();
try {
  const sizes = await transferSize();
  const first = await firstFrame(browser, server.url);
  // Fastest speed (many phases per frame) with the descent view playing too.
  const fast = await playing(browser, server.url, '#speed=7&rate=0.1', 8);
  const slow = await playing(browser, server.url, '#speed=4&rate=0.1', 8);
  const requested = await requestedFrames(browser, server.url);
  // The data card at full speed (as many epochs a frame as fit in 2 ms): training, boundary grid, diagram.
  const circle = await playingData(browser, server.url, '#data=circle&lr=0.03&speed=7', 8);
  const deep = await playingData(browser, server.url, '#data=circle&lr=0.03&speed=7&shape=8,8,8,8,8,8&act=tanh', 8);
  const oneEpoch = await playingData(browser, server.url, '#data=circle&lr=0.03&speed=4&shape=8,8,8,8,8,8&act=tanh', 8);
  console.log(`Chromium headless, viewport 1280×800, ${new Date().toISOString().slice(0, 10)}`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| frame update+render, playing at 600 phases/s (median) | ${fast.medianMs.toFixed(2)} ms over ${fast.frames} frames |`);
  console.log(`| frame update+render, playing at 600 phases/s (p99) | ${fast.p99Ms.toFixed(2)} ms |`);
  console.log(`| frame update+render, playing at 16 phases/s (median / p99) | ${slow.medianMs.toFixed(2)} / ${slow.p99Ms.toFixed(2)} ms over ${slow.frames} painted frames |`);
  console.log(`| data card, circle [2, 4, 2, 1], top speed (2 ms of epochs a frame) (median / p99) | ${circle.medianMs.toFixed(2)} / ${circle.p99Ms.toFixed(2)} ms over ${circle.frames} frames |`);
  console.log(`| data card, circle, 6 hidden layers of 8, top speed (2 ms of epochs a frame) (median / p99) | ${deep.medianMs.toFixed(2)} / ${deep.p99Ms.toFixed(2)} ms over ${deep.frames} frames |`);
  console.log(`| data card, circle, 6 hidden layers of 8, 1 epoch/frame (median / p99) | ${oneEpoch.medianMs.toFixed(2)} / ${oneEpoch.p99Ms.toFixed(2)} ms over ${oneEpoch.frames} frames |`);
  console.log(`| load to first painted frame (median of 5) | ${first.toFixed(0)} ms |`);
  for (const [what, n] of requested) console.log(`| animation frames requested in 3 s, ${what} | ${n} |`);
  for (const r of sizes) console.log(`| ${r.file} | ${(r.raw / 1024).toFixed(1)} KB raw, ${(r.gzip / 1024).toFixed(1)} KB gzipped |`);
  const total = sizes.reduce((s, r) => s + r.gzip, 0);
  console.log(`| total transfer (wasm + JS + CSS, gzip -9) | ${(total / 1024).toFixed(1)} KB |`);
} finally {
  await browser.close();
  await server.close();
}
