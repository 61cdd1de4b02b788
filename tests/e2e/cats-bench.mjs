// The cat lab's logistic regression in the browser: 2000 batch iterations
// (α = 0.005) over the 209 synthetic 64×64×3 pictures of benches/cats.rs and
// benches/cats_numpy.py (level(i, j) = (37·i + 11·j + 5·((i·j) mod 13)) mod 256,
// is_cat(i) = (7·i mod 5) < 2), through the CatLab JS API in headless Chromium.
// The pictures reach the page as the course's HDF5 layout, written by
// `cargo run --example make_h5`. Prints the seconds of start() + trainStep(2000)
// (median of 3 runs) and the final cost, which must match the native and numpy runs.
// Run after `trunk build --release`:  node tests/e2e/cats-bench.mjs
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve, launch, DIST, ARTIFACTS } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const H5 = `${ARTIFACTS}h5/`;
const RUNS = 3;

execFileSync('cargo', ['run', '--quiet', '--example', 'make_h5', '--', H5], { cwd: ROOT, stdio: 'inherit' });
const js = (await readdir(DIST)).find((f) => /^backprop-lab.*\.js$/.test(f));
const html = `<!DOCTYPE html><meta charset="utf-8"><link rel="icon" href="data:,"><body>
<script type="module">
  import init, { CatLab } from '/${js}';
  await init();
  const bytes = async (name) => new Uint8Array(await (await fetch(name)).arrayBuffer());
  const lab = new CatLab();
  lab.loadHdf5(await bytes('/bench_train.h5'), await bytes('/bench_test.h5'));
  const runs = [];
  for (let r = 0; r < ${RUNS}; r += 1) {
    const start = performance.now();
    lab.start({ model: 'logistic', learningRate: 0.005, iterations: 2000 });
    const ran = lab.trainStep(2000);
    const seconds = (performance.now() - start) / 1000;
    const snap = lab.snapshot();
    runs.push({ seconds, ran, cost: snap.costs[snap.costs.length - 1], m: snap.trainPredictions.length });
  }
  window.result = runs;
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
  await page.waitForFunction(() => window.result !== undefined, null, { timeout: 600000 });
  if (errors.length) throw new Error(errors.join('; '));
  const runs = await page.evaluate(() => window.result);
  const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  const { cost, ran, m } = runs[runs.length - 1];
  if (ran !== 2000 || m !== 209) throw new Error(`ran ${ran} iterations over ${m} pictures`);
  const version = browser.version();
  console.log(`wasm in Chromium ${version} headless (CatLab) logistic 2000 iterations: ${seconds.toFixed(3)} s, final cost ${cost.toFixed(9)}`);
  console.log(`  runs: ${runs.map((r) => r.seconds.toFixed(3)).join(' s, ')} s (median of ${RUNS})`);
} finally {
  await browser.close();
  await server.close();
}
