//! The course's models at any depth, on x = levels/255: [LINEAR→RELU] × (L−1) →
//! LINEAR→SIGMOID (L = 1 is logistic regression), cost
//! J = −(1/m) Σᵢ [yᵢ ln aᵢ + (1 − yᵢ) ln(1 − aᵢ)], batch gradient descent.
//!
//! Forward: Z⁽ˡ⁾ = W⁽ˡ⁾A⁽ˡ⁻¹⁾ + b⁽ˡ⁾, A⁽ˡ⁾ = ReLU(Z⁽ˡ⁾) (l < L), ŷ = σ(Z⁽ᴸ⁾).
//! Backward: dZ⁽ᴸ⁾ = A⁽ᴸ⁾ − Y; dW⁽ˡ⁾ = (1/m)·dZ⁽ˡ⁾A⁽ˡ⁻¹⁾ᵀ, db⁽ˡ⁾ = (1/m)·Σᵢ dZ⁽ˡ⁾;
//! dZ⁽ˡ⁻¹⁾ = W⁽ˡ⁾ᵀdZ⁽ˡ⁾ ∗ [Z⁽ˡ⁻¹⁾ > 0] (the course's relu_backward).
//!
//! The first layer never holds W⁽¹⁾ itself: W⁽¹⁾ = W⁽¹⁾(0) + C·Xᵀ (see
//! [`super::basis`]), so Z⁽¹⁾ = P₀ + C·G + b⁽¹⁾, and W⁽¹⁾ ← W⁽¹⁾ − α·(1/m)·dZ⁽¹⁾Xᵀ
//! is C ← C − α·(1/m)·dZ⁽¹⁾: the gradient in C's coordinates is dC = (1/m)·dZ⁽¹⁾.
//! Matrices are row-major, one column per picture (as numpy's A of shape (n, m)).

use super::basis::Basis;
use super::batch::Parameters;
use super::sigmoid::{cross_entropy, sigmoid};

/// A layer past the first: W (n_out × n_in, row-major) and b (n_out).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Dense {
    pub(crate) w: Vec<f64>,
    pub(crate) b: Vec<f64>,
}

/// The trained parameters: C (n₁ × m) and b⁽¹⁾ of the first layer, and the layers
/// after it — or a gradient of the same shape.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Network {
    pub(crate) c: Vec<f64>,
    pub(crate) b1: Vec<f64>,
    pub(crate) dense: Vec<Dense>,
}

/// The data of one iteration: the basis and the labels (1.0 = cat).
pub(crate) struct Batch<'a> {
    pub(crate) basis: &'a Basis,
    pub(crate) labels: &'a [f64],
}

impl Network {
    /// C = 0 (W⁽¹⁾ = W⁽¹⁾(0)), b⁽¹⁾ = 0 for n₁ units over m pictures, and `dense`.
    pub(crate) fn new(n1: usize, m: usize, dense: Vec<Dense>) -> Network {
        Network {
            c: vec![0.0; n1 * m],
            b1: vec![0.0; n1],
            dense,
        }
    }

    /// n₁, the first layer's units.
    pub(crate) fn n1(&self) -> usize {
        self.b1.len()
    }

    /// Z⁽¹⁾ = P + C·Q + b⁽¹⁾ for the pictures whose products with the training
    /// pictures are the columns of `q` (m × count) and whose W⁽¹⁾(0)·x are `p`.
    pub(crate) fn first(&self, p: &[f64], q: &[f64], count: usize) -> Vec<f64> {
        let m = self.c.len() / self.n1().max(1);
        let mut z = matmul(&self.c, self.n1(), m, q, count);
        for ((row, p), b) in z
            .chunks_exact_mut(count.max(1))
            .zip(p.chunks_exact(count.max(1)))
            .zip(&self.b1)
        {
            row.iter_mut().zip(p).for_each(|(z, p)| *z = p + *z + b);
        }
        z
    }

    /// The pre-activations Z⁽¹⁾ … Z⁽ᴸ⁾ from Z⁽¹⁾ (n₁ × count).
    fn forward(&self, z1: Vec<f64>, count: usize) -> Vec<Vec<f64>> {
        let mut zs = vec![z1];
        for layer in &self.dense {
            let a: Vec<f64> = zs[zs.len() - 1].iter().map(|z| z.max(0.0)).collect();
            let n_in = a.len() / count.max(1);
            let mut z = matmul(&layer.w, layer.b.len(), n_in, &a, count);
            for (row, b) in z.chunks_exact_mut(count.max(1)).zip(&layer.b) {
                row.iter_mut().for_each(|z| *z += b);
            }
            zs.push(z);
        }
        zs
    }

    /// p(cat) = σ(Z⁽ᴸ⁾) for pictures whose first-layer sums are `z1` (n₁ × count).
    pub(crate) fn probabilities(&self, z1: Vec<f64>, count: usize) -> Vec<f64> {
        let zs = self.forward(z1, count);
        zs[zs.len() - 1].iter().map(|&z| sigmoid(z)).collect()
    }
}

