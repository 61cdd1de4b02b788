//! How long and how much memory a run will take, estimated from the layer sizes
//! and the pictures before it starts, so that a network the page cannot train in
//! reasonable time or memory is refused with the estimate instead of freezing it.
//!
//! Work (multiply-adds) of the first layer's kernel (see [`super::basis`]):
//! once, G and K: m(m+1)/2·n + m·m_test·n level products, P₀: n₁·n·(m + m_test);
//! per iteration C·G: n₁·m², each later layer ≈ 3·n_out·n_in·m, and ≈ 8·Σnₗ·m
//! element-wise operations. The rates are about half what the page's release build
//! sustains on the project's machine (BENCHMARKS.md: the L-layer model's 2.6 G
//! multiply-adds in 0.73 s), for slower computers.

use super::config::Model;
use super::error::{CatError, Kind};
use crate::engine::image::FEATURES;

/// Level products per second (exact u8 sums, wasm SIMD).
const LEVEL_RATE: f64 = 2.0e9;
/// f64 multiply-adds per second.
const FLOAT_RATE: f64 = 1.5e9;
/// The longest run the page starts, in seconds.
pub const MAX_SECONDS: f64 = 600.0;
/// The most memory a run may hold, in MB.
pub const MAX_MEGABYTES: f64 = 1024.0;

/// The estimated cost of a run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    /// Seconds of computation, preparation included.
    pub seconds: f64,
    /// Megabytes the run holds (pictures, G and K, parameters, activations).
    pub megabytes: f64,
}

/// The estimate for `model` trained `iterations` times on m pictures (m_test tested).
pub fn estimate(model: &Model, iterations: usize, m: usize, m_test: usize) -> Estimate {
    let dims = model.dims();
    let n = FEATURES as f64;
    let (m, t, n1) = (m as f64, m_test as f64, dims[1] as f64);
    let later: f64 = dims[1..].windows(2).map(|p| (p[0] * p[1]) as f64).sum();
    let units: f64 = dims[1..].iter().map(|&u| u as f64).sum();
    let levels = (m * (m + 1.0) / 2.0 + m * t) * n;
    let once = n1 * n * (m + t);
    let each = n1 * m * m + 3.0 * later * m + 8.0 * units * m;
    let seconds = levels / LEVEL_RATE + (once + iterations as f64 * each) / FLOAT_RATE;
    let floats = n1 * n + m * m + m * t + 3.0 * later + 6.0 * units * (m + t) + 4.0 * n1 * m;
    let megabytes = (8.0 * floats + 2.0 * (m + t) * n) / 1e6;
    Estimate { seconds, megabytes }
}

/// too-big when the estimate exceeds [`MAX_SECONDS`] or [`MAX_MEGABYTES`].
pub fn check(model: &Model, iterations: usize, m: usize, m_test: usize) -> Result<(), CatError> {
    let e = estimate(model, iterations, m, m_test);
    if e.seconds > MAX_SECONDS || e.megabytes > MAX_MEGABYTES {
        return Err(CatError::new(Kind::TooBig {
            seconds: e.seconds,
            megabytes: e.megabytes,
        }));
    }
    Ok(())
}
