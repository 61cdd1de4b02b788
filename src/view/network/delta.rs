//! How a neuron's `δ = ∂L/∂u` was made, written out with the live numbers:
//! at the output `δ = ∂L/∂ŷ · f'(u)` (or `ŷ − y` when softmax or sigmoid meets its
//! cross-entropy), in a hidden layer `δ_j = f'(u_j) · Σ_k w_jk δ_k`.
//! Every number is recomputed from the snapshot's own values, so the lines show
//! exactly the multiplication the engine did.

use crate::engine::activation::Activation;
use crate::engine::loss::LossKind;
use crate::engine::snapshot::NetworkSnapshot;
use crate::i18n::tf;
use crate::i18n::Lang;
use crate::view::network::values::{self as values};
use crate::view::network::NodeRef;
use crate::view::notation::paren_sig;
use crate::view::number::{fmt_sig, LONG};

/// Terms of a sum written out; longer sums are cut with `…`.
const MAX_TERMS: usize = 4;

/// A number as tooltips write it (six significant digits).
pub(crate) fn long(v: f64) -> String {
    fmt_sig(v, LONG)
}

/// A factor of a product: negative numbers in parentheses, `(-1)·4`.
pub(crate) fn factor(v: f64) -> String {
    paren_sig(v, LONG)
}

/// `a·b + c·d + …` for the pairs, cut after [`MAX_TERMS`].
pub(crate) fn products(pairs: &[(f64, f64)]) -> String {
    let mut terms: Vec<String> = pairs
        .iter()
        .take(MAX_TERMS)
        .map(|&(a, b)| format!("{}·{}", factor(a), factor(b)))
        .collect();
    if pairs.len() > MAX_TERMS {
        terms.push("…".to_string());
    }
    terms.join(" + ")
}

/// The lines explaining `δ` of `node` (empty before backward reached it).
pub(crate) fn delta_lines(snap: &NetworkSnapshot, node: NodeRef, lang: Lang) -> Vec<String> {
    let (Some(delta), Some(layer)) = (values::delta(snap, node), values::layer(snap, node.layer))
    else {
        return Vec::new();
    };
    let act = layer.activation;
    let args = vec![
        ("node", values::node_name(&snap.sizes, node)),
        ("delta", long(delta)),
        ("act", act.name().to_string()),
    ];
    let is_output = node.layer == snap.layers.len();
    if act == Activation::Softmax && !(is_output && snap.loss_kind == LossKind::SoftmaxCrossEntropy)
    {
        // Softmax mixes every neuron of its layer: no single f'(u) to show.
        return vec![fill(lang, "net.tip.delta_jacobian", &args)];
    }
    if is_output {
        output_lines(snap, node, lang, &args)
    } else {
        hidden_lines(snap, node, lang, &args)
    }
}

/// [`tf`] with owned values.
pub(crate) fn fill(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let borrowed: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    tf(lang, key, &borrowed)
}

/// Output neuron: `δ = ŷ − y` for the matched pairs, else `∂L/∂ŷ · f'(u)` with
/// the loss's derivative and the activation's derivative on lines of their own.
fn output_lines(
    snap: &NetworkSnapshot,
    node: NodeRef,
    lang: Lang,
    args: &[(&'static str, String)],
) -> Vec<String> {
    let j = node.index;
    let (Some(layer), Some(&y), Some(aj)) = (
        values::layer(snap, node.layer),
        snap.target.get(j),
        values::node_value(snap, node),
    ) else {
        return Vec::new();
    };
    let mut args = args.to_vec();
    let target = values::target_name(&snap.sizes, j);
    args.extend([("target", target), ("a", long(aj)), ("y", factor(y))]);
    let matched = matches!(
        (layer.activation, snap.loss_kind),
        (Activation::Softmax, LossKind::SoftmaxCrossEntropy)
            | (Activation::Sigmoid, LossKind::BinaryCrossEntropy)
    );
    if matched {
        return vec![fill(lang, "net.tip.delta_matched", &args)];
    }
    let (g, fp) = (loss_gradient(snap, j), derivative(snap, node));
    args.extend([("g", long(g)), ("fp", factor(fp)), ("value", long(fp))]);
    let dloss = match snap.loss_kind {
        LossKind::SquaredError => "net.tip.dloss.squared",
        LossKind::BinaryCrossEntropy => "net.tip.dloss.binary",
        LossKind::SoftmaxCrossEntropy => "net.tip.dloss.softmax",
    };
    vec![
        fill(lang, "net.tip.delta_output", &args),
        fill(lang, dloss, &args),
        fill(lang, derivative_key(layer.activation), &args),
    ]
}

/// Hidden neuron: `δ_j = f'(u_j) · Σ_k w_jk δ_k` over the next layer, with the
/// weights that backward used (the old ones right after an Update).
fn hidden_lines(
    snap: &NetworkSnapshot,
    node: NodeRef,
    lang: Lang,
    args: &[(&'static str, String)],
) -> Vec<String> {
    let Some(layer) = values::layer(snap, node.layer) else {
        return Vec::new();
    };
    let next = node.layer + 1;
    let pairs: Vec<(f64, f64)> = (0..snap.sizes.get(next).copied().unwrap_or(0))
        .filter_map(|k| {
            let w = values::used_weight(snap, values::edge(next, node.index, k))?;
            Some((w, values::delta(snap, values::node(next, k))?))
        })
        .collect();
    let (fp, sum) = (
        derivative(snap, node),
        pairs.iter().map(|(w, d)| w * d).sum(),
    );
    let mut args = args.to_vec();
    args.extend([
        ("fp", factor(fp)),
        ("value", long(fp)),
        ("terms", products(&pairs)),
        ("sum", factor(sum)),
    ]);
    vec![
        fill(lang, "net.tip.delta_hidden", &args),
        fill(lang, derivative_key(layer.activation), &args),
    ]
}

/// `∂L/∂ŷ_j` of the loss at the current output (NaN if the output is not known).
fn loss_gradient(snap: &NetworkSnapshot, j: usize) -> f64 {
    let a = snap.layers.last().and_then(|l| l.a.as_ref());
    let grad = a.map(|a| snap.loss_kind.gradient(a, &snap.target));
    grad.and_then(|g| g.get(j).copied()).unwrap_or(f64::NAN)
}

/// `f'(u)` of a neuron, as the engine's backward pass used it (NaN if not known).
fn derivative(snap: &NetworkSnapshot, node: NodeRef) -> f64 {
    let Some(layer) = values::layer(snap, node.layer) else {
        return f64::NAN;
    };
    let diagonal = layer
        .u
        .as_ref()
        .zip(layer.a.as_ref())
        .map(|(u, a)| layer.activation.diagonal(u, a));
    diagonal
        .and_then(|d| d.get(node.index).copied())
        .unwrap_or(f64::NAN)
}

/// The i18n key stating `f'(u)` of an activation with its value.
fn derivative_key(act: Activation) -> &'static str {
    match act {
        Activation::Identity => "net.tip.fprime.identity",
        Activation::Sigmoid => "net.tip.fprime.sigmoid",
        Activation::Tanh => "net.tip.fprime.tanh",
        Activation::Relu => "net.tip.fprime.relu",
        Activation::Softmax => "net.tip.fprime.softmax",
    }
}