impl Parameters for Network {
    type Data<'a> = Batch<'a>;

    /// J over the training pictures; the gradient (dC, db⁽¹⁾, dW⁽ˡ⁾, db⁽ˡ⁾) into `grad`.
    fn cost_and_gradient(&self, data: &Batch<'_>, grad: &mut Network) -> f64 {
        let m = data.labels.len();
        let basis = data.basis;
        let zs = self.forward(self.first(&basis.p0, &basis.gram, m), m);
        let out = &zs[zs.len() - 1];
        let cost: f64 = out
            .iter()
            .zip(data.labels)
            .map(|(&z, &y)| cross_entropy(z, y))
            .sum();
        let mut dz: Vec<f64> = out
            .iter()
            .zip(data.labels)
            .map(|(&z, y)| sigmoid(z) - y)
            .collect();
        let scale = 1.0 / m as f64;
        for (l, layer) in self.dense.iter().enumerate().rev() {
            let below = &zs[l]; // Z⁽ˡ⁾ of the layer feeding this one
            let a: Vec<f64> = below.iter().map(|z| z.max(0.0)).collect();
            let (n_out, n_in) = (layer.b.len(), a.len() / m);
            let g = &mut grad.dense[l];
            g.w = matmul_transposed(&dz, n_out, &a, n_in, m);
            g.w.iter_mut().for_each(|v| *v *= scale);
            g.b = row_sums(&dz, m).into_iter().map(|s| s * scale).collect();
            let mut da = transposed_matmul(&layer.w, n_out, n_in, &dz, m);
            da.iter_mut()
                .zip(below)
                .filter(|(_, &z)| z <= 0.0)
                .for_each(|(d, _)| *d = 0.0);
            dz = da;
        }
        grad.b1 = row_sums(&dz, m).into_iter().map(|s| s * scale).collect();
        dz.iter_mut().for_each(|d| *d *= scale);
        grad.c = dz;
        cost / m as f64
    }

    /// θ ← θ − α·dθ for every parameter (C in its own coordinates).
    fn descend(&mut self, grad: &Network, rate: f64) {
        let step = |theta: &mut [f64], g: &[f64]| {
            theta.iter_mut().zip(g).for_each(|(t, g)| *t -= rate * g);
        };
        step(&mut self.c, &grad.c);
        step(&mut self.b1, &grad.b1);
        for (layer, g) in self.dense.iter_mut().zip(&grad.dense) {
            step(&mut layer.w, &g.w);
            step(&mut layer.b, &g.b);
        }
    }

    /// True when every parameter is a finite number.
    fn is_finite(&self) -> bool {
        let finite = |v: &[f64]| v.iter().all(|t| t.is_finite());
        finite(&self.c)
            && finite(&self.b1)
            && self.dense.iter().all(|d| finite(&d.w) && finite(&d.b))
    }
}

/// A·B for A (rows × inner) and B (inner × cols), row-major: each row of the result
/// is Σₖ A[r,k]·B[k,·], accumulated in k order.
pub(crate) fn matmul(a: &[f64], rows: usize, inner: usize, b: &[f64], cols: usize) -> Vec<f64> {
    let mut out = vec![0.0; rows * cols];
    if cols == 0 {
        return out;
    }
    for (row, a_row) in out.chunks_exact_mut(cols).zip(a.chunks_exact(inner.max(1))) {
        for (&c, b_row) in a_row.iter().zip(b.chunks_exact(cols)) {
            if c != 0.0 {
                axpy(row, c, b_row);
            }
        }
    }
    out
}

/// A·Bᵀ for A (rows × inner) and B (cols × inner): dot products of rows.
fn matmul_transposed(a: &[f64], rows: usize, b: &[f64], cols: usize, inner: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(rows * cols);
    for a_row in a.chunks_exact(inner).take(rows) {
        for b_row in b.chunks_exact(inner).take(cols) {
            out.push(a_row.iter().zip(b_row).map(|(x, y)| x * y).sum());
        }
    }
    out
}

/// Aᵀ·B for A (rows × cols) and B (rows × inner): the back-propagated W⁽ˡ⁾ᵀdZ⁽ˡ⁾.
fn transposed_matmul(a: &[f64], rows: usize, cols: usize, b: &[f64], inner: usize) -> Vec<f64> {
    let mut out = vec![0.0; cols * inner];
    for (a_row, b_row) in a.chunks_exact(cols).zip(b.chunks_exact(inner)).take(rows) {
        for (&w, out_row) in a_row.iter().zip(out.chunks_exact_mut(inner)) {
            axpy(out_row, w, b_row);
        }
    }
    out
}

/// The sum of each row of a matrix with `cols` columns.
fn row_sums(a: &[f64], cols: usize) -> Vec<f64> {
    a.chunks_exact(cols).map(|r| r.iter().sum()).collect()
}

/// z ← z + c·g element by element.
fn axpy(z: &mut [f64], c: f64, g: &[f64]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    super::simd128::axpy(z, c, g);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    z.iter_mut().zip(g).for_each(|(z, g)| *z += c * g);
}
