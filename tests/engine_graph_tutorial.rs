//! The tutorial's computational graph, J(a, b, c) = 3(a + b·c) at a = 5, b = 3, c = 2,
//! worked by hand: u = b·c = 6, v = a + u = 11, J = 3v = 33;
//! dJ/dv = 3, dJ/du = dJ/dv·dv/du = 3·1 = 3, dJ/da = 3·1 = 3,
//! dJ/db = 3·1·c = 6, dJ/dc = 3·1·b = 9, dJ/d(the constant 3) = v = 11.

use backprop_lab::engine::graph::{Direction, GraphSession, NodeKind};

mod engine_graph_common;
use engine_graph_common::{id, values};

const TOL: f64 = 1e-12;

fn close(got: f64, want: f64, tol: f64, what: &str) {
    assert!((got - want).abs() <= tol, "{what}: got {got}, want {want}");
}

#[test]
fn the_tutorial_graph_has_the_worked_nodes_labels_and_columns() {
    let snap = GraphSession::tutorial().snapshot();
    assert_eq!(snap.expression, "3(a + b·c)");
    let labels: Vec<&str> = snap.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, ["3", "a", "b", "c", "u", "v", "J"]);
    let kinds: Vec<NodeKind> = snap.nodes.iter().map(|n| n.kind).collect();
    use NodeKind::{Constant as K, Operation as O, Variable as V};
    assert_eq!(kinds, [K, V, V, V, O, O, O]);
    let formulas: Vec<&str> = snap.nodes[4..].iter().map(|n| n.formula.as_str()).collect();
    assert_eq!(formulas, ["u = b × c", "v = a + u", "J = 3 × v"]);
    let ops: Vec<&str> = snap.nodes.iter().map(|n| n.op.as_str()).collect();
    assert_eq!(ops, ["const", "var", "var", "var", "mul", "add", "mul"]);
    // Columns (1-based chars): "3" 1, "(" 2 (implicit ×), "a" 3, "+" 5, "b" 7, "·" 8, "c" 9.
    let columns: Vec<usize> = snap.nodes.iter().map(|n| n.column).collect();
    assert_eq!(columns, [1, 3, 7, 9, 8, 5, 2]);
    assert_eq!(snap.nodes[6].inputs, [0, 5]);
    assert_eq!((snap.operations, snap.backward_total), (3, 7));
    assert_eq!(snap.direction, Direction::Ready);
    assert_eq!(snap.output, None);
    assert_eq!(snap.history, [33.0]);
    let names: Vec<&str> = snap.variables.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["a", "b", "c"]);
}

#[test]
fn forward_steps_compute_u_then_v_then_j() {
    let mut s = GraphSession::tutorial();
    let shown = |s: &GraphSession| -> Vec<Option<f64>> {
        s.snapshot().nodes.iter().map(|n| n.value).collect()
    };
    assert_eq!(
        shown(&s),
        [Some(3.0), Some(5.0), Some(3.0), Some(2.0), None, None, None]
    );
    let mut order = Vec::new();
    while s.forward_step() {
        let snap = s.snapshot();
        let cursor = snap.cursor.unwrap();
        order.push((
            snap.nodes[cursor].label.clone(),
            snap.nodes[cursor].value.unwrap(),
            snap.forward_done,
        ));
        assert_eq!(snap.direction, Direction::Forward);
    }
    assert_eq!(
        order,
        [
            ("u".into(), 6.0, 1),
            ("v".into(), 11.0, 2),
            ("J".into(), 33.0, 3)
        ]
    );
    assert_eq!(s.snapshot().output, Some(33.0));
    assert!(!s.forward_step());
}

