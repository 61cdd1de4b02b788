//! The tooltips' live numbers checked against the snapshot, in both languages.
#![cfg(not(target_arch = "wasm32"))] // SVG rendering is a native dev feature

mod network_common;
#[allow(unused_imports)]
use network_common::*;

#[test]
fn edge_tooltip_states_the_chain_rule_with_the_snapshots_numbers() {
    for snap in [tutorial(REGRESSION, 5), tutorial(CLASSIFICATION, 5)] {
        let layout = NetworkLayout::new(&snap.sizes, 760.0, 420.0, 1.0);
        for (lang, chain) in [(Lang::En, "chain rule"), (Lang::Zh, "链式法则")] {
            for (e, _, _) in segments(&layout) {
                let layer = &snap.layers[e.layer - 1];
                let grad = layer
                    .grad_weights
                    .as_ref()
                    .expect("backward reached every layer")[e.from][e.to];
                let lines = edge_tooltip(&snap, e, lang);
                let weight = numbers(&lines[1]);
                assert!(
                    close(*weight.last().expect("w"), layer.weights[e.from][e.to]),
                    "{lines:?}"
                );
                let line = lines
                    .iter()
                    .find(|s| s.contains(chain))
                    .expect("chain-rule line");
                // "∂L/∂w = δ(h₂) · x₁ = δ · a = g": the numbers after the second "=".
                let n = numbers_after(line, 2);
                let (delta, a, g) = (n[0], n[1], n[2]);
                assert!(close(g, grad) && close(delta * a, grad), "{line}");
                assert!(
                    close(delta, layer.delta.as_ref().expect("δ")[e.to]),
                    "{line}"
                );
                assert!(lines.len() >= 5, "δ is explained too: {lines:?}");
            }
        }
    }
}

#[test]
fn hidden_delta_line_sums_the_next_layer() {
    let snap = tutorial(REGRESSION, 5);
    let lines = edge_tooltip(&snap, edge(1, 1, 0), Lang::En);
    let line = lines
        .iter()
        .find(|l| l.starts_with("hidden: δ(h₁)"))
        .expect("hidden δ line");
    // "= f'(u)·(w·δ) = f' · sum = δ": 0.0451767 · (1·0.6) = 0.0451767 · 0.6 = 0.0271059
    let n = numbers_after(line, 2);
    let delta = snap.layers[0].delta.as_ref().expect("δ")[0];
    assert!(close(n[0], 0.0451767) && close(n[1] * n[2], 0.6), "{line}");
    assert!(
        close(n[0] * n[4], delta) && close(*n.last().expect("δ"), delta),
        "{line}"
    );
}

#[test]
fn edge_tooltip_before_backward_says_so_and_shows_the_weight() {
    let snap = tutorial(REGRESSION, 3);
    for (lang, pending) in [(Lang::En, "not computed yet"), (Lang::Zh, "尚未计算")] {
        let lines = edge_tooltip(&snap, edge(1, 0, 1), lang);
        assert!(lines.iter().any(|s| s.contains(pending)), "{lines:?}");
        assert_eq!(numbers(&lines[1]).last(), Some(&4.0));
    }
    let updated = tutorial(REGRESSION, 6);
    let lines = edge_tooltip(&updated, edge(2, 0, 0), Lang::En);
    let moved = numbers(&lines[1]);
    assert!(
        close(moved[0], 1.0) && close(moved[1], updated.layers[1].weights[0][0]),
        "{lines:?}"
    );
    assert_eq!(
        edge_tooltip(&updated, edge(3, 0, 0), Lang::En).len(),
        1,
        "no such edge"
    );
    assert_eq!(
        edge_tooltip(&updated, edge(0, 0, 0), Lang::Zh).len(),
        1,
        "no such edge"
    );
}

#[test]
fn node_tooltip_shows_u_a_b_delta_and_bias_gradient() {
    let snap = tutorial(REGRESSION, 5);
    let hidden = &snap.layers[0];
    for lang in Lang::ALL {
        let lines = node_tooltip(&snap, node(1, 0), lang);
        let find = |s: &str| {
            lines
                .iter()
                .find(|l| l.contains(s))
                .cloned()
                .unwrap_or_default()
        };
        let u = numbers(&find("u = "));
        assert_eq!(
            u,
            vec![1.0, 4.0, -1.0, 4.0, 3.0, 3.0],
            "u = x·w + b with numbers: {lines:?}"
        );
        assert!(close(u[5], hidden.u.as_ref().expect("u")[0]));
        assert!(
            find("sigmoid(").contains("sigmoid(3)"),
            "a = f(u) with numbers: {lines:?}"
        );
        let a = numbers(&find("sigmoid("));
        assert!(close(
            *a.last().expect("a"),
            hidden.a.as_ref().expect("a")[0]
        ));
        let grad_b = numbers(&find("∂L/∂b"));
        assert!(close(
            *grad_b.last().expect("∂L/∂b"),
            hidden.delta.as_ref().expect("δ")[0]
        ));
        assert_eq!(numbers(&find("b = ")), vec![3.0]);
    }
}

#[test]
fn node_tooltip_of_inputs_outputs_and_unreached_neurons() {
    let snap = tutorial(REGRESSION, 5);
    let out = node_tooltip(&snap, node(2, 0), Lang::En);
    assert!(out.iter().any(|l| l.contains("target y = 0.5")), "{out:?}");
    assert!(out.iter().any(|l| l.contains("loss L = 0.18")), "{out:?}");
    assert!(
        out.iter().any(|l| l.contains("ŷ − y = 1.1 − 0.5 = 0.6")),
        "{out:?}"
    );
    let input = node_tooltip(&snap, node(0, 1), Lang::Zh);
    assert!(
        input[0].contains("x₂") && numbers(&input[0]) == vec![-1.0],
        "{input:?}"
    );
    let early = node_tooltip(&tutorial(REGRESSION, 0), node(1, 0), Lang::En);
    assert!(
        early
            .iter()
            .any(|l| l.contains("forward pass has not reached layer 1")),
        "{early:?}"
    );
    assert_eq!(
        node_tooltip(&snap, node(9, 0), Lang::En).len(),
        1,
        "no such neuron"
    );
}

#[test]
fn classification_tooltip_uses_a_minus_y() {
    let snap = tutorial(CLASSIFICATION, 4);
    let lines = edge_tooltip(&snap, edge(2, 0, 1), Lang::En);
    let line = lines
        .iter()
        .find(|l| l.contains("ŷ₂ − y₂"))
        .expect("δ = ŷ − y line");
    // "output: δ(ŷ₂) = ŷ₂ − y₂ = a − y = δ (…)": the numbers after the second "=".
    let n = numbers_after(line, 2);
    let delta = snap.layers[1].delta.as_ref().expect("δ")[1];
    assert!(close(n[0] - n[1], delta) && close(n[2], delta), "{line}");
}
