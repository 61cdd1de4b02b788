//! Helpers shared by the graph-lab tests: named values, sessions, J after a
//! forward pass, and error checks by code, column and placeholders.
#![allow(dead_code)] // each test file uses a different subset

use backprop_lab::engine::graph::{ExprError, GraphSession, GraphSnapshot};

/// `[("a", 5.0)]` → `[("a".to_string(), 5.0)]`.
pub fn values(pairs: &[(&str, f64)]) -> Vec<(String, f64)> {
    pairs.iter().map(|(n, v)| (n.to_string(), *v)).collect()
}

/// `GraphSession::new`, with named values.
pub fn new(expr: &str, pairs: &[(&str, f64)]) -> Result<GraphSession, ExprError> {
    GraphSession::new(expr, &values(pairs))
}

/// A session that must build.
pub fn session(expr: &str, pairs: &[(&str, f64)]) -> GraphSession {
    new(expr, pairs).unwrap_or_else(|e| panic!("{expr}: {e}"))
}

/// J of `expr` at the given values, after a complete forward pass.
pub fn j(expr: &str, pairs: &[(&str, f64)]) -> f64 {
    let mut s = session(expr, pairs);
    s.forward_all();
    s.snapshot().output.unwrap()
}

/// The node labels in arena order.
pub fn labels(expr: &str, pairs: &[(&str, f64)]) -> Vec<String> {
    session(expr, pairs)
        .snapshot()
        .nodes
        .into_iter()
        .map(|n| n.label)
        .collect()
}

/// The id of the node labelled `label`.
pub fn id(snap: &GraphSnapshot, label: &str) -> usize {
    snap.nodes.iter().position(|n| n.label == label).unwrap()
}

/// Asserts that `result` failed with `code`, `column` and exactly the placeholders `args`.
pub fn check<T: std::fmt::Debug>(
    result: Result<T, ExprError>,
    code: &str,
    column: Option<usize>,
    args: &[(&str, &str)],
) {
    let e = result.unwrap_err();
    assert_eq!((e.code(), e.column()), (code, column), "{e}");
    let want: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, v.to_string())).collect();
    assert_eq!(e.args(), want, "{e}");
    assert!(!e.to_string().is_empty());
}

/// Asserts that building `expr` at `pairs` fails as described (see [`check`]).
pub fn fails(
    expr: &str,
    pairs: &[(&str, f64)],
    code: &str,
    column: Option<usize>,
    args: &[(&str, &str)],
) {
    check(new(expr, pairs), code, column, args);
}
