//! Crop and resample: the centre square of a picture, area-averaged to 64×64.
//!
//! Output pixel o along an axis covers source interval [o·s/64, (o+1)·s/64) of the
//! square's side s. Measured in 1/64 of a source pixel, that is [o·s, (o+1)·s) and
//! source pixel i is [64·i, 64·(i+1)): every overlap is an integer, each output's
//! weights sum to s, and the box filter with fractional coverage is exact.

use super::{CHANNELS, SIDE};

/// The centre square of a width×height picture: (x0, y0, side) in source pixels,
/// side = min(width, height), the leftover split evenly (odd pixel to the right/bottom).
pub fn centre_crop(width: u32, height: u32) -> (u32, u32, u32) {
    let side = width.min(height);
    ((width - side) / 2, (height - side) / 2, side)
}

/// One source pixel's share of one output pixel, in 1/64 source pixels.
#[derive(Clone, Copy, Debug)]
struct Tap {
    source: usize,
    weight: f64,
}

/// For each of the 64 outputs along one axis, the source pixels it overlaps and how much.
fn taps(side: usize) -> Vec<Vec<Tap>> {
    (0..SIDE)
        .map(|o| {
            let (lo, hi) = (o * side, (o + 1) * side);
            (lo / SIDE..hi.div_ceil(SIDE))
                .map(|i| {
                    let overlap = hi.min((i + 1) * SIDE) - lo.max(i * SIDE);
                    Tap {
                        source: i,
                        weight: overlap as f64,
                    }
                })
                .collect()
        })
        .collect()
}

/// An RGBA value composited over white, per channel: c·a/255 + 255·(1 − a/255).
fn over_white(rgba: &[u8], at: usize, channel: usize) -> f64 {
    let alpha = rgba[at + 3] as f64 / 255.0;
    rgba[at + channel] as f64 * alpha + 255.0 * (1.0 - alpha)
}

/// Area-averages the square (x0, y0, side) of a `width`-wide RGBA buffer to 64×64 RGB,
/// H×W×C. The caller has checked that the buffer holds the square.
pub(crate) fn resample_square(rgba: &[u8], width: usize, square: (usize, usize, usize)) -> Vec<u8> {
    let (x0, y0, side) = square;
    let taps = taps(side); // the square has the same taps along both axes
                           // Horizontal pass: every source row of the square → 64 columns × 3 channels.
    let mut rows = vec![0.0f64; side * SIDE * CHANNELS];
    for r in 0..side {
        let line = (y0 + r) * width;
        for (o, col_taps) in taps.iter().enumerate() {
            for c in 0..CHANNELS {
                let sum: f64 = col_taps
                    .iter()
                    .map(|t| t.weight * over_white(rgba, (line + x0 + t.source) * 4, c))
                    .sum();
                rows[(r * SIDE + o) * CHANNELS + c] = sum;
            }
        }
    }
    // Vertical pass, then divide by the total weight s² and round to the nearest level.
    let norm = (side * side) as f64;
    let mut out = vec![0u8; SIDE * SIDE * CHANNELS];
    for (o, row_taps) in taps.iter().enumerate() {
        for k in 0..SIDE * CHANNELS {
            let sum: f64 = row_taps
                .iter()
                .map(|t| t.weight * rows[t.source * SIDE * CHANNELS + k])
                .sum();
            out[o * SIDE * CHANNELS + k] = (sum / norm).round().clamp(0.0, 255.0) as u8;
        }
    }
    out
}
