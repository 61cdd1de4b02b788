//! 1-D gradient descent on `J(w) = ½(w·x − y)²` against the closed form.
//!
//! Each step is `w ← w − r·x(wx − y)`, so the error to `w* = y/x` is multiplied by
//! `q = 1 − r·x²` and `w_k = w* + q^k(w₀ − w*)`. For the tutorial's (x, y) = (1, 0):
//! `w_k = (1 − r)^k·w₀`.

use backprop_lab::engine::descent::{regime, Descent};
use backprop_lab::engine::snapshot::Regime;
use backprop_lab::engine::{EngineError, EXPLOSION_LIMIT};

const W0: f64 = 1.5;

/// `|got − want| ≤ 1e-12·max(1, |want|)` (relative once the iterates grow).
fn close(got: f64, want: f64, what: &str) {
    let tol = 1e-12 * want.abs().max(1.0);
    assert!((got - want).abs() <= tol, "{what}: got {got}, want {want}");
}

/// Runs `n` steps and checks `w_k = q^k·w₀` for every k, including k = 0.
fn check_closed_form(r: f64, n: usize) -> Descent {
    let mut d = Descent::new(W0, r).unwrap();
    d.run(n).unwrap();
    let snap = d.snapshot();
    assert_eq!(snap.iterates.len(), n + 1);
    for (k, &w) in snap.iterates.iter().enumerate() {
        close(w, (1.0 - r).powi(k as i32) * W0, &format!("r = {r}, w_{k}"));
        close(snap.losses[k], 0.5 * w * w, "J = ½w²");
    }
    d
}

#[test]
fn iterates_follow_the_closed_form_and_each_rate_has_its_regime() {
    let cases = [
        (0.01, Regime::Slow),
        (0.5, Regime::Monotone),
        (1.0, Regime::OneStep),
        (1.5, Regime::Oscillating),
        (2.0, Regime::Bouncing),
        (2.5, Regime::Diverging),
    ];
    for (r, want) in cases {
        let d = check_closed_form(r, 30);
        let snap = d.snapshot();
        assert_eq!(snap.regime, want, "r = {r}");
        assert_eq!(snap.factor, 1.0 - r);
        assert!(!snap.exploded, "r = {r}: |w_30| = 1.5·1.5^30 < 1e6 at most");
    }
}

#[test]
fn each_regime_shows_its_shape() {
    // r = 1: lands on w* = 0 in one step and stays.
    assert_eq!(
        check_closed_form(1.0, 3).snapshot().iterates,
        vec![W0, 0.0, 0.0, 0.0]
    );
    // r = 1.5: q = −0.5, signs alternate and |w| halves.
    let it = check_closed_form(1.5, 12).snapshot().iterates;
    for pair in it.windows(2) {
        assert!(
            pair[0] * pair[1] < 0.0 && pair[1].abs() < pair[0].abs(),
            "{pair:?}"
        );
    }
    // r = 2: q = −1, w bounces between +1.5 and −1.5 exactly.
    let it = check_closed_form(2.0, 10).snapshot().iterates;
    assert!(it
        .iter()
        .enumerate()
        .all(|(k, &w)| w == if k % 2 == 0 { W0 } else { -W0 }));
    // r = 0.01: 1% per step; after 30 steps still above 0.7·w₀.
    assert!(check_closed_form(0.01, 30).w() > 0.7 * W0);
}

