//! Loss functions `L(a, y)` of one sample (output `a`, target `y`, same length)
//! and their gradients `∂L/∂a`, which start the backward pass.
//!
//! Logarithms never see 0: inside every `log`, `a` is clamped into
//! `[1e-15, 1 − 1e-15]` (see [`PROB_EPS`]), so a saturated output gives a large
//! but finite loss instead of ∞ or NaN. The gradients use the same clamped `a`.

use serde::{Deserialize, Serialize};

/// How far from 0 and 1 a probability is clamped inside the logarithms.
pub const PROB_EPS: f64 = 1e-15;

/// The loss of one sample.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LossKind {
    /// `L = Σ_j ½(a_j − y_j)²`, `∂L/∂a_j = a_j − y_j` (regression).
    SquaredError,
    /// `L = Σ_j −(y_j ln a_j + (1 − y_j) ln(1 − a_j))`,
    /// `∂L/∂a_j = (a_j − y_j) / (a_j(1 − a_j))` (sigmoid outputs, targets in [0, 1]).
    BinaryCrossEntropy,
    /// `L = −Σ_j y_j ln a_j`, `∂L/∂a_j = −y_j / a_j` (softmax outputs, one-hot y).
    SoftmaxCrossEntropy,
}

/// One output's squared error `½(a − y)²` (the fast path sums it neuron by neuron).
#[inline]
pub fn squared_term(a: f64, y: f64) -> f64 {
    0.5 * (a - y).powi(2)
}

impl LossKind {
    /// Every loss, in menu order.
    pub const ALL: [LossKind; 3] = [
        LossKind::SquaredError,
        LossKind::BinaryCrossEntropy,
        LossKind::SoftmaxCrossEntropy,
    ];

    /// `L(a, y)` summed over the output neurons (dimensionless).
    pub fn value(self, a: &[f64], y: &[f64]) -> f64 {
        let pairs = a.iter().zip(y);
        match self {
            LossKind::SquaredError => pairs.map(|(&aj, &yj)| squared_term(aj, yj)).sum(),
            LossKind::BinaryCrossEntropy => pairs
                .map(|(&aj, yj)| {
                    let p = clamp_prob(aj);
                    -(yj * p.ln() + (1.0 - yj) * (1.0 - p).ln())
                })
                .sum(),
            LossKind::SoftmaxCrossEntropy => {
                -pairs.map(|(&aj, yj)| yj * clamp_prob(aj).ln()).sum::<f64>()
            }
        }
    }

    /// `∂L/∂a`, same length as `a`. For the cross-entropies this is the formula's
    /// derivative at the clamped `a` (the clamp's own flat part is ignored, so a
    /// saturated wrong output still pushes back, with a finite value).
    pub fn gradient(self, a: &[f64], y: &[f64]) -> Vec<f64> {
        a.iter()
            .zip(y)
            .map(|(&aj, &yj)| self.gradient_at(aj, yj))
            .collect()
    }

    /// `∂L/∂a_j` of one output `a_j` with target `y_j` (every loss here is a sum over
    /// the outputs, so its gradient is elementwise).
    pub fn gradient_at(self, aj: f64, yj: f64) -> f64 {
        match self {
            LossKind::SquaredError => aj - yj,
            LossKind::BinaryCrossEntropy => {
                let p = clamp_prob(aj);
                (p - yj) / (p * (1.0 - p))
            }
            LossKind::SoftmaxCrossEntropy => -yj / clamp_prob(aj),
        }
    }

    /// The stable kebab-case name: "squared-error", "binary-cross-entropy",
    /// "softmax-cross-entropy".
    pub fn name(self) -> &'static str {
        match self {
            LossKind::SquaredError => "squared-error",
            LossKind::BinaryCrossEntropy => "binary-cross-entropy",
            LossKind::SoftmaxCrossEntropy => "softmax-cross-entropy",
        }
    }
}

/// `a` clamped into `[PROB_EPS, 1 − PROB_EPS]`.
fn clamp_prob(a: f64) -> f64 {
    a.clamp(PROB_EPS, 1.0 - PROB_EPS)
}

/// The mean loss `(1/m) Σ_s L(outputs[s], targets[s])` over the `m` sample pairs
/// (pairs are zipped, so extra entries of the longer slice are ignored; 0 for `m = 0`).
pub fn mean_loss(kind: LossKind, outputs: &[Vec<f64>], targets: &[Vec<f64>]) -> f64 {
    let m = outputs.len().min(targets.len());
    if m == 0 {
        return 0.0;
    }
    let total: f64 = outputs
        .iter()
        .zip(targets)
        .map(|(a, y)| kind.value(a, y))
        .sum();
    total / m as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saturated_outputs_give_finite_losses_and_gradients() {
        for kind in [LossKind::BinaryCrossEntropy, LossKind::SoftmaxCrossEntropy] {
            let v = kind.value(&[0.0, 1.0], &[1.0, 0.0]);
            assert!(v.is_finite() && v > 30.0, "{kind:?}: {v}");
            assert!(kind
                .gradient(&[0.0, 1.0], &[1.0, 0.0])
                .iter()
                .all(|g| g.is_finite()));
        }
    }
}