#[test]
fn backward_sweeps_from_j_and_gives_3_6_9() {
    let mut s = GraphSession::tutorial();
    assert!(s.backward_step()); // completes forward, then dJ/dJ = 1 at the root
    let snap = s.snapshot();
    assert_eq!(
        (snap.forward_done, snap.backward_done, snap.cursor),
        (3, 1, Some(6))
    );
    assert_eq!(snap.direction, Direction::Backward);
    assert_eq!(snap.nodes[6].gradient, Some(1.0));
    assert_eq!(snap.nodes[5].gradient, Some(3.0)); // v's only user J is processed
    assert_eq!(snap.nodes[4].gradient, None); // u waits for v
    let mut cursors = vec![6];
    while s.backward_step() {
        cursors.push(s.snapshot().cursor.unwrap());
    }
    assert_eq!(cursors, [6, 5, 4, 3, 2, 1, 0]);
    let snap = s.snapshot();
    assert_eq!(snap.direction, Direction::Done);
    let grads: Vec<f64> = snap.nodes.iter().map(|n| n.gradient.unwrap()).collect();
    // Exactly: every factor is an integer.
    assert_eq!(grads, [11.0, 3.0, 6.0, 9.0, 3.0, 3.0, 1.0]);
    let vars: Vec<f64> = snap.variables.iter().map(|v| v.gradient.unwrap()).collect();
    assert_eq!(vars, [3.0, 6.0, 9.0]);
}

#[test]
fn edges_carry_local_derivatives_and_their_share_of_the_gradient() {
    let mut s = GraphSession::tutorial();
    s.forward_step(); // u only
    let snap = s.snapshot();
    let locals: Vec<Option<f64>> = snap.edges.iter().map(|e| e.local).collect();
    // Edges by user then slot: b→u, c→u, a→v, u→v, 3→J, v→J.
    assert_eq!(locals, [Some(2.0), Some(3.0), None, None, None, None]);
    s.backward_all();
    let snap = s.snapshot();
    let ends: Vec<(usize, usize, usize)> =
        snap.edges.iter().map(|e| (e.from, e.to, e.slot)).collect();
    assert_eq!(
        ends,
        [
            (2, 4, 0),
            (3, 4, 1),
            (1, 5, 0),
            (4, 5, 1),
            (0, 6, 0),
            (5, 6, 1)
        ]
    );
    let locals: Vec<f64> = snap.edges.iter().map(|e| e.local.unwrap()).collect();
    assert_eq!(locals, [2.0, 3.0, 1.0, 1.0, 11.0, 3.0]);
    // carried = dJ/d(to)·local: 3·2, 3·3, 3·1, 3·1, 1·11, 1·3.
    let carried: Vec<f64> = snap.edges.iter().map(|e| e.carried.unwrap()).collect();
    assert_eq!(carried, [6.0, 9.0, 3.0, 3.0, 11.0, 3.0]);
}

#[test]
fn the_chain_term_of_b_is_3_times_1_times_2() {
    let mut s = GraphSession::tutorial();
    s.backward_all();
    let snap = s.snapshot();
    let b = &snap.nodes[id(&snap, "b")];
    assert_eq!(b.chain.len(), 1);
    let term = &b.chain[0];
    assert_eq!(term.path, [6, 5, 4, 2]); // J, v, u, b
    assert_eq!(term.factors, [3.0, 1.0, 2.0]); // dJ/dv, dv/du, du/db
    assert_eq!(term.product, 6.0);
    assert_eq!(snap.nodes[6].chain[0].path, [6]);
    assert_eq!(snap.nodes[6].chain[0].product, 1.0);
}

#[test]
fn nudging_v_by_a_thousandth_moves_j_by_three_thousandths() {
    let mut s = GraphSession::tutorial();
    let n = s.nudge("v", 0.001).unwrap();
    assert_eq!((n.node, n.label.as_str(), n.h), (5, "v", 0.001));
    close(n.value_before, 11.0, TOL, "v");
    close(n.value_after, 11.001, TOL, "v + h");
    close(n.output_before, 33.0, TOL, "J");
    close(n.output_after, 33.003, 1e-9, "J after");
    close(n.ratio, 3.0, 1e-6, "ΔJ/Δv");
    assert_eq!(n.gradient, 3.0);
    // The session's values are untouched; forward was completed; the nudge is kept.
    let snap = s.snapshot();
    assert_eq!(snap.output, Some(33.0));
    assert_eq!(snap.nodes[5].value, Some(11.0));
    assert_eq!(snap.last_nudge, Some(n));
}

