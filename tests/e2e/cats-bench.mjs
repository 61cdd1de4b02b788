// The cat lab's three models in the browser, through the CatLab JS API in headless
// Chromium, on the 209 synthetic 64×64×3 pictures of benches/cats.rs and
// benches/cats_numpy.py (level(i, j) = (37·i + 11·j + 5·((i·j) mod 13)) mod 256,
// is_cat(i) = (7·i mod 5) < 2), which reach the page in the course's HDF5 layout
// (`cargo run --example make_h5`):
//   logistic regression, 2000 iterations, α = 0.005;
//   the two-layer model [12288, 7, 1] and the L-layer model [12288, 20, 7, 5, 1],
//   2500 iterations, α = 0.0075, the course's initialisation (numpy's seed 1).
// Each is timed as start() + trainStep(all) (preparing XᵀX included), median of 3,
// with its final cost. Then addPixels: the seconds for 400 and for 2000 pictures
// (each 64×64 RGBA), to show that adding n pictures costs time in proportion to n.
// Run after `trunk build --release`:  node tests/e2e/cats-bench.mjs
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve, launch, DIST, ARTIFACTS } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const H5 = `${ARTIFACTS}h5/`;
const RUNS = 3;
const MODELS = [
  ['logistic', { model: 'logistic', learningRate: 0.005, iterations: 2000 }],
  ['two-layer', { model: 'hidden', hidden: 7, init: 'course', learningRate: 0.0075, iterations: 2500 }],
  ['l-layer', { model: 'hidden', hidden: [20, 7, 5], init: 'course', learningRate: 0.0075, iterations: 2500 }],
];

execFileSync('cargo', ['run', '--quiet', '--example', 'make_h5', '--', H5], { cwd: ROOT, stdio: 'inherit' });
const js = (await readdir(DIST)).find((f) => /^backprop-lab.*\.js$/.test(f));
const html = `<!DOCTYPE html><meta charset="utf-8"><link rel="icon" href="data:,"><body>
<script type="module">
  import init, { CatLab } from '/${js}';
  await init();
  const bytes = async (name) => new Uint8Array(await (await fetch(name)).arrayBuffer());
  const lab = new CatLab();
  lab.loadHdf5(await bytes('/bench_train.h5'), await bytes('/bench_test.h5'));
  const results = {};
  for (const [name, options] of ${JSON.stringify(MODELS)}) {
    const runs = [];
    for (let r = 0; r < ${RUNS}; r += 1) {
      const start = performance.now();
      lab.start(options);
      const ran = lab.trainStep(options.iterations);
      const seconds = (performance.now() - start) / 1000;
      const snap = lab.snapshot();
      runs.push({ seconds, ran, cost: snap.costs[snap.costs.length - 1], m: snap.trainPredictions.length });
    }
    results[name] = runs;
  }
  const rgba = new Uint8Array(64 * 64 * 4);
  const adding = {};
  for (const n of [400, 2000]) {
    const own = new CatLab();
    const start = performance.now();
    for (let i = 0; i < n; i += 1) {
      rgba.fill(i % 251);
      own.addPixels(rgba, 64, 64, i % 2 === 0, 'p' + i);
    }
    adding[n] = (performance.now() - start) / 1000;
  }
  window.result = { results, adding };
</script>`;

const server = await serve(DIST, { '/cats-bench.html': html });
const browser = await launch();
try {
  const page = await browser.newPage();
  for (const name of ['bench_train.h5', 'bench_test.h5']) {
    const body = await readFile(`${H5}${name}`);
    await page.route(`**/${name}`, (route) => route.fulfill({ body, contentType: 'application/octet-stream' }));
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}cats-bench.html`);
  await page.waitForFunction(() => window.result !== undefined, null, { timeout: 900000 });
  if (errors.length) throw new Error(errors.join('; '));
  const { results, adding } = await page.evaluate(() => window.result);
  const version = browser.version();
  for (const [name, options] of MODELS) {
    const runs = results[name];
    const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    const { cost, ran, m } = runs[runs.length - 1];
    if (ran !== options.iterations || m !== 209) throw new Error(`${name}: ran ${ran} iterations over ${m} pictures`);
    console.log(`wasm in Chromium ${version} headless (CatLab) ${name} ${options.iterations} iterations: ${seconds.toFixed(3)} s, final cost ${cost.toFixed(9)}`);
    console.log(`  runs: ${runs.map((r) => r.seconds.toFixed(3)).join(' s, ')} s (median of ${RUNS})`);
  }
  console.log(`addPixels: 400 pictures ${adding[400].toFixed(3)} s, 2000 pictures ${adding[2000].toFixed(3)} s (ratio ${(adding[2000] / adding[400]).toFixed(2)}; proportional would be 5)`);
} finally {
  await browser.close();
  await server.close();
}
