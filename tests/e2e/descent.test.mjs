// The descent view in a real browser: the slider reaches exactly 1 and 2, at
// r = 1.5 the iterates alternate in sign and the regime says so, at r = 2.5 the
// page stops with an explanation and a way back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, openLab, click, settle, clickTimes, typeInto } from './harness.mjs';

const lab = useLab();

const iterates = async (page) =>
  (await page.getAttribute('#descent-iterates', 'data-values')).split(',').map(Number);

/** Moves the slider to the stop whose value is `rate`; fails if there is none. */
async function slideTo(page, rate) {
  const max = Number(await page.getAttribute('#descent-rate-slider', 'max'));
  for (let i = 0; i <= max; i += 1) {
    await page.$eval('#descent-rate-slider', (el, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, i);
    await settle(page);
    if (Number(await page.inputValue('#descent-rate')) === rate) return;
  }
  assert.fail(`no slider stop at ${rate}`);
}

test('r = 1.5: the iterates alternate in sign and shrink; the regime says oscillating', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url);
  await typeInto(page, 'descent-rate', '1.5');
  await clickTimes(page, 'descent-step', 6);
  const w = await iterates(page);
  assert.equal(w.length, 7);
  // w_k = (1 − r)^k · w0 = (−0.5)^k · 1.5
  w.forEach((v, k) => assert.ok(Math.abs(v - 1.5 * (-0.5) ** k) < 1e-12, `w${k} = ${v}`));
  for (let k = 1; k < w.length; k += 1) assert.ok(Math.sign(w[k]) === -Math.sign(w[k - 1]));
  assert.equal(await page.getAttribute('#descent-regime', 'data-regime'), 'oscillating');
  assert.match(await page.textContent('#descent-regime'), /oscillat/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the log slider reaches exactly 1 (one step) and 2 (bouncing)', async () => {
  const { page, context } = await openLab(lab.browser, lab.server.url);
  await slideTo(page, 1);
  assert.equal(await page.getAttribute('#descent-regime', 'data-regime'), 'oneStep');
  await click(page, 'descent-step');
  assert.deepEqual(await iterates(page), [1.5, 0]);
  await slideTo(page, 2);
  assert.equal(await page.getAttribute('#descent-regime', 'data-regime'), 'bouncing');
  await clickTimes(page, 'descent-step', 4);
  assert.deepEqual(await iterates(page), [1.5, -1.5, 1.5, -1.5, 1.5]);
  const min = Number(await page.getAttribute('#descent-rate-slider', 'min'));
  await page.$eval('#descent-rate-slider', (el) => { el.value = el.min; el.dispatchEvent(new Event('input')); });
  await settle(page);
  assert.equal(Number(await page.inputValue('#descent-rate')), 0.001, `min stop ${min}`);
  await context.close();
});

test('r = 2.5 diverges: the animation stops, explains why, and offers the way back', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#rate=2.5&speed=7' });
  assert.equal(await page.getAttribute('#descent-regime', 'data-regime'), 'diverging');
  await click(page, 'descent-play');
  await page.waitForSelector('#alert:not([hidden])', { timeout: 30000 });
  const text = await page.textContent('#alert-text');
  // Each step multiplies the error by 1 − r = −1.5.
  assert.ok(text.includes('2.5') && text.includes('-1.5'), text);
  assert.equal(await page.getAttribute('#descent-play', 'aria-pressed'), 'false');
  assert.ok((await iterates(page)).some((v) => Math.abs(v) > 1e6));
  await click(page, 'alert-restore');
  await page.waitForSelector('#alert', { state: 'hidden' });
  const w = await iterates(page);
  assert.ok(w.every((v) => Number.isFinite(v) && Math.abs(v) <= 1e6), String(w));
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking the curve picks w0', async () => {
  const { page, context } = await openLab(lab.browser, lab.server.url);
  const box = await page.locator('#descent-canvas').boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await settle(page);
  const w = await iterates(page);
  assert.equal(w.length, 1);
  assert.ok(w[0] < 0, `left of the minimum: ${w[0]}`);
  await context.close();
});
