//! A course-layout data set (209 training and 50 test pictures, written to the HDF5
//! layout by hdf5-pure and read back by the engine) trained by the engine and by a
//! plain f64 reference written here the course's way, loop by loop. The engine's
//! kernels put weights and errors in 31-bit fixed point (see
//! src/engine/cats/kernel.rs), so the costs must agree to 1e-6 relative at every one
//! of the 2000 iterations (they do to ~4e-8; the first, oscillating iterations
//! amplify differences the most), and the accuracies exactly.

mod cats_hdf5_common;

use backprop_lab::engine::cats::{load_hdf5, CatData, Model, Sample, TrainConfig, Training};
use backprop_lab::engine::image::{Picture, FEATURES, SIDE};
use backprop_lab::engine::rng::Rng;
use cats_hdf5_common::course_file;

/// Picture i: a noisy background, and for a cat a brighter, warmer disc in the
/// middle (so the task is learnable but not trivial).
fn picture(rng: &mut Rng, is_cat: bool) -> Picture {
    let base = rng.uniform(40.0, 200.0);
    let levels = (0..FEATURES).map(|j| {
        let (pixel, channel) = (j / 3, j % 3);
        let (r, c) = ((pixel / SIDE) as f64 - 31.5, (pixel % SIDE) as f64 - 31.5);
        let disc = if is_cat && r * r + c * c < 300.0 {
            [40.0, 20.0, -10.0][channel]
        } else {
            0.0
        };
        (base + disc + rng.uniform(-60.0, 60.0)).clamp(0.0, 255.0) as u8
    });
    Picture::from_pixels(levels.collect()).expect("12288 levels")
}

/// The course's sizes: 209 training pictures (about a third cats), 50 test pictures,
/// through an HDF5 file (hdf5-pure) and load_hdf5.
fn course_layout() -> CatData {
    let mut rng = Rng::new(2024);
    let mut set = |m: usize| -> Vec<Sample> {
        (0..m)
            .map(|_| {
                let is_cat = rng.next_f64() < 0.35;
                Sample {
                    picture: picture(&mut rng, is_cat),
                    is_cat,
                    name: String::new(),
                }
            })
            .collect()
    };
    let (train, test) = (set(209), set(50));
    let (train_file, test_file) = (course_file(&train, "train"), course_file(&test, "test"));
    load_hdf5(&train_file, &test_file).expect("the course's layout")
}

/// X as the course builds it: reshape(m, −1) / 255, one row per picture.
fn matrix(samples: &[Sample]) -> (Vec<Vec<f64>>, Vec<f64>) {
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
    (x, y)
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// J = −(1/m) Σ [y ln a + (1 − y) ln(1 − a)].
fn cost(a: &[f64], y: &[f64]) -> f64 {
    -a.iter()
        .zip(y)
        .map(|(&a, &y)| y * a.ln() + (1.0 - y) * (1.0 - a).ln())
        .sum::<f64>()
        / a.len() as f64
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(p, q)| p * q).sum()
}

/// The course's logistic regression: w = 0, b = 0, batch gradient descent.
/// Returns the costs of every iteration and the final (w, b).
fn reference_logistic(
    x: &[Vec<f64>],
    y: &[f64],
    rate: f64,
    iterations: usize,
) -> (Vec<f64>, Vec<f64>, f64) {
    let (mut w, mut b, m) = (vec![0.0; FEATURES], 0.0, x.len() as f64);
    let mut costs = Vec::new();
    for _ in 0..iterations {
        let a: Vec<f64> = x.iter().map(|xi| sigmoid(dot(&w, xi) + b)).collect();
        costs.push(cost(&a, y));
        let mut dw = vec![0.0; FEATURES];
        for (xi, (ai, yi)) in x.iter().zip(a.iter().zip(y)) {
            let dz = (ai - yi) / m;
            dw.iter_mut().zip(xi).for_each(|(d, xij)| *d += xij * dz); // dw = (1/m) X (A − Y)ᵀ
        }
        let db = a.iter().zip(y).map(|(ai, yi)| ai - yi).sum::<f64>() / m;
        w.iter_mut().zip(&dw).for_each(|(w, d)| *w -= rate * d);
        b -= rate * db;
    }
    (costs, w, b)
}

fn accuracy(p: &[f64], y: &[f64]) -> f64 {
    p.iter()
        .zip(y)
        .filter(|&(&p, &y)| (p > 0.5) == (y == 1.0))
        .count() as f64
        / p.len() as f64
}

fn assert_costs_agree(engine: &[f64], reference: &[f64]) {
    assert_eq!(engine.len(), reference.len());
    let worst = engine
        .iter()
        .zip(reference)
        .map(|(e, r)| (e - r).abs() / r)
        .fold(0.0, f64::max);
    assert!(worst < 1e-6, "largest relative difference {worst:e}");
}

