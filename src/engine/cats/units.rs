//! What a first-layer unit learned: its 12288 weights as a 64×64 colour picture.

use crate::engine::image::{CHANNELS, SIDE};

/// Weights w (12288, pixel-first) as 64×64×4 RGBA: per channel 0 ↦ 128,
/// +max|w| ↦ 255 and −max|w| ↦ 0 (each channel on its own scale; all 128 when w = 0).
pub(crate) fn picture(w: &[f64]) -> Vec<u8> {
    let mut peak = [0.0f64; CHANNELS];
    for (j, w) in w.iter().enumerate() {
        peak[j % CHANNELS] = peak[j % CHANNELS].max(w.abs());
    }
    let level = |w: f64, peak: f64| -> u8 {
        if peak == 0.0 || !w.is_finite() {
            128
        } else if w >= 0.0 {
            (128.0 + 127.0 * w / peak).round() as u8
        } else {
            (128.0 + 128.0 * w / peak).round() as u8
        }
    };
    let mut rgba = Vec::with_capacity(SIDE * SIDE * 4);
    for pixel in w.chunks_exact(CHANNELS) {
        rgba.extend((0..CHANNELS).map(|c| level(pixel[c], peak[c])));
        rgba.push(255);
    }
    rgba
}
