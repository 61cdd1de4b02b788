// The neurons' heat maps on a data set, in a real browser: every neuron's square
// shows what it computes over the plane (checked pixel by pixel against values
// derived by hand: an input's map is x/6, a neuron whose weights are all 0 is
// tanh(b) everywhere), and hovering or tapping a neuron shows its map large, with
// its scale, in both languages. The tutorial's circles stay as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, openLab, settle, typeInto, numbersIn } from './harness.mjs';

const lab = useLab();

// The Playground's diverging scale (−1 orange, 0 grey, +1 blue), mixed linearly.
const ORANGE = [245, 147, 34];
const GREY = [232, 234, 235];
const BLUE = [8, 119, 189];
const colour = (v) => {
  const [end, t] = v < 0 ? [ORANGE, -v] : [BLUE, v];
  return GREY.map((g, k) => Math.round(g + (end[k] - g) * t));
};

/** The neuron `layer-index`'s centre and radius (CSS px) from the neuron table. */
async function neuron(page, id) {
  const row = page.locator(`#node-table tr[data-node="${id}"]`);
  const [x, y, r] = await Promise.all(['data-x', 'data-y', 'data-r'].map((a) => row.getAttribute(a)));
  const value = numbersIn((await row.locator('td').nth(1).textContent()) ?? '')[0];
  return { x: Number(x), y: Number(y), r: Number(r), value };
}

/** The RGB of the network canvas at CSS point (x, y). */
const pixel = (page, selector, x, y) =>
  page.evaluate(([sel, x, y]) => {
    const c = document.querySelector(sel);
    const s = c.width / c.getBoundingClientRect().width;
    return Array.from(c.getContext('2d').getImageData(Math.round(x * s), Math.round(y * s), 1, 1).data.slice(0, 3));
  }, [selector, x, y]);

const near = (got, want, tol, what) =>
  assert.ok(got.every((c, k) => Math.abs(c - want[k]) <= tol), `${what}: ${got} vs ${want}`);

/** The scale's value of a colour: orange raises red above grey's, blue lowers it. */
const valueOf = ([r, , b]) => (r >= GREY[0] ? -(GREY[2] - b) / (GREY[2] - ORANGE[2]) : (GREY[0] - r) / (GREY[0] - BLUE[0]));

/**
 * Checks neuron `id`'s map at plane points (x₁, x₂) against `expect(x₁, x₂)`, which
 * changes by at most `slope` per plane unit: a probe may land 1.5 px off (pixel
 * rounding, the grid's spacing), so the tolerance is that distance times the slope,
 * plus the colours' rounding. Points within 1.5 of the chosen example (its white
 * dot) are skipped; the probes stay in the map's upper half, clear of the value's tag.
 */
async function checkMap(page, id, chosen, expect, slope = 0) {
  const n = await neuron(page, id);
  const half = n.r - 1; // the frame's line keeps the outer pixel
  const tol = (slope * 1.5 * 6) / half + 0.01;
  const probes = [[3, 0], [-3, 0], [3, 3], [-3, 3], [0, 4]]
    .filter(([a, b]) => Math.hypot(a - chosen[0], b - chosen[1]) > 1.5);
  assert.ok(probes.length >= 3);
  for (const [a, b] of probes) {
    const got = await pixel(page, '#network-canvas', n.x + (a / 6) * half, n.y - (b / 6) * half);
    const want = expect(a, b);
    assert.ok(Math.abs(valueOf(got) - want) <= tol, `${id} at (${a}, ${b}): colour ${got} is ${valueOf(got)}, want ${want} ± ${tol}`);
  }
}

