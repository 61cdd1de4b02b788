//! The fast path's loops over a block of examples: a dense layer (with tanh fused in),
//! `acc += w·x`, tanh and tanh's `δ`, lane by lane. With wasm `simd128` two lanes go at once (f64x2, see
//! `.cargo/config.toml`; the release profile optimises for size, which turns off
//! LLVM's loop vectoriser, so it is written out). Every lane does exactly the scalar
//! operations, in the same order (wasm has no fused multiply-add), so the results are
//! bit for bit those of the scalar loops used natively.

use super::fastmath;

/// `acc[s] += w·x[s]` for every lane.
#[inline]
pub fn axpy(acc: &mut [f64], w: f64, x: &[f64]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        simd::axpy(acc, w, x);
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    for (a, xi) in acc.iter_mut().zip(x) {
        *a += w * xi;
    }
}

/// tanh's constants for [`dense`], built once per network rather than once per call: with
/// simd128, two-lane vectors read from memory (left as `v128.const` in the loop, V8
/// rebuilds every one of them from immediates, about three instructions each and 22 per
/// two lanes, in every iteration); natively nothing.
#[derive(Clone, Debug)]
pub struct TanhConsts {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    c: simd::Consts,
}

impl TanhConsts {
    /// The constants of [`fastmath::tanh`].
    pub fn new() -> TanhConsts {
        TanhConsts {
            #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
            c: simd::Consts::new(),
        }
    }
}

impl Default for TanhConsts {
    fn default() -> TanhConsts {
        TanhConsts::new()
    }
}

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

impl Dense<'_> {
    /// `(n_in, n_out)` if every slice holds what the layer reads and writes (`out` is
    /// `u`'s or `a`'s length), else None.
    fn shape(&self, out: usize) -> Option<(usize, usize)> {
        let n_out = self.b.len();
        let n_in = self.w.len().checked_div(n_out)?;
        let fits = |n: usize, len: usize| n == 0 || (n - 1) * self.stride + self.m <= len;
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
        let mut tanh = tanh;
        for j in 0..n_out {
            for s in 0..l.m {
                let v = dense_one(l, n_in, j, s);
                u[j * l.stride + s] = v;
                if let Some((a, _)) = tanh.as_mut() {
                    a[j * l.stride + s] = fastmath::tanh(v);
                }
            }
        }
    }
}

/// `b[j] + Σ_i w[j·n_in + i]·x[i·stride + s]` of one example, in the order of `i`.
#[inline(always)]
fn dense_one(l: &Dense<'_>, n_in: usize, j: usize, s: usize) -> f64 {
    let w = &l.w[j * n_in..(j + 1) * n_in];
    w.iter()
        .enumerate()
        .fold(l.b[j], |acc, (i, &wi)| acc + wi * l.x[i * l.stride + s])
}

/// `d[s] = (1 − a[s]²)·g[s]` for every lane: tanh's `δ` from its activation.
#[inline]
pub fn tanh_delta(a: &[f64], g: &[f64], d: &mut [f64]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        simd::tanh_delta(a, g, d);
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    for ((d, &a), &g) in d.iter_mut().zip(a).zip(g) {
        *d = (1.0 - a * a) * g;
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use core::arch::wasm32::*;

    use super::fastmath;
    use crate::engine::fastmath::consts as c;

    pub fn axpy(acc: &mut [f64], w: f64, x: &[f64]) {
        let n = acc.len().min(x.len());
        let wv = f64x2_splat(w);
        let mut k = 0;
        while k + 2 <= n {
            // SAFETY: k + 2 ≤ n ≤ both lengths; v128 loads and stores need no alignment.
            unsafe {
                let pa = acc.as_mut_ptr().add(k) as *mut v128;
                let px = x.as_ptr().add(k) as *const v128;
                v128_store(pa, f64x2_add(v128_load(pa), f64x2_mul(wv, v128_load(px))));
            }
            k += 2;
        }
        if k < n {
            acc[k] += w * x[k];
        }
    }

    /// tanh's constants as two-lane vectors.
    #[derive(Clone, Copy, Debug)]
    pub struct Consts {
        sign: v128,
        saturation: v128,
        minus_two: v128,
        inv_ln2: v128,
        rounder: v128,
        ln2_hi: v128,
        ln2_lo: v128,
        even: [v128; 3],
        odd: [v128; 3],
        exp_bias: v128,
        one: v128,
    }

    impl Consts {
        pub fn new() -> Consts {
            Consts {
                sign: f64x2_splat(-0.0),
                saturation: f64x2_splat(c::SATURATION),
                minus_two: f64x2_splat(-2.0),
                inv_ln2: f64x2_splat(c::INV_LN2),
                rounder: f64x2_splat(c::ROUNDER),
                ln2_hi: f64x2_splat(c::LN2_HI),
                ln2_lo: f64x2_splat(c::LN2_LO),
                even: c::PADE_EVEN.map(|v| f64x2_splat(v)),
                odd: c::PADE_ODD.map(|v| f64x2_splat(v)),
                exp_bias: f64x2_splat(c::EXP_BIAS),
                one: f64x2_splat(1.0),
            }
        }
    }

    /// [`fastmath::tanh`] on two lanes, the same operations in the same order (a NaN
    /// lane gives a NaN, not necessarily x's own bits).
    #[inline(always)]
    fn tanh2(x: v128, c: &Consts) -> v128 {
        let (mul, add, sub) = (f64x2_mul, f64x2_add, f64x2_sub);
        let a = f64x2_pmin(f64x2_abs(x), c.saturation);
        let y = mul(c.minus_two, a);
        let k = sub(add(mul(y, c.inv_ln2), c.rounder), c.rounder);
        let r = sub(sub(y, mul(k, c.ln2_hi)), mul(k, c.ln2_lo));
        let r2 = mul(r, r);
        let ([e2, e4, e6], [o1, o3, o5]) = (&c.even, &c.odd);
        let even = add(mul(add(mul(add(mul(*e6, r2), *e4), r2), *e2), r2), c.one);
        let odd = mul(add(mul(add(mul(*o5, r2), *o3), r2), *o1), r);
        let s = i64x2_shl(add(k, c.exp_bias), 52);
        let (minus, plus) = (sub(c.one, s), add(c.one, s));
        let t = f64x2_div(
            sub(mul(minus, even), mul(plus, odd)),
            sub(mul(plus, even), mul(minus, odd)),
        );
        v128_or(t, v128_and(x, c.sign))
    }

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
                let v = super::dense_one(l, n_in, j, s);
                u[j * stride + s] = v;
                if let Some((a, _)) = tanh.as_mut() {
                    a[j * stride + s] = fastmath::tanh(v);
                }
            }
        }
    }

    pub fn tanh_delta(a: &[f64], g: &[f64], d: &mut [f64]) {
        let n = a.len().min(g.len()).min(d.len());
        let one = f64x2_splat(1.0);
        let mut k = 0;
        while k + 2 <= n {
            // SAFETY: k + 2 ≤ n ≤ all three lengths; v128 loads and stores need no alignment.
            unsafe {
                let av = v128_load(a.as_ptr().add(k) as *const v128);
                let gv = v128_load(g.as_ptr().add(k) as *const v128);
                let dv = f64x2_mul(f64x2_sub(one, f64x2_mul(av, av)), gv);
                v128_store(d.as_mut_ptr().add(k) as *mut v128, dv);
            }
            k += 2;
        }
        if k < n {
            d[k] = (1.0 - a[k] * a[k]) * g[k];
        }
    }
}
