// The network lab in a real browser: one phase per Step in the tutorial's
// order, and the gradient an edge shows equals the engine's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, openLab, click, press, settle, numbersIn, clickTimes, typeInto } from './harness.mjs';

const lab = useLab();

const phaseOf = (page) => page.getAttribute('#phase-panel', 'data-phase');

test('Step walks forward 1 → forward 2 → loss → backward 2 → backward 1 → update', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url);
  assert.equal(await phaseOf(page), 'ready');
  const seen = [];
  for (let i = 0; i < 7; i += 1) {
    await click(page, 'step');
    seen.push(await phaseOf(page));
  }
  assert.deepEqual(seen, ['forward-1', 'forward-2', 'loss', 'backward-2', 'backward-1', 'update', 'forward-1']);
  // The loss phase shows L = ½(ŷ − y)² with the tutorial's numbers: ŷ = 1.1, y = 0.5, L = 0.18.
  await click(page, 'reset');
  await clickTimes(page, 'step', 3);
  const lines = await page.textContent('#phase-lines');
  assert.ok(lines.includes('1.1') && lines.includes('0.18'), lines);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an edge's displayed gradient equals the engine's", async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url);
  await clickTimes(page, 'step', 5); // through backward of layer 1
  for (const edge of ['2-0-0', '2-1-0', '1-0-0', '1-1-1']) {
    const engine = await page.evaluate((e) => {
      const [l, i, j] = e.split('-').map(Number);
      const lab = new window.wasmBindings.NetworkLab('tutorial-regression');
      for (let k = 0; k < 5; k += 1) lab.step();
      return lab.snapshot().layers[l - 1].gradWeights[i][j];
    }, edge);
    const row = page.locator(`#edge-table tr[data-edge="${edge}"]`);
    const shown = Number((await row.locator('td').nth(2).textContent()).trim());
    assert.ok(Math.abs(shown - engine) <= 5e-6 * Math.abs(engine), `${edge}: table ${shown} vs ${engine}`);
    // Hover the edge's midpoint: the tooltip carries the same gradient.
    const x = Number(await row.getAttribute('data-x'));
    const y = Number(await row.getAttribute('data-y'));
    const box = await page.locator('#network-canvas').boundingBox();
    await page.mouse.move(box.x + x, box.y + y);
    await settle(page);
    await page.waitForSelector('#tooltip:not([hidden])');
    const tip = await page.textContent('#tooltip');
    const match = numbersIn(tip).some((v) => Math.abs(v - engine) <= 5e-6 * Math.abs(engine));
    assert.ok(match, `${edge}: tooltip ${tip} lacks ${engine}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: Space steps, R resets; bad input is refused with a message', async () => {
  const { page, context } = await openLab(lab.browser, lab.server.url);
  await press(page, 'Space');
  assert.equal(await phaseOf(page), 'forward-1');
  await press(page, 'r');
  assert.equal(await phaseOf(page), 'ready');
  await typeInto(page, 'x1', 'abc');
  await page.waitForSelector('#alert:not([hidden])');
  assert.match(await page.textContent('#alert-text'), /abc/);
  assert.equal(await page.getAttribute('#x1', 'aria-invalid'), 'true');
  // Nothing was lost: the lab still steps with the old x.
  await click(page, 'step');
  const lines = await page.textContent('#phase-lines');
  assert.ok(lines.includes('[3, -3]'), lines);
  await context.close();
});

test('a learning rate that makes the network explode stops it with a way back', async () => {
  const { page, context } = await openLab(lab.browser, lab.server.url, { hash: '#lr=50&speed=7' });
  await click(page, 'play');
  await page.waitForSelector('#alert:not([hidden])', { timeout: 20000 });
  assert.match(await page.textContent('#alert-text'), /r = 50/);
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
  assert.ok(await page.isVisible('#alert-reset'), 'start over is offered too');
  await click(page, 'alert-restore');
  await page.waitForSelector('#alert', { state: 'hidden' });
  const finite = await page.$$eval('#edge-table td:nth-child(2)', (tds) =>
    tds.every((td) => Number.isFinite(Number(td.textContent)) && Math.abs(Number(td.textContent)) <= 1e6));
  assert.ok(finite);
  await context.close();
});

test('choosing tanh for the hidden layer changes its activations', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url);
  await page.selectOption('#activation', 'tanh');
  await settle(page);
  await click(page, 'step');
  // u = [3, −3] → a = tanh(u) = [0.9951, −0.9951].
  const lines = await page.textContent('#phase-lines');
  assert.ok(lines.includes('tanh') && lines.includes('0.9951') && lines.includes('-0.9951'), lines);
  assert.match(page.url(), /act=tanh/);
  assert.deepEqual(errors, []);
  await context.close();
});
