//! The tutorial's 2-2-1 network typed as one expression gives the same loss and
//! gradients as the lab's own trainer (an independent implementation: layer
//! matrices, δ recursion), to 1e-12.
//!
//! With `W_im[i][j]` the edge from input i to hidden j and `W_mo[j][0]` from hidden j
//! to the output: w1 = W_im[0][0], w2 = W_im[1][0], b1 = b_im[0] (hidden 1);
//! w3 = W_im[0][1], w4 = W_im[1][1], b2 = b_im[1] (hidden 2); w5 = W_mo[0][0],
//! w6 = W_mo[1][0], b3 = b_mo[0]; L = ½(ŷ − y)².

use backprop_lab::engine::graph::GraphSession;
use backprop_lab::engine::mlp::Preset;
use backprop_lab::engine::trainer::Trainer;

const NETWORK: &str =
    "(w5*sigmoid(w1*x1 + w2*x2 + b1) + w6*sigmoid(w3*x1 + w4*x2 + b2) + b3 - y)^2 / 2";
const TOL: f64 = 1e-12;

/// Pairs (graph name, value, trainer's ∂L/∂value) at input `x` with target `y`, and the trainer's loss.
fn trainer_reference(x: [f64; 2], y: f64) -> (Vec<(String, f64, Option<f64>)>, f64) {
    let mut t = Trainer::from_preset(Preset::TutorialRegression);
    t.set_input(x.to_vec()).unwrap();
    t.set_target(vec![y]).unwrap();
    t.backward().unwrap();
    let snap = t.snapshot();
    let (hidden, out) = (&snap.layers[0], &snap.layers[1]);
    let (gh, gho) = (
        hidden.grad_weights.as_ref().unwrap(),
        hidden.grad_biases.as_ref().unwrap(),
    );
    let (go, gob) = (
        out.grad_weights.as_ref().unwrap(),
        out.grad_biases.as_ref().unwrap(),
    );
    let p = |name: &str, v: f64, g: f64| (name.to_string(), v, Some(g));
    let rows = vec![
        p("w1", hidden.weights[0][0], gh[0][0]),
        p("w2", hidden.weights[1][0], gh[1][0]),
        p("b1", hidden.biases[0], gho[0]),
        p("w3", hidden.weights[0][1], gh[0][1]),
        p("w4", hidden.weights[1][1], gh[1][1]),
        p("b2", hidden.biases[1], gho[1]),
        p("w5", out.weights[0][0], go[0][0]),
        p("w6", out.weights[1][0], go[1][0]),
        p("b3", out.biases[0], gob[0]),
        ("x1".to_string(), x[0], None),
        ("x2".to_string(), x[1], None),
        ("y".to_string(), y, None),
    ];
    (rows, snap.loss.unwrap())
}

fn compare_at(x: [f64; 2], y: f64) -> GraphSession {
    let (rows, loss) = trainer_reference(x, y);
    let values: Vec<(String, f64)> = rows.iter().map(|(n, v, _)| (n.clone(), *v)).collect();
    let mut s = GraphSession::new(NETWORK, &values).unwrap();
    s.backward_all();
    let snap = s.snapshot();
    let j = snap.output.unwrap();
    assert!((j - loss).abs() <= TOL, "loss: graph {j}, trainer {loss}");
    for (name, _, want) in rows {
        let Some(want) = want else { continue };
        let var = snap.variables.iter().find(|v| v.name == name).unwrap();
        let got = var.gradient.unwrap();
        assert!(
            (got - want).abs() <= TOL,
            "∂L/∂{name} at x = {x:?}: graph {got}, trainer {want}"
        );
    }
    s
}

#[test]
fn the_2_2_1_network_as_an_expression_matches_the_trainer_at_the_tutorial_sample() {
    // x = [1, −1], y = 0.5: ŷ = σ(3) + σ(−3) + 0.1 = 1.1, L = ½·0.6² = 0.18.
    let s = compare_at([1.0, -1.0], 0.5);
    let snap = s.snapshot();
    assert!((snap.output.unwrap() - 0.18).abs() <= TOL);
    // 12 variables; w1 … y each used once, x1 and x2 twice (one path per hidden neuron).
    assert_eq!(snap.variables.len(), 12);
    let x1 = &snap.nodes[snap.variables.iter().find(|v| v.name == "x1").unwrap().node];
    assert_eq!((x1.uses, x1.chain.len()), (2, 2));
    let sum: f64 = x1.chain.iter().map(|t| t.product).sum();
    assert!((sum - x1.gradient.unwrap()).abs() <= TOL);
}

#[test]
fn the_network_matches_the_trainer_at_other_samples() {
    compare_at([0.3, 0.7], 0.5);
    compare_at([-0.45, 0.2], -1.25);
    compare_at([0.0, 0.0], 2.0);
}
