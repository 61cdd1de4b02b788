//! What the packed network measures of a block after its forward pass: the sum of the
//! losses, the examples classified right and the outputs' scores, read from the
//! per-example arrays (`[k·CHUNK + s]`) without copying an example out.

use super::{example, Packed, CHUNK};
use crate::engine::loss::{squared_term, LossKind};

impl Packed {
    /// `Σ_s L_s` over the first `m` examples after `forward(m)`, added in order to `total`.
    pub fn add_losses(&mut self, m: usize, total: &mut f64) {
        let (lo, n) = (
            self.no[self.layers() - 1] * CHUNK,
            self.sizes[self.layers()],
        );
        if self.loss == LossKind::SquaredError {
            // Neuron by neuron with the examples innermost: each example's
            // `Σ_k ½(a_k − y_k)²` is added in the order `LossKind::value` adds it
            // (its sum starts at 0, and 0 + v = v), without copying the example out.
            let ls = &mut self.tmp_block[..m];
            for k in 0..n {
                let (a, y) = (&self.a[lo + k * CHUNK..][..m], &self.y[k * CHUNK..][..m]);
                for ((l, &a), &y) in ls.iter_mut().zip(a).zip(y) {
                    let v = squared_term(a, y);
                    *l = if k == 0 { v } else { *l + v };
                }
            }
            ls.iter().for_each(|l| *total += l);
            return;
        }
        for s in 0..m {
            let [ta, ty, _] = &mut self.tmp;
            example(&self.a[lo..], s, &mut ta[..n]);
            example(&self.y, s, &mut ty[..n]);
            *total += self.loss.value(&ta[..n], &ty[..n]);
        }
    }

    /// The score of example `s` in an array laid out like the output layer's
    /// (`[k·CHUNK + s]`): the output on the labels' scale [−1, 1], squared error `o₀`,
    /// binary cross-entropy `2p₀ − 1`, softmax `p₁ − p₀` (P(+1) − P(−1)), else 0.
    /// Positive means class +1.
    fn scorer(&self) -> fn(&[f64], usize) -> f64 {
        match (self.loss, self.sizes[self.layers()]) {
            (LossKind::SquaredError, 1..) => |v, s| v[s],
            (LossKind::BinaryCrossEntropy, 1..) => |v, s| 2.0 * v[s] - 1.0,
            (LossKind::SoftmaxCrossEntropy, 2..) => |v, s| v[CHUNK + s] - v[s],
            _ => |_, _| 0.0,
        }
    }

    /// How many of the first `m` examples, after `forward(m)`, have an output whose score
    /// has the sign of their target's.
    pub fn count_right(&self, m: usize) -> usize {
        let lo = self.no[self.layers() - 1] * CHUNK;
        let (a, y, score) = (&self.a[lo..], &self.y[..], self.scorer());
        (0..m)
            .filter(|&s| (score(a, s) > 0.0) == (score(y, s) > 0.0))
            .count()
    }

    /// The output's score of the first `out.len()` examples after `forward`, into `out`.
    pub fn scores(&self, out: &mut [f64]) {
        let lo = self.no[self.layers() - 1] * CHUNK;
        let (a, score) = (&self.a[lo..], self.scorer());
        out.iter_mut()
            .enumerate()
            .for_each(|(s, o)| *o = score(a, s));
    }
}
