// The network lab's data card in a real browser: pick a data set, change the
// shape, train until the boundary separates it, step one phase on the batch, add
// a point by clicking the plot, a bad CSV line named, and the phone viewport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, openLab, click } from './harness.mjs';

const lab = useLab();

const status = (page) => page.textContent('#data-status');
const percent = (text, word) => Number(new RegExp(`${word} accuracy ([0-9.]+) %`).exec(text)?.[1]);

test('circle: a shape change, then play until the boundary separates it', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url);
  await page.selectOption('#data-set', 'circle');
  await page.waitForFunction(() => document.querySelector('#data-section').dataset.mode === 'data');
  await page.click('#shape-layers button[data-layer="1"][data-delta="1"]');
  assert.match(await page.textContent('#shape-layers'), /layer 2: 3/);
  assert.match(page.url(), /shape=4,3/);
  await page.fill('#net-rate', '0.3');
  await page.dispatchEvent('#net-rate', 'change');
  await page.fill('#speed', '7');
  await page.dispatchEvent('#speed', 'input');
  await click(page, 'play');
  await page.waitForFunction(() => /epoch (1[5-9]\d\d|[2-9]\d{3}|\d{5,})/.test(document.querySelector('#data-status').textContent), null, { timeout: 30000 });
  await click(page, 'play');
  const text = await status(page);
  const train = percent(text, 'train');
  const testAcc = percent(text, 'test');
  assert.ok(train >= 95 && testAcc >= 90, text);
  console.log(`circle, [2, 4, 3, 1] tanh, r = 0.3: ${text}`);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Waits until the batch chooser reads `text` (the panel repaints on the next frame). */
const labelIs = (page, text) =>
  page.waitForFunction((t) => document.querySelector('#example-label').textContent === t, text, { timeout: 5000 });

test('one phase works on the whole batch and the panel shows its numbers', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#data=xor&batch=5' });
  await click(page, 'step');
  assert.equal(await page.getAttribute('#phase-panel', 'data-phase'), 'forward-1');
  assert.match(await page.textContent('#phase-lines'), /Mini-batch of 5 training examples \(#1–#5\)/);
  assert.equal(await page.isVisible('#batch-chooser'), true);
  assert.equal(await page.textContent('#example-label'), 'Example 1 of 5');
  while ((await page.getAttribute('#phase-panel', 'data-phase')) !== 'loss') await click(page, 'step');
  // The batch's mean loss must be the mean of the five examples' losses the panel shows
  // one at a time (◀ ▶), each read off its formula line (4 significant digits).
  const lastNumber = (line) => Number(line.match(/-?[0-9.]+(e-?\d+)?$/)[0]);
  const losses = [];
  let mean;
  for (let k = 0; k < 5; k += 1) {
    const items = await page.$$eval('#phase-lines li', (li) => li.map((l) => l.textContent));
    losses.push(lastNumber(items.find((l) => l.startsWith('L = ½'))));
    mean = lastNumber(items.find((l) => l.includes('(1/n)·Σₛ Lₛ')));
    await page.click('#example-next');
    await labelIs(page, `Example ${((k + 1) % 5) + 1} of 5`);
  }
  const average = losses.reduce((a, b) => a + b, 0) / 5;
  assert.ok(Math.abs(average - mean) <= 2e-3 * Math.abs(mean) + 1e-6, `${losses} → ${average} vs ${mean}`);
  await page.click('#example-prev');
  await labelIs(page, 'Example 5 of 5');
  while ((await page.getAttribute('#phase-panel', 'data-phase')) !== 'update') await click(page, 'step');
  assert.equal(await page.isVisible('#batch-chooser'), false);
  const update = await page.textContent('#phase-lines');
  assert.match(update, /mean gradient over the batch's 5 examples/);
  assert.match(update, /W⁽¹⁾ ← W⁽¹⁾ − r·ḡ_W⁽¹⁾ = /);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a click on the plot adds a point; a bad CSV line is named', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#data=gauss&count=10' });
  const box = await page.locator('#data-canvas').boundingBox();
  await page.locator('#data-canvas').click({ position: { x: box.width * 0.6, y: box.height * 0.4 } });
  await page.waitForFunction(() => location.hash.includes('data=custom'));
  await page.fill('#csv-text', 'x1,x2,label\n1,2,1\n3,oops,-1\n-1,-2,-1\n');
  await click(page, 'csv-load');
  const alert = await page.textContent('#alert');
  assert.match(alert, /line 3/);
  assert.match(page.url(), /data=custom/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the data card fits a phone (390×844)', async () => {
  const context = await lab.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${lab.server.url}#data=spiral`);
  await page.waitForSelector('#backprop-lab[data-ready="true"]');
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.querySelector('#data-canvas').getBoundingClientRect().width]);
  assert.ok(widths[0] <= 390 + 1, `page ${widths[0]} px wide`);
  assert.ok(widths[1] >= 300, `plot ${widths[1]} px`);
  await context.close();
});

test('each hidden layer has its own activation', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#data=circle&lang=en' });
  assert.equal(await page.inputValue('#shape-layers select[data-layer="1"]'), 'tanh');
  await page.selectOption('#shape-layers select[data-layer="1"]', 'relu');
  await page.waitForFunction(() => location.hash.includes('acts=tanh,relu'));
  assert.equal(await page.inputValue('#shape-layers select[data-layer="0"]'), 'tanh');
  assert.equal(await page.inputValue('#shape-layers select[data-layer="1"]'), 'relu');
  assert.deepEqual(errors, []);
  await context.close();
});

test('only the chosen optimizer’s and penalty’s hyper-parameters are shown', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#data=xor&lang=en' });
  const shown = () => page.evaluate(() => ['beta1-field', 'beta2-field', 'epsilon-field', 'reg-rate-field']
    .map((id) => !document.getElementById(id).hidden));
  assert.deepEqual(await shown(), [false, false, false, false]);
  await page.selectOption('#optimizer', 'momentum');
  await page.waitForFunction(() => location.hash.includes('opt=momentum'));
  assert.deepEqual(await shown(), [true, false, false, false]);
  assert.equal(await page.textContent('#beta1-name'), 'β');
  await page.selectOption('#optimizer', 'adam');
  await page.selectOption('#reg', 'l2');
  await page.waitForFunction(() => location.hash.includes('reg=l2'));
  assert.deepEqual(await shown(), [true, true, true, true]);
  assert.equal(await page.textContent('#beta1-name'), 'β₁');
  assert.deepEqual(errors, []);
  await context.close();
});
