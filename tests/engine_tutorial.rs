//! The tutorial's 2-2-1 network computed by hand, phase by phase.
//!
//! Preset (regression): `W_im = [[4,4],[4,4]]`, `b_im = [3,−3]`, sigmoid hidden;
//! `W_mo = [[1],[1]]`, `b_mo = [0.1]`, identity output, `L = ½(ŷ − y)²`.
//! Classification: same hidden layer, `W_mo = [[1,−1],[−1,1]]`, `b_mo = [0.1,−0.1]`,
//! softmax output, `L = −Σ y_j ln a_j`.
//!
//! References are written out here with a local `sig` (not the engine's sigmoid) and
//! literals from an independent computation (Python `math`).

use backprop_lab::engine::mlp::{Mlp, Preset};
use backprop_lab::engine::snapshot::{LayerSnapshot, Phase};
use backprop_lab::engine::trainer::Trainer;

const TOL: f64 = 1e-12;

/// σ(x) = 1/(1 + e^(−x)), the plain textbook form.
fn sig(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn close(got: f64, want: f64, what: &str) {
    assert!((got - want).abs() <= TOL, "{what}: got {got}, want {want}");
}

fn close_all(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (j, (g, w)) in got.iter().zip(want).enumerate() {
        close(*g, *w, &format!("{what}[{j}]"));
    }
}

fn close_matrix(got: &[Vec<f64>], want: &[Vec<f64>], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: rows");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        close_all(g, w, &format!("{what}[{i}]"));
    }
}

/// Runs the forward and backward passes of a regression-preset trainer on `x`, `y = 0.5`.
fn backward_regression(x: [f64; 2]) -> (Vec<LayerSnapshot>, f64) {
    let mut t = Trainer::from_preset(Preset::TutorialRegression);
    t.set_input(x.to_vec()).unwrap();
    t.backward().unwrap();
    let snap = t.snapshot();
    assert_eq!(snap.phase, Phase::Backward { layer: 1 });
    (snap.layers, snap.loss.unwrap())
}

/// Hand derivation for the regression preset at a general x with `y = 0.5`:
///   u1_j = 4x_0 + 4x_1 + b_j (both columns of W_im are [4,4]), a1 = σ(u1),
///   ŷ = u2 = a1_0 + a1_1 + 0.1, L = ½(ŷ − 0.5)², δ2 = ŷ − 0.5,
///   ∂L/∂W_mo[j][0] = a1_j·δ2, ∂L/∂b_mo = δ2,
///   g1_j = W_mo[j][0]·δ2 = δ2, δ1_j = σ'(u1_j)·δ2 = σ(u1_j)σ(−u1_j)·δ2,
///   ∂L/∂W_im[i][j] = x_i·δ1_j, ∂L/∂b_im = δ1.
fn check_regression_by_hand(x: [f64; 2]) {
    let s = 4.0 * x[0] + 4.0 * x[1];
    let u1 = [s + 3.0, s - 3.0];
    let a1 = [sig(u1[0]), sig(u1[1])];
    let y_hat = a1[0] + a1[1] + 0.1;
    let d2 = y_hat - 0.5;
    let d1 = [sig(u1[0]) * sig(-u1[0]) * d2, sig(u1[1]) * sig(-u1[1]) * d2];

    let (layers, loss) = backward_regression(x);
    close_all(layers[0].u.as_ref().unwrap(), &u1, "u1");
    close_all(layers[0].a.as_ref().unwrap(), &a1, "a1");
    close_all(layers[1].u.as_ref().unwrap(), &[y_hat], "u2");
    close_all(layers[1].a.as_ref().unwrap(), &[y_hat], "ŷ");
    close(loss, 0.5 * d2 * d2, "L");
    close_all(layers[1].delta.as_ref().unwrap(), &[d2], "δ2");
    close_matrix(
        layers[1].grad_weights.as_ref().unwrap(),
        &[vec![a1[0] * d2], vec![a1[1] * d2]],
        "∂L/∂W_mo",
    );
    close_all(layers[1].grad_biases.as_ref().unwrap(), &[d2], "∂L/∂b_mo");
    close_all(layers[0].delta.as_ref().unwrap(), &d1, "δ1");
    let gw = vec![
        vec![x[0] * d1[0], x[0] * d1[1]],
        vec![x[1] * d1[0], x[1] * d1[1]],
    ];
    close_matrix(layers[0].grad_weights.as_ref().unwrap(), &gw, "∂L/∂W_im");
    close_all(layers[0].grad_biases.as_ref().unwrap(), &d1, "∂L/∂b_im");
}

