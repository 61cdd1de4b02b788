//! Plain, serialisable pictures of the engine's state: what the views draw and
//! what the JS API hands out (via serde-wasm-bindgen). Nothing here computes.
//!
//! Conventions (the tutorial's): a layer computes `u = x·W + b`, `a = f(u)`,
//! with `W` stored row-major as `[n_in][n_out]`, so `weights[i][j]` is the edge
//! from neuron `i` of the previous layer to neuron `j` of this one.
//! Layers are numbered from 1 (layer 0 is the input x).

use serde::{Deserialize, Serialize};

use super::activation::Activation;
use super::loss::LossKind;
use super::optim::{Optimizer, Regularization, Schedule};

/// One phase of one training step. The cycle is
/// `Forward{1} → … → Forward{L} → Loss → Backward{L} → … → Backward{1} → Update`,
/// then `Forward{1}` of the next step. `Ready` is the state before anything of the
/// current step was computed (after a reset or an edit of x, y or the weights).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Phase {
    /// Nothing of the current step is computed yet.
    Ready,
    /// Layer `layer` (1-based) computed `u` and `a`.
    Forward { layer: usize },
    /// The loss of the output was computed.
    Loss,
    /// Layer `layer` (1-based) computed `δ = ∂L/∂u`, `∂L/∂W` and `∂L/∂b`.
    Backward { layer: usize },
    /// Every parameter moved by `−r·∂L/∂θ`.
    Update,
}

/// Everything one layer (1-based index `l ≥ 1`) holds after the last phase.
/// Fields that the current step has not reached yet are `None`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerSnapshot {
    /// Activation of this layer's neurons.
    pub activation: Activation,
    /// Current weights, shape `[n_in][n_out]`.
    pub weights: Vec<Vec<f64>>,
    /// Current biases, length `n_out`.
    pub biases: Vec<f64>,
    /// Pre-activations `u = a_prev·W + b`, length `n_out`.
    pub u: Option<Vec<f64>>,
    /// Activations `a = f(u)`, length `n_out`.
    pub a: Option<Vec<f64>>,
    /// `δ = ∂L/∂u`, length `n_out`.
    pub delta: Option<Vec<f64>>,
    /// `∂L/∂W[i][j] = a_prev[i]·δ[j]`, shape `[n_in][n_out]`.
    pub grad_weights: Option<Vec<Vec<f64>>>,
    /// `∂L/∂b[j] = δ[j]`, length `n_out` (the chosen example's, like `u`, `a`, `δ`).
    pub grad_biases: Option<Vec<f64>>,
    /// The mini-batch's mean `(1/n)·Σ_s ∂L_s/∂W`, shape `[n_in][n_out]` (equal to
    /// `grad_weights` for a batch of one).
    pub batch_grad_weights: Option<Vec<Vec<f64>>>,
    /// The mini-batch's mean `(1/n)·Σ_s ∂L_s/∂b`, length `n_out`.
    pub batch_grad_biases: Option<Vec<f64>>,
    /// Weights before the last Update (only right after an Update phase).
    pub old_weights: Option<Vec<Vec<f64>>>,
    /// Biases before the last Update (only right after an Update phase).
    pub old_biases: Option<Vec<f64>>,
    /// The optimizer's memory of this layer's parameters (momentum and Adam only).
    pub moments: Option<LayerMoments>,
    /// The same memory before the last Update (only right after one; momentum and Adam
    /// only; its `m_hat`, `v_hat` are those of the step before).
    pub old_moments: Option<LayerMoments>,
}

/// One number per parameter of a layer: `weights` `[n_in][n_out]`, `biases` `[n_out]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParamValues {
    pub weights: Vec<Vec<f64>>,
    pub biases: Vec<f64>,
}

/// The optimizer's state of one layer after the last Update.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerMoments {
    /// Momentum's velocity `v` (momentum only).
    pub velocity: Option<ParamValues>,
    /// Adam's first moment `m`.
    pub m: Option<ParamValues>,
    /// Adam's second moment `v`.
    pub v: Option<ParamValues>,
    /// Adam's `m̂ = m/(1 − β₁ᵗ)`.
    pub m_hat: Option<ParamValues>,
    /// Adam's `v̂ = v/(1 − β₂ᵗ)`.
    pub v_hat: Option<ParamValues>,
}

