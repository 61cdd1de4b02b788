//! The input layer's words with their numbers: where a value sits in the vector
//! (the index formula filled in), its level and its scaled value (200 → 200/255
//! = 0.7843), the neighbourhood table's cells, and how the picture was cropped.

use crate::app::cats::{Focus, Origin};
use crate::engine::image::{Order, SIDE};
use crate::i18n::{t, tf, Lang};

use crate::view::number::{fmt, fmt_sig};

/// The channel's letter and colour word ("R (red)", "R（红）").
pub fn channel_name(channel: usize, lang: Lang) -> &'static str {
    match channel {
        0 => t(lang, "cats.channel.r"),
        1 => t(lang, "cats.channel.g"),
        _ => t(lang, "cats.channel.b"),
    }
}

/// The single letter of a channel: R, G or B.
pub fn channel_letter(channel: usize) -> &'static str {
    ["R", "G", "B"].get(channel).copied().unwrap_or("?")
}

/// The name of an order with what it means.
pub fn order_note(order: Order, lang: Lang) -> &'static str {
    match order {
        Order::ChannelFirst => t(lang, "cats.order.channel-first.note"),
        Order::PixelFirst => t(lang, "cats.order.pixel-first.note"),
    }
}

/// The index formula of the order, filled in with the focused value's numbers; the
/// result is the focus's index (from the engine's `index_of`), e.g. channel-first:
/// `i = c·4096 + r·64 + col = 1·4096 + 10·64 + 20 = 4756`.
pub fn index_formula(focus: &Focus, lang: Lang) -> String {
    let key = match focus.order {
        Order::ChannelFirst => "cats.formula.channel-first",
        Order::PixelFirst => "cats.formula.pixel-first",
    };
    let (c, r, col, i) = (
        focus.channel.to_string(),
        focus.row.to_string(),
        focus.col.to_string(),
        focus.index.to_string(),
    );
    tf(lang, key, &[("c", &c), ("r", &r), ("col", &col), ("i", &i)])
}

/// Where the value is: `G[10][20] = x[4756]`.
pub fn position_line(focus: &Focus, lang: Lang) -> String {
    let (r, col, i) = (
        focus.row.to_string(),
        focus.col.to_string(),
        focus.index.to_string(),
    );
    tf(
        lang,
        "cats.position",
        &[
            ("channel", channel_name(focus.channel, lang)),
            ("ch", channel_letter(focus.channel)),
            ("r", &r),
            ("col", &col),
            ("i", &i),
        ],
    )
}

/// A level divided by 255 (the scaling step), 4 significant digits as everywhere.
pub fn scaled(level: u8) -> f64 {
    f64::from(level) / 255.0
}

/// The value: `level 200` or, scaled, `200 → 200/255 = 0.7843`.
pub fn value_line(level: u8, scaled_on: bool, lang: Lang) -> String {
    let v = level.to_string();
    if scaled_on {
        let s = fmt(scaled(level));
        tf(lang, "cats.value.scaled", &[("v", &v), ("s", &s)])
    } else {
        tf(lang, "cats.value.level", &[("v", &v)])
    }
}

/// A cell of the neighbourhood table: the level, or its scaled value with 3 digits
/// (short enough for a small cell); empty outside the picture.
pub fn cell_text(level: Option<u8>, scaled_on: bool) -> String {
    match level {
        None => String::new(),
        Some(v) if scaled_on => fmt_sig(scaled(v), 3),
        Some(v) => v.to_string(),
    }
}

/// How the picture became 64×64: `640×480 → centre square 480×480 from (80, 0) → 64×64`.
pub fn crop_line(origin: &Origin, lang: Lang) -> String {
    let (x0, y0, side) = origin.crop();
    let values = [
        ("name", origin.name.clone()),
        ("w", origin.width.to_string()),
        ("h", origin.height.to_string()),
        ("side", side.to_string()),
        ("x", x0.to_string()),
        ("y", y0.to_string()),
        ("out", SIDE.to_string()),
    ];
    let args: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let key = if origin.width == origin.height && origin.width as usize == SIDE {
        "cats.crop.native"
    } else if origin.width == origin.height {
        "cats.crop.square"
    } else {
        "cats.crop.line"
    };
    tf(lang, key, &args)
}

/// The crop square in a thumbnail of the original `scale` thumbnail pixels per source
/// pixel: (x, y, side) in thumbnail pixels.
pub fn crop_in_thumbnail(origin: &Origin, scale: f64) -> (f64, f64, f64) {
    let (x0, y0, side) = origin.crop();
    (
        f64::from(x0) * scale,
        f64::from(y0) * scale,
        f64::from(side) * scale,
    )
}
