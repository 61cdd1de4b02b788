//! Activation functions `a = f(u)` of a layer, with the local derivative stated
//! right beside each one, and the backward rule `δ = ∂L/∂u` that uses it.

use serde::{Deserialize, Serialize};

/// The function a layer applies to its pre-activations `u` (length `n_out`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Activation {
    /// `f(u) = u`, `f'(u) = 1`.
    Identity,
    /// `σ(u) = 1 / (1 + e^(−u))`, `σ'(u) = σ(u)(1 − σ(u))`.
    Sigmoid,
    /// `tanh(u)` (computed by [`super::fastmath::tanh`]), `tanh'(u) = 1 − tanh²(u)`.
    Tanh,
    /// `max(0, u)`, `f'(u) = 1` for `u > 0`, `0` for `u ≤ 0` (0 at the kink by convention).
    Relu,
    /// `a_j = e^(u_j) / Σ_k e^(u_k)`: not elementwise; Jacobian `∂a_j/∂u_k = a_j(1[j=k] − a_k)`.
    Softmax,
}

impl Activation {
    /// Every activation, in menu order.
    pub const ALL: [Activation; 5] = [
        Activation::Identity,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::Softmax,
    ];

    /// `a = f(u)` for a whole layer (same length as `u`).
    pub fn apply(self, u: &[f64]) -> Vec<f64> {
        let mut a = vec![0.0; u.len()];
        self.apply_into(u, &mut a);
        a
    }

    /// `a = f(u)` written into `a` (same length as `u`), without allocating.
    pub fn apply_into(self, u: &[f64], a: &mut [f64]) {
        match self {
            Activation::Softmax => {
                let m = u.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let mut sum = 0.0;
                for (aj, &v) in a.iter_mut().zip(u) {
                    *aj = (v - m).exp();
                    sum += *aj;
                }
                a.iter_mut().for_each(|aj| *aj /= sum);
            }
            _ => {
                for (aj, &v) in a.iter_mut().zip(u) {
                    *aj = self.scalar(v);
                }
            }
        }
    }

    /// `f(u)` of an elementwise activation (softmax of a lone `u` is 1).
    pub fn scalar(self, u: f64) -> f64 {
        match self {
            Activation::Identity => u,
            Activation::Sigmoid => sigmoid(u),
            Activation::Tanh => super::fastmath::tanh(u),
            Activation::Relu => u.max(0.0),
            Activation::Softmax => 1.0,
        }
    }

    /// `f'(u)` of an elementwise activation from `u` and `a = f(u)` (tanh: `1 − a²`,
    /// sigmoid: `a(1 − a)`, as nn.ts computes them from the output).
    pub fn derivative_at(self, u: f64, a: f64) -> f64 {
        match self {
            Activation::Identity => 1.0,
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Tanh => 1.0 - a * a,
            Activation::Relu if u > 0.0 => 1.0,
            Activation::Relu => 0.0,
            Activation::Softmax => 0.0,
        }
    }

    /// `f'(u)` of an elementwise activation at one pre-activation `u`.
    ///
    /// Softmax is not elementwise (its Jacobian is `diag(a) − a·aᵀ` and needs the whole
    /// layer): a lone `u` is taken as a one-neuron layer, where `a = 1` and the diagonal
    /// `a(1 − a)` is 0. Use [`Activation::diagonal`] for the diagonal of a real layer.
    pub fn derivative(self, u: f64) -> f64 {
        match self {
            Activation::Identity => 1.0,
            Activation::Sigmoid => {
                let s = sigmoid(u);
                s * (1.0 - s)
            }
            Activation::Tanh => 1.0 - super::fastmath::tanh(u).powi(2),
            Activation::Relu if u > 0.0 => 1.0,
            Activation::Relu => 0.0,
            Activation::Softmax => 0.0,
        }
    }

    /// The diagonal `∂a_j/∂u_j` for a whole layer, from `u` and `a = f(u)`: `f'(u_j)` for
    /// elementwise activations, `a_j(1 − a_j)` for softmax (whose off-diagonal `−a_j a_k`
    /// is not shown here but is used by [`Activation::backprop`]).
    pub fn diagonal(self, u: &[f64], a: &[f64]) -> Vec<f64> {
        match self {
            Activation::Softmax => a.iter().map(|&aj| aj * (1.0 - aj)).collect(),
            _ => u.iter().map(|&uj| self.derivative(uj)).collect(),
        }
    }

    /// `δ = ∂L/∂u` from `u`, `a = f(u)` and `g = ∂L/∂a` (all of length `n_out`):
    /// elementwise `δ_j = f'(u_j)·g_j`; for softmax the Jacobianᵀ·g,
    /// `δ_j = Σ_k a_k(1[j=k] − a_j)·g_k = a_j·(g_j − Σ_k a_k g_k)`.
    pub fn backprop(self, u: &[f64], a: &[f64], grad_a: &[f64]) -> Vec<f64> {
        let mut delta = vec![0.0; u.len()];
        self.backprop_into(u, a, grad_a, &mut delta);
        delta
    }

    /// [`Activation::backprop`] written into `delta` (same length as `u`), without allocating.
    pub fn backprop_into(self, u: &[f64], a: &[f64], grad_a: &[f64], delta: &mut [f64]) {
        match self {
            Activation::Softmax => {
                let mean_g: f64 = a.iter().zip(grad_a).map(|(ak, gk)| ak * gk).sum();
                for ((d, aj), gj) in delta.iter_mut().zip(a).zip(grad_a) {
                    *d = aj * (gj - mean_g);
                }
            }
            _ => {
                for (((d, &uj), &aj), gj) in delta.iter_mut().zip(u).zip(a).zip(grad_a) {
                    *d = self.derivative_at(uj, aj) * gj;
                }
            }
        }
    }

    /// The stable lower-case name: "identity", "sigmoid", "tanh", "relu", "softmax".
    pub fn name(self) -> &'static str {
        match self {
            Activation::Identity => "identity",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::Softmax => "softmax",
        }
    }

    /// The activation called `name` (as [`Activation::name`] writes it).
    pub fn from_name(name: &str) -> Option<Activation> {
        Activation::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// The logistic function `σ(x) = 1 / (1 + e^(−x))`, written so that `e^(…)` never
/// overflows: for `x < 0` it uses the equal form `e^x / (1 + e^x)`.
pub fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// `softmax(u)_j = e^(u_j − m) / Σ_k e^(u_k − m)` with `m = max_k u_k`; shifting by
/// the maximum leaves the result unchanged and keeps every exponent `≤ 0`, so
/// `u = [1000, 0]` gives `[1, e^(−1000)]` rather than NaN. Empty in, empty out.
pub fn softmax(u: &[f64]) -> Vec<f64> {
    Activation::Softmax.apply(u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sigmoid_is_stable_and_symmetric() {
        assert_eq!(sigmoid(0.0), 0.5);
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
        assert!((sigmoid(3.0) + sigmoid(-3.0) - 1.0).abs() < 1e-15);
    }

    #[test]
    fn diagonal_matches_derivative_for_elementwise() {
        let u = [-1.0, 0.5];
        for act in [Activation::Identity, Activation::Sigmoid, Activation::Tanh] {
            let d = act.diagonal(&u, &act.apply(&u));
            assert_eq!(d, vec![act.derivative(-1.0), act.derivative(0.5)]);
        }
    }
}
