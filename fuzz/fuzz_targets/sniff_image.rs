//! Fuzz target: arbitrary bytes to the picture header sniffer `sniff`. No input may
//! panic. An accepted header must have width, height ≥ 1 and at most MAX_MEGAPIXELS
//! million pixels, a format that matches the magic bytes, and the size an independent
//! reading of that format's header gives; bytes after an accepted header change
//! nothing. A refusal is not-an-image exactly when no signature matches, and
//! image-too-large reports more megapixels than the limit.

#![no_main]

use backprop_lab::engine::image::{sniff, Format, ImageInfo, MAX_MEGAPIXELS};
use libfuzzer_sys::fuzz_target;

/// The format the magic bytes announce, if any.
fn magic(b: &[u8]) -> Option<Format> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Some(Format::Gif)
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if b.len() >= 12 && b.starts_with(b"RIFF") && &b[8..12] == b"WEBP" {
        Some(Format::Webp)
    } else {
        None
    }
}

fn be16(b: &[u8], at: usize) -> u32 {
    u32::from(u16::from_be_bytes([b[at], b[at + 1]]))
}
fn le16(b: &[u8], at: usize) -> u32 {
    u32::from(u16::from_le_bytes([b[at], b[at + 1]]))
}

/// The size stored where each format keeps it (JPEG: some SOFn segment holds it).
fn agrees(b: &[u8], info: &ImageInfo) -> bool {
    let (w, h) = (info.width, info.height);
    match info.format {
        Format::Png => {
            &b[12..16] == b"IHDR"
                && u32::from_be_bytes(b[16..20].try_into().unwrap()) == w
                && u32::from_be_bytes(b[20..24].try_into().unwrap()) == h
        }
        Format::Gif => le16(b, 6) == w && le16(b, 8) == h,
        Format::Jpeg => (2..b.len().saturating_sub(8)).any(|k| {
            b[k] == 0xFF
                && matches!(b[k + 1], 0xC0..=0xCF)
                && !matches!(b[k + 1], 0xC4 | 0xC8 | 0xCC)
                && be16(b, k + 5) == h
                && be16(b, k + 7) == w
        }),
        Format::Webp => match &b[12..16] {
            b"VP8 " => le16(b, 26) & 0x3FFF == w && le16(b, 28) & 0x3FFF == h,
            b"VP8L" => {
                let bits = u32::from_le_bytes(b[21..25].try_into().unwrap());
                b[20] == 0x2F && (bits & 0x3FFF) + 1 == w && ((bits >> 14) & 0x3FFF) + 1 == h
            }
            b"VP8X" => {
                let le24 = |at: usize| le16(b, at) | u32::from(b[at + 2]) << 16;
                le24(24) + 1 == w && le24(27) + 1 == h
            }
            _ => false,
        },
    }
}

fuzz_target!(|data: &[u8]| {
    let announced = magic(data);
    match sniff(data) {
        Ok(info) => {
            assert_eq!(Some(info.format), announced);
            assert!(info.width >= 1 && info.height >= 1);
            assert!(f64::from(info.width) * f64::from(info.height) <= MAX_MEGAPIXELS * 1e6);
            assert!(agrees(data, &info), "{info:?} not in the header");
            // Only the header is read: trailing bytes change nothing.
            let mut longer = data.to_vec();
            longer.extend_from_slice(&[0xFF, 0xD9, 0, 0xFF]);
            assert_eq!(sniff(&longer).ok(), Some(info));
        }
        Err(err) => {
            assert!(!err.to_string().is_empty());
            match err.code() {
                "not-an-image" => assert_eq!(announced, None),
                "image-corrupt" => assert!(announced.is_some()),
                "image-too-large" => {
                    assert!(announced.is_some());
                    let arg = |k: &str| -> f64 {
                        let v = err.args().into_iter().find(|(n, _)| *n == k);
                        v.expect("argument present").1.parse().expect("a number")
                    };
                    assert!(arg("megapixels") > arg("limit"));
                    assert_eq!(arg("limit"), MAX_MEGAPIXELS);
                }
                code => panic!("undocumented code {code}"),
            }
        }
    }
});
