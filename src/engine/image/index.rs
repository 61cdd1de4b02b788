//! Where pixel (row, col, channel) lands in the 12288-long feature vector.
//!
//! Two conventions: channel-first stacks the R matrix, then G, then B
//! (index = c·4096 + r·64 + col); pixel-first keeps the three values of one pixel
//! together (index = (r·64 + col)·3 + c), which is what `reshape(m, -1)` of an
//! (m, 64, 64, 3) array gives — the course's layout.

use serde::Serialize;

use super::{CHANNELS, FEATURES, SIDE};

/// The order in which a 64×64×3 picture is unrolled into a vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Order {
    /// All R values (row by row), then all G, then all B: c·4096 + r·64 + col.
    ChannelFirst,
    /// Pixel by pixel, R G B each: (r·64 + col)·3 + c.
    PixelFirst,
}

/// The feature index of (row, col, channel), each 0-based (row, col < 64, channel < 3).
/// Out-of-range arguments give an index ≥ 12288 or an alias; callers pass valid ones.
pub fn index_of(row: usize, col: usize, channel: usize, order: Order) -> usize {
    match order {
        Order::ChannelFirst => channel * SIDE * SIDE + row * SIDE + col,
        Order::PixelFirst => (row * SIDE + col) * CHANNELS + channel,
    }
}

/// The (row, col, channel) of a feature index, or `None` when index ≥ 12288.
pub fn position_of(index: usize, order: Order) -> Option<(usize, usize, usize)> {
    if index >= FEATURES {
        return None;
    }
    Some(match order {
        Order::ChannelFirst => {
            let (channel, pixel) = (index / (SIDE * SIDE), index % (SIDE * SIDE));
            (pixel / SIDE, pixel % SIDE, channel)
        }
        Order::PixelFirst => {
            let (pixel, channel) = (index / CHANNELS, index % CHANNELS);
            (pixel / SIDE, pixel % SIDE, channel)
        }
    })
}
