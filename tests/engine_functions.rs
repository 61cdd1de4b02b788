//! Activations and losses against hand values: softmax, sigmoid, the three losses,
//! their gradients and the mean loss over a data set.

use backprop_lab::engine::activation::{sigmoid, softmax, Activation};
use backprop_lab::engine::loss::{mean_loss, LossKind};

fn close(got: f64, want: f64, tol: f64, what: &str) {
    assert!((got - want).abs() <= tol, "{what}: got {got}, want {want}");
}

#[test]
fn softmax_sums_to_one_and_is_stable_for_large_inputs() {
    // softmax([1000, 0]) = [1/(1 + e^−1000), e^−1000/(1 + e^−1000)] = [1, ≈0], no overflow.
    let a = softmax(&[1000.0, 0.0]);
    assert_eq!(a, vec![1.0, 0.0]);
    let a = softmax(&[-1000.0, -1001.0]);
    close(a[0], 1.0 / (1.0 + (-1.0f64).exp()), 1e-15, "shifted");
    // softmax([1, 2, 3]) by hand: e^k / (e + e² + e³).
    let e = [1.0f64.exp(), 2.0f64.exp(), 3.0f64.exp()];
    let sum: f64 = e.iter().sum();
    let a = softmax(&[1.0, 2.0, 3.0]);
    for (got, ek) in a.iter().zip(e) {
        close(*got, ek / sum, 1e-15, "softmax([1,2,3])");
    }
    for u in [
        vec![0.3, -2.0, 7.5, 0.0],
        vec![50.0, 50.0],
        vec![-700.0, 700.0, 3.0],
    ] {
        close(softmax(&u).iter().sum(), 1.0, 1e-15, "Σ softmax");
    }
}

#[test]
fn sigmoid_matches_the_textbook_form_and_saturates_cleanly() {
    for x in [-30.0, -3.0, -0.5, 0.0, 0.5, 3.0, 30.0] {
        close(sigmoid(x), 1.0 / (1.0 + (-x).exp()), 1e-16, "σ");
    }
    assert_eq!((sigmoid(-800.0), sigmoid(800.0)), (0.0, 1.0));
    assert!(!sigmoid(f64::MIN).is_nan());
}

#[test]
fn derivatives_match_their_formulas() {
    let u: f64 = 0.8;
    let s = 1.0 / (1.0 + (-u).exp());
    close(
        Activation::Sigmoid.derivative(u),
        s * (1.0 - s),
        1e-16,
        "σ'",
    );
    close(
        Activation::Tanh.derivative(u),
        1.0 - u.tanh() * u.tanh(),
        // the engine's tanh is within a few ulp of std's (engine::fastmath): 2·t·5 ulp
        1e-15,
        "tanh'",
    );
    assert_eq!(Activation::Identity.derivative(u), 1.0);
    assert_eq!(
        (
            Activation::Relu.derivative(u),
            Activation::Relu.derivative(-u)
        ),
        (1.0, 0.0)
    );
    assert_eq!(Activation::Relu.derivative(0.0), 0.0, "kink convention");
    // Softmax diagonal a(1 − a); backprop δ_j = a_j(g_j − Σ a_k g_k).
    let uu = [0.2, -0.4, 1.0];
    let a = softmax(&uu);
    let diag = Activation::Softmax.diagonal(&uu, &a);
    (0..3).for_each(|j| close(diag[j], a[j] * (1.0 - a[j]), 1e-16, "softmax diagonal"));
    let g = [1.0, 0.0, 0.0];
    let d = Activation::Softmax.backprop(&uu, &a, &g);
    close(d[0], a[0] * (1.0 - a[0]), 1e-16, "δ_0 = ∂a_0/∂u_0");
    close(d[1], -a[0] * a[1], 1e-16, "δ_1 = ∂a_0/∂u_1");
    let names: Vec<_> = Activation::ALL.iter().map(|a| a.name()).collect();
    assert_eq!(names, ["identity", "sigmoid", "tanh", "relu", "softmax"]);
}

