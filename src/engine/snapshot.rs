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
    /// `∂L/∂b[j] = δ[j]`, length `n_out`.
    pub grad_biases: Option<Vec<f64>>,
    /// Weights before the last Update (only right after an Update phase).
    pub old_weights: Option<Vec<Vec<f64>>>,
    /// Biases before the last Update (only right after an Update phase).
    pub old_biases: Option<Vec<f64>>,
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
    /// The current sample's input x, length `sizes[0]`.
    pub input: Vec<f64>,
    /// The current sample's target y, length `sizes[L]`.
    pub target: Vec<f64>,
    /// Layers 1..=L (index 0 of this vector is layer 1).
    pub layers: Vec<LayerSnapshot>,
    /// The loss of the current step, once the Loss phase ran.
    pub loss: Option<f64>,
    /// Loss of every completed step, oldest first (one entry per Update).
    pub loss_history: Vec<f64>,
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
