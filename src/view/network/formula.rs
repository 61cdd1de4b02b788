//! The phase panel: the phase just completed, named, with its formula filled in
//! with the numbers the engine computed (forward, loss here; backward and update
//! in [`crate::view::network::formula_backward`]; the descent texts in [`crate::view::descent::text`]).
//! Lines are plain text with unicode maths, layer indices as superscripts (`W⁽¹⁾`).

use crate::engine::activation::Activation;
use crate::engine::loss::LossKind;
use crate::engine::snapshot::{LayerSnapshot, NetworkSnapshot, Phase};
use crate::i18n::{t, tf, Lang};

use crate::view::network::formula_backward::backward_lines;
use crate::view::network::formula_update::update_lines;
use crate::view::notation::{input_name, layer_tag, mat_text, opt_vec, paren, vec_text};
use crate::view::number::fmt;

pub use crate::view::descent::text::{descent_lines, regime_name};

/// The text of the phase panel: a title and lines of formulas and explanations.
#[derive(Clone, Debug, PartialEq)]
pub struct PhasePanel {
    /// The phase's name, e.g. "Forward pass · layer 1".
    pub title: String,
    /// What the phase did, then its formulas with the numbers, one per line.
    pub lines: Vec<String>,
}

/// The phase just completed (`snap.phase`), named, with its formula filled with the actual numbers.
pub fn phase_panel(snap: &NetworkSnapshot, lang: Lang) -> PhasePanel {
    let lines = match snap.phase {
        Phase::Ready => ready_lines(snap, lang),
        Phase::Forward { layer } => forward_lines(snap, layer, lang),
        Phase::Loss => loss_lines(snap, lang),
        Phase::Backward { layer } => backward_lines(snap, layer, lang),
        Phase::Update => update_lines(snap, lang),
    };
    let lines = match snap.phase {
        Phase::Forward { .. } | Phase::Loss | Phase::Backward { .. } => {
            batch_header(snap, lang).into_iter().chain(lines).collect()
        }
        Phase::Ready | Phase::Update => lines,
    };
    PhasePanel {
        title: phase_title(snap, lang),
        lines,
    }
}