#[test]
fn regression_preset_at_the_tutorial_sample_matches_the_worked_numbers() {
    // x = [1, −1]: u1 = [4−4+3, 4−4−3] = [3, −3]; ŷ = σ(3) + σ(−3) + 0.1 = 1 + 0.1 = 1.1;
    // L = ½(1.1 − 0.5)² = 0.18; δ_out = 0.6; δ_hidden_j = 0.6·σ(3)σ(−3) ≈ 0.0271060.
    let (layers, loss) = backward_regression([1.0, -1.0]);
    close_all(layers[0].u.as_ref().unwrap(), &[3.0, -3.0], "u1");
    close_all(
        layers[0].a.as_ref().unwrap(),
        &[0.9525741268224334, 0.04742587317756678],
        "a1",
    );
    close_all(layers[1].a.as_ref().unwrap(), &[1.1], "ŷ");
    close(loss, 0.18, "L");
    close_all(layers[1].delta.as_ref().unwrap(), &[0.6], "δ_out");
    let d = 0.027105995838547284;
    close_all(layers[0].delta.as_ref().unwrap(), &[d, d], "δ_hidden");
    // ∂L/∂w_im[i][j] = x_i·δ_j: row x_0 = 1 gives +d, row x_1 = −1 gives −d.
    close_matrix(
        layers[0].grad_weights.as_ref().unwrap(),
        &[vec![d, d], vec![-d, -d]],
        "∂L/∂W_im",
    );
    check_regression_by_hand([1.0, -1.0]);
}

#[test]
fn regression_preset_at_other_inputs_matches_the_hand_derivation() {
    // x = [0, 0]: u1 = b_im = [3, −3] again, so ŷ = 1.1, but ∂L/∂W_im = 0 (x_i = 0).
    check_regression_by_hand([0.0, 0.0]);
    let (layers, _) = backward_regression([0.0, 0.0]);
    close_matrix(
        layers[0].grad_weights.as_ref().unwrap(),
        &[vec![0.0; 2], vec![0.0; 2]],
        "∂L/∂W_im",
    );
    // x = [0.5, 0.25]: u1 = [2 + 1 + 3, 2 + 1 − 3] = [6, 0]; ŷ = σ(6) + 0.5 + 0.1.
    check_regression_by_hand([0.5, 0.25]);
    let (layers, _) = backward_regression([0.5, 0.25]);
    close_all(layers[0].u.as_ref().unwrap(), &[6.0, 0.0], "u1");
    close_all(layers[1].a.as_ref().unwrap(), &[1.5975273768433653], "ŷ");
    // More points, including a saturating one (u1 = [43, 37]).
    for x in [[-1.0, 2.0], [0.3, -0.7], [5.0, 5.0], [-2.0, -0.5]] {
        check_regression_by_hand(x);
    }
}

#[test]
fn one_update_at_r_half_moves_every_parameter_by_minus_half_the_gradient() {
    // At x = [1, −1], y = 0.5 with d = 0.6·σ(3)σ(−3):
    //   W_im ← [[4 − d/2, 4 − d/2], [4 + d/2, 4 + d/2]], b_im ← [3 − d/2, −3 − d/2],
    //   W_mo ← [[1 − 0.3σ(3)], [1 − 0.3σ(−3)]], b_mo ← 0.1 − 0.5·0.6 = −0.2.
    let mut t = Trainer::from_preset(Preset::TutorialRegression);
    assert_eq!(t.learning_rate(), 0.5);
    t.update().unwrap();
    let snap = t.snapshot();
    assert_eq!((snap.phase, snap.step), (Phase::Update, 1));
    let h = 0.5 * 0.027105995838547284;
    close_matrix(
        &snap.layers[0].weights,
        &[vec![4.0 - h, 4.0 - h], vec![4.0 + h, 4.0 + h]],
        "W_im",
    );
    close_all(&snap.layers[0].biases, &[3.0 - h, -3.0 - h], "b_im");
    let w_mo = vec![vec![1.0 - 0.3 * sig(3.0)], vec![1.0 - 0.3 * sig(-3.0)]];
    close_matrix(&snap.layers[1].weights, &w_mo, "W_mo");
    close_all(&snap.layers[1].biases, &[-0.2], "b_mo");
    close_all(&snap.loss_history, &[0.18], "loss history");
    // The next prediction is closer to the target 0.5 than 1.1 was.
    let y_hat = t.mlp().predict(&[1.0, -1.0]).unwrap()[0];
    assert!((y_hat - 0.5).abs() < 0.6, "ŷ after one update: {y_hat}");
}

