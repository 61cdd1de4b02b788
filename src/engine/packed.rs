//! The fast path's network: every weight, bias and intermediate value in flat
//! `f64` arrays, so that training an epoch or drawing a grid allocates nothing per
//! example. The arithmetic is the phase path's, in the same order (bias first, then
//! `+= w·x` by input; sums over the batch in batch order), so both give the same numbers.
//!
//! Layout: layer `l` (0-based) has its weights at `w[wo[l] ..]` stored by neuron,
//! `w[wo[l] + j·n_in + i]` = `W[i][j]`, and its neurons at `no[l] ..` of `b`, `u`, `a`, `d`.

use super::activation::Activation;
use super::batch::OptState;
use super::loss::LossKind;
use super::mlp::Mlp;
use super::optim::{update_param, UpdateRule};

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
    /// Pre-activations, activations and `δ` of every neuron for the current example.
    u: Vec<f64>,
    a: Vec<f64>,
    d: Vec<f64>,
    /// `∂L/∂a` of one layer.
    g: Vec<f64>,
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
        let mut p = Packed {
            acts: mlp.layers.iter().map(|l| l.activation).collect(),
            loss: mlp.loss,
            w: vec![0.0; nw],
            b: vec![0.0; nn],
            u: vec![0.0; nn],
            a: vec![0.0; nn],
            d: vec![0.0; nn],
            g: vec![0.0; sizes.iter().copied().max().unwrap_or(1)],
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

    /// Number of layers L.
    fn layers(&self) -> usize {
        self.acts.len()
    }

    /// The output layer's activations after [`Packed::forward`].
    pub fn output(&self) -> &[f64] {
        &self.a[self.no[self.layers() - 1]..]
    }

    /// The activations of layer `l` (0-based) after [`Packed::forward`].
    pub fn activations(&self, l: usize) -> &[f64] {
        &self.a[self.no[l]..self.no[l + 1]]
    }

    /// Forward pass of input `x`: `u_j = b_j + Σ_i W[i][j]·in_i` (in that order), `a = f(u)`.
    pub fn forward(&mut self, x: &[f64]) {
        for l in 0..self.layers() {
            let (n_in, n_out) = (self.sizes[l], self.sizes[l + 1]);
            let (lo, hi) = (self.no[l], self.no[l + 1]);
            let (before, here) = self.a.split_at_mut(lo);
            let input = if l == 0 {
                x
            } else {
                &before[self.no[l - 1]..lo]
            };
            let w = &self.w[self.wo[l]..self.wo[l] + n_in * n_out];
            for j in 0..n_out {
                let mut s = self.b[lo + j];
                for (wi, xi) in w[j * n_in..(j + 1) * n_in].iter().zip(input) {
                    s += wi * xi;
                }
                self.u[lo + j] = s;
            }
            self.acts[l].apply_into(&self.u[lo..hi], &mut here[..hi - lo]);
        }
    }

    /// Backward pass for target `y` after `forward(x)`: the `δ` of every neuron, added
    /// into the batch sums (`Σ ∂L/∂W[i][j] += δ_j·in_i`, `Σ ∂L/∂b_j += δ_j`).
    pub fn backward(&mut self, x: &[f64], y: &[f64]) {
        let last = self.layers() - 1;
        for l in (0..=last).rev() {
            let (n_in, n_out) = (self.sizes[l], self.sizes[l + 1]);
            let (lo, hi) = (self.no[l], self.no[l + 1]);
            if l == last {
                for ((g, &a), &t) in self.g.iter_mut().zip(&self.a[lo..hi]).zip(y) {
                    *g = self.loss.gradient_at(a, t);
                }
            } else {
                let (nn, wo) = (self.sizes[l + 2], self.wo[l + 1]);
                for i in 0..n_out {
                    let mut s = 0.0;
                    for j in 0..nn {
                        s += self.w[wo + j * n_out + i] * self.d[hi + j];
                    }
                    self.g[i] = s;
                }
            }
            self.acts[l].backprop_into(
                &self.u[lo..hi],
                &self.a[lo..hi],
                &self.g[..n_out],
                &mut self.d[lo..hi],
            );
            let input = if l == 0 {
                x
            } else {
                &self.a[self.no[l - 1]..lo]
            };
            let sw = &mut self.sw[self.wo[l]..self.wo[l] + n_in * n_out];
            for j in 0..n_out {
                let dj = self.d[lo + j];
                self.sb[lo + j] += dj;
                for (s, xi) in sw[j * n_in..(j + 1) * n_in].iter_mut().zip(input) {
                    *s += xi * dj;
                }
            }
        }
        self.count += 1;
    }

    /// The loss of target `y` after `forward`.
    pub fn loss(&self, y: &[f64]) -> f64 {
        self.loss.value(self.output(), y)
    }

    /// Examples summed since the last update.
    pub fn count(&self) -> usize {
        self.count
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

    /// True if a parameter is non-finite or beyond the explosion limit.
    pub fn is_exploded(&self) -> bool {
        self.w
            .iter()
            .chain(&self.b)
            .any(|&v| super::error::is_exploded_value(v))
    }
}
