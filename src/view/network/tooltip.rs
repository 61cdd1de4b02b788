//! The tooltips of the network diagram: for an edge its weight, its gradient and
//! the chain rule that made the gradient; for a neuron its u, a = f(u), b, δ and
//! ∂L/∂b. Every formula carries the live numbers that went into it (six
//! significant digits), and says plainly what the current step has not computed yet.

use crate::engine::activation::Activation;
use crate::engine::snapshot::NetworkSnapshot;
use crate::i18n::{t, Lang};
use crate::view::network::delta::{delta_lines, factor, fill, long, products};
use crate::view::network::values::{self as values};
use crate::view::network::{EdgeRef, NodeRef};
use crate::view::number::fmt_sig;

/// Lines of the tooltip for an edge: its weight, its gradient, and the chain rule with
/// live numbers: `∂L/∂w_ij = δ_j · a_i = … · … = …`, and how `δ_j` was made (output
/// layer: `δ = ∂L/∂a · f'(u)` with numbers, softmax + cross-entropy: `δ = a − y`;
/// hidden: `δ_j = f'(u_j) · Σ_k w_jk δ_k` with numbers). Before backward reached the
/// edge, says so (and still shows the weight).
pub fn edge_tooltip(snap: &NetworkSnapshot, edge: EdgeRef, lang: Lang) -> Vec<String> {
    let Some(w) = values::weight(snap, edge) else {
        return vec![t(lang, "net.tip.missing").to_string()];
    };
    let from = values::node(edge.layer - 1, edge.from);
    let to = values::node(edge.layer, edge.to);
    let mut args = vec![
        ("from", values::node_name(&snap.sizes, from)),
        ("to", values::node_name(&snap.sizes, to)),
        ("layer", edge.layer.to_string()),
        ("w", long(w)),
        ("rate", long(snap.learning_rate)),
    ];
    let mut lines = vec![fill(lang, "net.tip.edge", &args)];
    match values::old_weight(snap, edge) {
        Some(old) => {
            args.push(("old", long(old)));
            lines.push(fill(lang, "net.tip.weight_updated", &args));
        }
        None => lines.push(fill(lang, "net.tip.weight", &args)),
    }
    let (Some(g), Some(d), Some(a)) = (
        values::example_grad(snap, edge),
        values::delta(snap, to),
        values::node_value(snap, from),
    ) else {
        lines.push(fill(lang, "net.tip.grad_pending", &args));
        return lines;
    };
    args.extend([("grad", long(g)), ("delta", factor(d)), ("a", factor(a))]);
    if snap.training.batch.len() > 1 {
        // The chain rule below is the chosen example's; the edge shows the batch mean.
        let mean = values::grad(snap, edge).map_or_else(|| "—".to_string(), long);
        args.push(("mean", mean));
        lines.push(fill(lang, "net.tip.grad_example", &args));
        lines.push(fill(lang, "net.tip.grad_mean", &args));
    } else {
        lines.push(fill(lang, "net.tip.grad", &args));
    }
    lines.push(fill(lang, "net.tip.chain", &args));
    lines.extend(delta_lines(snap, to, lang));
    lines
}

/// Lines of the tooltip for a neuron: u, a (with the formula a = f(u)), b, δ and
/// ∂L/∂b when known; the target (and the loss) for an output neuron.
pub fn node_tooltip(snap: &NetworkSnapshot, node: NodeRef, lang: Lang) -> Vec<String> {
    let name = values::node_name(&snap.sizes, node);
    if node.layer == 0 {
        let Some(x) = values::node_value(snap, node) else {
            return vec![t(lang, "net.tip.missing").to_string()];
        };
        return vec![fill(
            lang,
            "net.tip.input",
            &[("name", name), ("value", long(x))],
        )];
    }
    let Some(layer) = values::layer(snap, node.layer) else {
        return vec![t(lang, "net.tip.missing").to_string()];
    };
    let title = values::layer_title(snap, node.layer, lang);
    let act = layer.activation.name().to_string();
    let args = vec![
        ("name", name),
        ("title", title),
        ("act", act),
        ("layer", node.layer.to_string()),
    ];
    let mut lines = vec![fill(lang, "net.tip.node", &args)];
    lines.extend(forward_lines(snap, node, lang, &args));
    lines.extend(bias_line(snap, node, lang));
    lines.extend(backward_lines(snap, node, lang, &args));
    if node.layer == snap.layers.len() {
        lines.extend(output_lines(snap, node, lang));
    }
    lines
}

