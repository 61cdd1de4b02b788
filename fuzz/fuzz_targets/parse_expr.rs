//! Fuzz target: arbitrary UTF-8 as a graph-lab expression. The first four bytes
//! pick the variables' values, the nudge step and the learning rate; the rest is
//! the text. Whatever parses is stepped, swept, nudged, updated and reset; no
//! input may panic, and the invariants of the snapshot must hold.

#![no_main]

use backprop_lab::engine::graph::{Direction, GraphSession, GraphSnapshot};
use libfuzzer_sys::fuzz_target;

/// Most retries while collecting one value per missing variable (16 variables at most).
const MAX_VARIABLES: usize = 16;

/// A session for `text`, giving each variable the engine asks for a value from `seed`.
fn session(text: &str, seed: [u8; 4]) -> Option<GraphSession> {
    let mut values: Vec<(String, f64)> = Vec::new();
    for i in 0..=MAX_VARIABLES {
        match GraphSession::new(text, &values) {
            Ok(session) => return Some(session),
            Err(err) if err.code() == "missing-value" => {
                let name = err.args().into_iter().find(|(k, _)| *k == "name")?.1;
                // Values in [−16, 16) in steps of 1/8, varied per variable.
                let byte = seed[i % 4].wrapping_add((i as u8).wrapping_mul(37));
                values.push((name, f64::from(byte as i8) / 8.0));
            }
            Err(err) => {
                assert!(!err.to_string().is_empty());
                assert!(err
                    .args()
                    .iter()
                    .all(|(k, _)| ["column", "token", "name", "limit"].contains(k)));
                return None;
            }
        }
    }
    None
}

/// Each variable's chain terms (one per path to J) add up to its gradient.
fn check_chain_sums(snap: &GraphSnapshot) {
    for var in &snap.variables {
        let node = &snap.nodes[var.node];
        let (Some(g), true) = (node.gradient, node.chain.len() < 32) else {
            continue;
        };
        let sum: f64 = node.chain.iter().map(|t| t.product).sum();
        let scale: f64 = node.chain.iter().map(|t| t.product.abs()).sum();
        if g.is_finite() && scale.is_finite() {
            assert!(
                (sum - g).abs() <= 1e-9 * scale.max(1.0),
                "{}: {sum} vs {g}",
                var.name
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let seed = [data[0], data[1], data[2], data[3]];
    let Ok(text) = std::str::from_utf8(&data[4..]) else {
        return;
    };
    let Some(mut s) = session(text, seed) else {
        return;
    };
    s.forward_step();
    let _ = s.snapshot();
    s.backward_all();
    let snap = s.snapshot();
    assert!(snap.nodes.len() <= 80 && snap.variables.len() <= 16);
    assert_eq!(snap.direction, Direction::Done);
    assert!(snap
        .nodes
        .iter()
        .all(|n| n.value.is_some() && n.gradient.is_some()));
    assert!(snap
        .nodes
        .iter()
        .all(|n| n.inputs.iter().all(|&i| i < n.id)));
    check_chain_sums(&snap);
    let point: Vec<(String, f64)> = snap
        .variables
        .iter()
        .map(|v| (v.name.clone(), v.value))
        .collect();
    assert_eq!(s.output_at(&point).ok(), snap.output);
    let h = if seed[1].is_multiple_of(2) { 1e-3 } else { -0.5 };
    for node in &snap.nodes {
        let _ = s.nudge(&node.label, h);
    }
    let r = f64::from(seed[2]) / 64.0 + 1e-3;
    let before = s.snapshot().history.len();
    if s.update(r).is_ok() {
        assert_eq!(s.snapshot().history.len(), before + 1);
    }
    if let Some(v) = snap.variables.first() {
        let _ = s.set_value(&v.name, v.value + 1.0);
        let _ = s.output_at(&[(v.name.clone(), v.value - 1.0)]);
    }
    s.reset();
    assert_eq!(s.snapshot().history.len(), 1);
});
