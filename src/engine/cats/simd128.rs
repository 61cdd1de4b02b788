//! The two loops the cat trainers spend their time in, in explicit wasm SIMD
//! (simd128), for the browser build, whose release profile optimises for size and
//! so does not auto-vectorise:
//! - [`level_dot`]: Σ aⱼ·bⱼ of two rows of levels (u8), exact — 16 levels per step,
//!   widened to i16 and multiplied in pairs into i32 lanes (`i32x4.dot_i16x8_s`);
//! - [`axpy`]: z ← z + c·g in f64 pairs, the same products and sums in the same
//!   order as the portable loop, so wasm and native give the same bits.

use core::arch::wasm32::*;

/// Levels per SIMD step: one v128 of u8.
const STEP: usize = 16;

/// Σ aⱼ·bⱼ for rows of levels of equal length (a multiple of 16 runs in SIMD, the
/// rest in a plain loop). Each i32 lane sums at most len/4 products of at most
/// 2·255², below 2³¹ for rows of up to 16 500 levels.
pub(crate) fn level_dot(a: &[u8], b: &[u8]) -> u32 {
    let mut acc = i32x4_splat(0);
    let (ac, bc) = (a.chunks_exact(STEP), b.chunks_exact(STEP));
    let tail = super::basis::plain_dot(ac.remainder(), bc.remainder());
    for (xa, xb) in ac.zip(bc) {
        // SAFETY: both chunks have 16 bytes; v128_load reads unaligned memory.
        let (va, vb) = unsafe {
            (
                v128_load(xa.as_ptr() as *const v128),
                v128_load(xb.as_ptr() as *const v128),
            )
        };
        let lo = i32x4_dot_i16x8(u16x8_extend_low_u8x16(va), u16x8_extend_low_u8x16(vb));
        let hi = i32x4_dot_i16x8(u16x8_extend_high_u8x16(va), u16x8_extend_high_u8x16(vb));
        acc = i32x4_add(acc, i32x4_add(lo, hi));
    }
    let lanes = u32x4_extract_lane::<0>(acc)
        + u32x4_extract_lane::<1>(acc)
        + u32x4_extract_lane::<2>(acc)
        + u32x4_extract_lane::<3>(acc);
    lanes + tail
}

/// z ← z + c·g, element by element (z and g of equal length).
pub(crate) fn axpy(z: &mut [f64], c: f64, g: &[f64]) {
    let cc = f64x2_splat(c);
    let mut zc = z.chunks_exact_mut(2);
    let mut gc = g.chunks_exact(2);
    for (zs, gs) in (&mut zc).zip(&mut gc) {
        // SAFETY: both chunks hold two f64; v128_load/v128_store allow unaligned access.
        unsafe {
            let zv = v128_load(zs.as_ptr() as *const v128);
            let gv = v128_load(gs.as_ptr() as *const v128);
            v128_store(
                zs.as_mut_ptr() as *mut v128,
                f64x2_add(zv, f64x2_mul(cc, gv)),
            );
        }
    }
    for (z, g) in zc.into_remainder().iter_mut().zip(gc.remainder()) {
        *z += c * g;
    }
}
