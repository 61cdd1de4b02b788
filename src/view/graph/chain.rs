//! The graph lab's derivative texts: the chain rule along every path from J down
//! to a node (`dJ/db = dJ/dv · dv/du · du/db = 3 · 1 · 2 = 6`, and the sum over
//! the paths of a node used several times), the nudge seen as a ratio of changes
//! (`dJ/dv ≈ ΔJ/Δv = 0.003/0.001 = 3`), and gradient descent's update of each
//! variable with its numbers filled in.

use crate::engine::graph::{
    ChainTerm, Direction, GraphSnapshot, NodeKind, NodeSnapshot, MAX_TERMS,
};
use crate::i18n::{t, tf, Lang};
use crate::view::graph::text::{derivative, gradient_name, root_label};
use crate::view::notation::paren;
use crate::view::number::{fmt, fmt_sig, LONG};

/// `dJ/dv · dv/du · du/db` for the path `[J, v, u, b]`.
fn factor_names(snap: &GraphSnapshot, term: &ChainTerm) -> String {
    let label = |id: &usize| snap.nodes.get(*id).map_or("?", |n| n.label.as_str());
    let names: Vec<String> = term
        .path
        .windows(2)
        .map(|w| derivative(label(&w[0]), label(&w[1])))
        .collect();
    names.join(" · ")
}

/// `3 · 1 · 2` (negative factors in parentheses).
fn factor_numbers(term: &ChainTerm) -> String {
    let numbers: Vec<String> = term.factors.iter().map(|&f| paren(f)).collect();
    numbers.join(" · ")
}

/// The chain rule for `node` once its gradient is final: one line for a single
/// path (`dJ/db = dJ/dv · dv/du · du/db = 3 · 1 · 2 = 6`); for several paths a line
/// per path and their sum. Empty before the gradient is known.
pub fn chain_lines(snap: &GraphSnapshot, node: &NodeSnapshot, lang: Lang) -> Vec<String> {
    let Some(gradient) = node.gradient else {
        return Vec::new();
    };
    let lhs = gradient_name(snap, node);
    match node.chain.as_slice() {
        [] => vec![format!("{lhs} = {}", fmt(gradient))],
        [term] if term.factors.len() <= 1 => vec![format!("{lhs} = {}", fmt(term.product))],
        [term] => vec![format!(
            "{lhs} = {} = {} = {}",
            factor_names(snap, term),
            factor_numbers(term),
            fmt(term.product)
        )],
        terms => several_paths(snap, terms, &lhs, gradient, lang),
    }
}

fn several_paths(
    snap: &GraphSnapshot,
    terms: &[ChainTerm],
    lhs: &str,
    gradient: f64,
    lang: Lang,
) -> Vec<String> {
    let mut lines: Vec<String> = terms
        .iter()
        .enumerate()
        .map(|(i, term)| {
            let n = (i + 1).to_string();
            let names = factor_names(snap, term);
            let numbers = factor_numbers(term);
            let product = fmt(term.product);
            let args = [
                ("n", n.as_str()),
                ("names", names.as_str()),
                ("numbers", numbers.as_str()),
                ("product", product.as_str()),
            ];
            tf(lang, "graph.chain.path", &args)
        })
        .collect();
    let products: Vec<String> = terms.iter().map(|t| paren(t.product)).collect();
    let (count, sum) = (terms.len().to_string(), fmt(gradient));
    let terms_text = products.join(" + ");
    let args = [
        ("lhs", lhs),
        ("terms", terms_text.as_str()),
        ("sum", sum.as_str()),
        ("count", count.as_str()),
    ];
    lines.push(tf(lang, "graph.chain.sum", &args));
    if terms.len() >= MAX_TERMS {
        lines.push(t(lang, "graph.chain.capped").to_string());
    }
    lines
}

