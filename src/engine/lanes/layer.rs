//! Whole layers over a block of examples, with simd128 two examples per instruction:
//! a dense layer's sums (and its tanh while the sum is at hand), and a tanh layer's `δ`
//! from the next layer's. Every lane does the scalar operations in the scalar order.

use super::{fastmath, TanhConsts};

/// A dense layer's operands over a block of examples: inputs `x[i·stride + s]`,
/// weights by neuron `w[j·n_in + i]` (so `n_in = w.len() / b.len()`), biases `b[j]`;
/// the first `m ≤ stride` examples are computed.
pub struct Dense<'a> {
    pub x: &'a [f64],
    pub w: &'a [f64],
    pub b: &'a [f64],
    pub stride: usize,
    pub m: usize,
}

/// True if `rows` rows at `stride`, each read for `m` examples, fit in `len` values.
fn rows_fit(rows: usize, stride: usize, m: usize, len: usize) -> bool {
    rows == 0 || (rows - 1) * stride + m <= len
}

impl Dense<'_> {
    /// `(n_in, n_out)` if every slice holds what the layer reads and writes (`out` is
    /// `u`'s or `a`'s length), else None.
    fn shape(&self, out: usize) -> Option<(usize, usize)> {
        let n_out = self.b.len();
        let n_in = self.w.len().checked_div(n_out)?;
        let fits = |n: usize, len: usize| rows_fit(n, self.stride, self.m, len);
        (self.m <= self.stride
            && n_in * n_out == self.w.len()
            && fits(n_in, self.x.len())
            && fits(n_out, out))
        .then_some((n_in, n_out))
    }
}

/// The layer's pre-activations `u[j·stride + s] = b[j] + Σ_i w[j·n_in + i]·x[i·stride + s]`
/// (added from `b` in the order of `i`, as `u = b` then `u += w·x` would), and with `tanh`
/// also `a[j·stride + s] = tanh(u)` ([`fastmath::tanh`]) while `u` is at hand. Slices too
/// short for the layer leave `u` and `a` as they are.
#[inline]
pub fn dense(l: &Dense<'_>, u: &mut [f64], tanh: Option<(&mut [f64], &TanhConsts)>) {
    let out = tanh.as_ref().map_or(u.len(), |(a, _)| a.len().min(u.len()));
    let Some((n_in, n_out)) = l.shape(out) else {
        debug_assert!(false, "dense layer's slices do not fit");
        return;
    };
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        simd::dense(l, (n_in, n_out), u, tanh.map(|(a, c)| (a, &c.c)));
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        let mut a = tanh.map(|(a, _)| a);
        for j in 0..n_out {
            for s in 0..l.m {
                dense_one(l, n_in, (j, s), u, a.as_deref_mut());
            }
        }
    }
}

/// One example's `u[j·stride + s] = b[j] + Σ_i w[j·n_in + i]·x[i·stride + s]` (in the
/// order of `i`), and `a[j·stride + s] = tanh(u)` with `a`.
#[inline(always)]
fn dense_one(
    l: &Dense<'_>,
    n_in: usize,
    (j, s): (usize, usize),
    u: &mut [f64],
    a: Option<&mut [f64]>,
) {
    let w = &l.w[j * n_in..(j + 1) * n_in];
    let v = w
        .iter()
        .enumerate()
        .fold(l.b[j], |acc, (i, &wi)| acc + wi * l.x[i * l.stride + s]);
    u[j * l.stride + s] = v;
    if let Some(a) = a {
        a[j * l.stride + s] = fastmath::tanh(v);
    }
}

/// A tanh layer's `δ` over a block, from the next layer's:
/// `δ_i[s] = (1 − a_i[s]²)·Σ_j w[j·n + i]·δn_j[s]`, the sum from 0 in the order of `j`
/// (as `g = 0`, then `g += w·δn` neuron by neuron, then `(1 − a²)·g` would), with `n`
/// this layer's width, `w` the next layer's weights by neuron, rows of `a`, `δn` and `δ`
/// at `stride`, the first `m ≤ stride` examples. Slices too short leave `d` as it is.
pub fn tanh_back(
    w: &[f64],
    dn: &[f64],
    a: &[f64],
    (n, stride, m): (usize, usize, usize),
    d: &mut [f64],
) {
    let next = w.len().checked_div(n).unwrap_or(0);
    let fits = |rows: usize, len: usize| rows_fit(rows, stride, m, len);
    if m > stride || next * n != w.len() || !fits(next, dn.len()) || !fits(n, a.len().min(d.len()))
    {
        debug_assert!(false, "tanh layer's slices do not fit");
        return;
    }
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        simd::tanh_back(w, dn, a, (n, next, stride, m), d);
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    for i in 0..n {
        for s in 0..m {
            d[i * stride + s] = back_one(w, dn, a, (n, next, stride), i, s);
        }
    }
}

