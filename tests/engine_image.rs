//! The input layer: flatten index formulas, header sniffing, centre crop and
//! area-average resampling, against hand-computed values and an independent
//! 2-D area integral.

use backprop_lab::engine::image::{
    centre_crop, index_of, position_of, sniff, Format, Order, Picture, CHANNELS, FEATURES,
    MAX_MEGAPIXELS, SIDE,
};

#[test]
fn index_formulas_are_bijections_matching_the_explicit_formulas() {
    for order in [Order::ChannelFirst, Order::PixelFirst] {
        let mut seen = vec![false; FEATURES];
        for r in 0..SIDE {
            for c in 0..SIDE {
                for ch in 0..CHANNELS {
                    let i = index_of(r, c, ch, order);
                    let explicit = match order {
                        Order::ChannelFirst => ch * 4096 + r * 64 + c,
                        Order::PixelFirst => (r * 64 + c) * 3 + ch,
                    };
                    assert_eq!(i, explicit, "{order:?} ({r}, {c}, {ch})");
                    assert!(!seen[i], "{order:?}: index {i} hit twice");
                    seen[i] = true;
                    assert_eq!(position_of(i, order), Some((r, c, ch)));
                }
            }
        }
        assert!(seen.iter().all(|&s| s), "{order:?}: not onto");
        assert_eq!(position_of(FEATURES, order), None);
    }
    // Spot values from the tutorial's picture of the R, G, B matrices.
    assert_eq!(index_of(0, 1, 0, Order::PixelFirst), 3);
    assert_eq!(index_of(0, 0, 1, Order::ChannelFirst), 4096);
    assert_eq!(position_of(12287, Order::ChannelFirst), Some((63, 63, 2)));
}

/// A picture whose level at (r, c, ch) is (r·7 + c·3 + ch·50) mod 256.
fn patterned() -> Picture {
    let mut levels = vec![0u8; FEATURES];
    for r in 0..SIDE {
        for c in 0..SIDE {
            for ch in 0..CHANNELS {
                levels[(r * SIDE + c) * CHANNELS + ch] = ((r * 7 + c * 3 + ch * 50) % 256) as u8;
            }
        }
    }
    Picture::from_pixels(levels).expect("12288 levels")
}

#[test]
fn picture_accessors_agree_with_the_index_formulas() {
    let p = patterned();
    let cf = p.flatten(Order::ChannelFirst);
    let pf = p.flatten(Order::PixelFirst);
    let rgba = p.to_rgba();
    assert_eq!(
        (cf.len(), pf.len(), rgba.len()),
        (FEATURES, FEATURES, SIDE * SIDE * 4)
    );
    assert_eq!(pf, p.pixels());
    for r in 0..SIDE {
        for c in 0..SIDE {
            for ch in 0..CHANNELS {
                let v = ((r * 7 + c * 3 + ch * 50) % 256) as u8;
                assert_eq!(p.get(r, c, ch), v);
                assert_eq!(cf[index_of(r, c, ch, Order::ChannelFirst)], v);
                assert_eq!(p.channel(ch)[r * SIDE + c], v);
                assert_eq!(rgba[(r * SIDE + c) * 4 + ch], v);
            }
            assert_eq!(rgba[(r * SIDE + c) * 4 + 3], 255);
        }
    }
    assert_eq!(p.get(64, 0, 0), 0);
    assert!(p.channel(3).is_empty());
    assert_eq!(
        Picture::from_pixels(vec![0; 100]).map_err(|e| e.code()),
        Err("image-corrupt")
    );
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    b.extend(width.to_be_bytes());
    b.extend(height.to_be_bytes());
    b.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]); // depth, colour type, …, CRC
    b
}

