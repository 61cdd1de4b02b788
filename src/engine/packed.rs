//! The fast path's network: every weight, bias and intermediate value in flat
//! `f64` arrays, computing a block of up to [`CHUNK`] examples at once, neuron by
//! neuron with the examples innermost, so that the many independent tanh and
//! products overlap (and vectorise) instead of waiting on each other. Nothing is
//! allocated per example. The arithmetic is the phase path's, in the same order:
//! `u = b`, then `+= w·x` input by input; the batch sums start at 0 and add the
//! examples in batch order; so both paths give the same numbers.
//!
//! Layout: layer `l` (0-based) has its weights at `w[wo[l] ..]` stored by neuron,
//! `w[wo[l] + j·n_in + i]` = `W[i][j]`, and its neurons at `no[l] ..` of `b`; the
//! per-example arrays hold neuron `k` of example `s` at `[k·CHUNK + s]`.

use super::activation::Activation;
use super::batch::{OptState, Sample};
use super::lanes;
use super::loss::LossKind;
use super::mlp::Mlp;
use super::optim::{sgd_bias, sgd_weight, update_param, Optimizer, Regularization, UpdateRule};

mod measure;

/// Examples computed together.
pub const CHUNK: usize = 32;

/// A network packed for speed, with its scratch space and batch sums.
#[derive(Clone, Debug)]
pub(crate) struct Packed {
    /// Neurons per layer, input first.
    sizes: Vec<usize>,
    acts: Vec<Activation>,
    loss: LossKind,
    w: Vec<f64>,
    b: Vec<f64>,
    wo: Vec<usize>,
    no: Vec<usize>,
    /// Inputs `[i·CHUNK + s]` and targets `[j·CHUNK + s]` of the block.
    x: Vec<f64>,
    y: Vec<f64>,
    /// Pre-activations, activations and `δ` of every neuron, `[k·CHUNK + s]`.
    u: Vec<f64>,
    a: Vec<f64>,
    d: Vec<f64>,
    /// `∂L/∂a` of one layer, `[k·CHUNK + s]`.
    g: Vec<f64>,
    /// One example's values of one layer (softmax and the loss need a whole layer).
    tmp: [Vec<f64>; 3],
    /// tanh's constants, built once (see [`lanes::TanhConsts`]).
    tanh_consts: lanes::TanhConsts,
    /// One value per example of the block (the losses).
    tmp_block: [f64; CHUNK],
    /// Batch sums of `∂L/∂W` (layout of `w`) and `∂L/∂b` (layout of `b`), and their count.
    sw: Vec<f64>,
    sb: Vec<f64>,
    count: usize,
}

impl Packed {
    /// `mlp` packed (the sums at zero).
    pub fn new(mlp: &Mlp) -> Packed {
        let sizes = mlp.sizes();
        let (mut wo, mut no) = (vec![0], vec![0]);
        for l in &mlp.layers {
            wo.push(wo.last().copied().unwrap_or(0) + l.n_in() * l.n_out());
            no.push(no.last().copied().unwrap_or(0) + l.n_out());
        }
        let (nw, nn) = (wo[mlp.layers.len()], no[mlp.layers.len()]);
        let widest = sizes.iter().copied().max().unwrap_or(1);
        let mut p = Packed {
            acts: mlp.layers.iter().map(|l| l.activation).collect(),
            loss: mlp.loss,
            w: vec![0.0; nw],
            b: vec![0.0; nn],
            x: vec![0.0; sizes[0] * CHUNK],
            y: vec![0.0; sizes[sizes.len() - 1] * CHUNK],
            u: vec![0.0; nn * CHUNK],
            a: vec![0.0; nn * CHUNK],
            d: vec![0.0; nn * CHUNK],
            g: vec![0.0; widest * CHUNK],
            tmp: [vec![0.0; widest], vec![0.0; widest], vec![0.0; widest]],
            tmp_block: [0.0; CHUNK],
            tanh_consts: lanes::TanhConsts::new(),
            sw: vec![0.0; nw],
            sb: vec![0.0; nn],
            count: 0,
            sizes,
            wo,
            no,
        };
        p.load(mlp);
        p
    }