#[test]
fn classification_preset_matches_the_hand_derivation() {
    // Hidden as before: a1 = [s, 1 − s] with s = σ(3).
    // u2 = a1·[[1,−1],[−1,1]] + [0.1, −0.1] = [2s − 0.9, 0.9 − 2s] ≈ [1.00515, −1.00515];
    // softmax of [v, −v] is [σ(2v), σ(−2v)]; L = −ln a2_0 (y = [1, 0]).
    // δ2 = a2 − y (softmax with cross-entropy and Σy = 1);
    // g1_i = Σ_j W_mo[i][j] δ2_j = [δ2_0 − δ2_1, δ2_1 − δ2_0]; δ1 = σ(3)σ(−3)·g1.
    let mut t = Trainer::from_preset(Preset::TutorialClassification);
    t.backward().unwrap();
    let snap = t.snapshot();
    let s = sig(3.0);
    let v = 2.0 * s - 0.9;
    let a2 = [sig(2.0 * v), sig(-2.0 * v)];
    let d2 = [a2[0] - 1.0, a2[1]];
    let g1 = [d2[0] - d2[1], d2[1] - d2[0]];
    let sp = sig(3.0) * sig(-3.0);
    let (l1, l2) = (&snap.layers[0], &snap.layers[1]);
    close_all(l1.a.as_ref().unwrap(), &[s, 1.0 - s], "a1");
    close_all(
        l2.u.as_ref().unwrap(),
        &[1.0051482536448666, -1.0051482536448666],
        "u2",
    );
    close_all(l2.a.as_ref().unwrap(), &a2, "a2");
    close_all(
        l2.a.as_ref().unwrap(),
        &[0.8818739135388184, 1.0 - 0.8818739135388184],
        "a2 (lit)",
    );
    close(snap.loss.unwrap(), 0.1257061883658179, "L");
    close_all(l2.delta.as_ref().unwrap(), &d2, "δ2");
    let gw2 = vec![
        vec![s * d2[0], s * d2[1]],
        vec![(1.0 - s) * d2[0], (1.0 - s) * d2[1]],
    ];
    close_matrix(l2.grad_weights.as_ref().unwrap(), &gw2, "∂L/∂W_mo");
    close_all(l1.delta.as_ref().unwrap(), &[sp * g1[0], sp * g1[1]], "δ1");
    let gw1 = vec![vec![sp * g1[0], sp * g1[1]], vec![-sp * g1[0], -sp * g1[1]]];
    close_matrix(l1.grad_weights.as_ref().unwrap(), &gw1, "∂L/∂W_im");
}

#[test]
fn presets_have_the_documented_shapes_and_samples() {
    let reg = Mlp::preset(Preset::TutorialRegression);
    assert_eq!(reg.sizes(), vec![2, 2, 1]);
    let cls = Mlp::preset(Preset::TutorialClassification);
    assert_eq!(cls.sizes(), vec![2, 2, 2]);
    assert_eq!(
        cls.layers[1].weights,
        vec![vec![1.0, -1.0], vec![-1.0, 1.0]]
    );
    assert_eq!(cls.layers[1].biases, vec![0.1, -0.1]);
    assert_eq!(
        Preset::TutorialRegression.default_sample(),
        (vec![1.0, -1.0], vec![0.5])
    );
    assert_eq!(
        Preset::TutorialClassification.default_sample(),
        (vec![1.0, -1.0], vec![1.0, 0.0])
    );
    for p in Preset::ALL {
        assert_eq!(p.name().parse::<Preset>(), Ok(p));
        let (x, _) = p.default_sample();
        let out = Mlp::preset(p).predict(&x).unwrap();
        assert_eq!(out.len(), Mlp::preset(p).sizes()[2]);
    }
}

#[test]
fn training_the_regression_preset_drives_the_loss_down() {
    let mut t = Trainer::from_preset(Preset::TutorialRegression);
    for _ in 0..50 {
        t.step_sample().unwrap();
    }
    let history = t.snapshot().loss_history;
    assert_eq!(history.len(), 50);
    close(history[0], 0.18, "first loss");
    assert!(history[49] < 1e-4, "loss after 50 steps: {}", history[49]);
}
