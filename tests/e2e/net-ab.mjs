// Two builds side by side in one page: the Playground default (circle, 250 training
// points, [2, 4, 2, 1] tanh, batch 10, r = 0.03) trained for 200 epochs by build A,
// then by build B, RUNS times over, then predictGrid(100) five times each; prints the
// minimum and median time per epoch and per grid of each, and the final losses (which
// must agree when only speed changed). Interleaving in one page keeps a busy machine
// from favouring either build. Run: node tests/e2e/net-ab.mjs DIST_A DIST_B [RUNS]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { launch } from './harness.mjs';
const [A, B] = [process.argv[2], process.argv[3]];
const RUNS = +(process.argv[4] ?? 25);
const html = `<!DOCTYPE html><meta charset="utf-8"><link rel="icon" href="data:,"><body><script type="module">
const mk = async (p) => { const m = await import(p + 'backprop-lab.js'); await m.default({ module_or_path: p + 'backprop-lab_bg.wasm' });
  const lab = new m.NetworkLab('tutorial-regression');
  lab.setData('circle', { count: 500, noise: 0, trainFraction: 0.5, seed: 1 });
  lab.setShape([2, 4, 2, 1]); lab.setActivation('tanh'); lab.setOutput('tanh', 'squared');
  lab.setBatchSize(10); lab.setLearningRate(0.03);
  const start = lab.snapshot().layers.map((l) => ({ weights: l.weights, biases: l.biases }));
  return { lab, start }; };
const labs = [await mk('/a/'), await mk('/b/')];
const t = [[], []], g = [[], []], loss = [0, 0];
for (let r = 0; r < ${RUNS}; r++) for (let k = 0; k < 2; k++) {
  const { lab, start } = labs[k]; lab.setWeights(start); lab.reset();
  let t0 = performance.now(); loss[k] = lab.trainEpochs(200).trainLoss; t[k].push((performance.now() - t0) / 200 * 1000);
  t0 = performance.now(); for (let q = 0; q < 5; q++) lab.predictGrid(100, [-6, 6, -6, 6]); g[k].push((performance.now() - t0) / 5);
}
const st = (xs) => { const s = [...xs].sort((a, b) => a - b); return [s[0], s[s.length >> 1]]; };
window.result = { a: st(t[0]), b: st(t[1]), ga: st(g[0]), gb: st(g[1]), loss };
</script>`;
const srv = createServer(async (req, res) => {
  const u = new URL(req.url, 'http://x').pathname;
  if (u === '/ab.html') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(html); }
  const root = u.startsWith('/a/') ? A : B;
  try { const body = await readFile(root + '/' + u.slice(3)); res.writeHead(200, { 'content-type': u.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' }); res.end(body); } catch { res.writeHead(404).end(); }
});
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
const browser = await launch();
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('ERR', String(e)));
await page.goto(`http://127.0.0.1:${srv.address().port}/ab.html`);
await page.waitForFunction(() => window.result, null, { timeout: 600000 });
const r = await page.evaluate(() => window.result);
const f = (x) => x.map((v) => v.toFixed(1)).join(' / ');
console.log(`epoch µs min/median  A ${f(r.a)}  B ${f(r.b)}   B/A min ${(r.b[0] / r.a[0]).toFixed(3)} med ${(r.b[1] / r.a[1]).toFixed(3)}`);
console.log(`grid ms min/median  A ${r.ga.map((v) => v.toFixed(3)).join(' / ')}  B ${r.gb.map((v) => v.toFixed(3)).join(' / ')}   loss ${r.loss.join(' ')}`);
await browser.close(); srv.close();
