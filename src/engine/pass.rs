//! The numbers one training step produces, filled in one phase at a time:
//! forward `(u, a)` layer by layer, the loss, backward `(δ, ∂L/∂W, ∂L/∂b)` from
//! the output down, for one example. A mini-batch runs one [`Pass`] per example
//! ([`super::batch`]). The phase bookkeeping lives in [`super::trainer`].

use super::error::is_exploded_value;
use super::layer::Layer;
use super::mlp::Mlp;
use super::snapshot::LayerSnapshot;

/// What layer `l` computed on the way forward.
#[derive(Clone, Debug, PartialEq)]
struct Forward {
    /// `u = a_prev·W + b`, length `n_out`.
    u: Vec<f64>,
    /// `a = f(u)`, length `n_out`.
    a: Vec<f64>,
}

/// What layer `l` computed on the way back.
#[derive(Clone, Debug, PartialEq)]
struct Backward {
    /// `δ = ∂L/∂u`, length `n_out`.
    delta: Vec<f64>,
    /// `∂L/∂W = a_prevᵀ·δ`, shape `[n_in][n_out]`.
    weights: Vec<Vec<f64>>,
    /// `∂L/∂b = δ`, length `n_out`.
    biases: Vec<f64>,
}

/// The intermediate values of the current step. Invariant kept by the trainer's
/// phase machine: `forward` holds layers `1..=forward.len()`, `backward[k]` holds
/// layer `L − k`, and backward/loss only exist once forward reached layer L.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Pass {
    forward: Vec<Forward>,
    loss: Option<f64>,
    backward: Vec<Backward>,
}

impl Pass {
    /// The loss of this step, once computed.
    pub fn loss(&self) -> Option<f64> {
        self.loss
    }

    /// The input of layer `l0 + 1` (0-based `l0`): x for the first layer, else `a_prev`.
    fn input_of<'a>(&'a self, l0: usize, x: &'a [f64]) -> &'a [f64] {
        match l0.checked_sub(1) {
            Some(prev) => &self.forward[prev].a,
            None => x,
        }
    }

    /// Forward through the next layer not reached yet: `u = a_prev·W + b`, `a = f(u)`.
    pub fn forward_layer(&mut self, mlp: &Mlp, x: &[f64]) {
        let l0 = self.forward.len();
        let (u, a) = mlp.layers[l0].forward(self.input_of(l0, x));
        self.forward.push(Forward { u, a });
    }

    /// `L(ŷ, y)` with ŷ the output layer's `a`.
    pub fn compute_loss(&mut self, mlp: &Mlp, y: &[f64]) {
        let output = &self.forward[mlp.layers.len() - 1].a;
        self.loss = Some(mlp.loss.value(output, y));
    }

    /// Backward through the next layer down: `g = ∂L/∂a` (from the loss at the output,
    /// else `W_next·δ_next`), then `δ = f'(u)∘g` (softmax: Jacobianᵀ·g),
    /// `∂L/∂W = a_prevᵀ·δ`, `∂L/∂b = δ`.
    pub fn backward_layer(&mut self, mlp: &Mlp, x: &[f64], y: &[f64]) {
        let l0 = mlp.layers.len() - 1 - self.backward.len();
        let here = &self.forward[l0];
        let grad_a = match self.backward.last() {
            None => mlp.loss.gradient(&here.a, y),
            Some(next) => mlp.layers[l0 + 1].grad_input(&next.delta),
        };
        let delta = mlp.layers[l0]
            .activation
            .backprop(&here.u, &here.a, &grad_a);
        let weights = Layer::grad_weights(self.input_of(l0, x), &delta);
        let biases = delta.clone();
        self.backward.push(Backward {
            delta,
            weights,
            biases,
        });
    }

    /// `(∂L/∂W, ∂L/∂b)` of layer `l0 + 1`, once the backward pass reached it.
    pub fn grads(&self, layers: usize, l0: usize) -> Option<(&[Vec<f64>], &[f64])> {
        let b = self.backward.get(layers - 1 - l0)?;
        Some((&b.weights, &b.biases))
    }

    /// True if any `u`, `a` or the loss is non-finite or beyond the explosion limit.
    pub fn is_exploded(&self) -> bool {
        let mut values = self.forward.iter().flat_map(|f| f.u.iter().chain(&f.a));
        values.any(|&v| is_exploded_value(v)) || self.loss.is_some_and(is_exploded_value)
    }

    /// Layer `l0 + 1` as the learner sees it after the last phase.
    pub fn layer_snapshot(&self, mlp: &Mlp, l0: usize) -> LayerSnapshot {
        let layer = &mlp.layers[l0];
        let forward = self.forward.get(l0);
        let backward = self.backward.get(mlp.layers.len() - 1 - l0);
        LayerSnapshot {
            activation: layer.activation,
            weights: layer.weights.clone(),
            biases: layer.biases.clone(),
            u: forward.map(|f| f.u.clone()),
            a: forward.map(|f| f.a.clone()),
            delta: backward.map(|b| b.delta.clone()),
            grad_weights: backward.map(|b| b.weights.clone()),
            grad_biases: backward.map(|b| b.biases.clone()),
            batch_grad_weights: None,
            batch_grad_biases: None,
            old_weights: None,
            old_biases: None,
            moments: None,
            old_moments: None,
        }
    }
}
