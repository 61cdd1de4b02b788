//! The graph lab's texts with live numbers: each operation's formula filled in
//! (`u = b × c = 3 × 2 = 6`), the line saying what the last step did, the node
//! list beside the canvas, J's history and the caret under an error's column.
//! Every number goes through [`crate::view::number`].

use crate::engine::graph::{Direction, GraphSnapshot, NodeKind, NodeSnapshot};
use crate::i18n::{t, tf, Lang};
use crate::view::notation::{paren, subscript};
use crate::view::number::fmt;

/// `d{of}/d{by}`, e.g. `dJ/db`.
pub fn derivative(of: &str, by: &str) -> String {
    format!("d{of}/d{by}")
}

/// The root's label (`J`, or `out` when a variable is called J).
pub fn root_label(snap: &GraphSnapshot) -> &str {
    snap.nodes.last().map_or("J", |n| n.label.as_str())
}

/// `dJ/d(node)` in the root's name.
pub(crate) fn gradient_name(snap: &GraphSnapshot, node: &NodeSnapshot) -> String {
    derivative(root_label(snap), &node.label)
}

/// `dJ/du = 3` once the node's gradient is final.
pub(crate) fn gradient_text(snap: &GraphSnapshot, node: &NodeSnapshot) -> Option<String> {
    let g = node.gradient?;
    Some(format!("{} = {}", gradient_name(snap, node), fmt(g)))
}

/// The operation of `node` with its inputs' values in place of their names,
/// e.g. `3 × 2`, `σ(1)`, `(-1.5)^2`; `None` until every input has a value.
pub fn operation_numbers(snap: &GraphSnapshot, node: &NodeSnapshot) -> Option<String> {
    let value = |slot: usize| {
        let id = *node.inputs.get(slot)?;
        snap.nodes.get(id)?.value
    };
    let binary = |sym: &str| Some(format!("{} {sym} {}", fmt(value(0)?), paren(value(1)?)));
    let call = |name: &str| Some(format!("{name}({})", fmt(value(0)?)));
    match node.op.as_str() {
        "add" => binary("+"),
        "sub" => binary("−"),
        "mul" => binary("×"),
        "div" => binary("÷"),
        "neg" => Some(format!("−{}", paren(value(0)?))),
        "pow" => Some(format!("{}{}", paren(value(0)?), node.symbol)),
        "sigmoid" => call("σ"),
        "relu" => call("ReLU"),
        "exp" | "log" | "tanh" => call(&node.op),
        _ => None,
    }
}

/// `u = b × c = 3 × 2 = 6` for an operation once computed; `a = 5` for a variable;
/// the label for a constant; `u = b × c = ?` before.
pub fn node_line(snap: &GraphSnapshot, node: &NodeSnapshot) -> String {
    match (node.kind, node.value) {
        (NodeKind::Constant, _) => node.label.clone(),
        (NodeKind::Variable, Some(v)) => format!("{} = {}", node.label, fmt(v)),
        (NodeKind::Operation, Some(v)) => match operation_numbers(snap, node) {
            Some(numbers) => format!("{} = {numbers} = {}", node.formula, fmt(v)),
            None => format!("{} = {}", node.formula, fmt(v)),
        },
        (_, None) => format!("{} = ?", node.formula),
    }
}

/// One row of the node list beside the canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeRow {
    /// The node's id.
    pub id: usize,
    /// Its label.
    pub label: String,
    /// "variable", "constant" or "operation".
    pub kind: &'static str,
    /// [`node_line`].
    pub text: String,
    /// `dJ/du = 3` once known.
    pub gradient_text: Option<String>,
    /// Its value, once known (full precision, for data attributes).
    pub value: Option<f64>,
    /// dJ/d(node), once final.
    pub gradient: Option<f64>,
}

/// The node list, in arena order (inputs before their users, J last).
pub fn node_rows(snap: &GraphSnapshot) -> Vec<NodeRow> {
    snap.nodes
        .iter()
        .map(|n| NodeRow {
            id: n.id,
            label: n.label.clone(),
            kind: match n.kind {
                NodeKind::Variable => "variable",
                NodeKind::Constant => "constant",
                NodeKind::Operation => "operation",
            },
            text: node_line(snap, n),
            gradient_text: gradient_text(snap, n),
            value: n.value,
            gradient: n.gradient,
        })
        .collect()
}

