//! The fast path's loops over a block of examples, lane by lane: `acc += w·x`, tanh's
//! constants and two-lane tanh, tanh's `δ`; whole layers in [`layer`]. With wasm
//! `simd128` two lanes go at once (f64x2, see `.cargo/config.toml`; the release profile optimises for size, which turns off
//! LLVM's loop vectoriser, so it is written out). Every lane does exactly the scalar
//! operations, in the same order (wasm has no fused multiply-add), so the results are
//! bit for bit those of the scalar loops used natively.

use super::fastmath;

mod layer;

pub use layer::{dense, tanh_back, Dense};

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
/// rebuilds every one of them from immediates, about three instructions each, in every
/// iteration); natively nothing.
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
pub(super) mod simd {
    use core::arch::wasm32::*;

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
    pub(super) fn tanh2(x: v128, c: &Consts) -> v128 {
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