/// For a mini-batch of several examples: which examples it holds and which one's
/// numbers the panel shows (training examples are numbered from 1 here).
fn batch_header(snap: &NetworkSnapshot, lang: Lang) -> Option<String> {
    let tr = &snap.training;
    let (first, last) = (tr.batch.first()?, tr.batch.last()?);
    if tr.batch.len() < 2 {
        return None;
    }
    let k = tr.chosen_offset() + 1;
    let args = [
        ("n", tr.batch.len().to_string()),
        ("first", (first + 1).to_string()),
        ("last", (last + 1).to_string()),
        ("k", k.to_string()),
        ("index", (tr.chosen + 1).to_string()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Some(tf(lang, "panel.batch.example", &args))
}

/// What the next Step will do, one line (e.g. "Next: backward pass, layer 2").
pub fn next_phase_line(snap: &NetworkSnapshot, lang: Lang) -> String {
    let phase = phase_name(snap.next_phase, lang);
    if snap.phase == Phase::Update {
        // The step is over: the next phase opens a new training step.
        let step = (snap.step + 1).to_string();
        tf(
            lang,
            "panel.next-step",
            &[("step", &step), ("phase", &phase)],
        )
    } else {
        tf(lang, "panel.next", &[("phase", &phase)])
    }
}

/// The panel's title for the phase just completed.
fn phase_title(snap: &NetworkSnapshot, lang: Lang) -> String {
    let output = snap.layers.len();
    let layer_title = |key: &str, layer: usize| {
        let key = if layer == output {
            format!("{key}-output")
        } else {
            key.to_string()
        };
        tf(lang, &key, &[("layer", &layer.to_string())])
    };
    match snap.phase {
        Phase::Ready => t(lang, "panel.title.ready").to_string(),
        Phase::Forward { layer } => layer_title("panel.title.forward", layer),
        Phase::Loss => t(lang, "panel.title.loss").to_string(),
        Phase::Backward { layer } => layer_title("panel.title.backward", layer),
        Phase::Update => t(lang, "panel.title.update").to_string(),
    }
}

/// A phase's name in lower case, for "Next: …".
fn phase_name(phase: Phase, lang: Lang) -> String {
    let layer_name = |key: &str, layer: usize| tf(lang, key, &[("layer", &layer.to_string())]);
    match phase {
        Phase::Ready => t(lang, "panel.name.ready").to_string(),
        Phase::Forward { layer } => layer_name("panel.name.forward", layer),
        Phase::Loss => t(lang, "panel.name.loss").to_string(),
        Phase::Backward { layer } => layer_name("panel.name.backward", layer),
        Phase::Update => t(lang, "panel.name.update").to_string(),
    }
}

/// The single line shown when a value the phase should have computed is absent.
pub(crate) fn missing(lang: Lang) -> Vec<String> {
    vec![t(lang, "panel.missing").to_string()]
}

/// Layer `layer`'s snapshot (1-based), if the network has it.
pub(crate) fn layer_at(snap: &NetworkSnapshot, layer: usize) -> Option<&LayerSnapshot> {
    snap.layers.get(layer.checked_sub(1)?)
}

/// The input of layer `layer`: x for layer 1, else the previous layer's `a` once computed.
pub(crate) fn layer_input(snap: &NetworkSnapshot, layer: usize) -> Option<&[f64]> {
    match layer.checked_sub(2) {
        None => Some(&snap.input),
        Some(prev) => snap.layers.get(prev)?.a.as_deref(),
    }
}

fn ready_lines(snap: &NetworkSnapshot, lang: Lang) -> Vec<String> {
    let (x, y) = (vec_text(&snap.input), vec_text(&snap.target));
    vec![
        t(lang, "panel.ready.hint").to_string(),
        tf(lang, "panel.ready.sample", &[("x", &x), ("y", &y)]),
    ]
}

/// `u⁽ˡ⁾ = a⁽ˡ⁻¹⁾·W⁽ˡ⁾ + b⁽ˡ⁾` and `a⁽ˡ⁾ = f(u⁽ˡ⁾)` with the layer's numbers.
fn forward_lines(snap: &NetworkSnapshot, layer: usize, lang: Lang) -> Vec<String> {
    let Some(ls) = layer_at(snap, layer) else {
        return missing(lang);
    };
    let s = layer_tag(layer);
    let input = opt_vec(layer_input(snap, layer));
    let (w, b, u) = (
        mat_text(&ls.weights),
        vec_text(&ls.biases),
        opt_vec(ls.u.as_deref()),
    );
    let mut lines = vec![
        t(lang, "panel.forward.what").to_string(),
        format!(
            "u{s} = {}·W{s} + b{s} = {input}·{w} + {b} = {u}",
            input_name(layer)
        ),
        activation_line(ls.activation, &s, &opt_vec(ls.a.as_deref()), lang),
    ];
    if layer == snap.layers.len() {
        let yhat = opt_vec(ls.a.as_deref());
        lines.push(tf(lang, "panel.forward.output", &[("yhat", &yhat)]));
    }
    lines
}

/// `a = f(u)` written with the activation's own symbol.
fn activation_line(act: Activation, s: &str, a: &str, lang: Lang) -> String {
    match act {
        Activation::Identity => {
            format!(
                "a{s} = u{s} = {a}   ({})",
                t(lang, "panel.forward.identity")
            )
        }
        Activation::Sigmoid => format!("a{s} = σ(u{s}) = {a}   (σ(u) = 1 / (1 + e⁻ᵘ))"),
        Activation::Tanh => format!("a{s} = tanh(u{s}) = {a}"),
        Activation::Relu => format!("a{s} = ReLU(u{s}) = max(0, u{s}) = {a}"),
        Activation::Softmax => format!("a{s} = softmax(u{s}) = {a}   (aⱼ = eᵘʲ / Σₖ eᵘᵏ)"),
    }
}

/// The loss formula of `snap.loss_kind`, filled with ŷ, y and the engine's L.
fn loss_lines(snap: &NetworkSnapshot, lang: Lang) -> Vec<String> {
    let yhat = snap.layers.last().and_then(|l| l.a.as_deref());
    let (Some(yhat), Some(loss)) = (yhat, snap.example_loss.or(snap.loss)) else {
        return missing(lang);
    };
    let y = &snap.target;
    let what = match snap.loss_kind {
        LossKind::SquaredError => "panel.loss.what.squared",
        LossKind::BinaryCrossEntropy => "panel.loss.what.bce",
        LossKind::SoftmaxCrossEntropy => "panel.loss.what.ce",
    };
    let formula = match snap.loss_kind {
        LossKind::SquaredError => squared_error(yhat, y),
        LossKind::BinaryCrossEntropy => binary_cross_entropy(yhat, y),
        LossKind::SoftmaxCrossEntropy => cross_entropy(yhat, y),
    };
    let mut lines = vec![
        t(lang, what).to_string(),
        format!("ŷ = {}, y = {}", vec_text(yhat), vec_text(y)),
        format!("{formula} = {}", fmt(loss)),
    ];
    let n = snap.training.batch.len();
    if let (true, Some(mean)) = (n > 1, snap.loss) {
        let n = n.to_string();
        lines.push(tf(
            lang,
            "panel.loss.batch",
            &[("n", &n), ("loss", &fmt(mean))],
        ));
    }
    lines
}

/// `L = ½(ŷ − y)²` (a sum of such terms for several outputs), without the result.
fn squared_error(yhat: &[f64], y: &[f64]) -> String {
    let terms: Vec<String> = yhat
        .iter()
        .zip(y)
        .map(|(&a, &b)| format!("½({} − {})²", fmt(a), paren(b)))
        .collect();
    match terms.as_slice() {
        [one] => format!("L = ½(ŷ − y)² = {one}"),
        [_, _] | [_, _, _] => format!("L = Σⱼ ½(ŷⱼ − yⱼ)² = {}", terms.join(" + ")),
        _ => format!(
            "L = Σⱼ ½(ŷⱼ − yⱼ)² = ½‖{} − {}‖²",
            vec_text(yhat),
            vec_text(y)
        ),
    }
}

/// `L = −(y·ln ŷ + (1 − y)·ln(1 − ŷ))` summed over the outputs, without the result.
fn binary_cross_entropy(yhat: &[f64], y: &[f64]) -> String {
    let terms: Vec<String> = yhat
        .iter()
        .zip(y)
        .map(|(&a, &b)| {
            // 1 − ŷ and 1 − y are only written out, the loss itself is the engine's.
            let (a1, b1) = (paren(1.0 - a), paren(1.0 - b));
            format!("−({}·ln {} + {b1}·ln {a1})", paren(b), paren(a))
        })
        .collect();
    match terms.as_slice() {
        [one] => format!("L = −(y·ln ŷ + (1 − y)·ln(1 − ŷ)) = {one}"),
        [_, _] | [_, _, _] => format!(
            "L = −Σⱼ (yⱼ·ln ŷⱼ + (1 − yⱼ)·ln(1 − ŷⱼ)) = {}",
            terms.join(" ")
        ),
        _ => "L = −Σⱼ (yⱼ·ln ŷⱼ + (1 − yⱼ)·ln(1 − ŷⱼ))".to_string(),
    }
}

/// `L = −Σ y·ln ŷ` with the terms whose `y ≠ 0` (the others vanish), without the result.
fn cross_entropy(yhat: &[f64], y: &[f64]) -> String {
    let terms: Vec<String> = yhat
        .iter()
        .zip(y)
        .filter(|(_, &b)| b != 0.0)
        .map(|(&a, &b)| format!("{}·ln {}", paren(b), paren(a)))
        .collect();
    if (1..=3).contains(&terms.len()) {
        format!("L = −Σⱼ yⱼ·ln ŷⱼ = −({})", terms.join(" + "))
    } else {
        "L = −Σⱼ yⱼ·ln ŷⱼ".to_string()
    }
}