fn jpeg(sof: u8, width: u16, height: u16) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8];
    b.extend([0xFF, 0xE0, 0x00, 0x06, b'J', b'F', b'I', b'F']); // APP0, length 6
    b.extend([0xFF, 0xC4, 0x00, 0x03, 0x00]); // DHT (C4: not a SOF), length 3
    b.extend([0xFF, 0xFF, 0xDB, 0x00, 0x03, 0x00]); // a fill byte, then DQT
    b.extend([0xFF, sof, 0x00, 0x11, 0x08]);
    b.extend(height.to_be_bytes());
    b.extend(width.to_be_bytes());
    b.extend([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    b
}

fn webp(chunk: &[u8; 4], payload: &[u8]) -> Vec<u8> {
    let mut b = b"RIFF\x00\x00\x00\x00WEBP".to_vec();
    b.extend(chunk);
    b.extend((payload.len() as u32).to_le_bytes());
    b.extend(payload);
    b
}

#[test]
fn sniff_reads_sizes_from_each_format_header() {
    let info = |b: &[u8]| sniff(b).map(|i| (i.format, i.width, i.height));
    assert_eq!(info(&png(640, 480)), Ok((Format::Png, 640, 480)));
    let gif = [b"GIF89a".as_slice(), &[0x40, 0x01, 0xF0, 0x00, 0, 0, 0]].concat();
    assert_eq!(info(&gif), Ok((Format::Gif, 320, 240)));
    assert_eq!(info(&jpeg(0xC0, 1024, 768)), Ok((Format::Jpeg, 1024, 768)));
    assert_eq!(info(&jpeg(0xC2, 7, 5)), Ok((Format::Jpeg, 7, 5))); // progressive
                                                                   // VP8: frame tag, start code 9D 01 2A, 14-bit sizes (the top 2 bits are scaling).
    let vp8 = webp(
        b"VP8 ",
        &[0, 0, 0, 0x9D, 0x01, 0x2A, 0x90, 0xC1, 0x2C, 0x01],
    );
    assert_eq!(info(&vp8), Ok((Format::Webp, 400, 300)));
    // VP8L: 0x2F, then width−1 = 399 and height−1 = 299 in 14 bits each.
    let bits: u32 = 399 | (299 << 14);
    let vp8l = webp(b"VP8L", &[[0x2F].as_slice(), &bits.to_le_bytes()].concat());
    assert_eq!(info(&vp8l), Ok((Format::Webp, 400, 300)));
    // VP8X: flags, 3 reserved, then width−1 and height−1 in 24 bits each.
    let vp8x = webp(
        b"VP8X",
        &[0x10, 0, 0, 0, 0x0F, 0x27, 0x00, 0x9F, 0x0F, 0x00],
    );
    assert_eq!(info(&vp8x), Ok((Format::Webp, 10000, 4000)));
}

#[test]
fn sniff_separates_non_images_broken_headers_and_huge_pictures() {
    let code = |b: &[u8]| sniff(b).map_err(|e| e.code()).map(|_| ());
    assert_eq!(code(b"hello, world"), Err("not-an-image"));
    assert_eq!(code(b""), Err("not-an-image"));
    assert_eq!(code(b"\x89HDF\r\n\x1a\n"), Err("not-an-image"));
    assert_eq!(code(&png(640, 480)[..20]), Err("image-corrupt")); // truncated
    assert_eq!(code(&png(0, 480)), Err("image-corrupt"));
    assert_eq!(code(b"GIF87a\x01"), Err("image-corrupt"));
    let jpeg_without_sof = &jpeg(0xC0, 10, 10)[..19];
    assert_eq!(code(jpeg_without_sof), Err("image-corrupt"));
    assert_eq!(
        code(&[0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02]),
        Err("image-corrupt")
    ); // scan before SOF
    assert_eq!(
        code(&webp(b"VP8 ", &[0, 0, 0, 1, 2, 3, 4, 5, 6, 7])),
        Err("image-corrupt")
    );
    assert_eq!(code(&webp(b"JUNK", &[0; 10])), Err("image-corrupt"));
    // 40 000 000 pixels is the limit; one row more is refused, before any decoding.
    assert_eq!(code(&png(8000, 5000)), Ok(()));
    let err = sniff(&png(8000, 5001)).expect_err("too large");
    assert_eq!(err.code(), "image-too-large");
    let args = err.with_file("big.png").args();
    assert!(
        args.contains(&("megapixels", "40.1".to_string())),
        "{args:?}"
    );
    assert!(args.contains(&("limit", MAX_MEGAPIXELS.to_string())));
    assert!(args.contains(&("file", "big.png".to_string())));
}

#[test]
fn centre_crop_keeps_the_middle_square() {
    assert_eq!(centre_crop(64, 64), (0, 0, 64));
    assert_eq!(centre_crop(3, 2), (0, 0, 2)); // the odd column goes to the right
    assert_eq!(centre_crop(5, 2), (1, 0, 2));
    assert_eq!(centre_crop(100, 300), (0, 100, 100));
    assert_eq!(centre_crop(1, 1), (0, 0, 1));
}

/// RGBA of a width×height picture from a colour function (alpha 255).
fn rgba(width: usize, height: usize, colour: impl Fn(usize, usize) -> [u8; 3]) -> Vec<u8> {
    (0..width * height)
        .flat_map(|i| {
            let [r, g, b] = colour(i / width, i % width);
            [r, g, b, 255]
        })
        .collect()
}

#[test]
fn resampling_2x2_blocks_gives_each_block_mean() {
    // 128×128: pixel (y, x) = (x + 2y, 3x, 255 − y) mod 256 per channel.
    let colour = |y: usize, x: usize| {
        [
            ((x + 2 * y) % 256) as u8,
            ((3 * x) % 256) as u8,
            (255 - y) as u8,
        ]
    };
    let p = Picture::from_rgba(&rgba(128, 128, colour), 128, 128).expect("valid");
    for r in 0..SIDE {
        for c in 0..SIDE {
            for ch in 0..CHANNELS {
                let block: f64 = [(0, 0), (0, 1), (1, 0), (1, 1)]
                    .iter()
                    .map(|&(dy, dx)| colour(2 * r + dy, 2 * c + dx)[ch] as f64)
                    .sum();
                assert_eq!(
                    p.get(r, c, ch),
                    (block / 4.0).round() as u8,
                    "({r}, {c}, {ch})"
                );
            }
        }
    }
}

#[test]
fn resampling_crops_non_square_pictures_then_scales() {
    // 5×2: the centre square is columns 1–2; each source pixel becomes a 32×32 block.
    let colour = |y: usize, x: usize| [(10 * x + y) as u8, 0, 200];
    let p = Picture::from_rgba(&rgba(5, 2, colour), 5, 2).expect("valid");
    for (r, c) in [(0, 0), (31, 31), (0, 32), (40, 10), (63, 63)] {
        assert_eq!(
            p.get(r, c, 0),
            (10 * (1 + c / 32) + r / 32) as u8,
            "({r}, {c})"
        );
        assert_eq!(p.get(r, c, 2), 200);
    }
    // 3×3 → 64: output column 21 covers [63/64, 66/64) of the source: 1/3 of column 0
    // and 2/3 of column 1; column 42 covers 2/3 of column 1 and 1/3 of column 2.
    let p = Picture::from_rgba(&rgba(3, 3, |_, x| [(90 * x) as u8, 0, 0]), 3, 3).expect("valid");
    assert_eq!(p.get(5, 21, 0), 60); // (1·0 + 2·90)/3
    assert_eq!(p.get(5, 42, 0), 120); // (2·90 + 1·180)/3
    assert_eq!(p.get(5, 20, 0), 0);
}

#[test]
fn resampling_matches_a_direct_area_integral() {
    // 150×100: the crop is columns 25–124; each output pixel averages a 1.5625-pixel
    // square of the source. Reference: overlap areas of rectangles, computed directly.
    let colour = |y: usize, x: usize| {
        [
            ((x * x + 3 * y) % 256) as u8,
            ((x * y) % 256) as u8,
            (y * 2) as u8,
        ]
    };
    let p = Picture::from_rgba(&rgba(150, 100, colour), 150, 100).expect("valid");
    let scale = 100.0 / 64.0;
    let overlap = |o: usize, i: usize| {
        let (lo, hi) = (o as f64 * scale, (o + 1) as f64 * scale);
        (hi.min(i as f64 + 1.0) - lo.max(i as f64)).max(0.0)
    };
    for (r, c) in [(0, 0), (10, 17), (33, 5), (63, 63), (47, 52)] {
        for ch in 0..CHANNELS {
            let mut sum = 0.0;
            for y in 0..100 {
                for x in 0..100 {
                    let w = overlap(r, y) * overlap(c, x);
                    sum += w * colour(y, x + 25)[ch] as f64;
                }
            }
            let expected = (sum / (scale * scale)).round() as u8;
            assert_eq!(p.get(r, c, ch), expected, "({r}, {c}, {ch})");
        }
    }
}

#[test]
fn alpha_is_composited_over_white_and_bad_buffers_are_refused() {
    let half = |_, _| [0u8, 100, 200];
    let mut buffer = rgba(2, 2, half);
    for px in buffer.chunks_exact_mut(4) {
        px[3] = 51; // alpha 0.2: v·0.2 + 255·0.8
    }
    let p = Picture::from_rgba(&buffer, 2, 2).expect("valid");
    assert_eq!(
        [p.get(9, 9, 0), p.get(9, 9, 1), p.get(9, 9, 2)],
        [204, 224, 244]
    );
    let code = |b: &[u8], w, h| {
        Picture::from_rgba(b, w, h)
            .map_err(|e| e.code())
            .map(|_| ())
    };
    assert_eq!(code(&buffer[..15], 2, 2), Err("image-corrupt"));
    assert_eq!(code(&[], 0, 0), Err("image-corrupt"));
    assert_eq!(code(&buffer, 20_000, 20_000), Err("image-too-large")); // checked first
}
