//! Gradient checks of both models: the analytic gradient of the trainers against
//! central finite differences (J(θ + h) − J(θ − h)) / 2h of the cost written out
//! plainly in f64, the course's way. In wasm they run under wasm-bindgen-test and
//! check the SIMD kernels (see [`super::kernel`]).

use super::batch::Parameters;
use super::dataset::Sample;
use super::examples::Examples;
use super::hidden::TwoLayer;
use super::logistic::Logistic;
use crate::engine::image::{Picture, FEATURES};
use crate::engine::rng::Rng;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// Four pictures of seeded random levels, labelled cat, non-cat, cat, non-cat.
fn examples() -> (Examples, Vec<Vec<f64>>, Vec<f64>) {
    let mut rng = Rng::new(7);
    let samples: Vec<Sample> = (0..4)
        .map(|i| Sample {
            picture: Picture::from_pixels(
                (0..FEATURES)
                    .map(|_| (rng.next_u64() % 256) as u8)
                    .collect(),
            )
            .expect("12288 levels"),
            is_cat: i % 2 == 0,
            name: String::new(),
        })
        .collect();
    let x = samples
        .iter()
        .map(|s| {
            s.picture
                .pixels()
                .iter()
                .map(|&v| v as f64 / 255.0)
                .collect()
        })
        .collect();
    let y = samples
        .iter()
        .map(|s| if s.is_cat { 1.0 } else { 0.0 })
        .collect();
    (Examples::with_columns(&samples), x, y)
}

/// −[y ln a + (1 − y) ln(1 − a)] with a = 1 / (1 + e^(−z)), as the course writes it.
fn loss(z: f64, y: f64) -> f64 {
    let a = 1.0 / (1.0 + (-z).exp());
    -(y * a.ln() + (1.0 - y) * (1.0 - a).ln())
}

fn plain_logistic_cost(p: &Logistic, x: &[Vec<f64>], y: &[f64]) -> f64 {
    let m = x.len() as f64;
    x.iter()
        .zip(y)
        .map(|(xi, &yi)| {
            loss(
                xi.iter().zip(&p.w).map(|(a, b)| a * b).sum::<f64>() + p.b,
                yi,
            )
        })
        .sum::<f64>()
        / m
}

fn plain_hidden_cost(p: &TwoLayer, x: &[Vec<f64>], y: &[f64]) -> f64 {
    let m = x.len() as f64;
    let z2 = |xi: &[f64]| -> f64 {
        let hidden = p.w1.chunks_exact(FEATURES).zip(&p.b1).zip(&p.w2);
        p.b2 + hidden
            .map(|((row, b1), w2)| {
                w2 * (row.iter().zip(xi).map(|(a, b)| a * b).sum::<f64>() + b1).max(0.0)
            })
            .sum::<f64>()
    };
    x.iter()
        .zip(y)
        .map(|(xi, &yi)| loss(z2(xi), yi))
        .sum::<f64>()
        / m
}

/// Central difference of `cost` along one parameter, reached by `at`.
fn central<P: Clone>(p: &P, at: impl Fn(&mut P) -> &mut f64, cost: impl Fn(&P) -> f64) -> f64 {
    let h = 1e-5;
    let (mut plus, mut minus) = (p.clone(), p.clone());
    *at(&mut plus) += h;
    *at(&mut minus) -= h;
    (cost(&plus) - cost(&minus)) / (2.0 * h)
}

fn assert_close(analytic: f64, numeric: f64, what: &str) {
    let tol = 1e-5 * numeric.abs().max(1e-4);
    assert!(
        (analytic - numeric).abs() <= tol,
        "{what}: analytic {analytic}, numeric {numeric}"
    );
}

#[test]
fn logistic_gradient_matches_finite_differences() {
    let (ex, x, y) = examples();
    let mut rng = Rng::new(3);
    let p = Logistic::new((0..FEATURES).map(|_| rng.normal() * 0.01).collect(), 0.3);
    let mut grad = Logistic::zeros();
    let cost = p.cost_and_gradient(&ex, &mut grad);
    let plain = |q: &Logistic| plain_logistic_cost(q, &x, &y);
    // The kernels read w in fixed point (error < 2⁻³⁰·max|w| each): J agrees to ~10⁻¹⁰.
    assert!(
        (cost - plain(&p)).abs() < 1e-9 * cost,
        "cost {cost} vs {}",
        plain(&p)
    );
    for j in [0, 1, 2, 777, 6000, FEATURES - 1] {
        let numeric = central(&p, |q| &mut q.w[j], plain);
        assert_close(grad.w[j], numeric, &format!("dw[{j}]"));
    }
    assert_close(grad.b, central(&p, |q| &mut q.b, plain), "db");
}

#[test]
fn hidden_gradient_matches_finite_differences() {
    let (ex, x, y) = examples();
    let mut p = TwoLayer::random(3, 11);
    p.w2 = vec![0.8, -0.6, 0.5]; // large enough that every layer's gradient is sizeable
    p.b1 = vec![0.1, -0.05, 0.02];
    let p = TwoLayer::with_parameters(p.w1, p.b1, p.w2, 0.2);
    // No z⁽¹⁾ within 10⁻³ of the ReLU's kink, so ±h cannot cross it.
    for xi in &x {
        for (row, b1) in p.w1.chunks_exact(FEATURES).zip(&p.b1) {
            let z: f64 = row.iter().zip(xi).map(|(a, b)| a * b).sum::<f64>() + b1;
            assert!(z.abs() > 1e-3, "z1 = {z} too close to 0 for the check");
        }
    }
    let mut grad = TwoLayer::zeros(3);
    let cost = p.cost_and_gradient(&ex, &mut grad);
    let plain = |q: &TwoLayer| plain_hidden_cost(q, &x, &y);
    assert!(
        (cost - plain(&p)).abs() < 1e-9 * cost,
        "cost {cost} vs {}",
        plain(&p)
    );
    for j in [0, 5, 4000, FEATURES + 17, 2 * FEATURES + 12000] {
        assert_close(
            grad.w1[j],
            central(&p, |q| &mut q.w1[j], plain),
            &format!("dW1[{j}]"),
        );
    }
    for k in 0..3 {
        assert_close(
            grad.b1[k],
            central(&p, |q| &mut q.b1[k], plain),
            &format!("db1[{k}]"),
        );
        assert_close(
            grad.w2[k],
            central(&p, |q| &mut q.w2[k], plain),
            &format!("dw2[{k}]"),
        );
    }
    assert_close(grad.b2, central(&p, |q| &mut q.b2, plain), "db2");
}
