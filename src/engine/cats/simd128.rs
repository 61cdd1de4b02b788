//! The kernel of [`kernel`](super::kernel) in explicit wasm SIMD (simd128), for the
//! browser build: 16 levels per step, widened u8 → i16, multiplied by the 16-bit hi
//! and lo parts in pairs and summed into i32 lanes (`i32x4.dot_i16x8_s`, one
//! machine instruction), the lanes added up in i64 every [`FLUSH`] levels.
//!
//! Callers guarantee the lengths: equal, and a multiple of 16.

use core::arch::wasm32::*;

use super::kernel::{Fixed, FLUSH};

/// Levels per SIMD step: one v128 of u8.
const STEP: usize = 16;

/// The 16 levels at `x`, widened to two i16x8.
#[inline(always)]
fn widen(x: &[u8]) -> (v128, v128) {
    // SAFETY: `x` has 16 bytes (callers pass chunks_exact(16) items); v128_load reads
    // unaligned memory.
    let bytes = unsafe { v128_load(x.as_ptr() as *const v128) };
    (
        u16x8_extend_low_u8x16(bytes),
        u16x8_extend_high_u8x16(bytes),
    )
}

/// The 16 i16 at `v` as two i16x8.
#[inline(always)]
fn load(v: &[i16]) -> (v128, v128) {
    let p = v.as_ptr();
    // SAFETY: `v` has 16 i16 (callers pass chunks_exact(16) items), read unaligned.
    unsafe {
        (
            v128_load(p as *const v128),
            v128_load(p.add(8) as *const v128),
        )
    }
}

/// acc + Σ of the 16 products x·v, as four i32 lanes.
#[inline(always)]
fn add_products(acc: v128, x: (v128, v128), v: (v128, v128)) -> v128 {
    i32x4_add(
        acc,
        i32x4_add(i32x4_dot_i16x8(x.0, v.0), i32x4_dot_i16x8(x.1, v.1)),
    )
}

/// The sum of the four i32 lanes, in i64.
#[inline(always)]
fn lanes(v: v128) -> i64 {
    i64::from(i32x4_extract_lane::<0>(v))
        + i64::from(i32x4_extract_lane::<1>(v))
        + i64::from(i32x4_extract_lane::<2>(v))
        + i64::from(i32x4_extract_lane::<3>(v))
}

/// Σᵢ xᵢ·vᵢ, exact for the fixed-point v.
pub(crate) fn dot(x: &[u8], v: &Fixed) -> f64 {
    let (mut hi, mut lo) = (0i64, 0i64);
    let blocks = x
        .chunks(FLUSH)
        .zip(v.hi.chunks(FLUSH).zip(v.lo.chunks(FLUSH)));
    for (xb, (hb, lb)) in blocks {
        let (mut acc_hi, mut acc_lo) = (i32x4_splat(0), i32x4_splat(0));
        let steps = xb
            .chunks_exact(STEP)
            .zip(hb.chunks_exact(STEP).zip(lb.chunks_exact(STEP)));
        for (xs, (hs, ls)) in steps {
            let x = widen(xs);
            acc_hi = add_products(acc_hi, x, load(hs));
            acc_lo = add_products(acc_lo, x, load(ls));
        }
        hi += lanes(acc_hi);
        lo += lanes(acc_lo);
    }
    (hi as f64 * 32768.0 + lo as f64) / v.scale
}

/// (Σᵢ aᵢ·vᵢ, Σᵢ bᵢ·vᵢ) for two rows of levels: v is loaded once for both.
pub(crate) fn dot_pair(a: &[u8], b: &[u8], v: &Fixed) -> (f64, f64) {
    let mut sums = [0i64; 4]; // a·hi, a·lo, b·hi, b·lo
    let rows = a.chunks(FLUSH).zip(b.chunks(FLUSH));
    for ((ab, bb), (hb, lb)) in rows.zip(v.hi.chunks(FLUSH).zip(v.lo.chunks(FLUSH))) {
        let mut acc = [i32x4_splat(0); 4];
        let steps = ab.chunks_exact(STEP).zip(bb.chunks_exact(STEP));
        for ((xa, xb), (hs, ls)) in steps.zip(hb.chunks_exact(STEP).zip(lb.chunks_exact(STEP))) {
            let (h, l, xa, xb) = (load(hs), load(ls), widen(xa), widen(xb));
            acc[0] = add_products(acc[0], xa, h);
            acc[1] = add_products(acc[1], xa, l);
            acc[2] = add_products(acc[2], xb, h);
            acc[3] = add_products(acc[3], xb, l);
        }
        for (s, a) in sums.iter_mut().zip(acc) {
            *s += lanes(a);
        }
    }
    let value = |hi: i64, lo: i64| (hi as f64 * 32768.0 + lo as f64) / v.scale;
    (value(sums[0], sums[1]), value(sums[2], sums[3]))
}
