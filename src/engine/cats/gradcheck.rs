//! Gradient checks of the models at three depths (logistic regression, one and two
//! hidden layers): the trainer's cost and gradient — computed through the Gram
//! matrix, W⁽¹⁾ = W⁽¹⁾(0) + C·Xᵀ — against a plain f64 forward pass with W⁽¹⁾ written
//! out, and its gradient against central finite differences (J(θ + h) − J(θ − h)) / 2h.
//! The first layer's gradient is dW⁽¹⁾ = dC·Xᵀ (dC = (1/m)·dZ⁽¹⁾, see
//! [`super::network`]). In wasm they run under wasm-bindgen-test (the SIMD loops).

use super::basis::Basis;
use super::batch::Parameters;
use super::dataset::Sample;
use super::examples::Examples;
use super::network::{Batch, Dense, Network};
use crate::engine::image::{Picture, FEATURES};
use crate::engine::rng::Rng;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// Five pictures of seeded random levels, labelled cat, non-cat, …
fn examples() -> (Examples, Vec<Vec<f64>>) {
    let mut rng = Rng::new(7);
    let samples: Vec<Sample> = (0..5)
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
    let ex = Examples::new(&samples);
    let scaled = |i: usize| ex.row(i).iter().map(|&l| f64::from(l) / 255.0).collect();
    let x = (0..ex.len()).map(scaled).collect();
    (ex, x)
}

/// Explicit parameters: W⁽¹⁾ (n₁ × 12288), b⁽¹⁾ and the dense layers.
#[derive(Clone)]
struct Plain {
    w1: Vec<f64>,
    b1: Vec<f64>,
    dense: Vec<Dense>,
}

/// J = −(1/m) Σ [y ln a + (1 − y) ln(1 − a)], the course's way, layer by layer.
fn plain_cost(p: &Plain, x: &[Vec<f64>], y: &[f64]) -> f64 {
    let mut total = 0.0;
    for (xi, &yi) in x.iter().zip(y) {
        let mut a: Vec<f64> =
            p.w1.chunks_exact(FEATURES)
                .zip(&p.b1)
                .map(|(row, b)| row.iter().zip(xi).map(|(w, x)| w * x).sum::<f64>() + b)
                .collect();
        for layer in &p.dense {
            let input: Vec<f64> = a.iter().map(|z| z.max(0.0)).collect();
            a = layer
                .w
                .chunks_exact(input.len())
                .zip(&layer.b)
                .map(|(row, b)| row.iter().zip(&input).map(|(w, v)| w * v).sum::<f64>() + b)
                .collect();
        }
        let out = 1.0 / (1.0 + (-a[0]).exp());
        total -= yi * out.ln() + (1.0 - yi) * (1.0 - out).ln();
    }
    total / x.len() as f64
}

/// A model of first-layer size `n1` and later sizes `later`, W⁽¹⁾(0) random and C
/// random too (so W⁽¹⁾ ≠ W⁽¹⁾(0)), biases and later weights large enough that every
/// layer's gradient is sizeable.
fn model(n1: usize, later: &[usize], ex: &Examples) -> (Vec<f64>, Network) {
    let mut rng = Rng::new(11);
    let w1: Vec<f64> = (0..n1 * FEATURES).map(|_| rng.normal() * 0.01).collect();
    let mut sizes = vec![n1];
    sizes.extend_from_slice(later);
    let dense = sizes
        .windows(2)
        .map(|p| Dense {
            w: (0..p[0] * p[1]).map(|_| rng.normal() * 0.8).collect(),
            b: (0..p[1]).map(|_| rng.uniform(-0.2, 0.2)).collect(),
        })
        .collect();
    let mut net = Network::new(n1, ex.len(), dense);
    net.c = (0..n1 * ex.len()).map(|_| rng.normal() * 0.002).collect();
    net.b1 = (0..n1).map(|k| 0.05 * k as f64 - 0.03).collect();
    (w1, net)
}

/// W⁽¹⁾ = W⁽¹⁾(0) + C·Xᵀ written out.
fn explicit(w1: &[f64], net: &Network, x: &[Vec<f64>]) -> Plain {
    let m = x.len();
    let mut w = w1.to_vec();
    for (row, c) in w.chunks_exact_mut(FEATURES).zip(net.c.chunks_exact(m)) {
        for (ci, xi) in c.iter().zip(x) {
            row.iter_mut().zip(xi).for_each(|(w, v)| *w += ci * v);
        }
    }
    Plain {
        w1: w,
        b1: net.b1.clone(),
        dense: net.dense.clone(),
    }
}

fn central(p: &Plain, at: impl Fn(&mut Plain) -> &mut f64, cost: impl Fn(&Plain) -> f64) -> f64 {
    let h = 1e-5;
    let (mut plus, mut minus) = (p.clone(), p.clone());
    *at(&mut plus) += h;
    *at(&mut minus) -= h;
    (cost(&plus) - cost(&minus)) / (2.0 * h)
}

fn assert_close(analytic: f64, numeric: f64, what: &str) {
    let tol = 1e-6 * numeric.abs().max(1e-3);
    assert!(
        (analytic - numeric).abs() <= tol,
        "{what}: analytic {analytic}, numeric {numeric}"
    );
}

fn check(n1: usize, later: &[usize]) {
    let (ex, x) = examples();
    let (w1, net) = model(n1, later, &ex);
    let mut basis = Basis::new(n1, &ex, &Examples::default());
    basis.build(usize::MAX, &w1, &ex, &Examples::default());
    let mut grad = net.clone();
    let batch = Batch {
        basis: &basis,
        labels: ex.labels(),
    };
    let cost = net.cost_and_gradient(&batch, &mut grad);
    let plain = explicit(&w1, &net, &x);
    let y = ex.labels().to_vec();
    let j = |p: &Plain| plain_cost(p, &x, &y);
    assert!(
        (cost - j(&plain)).abs() < 1e-12 * cost,
        "cost {cost} vs {}",
        j(&plain)
    );
    for (k, f) in [(0, 0), (0, 4000), (n1 - 1, FEATURES - 1), (n1 / 2, 777)] {
        // dW⁽¹⁾[k][f] = Σᵢ dC[k][i]·x_if
        let analytic: f64 = (0..x.len())
            .map(|i| grad.c[k * x.len() + i] * x[i][f])
            .sum();
        let numeric = central(&plain, |p| &mut p.w1[k * FEATURES + f], j);
        assert_close(
            analytic,
            numeric,
            &format!("dW1[{k}][{f}] of {n1} {later:?}"),
        );
    }
    for k in 0..n1 {
        assert_close(grad.b1[k], central(&plain, |p| &mut p.b1[k], j), "db1");
    }
    for (l, layer) in grad.dense.iter().enumerate() {
        for (i, &g) in layer.w.iter().enumerate() {
            assert_close(g, central(&plain, |p| &mut p.dense[l].w[i], j), "dW");
        }
        for (i, &g) in layer.b.iter().enumerate() {
            assert_close(g, central(&plain, |p| &mut p.dense[l].b[i], j), "db");
        }
    }
}

#[test]
fn logistic_gradient_matches_finite_differences() {
    check(1, &[]);
}

#[test]
fn two_layer_gradient_matches_finite_differences() {
    check(3, &[1]);
}

#[test]
fn deep_gradient_matches_finite_differences() {
    check(4, &[3, 2, 1]);
}
