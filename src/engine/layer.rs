//! One dense layer `u = x·W + b`, `a = f(u)`: its forward rule and the two
//! products the backward pass needs (`∂L/∂W = xᵀ·δ` and `∂L/∂x = W·δ`).

use super::activation::Activation;

/// A dense layer from `n_in` to `n_out` neurons.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// `weights[i][j]`: the edge from input neuron `i` to neuron `j`; shape `[n_in][n_out]`.
    pub weights: Vec<Vec<f64>>,
    /// `biases[j]` of neuron `j`; length `n_out`.
    pub biases: Vec<f64>,
    /// `f` applied to `u`.
    pub activation: Activation,
}

impl Layer {
    /// Number of inputs (rows of `weights`).
    pub fn n_in(&self) -> usize {
        self.weights.len()
    }

    /// Number of neurons (length of `biases`).
    pub fn n_out(&self) -> usize {
        self.biases.len()
    }

    /// Pre-activations `u_j = Σ_i x_i·W[i][j] + b_j` (length `n_out`, `x` of length `n_in`).
    pub fn pre_activation(&self, x: &[f64]) -> Vec<f64> {
        let mut u = self.biases.clone();
        for (xi, row) in x.iter().zip(&self.weights) {
            for (uj, wij) in u.iter_mut().zip(row) {
                *uj += xi * wij;
            }
        }
        u
    }

    /// `(u, a)` with `u = x·W + b` and `a = f(u)`.
    pub fn forward(&self, x: &[f64]) -> (Vec<f64>, Vec<f64>) {
        let u = self.pre_activation(x);
        let a = self.activation.apply(&u);
        (u, a)
    }

    /// `∂L/∂W[i][j] = x_i·δ_j`, the outer product of this layer's input `x` and its `δ`.
    pub fn grad_weights(x: &[f64], delta: &[f64]) -> Vec<Vec<f64>> {
        x.iter()
            .map(|xi| delta.iter().map(|dj| xi * dj).collect())
            .collect()
    }

    /// `∂L/∂x_i = Σ_j W[i][j]·δ_j`: the gradient handed to the previous layer's `a`
    /// (length `n_in`).
    pub fn grad_input(&self, delta: &[f64]) -> Vec<f64> {
        self.weights
            .iter()
            .map(|row| row.iter().zip(delta).map(|(w, d)| w * d).sum())
            .collect()
    }

    /// One gradient-descent move: `W ← W − r·∂L/∂W`, `b ← b − r·∂L/∂b`.
    pub fn descend(&mut self, grad_weights: &[Vec<f64>], grad_biases: &[f64], r: f64) {
        for (row, grow) in self.weights.iter_mut().zip(grad_weights) {
            for (w, g) in row.iter_mut().zip(grow) {
                *w -= r * g;
            }
        }
        for (b, g) in self.biases.iter_mut().zip(grad_biases) {
            *b -= r * g;
        }
    }

    /// Every weight and bias, for checks that look at all parameters.
    pub fn parameters(&self) -> impl Iterator<Item = f64> + '_ {
        self.weights.iter().flatten().chain(&self.biases).copied()
    }

    /// `Ok(())` if the layer is `n_in × n_out` with both ≥ 1 and every row of length `n_out`.
    pub(crate) fn check_shape(&self, index: usize) -> Result<(), super::EngineError> {
        let n_out = self.n_out();
        if self.n_in() == 0 || n_out == 0 {
            return Err(super::EngineError::InvalidShape(format!(
                "layer {index} needs at least one input and one neuron"
            )));
        }
        match self.weights.iter().position(|row| row.len() != n_out) {
            Some(i) => Err(super::EngineError::InvalidShape(format!(
                "layer {index}: weight row {i} has {} entries, expected {n_out}",
                self.weights[i].len()
            ))),
            None => Ok(()),
        }
    }
}
