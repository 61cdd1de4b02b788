//! The one product every trainer spends its time in: Σᵢ xᵢ·vᵢ of levels x (u8)
//! with real numbers v, exactly. Forward it is zᵢ ∝ Σⱼ xᵢⱼ·wⱼ (a picture's row
//! with the weights); backward gⱼ = Σᵢ dᵢ·xᵢⱼ (a feature's column of the
//! transposed levels with the per-example errors dᵢ), for every feature j.
//!
//! v is put in fixed point, vᵢ ≈ (hiᵢ·2¹⁵ + loᵢ)/scale with 16-bit hi and lo and a
//! power-of-two scale that puts the largest |vᵢ| in [2²⁹, 2³⁰) ([`Fixed`]: signed
//! 31-bit integers); then Σ xᵢ·hiᵢ and Σ xᵢ·loᵢ are integer sums, exact, and the
//! only error is that of the fixed point, below 2⁻³⁰·max|v| per value. Why not f32: rounding v (or the
//! running sums) to f32 gives relative errors of a few 10⁻⁸ per iteration, and the
//! early, oscillating iterations of the course's settings amplify them past 10⁻⁶.
//! Why not f64: integers are both exact and faster — SIMD multiplies 16-bit pairs
//! and adds them into 32-bit lanes in one instruction (`i32x4.dot_i16x8_s`).
//!
//! With `simd128` (see .cargo/config.toml) the wasm build runs the explicit SIMD
//! of [`super::simd128`]: the release profile optimises for size, which turns off
//! LLVM's auto-vectoriser. Elsewhere the portable loop below runs.

/// Values per padded vector: every [`Fixed`] and every column is a multiple of this.
pub(crate) const PAD: usize = 16;
/// Largest fixed-point magnitude: 2³⁰ − 1, so that hi = q >> 15 fits in i16.
const FIXED_MAX: f64 = 1_073_741_823.0;
/// Products summed in i32 before going into the i64 total: 256·255·2¹⁵ < 2³¹
/// (a multiple of [`PAD`]).
pub(crate) const FLUSH: usize = 256;

/// Numbers vᵢ in fixed point: vᵢ ≈ (hiᵢ·2¹⁵ + loᵢ) / scale, −2¹⁵ ≤ hiᵢ < 2¹⁵,
/// 0 ≤ loᵢ < 2¹⁵, scale a power of two; the error, ½/scale, is below 2⁻³⁰·max|v|.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fixed {
    pub(crate) hi: Vec<i16>,
    pub(crate) lo: Vec<i16>,
    pub(crate) scale: f64,
}

impl Fixed {
    /// `v` in fixed point, padded with zeros to a multiple of [`PAD`].
    pub(crate) fn new(v: &[f64]) -> Fixed {
        let peak = v.iter().fold(0.0f64, |p, x| p.max(x.abs()));
        let mut exponent = if peak > 0.0 {
            (FIXED_MAX / peak).log2().floor().min(900.0) as i32
        } else {
            0
        };
        while peak * 2f64.powi(exponent) > FIXED_MAX {
            exponent -= 1; // log2 rounded up
        }
        let scale = 2f64.powi(exponent);
        let len = v.len().div_ceil(PAD) * PAD;
        let (mut hi, mut lo) = (vec![0i16; len], vec![0i16; len]);
        for (i, x) in v.iter().enumerate() {
            let q = (x * scale).round() as i64;
            hi[i] = (q >> 15) as i16;
            lo[i] = (q & 0x7FFF) as i16;
        }
        Fixed { hi, lo, scale }
    }

    /// True when every vᵢ is 0.
    pub(crate) fn is_zero(&self) -> bool {
        self.hi.iter().chain(&self.lo).all(|&v| v == 0)
    }
}

/// Σᵢ xᵢ·vᵢ for levels x and fixed-point v of the same length.
pub(crate) fn dot(x: &[u8], v: &Fixed) -> f64 {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    if x.len() % PAD == 0 && x.len() == v.hi.len() {
        return super::simd128::dot(x, v);
    }
    // Sixteen independent i32 lanes per block, so that an optimising build vectorises.
    let block_sum = |x: &[u8], d: &[i16]| -> i64 {
        let mut acc = [0i32; PAD];
        let (xc, dc) = (x.chunks_exact(PAD), d.chunks_exact(PAD));
        let tail = xc.remainder().iter().zip(dc.remainder());
        let tail: i32 = tail.map(|(&x, &d)| i32::from(x) * i32::from(d)).sum();
        for (xs, ds) in xc.zip(dc) {
            for k in 0..PAD {
                acc[k] += i32::from(xs[k]) * i32::from(ds[k]);
            }
        }
        acc.iter().map(|&a| i64::from(a)).sum::<i64>() + i64::from(tail)
    };
    let (mut hi, mut lo) = (0i64, 0i64);
    for ((x, h), l) in x
        .chunks(FLUSH)
        .zip(v.hi.chunks(FLUSH))
        .zip(v.lo.chunks(FLUSH))
    {
        hi += block_sum(x, h);
        lo += block_sum(x, l);
    }
    (hi as f64 * 32768.0 + lo as f64) / v.scale
}