test('every neuron shows its map: x₁/6 and x₂/6 for the inputs, tanh(b) for a neuron with zero weights', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#data=circle&init=zero&lang=en' });
  await page.waitForFunction(() => document.querySelector('#data-section').dataset.mode === 'data');
  const chosen = [(await neuron(page, '0-0')).value, (await neuron(page, '0-1')).value];
  assert.ok(chosen.every(Number.isFinite), `${chosen}`);
  await checkMap(page, '0-0', chosen, (a) => a / 6, 1 / 6);
  await checkMap(page, '0-1', chosen, (_, b) => b / 6, 1 / 6);
  // Zero initialisation: every hidden neuron and the output compute tanh(0) = 0, grey.
  for (const id of ['1-0', '1-3', '2-1', '3-0']) await checkMap(page, id, chosen, () => 0);
  // Give h₁ the bias 0.5 (click it, type): its map is tanh(0.5) = 0.4621… everywhere;
  // the next layer still sees zero weights and stays grey.
  const h1 = await neuron(page, '1-0');
  await page.locator('#network-canvas').click({ position: { x: h1.x, y: h1.y } });
  await settle(page);
  await typeInto(page, 'param-value', '0.5');
  await checkMap(page, '1-0', chosen, () => Math.tanh(0.5));
  await checkMap(page, '1-1', chosen, () => 0);
  await checkMap(page, '2-0', chosen, () => 0);
  assert.match(await page.textContent('#node-table tr[data-node="1-0"]'), /0\.5/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hovering a neuron shows its map large, with its scale, in both languages', async () => {
  for (const [lang, words] of [['en', ['What x₁ computes', 'orange −6 · grey 0 · blue +6', 'What h', 'orange −1 · grey 0 · blue +1']],
    ['zh', ['x₁ 在平面上的取值', '橙 −6 · 灰 0 · 蓝 +6', '在平面上的取值', '橙 −1 · 灰 0 · 蓝 +1']]]) {
    const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: `#data=circle&lang=${lang}` });
    await page.waitForFunction(() => document.querySelector('#data-section').dataset.mode === 'data');
    const x1 = await neuron(page, '0-0');
    await page.locator('#network-canvas').hover({ position: { x: x1.x, y: x1.y } });
    await page.waitForSelector('#tooltip-map:not([hidden])');
    const legend = await page.textContent('#tooltip-map-legend');
    assert.ok(legend.includes(words[0]) && legend.includes(words[1]), legend);
    // The large map is 168 px for the plane's 12 units: x₁ = −3 is at 42 px, x₂ = 3 at 42 px.
    const box = await page.locator('#tooltip-map-canvas').boundingBox();
    assert.equal(Math.round(box.width), 168);
    const far = Math.hypot(-3 - x1.value, 3 - (await neuron(page, '0-1')).value) > 1;
    if (far) near(await pixel(page, '#tooltip-map-canvas', 42, 42), colour(-0.5), 4, 'large x₁ map at (−3, 3)');
    near(await pixel(page, '#tooltip-map-canvas', 126, 126), colour(0.5), 4, 'large x₁ map at (3, −3)');
    const h = await neuron(page, '1-1');
    await page.locator('#network-canvas').hover({ position: { x: h.x, y: h.y } });
    await page.waitForFunction((w) => document.querySelector('#tooltip-map-legend').textContent.includes(w), words[3]);
    assert.ok((await page.textContent('#tooltip-map-legend')).includes(words[2]));
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the tutorial keeps its circles: a neuron\'s tooltip has no map', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#lang=en' });
  const x1 = await neuron(page, '0-0');
  // The tutorial's x₁ = 1 fills its circle pale blue, not a map's orange-to-blue ramp.
  const left = await pixel(page, '#network-canvas', x1.x - x1.r / 2, x1.y - x1.r / 4);
  assert.ok(left[2] > left[0], `circle fill ${left}`);
  await page.locator('#network-canvas').hover({ position: { x: x1.x, y: x1.y } });
  await page.waitForSelector('#tooltip:not([hidden])');
  assert.equal(await page.isHidden('#tooltip-map'), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tap on a phone shows a neuron\'s map large', async () => {
  const context = await lab.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${lab.server.url}#data=circle&lang=zh`);
  await page.waitForSelector('#backprop-lab[data-ready="true"]');
  await page.locator('#network-canvas').scrollIntoViewIfNeeded();
  const h = await neuron(page, '1-0');
  assert.ok(h.r >= 8, `a neuron is ${2 * h.r} px on a phone`);
  const box = await page.locator('#network-canvas').boundingBox();
  await page.touchscreen.tap(box.x + h.x, box.y + h.y);
  await page.waitForSelector('#tooltip-map:not([hidden])');
  assert.match(await page.textContent('#tooltip-map-legend'), /橙 −1 · 灰 0 · 蓝 \+1/);
  await context.close();
});
