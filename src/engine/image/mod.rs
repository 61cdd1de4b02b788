//! The input layer: a picture is three matrices R, G, B; a 64×64 picture becomes
//! one feature vector of 64·64·3 = 12288 numbers.
//!
//! The page decodes files in the browser; the engine sniffs headers (to refuse
//! what is not a picture or is too large before decoding), crops and resamples
//! RGBA to 64×64 RGB, and maps pixel positions to feature indices.

mod index;
mod picture;
mod resample;
mod sniff;

pub use crate::engine::cats::CatError;
pub use index::{index_of, position_of, Order};
pub use picture::Picture;
pub use resample::centre_crop;
pub use sniff::{sniff, Format, ImageInfo};

/// Side of the network's input picture, in pixels.
pub const SIDE: usize = 64;
/// Colour channels: R, G, B.
pub const CHANNELS: usize = 3;
/// Features of one picture: 64·64·3 = 12288.
pub const FEATURES: usize = SIDE * SIDE * CHANNELS;
/// The largest picture accepted, in megapixels (10⁶ pixels), checked before decoding.
pub const MAX_MEGAPIXELS: f64 = 40.0;
