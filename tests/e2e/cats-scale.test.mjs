// A drop of 2000 of the learner's own pictures: the page says how many it has read
// so far, keeps painting while it reads, and ends with the counts of one ¾ / ¼ split
// (1500 + 500, per class 750 + 250).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, openLab, settle } from './harness.mjs';

const lab = useLab();
const COUNT = 2000;

test(`${COUNT} pictures dropped at once show their progress while the page keeps painting`, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#tab=cats' });
  await page.waitForSelector('#cats-formula[data-index]');
  // Small PNGs drawn in the page, each a little different.
  const pngs = await page.evaluate((count) => {
    const canvas = document.createElement('canvas');
    canvas.width = 16;
    canvas.height = 16;
    const ctx = canvas.getContext('2d');
    const out = [];
    for (let i = 0; i < count; i += 1) {
      ctx.fillStyle = `rgb(${i % 256}, ${(i * 7) % 256}, ${(i * 13) % 256})`;
      ctx.fillRect(0, 0, 16, 16);
      out.push(canvas.toDataURL('image/png').split(',')[1]);
    }
    return out;
  }, COUNT);
  const files = pngs.map((b64, i) => ({ name: `p${i}.png`, mimeType: 'image/png', buffer: Buffer.from(b64, 'base64') }));
  await page.setInputFiles('#cats-files-cat', files.slice(0, COUNT / 2));
  await page.waitForFunction(() => /Reading pictures: \d+ of 1000/.test(document.querySelector('#cats-note').textContent));
  let frames = 0;
  const seen = new Set();
  const start = Date.now();
  while (Date.now() - start < 60000) {
    const note = await page.textContent('#cats-note');
    const m = note.match(/Reading pictures: (\d+) of 1000/);
    if (!m) break;
    seen.add(Number(m[1]));
    frames = await page.evaluate(() => new Promise((resolve) => {
      let n = 0;
      const t0 = performance.now();
      const tick = () => (performance.now() - t0 < 250 ? (n += 1, requestAnimationFrame(tick)) : resolve(n));
      requestAnimationFrame(tick);
    }));
    assert.ok(frames >= 7, `${frames} frames in 250 ms while reading`);
  }
  assert.ok(seen.size >= 2, `the progress moved: ${[...seen].join(', ')}`);
  await page.waitForFunction(() => document.querySelector('#cats-count-train').textContent === '750', null, { timeout: 60000 });
  await page.setInputFiles('#cats-files-other', files.slice(COUNT / 2));
  await page.waitForFunction(() => document.querySelector('#cats-count-test').textContent === '500', null, { timeout: 120000 });
  await settle(page);
  const counts = await page.$$eval('#cats-counts td', (tds) => tds.map((td) => Number(td.textContent)));
  assert.deepEqual(counts, [750, 750, 1500, 250, 250, 500]);
  assert.deepEqual(errors, []);
  await context.close();
});