/// The training settings and progress of a data-set run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingSnapshot {
    /// Indices into the training examples of the current mini-batch, in order.
    pub batch: Vec<usize>,
    /// Index into the training examples of the example whose numbers the layers show.
    pub chosen: usize,
    /// Mini-batch size (the last batch of an epoch may be shorter).
    pub batch_size: usize,
    /// Completed epochs.
    pub epoch: usize,
    /// The learning rate of the current epoch, after the schedule.
    pub rate_now: f64,
    /// The update rule.
    pub optimizer: Optimizer,
    /// The penalty on the weights.
    pub regularization: Regularization,
    /// The learning-rate schedule.
    pub schedule: Schedule,
    /// Adam's step count t (Updates so far with this optimizer).
    pub t: usize,
    /// The learning rate r the last Update used (after the schedule; only right after
    /// an Update: the epoch that Update ended may have changed `rate_now`).
    pub update_rate: Option<f64>,
    /// Mean loss over the training examples at the end of every epoch (index 0 = before any).
    pub train_loss: Vec<f64>,
    /// Mean loss over the test examples, same epochs (empty if there are none).
    pub test_loss: Vec<f64>,
    /// Share of training examples classified right when the losses were last measured
    /// (start, each epoch's end, an edit of the data or network; None for regression).
    pub train_accuracy: Option<f64>,
    /// The same for the test examples (None for regression or no test set).
    pub test_accuracy: Option<f64>,
}

impl TrainingSnapshot {
    /// The chosen example's place in the batch, 0-based (`chosen − batch[0]`).
    pub fn chosen_offset(&self) -> usize {
        self.chosen
            .saturating_sub(self.batch.first().copied().unwrap_or(0))
    }
}

/// The whole network lab after the last phase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkSnapshot {
    /// Neurons per layer, input first, e.g. `[2, 2, 1]`.
    pub sizes: Vec<usize>,
    /// The phase just completed (`Ready` if none).
    pub phase: Phase,
    /// The phase the next `step()` will compute.
    pub next_phase: Phase,
    /// Completed training steps (number of Updates so far).
    pub step: usize,
    /// Learning rate `r` used by Update (dimensionless).
    pub learning_rate: f64,
    /// The loss function.
    pub loss_kind: LossKind,
    /// The chosen example's input x (its features), length `sizes[0]`.
    pub input: Vec<f64>,
    /// The current sample's target y, length `sizes[L]`.
    pub target: Vec<f64>,
    /// Layers 1..=L (index 0 of this vector is layer 1).
    pub layers: Vec<LayerSnapshot>,
    /// The mean loss over the current mini-batch, once the Loss phase ran (the
    /// chosen example's own loss is `example_loss`).
    pub loss: Option<f64>,
    /// The chosen example's loss, once the Loss phase ran.
    pub example_loss: Option<f64>,
    /// Loss of every completed step, oldest first (one entry per Update).
    pub loss_history: Vec<f64>,
    /// The mini-batch, the optimizer and the epochs.
    pub training: TrainingSnapshot,
}

/// How gradient descent behaves at a learning rate on a quadratic valley,
/// decided by the factor `q = 1 − r·x²` that multiplies the error each step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Regime {
    /// `0.9 < q < 1`: each step removes less than a tenth of the error; it crawls.
    Slow,
    /// `0 < q ≤ 0.9`: slides monotonically into the valley.
    Monotone,
    /// `q = 0` (r·x² = 1): lands on the minimum in one step.
    OneStep,
    /// `−1 < q < 0`: zig-zags across the valley, converging.
    Oscillating,
    /// `q = −1` (r·x² = 2): bounces between w and −w for ever.
    Bouncing,
    /// `q < −1`: every step overshoots further; it diverges.
    Diverging,
}

/// The 1-D descent lab on `J(w) = ½(w·x − y)²` (the tutorial's sample (x, y) = (1, 0)
/// gives `J(w) = ½w²`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescentSnapshot {
    /// The sample's input x.
    pub x: f64,
    /// The sample's target y.
    pub y: f64,
    /// Learning rate r.
    pub learning_rate: f64,
    /// Starting point w₀.
    pub w0: f64,
    /// Every iterate so far, `iterates[0] = w₀`.
    pub iterates: Vec<f64>,
    /// `J` at every iterate.
    pub losses: Vec<f64>,
    /// The current iterate (last of `iterates`).
    pub w: f64,
    /// `J(w)` at the current iterate.
    pub loss: f64,
    /// `dJ/dw` at the current iterate (the tangent's slope).
    pub gradient: f64,
    /// The minimiser `w* = y/x`.
    pub minimum: f64,
    /// `q = 1 − r·x²`: each step maps the error `w − w*` to `q·(w − w*)`.
    pub factor: f64,
    /// The regime of this learning rate.
    pub regime: Regime,
    /// True once `|w|` exceeded the explosion limit or stopped being finite;
    /// stepping is refused until a reset.
    pub exploded: bool,
}
