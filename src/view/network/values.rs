//! Reading the snapshot for the network diagram: one number of one edge or neuron
//! (always as an `Option`, since a phase may not have computed it yet or a shape
//! may not match), the neurons' names, the layers' titles, and what the current
//! phase is working on.

use plotters::style::RGBColor;

use crate::engine::snapshot::{LayerSnapshot, NetworkSnapshot, Phase};
use crate::i18n::{t, tf, Lang};
use crate::view::network::{EdgeRef, NodeRef};
use crate::view::notation::{subscript, superscript};
use crate::view::palette;

/// Which way the current phase moves along the edges it works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    /// Forward{l}: values flow left → right into layer l.
    Forward,
    /// Backward{l}: gradients flow right → left out of layer l.
    Backward,
    /// Update: every weight moves.
    Update,
}

/// Neuron `index` of layer `layer`.
pub(crate) fn node(layer: usize, index: usize) -> NodeRef {
    NodeRef { layer, index }
}

/// The edge into neuron `to` of layer `layer` from neuron `from` of the layer before.
pub(crate) fn edge(layer: usize, from: usize, to: usize) -> EdgeRef {
    EdgeRef { layer, from, to }
}

/// Layer `l` (1-based) of the snapshot.
pub(crate) fn layer(snap: &NetworkSnapshot, l: usize) -> Option<&LayerSnapshot> {
    snap.layers.get(l.checked_sub(1)?)
}

/// The value a neuron holds: x for the input, `a` once forward reached its layer.
pub(crate) fn node_value(snap: &NetworkSnapshot, n: NodeRef) -> Option<f64> {
    if n.layer == 0 {
        return snap.input.get(n.index).copied();
    }
    layer(snap, n.layer)?.a.as_ref()?.get(n.index).copied()
}

/// Entry `[i][j]` of a weight-shaped matrix.
fn entry(m: &[Vec<f64>], e: EdgeRef) -> Option<f64> {
    m.get(e.from)?.get(e.to).copied()
}

/// The edge's current weight.
pub(crate) fn weight(snap: &NetworkSnapshot, e: EdgeRef) -> Option<f64> {
    entry(&layer(snap, e.layer)?.weights, e)
}

/// The edge's weight before the last Update (only right after one).
pub(crate) fn old_weight(snap: &NetworkSnapshot, e: EdgeRef) -> Option<f64> {
    entry(layer(snap, e.layer)?.old_weights.as_ref()?, e)
}

/// The weight the current step's forward and backward passes used: the old one
/// right after an Update, else the current one.
pub(crate) fn used_weight(snap: &NetworkSnapshot, e: EdgeRef) -> Option<f64> {
    old_weight(snap, e).or_else(|| weight(snap, e))
}

/// The batch's mean `ḡ = (1/n)·Σₛ ∂Lₛ/∂w` of the edge (what the Update uses; the
/// example's own `∂L/∂w` for a batch of one), once backward reached its layer.
pub(crate) fn grad(snap: &NetworkSnapshot, e: EdgeRef) -> Option<f64> {
    let l = layer(snap, e.layer)?;
    entry(
        l.batch_grad_weights.as_ref().or(l.grad_weights.as_ref())?,
        e,
    )
}

/// The chosen example's own `∂L/∂w` of the edge, once backward reached its layer.
pub(crate) fn example_grad(snap: &NetworkSnapshot, e: EdgeRef) -> Option<f64> {
    entry(layer(snap, e.layer)?.grad_weights.as_ref()?, e)
}

/// A per-neuron vector of layer `n.layer` chosen by `pick`, at the neuron's index.
fn neuron<F>(snap: &NetworkSnapshot, n: NodeRef, pick: F) -> Option<f64>
where
    F: Fn(&LayerSnapshot) -> Option<&Vec<f64>>,
{
    pick(layer(snap, n.layer)?)?.get(n.index).copied()
}

/// `u` of a neuron, once forward reached its layer.
pub(crate) fn pre_activation(snap: &NetworkSnapshot, n: NodeRef) -> Option<f64> {
    neuron(snap, n, |l| l.u.as_ref())
}