#[test]
fn nudging_a_b_c_gives_ratios_3_6_9() {
    let mut s = GraphSession::tutorial();
    // J is linear in each variable alone, so the forward difference is exact up to rounding:
    // a: 3(5.001 + 6) = 33.003; b: 3(5 + 3.001·2) = 33.006; c: 3(5 + 3·2.001) = 33.009.
    for (label, after, ratio) in [("a", 33.003, 3.0), ("b", 33.006, 6.0), ("c", 33.009, 9.0)] {
        let n = s.nudge(label, 0.001).unwrap();
        close(n.output_after, after, 1e-9, label);
        close(n.ratio, ratio, 1e-6, label);
        assert_eq!(n.gradient, ratio);
    }
    // Nudging J itself moves J one for one; nudging the constant 3 moves it by v = 11.
    close(s.nudge("J", 0.5).unwrap().ratio, 1.0, 1e-12, "J");
    close(s.nudge("3", 0.001).unwrap().ratio, 11.0, 1e-6, "3");
}

/// Runs one update of the tutorial at rate `r` and checks the new values and J.
fn check_update(r: f64, want: [f64; 3], want_j: f64) {
    let mut s = GraphSession::tutorial();
    s.update(r).unwrap();
    let snap = s.snapshot();
    for (v, w) in snap.variables.iter().zip(want) {
        close(v.value, w, TOL, &v.name);
        assert!(v.gradient.is_none(), "gradients are cleared");
    }
    assert_eq!(
        snap.variables.iter().map(|v| v.start).collect::<Vec<_>>(),
        [5.0, 3.0, 2.0]
    );
    close(snap.output.unwrap(), want_j, TOL, "J'");
    assert_eq!(snap.history.len(), 2);
    close(snap.history[1], want_j, TOL, "history");
    assert!(want_j < 33.0, "J falls");
    assert_eq!(
        (snap.forward_done, snap.backward_done, snap.direction),
        (3, 0, Direction::Forward)
    );
}

#[test]
fn updates_move_each_variable_against_its_gradient_and_j_falls() {
    // r = 0.01: a' = 5 − 0.01·3 = 4.97, b' = 3 − 0.01·6 = 2.94, c' = 2 − 0.01·9 = 1.91;
    // J' = 3(4.97 + 2.94·1.91) = 3(4.97 + 5.6154) = 3·10.5854 = 31.7562.
    check_update(0.01, [4.97, 2.94, 1.91], 31.7562);
    // r = 0.1: a' = 4.7, b' = 2.4, c' = 1.1; J' = 3(4.7 + 2.64) = 3·7.34 = 22.02.
    check_update(0.1, [4.7, 2.4, 1.1], 22.02);
    // r = 0.05: a' = 4.85, b' = 2.7, c' = 1.55; J' = 3(4.85 + 4.185) = 3·9.035 = 27.105.
    check_update(0.05, [4.85, 2.7, 1.55], 27.105);
}

#[test]
fn repeated_updates_keep_lowering_j_and_reset_returns_to_the_start() {
    let mut s = GraphSession::tutorial();
    for _ in 0..5 {
        s.update(0.01).unwrap();
    }
    let history = s.snapshot().history;
    assert_eq!(history.len(), 6);
    assert!(history.windows(2).all(|w| w[1] < w[0]), "{history:?}");
    s.reset();
    let snap = s.snapshot();
    assert_eq!(snap.history, [33.0]);
    assert_eq!(
        snap.variables.iter().map(|v| v.value).collect::<Vec<_>>(),
        [5.0, 3.0, 2.0]
    );
    assert_eq!(
        (snap.direction, snap.output, snap.last_nudge.clone()),
        (Direction::Ready, None, None)
    );
}

#[test]
fn set_value_makes_a_new_starting_point_and_output_at_leaves_the_session_alone() {
    let mut s = GraphSession::tutorial();
    s.set_value("c", 4.0).unwrap(); // J = 3(5 + 3·4) = 51
    let snap = s.snapshot();
    assert_eq!(snap.history, [51.0]);
    assert_eq!(
        (snap.variables[2].value, snap.variables[2].start),
        (4.0, 4.0)
    );
    // J at a = 1 (b, c as they are): 3(1 + 12) = 39; the session still says 51.
    assert_eq!(s.output_at(&values(&[("a", 1.0)])).unwrap(), 39.0);
    assert_eq!(
        s.output_at(&values(&[("a", 1.0), ("b", 0.0), ("c", 7.0)]))
            .unwrap(),
        3.0
    );
    s.forward_all();
    assert_eq!(s.snapshot().output, Some(51.0));
}
