//! A variable used in several places: its gradient accumulates along every path
//! to J, and the chain-term list shows each path with its local derivatives.

use backprop_lab::engine::graph::GraphSession;

mod engine_graph_common;
use engine_graph_common::values;

fn close(got: f64, want: f64, tol: f64, what: &str) {
    assert!((got - want).abs() <= tol, "{what}: got {got}, want {want}");
}

#[test]
fn a_variable_used_three_times_sums_three_chain_terms() {
    // J = x·x + 3·x at x = 2: dJ/dx = 2x + 3 = 7 = 2 (slot 0 of x·x) + 2 (slot 1) + 3 (3·x).
    let mut s = GraphSession::new("x*x + 3*x", &values(&[("x", 2.0)])).unwrap();
    let labels: Vec<String> = s.snapshot().nodes.iter().map(|n| n.label.clone()).collect();
    assert_eq!(labels, ["x", "u", "3", "v", "J"]);
    assert_eq!(s.snapshot().nodes[0].uses, 3);
    // Reverse order J, v, 3, u, x: x's gradient is final only once u is processed.
    for _ in 0..3 {
        s.backward_step();
    }
    assert_eq!(s.snapshot().nodes[0].gradient, None);
    s.backward_step();
    let snap = s.snapshot();
    assert_eq!(snap.nodes[0].gradient, Some(7.0));
    let chain = &snap.nodes[0].chain;
    let terms: Vec<(Vec<usize>, Vec<f64>, f64)> = chain
        .iter()
        .map(|t| (t.path.clone(), t.factors.clone(), t.product))
        .collect();
    assert_eq!(
        terms,
        [
            (vec![4, 1, 0], vec![1.0, 2.0], 2.0),
            (vec![4, 1, 0], vec![1.0, 2.0], 2.0),
            (vec![4, 3, 0], vec![1.0, 3.0], 3.0),
        ]
    );
    let n = s.nudge("x", 1e-6).unwrap();
    close(n.ratio, 7.0, 1e-5, "ΔJ/Δx"); // forward difference: 7 + h
}

#[test]
fn the_chain_list_stops_at_32_paths_but_the_gradient_counts_every_use() {
    // J = x + x + … + x (40 terms): dJ/dx = 40 along 40 paths, each of product 1.
    let text = vec!["x"; 40].join("+");
    let mut s = GraphSession::new(&text, &values(&[("x", 0.25)])).unwrap();
    s.backward_all();
    let snap = s.snapshot();
    let x = &snap.nodes[0];
    assert_eq!((x.uses, x.gradient), (40, Some(40.0)));
    assert_eq!(x.chain.len(), 32);
    assert!(x
        .chain
        .iter()
        .all(|t| t.product == 1.0 && t.path[0] == snap.nodes.len() - 1));
}
