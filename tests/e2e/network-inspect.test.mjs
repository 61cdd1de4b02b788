// The parameter inspector in a real browser: a click on an edge selects its
// weight, the gradient check shows ΔL/h beside backpropagation's ∂L/∂w with the
// tutorial's numbers, a typed value edits the weight, and on a data set the
// decision boundary follows the edit at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, openLab, settle, typeInto, numbersIn } from './harness.mjs';

const lab = useLab();

/** Clicks the diagram at the midpoint of edge `layer-from-to` (read off the edge table). */
async function clickEdge(page, edge) {
  const row = page.locator(`#edge-table tr[data-edge="${edge}"]`);
  const [x, y] = [Number(await row.getAttribute('data-x')), Number(await row.getAttribute('data-y'))];
  await page.locator('#network-canvas').click({ position: { x, y } });
  await settle(page);
}

test('a clicked weight is checked by hand and edited', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#lang=en' });
  assert.equal(await page.isHidden('#inspect'), true);
  await clickEdge(page, '1-0-0');
  assert.equal(await page.isVisible('#inspect'), true);
  assert.match(await page.textContent('#inspect-title'), /w₁₁⁽¹⁾ — the weight from x₁ to h₁/);
  assert.equal(await page.inputValue('#param-value'), '4');
  const lines = await page.$$eval('#check-lines li', (li) => li.map((l) => l.textContent));
  // ∂L/∂w₁₁ = 0.6·σ(3)·σ(−3) by hand.
  const s = (u) => 1 / (1 + Math.exp(-u));
  const hand = 0.6 * s(3) * s(-3);
  const backprop = numbersIn(lines.find((l) => l.startsWith('backpropagation'))).at(-1);
  const central = numbersIn(lines.find((l) => l.startsWith('central difference ('))).at(-1);
  assert.ok(Math.abs(backprop - hand) < 1e-6, `${backprop} vs ${hand}`);
  assert.ok(Math.abs(central - hand) < 1e-6, `${central} vs ${hand}`);
  await typeInto(page, 'param-value', '2');
  const row = await page.textContent('#edge-table tr[data-edge="1-0-0"]');
  assert.match(row, /\b2\b/);
  // L(θ) at w₁₁ = 2: ŷ = σ(1) + σ(−3) + 0.1.
  const loss = 0.5 * (s(1) + s(-3) + 0.1 - 0.5) ** 2;
  const shown = numbersIn((await page.$$eval('#check-lines li', (li) => li[1].textContent)))[0];
  assert.ok(Math.abs(shown - loss) < 1e-10, `${shown} vs ${loss}`);
  await page.click('#inspect-close');
  await settle(page);
  assert.equal(await page.isHidden('#inspect'), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a data set the boundary follows an edited weight; a bad value is named', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#data=circle&lang=en' });
  await page.waitForFunction(() => document.querySelector('#data-section').dataset.mode === 'data');
  const plot = () => page.evaluate(() => document.querySelector('#data-canvas').toDataURL());
  const before = await plot();
  await clickEdge(page, '3-0-0');
  assert.match(await page.textContent('#inspect-title'), /w₁₁⁽³⁾/);
  assert.equal(await page.isVisible('#check-scope-field'), true);
  await page.selectOption('#check-scope', 'batch');
  await settle(page);
  assert.match(await page.textContent('#check-lines'), /mean loss of the mini-batch \(10 examples\)/);
  await typeInto(page, 'param-value', '-3');
  assert.notEqual(await plot(), before, 'the boundary was not drawn again');
  await typeInto(page, 'param-value', 'abc');
  assert.match(await page.textContent('#alert'), /θ/);
  assert.equal(await page.inputValue('#param-value'), 'abc', 'the typed text stays for correction');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a teacher’s link hides control groups; the rest stay', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#data=circle&hide=optimizer,regularization,check&lang=en' });
  await page.waitForFunction(() => document.querySelector('#data-section').dataset.mode === 'data');
  for (const group of ['optimizer', 'regularization', 'check']) {
    assert.equal(await page.isHidden(`#group-${group}`), true, group);
  }
  for (const group of ['data', 'features', 'shape', 'output', 'training']) {
    assert.equal(await page.isVisible(`#group-${group}`), true, group);
  }
  assert.match(page.url(), /hide=optimizer,regularization,check/);
  assert.deepEqual(errors, []);
  await context.close();
});