/// `u = Σ a·w + b` (terms written out for a small fan-in) and `a = f(u)`, or a note
/// that forward has not reached the layer.
fn forward_lines(
    snap: &NetworkSnapshot,
    node: NodeRef,
    lang: Lang,
    args: &[(&str, String)],
) -> Vec<String> {
    let (Some(u), Some(a)) = (
        values::pre_activation(snap, node),
        values::node_value(snap, node),
    ) else {
        return vec![fill(lang, "net.tip.forward_pending", args)];
    };
    let pairs = incoming(snap, node);
    let b = values::old_bias(snap, node).or_else(|| values::bias(snap, node));
    let n_in = snap.sizes.get(node.layer - 1).copied().unwrap_or(0);
    let sum = match b {
        Some(b) if pairs.len() == n_in => format!("{} + {}", products(&pairs), factor(b)),
        _ => "Σ aᵢ·wᵢ + b".to_string(),
    };
    let mut args = args.to_vec();
    args.extend([("sum", sum), ("u", long(u)), ("a", long(a))]);
    args.push(("index", crate::view::notation::subscript(node.index + 1)));
    let a_key = match values::layer(snap, node.layer).map(|l| l.activation) {
        Some(Activation::Softmax) => "net.tip.a_softmax",
        _ => "net.tip.a",
    };
    vec![fill(lang, "net.tip.u", &args), fill(lang, a_key, &args)]
}

/// `(a_i, w_ij)` for every edge into `node`, with the weights the step's forward
/// pass used (from before any Update).
fn incoming(snap: &NetworkSnapshot, node: NodeRef) -> Vec<(f64, f64)> {
    let l = node.layer;
    let n_in = l
        .checked_sub(1)
        .and_then(|p| snap.sizes.get(p))
        .copied()
        .unwrap_or(0);
    let pair = |i: usize| {
        let a = values::node_value(snap, values::node(l - 1, i))?;
        Some((
            a,
            values::used_weight(snap, values::edge(l, i, node.index))?,
        ))
    };
    (0..n_in).filter_map(pair).collect()
}

/// `b = …`, or `b = old → new` right after an Update.
fn bias_line(snap: &NetworkSnapshot, node: NodeRef, lang: Lang) -> Option<String> {
    let b = values::bias(snap, node)?;
    let mut args = vec![("b", long(b)), ("rate", long(snap.learning_rate))];
    Some(match values::old_bias(snap, node) {
        Some(old) => {
            args.push(("old", long(old)));
            fill(lang, "net.tip.bias_updated", &args)
        }
        None => fill(lang, "net.tip.bias", &args),
    })
}

/// `δ = ∂L/∂u`, how it was made, and `∂L/∂b = δ`; or a note that backward has not
/// reached the layer.
fn backward_lines(
    snap: &NetworkSnapshot,
    node: NodeRef,
    lang: Lang,
    args: &[(&str, String)],
) -> Vec<String> {
    let Some(d) = values::delta(snap, node) else {
        return vec![fill(lang, "net.tip.backward_pending", args)];
    };
    let mut lines = vec![fill(lang, "net.tip.delta", &[("delta", long(d))])];
    lines.extend(delta_lines(snap, node, lang));
    let grad_b = values::layer(snap, node.layer)
        .and_then(|l| l.grad_biases.as_ref())
        .and_then(|g| g.get(node.index).copied());
    if let Some(g) = grad_b {
        lines.push(fill(lang, "net.tip.grad_bias", &[("grad", long(g))]));
    }
    let mean_b = values::layer(snap, node.layer)
        .and_then(|l| l.batch_grad_biases.as_ref())
        .and_then(|g| g.get(node.index).copied());
    if let (true, Some(m)) = (snap.training.batch.len() > 1, mean_b) {
        lines.push(fill(lang, "net.tip.grad_bias_mean", &[("mean", long(m))]));
    }
    lines
}

/// The target of an output neuron and, once computed, the loss.
fn output_lines(snap: &NetworkSnapshot, node: NodeRef, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(&y) = snap.target.get(node.index) {
        let name = values::target_name(&snap.sizes, node.index);
        lines.push(fill(
            lang,
            "net.target",
            &[("name", name), ("value", long(y))],
        ));
    }
    if let Some(loss) = snap.loss {
        lines.push(fill(
            lang,
            "net.loss",
            &[("value", fmt_sig(loss, crate::view::number::LONG))],
        ));
    }
    lines
}