    /// Copies `mlp`'s parameters in (same shapes).
    fn load(&mut self, mlp: &Mlp) {
        for (l, layer) in mlp.layers.iter().enumerate() {
            let n_in = layer.n_in();
            for (i, row) in layer.weights.iter().enumerate() {
                for (j, &w) in row.iter().enumerate() {
                    self.w[self.wo[l] + j * n_in + i] = w;
                }
            }
            self.b[self.no[l]..self.no[l + 1]].copy_from_slice(&layer.biases);
        }
    }

    /// Writes the parameters back into `mlp` (same shapes).
    pub fn store(&self, mlp: &mut Mlp) {
        for (l, layer) in mlp.layers.iter_mut().enumerate() {
            let n_in = layer.n_in();
            for (i, row) in layer.weights.iter_mut().enumerate() {
                for (j, w) in row.iter_mut().enumerate() {
                    *w = self.w[self.wo[l] + j * n_in + i];
                }
            }
            layer
                .biases
                .copy_from_slice(&self.b[self.no[l]..self.no[l + 1]]);
        }
    }

    /// Copies the parameters `(w, b)` into `into`, reusing its storage (a checkpoint
    /// to go back to; the scratch space and sums are not part of it).
    pub fn save_params(&self, into: &mut (Vec<f64>, Vec<f64>)) {
        into.0.clone_from(&self.w);
        into.1.clone_from(&self.b);
    }

    /// The parameters saved by [`Packed::save_params`] back in place.
    pub fn restore_params(&mut self, from: &(Vec<f64>, Vec<f64>)) {
        self.w.clone_from(&from.0);
        self.b.clone_from(&from.1);
    }

    /// Number of layers L.
    fn layers(&self) -> usize {
        self.acts.len()
    }

    /// Puts up to [`CHUNK`] samples (inputs and targets) into the block.
    pub fn load_block(&mut self, samples: &[Sample]) {
        for (s, (x, y)) in samples.iter().enumerate() {
            set_example(&mut self.x, s, x);
            set_example(&mut self.y, s, y);
        }
    }

    /// Input `i` of the first `v.len()` (≤ [`CHUNK`]) examples of the block (for grids,
    /// which have no samples).
    pub fn set_inputs(&mut self, i: usize, v: &[f64]) {
        self.x[i * CHUNK..i * CHUNK + v.len()].copy_from_slice(v);
    }

    /// Activations of neuron `k` of layer `l` (0-based) for the first `m` examples, after `forward`.
    pub fn activations(&self, l: usize, k: usize, m: usize) -> &[f64] {
        let p = (self.no[l] + k) * CHUNK;
        &self.a[p..p + m]
    }

    /// Forward pass of the first `m` examples of the block: `u = b + Σ_i W[i][j]·in_i`
    /// (in that order), `a = f(u)`.
    pub fn forward(&mut self, m: usize) {
        for l in 0..self.layers() {
            let (n_in, n_out) = (self.sizes[l], self.sizes[l + 1]);
            let lo = self.no[l];
            let here = &mut self.u[lo * CHUNK..];
            // the layer's inputs lie before its activations
            let (before, a) = self.a.split_at_mut(lo * CHUNK);
            let input: &[f64] = if l == 0 {
                &self.x
            } else {
                &before[self.no[l - 1] * CHUNK..]
            };
            let layer = lanes::Dense {
                x: input,
                w: &self.w[self.wo[l]..self.wo[l] + n_in * n_out],
                b: &self.b[lo..lo + n_out],
                stride: CHUNK,
                m,
            };
            if self.acts[l] == Activation::Tanh {
                lanes::dense(&layer, here, Some((a, &self.tanh_consts)));
            } else {
                lanes::dense(&layer, here, None);
                self.activate(l, m);
            }
        }
    }