/// What the last step did, in words and numbers.
pub fn status_line(snap: &GraphSnapshot, lang: Lang) -> String {
    let cursor = snap.cursor.and_then(|c| snap.nodes.get(c));
    match (snap.direction, cursor) {
        (Direction::Ready, _) | (_, None) => ready_line(snap, lang),
        (Direction::Forward, Some(node)) => forward_line(snap, node, lang),
        (Direction::Backward, Some(node)) => backward_line(snap, node, lang),
        (Direction::Done, Some(_)) => done_line(snap, lang),
    }
}

fn ready_line(snap: &GraphSnapshot, lang: Lang) -> String {
    let first = snap.nodes.iter().find(|n| n.kind == NodeKind::Operation);
    match first {
        Some(node) => tf(lang, "graph.status.ready", &[("next", &node.formula)]),
        None => t(lang, "graph.status.ready-none").to_string(),
    }
}

fn forward_line(snap: &GraphSnapshot, node: &NodeSnapshot, lang: Lang) -> String {
    let (done, total) = (snap.forward_done.to_string(), snap.operations.to_string());
    let line = tf(
        lang,
        "graph.status.forward",
        &[
            ("done", &done),
            ("total", &total),
            ("line", &node_line(snap, node)),
        ],
    );
    match snap.output.filter(|_| snap.forward_done == snap.operations) {
        Some(j) => {
            let output = format!("{} = {}", root_label(snap), fmt(j));
            let end = tf(lang, "graph.status.forward-end", &[("output", &output)]);
            format!("{line} {end}")
        }
        None => line,
    }
}

fn backward_line(snap: &GraphSnapshot, node: &NodeSnapshot, lang: Lang) -> String {
    let (done, total) = (
        snap.backward_done.to_string(),
        snap.backward_total.to_string(),
    );
    let gradient = node.gradient.map_or("?".into(), fmt);
    let name = gradient_name(snap, node);
    let pushes: Vec<String> = snap
        .edges
        .iter()
        .filter(|e| e.to == node.id)
        .filter_map(|e| {
            let input = snap.nodes.get(e.from)?;
            let (local, carried) = (e.local?, e.carried?);
            let pushed = format!("{} · {} = {}", gradient, paren(local), fmt(carried));
            Some(format!("{}: {pushed}", input.label))
        })
        .collect();
    let key = if snap.nodes.len().checked_sub(1) == Some(node.id) {
        "graph.status.backward-root"
    } else if pushes.is_empty() {
        "graph.status.backward-leaf"
    } else {
        "graph.status.backward"
    };
    let pushes = pushes.join(t(lang, "graph.list-separator"));
    let args = [
        ("done", done.as_str()),
        ("total", total.as_str()),
        ("name", name.as_str()),
        ("label", node.label.as_str()),
        ("gradient", gradient.as_str()),
        ("pushes", pushes.as_str()),
    ];
    tf(lang, key, &args)
}

fn done_line(snap: &GraphSnapshot, lang: Lang) -> String {
    let root = root_label(snap);
    let gradients: Vec<String> = snap
        .variables
        .iter()
        .filter_map(|v| {
            let g = v.gradient?;
            Some(format!("{} = {}", derivative(root, &v.name), fmt(g)))
        })
        .collect();
    let gradients = gradients.join(t(lang, "graph.list-separator"));
    tf(lang, "graph.status.done", &[("gradients", &gradients)])
}

/// J's history: the start, then after each update (`J₁ = 31.76`).
pub fn history_lines(snap: &GraphSnapshot, lang: Lang) -> Vec<String> {
    let root = root_label(snap);
    snap.history
        .iter()
        .enumerate()
        .map(|(k, &j)| {
            let line = format!("{root}{} = {}", subscript(k), fmt(j));
            match k {
                0 => tf(lang, "graph.history.start", &[("line", &line)]),
                _ => line,
            }
        })
        .collect()
}

/// A caret under 1-based `column` of a one-line text (spaces, then `^`).
pub fn caret(column: usize) -> String {
    format!("{}^", " ".repeat(column.saturating_sub(1)))
}
