//! The input layer's pictures and words: channel images and the vector strip as
//! RGBA (checked value by value against the picture), cell geometry and
//! hit-testing both ways, the neighbourhood, and the index formula filled in with
//! numbers that add up (hand-computed: 1·4096 + 10·64 + 20 = 4756).

use backprop_lab::app::cats::{Focus, Origin, Pointer};
use backprop_lab::engine::image::{index_of, Order, Picture, FEATURES};
use backprop_lab::i18n::Lang;
use backprop_lab::view::cats::pixels::{
    channel_rgba, neighbourhood, pixel_cell, strip_rgba, CellGrid, STRIP_COLS, STRIP_ROWS,
};
use backprop_lab::view::cats::pixels_text::{
    cell_text, crop_in_thumbnail, crop_line, index_formula, position_line, value_line,
};

/// Level of (row, col, channel): distinct enough to catch any mix-up.
fn level(row: usize, col: usize, channel: usize) -> u8 {
    ((row * 7 + col * 3 + channel * 101) % 256) as u8
}

fn picture() -> Picture {
    let mut pixels = vec![0u8; FEATURES];
    for row in 0..64 {
        for col in 0..64 {
            for c in 0..3 {
                pixels[(row * 64 + col) * 3 + c] = level(row, col, c);
            }
        }
    }
    Picture::from_pixels(pixels).unwrap_or_else(|e| panic!("{e}"))
}

fn focus(row: usize, col: usize, channel: usize, order: Order) -> Focus {
    Focus::of(Pointer::Pixel { row, col, channel }, order).unwrap_or_else(|| panic!("inside"))
}

#[test]
fn channel_images_show_one_component_per_channel() {
    let p = picture();
    for channel in 0..3 {
        let rgba = channel_rgba(&p, channel);
        assert_eq!(rgba.len(), 64 * 64 * 4);
        for (row, col) in [(0, 0), (10, 20), (63, 63), (31, 5)] {
            let k = (row * 64 + col) * 4;
            let mut expected = [0, 0, 0, 255];
            expected[channel] = level(row, col, channel);
            assert_eq!(
                rgba[k..k + 4],
                expected,
                "channel {channel} at ({row}, {col})"
            );
        }
    }
}

#[test]
fn the_strip_puts_each_value_at_its_index_in_both_orders() {
    let p = picture();
    assert_eq!((STRIP_COLS, STRIP_ROWS), (128, 96));
    for order in [Order::ChannelFirst, Order::PixelFirst] {
        let rgba = strip_rgba(&p, order);
        assert_eq!(rgba.len(), FEATURES * 4);
        for (row, col, c) in [(10, 20, 1), (0, 0, 0), (63, 63, 2), (5, 60, 2)] {
            let i = index_of(row, col, c, order);
            let mut expected = [0, 0, 0, 255];
            expected[c] = level(row, col, c);
            assert_eq!(
                rgba[i * 4..i * 4 + 4],
                expected,
                "{order:?} ({row}, {col}, {c})"
            );
        }
    }
    // Channel-first: all R first, so cell 4095 is red and cell 4096 green.
    let cf = strip_rgba(&p, Order::ChannelFirst);
    assert_eq!((cf[4095 * 4 + 1], cf[4096 * 4]), (0, 0));
    assert_eq!(cf[4095 * 4], level(63, 63, 0));
}

#[test]
fn cells_and_hits_agree_both_ways() {
    // 320 × 300 backing pixels: cell = ⌊min(320/64, 300/64)⌋ = 4, centred.
    let grid = CellGrid::fit(64, 64, 320.0, 300.0);
    assert_eq!((grid.cell, grid.x0, grid.y0), (4.0, 32.0, 22.0));
    let f = focus(10, 20, 1, Order::ChannelFirst);
    assert_eq!(pixel_cell(&f), 660);
    assert_eq!(grid.rect(660), Some((112.0, 62.0, 4.0)));
    assert_eq!(grid.hit(113.5, 65.9), Some(660));
    assert_eq!(grid.hit(31.9, 100.0), None);
    assert_eq!(
        grid.hit(288.0, 100.0),
        None,
        "x0 + 64·4 = 288 is past the last column"
    );
    for k in [0, 1, 63, 64, 1000, 4095] {
        let (x, y, side) = grid.rect(k).unwrap_or_else(|| panic!("cell {k}"));
        assert_eq!(grid.hit(x + side / 2.0, y + side / 2.0), Some(k));
    }
    // The strip on a phone: 360 px for 128 cells → fractional cells below 1 px stay exact.
    let strip = CellGrid::fit(STRIP_COLS, STRIP_ROWS, 100.0, 75.0);
    assert!((strip.cell - 100.0 / 128.0).abs() < 1e-12);
    assert_eq!(strip.hit(f64::NAN, 1.0), None);
    let last = strip
        .rect(FEATURES - 1)
        .unwrap_or_else(|| panic!("last cell"));
    assert_eq!(
        strip.hit(last.0 + last.2 / 2.0, last.1 + last.2 / 2.0),
        Some(FEATURES - 1)
    );
    assert_eq!(strip.rect(FEATURES), None);
}