    /// `a = f(u)` for layer `l` (elementwise by neuron, or softmax example by example);
    /// tanh layers are activated by [`lanes::dense`] instead.
    fn activate(&mut self, l: usize, m: usize) {
        let lo = self.no[l] * CHUNK;
        let act = self.acts[l];
        let n = self.sizes[l + 1];
        if act != Activation::Softmax {
            for k in 0..n {
                let (a, u) = (&mut self.a[lo + k * CHUNK..], &self.u[lo + k * CHUNK..]);
                for (a, &u) in a[..m].iter_mut().zip(&u[..m]) {
                    *a = act.scalar(u);
                }
            }
            return;
        }
        for s in 0..m {
            let [tu, ta, _] = &mut self.tmp;
            example(&self.u[lo..], s, &mut tu[..n]);
            act.apply_into(&tu[..n], &mut ta[..n]);
            set_example(&mut self.a[lo..], s, &ta[..n]);
        }
    }

    /// Backward pass of the first `m` examples after `forward(m)`: the `δ` of every neuron,
    /// added into the batch sums example by example (`Σ ∂L/∂W[i][j] += δ_j·in_i`, `Σ ∂L/∂b_j += δ_j`).
    pub fn backward(&mut self, m: usize) {
        for l in (0..self.layers()).rev() {
            self.layer_delta(l, m);
            self.add_sums(l, m);
        }
        self.count += m;
    }

    /// The `δ` of layer `l` from `∂L/∂a` (the loss's gradient at the output, else
    /// `g_i = Σ_j W[i][j]·δ_j` of the next layer, the sum from 0 in the order of `j`); a
    /// hidden tanh layer's in one pass ([`lanes::tanh_back`]), the same numbers.
    fn layer_delta(&mut self, l: usize, m: usize) {
        let (n_out, lo) = (self.sizes[l + 1], self.no[l] * CHUNK);
        if l + 1 == self.layers() {
            for j in 0..n_out {
                for s in 0..m {
                    let k = j * CHUNK + s;
                    self.g[k] = self.loss.gradient_at(self.a[lo + k], self.y[k]);
                }
            }
            self.delta(l, m);
            return;
        }
        let (next, wo) = (self.sizes[l + 2], self.wo[l + 1]);
        let w = &self.w[wo..wo + n_out * next];
        let (here, dn) = self.d.split_at_mut(self.no[l + 1] * CHUNK);
        if self.acts[l] == Activation::Tanh {
            lanes::tanh_back(w, dn, &self.a[lo..], (n_out, CHUNK, m), &mut here[lo..]);
            return;
        }
        for i in 0..n_out {
            let g = &mut self.g[i * CHUNK..i * CHUNK + m];
            g.iter_mut().for_each(|v| *v = 0.0);
            for j in 0..next {
                lanes::axpy(g, w[j * n_out + i], &dn[j * CHUNK..j * CHUNK + m]);
            }
        }
        self.delta(l, m);
    }

    /// Adds layer `l`'s `δ_j` and `δ_j·in_i` of the first `m` examples, in their order,
    /// into the batch sums.
    fn add_sums(&mut self, l: usize, m: usize) {
        let (n_in, n_out, lo) = (self.sizes[l], self.sizes[l + 1], self.no[l] * CHUNK);
        let input: &[f64] = if l == 0 {
            &self.x
        } else {
            &self.a[self.no[l - 1] * CHUNK..lo]
        };
        for j in 0..n_out {
            let d = &self.d[lo + j * CHUNK..lo + j * CHUNK + m];
            let sb = &mut self.sb[self.no[l] + j];
            d.iter().for_each(|v| *sb += v);
            for i in 0..n_in {
                let sw = &mut self.sw[self.wo[l] + j * n_in + i];
                for (xi, dj) in input[i * CHUNK..i * CHUNK + m].iter().zip(d) {
                    *sw += xi * dj;
                }
            }
        }
    }

