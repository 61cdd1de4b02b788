//! The direct float64 computation of the course's models, written here the
//! course's way (numpy's shapes, matrix by matrix, W⁽¹⁾ held and updated in full):
//! X = reshape(m, −1).T / 255; [LINEAR→RELU] × (L−1) → LINEAR→SIGMOID; cost
//! −(1/m)Σ(y log a + (1−y) log(1−a)); dAL → dZ = A − Y; W ← W − α·dW. It is the
//! reference the engine's Gram-matrix kernel is checked against (tests) and timed
//! against (benches). The weights start as the course draws them, from the engine's
//! numpy generator (itself checked bit for bit against numpy's own numbers).
#![allow(dead_code)] // each user takes a different subset

use backprop_lab::engine::cats::numpy_random::NumpyRandom;
use backprop_lab::engine::cats::Sample;
use backprop_lab::engine::image::FEATURES;

/// A layer: W (n_out rows of n_in) and b.
#[derive(Clone, Debug)]
pub struct Layer {
    pub w: Vec<Vec<f64>>,
    pub b: Vec<f64>,
}

/// The course's initialisation for `dims` = [12288, n1, …, 1]: np.random.seed(1), then
/// W = randn·0.01 for one hidden layer, randn/√n_{l−1} for more (`deep` forces the
/// latter); logistic regression (dims of length 2) starts at 0.
pub fn course_init(dims: &[usize], deep: bool) -> Vec<Layer> {
    let mut rng = NumpyRandom::seed(1);
    let two_layer = dims.len() == 3 && !deep;
    dims.windows(2)
        .map(|p| {
            let (n_in, n_out) = (p[0], p[1]);
            let w = (0..n_out)
                .map(|_| {
                    (0..n_in)
                        .map(|_| {
                            if dims.len() == 2 {
                                0.0
                            } else if two_layer {
                                rng.gauss() * 0.01
                            } else {
                                rng.gauss() / (n_in as f64).sqrt()
                            }
                        })
                        .collect()
                })
                .collect();
            Layer {
                w,
                b: vec![0.0; n_out],
            }
        })
        .collect()
}

/// X (one row per picture, x = levels/255) and Y.
pub fn matrix(samples: &[Sample]) -> (Vec<Vec<f64>>, Vec<f64>) {
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
        .map(|s| f64::from(u8::from(s.is_cat)))
        .collect();
    (x, y)
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(p, q)| p * q).sum()
}

/// Z⁽ˡ⁾ of every layer, per picture: zs[l][i] is layer l's pre-activation vector.
fn forward(layers: &[Layer], x: &[Vec<f64>]) -> Vec<Vec<Vec<f64>>> {
    let mut zs: Vec<Vec<Vec<f64>>> = Vec::new();
    for (l, layer) in layers.iter().enumerate() {
        let z = (0..x.len())
            .map(|i| {
                let input: Vec<f64> = if l == 0 {
                    x[i].clone()
                } else {
                    zs[l - 1][i].iter().map(|v| v.max(0.0)).collect()
                };
                layer
                    .w
                    .iter()
                    .zip(&layer.b)
                    .map(|(w, b)| dot(w, &input) + b)
                    .collect()
            })
            .collect();
        zs.push(z);
    }
    zs
}

/// p(cat) for each picture.
pub fn predict(layers: &[Layer], x: &[Vec<f64>]) -> Vec<f64> {
    let zs = forward(layers, x);
    zs[zs.len() - 1]
        .iter()
        .map(|z| 1.0 / (1.0 + (-z[0]).exp()))
        .collect()
}

/// One batch iteration: returns the cost and updates `layers`.
pub fn iterate(layers: &mut [Layer], x: &[Vec<f64>], y: &[f64], rate: f64) -> f64 {
    let m = x.len() as f64;
    let zs = forward(layers, x);
    let a: Vec<f64> = zs[zs.len() - 1]
        .iter()
        .map(|z| 1.0 / (1.0 + (-z[0]).exp()))
        .collect();
    let cost = -a
        .iter()
        .zip(y)
        .map(|(&a, &y)| y * a.ln() + (1.0 - y) * (1.0 - a).ln())
        .sum::<f64>()
        / m;
    let mut dz: Vec<Vec<f64>> = a.iter().zip(y).map(|(a, y)| vec![a - y]).collect();
    for l in (0..layers.len()).rev() {
        let inputs: Vec<Vec<f64>> = (0..x.len())
            .map(|i| {
                if l == 0 {
                    x[i].clone()
                } else {
                    zs[l - 1][i].iter().map(|v| v.max(0.0)).collect()
                }
            })
            .collect();
        let layer = &layers[l];
        let (n_out, n_in) = (layer.b.len(), inputs[0].len());
        let mut dw = vec![vec![0.0; n_in]; n_out];
        for (d, input) in dz.iter().zip(&inputs) {
            for (row, &dk) in dw.iter_mut().zip(d) {
                row.iter_mut().zip(input).for_each(|(g, v)| *g += dk * v);
            }
        }
        let db: Vec<f64> = (0..n_out)
            .map(|k| dz.iter().map(|d| d[k]).sum::<f64>() / m)
            .collect();
        let below: Vec<Vec<f64>> = if l == 0 {
            Vec::new()
        } else {
            (0..x.len())
                .map(|i| {
                    (0..n_in)
                        .map(|j| {
                            let back: f64 = (0..n_out).map(|k| layer.w[k][j] * dz[i][k]).sum();
                            if zs[l - 1][i][j] > 0.0 {
                                back
                            } else {
                                0.0
                            }
                        })
                        .collect()
                })
                .collect()
        };
        let layer = &mut layers[l];
        for (w, g) in layer.w.iter_mut().zip(&dw) {
            w.iter_mut().zip(g).for_each(|(w, g)| *w -= rate * (g / m));
        }
        layer
            .b
            .iter_mut()
            .zip(&db)
            .for_each(|(b, g)| *b -= rate * g);
        dz = below;
    }
    cost
}

/// Trains `iterations` times; the costs of every iteration.
pub fn train(
    layers: &mut [Layer],
    x: &[Vec<f64>],
    y: &[f64],
    rate: f64,
    iterations: usize,
) -> Vec<f64> {
    (0..iterations)
        .map(|_| iterate(layers, x, y, rate))
        .collect()
}

/// mean(p == y) with p = a > 0.5.
pub fn accuracy(p: &[f64], y: &[f64]) -> f64 {
    p.iter()
        .zip(y)
        .filter(|&(&p, &y)| (p > 0.5) == (y == 1.0))
        .count() as f64
        / p.len() as f64
}

/// The largest |a − b| / |b| over two cost lists of the same length.
pub fn worst_relative(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len(), "as many costs");
    a.iter()
        .zip(b)
        .map(|(a, b)| (a - b).abs() / b.abs())
        .fold(0.0, f64::max)
}

/// W⁽¹⁾ flattened row-major (n1 × 12288), as the engine's `first_layer_weights`.
pub fn first_weights(layers: &[Layer]) -> Vec<f64> {
    let w: Vec<f64> = layers[0].w.iter().flatten().copied().collect();
    assert_eq!(w.len() % FEATURES, 0);
    w
}
