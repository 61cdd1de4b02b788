//! Backpropagation against central finite differences.
//!
//! For seeded random `[3, 4, 3, 2]` networks with every hidden activation and every
//! valid output/loss pairing, each weight and bias θ gets
//! `∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h` with `h = 1e-6` (truncation `O(h²)`,
//! rounding `≈ ε·L/h ≈ 1e-10`). The relative error
//! `|analytic − numeric| / max(|analytic|, |numeric|, 1e-3)` must stay below 1e-6
//! (the floor 1e-3 turns it into an absolute 1e-9 for tiny gradients).

use backprop_lab::engine::activation::Activation;
use backprop_lab::engine::loss::LossKind;
use backprop_lab::engine::mlp::Mlp;
use backprop_lab::engine::trainer::Trainer;

const H: f64 = 1e-6;
const REL_TOL: f64 = 1e-6;
const FLOOR: f64 = 1e-3;
const SIZES: [usize; 4] = [3, 4, 3, 2];
const X: [f64; 3] = [0.7, -0.4, 1.3];

/// The valid output layers: SE with every output except none; BCE with sigmoid;
/// softmax cross-entropy with softmax. Targets fit the loss (probabilities for BCE,
/// a distribution summing to 1 for softmax-CE).
fn pairings() -> Vec<(Activation, LossKind, Vec<f64>)> {
    let mut v: Vec<_> = Activation::ALL
        .iter()
        .map(|&a| (a, LossKind::SquaredError, vec![0.4, -0.3]))
        .collect();
    v.push((
        Activation::Sigmoid,
        LossKind::BinaryCrossEntropy,
        vec![0.9, 0.2],
    ));
    v.push((
        Activation::Softmax,
        LossKind::SoftmaxCrossEntropy,
        vec![0.25, 0.75],
    ));
    v
}

/// `L(predict(x), y)` of a network.
fn loss_of(mlp: &Mlp, y: &[f64]) -> f64 {
    mlp.loss.value(&mlp.predict(&X).unwrap(), y)
}

/// Pre-activations of every layer, for keeping ReLU away from its kink.
fn pre_activations(mlp: &Mlp) -> Vec<f64> {
    let mut input = X.to_vec();
    let mut all = Vec::new();
    for layer in &mlp.layers {
        let (u, a) = layer.forward(&input);
        all.extend(u);
        input = a;
    }
    all
}

/// The first seeded network (from `seed0` on) whose ReLU layers have every `|u| > 1e-2`,
/// so that a perturbation of 1e-6 cannot cross a kink.
fn network(hidden: Activation, out: Activation, loss: LossKind, seed0: u64) -> Mlp {
    let acts = [hidden, hidden, out];
    let has_relu = acts.contains(&Activation::Relu);
    (seed0..seed0 + 1000)
        .map(|seed| Mlp::random(&SIZES, &acts, loss, seed).unwrap())
        .find(|m| !has_relu || pre_activations(m).iter().all(|u| u.abs() > 1e-2))
        .expect("some seed keeps ReLU away from its kink")
}

/// Compares one analytic derivative with the central difference of `perturb`.
fn check(analytic: f64, mlp: &Mlp, y: &[f64], what: &str, perturb: impl Fn(&mut Mlp, f64)) {
    let (mut plus, mut minus) = (mlp.clone(), mlp.clone());
    perturb(&mut plus, H);
    perturb(&mut minus, -H);
    let numeric = (loss_of(&plus, y) - loss_of(&minus, y)) / (2.0 * H);
    let scale = analytic.abs().max(numeric.abs()).max(FLOOR);
    let rel = (analytic - numeric).abs() / scale;
    assert!(
        rel < REL_TOL,
        "{what}: analytic {analytic}, numeric {numeric}, rel {rel:e}"
    );
}

/// Every weight and bias of `mlp` at sample (X, y); returns how many were checked.
fn check_network(mlp: &Mlp, y: &[f64], label: &str) -> usize {
    let mut t = Trainer::new(mlp.clone(), X.to_vec(), y.to_vec(), 0.1).unwrap();
    t.backward().unwrap();
    let mut checked = 0;
    for (l, layer) in t.snapshot().layers.iter().enumerate() {
        let gw = layer.grad_weights.as_ref().unwrap();
        for (i, row) in gw.iter().enumerate() {
            for (j, &g) in row.iter().enumerate() {
                let what = format!("{label} ∂L/∂W{}[{i}][{j}]", l + 1);
                check(g, mlp, y, &what, |m, d| m.layers[l].weights[i][j] += d);
                checked += 1;
            }
        }
        for (j, &g) in layer.grad_biases.as_ref().unwrap().iter().enumerate() {
            let what = format!("{label} ∂L/∂b{}[{j}]", l + 1);
            check(g, mlp, y, &what, |m, d| m.layers[l].biases[j] += d);
            checked += 1;
        }
    }
    checked
}

#[test]
fn backprop_matches_finite_differences_for_every_activation_and_loss() {
    let params_per_net = 3 * 4 + 4 + 4 * 3 + 3 + 3 * 2 + 2;
    let mut nets = 0;
    for (h, &hidden) in Activation::ALL.iter().enumerate() {
        for (p, (out, loss, y)) in pairings().into_iter().enumerate() {
            let mlp = network(hidden, out, loss, 100 * h as u64 + 10 * p as u64);
            let label = format!("{}/{}/{}", hidden.name(), out.name(), loss.name());
            assert_eq!(check_network(&mlp, &y, &label), params_per_net, "{label}");
            nets += 1;
        }
    }
    assert_eq!(nets, 5 * 7);
}

#[test]
fn backprop_matches_finite_differences_on_several_seeds_and_inputs() {
    // A second sweep with larger weights (×2) so that sigmoid/tanh work off-centre.
    for seed in 1..=5u64 {
        for hidden in [Activation::Sigmoid, Activation::Tanh] {
            let mut mlp = network(hidden, Activation::Identity, LossKind::SquaredError, seed);
            for layer in &mut mlp.layers {
                layer.weights.iter_mut().flatten().for_each(|w| *w *= 2.0);
            }
            check_network(
                &mlp,
                &[1.0, -1.0],
                &format!("seed {seed} {}", hidden.name()),
            );
        }
    }
}
