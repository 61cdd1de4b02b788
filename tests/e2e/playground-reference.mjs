// An independent plain-JavaScript implementation of TensorFlow Playground's
// training loop (playground.ts oneStep + nn.ts forwardProp / backProp /
// updateWeights), written on Float64Arrays for speed but in nn.ts' arithmetic
// order: totalInput = bias, then += weight·input by input; tanh output;
// squared error ½(o − t)² with derivative o − t; derivatives summed per
// example; every batchSize examples bias -= r·acc/n and w = w − (r/n)·acc.
// Like nn.ts, the accumulators are not reset at an epoch boundary (this only
// matters when the batch size does not divide the number of examples).
//
// Used twice: tests/e2e/playground-fixture.mjs writes its numbers to a fixture
// the native exactness test reads, and tests/e2e/net-bench.mjs times it beside
// the engine's trainEpochs in the same headless Chromium.

/** A network of `sizes` (inputs first) with tanh everywhere (hidden and output). */
export class PlaygroundNet {
  /** `layers[l] = { weights: [n_in][n_out], biases: [n_out] }` (the engine's snapshot layout). */
  constructor(sizes, layers) {
    this.sizes = sizes;
    this.L = sizes.length - 1;
    this.w = []; // w[l][j * nIn + i]
    this.b = [];
    this.accW = [];
    this.accB = [];
    this.u = [];
    this.a = [];
    this.d = [];
    this.outDer = [];
    for (let l = 0; l < this.L; l++) {
      const nIn = sizes[l], nOut = sizes[l + 1];
      const w = new Float64Array(nIn * nOut);
      for (let i = 0; i < nIn; i++) for (let j = 0; j < nOut; j++) w[j * nIn + i] = layers[l].weights[i][j];
      this.w.push(w);
      this.b.push(Float64Array.from(layers[l].biases));
      this.accW.push(new Float64Array(nIn * nOut));
      this.accB.push(new Float64Array(nOut));
      this.u.push(new Float64Array(nOut));
      this.a.push(new Float64Array(nOut));
      this.d.push(new Float64Array(nOut));
      this.outDer.push(new Float64Array(nOut));
    }
    this.count = 0;
  }

  forward(x) {
    for (let l = 0; l < this.L; l++) {
      const nIn = this.sizes[l], nOut = this.sizes[l + 1];
      const input = l === 0 ? x : this.a[l - 1];
      const w = this.w[l], b = this.b[l], u = this.u[l], a = this.a[l];
      for (let j = 0; j < nOut; j++) {
        let total = b[j];
        for (let i = 0; i < nIn; i++) total += w[j * nIn + i] * input[i];
        u[j] = total;
        a[j] = Math.tanh(total);
      }
    }
    return this.a[this.L - 1][0];
  }

  backward(x, target) {
    const L = this.L;
    this.outDer[L - 1][0] = this.a[L - 1][0] - target;
    for (let l = L - 1; l >= 0; l--) {
      const nIn = this.sizes[l], nOut = this.sizes[l + 1];
      const input = l === 0 ? x : this.a[l - 1];
      const a = this.a[l], d = this.d[l], od = this.outDer[l], accB = this.accB[l], accW = this.accW[l];
      for (let j = 0; j < nOut; j++) {
        const o = a[j];
        d[j] = od[j] * (1 - o * o);
        accB[j] += d[j];
      }
      for (let j = 0; j < nOut; j++) for (let i = 0; i < nIn; i++) accW[j * nIn + i] += d[j] * input[i];
      if (l === 0) continue;
      const w = this.w[l], prev = this.outDer[l - 1];
      for (let i = 0; i < nIn; i++) {
        let s = 0;
        for (let j = 0; j < nOut; j++) s += w[j * nIn + i] * d[j];
        prev[i] = s;
      }
    }
    this.count++;
  }

  update(rate) {
    const n = this.count;
    for (let l = 0; l < this.L; l++) {
      const w = this.w[l], b = this.b[l], accW = this.accW[l], accB = this.accB[l];
      for (let j = 0; j < b.length; j++) {
        b[j] -= rate * accB[j] / n;
        accB[j] = 0;
      }
      for (let k = 0; k < w.length; k++) {
        w[k] = w[k] - (rate / n) * accW[k];
        accW[k] = 0;
      }
    }
    this.count = 0;
  }

  /** Mean ½(o − t)² over `inputs` (Float64Arrays) and `labels`. */
  loss(inputs, labels) {
    let total = 0;
    for (let k = 0; k < inputs.length; k++) {
      const o = this.forward(inputs[k]);
      total += 0.5 * (o - labels[k]) * (o - labels[k]);
    }
    return total / inputs.length;
  }

  /** One epoch as playground.ts oneStep: every example in order, an update after each
   *  run of `batchSize`; then the training and test losses. */
  epoch(inputs, labels, batchSize, rate, test) {
    for (let k = 0; k < inputs.length; k++) {
      this.forward(inputs[k]);
      this.backward(inputs[k], labels[k]);
      if ((k + 1) % batchSize === 0) this.update(rate);
    }
    const trainLoss = this.loss(inputs, labels);
    const testLoss = test ? this.loss(test.inputs, test.labels) : undefined;
    return { trainLoss, testLoss };
  }

  /** The weights in the snapshot layout. */
  layers() {
    const out = [];
    for (let l = 0; l < this.L; l++) {
      const nIn = this.sizes[l], nOut = this.sizes[l + 1];
      const weights = [];
      for (let i = 0; i < nIn; i++) {
        const row = [];
        for (let j = 0; j < nOut; j++) row.push(this.w[l][j * nIn + i]);
        weights.push(row);
      }
      out.push({ weights, biases: Array.from(this.b[l]) });
    }
    return out;
  }
}

/** The Playground's input features by name, as playground.ts INPUTS computes them. */
export const FEATURES = {
  x1: (x, y) => x,
  x2: (x, y) => y,
  x1sq: (x, y) => x * x,
  x2sq: (x, y) => y * y,
  x1x2: (x, y) => x * y,
  sinx1: (x, y) => Math.sin(x),
  sinx2: (x, y) => Math.sin(y),
};

/** `[[x1, x2, label], …]` as Float64Array inputs of `features` and labels. */
export function encode(points, features) {
  const inputs = points.map(([x, y]) => Float64Array.from(features.map((f) => FEATURES[f](x, y))));
  return { inputs, labels: points.map((p) => p[2]) };
}
