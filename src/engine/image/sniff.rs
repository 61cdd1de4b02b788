//! Header sniffing: the format and size of a picture from its first bytes, so the
//! page can refuse what is not a picture, or is too large, before decoding it.
//!
//! PNG: width and height are the first fields of the IHDR chunk. GIF: the logical
//! screen descriptor. JPEG: the first SOFn segment, found by walking the marker
//! segments. WebP: the first chunk of the RIFF container, VP8 (lossy), VP8L
//! (lossless) or VP8X (extended).

use serde::Serialize;

use super::MAX_MEGAPIXELS;
use crate::engine::cats::error::{CatError, Kind};

/// A picture file format the page can decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Format {
    Png,
    Jpeg,
    Gif,
    Webp,
}

/// What the header says: format and size in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    pub format: Format,
    /// Width in pixels (≥ 1).
    pub width: u32,
    /// Height in pixels (≥ 1).
    pub height: u32,
}

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Reads only the header (magic bytes + dimensions). Errors: not-an-image (no known
/// signature), image-corrupt (truncated or zero-sized header), image-too-large (more
/// than [`MAX_MEGAPIXELS`]).
pub fn sniff(bytes: &[u8]) -> Result<ImageInfo, CatError> {
    let (format, size) = if bytes.starts_with(PNG_MAGIC) {
        (Format::Png, png_size(bytes))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        (Format::Gif, gif_size(bytes))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        (Format::Jpeg, jpeg_size(bytes))
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        (Format::Webp, webp_size(bytes))
    } else {
        return Err(CatError::new(Kind::NotAnImage));
    };
    let (width, height) = size
        .filter(|&(w, h)| w > 0 && h > 0)
        .ok_or_else(|| CatError::new(Kind::ImageCorrupt))?;
    check_megapixels(width, height)?;
    Ok(ImageInfo {
        format,
        width,
        height,
    })
}

/// image-too-large when width·height exceeds [`MAX_MEGAPIXELS`] million pixels.
pub(crate) fn check_megapixels(width: u32, height: u32) -> Result<(), CatError> {
    let megapixels = width as f64 * height as f64 / 1e6;
    if megapixels > MAX_MEGAPIXELS {
        Err(CatError::new(Kind::ImageTooLarge {
            // Rounded up to 0.1, so that the message never says "40.0, more than 40".
            megapixels: (megapixels * 10.0).ceil() / 10.0,
            limit: MAX_MEGAPIXELS,
        }))
    } else {
        Ok(())
    }
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]) as u32)
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u16::from_le_bytes([*b.get(at)?, *b.get(at + 1)?]) as u32)
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    Some(le16(b, at)? | (*b.get(at + 2)? as u32) << 16)
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 4)?;
    Some(u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
}

/// IHDR must be the first chunk: length (4) "IHDR" width (4, BE) height (4, BE).
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    Some((be32(b, 16)?, be32(b, 20)?))
}

/// Logical screen width and height, little-endian u16 after the 6-byte signature.
fn gif_size(b: &[u8]) -> Option<(u32, u32)> {
    Some((le16(b, 6)?, le16(b, 8)?))
}

/// Walks marker segments from after SOI to the first SOFn (C0–CF except DHT C4,
/// JPG C8, DAC CC), whose payload is precision (1), height (2, BE), width (2, BE).
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        if *b.get(at)? != 0xFF {
            return None;
        }
        while *b.get(at)? == 0xFF {
            at += 1; // fill bytes
        }
        let marker = *b.get(at)?;
        at += 1;
        match marker {
            0x01 | 0xD0..=0xD7 => continue, // standalone: no length field
            0xD8..=0xDA => return None,     // SOI again, EOI or scan data before any SOF
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                return Some((be16(b, at + 5)?, be16(b, at + 3)?));
            }
            _ => {
                let length = be16(b, at)? as usize;
                if length < 2 {
                    return None;
                }
                at += length;
            }
        }
    }
}

/// The first chunk after "RIFF" size "WEBP" at byte 12; its payload starts at 20.
fn webp_size(b: &[u8]) -> Option<(u32, u32)> {
    match b.get(12..16)? {
        // Lossy: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
        b"VP8 " => {
            if b.get(23..26)? != [0x9D, 0x01, 0x2A] {
                return None;
            }
            Some((le16(b, 26)? & 0x3FFF, le16(b, 28)? & 0x3FFF))
        }
        // Lossless: signature 0x2F, then 14 bits width−1 and 14 bits height−1.
        b"VP8L" => {
            if *b.get(20)? != 0x2F {
                return None;
            }
            let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        // Extended: flags (1), reserved (3), canvas width−1 and height−1 (24 bits each).
        b"VP8X" => Some((le24(b, 24)? + 1, le24(b, 27)? + 1)),
        _ => None,
    }
}
