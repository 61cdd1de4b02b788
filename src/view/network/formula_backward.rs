//! The phase panel's backward and update phases: `δ = ∂L/∂u` from the output down,
//! the gradients `∂L/∂W = a⁽ˡ⁻¹⁾ᵀ·δ`, `∂L/∂b = δ` of the chosen example, and the
//! batch's mean gradients the Update uses.
//! Intermediate vectors that the snapshot does not hold (`∂L/∂ŷ`, `δ·Wᵀ`, `f'(u)`)
//! come from the engine's own functions, so every number is the engine's.

use crate::engine::activation::Activation;
use crate::engine::loss::LossKind;
use crate::engine::mlp::Layer;
use crate::engine::snapshot::{LayerSnapshot, NetworkSnapshot};
use crate::i18n::{t, tf, Lang};

use crate::view::network::formula::{layer_at, layer_input, missing};
use crate::view::notation::{input_name, layer_tag, mat_text, opt_mat, opt_vec, vec_text};

/// The Backward{layer} panel lines: how δ arises, then the layer's gradients.
pub(crate) fn backward_lines(snap: &NetworkSnapshot, layer: usize, lang: Lang) -> Vec<String> {
    let Some(ls) = layer_at(snap, layer) else {
        return missing(lang);
    };
    let mut lines = if layer == snap.layers.len() {
        output_delta_lines(snap, ls, lang)
    } else {
        hidden_delta_lines(snap, layer, lang)
    };
    let s = layer_tag(layer);
    let (x, delta) = (
        opt_vec(layer_input(snap, layer)),
        opt_vec(ls.delta.as_deref()),
    );
    let gw = opt_mat(ls.grad_weights.as_deref());
    lines.push(t(lang, "panel.backward.grads").to_string());
    lines.push(format!(
        "∂L/∂W{s} = {}ᵀ·δ{s} = {x}ᵀ·{delta} = {gw}",
        input_name(layer)
    ));
    lines.push(format!(
        "∂L/∂b{s} = δ{s} = {}",
        opt_vec(ls.grad_biases.as_deref())
    ));
    let n = snap.training.batch.len();
    if n > 1 {
        let n_text = n.to_string();
        lines.push(tf(lang, "panel.backward.batch", &[("n", &n_text)]));
        lines.push(format!(
            "ḡ_W{s} = (1/n)·Σₛ ∂Lₛ/∂W{s} = {}",
            opt_mat(ls.batch_grad_weights.as_deref())
        ));
        lines.push(format!(
            "ḡ_b{s} = (1/n)·Σₛ ∂Lₛ/∂b{s} = {}",
            opt_vec(ls.batch_grad_biases.as_deref())
        ));
    }
    lines
}

/// δ of the output layer: `∂L/∂ŷ ⊙ f'(u)`, or `ŷ − y` for softmax with cross-entropy.
fn output_delta_lines(snap: &NetworkSnapshot, ls: &LayerSnapshot, lang: Lang) -> Vec<String> {
    let s = layer_tag(snap.layers.len());
    let (Some(u), Some(yhat)) = (ls.u.as_deref(), ls.a.as_deref()) else {
        return missing(lang);
    };
    let (y, delta) = (&snap.target, opt_vec(ls.delta.as_deref()));
    let softmax_ce =
        ls.activation == Activation::Softmax && snap.loss_kind == LossKind::SoftmaxCrossEntropy;
    if softmax_ce {
        return vec![
            t(lang, "panel.backward.softmax-ce").to_string(),
            format!(
                "δ{s} = ŷ − y = {} − {} = {delta}",
                vec_text(yhat),
                vec_text(y)
            ),
        ];
    }
    let grad = snap.loss_kind.gradient(yhat, y);
    let symbol = match snap.loss_kind {
        LossKind::SquaredError => "ŷ − y",
        LossKind::BinaryCrossEntropy => "(ŷ − y) / (ŷ(1 − ŷ))",
        LossKind::SoftmaxCrossEntropy => "−y / ŷ",
    };
    let mut lines = vec![
        t(lang, "panel.backward.what-output").to_string(),
        format!("∂L/∂ŷ = {symbol} = {}", vec_text(&grad)),
    ];
    lines.extend(slope_line(ls.activation, &s, u, yhat));
    lines.push(delta_line(
        ls.activation,
        &s,
        "∂L/∂ŷ",
        &grad,
        u,
        yhat,
        &delta,
    ));
    lines
}

