//! The fast path's loops over a block of examples: `acc += w·x`, tanh and tanh's `δ`,
//! lane by lane. With wasm `simd128` two lanes go at once (f64x2, see
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

/// tanh's constants for [`tanh`], built once per network rather than once per call: with
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

/// `a[s] = tanh(u[s])` ([`fastmath::tanh`]) for every lane.
#[inline]
pub fn tanh(u: &[f64], a: &mut [f64], consts: &TanhConsts) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        simd::tanh(u, a, &consts.c);
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    let _ = consts;
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    for (a, &u) in a.iter_mut().zip(u) {
        *a = fastmath::tanh(u);
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
        fact: [v128; 12],
        exp_bias: v128,
        one: v128,
        two: v128,
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
                fact: c::INV_FACT.map(|v| f64x2_splat(v)),
                exp_bias: f64x2_splat(c::EXP_BIAS),
                one: f64x2_splat(1.0),
                two: f64x2_splat(2.0),
            }
        }
    }

    /// [`fastmath::tanh`] on two lanes, the same operations in the same order.
    #[inline(always)]
    fn tanh2(x: v128, c: &Consts) -> v128 {
        let ax = f64x2_abs(x);
        let a = f64x2_pmin(ax, c.saturation);
        let y = f64x2_mul(c.minus_two, a);
        let k = f64x2_sub(f64x2_add(f64x2_mul(y, c.inv_ln2), c.rounder), c.rounder);
        let r = f64x2_sub(f64x2_sub(y, f64x2_mul(k, c.ln2_hi)), f64x2_mul(k, c.ln2_lo));
        let f = &c.fact;
        let lin = |i: usize| f64x2_add(f[i], f64x2_mul(f[i + 1], r));
        let r2 = f64x2_mul(r, r);
        let r4 = f64x2_mul(r2, r2);
        let (q0, q1, q2, q3, q4, q5) = (lin(0), lin(2), lin(4), lin(6), lin(8), lin(10));
        let p = f64x2_add(
            f64x2_add(
                f64x2_add(q0, f64x2_mul(q1, r2)),
                f64x2_mul(f64x2_add(q2, f64x2_mul(q3, r2)), r4),
            ),
            f64x2_mul(f64x2_add(q4, f64x2_mul(q5, r2)), f64x2_mul(r4, r4)),
        );
        let em1 = f64x2_add(r, f64x2_mul(r2, p));
        let scale = i64x2_shl(f64x2_add(k, c.exp_bias), 52);
        let e = f64x2_add(f64x2_mul(scale, em1), f64x2_sub(scale, c.one));
        let t = f64x2_div(f64x2_neg(e), f64x2_add(e, c.two));
        let signed = v128_or(v128_andnot(t, c.sign), v128_and(x, c.sign));
        // NaN lanes (x ≠ x) pass x through
        v128_bitselect(signed, x, f64x2_eq(x, x))
    }

    pub fn tanh(u: &[f64], a: &mut [f64], c: &Consts) {
        let n = u.len().min(a.len());
        let mut k = 0;
        while k + 2 <= n {
            // SAFETY: k + 2 ≤ n ≤ both lengths; v128 loads and stores need no alignment.
            unsafe {
                let pu = u.as_ptr().add(k) as *const v128;
                v128_store(a.as_mut_ptr().add(k) as *mut v128, tanh2(v128_load(pu), c));
            }
            k += 2;
        }
        if k < n {
            a[k] = fastmath::tanh(u[k]);
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