#[test]
fn the_neighbourhood_stops_at_the_edges() {
    let p = picture();
    let around = neighbourhood(&p, &focus(10, 20, 2, Order::PixelFirst), 2);
    assert_eq!(around.len(), 5);
    assert_eq!(around[2][2], Some(level(10, 20, 2)));
    assert_eq!(around[0][4], Some(level(8, 22, 2)));
    let corner = neighbourhood(&p, &focus(0, 63, 0, Order::PixelFirst), 2);
    assert_eq!(corner[0], vec![None; 5], "rows −2 and −1 do not exist");
    assert_eq!(corner[2][2], Some(level(0, 63, 0)));
    assert_eq!(corner[2][3], None, "column 64 does not exist");
    assert_eq!(corner[3][1], Some(level(1, 62, 0)));
}

#[test]
fn the_index_formula_is_filled_in_and_adds_up() {
    let cf = focus(10, 20, 1, Order::ChannelFirst);
    assert_eq!(
        index_formula(&cf, Lang::En),
        "channel-first: i = c·4096 + r·64 + col = 1·4096 + 10·64 + 20 = 4756"
    );
    let pf = focus(10, 20, 1, Order::PixelFirst);
    assert_eq!(
        index_formula(&pf, Lang::En),
        "pixel-first: i = (r·64 + col)·3 + c = (10·64 + 20)·3 + 1 = 1981"
    );
    let zh = index_formula(&pf, Lang::Zh);
    assert!(
        zh.starts_with("按像素") && zh.ends_with("= (10·64 + 20)·3 + 1 = 1981"),
        "{zh}"
    );
    assert_eq!(
        position_line(&cf, Lang::En),
        "G (green): row 10, column 20 → G[10][20] = x[4756]"
    );
}

#[test]
fn scaling_divides_by_255() {
    assert_eq!(
        value_line(200, false, Lang::En),
        "value 200 (a level 0–255)"
    );
    // 200/255 = 0.78431…
    assert_eq!(
        value_line(200, true, Lang::En),
        "value 200 → 200/255 = 0.7843"
    );
    assert_eq!(value_line(255, true, Lang::Zh), "值 255 → 255/255 = 1");
    assert_eq!(cell_text(Some(200), true), "0.784");
    assert_eq!(cell_text(Some(7), false), "7");
    assert_eq!(cell_text(None, true), "");
}

#[test]
fn the_crop_is_the_centre_square() {
    let wide = Origin {
        name: "cat.jpg".into(),
        width: 640,
        height: 480,
    };
    assert_eq!(
        crop_line(&wide, Lang::En),
        "cat.jpg: 640×480 px → the centre square 480×480 from x = 80, y = 0 (the frame) → averaged down to 64×64."
    );
    // A preview at ¼ size: the frame is 120 px from (20, 0).
    assert_eq!(crop_in_thumbnail(&wide, 0.25), (20.0, 0.0, 120.0));
    let tall = Origin {
        name: "t.png".into(),
        width: 5,
        height: 8,
    };
    // side 5, leftover 3 rows: 1 above, 2 below.
    assert_eq!(crop_in_thumbnail(&tall, 1.0), (0.0, 1.0, 5.0));
    let square = Origin {
        name: "s.png".into(),
        width: 300,
        height: 300,
    };
    assert!(crop_line(&square, Lang::Zh).contains("本来就是正方形"));
    let sample = Origin {
        name: "train #0".into(),
        width: 64,
        height: 64,
    };
    assert_eq!(
        crop_line(&sample, Lang::En),
        "train #0: already 64×64 px — used as it is."
    );
}

#[test]
fn focus_frames_mark_the_value_and_its_pixels_other_channels() {
    use backprop_lab::view::cats::pixels::{channel_frames, strip_frames};
    use backprop_lab::view::palette;
    let grid = CellGrid::fit(STRIP_COLS, STRIP_ROWS, 1280.0, 960.0);
    // Pixel (10, 20), green, channel-first: index 1·4096 + 10·64 + 20 = 4756.
    let f = focus(10, 20, 1, Order::ChannelFirst);
    assert_eq!(f.index, 4756);
    let frames = strip_frames(&grid, &f, 2.0);
    assert_eq!(frames.len(), 3);
    let own = frames[2];
    assert_eq!(Some(own.cell), grid.rect(4756));
    assert_eq!((own.colour, own.width), (palette::HOVER, 4.0));
    let others: Vec<_> = frames[..2].iter().map(|fr| Some(fr.cell)).collect();
    assert_eq!(
        others,
        [grid.rect(10 * 64 + 20), grid.rect(2 * 4096 + 10 * 64 + 20)]
    );
    assert!(frames[..2]
        .iter()
        .all(|fr| fr.colour == palette::BACKGROUND && fr.width == 2.0));
    // In a channel matrix: thick on its own channel, thin on the others.
    let side = CellGrid::fit(64, 64, 640.0, 640.0);
    let mine = channel_frames(&side, &f, 1, 1.0);
    let other = channel_frames(&side, &f, 0, 1.0);
    assert_eq!(mine[0].cell, other[0].cell);
    assert_eq!(Some(mine[0].cell), side.rect(pixel_cell(&f)));
    assert_eq!((mine[0].width, other[0].width), (2.0, 1.0));
    assert_eq!(palette::css(palette::HOVER), "#facc15");
}
