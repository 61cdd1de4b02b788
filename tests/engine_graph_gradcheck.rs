//! Backpropagation through typed expressions against CENTRAL finite differences.
//!
//! proptest builds random expressions from every operation (+ − × ÷, unary minus,
//! folded negative constants, integer and fractional powers, exp, log, tanh,
//! sigmoid, ReLU) over three variables that are reused freely. Domains are kept
//! smooth by construction: divisors and fractional-power bases are `e² + 0.5 > 0`,
//! log's argument is `1 + exp(e) > 0`; ReLU within 1e-3 of its kink and points
//! where some value exceeds 1e3 (where rounding swamps the difference) are skipped.
//!
//! For each variable v: `fd = (J(v + h) − J(v − h)) / 2h` with `h = 1e-5·max(1, |v|)`
//! (truncation `O(h²·J''') ≈ 1e-10·J'''`, rounding `≈ ε·|J|/h ≈ 2e-8` for |J| ≤ 1e3),
//! and `|g − fd| ≤ 1e-6·max(1, |g|, |fd|)`.

#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::engine::graph::GraphSession;
use proptest::prelude::*;
use proptest::sample::select;

const NAMES: [&str; 3] = ["x", "y", "z"];

fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(NAMES.to_vec()).prop_map(String::from),
        // Constants in [−2.5, 2.5] by eighths; a negative one folds into one node.
        1 => (-20i32..=20).prop_map(|k| format!("{}", f64::from(k) / 8.0)),
    ]
}

fn expression() -> impl Strategy<Value = String> {
    leaf().prop_recursive(5, 32, 2, |e| {
        let positive = e.clone().prop_map(|a| format!("(({a})^2 + 0.5)"));
        prop_oneof![
            (e.clone(), e.clone(), select(vec!["+", "-", "*", "·", "−"]))
                .prop_map(|(a, b, op)| format!("({a}) {op} ({b})")),
            (e.clone(), positive.clone()).prop_map(|(a, b)| format!("({a}) / {b}")),
            e.clone().prop_map(|a| format!("-({a})")),
            (e.clone(), select(vec!["exp", "tanh", "sigmoid", "relu"]))
                .prop_map(|(a, f)| format!("{f}({a})")),
            e.clone().prop_map(|a| format!("log(1 + exp({a}))")),
            (e.clone(), select(vec!["2", "3"])).prop_map(|(a, n)| format!("({a})^{n}")),
            (positive, select(vec!["-1", "0.5", "1.5", "(-0.5)", "-2"]))
                .prop_map(|(a, n)| format!("{a}^{n}")),
            (e.clone(), e).prop_map(|(a, b)| format!("2({a})({b})")),
        ]
    })
}

fn point() -> impl Strategy<Value = Vec<(String, f64)>> {
    prop::collection::vec(-1.5f64..1.5, 3).prop_map(|vs| {
        NAMES
            .iter()
            .zip(vs)
            .map(|(n, v)| (n.to_string(), v))
            .collect()
    })
}

/// The central difference of J in variable `name` at the session's current point.
fn central(s: &GraphSession, name: &str, v: f64) -> Option<f64> {
    let h = 1e-5 * v.abs().max(1.0);
    let up = s.output_at(&[(name.to_string(), v + h)]).ok()?;
    let down = s.output_at(&[(name.to_string(), v - h)]).ok()?;
    Some((up - down) / (2.0 * h))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn gradients_match_central_differences(text in expression(), values in point()) {
        // Skip the rare expressions past the length or node limits, or a domain error.
        let s = GraphSession::new(&text, &values);
        prop_assume!(s.is_ok());
        let mut s = s.unwrap();
        s.backward_all();
        let snap = s.snapshot();
        let near_kink = snap.nodes.iter().any(|n| n.op == "relu" && snap.nodes[n.inputs[0]].value.unwrap().abs() < 1e-3);
        let large = snap.nodes.iter().any(|n| n.value.unwrap().abs() > 1e3);
        prop_assume!(!near_kink && !large);
        for var in &snap.variables {
            let g = var.gradient.unwrap();
            let fd = central(&s, &var.name, var.value);
            prop_assume!(fd.is_some());
            let fd = fd.unwrap();
            let tol = 1e-6 * 1f64.max(g.abs()).max(fd.abs());
            prop_assert!((g - fd).abs() <= tol, "{text} at {values:?}: ∂J/∂{} = {g}, central difference {fd}", var.name);
            // The chain terms add up to the gradient (one per use of the variable).
            let node = &snap.nodes[var.node];
            let sum: f64 = node.chain.iter().map(|t| t.product).sum();
            prop_assert_eq!(node.chain.len(), node.uses.max(1)); // a lone variable is the root: one empty path
            prop_assert!((sum - g).abs() <= 1e-9 * 1f64.max(g.abs()), "{text}: chain sum {sum}, gradient {g}");
        }
    }

    #[test]
    fn stepping_gives_the_values_of_a_full_evaluation(text in expression(), values in point()) {
        let s = GraphSession::new(&text, &values);
        prop_assume!(s.is_ok());
        let mut s = s.unwrap();
        while s.forward_step() {}
        let snap = s.snapshot();
        let j = s.output_at(&values).unwrap();
        prop_assert_eq!(snap.output, Some(j));
        prop_assert!(snap.nodes.iter().all(|n| n.inputs.iter().all(|&i| i < n.id)));
        prop_assert_eq!(snap.forward_done, snap.operations);
    }
}