/// outᵢ = Σⱼ xᵢⱼ·vⱼ for every row i of a matrix of levels whose rows have v's
/// (padded) length, two rows at a time so that each load of v serves both.
/// Forward: the rows of X against w. Backward: the rows of Xᵀ (one per feature)
/// against the errors dz, giving Σᵢ dzᵢ·xᵢⱼ for every feature j.
pub(crate) fn row_dots(matrix: &[u8], v: &Fixed, out: &mut [f64]) {
    out.fill(0.0); // a row the matrix lacks sums nothing
    let n = v.hi.len().max(1);
    let mut pairs = matrix.chunks_exact(2 * n).zip(out.chunks_exact_mut(2));
    for (pair, sums) in &mut pairs {
        let (a, b) = pair.split_at(n);
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        let (za, zb) = super::simd128::dot_pair(a, b, v);
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        let (za, zb) = (dot(a, v), dot(b, v));
        sums.copy_from_slice(&[za, zb]);
    }
    let done = 2 * (out.len() / 2).min(matrix.len() / (2 * n));
    for (row, sum) in matrix[done * n..].chunks_exact(n).zip(&mut out[done..]) {
        *sum = dot(row, v);
    }
}

// In wasm these run under wasm-bindgen-test, where the SIMD kernels are the ones
// called: `cargo test --target wasm32-unknown-unknown --lib` with the runner set
// (see BENCHMARKS.md).
#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn dot_matches_the_plain_f64_loop_within_the_fixed_point_error() {
        // 12288 weights of mixed sizes, and 37 (not a multiple of 16: the portable
        // loop in wasm too). The error is at most Σ xᵢ·½/scale < n·255·max|w|/(2³⁰ − 1).
        for n in [12288usize, 37] {
            let x: Vec<u8> = (0..n).map(|j| (j * 13 % 256) as u8).collect();
            let w: Vec<f64> = (0..n)
                .map(|j| 0.001 * (j % 17) as f64 - 0.0081 + 1e-7 * j as f64)
                .collect();
            let plain: f64 = x.iter().zip(&w).map(|(&a, &b)| a as f64 * b).sum();
            let peak = w.iter().fold(0.0f64, |p, v| p.max(v.abs()));
            let bound = n as f64 * 255.0 * peak / 1073741823.0;
            let mut x_padded = x.clone();
            x_padded.resize(n.div_ceil(PAD) * PAD, 0);
            let got = dot(&x_padded, &Fixed::new(&w));
            assert!((got - plain).abs() <= bound, "n = {n}: {got} vs {plain}");
        }
        assert_eq!(dot(&[7; 32], &Fixed::new(&[0.0; 32])), 0.0);
    }

    #[test]
    fn fixed_point_keeps_31_bits_of_the_largest_value() {
        let d = [0.75, -0.3, 1e-9, 0.0, -0.75];
        let f = Fixed::new(&d);
        assert_eq!(f.scale, 2f64.powi(30)); // 0.75·2³⁰ < 2³⁰ − 1 ≤ 0.75·2³¹
        assert_eq!((f.hi.len(), f.lo.len()), (16, 16));
        for (i, v) in d.iter().enumerate() {
            let back = (f.hi[i] as f64 * 32768.0 + f.lo[i] as f64) / f.scale;
            assert!((back - v).abs() <= 0.5 / f.scale, "{v} came back as {back}");
            assert!(f.lo[i] >= 0); // 15 bits: 0..=32767
        }
        assert!(f.hi[5..].iter().chain(&f.lo[5..]).all(|&v| v == 0));
        assert!(Fixed::new(&[0.0; 3]).is_zero());
        // A value of exactly ±1 (a saturated σ) still fits.
        let ones = Fixed::new(&[1.0, -1.0]);
        assert_eq!(
            (ones.hi[0], ones.hi[1], ones.scale),
            (16384, -16384, 2f64.powi(29))
        );
    }

    #[test]
    fn row_dots_are_exact_for_fixed_point_values() {
        // dᵢ = kᵢ/2³⁰ with integers |kᵢ| < 2³⁰ (all 30 bits in use, so hi and lo both
        // matter) and a peak that makes the scale exactly 2³⁰. 3 features × 20 pictures
        // (padded to 32), and 2 × 2000 (several i32 blocks, levels 255 against the extremes).
        let mut rng = crate::engine::rng::Rng::new(5);
        for (features, count, m) in [(3, 20, 32), (2, 2000, 2000)] {
            let mut d: Vec<f64> = (0..count)
                .map(|_| ((rng.next_u64() % (1 << 31)) as f64 - 1073741823.0) / 1073741824.0)
                .collect();
            d[0] = 1073741823.0 / 1073741824.0;
            let f = Fixed::new(&d);
            assert_eq!(f.hi.len(), m);
            assert_eq!(f.scale, 1073741824.0);
            let columns: Vec<u8> = (0..features * m)
                .map(|k| if m == 2000 { 255 } else { (k * 37 % 256) as u8 })
                .collect();
            let mut out = vec![0.0; features];
            row_dots(&columns, &f, &mut out);
            for j in 0..features {
                // Exact in i128, then one rounding to f64 — as the kernel's single division.
                let exact: i128 = (0..count)
                    .map(|i| (d[i] * 1073741824.0) as i128 * columns[j * m + i] as i128)
                    .sum();
                assert_eq!(
                    out[j],
                    exact as f64 / 1073741824.0,
                    "feature {j} of {features}"
                );
            }
        }
    }
}
