//! The two-layer model LINEAR→RELU→LINEAR→SIGMOID on x = levels/255:
//! z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾ (n_h units), a⁽¹⁾ = ReLU(z⁽¹⁾), z⁽²⁾ = w⁽²⁾·a⁽¹⁾ + b⁽²⁾, ŷ = σ(z⁽²⁾).
//!
//! Backward, per example (then averaged over m): dz⁽²⁾ = ŷ − y;
//! dw⁽²⁾ += dz⁽²⁾·a⁽¹⁾; dz⁽¹⁾ₖ = w⁽²⁾ₖ·dz⁽²⁾ where z⁽¹⁾ₖ > 0, else 0 (the course's
//! relu_backward); dW⁽¹⁾ₖ = Σᵢ dz⁽¹⁾ᵢₖ·xᵢ. The first layer is the expensive one
//! (n_h × 12288): the forward dot products read W⁽¹⁾ in fixed point, row by row; the
//! gradient dW⁽¹⁾ is summed over the transposed levels, unit by unit, skipping units
//! that no example activates (see [`super::kernel`]). The parameters stay f64.

use super::batch::Parameters;
use super::examples::Examples;
use super::kernel::{dot, row_dots, Fixed};
use super::sigmoid::{cross_entropy, sigmoid};
use crate::engine::image::FEATURES;
use crate::engine::rng::Rng;

/// Parameters W⁽¹⁾ (n_h × 12288, row-major), b⁽¹⁾ (n_h), w⁽²⁾ (n_h), b⁽²⁾ — or a
/// gradient of the same shape.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TwoLayer {
    pub(crate) w1: Vec<f64>,
    pub(crate) b1: Vec<f64>,
    pub(crate) w2: Vec<f64>,
    pub(crate) b2: f64,
    /// The rows of W⁽¹⁾ in fixed point, which the forward kernel reads (unused in a
    /// gradient).
    fixed: Vec<Fixed>,
}

/// The scale of the initial weights: N(0, 1)·0.01, as the course initialises them.
const INIT_SCALE: f64 = 0.01;

impl TwoLayer {
    /// Weights N(0, 1)·0.01 drawn from `seed` (W⁽¹⁾ row by row, then w⁽²⁾), biases 0.
    pub(crate) fn random(size: usize, seed: u64) -> TwoLayer {
        let mut rng = Rng::new(seed);
        let mut draw =
            |n: usize| -> Vec<f64> { (0..n).map(|_| rng.normal() * INIT_SCALE).collect() };
        let w1 = draw(size * FEATURES);
        let w2 = draw(size);
        TwoLayer::with_parameters(w1, vec![0.0; size], w2, 0.0)
    }

    /// Parameters W⁽¹⁾ (n_h × 12288), b⁽¹⁾ (n_h), w⁽²⁾ (n_h), b⁽²⁾.
    pub(crate) fn with_parameters(w1: Vec<f64>, b1: Vec<f64>, w2: Vec<f64>, b2: f64) -> TwoLayer {
        TwoLayer {
            fixed: w1.chunks_exact(FEATURES).map(Fixed::new).collect(),
            w1,
            b1,
            w2,
            b2,
        }
    }

    /// All zeros, n_h units: a gradient buffer.
    pub(crate) fn zeros(size: usize) -> TwoLayer {
        TwoLayer {
            w1: vec![0.0; size * FEATURES],
            b1: vec![0.0; size],
            w2: vec![0.0; size],
            b2: 0.0,
            fixed: Vec::new(),
        }
    }

    /// n_h, the hidden units.
    fn size(&self) -> usize {
        self.b1.len()
    }

    /// z⁽¹⁾ₖᵢ for every unit k and example i: each unit's row of W⁽¹⁾ against all of X.
    fn hidden_sums(&self, examples: &Examples) -> Vec<Vec<f64>> {
        let units = self.fixed.iter().zip(&self.b1);
        units
            .map(|(row, b)| {
                let mut sums = vec![0.0; examples.len()];
                row_dots(examples.levels(), row, &mut sums); // Σⱼ levelsᵢⱼ·W⁽¹⁾ₖⱼ
                sums.iter().map(|s| s / 255.0 + b).collect()
            })
            .collect()
    }