#[test]
fn logistic_regression_reproduces_the_f64_reference() {
    let data = course_layout();
    let ((x, y), (x_test, y_test)) = (matrix(&data.train), matrix(&data.test));
    let mut t = Training::new(TrainConfig::logistic(), &data).expect("valid");
    assert_eq!(t.step(2000), Ok(2000));
    let s = t.snapshot();
    let (costs, w, b) = reference_logistic(&x, &y, 0.005, 2000);
    assert!((costs[0] - std::f64::consts::LN_2).abs() < 1e-12);
    assert_costs_agree(&s.costs, &costs);
    let predict =
        |x: &[Vec<f64>]| -> Vec<f64> { x.iter().map(|xi| sigmoid(dot(&w, xi) + b)).collect() };
    let (p, p_test) = (predict(&x), predict(&x_test));
    for (engine, reference) in s
        .train_predictions
        .iter()
        .chain(&s.test_predictions)
        .zip(p.iter().chain(&p_test))
    {
        assert!(
            (engine - reference).abs() < 1e-6,
            "p {engine} vs {reference}"
        );
    }
    assert_eq!(s.train_accuracy, accuracy(&p, &y));
    assert_eq!(s.test_accuracy, Some(accuracy(&p_test, &y_test)));
    assert!(
        s.train_accuracy > 0.95 && s.costs[1999] < s.costs[100],
        "it learned: {}",
        s.train_accuracy
    );
}

/// The course's two-layer model LINEAR→RELU→LINEAR→SIGMOID, matrix by matrix:
/// W1 (n_h × 12288) then w2 (n_h) drawn N(0, 1)·0.01 from the seeded generator, biases 0.
fn reference_hidden(
    x: &[Vec<f64>],
    y: &[f64],
    n_h: usize,
    seed: u64,
    iterations: usize,
) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    let mut w1: Vec<Vec<f64>> = (0..n_h)
        .map(|_| (0..FEATURES).map(|_| rng.normal() * 0.01).collect())
        .collect();
    let mut w2: Vec<f64> = (0..n_h).map(|_| rng.normal() * 0.01).collect();
    let (mut b1, mut b2, m, rate) = (vec![0.0; n_h], 0.0, x.len() as f64, 0.0075);
    let mut costs = Vec::new();
    for _ in 0..iterations {
        let z1: Vec<Vec<f64>> = x
            .iter()
            .map(|xi| (0..n_h).map(|k| dot(&w1[k], xi) + b1[k]).collect())
            .collect();
        let a1: Vec<Vec<f64>> = z1
            .iter()
            .map(|z| z.iter().map(|v| v.max(0.0)).collect())
            .collect();
        let a2: Vec<f64> = a1.iter().map(|a| sigmoid(dot(&w2, a) + b2)).collect();
        costs.push(cost(&a2, y));
        let dz2: Vec<f64> = a2.iter().zip(y).map(|(a, y)| a - y).collect();
        let dw2: Vec<f64> = (0..n_h)
            .map(|k| (0..x.len()).map(|i| dz2[i] * a1[i][k]).sum::<f64>() / m)
            .collect();
        let db2 = dz2.iter().sum::<f64>() / m;
        // dZ1 = W2ᵀ dZ2 ∗ (Z1 > 0)
        let dz1: Vec<Vec<f64>> = (0..x.len())
            .map(|i| {
                (0..n_h)
                    .map(|k| if z1[i][k] > 0.0 { w2[k] * dz2[i] } else { 0.0 })
                    .collect()
            })
            .collect();
        for k in 0..n_h {
            let mut dw1 = vec![0.0; FEATURES];
            for (xi, d) in x.iter().zip(&dz1) {
                let c = d[k] / m;
                dw1.iter_mut().zip(xi).for_each(|(g, xij)| *g += c * xij);
            }
            w1[k].iter_mut().zip(&dw1).for_each(|(w, g)| *w -= rate * g);
            b1[k] -= rate * dz1.iter().map(|d| d[k]).sum::<f64>() / m;
        }
        w2.iter_mut().zip(&dw2).for_each(|(w, g)| *w -= rate * g);
        b2 -= rate * db2;
    }
    costs
}

#[test]
fn the_two_layer_model_reproduces_the_f64_reference() {
    let data = course_layout();
    let (x, y) = matrix(&data.train);
    let config = TrainConfig {
        iterations: 150,
        seed: 5,
        ..TrainConfig::hidden()
    };
    assert_eq!(config.model, Model::Hidden { size: 7 });
    let mut t = Training::new(config, &data).expect("valid");
    assert_eq!(t.step(150), Ok(150));
    let costs = reference_hidden(&x, &y, 7, 5, 150);
    assert_costs_agree(&t.snapshot().costs, &costs);
    assert!(costs[149] < costs[0]);
}