/// δ of a hidden layer: `(δ⁽ˡ⁺¹⁾·W⁽ˡ⁺¹⁾ᵀ) ⊙ f'(u⁽ˡ⁾)`.
fn hidden_delta_lines(snap: &NetworkSnapshot, layer: usize, lang: Lang) -> Vec<String> {
    let (Some(ls), Some(next)) = (layer_at(snap, layer), layer_at(snap, layer + 1)) else {
        return missing(lang);
    };
    let (Some(u), Some(a), Some(next_delta)) =
        (ls.u.as_deref(), ls.a.as_deref(), next.delta.as_deref())
    else {
        return missing(lang);
    };
    let (s, n) = (layer_tag(layer), layer_tag(layer + 1));
    // ∂L/∂a⁽ˡ⁾ = δ⁽ˡ⁺¹⁾·W⁽ˡ⁺¹⁾ᵀ, computed by the engine's layer.
    let back = Layer {
        weights: next.weights.clone(),
        biases: next.biases.clone(),
        activation: next.activation,
    };
    let grad = back.grad_input(next_delta);
    let next_layer = (layer + 1).to_string();
    let mut lines = vec![
        tf(lang, "panel.backward.what-hidden", &[("next", &next_layer)]),
        format!(
            "δ{n}·W{n}ᵀ = {}·{}ᵀ = {}",
            vec_text(next_delta),
            mat_text(&next.weights),
            vec_text(&grad)
        ),
    ];
    lines.extend(slope_line(ls.activation, &s, u, a));
    let delta = opt_vec(ls.delta.as_deref());
    let g_name = format!("(δ{n}·W{n}ᵀ)");
    lines.push(delta_line(ls.activation, &s, &g_name, &grad, u, a, &delta));
    lines
}

/// How the activation's slope `f'(u)` is read off the layer, where that is a short formula.
fn slope_line(act: Activation, s: &str, u: &[f64], a: &[f64]) -> Option<String> {
    let d = vec_text(&act.diagonal(u, a));
    match act {
        Activation::Sigmoid => Some(format!("σ'(u{s}) = a{s}(1 − a{s}) = {d}")),
        Activation::Tanh => Some(format!("tanh'(u{s}) = 1 − (a{s})² = {d}")),
        Activation::Relu => Some(format!("ReLU'(u{s}) = [u{s} > 0] = {d}")),
        Activation::Identity | Activation::Softmax => None,
    }
}

/// `δ = g ⊙ f'(u)` with the numbers; for softmax the Jacobian product `J(u)ᵀ·g`.
fn delta_line(
    act: Activation,
    s: &str,
    g_name: &str,
    g: &[f64],
    u: &[f64],
    a: &[f64],
    delta: &str,
) -> String {
    let gv = vec_text(g);
    if act == Activation::Softmax {
        return format!("δ{s} = J_softmax(u{s})ᵀ·{g_name} = J_softmax(u{s})ᵀ·{gv} = {delta}");
    }
    let prime = match act {
        Activation::Sigmoid => "σ'",
        Activation::Tanh => "tanh'",
        Activation::Relu => "ReLU'",
        _ => "f'",
    };
    let d = vec_text(&act.diagonal(u, a));
    format!("δ{s} = {g_name} ⊙ {prime}(u{s}) = {gv} ⊙ {d} = {delta}")
}
