//! The generators of the Playground's data sets (dataset.ts), written from its
//! formulas with our seeded generator. `u(a, b)` below is `a + (b − a)·U[0, 1)`.

use super::Example;
use crate::engine::rng::Rng;

fn u(rng: &mut Rng, a: f64, b: f64) -> f64 {
    rng.next_f64() * (b - a) + a
}

fn dist(x: f64, y: f64) -> f64 {
    (x * x + y * y).sqrt()
}

fn example(x: f64, y: f64, label: f64) -> Example {
    Example { x: [x, y], label }
}

/// `count/2` points at radius `U(0, 2.5)` and the rest at `U(3.5, 5)`, uniform angle;
/// the label is +1 if the point moved by noise `U(−5, 5)·noise` per coordinate lies
/// within 2.5 of the origin, else −1 (so noise mislabels points near the edge).
pub fn circle(rng: &mut Rng, count: usize, noise: f64) -> Vec<Example> {
    let radius = 5.0;
    let half = count / 2;
    (0..count)
        .map(|i| {
            let r = if i < half {
                u(rng, 0.0, radius * 0.5)
            } else {
                u(rng, radius * 0.7, radius)
            };
            let angle = u(rng, 0.0, std::f64::consts::TAU);
            let (x, y) = (r * angle.sin(), r * angle.cos());
            let nx = u(rng, -radius, radius) * noise;
            let ny = u(rng, -radius, radius) * noise;
            let label = if dist(x + nx, y + ny) < radius * 0.5 {
                1.0
            } else {
                -1.0
            };
            example(x, y, label)
        })
        .collect()
}

/// `x, y ~ U(−5, 5)` pushed 0.3 away from the axes; label +1 if `(x + nx)(y + ny) ≥ 0`
/// with noise `U(−5, 5)·noise`, else −1.
pub fn xor(rng: &mut Rng, count: usize, noise: f64) -> Vec<Example> {
    let pad = |v: f64| if v > 0.0 { v + 0.3 } else { v - 0.3 };
    (0..count)
        .map(|_| {
            let x = pad(u(rng, -5.0, 5.0));
            let y = pad(u(rng, -5.0, 5.0));
            let nx = u(rng, -5.0, 5.0) * noise;
            let ny = u(rng, -5.0, 5.0) * noise;
            let label = if (x + nx) * (y + ny) >= 0.0 {
                1.0
            } else {
                -1.0
            };
            example(x, y, label)
        })
        .collect()
}

/// A normal deviate by Marsaglia's polar method (as dataset.ts's `normalRandom`),
/// scaled to `variance` and shifted to `mean`.
fn normal(rng: &mut Rng, mean: f64, variance: f64) -> f64 {
    loop {
        let v1 = 2.0 * rng.next_f64() - 1.0;
        let v2 = 2.0 * rng.next_f64() - 1.0;
        let s = v1 * v1 + v2 * v2;
        if s <= 1.0 && s > 0.0 {
            return mean + variance.sqrt() * ((-2.0 * s.ln() / s).sqrt() * v1);
        }
    }
}

/// `count/2` points around (2, 2) labelled +1, the rest around (−2, −2) labelled −1,
/// each coordinate normal with variance `0.5 + 7·noise` (noise 0..0.5 → 0.5..4).
pub fn two_gauss(rng: &mut Rng, count: usize, noise: f64) -> Vec<Example> {
    let variance = 0.5 + noise * (4.0 - 0.5) / 0.5;
    let half = count / 2;
    (0..count)
        .map(|i| {
            let (c, label) = if i < half { (2.0, 1.0) } else { (-2.0, -1.0) };
            let x = normal(rng, c, variance);
            let y = normal(rng, c, variance);
            example(x, y, label)
        })
        .collect()
}

/// Two spirals of `n = count/2` points: point `i` at radius `5i/n`, angle
/// `1.75·2π·i/n + Δ` (Δ = 0 for +1, π for −1), `(r sin t, r cos t)` plus `U(−1, 1)·noise`.
pub fn spiral(rng: &mut Rng, count: usize, noise: f64) -> Vec<Example> {
    let half = count / 2;
    let arm = |len: usize, delta: f64, label: f64, rng: &mut Rng| -> Vec<Example> {
        let n = len as f64;
        (0..len)
            .map(|i| {
                let r = i as f64 / n * 5.0;
                let t = 1.75 * i as f64 / n * 2.0 * std::f64::consts::PI + delta;
                let x = r * t.sin() + u(rng, -1.0, 1.0) * noise;
                let y = r * t.cos() + u(rng, -1.0, 1.0) * noise;
                example(x, y, label)
            })
            .collect()
    };
    let mut points = arm(half, 0.0, 1.0, rng);
    points.extend(arm(count - half, std::f64::consts::PI, -1.0, rng));
    points
}

/// Uniform points in [−6, 6]² with target `(x + nx + y + ny)/10` (noise `U(−6, 6)·noise`).
pub fn plane(rng: &mut Rng, count: usize, noise: f64) -> Vec<Example> {
    regression(rng, count, noise, |x, y| (x + y) / 10.0)
}

/// Uniform points in [−6, 6]² whose target is the signed bump of largest size among six
/// Gaussians at (±4 or 0, ±2.5): `sign·clamp(1 − d/2, 0, 1)` with d the distance to a centre.
pub fn multi_gauss(rng: &mut Rng, count: usize, noise: f64) -> Vec<Example> {
    const CENTRES: [(f64, f64, f64); 6] = [
        (-4.0, 2.5, 1.0),
        (0.0, 2.5, -1.0),
        (4.0, 2.5, 1.0),
        (-4.0, -2.5, -1.0),
        (0.0, -2.5, 1.0),
        (4.0, -2.5, -1.0),
    ];
    regression(rng, count, noise, |x, y| {
        CENTRES.iter().fold(0.0, |label: f64, &(cx, cy, sign)| {
            let bump = sign * (1.0 - dist(x - cx, y - cy) / 2.0).clamp(0.0, 1.0);
            if bump.abs() > label.abs() {
                bump
            } else {
                label
            }
        })
    })
}

fn regression(
    rng: &mut Rng,
    count: usize,
    noise: f64,
    target: impl Fn(f64, f64) -> f64,
) -> Vec<Example> {
    let radius = 6.0;
    (0..count)
        .map(|_| {
            let x = u(rng, -radius, radius);
            let y = u(rng, -radius, radius);
            let nx = u(rng, -radius, radius) * noise;
            let ny = u(rng, -radius, radius) * noise;
            example(x, y, target(x + nx, y + ny))
        })
        .collect()
}
