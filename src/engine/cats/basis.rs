//! What the first layer needs of the pictures, computed once per run: the Gram
//! matrix G = XᵀX (m × m), the cross products K = XᵀX_test (m × m_test), and
//! P₀ = W⁽¹⁾(0)·X, P₀ᵗᵉˢᵗ = W⁽¹⁾(0)·X_test (n₁ × m, n₁ × m_test), with X = levels/255.
//!
//! Why: every gradient step of the first layer, dW⁽¹⁾ = (1/m)·dZ⁽¹⁾·Xᵀ, is a
//! combination of the m training pictures, so W⁽¹⁾(t) = W⁽¹⁾(0) + C(t)·Xᵀ with
//! C ∈ ℝ^{n₁×m}, and W⁽¹⁾X = P₀ + C·G: n₁·m² products per iteration instead of
//! n₁·12288·m (see [`super::network`]). G is exact: Σ levels·levels are integers below
//! 12288·255² < 2³², summed in u32 and divided by 255² once.
//!
//! The work is split into steps (one training picture's row of G and K and its
//! column of P₀, or one test picture's column of P₀ᵗᵉˢᵗ) so that the page can spread
//! it over animation frames.

use super::examples::Examples;
use crate::engine::image::FEATURES;

/// 255², the divisor of a product of two levels.
const LEVELS_SQUARED: f64 = 65025.0;

/// G, K, P₀ and P₀ᵗᵉˢᵗ, filled step by step.
#[derive(Clone, Debug)]
pub(crate) struct Basis {
    m: usize,
    m_test: usize,
    n1: usize,
    /// G, m × m row-major (symmetric; both halves filled).
    pub(crate) gram: Vec<f64>,
    /// K = XᵀX_test, m × m_test row-major.
    pub(crate) cross: Vec<f64>,
    /// P₀ = W⁽¹⁾(0)·X, n₁ × m row-major.
    pub(crate) p0: Vec<f64>,
    /// P₀ᵗᵉˢᵗ = W⁽¹⁾(0)·X_test, n₁ × m_test row-major.
    pub(crate) p0_test: Vec<f64>,
    done: usize,
}

impl Basis {
    /// An empty basis for `n1` first-layer units over these sets.
    pub(crate) fn new(n1: usize, train: &Examples, test: &Examples) -> Basis {
        let (m, m_test) = (train.len(), test.len());
        Basis {
            m,
            m_test,
            n1,
            gram: vec![0.0; m * m],
            cross: vec![0.0; m * m_test],
            p0: vec![0.0; n1 * m],
            p0_test: vec![0.0; n1 * m_test],
            done: 0,
        }
    }

    /// Steps in all: one per training picture and one per test picture.
    pub(crate) fn total(&self) -> usize {
        self.m + self.m_test
    }

    /// Steps done so far.
    pub(crate) fn done(&self) -> usize {
        self.done
    }

    /// True once every step has run.
    pub(crate) fn ready(&self) -> bool {
        self.done >= self.total()
    }

    /// Runs up to `steps` more steps; `w1` is W⁽¹⁾(0) (n₁ × 12288). Returns how many ran.
    pub(crate) fn build(
        &mut self,
        steps: usize,
        w1: &[f64],
        train: &Examples,
        test: &Examples,
    ) -> usize {
        let todo = steps.min(self.total() - self.done);
        for _ in 0..todo {
            let r = self.done;
            if r < self.m {
                self.train_row(r, w1, train, test);
            } else {
                let t = r - self.m;
                let column = first_layer(w1, test.row(t));
                for (k, p) in column.into_iter().enumerate() {
                    self.p0_test[k * self.m_test + t] = p;
                }
            }
            self.done += 1;
        }
        todo
    }

    /// Row i of G (j ≥ i, mirrored), row i of K, and column i of P₀.
    fn train_row(&mut self, i: usize, w1: &[f64], train: &Examples, test: &Examples) {
        let x = train.row(i);
        for j in i..self.m {
            let g = f64::from(level_dot(x, train.row(j))) / LEVELS_SQUARED;
            self.gram[i * self.m + j] = g;
            self.gram[j * self.m + i] = g;
        }
        for t in 0..self.m_test {
            self.cross[i * self.m_test + t] = f64::from(level_dot(x, test.row(t))) / LEVELS_SQUARED;
        }
        for (k, p) in first_layer(w1, x).into_iter().enumerate() {
            self.p0[k * self.m + i] = p;
        }
        debug_assert_eq!(w1.len(), self.n1 * FEATURES);
    }
}

/// W⁽¹⁾·x for one picture's levels (x = levels/255): one sum per unit (row of `w1`).
pub(crate) fn first_layer(w1: &[f64], levels: &[u8]) -> Vec<f64> {
    w1.chunks_exact(FEATURES)
        .map(|row| {
            let sum: f64 = row.iter().zip(levels).map(|(w, &l)| w * f64::from(l)).sum();
            sum / 255.0
        })
        .collect()
}

/// Xᵀx for one picture: its products with each training picture, levels/255 each.
pub(crate) fn products(train: &Examples, levels: &[u8]) -> Vec<f64> {
    (0..train.len())
        .map(|i| f64::from(level_dot(train.row(i), levels)) / LEVELS_SQUARED)
        .collect()
}

/// Σ aⱼ·bⱼ of two rows of levels, exactly (at most 12288·255² < 2³²).
pub(crate) fn level_dot(a: &[u8], b: &[u8]) -> u32 {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        super::simd128::level_dot(a, b)
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        // Eight independent lanes, so that an optimising build vectorises.
        let mut acc = [0u32; 8];
        let (ac, bc) = (a.chunks_exact(8), b.chunks_exact(8));
        let tail = plain_dot(ac.remainder(), bc.remainder());
        for (xs, ys) in ac.zip(bc) {
            for k in 0..8 {
                acc[k] += u32::from(xs[k]) * u32::from(ys[k]);
            }
        }
        acc.iter().sum::<u32>() + tail
    }
}

/// Σ aⱼ·bⱼ of two short rows of levels, one product at a time (the rest of a row
/// after the vector steps).
pub(crate) fn plain_dot(a: &[u8], b: &[u8]) -> u32 {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| u32::from(x) * u32::from(y))
        .sum()
}