/// What the chain-rule panel shows: the `focus` node's chain (or why it is not
/// known yet); without a focus, the chain of the node backward just processed,
/// and once backward is done, the chain of every variable.
pub fn gradient_lines(snap: &GraphSnapshot, focus: Option<usize>, lang: Lang) -> Vec<String> {
    if let Some(node) = focus.and_then(|f| snap.nodes.get(f)) {
        if node.gradient.is_none() {
            let name = gradient_name(snap, node);
            return vec![tf(lang, "graph.chain.pending", &[("name", &name)])];
        }
        return chain_lines(snap, node, lang);
    }
    match snap.direction {
        Direction::Done => snap
            .nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Variable)
            .flat_map(|n| chain_lines(snap, n, lang))
            .collect(),
        Direction::Backward => snap
            .cursor
            .and_then(|c| snap.nodes.get(c))
            .map(|n| chain_lines(snap, n, lang))
            .unwrap_or_default(),
        _ => vec![t(lang, "graph.chain.hint").to_string()],
    }
}

/// `a` and `b` with enough significant digits that they differ visibly
/// (at least [`LONG`], at most 15).
fn distinct(a: f64, b: f64) -> (String, String) {
    let delta = (b - a).abs();
    let size = a.abs().max(b.abs());
    let needed = if delta > 0.0 && size > 0.0 {
        (size / delta).log10().ceil() as usize + 2
    } else {
        LONG
    };
    let sig = needed.clamp(LONG, 15);
    (fmt_sig(a, sig), fmt_sig(b, sig))
}

/// The last nudge as the tutorial explains the derivative, then the chain rule's
/// value for comparison once backward has computed it.
pub fn nudge_lines(snap: &GraphSnapshot, lang: Lang) -> Vec<String> {
    let Some(n) = snap.last_nudge.as_ref() else {
        return vec![t(lang, "graph.nudge.hint").to_string()];
    };
    let root = root_label(snap);
    let (before, after) = distinct(n.value_before, n.value_after);
    let (j_before, j_after) = distinct(n.output_before, n.output_after);
    let (dj, h, ratio) = (
        fmt(n.output_after - n.output_before),
        fmt(n.h),
        fmt(n.ratio),
    );
    let name = derivative(root, &n.label);
    let args = [
        ("label", n.label.as_str()),
        ("root", root),
        ("before", before.as_str()),
        ("after", after.as_str()),
        ("jbefore", j_before.as_str()),
        ("jafter", j_after.as_str()),
        ("name", name.as_str()),
        ("dj", dj.as_str()),
        ("h", h.as_str()),
        ("ratio", ratio.as_str()),
    ];
    let known = snap.nodes.get(n.node).and_then(|node| node.gradient);
    vec![
        tf(lang, "graph.nudge.line", &args),
        nudge_comparison(n.ratio, known, &name, lang),
    ]
}

/// The ratio against the chain rule's value, or how to get that value.
fn nudge_comparison(ratio: f64, known: Option<f64>, name: &str, lang: Lang) -> String {
    match known {
        Some(g) => {
            let (gradient, diff) = (fmt(g), fmt(ratio - g));
            let args = [("name", name), ("gradient", &gradient), ("diff", &diff)];
            tf(lang, "graph.nudge.compare", &args)
        }
        None => tf(lang, "graph.nudge.before-backward", &[("name", name)]),
    }
}

/// One variable of an update: name, value before, dJ/d(name) used, value after.
pub type UpdateRow<'a> = (&'a str, f64, f64, f64);

/// `a′ = a − r · dJ/da = 5 − 0.01 · 3 = 4.97` per variable, then how J moved.
pub fn update_lines(
    root: &str,
    rate: f64,
    rows: &[UpdateRow<'_>],
    (j_before, j_after): (f64, f64),
    lang: Lang,
) -> Vec<String> {
    let mut lines: Vec<String> = rows
        .iter()
        .map(|&(name, before, gradient, after)| {
            format!(
                "{name}′ = {name} − r · {} = {} − {} · {} = {}",
                derivative(root, name),
                fmt_sig(before, LONG),
                fmt(rate),
                paren(gradient),
                fmt_sig(after, LONG)
            )
        })
        .collect();
    let key = if j_after <= j_before {
        "graph.update.fell"
    } else {
        "graph.update.rose"
    };
    let (b, a) = (fmt_sig(j_before, LONG), fmt_sig(j_after, LONG));
    let change = fmt((j_after - j_before).abs());
    let args = [
        ("root", root),
        ("before", b.as_str()),
        ("after", a.as_str()),
        ("change", change.as_str()),
    ];
    lines.push(tf(lang, key, &args));
    lines
}