    /// z⁽¹⁾ into `z1` (n_h), and returns z⁽²⁾, for a row of levels.
    fn forward(&self, levels: &[u8], z1: &mut [f64]) -> f64 {
        let mut z2 = self.b2;
        for ((z, row), k) in z1.iter_mut().zip(&self.fixed).zip(0..) {
            *z = dot(levels, row) / 255.0 + self.b1[k];
            z2 += self.w2[k] * z.max(0.0);
        }
        z2
    }
}

impl Parameters for TwoLayer {
    /// ŷ = σ(z⁽²⁾): the probability of "cat".
    fn probability(&self, levels: &[u8]) -> f64 {
        sigmoid(self.forward(levels, &mut vec![0.0; self.size()]))
    }

    /// J at these parameters; their gradient is written into `grad` (same n_h).
    fn cost_and_gradient(&self, examples: &Examples, grad: &mut TwoLayer) -> f64 {
        let (n_h, m) = (self.size(), examples.len());
        grad.b1.fill(0.0);
        grad.w2.fill(0.0);
        grad.b2 = 0.0;
        let z1 = self.hidden_sums(examples);
        let mut dz1 = vec![vec![0.0; m]; n_h]; // unit k, example i
        let mut cost = 0.0;
        for i in 0..m {
            let a1 = |k: usize| z1[k][i].max(0.0);
            let z2 = self.b2 + (0..n_h).map(|k| self.w2[k] * a1(k)).sum::<f64>();
            let y = examples.label(i);
            cost += cross_entropy(z2, y);
            let dz2 = sigmoid(z2) - y;
            grad.b2 += dz2;
            for k in (0..n_h).filter(|&k| z1[k][i] > 0.0) {
                grad.w2[k] += dz2 * a1(k);
                dz1[k][i] = self.w2[k] * dz2;
                grad.b1[k] += dz1[k][i];
            }
        }
        first_layer_gradient(examples, &dz1, &mut grad.w1);
        let m = m as f64;
        grad.b1
            .iter_mut()
            .chain(grad.w2.iter_mut())
            .for_each(|g| *g /= m);
        grad.b2 /= m;
        cost / m
    }

    /// θ ← θ − α·dθ for every parameter.
    fn descend(&mut self, grad: &TwoLayer, rate: f64) {
        self.w1
            .iter_mut()
            .zip(&grad.w1)
            .for_each(|(w, g)| *w -= rate * g);
        self.fixed = self.w1.chunks_exact(FEATURES).map(Fixed::new).collect();
        for (theta, g) in [(&mut self.b1, &grad.b1), (&mut self.w2, &grad.w2)] {
            theta.iter_mut().zip(g).for_each(|(t, g)| *t -= rate * g);
        }
        self.b2 -= rate * grad.b2;
    }

    /// True when every parameter is a finite number.
    fn is_finite(&self) -> bool {
        self.b2.is_finite()
            && [&self.w1, &self.b1, &self.w2]
                .iter()
                .all(|v| v.iter().all(|t| t.is_finite()))
    }
}

/// dW⁽¹⁾ₖⱼ = (1/(255·m))·Σᵢ dz⁽¹⁾ₖᵢ·levelsᵢⱼ for every unit k (rows of `w1`), from the
/// transposed levels; a unit no example activates gets zeros without a pass.
fn first_layer_gradient(examples: &Examples, dz1: &[Vec<f64>], w1: &mut [f64]) {
    let scale = 1.0 / (255.0 * examples.len() as f64);
    for (row, d) in w1.chunks_exact_mut(FEATURES).zip(dz1) {
        let fixed = Fixed::new(d);
        if fixed.is_zero() {
            row.fill(0.0);
        } else {
            row_dots(examples.columns(), &fixed, row); // Σᵢ dz⁽¹⁾ₖᵢ·levelsᵢⱼ
            row.iter_mut().for_each(|g| *g *= scale);
        }
    }
}