#[test]
fn squared_error_and_its_gradient() {
    // ½(1.1 − 0.5)² = 0.18; two outputs add: ½·0.04 + ½·1 = 0.52.
    close(
        LossKind::SquaredError.value(&[1.1], &[0.5]),
        0.18,
        1e-15,
        "SE",
    );
    close(
        LossKind::SquaredError.value(&[0.2, -1.0], &[0.0, 0.0]),
        0.52,
        1e-15,
        "SE 2",
    );
    assert_eq!(
        LossKind::SquaredError.gradient(&[0.2, -1.0], &[0.0, 0.5]),
        vec![0.2, -1.5]
    );
}

#[test]
fn binary_cross_entropy_matches_hand_values() {
    let bce = LossKind::BinaryCrossEntropy;
    // y = 1, a = 0.8: −ln 0.8 = 0.2231435513142097; y = 0, a = 0.8: −ln 0.2 = 1.6094379124341003.
    close(
        bce.value(&[0.8], &[1.0]),
        0.2231435513142097,
        1e-15,
        "BCE y=1",
    );
    close(
        bce.value(&[0.8], &[0.0]),
        1.6094379124341003,
        1e-15,
        "BCE y=0",
    );
    // y = 0.5, a = 0.5: −(½ ln ½ + ½ ln ½) = ln 2; the sum runs over outputs.
    close(
        bce.value(&[0.5, 0.8], &[0.5, 1.0]),
        2f64.ln() + 0.2231435513142097,
        1e-15,
        "BCE Σ",
    );
    // ∂L/∂a = (a − y)/(a(1 − a)): (0.8 − 1)/(0.16) = −1.25.
    close(
        bce.gradient(&[0.8], &[1.0])[0],
        -1.25,
        1e-14,
        "BCE gradient",
    );
    // Saturated: a = 1 with y = 0 is clamped to 1 − 1e-15: loss ≈ −ln(1e-15) ≈ 34.5, finite.
    let v = bce.value(&[1.0], &[0.0]);
    close(v, -(1e-15f64).ln(), 0.05, "clamped BCE");
    assert!(bce.gradient(&[1.0], &[0.0])[0].is_finite());
    assert!(bce.gradient(&[0.0], &[1.0])[0].is_finite());
}

#[test]
fn softmax_cross_entropy_matches_hand_values() {
    let sce = LossKind::SoftmaxCrossEntropy;
    // −ln 0.7 = 0.35667494393873245 for one-hot y = [1, 0, 0].
    close(
        sce.value(&[0.7, 0.2, 0.1], &[1.0, 0.0, 0.0]),
        0.35667494393873245,
        1e-15,
        "SCE",
    );
    assert_eq!(sce.gradient(&[0.5, 0.25], &[1.0, 0.0]), vec![-2.0, -0.0]);
    // With softmax before it, δ = a − y: check through the activation's backprop.
    let u = [0.3, -1.2, 2.0];
    let a = softmax(&u);
    let y = [0.0, 1.0, 0.0];
    let d = Activation::Softmax.backprop(&u, &a, &sce.gradient(&a, &y));
    (0..3).for_each(|j| close(d[j], a[j] - y[j], 1e-15, "δ = a − y"));
    assert!(sce.value(&[0.0, 1.0], &[1.0, 0.0]).is_finite());
}

#[test]
fn mean_loss_averages_over_the_samples() {
    let outputs = vec![vec![1.1], vec![0.0], vec![2.0]];
    let targets = vec![vec![0.5], vec![0.0], vec![0.0]];
    // (0.18 + 0 + 2) / 3
    close(
        mean_loss(LossKind::SquaredError, &outputs, &targets),
        2.18 / 3.0,
        1e-15,
        "mean SE",
    );
    let outputs = vec![vec![0.8], vec![0.8]];
    let targets = vec![vec![1.0], vec![0.0]];
    let want = (0.2231435513142097 + 1.6094379124341003) / 2.0;
    close(
        mean_loss(LossKind::BinaryCrossEntropy, &outputs, &targets),
        want,
        1e-15,
        "mean BCE",
    );
    assert_eq!(mean_loss(LossKind::SquaredError, &[], &[]), 0.0);
    let names: Vec<_> = LossKind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(
        names,
        [
            "squared-error",
            "binary-cross-entropy",
            "softmax-cross-entropy"
        ]
    );
}
