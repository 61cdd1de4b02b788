//! The phase panel's backward and update phases: `δ = ∂L/∂u` from the output down,
//! the gradients `∂L/∂W = a⁽ˡ⁻¹⁾ᵀ·δ`, `∂L/∂b = δ`, and the move `θ ← θ − r·∂L/∂θ`.
//! Intermediate vectors that the snapshot does not hold (`∂L/∂ŷ`, `δ·Wᵀ`, `f'(u)`)
//! come from the engine's own functions, so every number is the engine's.

use crate::engine::activation::Activation;
use crate::engine::loss::LossKind;
use crate::engine::mlp::Layer;
use crate::engine::snapshot::{LayerSnapshot, NetworkSnapshot};
use crate::engine::trainer::ParamRef;
use crate::i18n::{t, tf, Lang};

use crate::view::network::check::param_symbol;
use crate::view::network::formula::{layer_at, layer_input, missing};
use crate::view::notation::{input_name, layer_tag, mat_text, opt_mat, opt_vec, paren, vec_text};
use crate::view::number::fmt;

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

/// The Update panel lines: every layer's `W ← W − r·∂L/∂W` and `b ← b − r·∂L/∂b`
/// with old, gradient and new values, one weight worked out, and the step's loss.
pub(crate) fn update_lines(snap: &NetworkSnapshot, lang: Lang) -> Vec<String> {
    let r = fmt(snap.learning_rate);
    let mut lines = vec![tf(lang, "panel.update.what", &[("r", &r)])];
    for (i, ls) in snap.layers.iter().enumerate() {
        let s = layer_tag(i + 1);
        let (old_w, gw) = (
            opt_mat(ls.old_weights.as_deref()),
            opt_mat(ls.grad_weights.as_deref()),
        );
        let (old_b, gb) = (
            opt_vec(ls.old_biases.as_deref()),
            opt_vec(ls.grad_biases.as_deref()),
        );
        let (new_w, new_b) = (mat_text(&ls.weights), vec_text(&ls.biases));
        lines.push(format!(
            "W{s} ← W{s} − r·∂L/∂W{s} = {old_w} − {r}·{gw} = {new_w}"
        ));
        lines.push(format!(
            "b{s} ← b{s} − r·∂L/∂b{s} = {old_b} − {r}·{gb} = {new_b}"
        ));
    }
    if let Some(example) = snap.layers.first().and_then(|ls| weight_example(ls, &r)) {
        lines.push(tf(lang, "panel.update.example", &[("expr", &example)]));
    }
    if let Some(loss) = snap.loss {
        let step = snap.step.to_string();
        lines.push(tf(
            lang,
            "panel.update.done",
            &[("step", &step), ("loss", &fmt(loss))],
        ));
    }
    lines
}

/// One weight of layer 1 moved by hand, `w₁₁⁽¹⁾: 4 − 0.5·0.02711 = 3.986`: the one with
/// the largest gradient (the first on ties), so the example shows a real move.
fn weight_example(ls: &LayerSnapshot, r: &str) -> Option<String> {
    let (old, grad) = (ls.old_weights.as_ref()?, ls.grad_weights.as_ref()?);
    let mut best: Option<(usize, usize, f64)> = None;
    for (i, row) in grad.iter().enumerate() {
        for (j, &g) in row.iter().enumerate() {
            if best.map_or(true, |(_, _, b)| g.abs() > b.abs() * (1.0 + 1e-9)) {
                best = Some((i, j, g));
            }
        }
    }
    let (i, j, g) = best?;
    let (w_old, w_new) = (*old.get(i)?.get(j)?, *ls.weights.get(i)?.get(j)?);
    let name = param_symbol(ParamRef::Weight {
        layer: 1,
        from: i,
        to: j,
    });
    let g = paren(g);
    Some(format!(
        "{name} ← {} − {r}·{g} = {}",
        fmt(w_old),
        fmt(w_new)
    ))
}
