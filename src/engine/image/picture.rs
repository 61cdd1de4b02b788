//! A 64×64 RGB picture, stored pixel-first (H, W, C) as the course's arrays are.

use super::index::{index_of, Order};
use super::resample::{centre_crop, resample_square};
use super::sniff::check_megapixels;
use super::{CHANNELS, FEATURES, SIDE};
use crate::engine::cats::error::{CatError, Kind};

/// 64×64×3 RGB levels 0–255, stored pixel-first (H, W, C): the value of (row, col,
/// channel) sits at (row·64 + col)·3 + channel.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pixels: Vec<u8>,
}

impl Picture {
    /// Centre crop to a square, then area-average resample to 64×64; alpha composited
    /// over white. `rgba` is width×height×4 bytes, row-major (else image-corrupt);
    /// more than [`MAX_MEGAPIXELS`](super::MAX_MEGAPIXELS) is image-too-large.
    pub fn from_rgba(rgba: &[u8], width: u32, height: u32) -> Result<Picture, CatError> {
        check_megapixels(width, height)?;
        let expected = width as usize * height as usize * 4;
        if width == 0 || height == 0 || rgba.len() != expected {
            return Err(CatError::new(Kind::ImageCorrupt));
        }
        let (x0, y0, side) = centre_crop(width, height);
        let square = (x0 as usize, y0 as usize, side as usize);
        Ok(Picture {
            pixels: resample_square(rgba, width as usize, square),
        })
    }

    /// A picture from 12288 levels, H×W×C. Another length is image-corrupt.
    pub fn from_pixels(pixels: Vec<u8>) -> Result<Picture, CatError> {
        if pixels.len() == FEATURES {
            Ok(Picture { pixels })
        } else {
            Err(CatError::new(Kind::ImageCorrupt))
        }
    }

    /// The 12288 levels, H×W×C.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// The level of (row, col, channel); row, col < 64, channel < 3 (0 = R, 1 = G, 2 = B).
    /// Out of range reads give 0.
    pub fn get(&self, row: usize, col: usize, channel: usize) -> u8 {
        if row >= SIDE || col >= SIDE || channel >= CHANNELS {
            return 0;
        }
        self.pixels[index_of(row, col, channel, Order::PixelFirst)]
    }

    /// One channel as a 64×64 row-major matrix (the R, G or B matrix of the tutorial).
    /// A channel ≥ 3 gives an empty vector.
    pub fn channel(&self, channel: usize) -> Vec<u8> {
        if channel >= CHANNELS {
            return Vec::new();
        }
        self.pixels
            .iter()
            .skip(channel)
            .step_by(CHANNELS)
            .copied()
            .collect()
    }

    /// The 12288 levels unrolled in `order`.
    pub fn flatten(&self, order: Order) -> Vec<u8> {
        match order {
            Order::PixelFirst => self.pixels.clone(),
            Order::ChannelFirst => (0..CHANNELS).flat_map(|c| self.channel(c)).collect(),
        }
    }

    /// 64×64×4 RGBA (alpha 255), row-major, for the page's `ImageData`.
    pub fn to_rgba(&self) -> Vec<u8> {
        self.pixels
            .chunks_exact(CHANNELS)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect()
    }
}
