//! An accurate tanh without library calls, so that it inlines into the training
//! loops and vectorises: `tanh(a) = −e/(e + 2)` with `e = expm1(−2|a|)` (no
//! cancellation for small `a`, since expm1 is computed directly), the sign put back.
//! `expm1(y)` for `y ≤ 0`: `y = k·ln2 + r` (Cody–Waite, |r| ≤ ½ln2), `expm1(r)` by its
//! Taylor series to r¹³ (truncation below 1e-17 relative; Estrin's scheme), then
//! `expm1(y) = 2ᵏ·expm1(r) + (2ᵏ − 1)`. Within 3 ulp of std's tanh
//! (tested against std's over 10⁶ points).

/// The constants, shared with the two-lane version (`engine::lanes`).
pub mod consts {
    /// ln 2 split for Cody–Waite (fdlibm's): `LN2_HI` has 32 bits, so `k·LN2_HI` is exact.
    pub const LN2_HI: f64 = 0.693_147_180_369_123_8;
    pub const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
    pub const INV_LN2: f64 = std::f64::consts::LOG2_E;
    /// Beyond this |a|, tanh(a) rounds to ±1.
    pub const SATURATION: f64 = 20.0;

    /// `1/n!` for n = 2..=13: the coefficients of `(expm1(r) − r)/r²`.
    pub const INV_FACT: [f64; 12] = [
        1.0 / 2.0,
        1.0 / 6.0,
        1.0 / 24.0,
        1.0 / 120.0,
        1.0 / 720.0,
        1.0 / 5040.0,
        1.0 / 40320.0,
        1.0 / 362_880.0,
        1.0 / 3_628_800.0,
        1.0 / 39_916_800.0,
        1.0 / 479_001_600.0,
        1.0 / 6_227_020_800.0,
    ];

    /// `1.5·2⁵²`: adding and subtracting it rounds a float of magnitude < 2⁵¹ to the nearest
    /// integer, ties to even (no library call, on every target).
    pub const ROUNDER: f64 = 6_755_399_441_055_744.0;
    /// `2⁵² + 1023`.
    pub const EXP_BIAS: f64 = 4_503_599_627_371_519.0;
}

use consts::*;

/// `eʸ − 1` for `−2·SATURATION ≤ y ≤ 0`. The polynomial is evaluated by Estrin's scheme
/// (pairs, then powers r², r⁴, r⁸) so its dependency chain is short.
#[inline(always)]
fn expm1_nonpositive(y: f64) -> f64 {
    let k = (y * INV_LN2 + ROUNDER) - ROUNDER;
    let r = (y - k * LN2_HI) - k * LN2_LO;
    let c = &INV_FACT;
    let (r2, r4) = (r * r, r * r * (r * r));
    let q0 = c[0] + c[1] * r;
    let q1 = c[2] + c[3] * r;
    let q2 = c[4] + c[5] * r;
    let q3 = c[6] + c[7] * r;
    let q4 = c[8] + c[9] * r;
    let q5 = c[10] + c[11] * r;
    let p = (q0 + q1 * r2) + (q2 + q3 * r2) * r4 + (q4 + q5 * r2) * (r4 * r4);
    let em1 = r + r2 * p;
    // 2ᵏ built from bits without a float→int conversion (which would not vectorise):
    // 2⁵² + 1023 + k holds 1023 + k in its low mantissa bits.
    let scale = f64::from_bits((k + EXP_BIAS).to_bits() << 52);
    scale * em1 + (scale - 1.0)
}

/// `tanh(x)`, a few ulp from the correctly rounded value; ±0 and NaN pass through,
/// ±∞ give ±1.
#[inline(always)]
pub fn tanh(x: f64) -> f64 {
    let a = if x.abs() > SATURATION {
        SATURATION
    } else {
        x.abs()
    };
    let e = expm1_nonpositive(-2.0 * a);
    let t = -e / (e + 2.0);
    if x.is_nan() {
        x
    } else {
        t.copysign(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ulps(a: f64, b: f64) -> u64 {
        (a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs()
    }

    #[test]
    fn tanh_is_within_a_few_ulp_of_std() {
        let mut worst = 0;
        let mut rng = crate::engine::rng::Rng::new(3);
        for k in 0..1_000_000 {
            // log-uniform magnitudes from 1e-12 to 30, both signs
            let x = 10f64.powf(rng.uniform(-12.0, 1.5)) * if k % 2 == 0 { 1.0 } else { -1.0 };
            worst = worst.max(ulps(tanh(x), x.tanh()));
        }
        assert!(worst <= 3, "worst {worst} ulp");
        assert_eq!(
            (tanh(0.0), tanh(-0.0).to_bits()),
            (0.0, (-0.0f64).to_bits())
        );
        assert_eq!((tanh(f64::INFINITY), tanh(-50.0)), (1.0, -1.0));
        assert!(tanh(f64::NAN).is_nan());
    }
}
