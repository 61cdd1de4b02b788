// A teacher's own page that loads the built module: no lab UI starts, and the
// JS API works as the README shows (numbers checked against hand-derived values).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { serve, launch, DIST } from './harness.mjs';

test("the JS API works on a teacher's page without the lab's UI", async () => {
  const js = (await readdir(DIST)).find((f) => /^backprop-lab.*\.js$/.test(f));
  const html = `<!DOCTYPE html><meta charset="utf-8"><link rel="icon" href="data:,"><body><p id="out">…</p>
<script type="module">
  import init, { NetworkLab, DescentLab } from '/${js}';
  await init();
  const net = new NetworkLab('tutorial-regression');
  net.setInput([1, -1]);
  net.setTarget(0.5);
  net.forward();
  const loss = net.snapshot().loss;
  net.backward();
  const grad = net.snapshot().layers[1].gradWeights[0][0];
  const valley = new DescentLab(1.5, 1.5);
  const w1 = valley.step();
  let error = '';
  try { net.setLearningRate(-1); } catch (e) { error = e.message; }
  window.result = { loss, grad, w1, error, ui: document.querySelectorAll('canvas').length };
</script>`;
  const server = await serve(DIST, { '/embed.html': html });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}embed.html`);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 30000 }).catch(() => assert.fail(errors.join('; ')));
    const r = await page.evaluate(() => window.result);
    // ŷ = σ(3) + σ(−3) + 0.1 = 1.1, L = ½(1.1 − 0.5)² = 0.18; ∂L/∂w = 0.6·σ(3).
    assert.ok(Math.abs(r.loss - 0.18) < 1e-12, `loss ${r.loss}`);
    assert.ok(Math.abs(r.grad - 0.6 / (1 + Math.exp(-3))) < 1e-12, `grad ${r.grad}`);
    assert.equal(r.w1, -0.75);
    assert.match(r.error, /learning rate/);
    assert.match(r.error, /学习率/);
    assert.equal(r.ui, 0, 'no lab UI on a page without #backprop-lab');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
