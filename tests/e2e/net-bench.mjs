// The network lab's speed in headless Chromium, side by side with a careful
// plain-JavaScript implementation of the same loop (playground-reference.mjs:
// Float64Arrays, nn.ts' arithmetic): the Playground's default (circle, 500
// points of which 250 train, [2, 4, 2, 1] tanh, batch 10, r = 0.03), the same
// starting weights and points. Each run trains EPOCHS epochs (each with the
// training and test loss after it, as the Playground computes them) and reports
// the time per epoch; the weights of both must agree to 1e-9 afterwards. Each run
// times wasm and then JS back to back, so the median of the runs' ratios is the
// figure least moved by a busy machine.
// Then predictGrid(100) (every neuron over 100×100 points) and the same in JS.
// Prints medians of RUNS runs. Run after `trunk build --release`:
//   node tests/e2e/net-bench.mjs [DIST]
import { readdir, readFile } from 'node:fs/promises';
import { serve, launch, DIST } from './harness.mjs';

const dist = process.argv[2] ?? DIST;
const RUNS = 15;
const EPOCHS = 200;
const GRIDS = 51;
const js = (await readdir(dist)).find((f) => /^backprop-lab.*\.js$/.test(f));
const reference = (await readFile(new URL('./playground-reference.mjs', import.meta.url), 'utf8')).replace(/^export /gm, '');

const html = `<!DOCTYPE html><meta charset="utf-8"><link rel="icon" href="data:,"><body>
<script type="module">
  import init, { NetworkLab } from '/${js}';
  ${reference}
  await init();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const lab = new NetworkLab('tutorial-regression');
  lab.setData('circle', { count: 500, noise: 0, trainFraction: 0.5, seed: 1 });
  lab.setShape([2, 4, 2, 1]);
  lab.setActivation('tanh');
  lab.setOutput('tanh', 'squared');
  lab.setBatchSize(10);
  lab.setLearningRate(0.03);
  const start = lab.snapshot().layers.map((l) => ({ weights: l.weights, biases: l.biases }));
  const { train, test } = lab.examples();
  const tr = encode(train, ['x1', 'x2']);
  const te = encode(test, ['x1', 'x2']);
  const wasm = [], plain = [];
  let maxRel = 0;
  for (let r = 0; r < ${RUNS}; r += 1) {
    lab.setWeights(start);
    lab.reset();
    let t0 = performance.now();
    const report = lab.trainEpochs(${EPOCHS});
    wasm.push((performance.now() - t0) / ${EPOCHS});
    const net = new PlaygroundNet([2, 4, 2, 1], start);
    t0 = performance.now();
    let losses;
    for (let e = 0; e < ${EPOCHS}; e += 1) losses = net.epoch(tr.inputs, tr.labels, 10, 0.03, te);
    plain.push((performance.now() - t0) / ${EPOCHS});
    const a = lab.snapshot().layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
    const b = net.layers().flatMap((l) => [...l.weights.flat(), ...l.biases]);
    a.forEach((v, k) => { maxRel = Math.max(maxRel, Math.abs(v - b[k]) / Math.max(Math.abs(b[k]), 1e-3)); });
    if (r === 0) window.losses = { wasm: report, js: losses };
  }
  const grids = [], gridsJs = [];
  const n = 100;
  const net = new PlaygroundNet([2, 4, 2, 1], start);
  const x = new Float64Array(2);
  const every = [4, 2, 1].map((s) => Array.from({ length: s }, () => new Float64Array(n * n)));
  for (let r = 0; r < ${GRIDS}; r += 1) {
    let t0 = performance.now();
    lab.predictGrid(n, [-6, 6, -6, 6]);
    grids.push(performance.now() - t0);
    t0 = performance.now();
    for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) {
      x[0] = -6 + (12 * j) / (n - 1); x[1] = 6 - (12 * i) / (n - 1);
      net.forward(x);
      for (let l = 0; l < 3; l += 1) for (let k = 0; k < every[l].length; k += 1) every[l][k][i * n + j] = net.a[l][k];
    }
    gridsJs.push(performance.now() - t0);
  }
  window.result = { wasm: median(wasm), plain: median(plain), ratio: median(wasm.map((w, k) => w / plain[k])), grid: median(grids), gridJs: median(gridsJs), maxRel, wasmRuns: wasm, plainRuns: plain };
</script>`;

const server = await serve(dist, { '/net-bench.html': html });
const browser = await launch();
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}net-bench.html`);
  await page.waitForFunction(() => window.result !== undefined || document.title === 'x', null, { timeout: 600000 });
  if (errors.length) throw new Error(errors.join('; '));
  const r = await page.evaluate(() => window.result);
  const losses = await page.evaluate(() => window.losses);
  console.log(`Chromium ${browser.version()} headless, Playground default (circle 250 train / 250 test, [2,4,2,1] tanh, batch 10, r 0.03), ${EPOCHS} epochs per run, median of ${RUNS}:`);
  console.log(`  one epoch (training + train/test loss): wasm trainEpochs ${(r.wasm * 1000).toFixed(1)} µs, plain JS ${(r.plain * 1000).toFixed(1)} µs, ratio of medians ${(r.wasm / r.plain).toFixed(2)}, median of the runs' ratios ${r.ratio.toFixed(2)}`);
  console.log(`  predictGrid(100) every neuron: wasm ${r.grid.toFixed(3)} ms, plain JS ${r.gridJs.toFixed(3)} ms (median of ${GRIDS})`);
  console.log(`  weights agree to ${r.maxRel.toExponential(2)} relative; losses after ${EPOCHS} epochs: wasm ${losses.wasm.trainLoss} / JS ${losses.js.trainLoss}`);
  if (!(r.maxRel <= 1e-9)) throw new Error(`wasm and JS weights differ by ${r.maxRel}`);
} finally {
  await browser.close();
  server.close();
}