#[test]
fn divergence_is_detected_and_can_be_rewound() {
    // r = 2.5: |w_k| = 1.5·1.5^k; |w_33| = 1.5^34 ≈ 9.7e5, |w_34| = 1.5^35 ≈ 1.46e6 > 1e6.
    let mut d = Descent::new(W0, 2.5).unwrap();
    d.run(33).unwrap();
    assert!(!d.snapshot().exploded);
    let w34 = d.step().unwrap(); // the exploding iterate is returned and recorded
    close(w34, 1.5f64.powi(35), "w_34");
    assert!(w34.abs() > EXPLOSION_LIMIT);
    let snap = d.snapshot();
    assert!(snap.exploded);
    assert_eq!((snap.iterates.len(), snap.w), (35, w34));
    assert_eq!(d.step(), Err(EngineError::Exploded));
    assert_eq!(d.snapshot(), snap, "a refused step changes nothing");
    d.rewind_to_finite();
    let snap = d.snapshot();
    assert!(!snap.exploded);
    assert_eq!(snap.iterates.len(), 34);
    close(
        snap.w,
        -1.5f64.powi(34),
        "w_33 = 1.5·(−1.5)^33 after rewind",
    );
    // run() stops with Exploded at the first refused step.
    let mut d = Descent::new(W0, 2.5).unwrap();
    assert_eq!(d.run(100), Err(EngineError::Exploded));
    assert_eq!(d.snapshot().iterates.len(), 35);
}

#[test]
fn a_general_sample_descends_to_y_over_x() {
    // (x, y) = (2, 1): J = ½(2w − 1)², dJ/dw = 2(2w − 1), w* = 0.5, q = 1 − 4r.
    let mut d = Descent::with_sample(2.0, 1.0, 3.0, 0.1).unwrap();
    assert_eq!((d.loss(3.0), d.gradient(3.0)), (12.5, 10.0));
    d.run(20).unwrap();
    let snap = d.snapshot();
    assert_eq!((snap.minimum, snap.regime), (0.5, Regime::Monotone));
    close(snap.factor, 0.6, "q");
    for (k, &w) in snap.iterates.iter().enumerate() {
        close(w, 0.5 + 0.6f64.powi(k as i32) * 2.5, &format!("w_{k}"));
    }
    close(snap.gradient, 2.0 * (2.0 * snap.w - 1.0), "slope at w");
    // r = 0.25 makes r·x² = 1: one step lands on w* = 0.5.
    let mut d = Descent::with_sample(2.0, 1.0, -7.0, 0.25).unwrap();
    assert_eq!(d.snapshot().regime, Regime::OneStep);
    assert_eq!(d.step(), Ok(0.5));
}

#[test]
fn settings_restart_the_path() {
    let mut d = Descent::new(W0, 0.5).unwrap();
    d.run(5).unwrap();
    d.set_learning_rate(1.5).unwrap();
    assert_eq!(
        (d.snapshot().iterates, d.snapshot().learning_rate),
        (vec![W0], 1.5)
    );
    d.run(2).unwrap();
    d.set_start(-2.0).unwrap();
    assert_eq!(d.snapshot().iterates, vec![-2.0]);
    d.run(2).unwrap();
    d.reset();
    assert_eq!((d.snapshot().iterates, d.snapshot().w0), (vec![-2.0], -2.0));
    assert_eq!(d.run(0), Ok(-2.0));
}

#[test]
fn regime_boundaries_are_exact_with_a_rounding_allowance() {
    assert_eq!(regime(1.0), Regime::Slow);
    assert_eq!(regime(0.900_000_1), Regime::Slow);
    assert_eq!(regime(0.9), Regime::Monotone);
    assert_eq!(regime(1e-9), Regime::Monotone);
    assert_eq!(regime(0.0), Regime::OneStep);
    assert_eq!(regime(1.0 - 1.000_000_000_000_000_2), Regime::OneStep);
    assert_eq!(regime(-1e-13), Regime::OneStep);
    assert_eq!(regime(-1e-9), Regime::Oscillating);
    assert_eq!(regime(-1.0), Regime::Bouncing);
    assert_eq!(regime(1.0 - 2.000_000_000_000_000_4), Regime::Bouncing);
    assert_eq!(regime(-1.000_000_1), Regime::Diverging);
    assert_eq!(regime(f64::NAN), Regime::Diverging);
}
