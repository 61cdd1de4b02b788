// Writes tests/fixtures/playground_reference.txt: for a few runs, a circle data set
// (dataset.ts' formulas with a small seeded generator of this file), starting weights
// (Math-free U(−0.5, 0.5), biases 0.1), and the weights after each of 10 epochs of the
// Playground's loop (playground-reference.mjs). The native test
// tests/engine_playground.rs trains the engine from the same start and compares.
// Run: node tests/e2e/playground-fixture.mjs
import { writeFileSync } from 'node:fs';
import { PlaygroundNet, encode } from './playground-reference.mjs';

function mulberry32(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function circle(rand, count, noise) {
  const u = (a, b) => rand() * (b - a) + a;
  const points = [];
  for (let k = 0; k < count; k++) {
    const r = k < count / 2 ? u(0, 2.5) : u(3.5, 5);
    const angle = u(0, 2 * Math.PI);
    const x = r * Math.sin(angle), y = r * Math.cos(angle);
    const nx = u(-5, 5) * noise, ny = u(-5, 5) * noise;
    points.push([x, y, Math.hypot(x + nx, y + ny) < 2.5 ? 1 : -1]);
  }
  for (let k = points.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [points[k], points[j]] = [points[j], points[k]];
  }
  return points;
}

const RUNS = [
  { name: 'default', sizes: [2, 4, 2, 1], features: ['x1', 'x2'], batch: 10, rate: 0.03, seed: 1, noise: 0 },
  { name: 'online', sizes: [2, 3, 1], features: ['x1', 'x2'], batch: 1, rate: 0.01, seed: 2, noise: 0.1 },
  { name: 'features', sizes: [5, 6, 3, 1], features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2'], batch: 25, rate: 0.1, seed: 3, noise: 0.2 },
  { name: 'deep', sizes: [2, 8, 8, 8, 1], features: ['x1', 'x2'], batch: 5, rate: 0.03, seed: 4, noise: 0 },
];

const lines = ['# run name | sizes | features | batch | rate; then points "p x1 x2 label"; "w0" and "w1".."w10": every bias and weight'];
const params = (layers) => layers.flatMap((l) => [...l.weights.flat(), ...l.biases]).join(' ');
for (const run of RUNS) {
  const rand = mulberry32(run.seed);
  const points = circle(rand, 250, run.noise);
  const layers = [];
  for (let l = 0; l + 1 < run.sizes.length; l++) {
    const weights = Array.from({ length: run.sizes[l] }, () => Array.from({ length: run.sizes[l + 1] }, () => rand() - 0.5));
    layers.push({ weights, biases: new Array(run.sizes[l + 1]).fill(0.1) });
  }
  const net = new PlaygroundNet(run.sizes, layers);
  const { inputs, labels } = encode(points, run.features);
  lines.push(`run ${run.name} | ${run.sizes.join(',')} | ${run.features.join(',')} | ${run.batch} | ${run.rate}`);
  for (const p of points) lines.push(`p ${p.join(' ')}`);
  lines.push(`w0 ${params(net.layers())}`);
  for (let e = 1; e <= 10; e++) {
    const { trainLoss } = net.epoch(inputs, labels, run.batch, run.rate);
    lines.push(`w${e} ${params(net.layers())}`);
    lines.push(`loss${e} ${trainLoss}`);
  }
}
writeFileSync(new URL('../fixtures/playground_reference.txt', import.meta.url), lines.join('\n') + '\n');
console.log(`wrote ${RUNS.length} runs`);