/// One example's `δ_i` of [`tanh_back`].
#[inline(always)]
fn back_one(
    w: &[f64],
    dn: &[f64],
    a: &[f64],
    (n, next, stride): (usize, usize, usize),
    i: usize,
    s: usize,
) -> f64 {
    let g = (0..next).fold(0.0, |g, j| g + w[j * n + i] * dn[j * stride + s]);
    let a = a[i * stride + s];
    (1.0 - a * a) * g
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use core::arch::wasm32::*;

    use super::super::simd::{tanh2, Consts};

    /// [`super::dense`] on two lanes at a time, the same operations in the same order;
    /// an odd last example is computed alone.
    pub fn dense(
        l: &super::Dense<'_>,
        (n_in, n_out): (usize, usize),
        u: &mut [f64],
        mut tanh: Option<(&mut [f64], &Consts)>,
    ) {
        let (stride, m) = (l.stride, l.m);
        for j in 0..n_out {
            let bv = f64x2_splat(l.b[j]);
            let mut s = 0;
            while s + 2 <= m {
                let mut acc = bv;
                for i in 0..n_in {
                    // SAFETY: `Dense::shape` checked j·n_in + i < w.len() and
                    // i·stride + s + 2 ≤ (n_in − 1)·stride + m ≤ x.len().
                    unsafe {
                        let wv = v128_load64_splat(l.w.as_ptr().add(j * n_in + i) as *const u64);
                        let xv = v128_load(l.x.as_ptr().add(i * stride + s) as *const v128);
                        acc = f64x2_add(acc, f64x2_mul(wv, xv));
                    }
                }
                let at = j * stride + s;
                // SAFETY: at + 2 ≤ (n_out − 1)·stride + m ≤ the output lengths (checked).
                unsafe {
                    v128_store(u.as_mut_ptr().add(at) as *mut v128, acc);
                    if let Some((a, c)) = tanh.as_mut() {
                        v128_store(a.as_mut_ptr().add(at) as *mut v128, tanh2(acc, c));
                    }
                }
                s += 2;
            }
            if s < m {
                let a = tanh.as_mut().map(|(a, _)| &mut **a);
                super::dense_one(l, n_in, (j, s), u, a);
            }
        }
    }

    /// [`super::tanh_back`] on two lanes at a time, the same operations in the same order;
    /// an odd last example is computed alone.
    pub fn tanh_back(
        w: &[f64],
        dn: &[f64],
        a: &[f64],
        (n, next, stride, m): (usize, usize, usize, usize),
        d: &mut [f64],
    ) {
        let one = f64x2_splat(1.0);
        for i in 0..n {
            let mut s = 0;
            while s + 2 <= m {
                let mut g = f64x2_splat(0.0);
                for j in 0..next {
                    // SAFETY: `tanh_back` checked j·n + i < w.len() and
                    // j·stride + s + 2 ≤ (next − 1)·stride + m ≤ dn.len().
                    unsafe {
                        let wv = v128_load64_splat(w.as_ptr().add(j * n + i) as *const u64);
                        let dv = v128_load(dn.as_ptr().add(j * stride + s) as *const v128);
                        g = f64x2_add(g, f64x2_mul(wv, dv));
                    }
                }
                let at = i * stride + s;
                // SAFETY: at + 2 ≤ (n − 1)·stride + m ≤ a.len() and d.len() (checked).
                unsafe {
                    let av = v128_load(a.as_ptr().add(at) as *const v128);
                    let dv = f64x2_mul(f64x2_sub(one, f64x2_mul(av, av)), g);
                    v128_store(d.as_mut_ptr().add(at) as *mut v128, dv);
                }
                s += 2;
            }
            if s < m {
                d[i * stride + s] = super::back_one(w, dn, a, (n, next, stride), i, s);
            }
        }
    }
}
