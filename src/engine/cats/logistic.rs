//! Logistic regression ŷ = σ(wᵀx + b) on x = levels/255, trained by batch gradient
//! descent on the cross-entropy cost
//! J = −(1/m) Σᵢ [yᵢ ln aᵢ + (1 − yᵢ) ln(1 − aᵢ)],
//! dw = (1/m) X (A − Y)ᵀ, db = (1/m) Σᵢ (aᵢ − yᵢ).
//!
//! Per iteration: for each example i, zᵢ = (1/255)·Σⱼ xᵢⱼwⱼ + b (the levels stay
//! u8, the 1/255 is applied once), aᵢ = σ(zᵢ), dzᵢ = aᵢ − yᵢ; then for each feature
//! dwⱼ = (1/(255·m))·Σᵢ dzᵢ·xᵢⱼ over the transposed levels (see [`super::kernel`]).
//! w changes only after all m examples: exactly the course's batch step.

use super::batch::Parameters;
use super::examples::Examples;
use super::kernel::{dot, row_dots, Fixed};
use super::sigmoid::{cross_entropy, sigmoid};
use crate::engine::image::{CHANNELS, FEATURES, SIDE};

/// The parameters w (12288, one per feature) and b — or, with the same shape, a gradient.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Logistic {
    pub(crate) w: Vec<f64>,
    pub(crate) b: f64,
    /// w in fixed point, which the forward kernel reads (unused in a gradient).
    fixed: Fixed,
}

impl Logistic {
    /// w = 0, b = 0: the course's initialisation.
    pub(crate) fn zeros() -> Logistic {
        Logistic::new(vec![0.0; FEATURES], 0.0)
    }

    /// Parameters w (12288) and b.
    pub(crate) fn new(w: Vec<f64>, b: f64) -> Logistic {
        Logistic {
            fixed: Fixed::new(&w),
            w,
            b,
        }
    }

    /// z = wᵀx + b for a row of levels, x = levels/255.
    fn z(&self, levels: &[u8]) -> f64 {
        dot(levels, &self.fixed) / 255.0 + self.b
    }

    /// w reshaped to 64×64×3 as RGBA: per channel, 0 ↦ 128, +max|w| ↦ 255, −max|w| ↦ 0.
    pub(crate) fn template(&self) -> Vec<u8> {
        let mut peak = [0.0f64; CHANNELS];
        for (j, w) in self.w.iter().enumerate() {
            peak[j % CHANNELS] = peak[j % CHANNELS].max(w.abs());
        }
        let level = |w: f64, peak: f64| -> u8 {
            if peak == 0.0 {
                128
            } else if w >= 0.0 {
                (128.0 + 127.0 * w / peak).round() as u8
            } else {
                (128.0 + 128.0 * w / peak).round() as u8
            }
        };
        let mut rgba = Vec::with_capacity(SIDE * SIDE * 4);
        for pixel in self.w.chunks_exact(CHANNELS) {
            rgba.extend((0..CHANNELS).map(|c| level(pixel[c], peak[c])));
            rgba.push(255);
        }
        rgba
    }
}

impl Parameters for Logistic {
    /// a = σ(z): the probability of "cat".
    fn probability(&self, levels: &[u8]) -> f64 {
        sigmoid(self.z(levels))
    }

    /// J at these parameters; their gradient (dw, db) is written into `grad`.
    fn cost_and_gradient(&self, examples: &Examples, grad: &mut Logistic) -> f64 {
        let mut cost = 0.0;
        let mut sums = vec![0.0; examples.len()];
        row_dots(examples.levels(), &self.fixed, &mut sums); // Σⱼ levelsᵢⱼ·wⱼ
        let dz: Vec<f64> = sums
            .iter()
            .enumerate()
            .map(|(i, sum)| {
                let (z, y) = (sum / 255.0 + self.b, examples.label(i));
                cost += cross_entropy(z, y);
                sigmoid(z) - y
            })
            .collect();
        let fixed = Fixed::new(&dz);
        row_dots(examples.columns(), &fixed, &mut grad.w); // Σᵢ dzᵢ·levelsᵢⱼ
        let m = examples.len() as f64;
        grad.w.iter_mut().for_each(|g| *g /= 255.0 * m);
        grad.b = dz.iter().sum::<f64>() / m;
        cost / m
    }

    /// w ← w − α·dw, b ← b − α·db.
    fn descend(&mut self, grad: &Logistic, rate: f64) {
        for (w, g) in self.w.iter_mut().zip(&grad.w) {
            *w -= rate * g;
        }
        self.fixed = Fixed::new(&self.w);
        self.b -= rate * grad.b;
    }

    /// True when every parameter is a finite number.
    fn is_finite(&self) -> bool {
        self.b.is_finite() && self.w.iter().all(|w| w.is_finite())
    }
}