    /// `δ = f'(u)∘g` for layer `l` (softmax: its Jacobianᵀ·g, example by example).
    fn delta(&mut self, l: usize, m: usize) {
        let (lo, n) = (self.no[l] * CHUNK, self.sizes[l + 1]);
        let act = self.acts[l];
        if act == Activation::Tanh {
            for k in 0..n {
                let (p, q) = (lo + k * CHUNK, k * CHUNK);
                let (a, g) = (&self.a[p..p + m], &self.g[q..q + m]);
                lanes::tanh_delta(a, g, &mut self.d[p..p + m]);
            }
            return;
        }
        if act != Activation::Softmax {
            for k in 0..n {
                for s in 0..m {
                    let (p, q) = (lo + k * CHUNK + s, k * CHUNK + s);
                    self.d[p] = act.derivative_at(self.u[p], self.a[p]) * self.g[q];
                }
            }
            return;
        }
        for s in 0..m {
            let [ta, tg, td] = &mut self.tmp;
            example(&self.a[lo..], s, &mut ta[..n]);
            example(&self.g, s, &mut tg[..n]);
            act.backprop_into(&ta[..n], &ta[..n], &tg[..n], &mut td[..n]);
            set_example(&mut self.d[lo..], s, &td[..n]);
        }
    }

    /// The Update from the batch sums (with `rule.n` = the count), then the sums are zeroed.
    /// Moments are indexed as [`OptState`] holds them (`[i·n_out + j]`).
    pub fn update(&mut self, rule: UpdateRule, state: &mut OptState) {
        state.t += 1;
        let rule = UpdateRule {
            t: state.t,
            n: self.count,
            ..rule
        };
        if rule.optimizer == Optimizer::Sgd && rule.regularization == Regularization::None {
            self.update_sgd(rule.rate);
            return;
        }
        for (l, (mw, mb)) in state.layers.iter_mut().enumerate() {
            let (n_in, n_out) = (self.sizes[l], self.sizes[l + 1]);
            for j in 0..n_out {
                let k = self.no[l] + j;
                self.b[k] = update_param(&rule, self.b[k], self.sb[k], false, &mut mb[j]);
                for i in 0..n_in {
                    let k = self.wo[l] + j * n_in + i;
                    self.w[k] =
                        update_param(&rule, self.w[k], self.sw[k], true, &mut mw[i * n_out + j]);
                }
            }
        }
        self.sw.iter_mut().for_each(|s| *s = 0.0);
        self.sb.iter_mut().for_each(|s| *s = 0.0);
        self.count = 0;
    }

    /// Plain SGD without a penalty, with [`update_param`]'s steps ([`sgd_weight`],
    /// [`sgd_bias`]; its penalty term `(r·0)·0` leaves `w` as it is), then the sums
    /// are zeroed: one pass over the arrays instead of a call per parameter.
    fn update_sgd(&mut self, r: f64) {
        let n = self.count as f64;
        for (w, s) in self.w.iter_mut().zip(&mut self.sw) {
            *w = sgd_weight(*w, *s, r, n);
            *s = 0.0;
        }
        for (b, s) in self.b.iter_mut().zip(&mut self.sb) {
            *b = sgd_bias(*b, *s, r, n);
            *s = 0.0;
        }
        self.count = 0;
    }

    /// True if a parameter is non-finite or beyond the explosion limit.
    pub fn is_exploded(&self) -> bool {
        self.w
            .iter()
            .chain(&self.b)
            .any(|&v| super::error::is_exploded_value(v))
    }
}

/// Example `s` of per-example rows (`rows[k·CHUNK + s]`, one row per neuron) into `into`,
/// one value per row.
fn example(rows: &[f64], s: usize, into: &mut [f64]) {
    for (k, v) in into.iter_mut().enumerate() {
        *v = rows[k * CHUNK + s];
    }
}

/// `from`'s values as example `s` of per-example rows (the inverse of [`example`]).
fn set_example(rows: &mut [f64], s: usize, from: &[f64]) {
    for (k, v) in from.iter().enumerate() {
        rows[k * CHUNK + s] = *v;
    }
}