/// `δ = ∂L/∂u` of a neuron, once backward reached its layer.
pub(crate) fn delta(snap: &NetworkSnapshot, n: NodeRef) -> Option<f64> {
    neuron(snap, n, |l| l.delta.as_ref())
}

/// The neuron's current bias (none for input neurons).
pub(crate) fn bias(snap: &NetworkSnapshot, n: NodeRef) -> Option<f64> {
    neuron(snap, n, |l| Some(&l.biases))
}

/// The neuron's bias before the last Update (only right after one).
pub(crate) fn old_bias(snap: &NetworkSnapshot, n: NodeRef) -> Option<f64> {
    neuron(snap, n, |l| l.old_biases.as_ref())
}

/// Largest `|ḡ|` (batch-mean `∂L/∂w`) computed so far in this step (0 if none).
pub(crate) fn max_abs_grad(snap: &NetworkSnapshot) -> f64 {
    let grads = snap
        .layers
        .iter()
        .filter_map(|l| l.batch_grad_weights.as_ref().or(l.grad_weights.as_ref()));
    grads.flatten().flatten().fold(0.0, |m, g| m.max(g.abs()))
}

/// Largest `|w|` of the network (0 if none).
pub(crate) fn max_abs_weight(snap: &NetworkSnapshot) -> f64 {
    snap.layers
        .iter()
        .flat_map(|l| l.weights.iter().flatten())
        .fold(0.0, |m, w| m.max(w.abs()))
}

/// A neuron's name: x₁ (input), h₁ (the hidden layer), h⁽²⁾₁ (one of several
/// hidden layers), ŷ (a single output) or ŷ₁.
pub fn node_name(sizes: &[usize], n: NodeRef) -> String {
    let last = sizes.len().saturating_sub(1);
    let sub = subscript(n.index + 1);
    match n.layer {
        0 => format!("x{sub}"),
        l if l == last && sizes.get(l) == Some(&1) => "ŷ".to_string(),
        l if l == last => format!("ŷ{sub}"),
        _ if last <= 2 => format!("h{sub}"),
        l => format!("h⁽{}⁾{sub}", superscript(l)),
    }
}

/// The target's name for output neuron `j`: y (a single output) or y₁.
pub(crate) fn target_name(sizes: &[usize], j: usize) -> String {
    match sizes.last() {
        Some(1) => "y".to_string(),
        _ => format!("y{}", subscript(j + 1)),
    }
}

/// The title of layer `l` (0 = input) in `lang`: input, hidden (numbered when
/// there are several) or output layer.
pub(crate) fn layer_title(snap: &NetworkSnapshot, l: usize, lang: Lang) -> String {
    let last = snap.sizes.len().saturating_sub(1);
    match l {
        0 => t(lang, "net.heading.input").to_string(),
        l if l == last => t(lang, "net.heading.output").to_string(),
        _ if last <= 2 => t(lang, "net.heading.hidden").to_string(),
        l => tf(lang, "net.heading.hidden_n", &[("n", &l.to_string())]),
    }
}

/// The colour of the phase: green forward (and the loss), magenta backward, teal update.
pub(crate) fn phase_colour(phase: Phase) -> RGBColor {
    match phase {
        Phase::Forward { .. } | Phase::Loss => palette::FORWARD,
        Phase::Backward { .. } => palette::BACKWARD,
        Phase::Update => palette::UPDATE,
        Phase::Ready => palette::MUTED,
    }
}

/// The edges the phase works on (`Some(0)` = every layer) and which way it flows.
pub(crate) fn active_edges(phase: Phase) -> Option<(usize, Flow)> {
    match phase {
        Phase::Forward { layer } => Some((layer, Flow::Forward)),
        Phase::Backward { layer } => Some((layer, Flow::Backward)),
        Phase::Update => Some((0, Flow::Update)),
        Phase::Ready | Phase::Loss => None,
    }
}

/// The layer of neurons the phase computes (the output layer for Loss).
pub(crate) fn active_layer(phase: Phase, sizes: &[usize]) -> Option<usize> {
    match phase {
        Phase::Forward { layer } | Phase::Backward { layer } => Some(layer),
        Phase::Loss => Some(sizes.len().saturating_sub(1)),
        Phase::Ready | Phase::Update => None,
    }
}
