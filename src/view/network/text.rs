//! Text on the network diagram: how a piece of text looks ([`Ink`]), plain text,
//! and the white-boxed tag that keeps numbers readable on top of lines; plus the
//! two tiny conversions every painter needs (line style, integer pixels).

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Rectangle, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle};

use crate::view::network::geometry::text_width;
use crate::view::network::DrawResult;
use crate::view::palette;

/// How a piece of text looks: size in backing pixels, colour, weight, anchor.
#[derive(Clone, Copy)]
pub(crate) struct Ink {
    pub size: f64,
    pub colour: RGBColor,
    pub bold: bool,
    pub anchor: HPos,
}

impl Ink {
    /// Regular text centred on its point.
    pub fn new(size: f64, colour: RGBColor) -> Ink {
        Ink {
            size,
            colour,
            bold: false,
            anchor: HPos::Center,
        }
    }

    /// The same, bold.
    pub fn bold(self) -> Ink {
        Ink { bold: true, ..self }
    }

    /// Estimated width of `text` in this ink (bold runs about a tenth wider).
    pub fn width(&self, text: &str) -> f64 {
        text_width(text, self.size) * if self.bold { 1.1 } else { 1.0 }
    }

    /// The same, anchored at its left (or right) end.
    pub fn anchored(self, anchor: HPos) -> Ink {
        Ink { anchor, ..self }
    }
}

/// A line style of `colour`, `width` backing pixels wide (at least 1).
pub(crate) fn stroke(colour: RGBColor, width: f64) -> ShapeStyle {
    ShapeStyle {
        color: colour.to_rgba(),
        filled: false,
        stroke_width: width.round().max(1.0) as u32,
    }
}

/// Rounds a point to the backend's integer pixels.
pub(crate) fn px((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// Draws `text` vertically centred on `at`.
pub(crate) fn draw_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    at: (f64, f64),
    ink: Ink,
) -> DrawResult<DB> {
    let weight = if ink.bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    let font = FontDesc::new(FontFamily::SansSerif, ink.size, weight);
    let style = font
        .color(&ink.colour)
        .pos(Pos::new(ink.anchor, VPos::Center));
    area.draw(&Text::new(text, px(at), style))
}

/// Draws `text` centred on `at` over a white box (so it reads on top of lines),
/// framed by `frame` (colour, width).
pub(crate) fn draw_tag<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    at: (f64, f64),
    ink: Ink,
    frame: (RGBColor, f64),
) -> DrawResult<DB> {
    let (w, h) = (ink.width(text) + 0.6 * ink.size, 1.45 * ink.size);
    let corners = [
        px((at.0 - w / 2.0, at.1 - h / 2.0)),
        px((at.0 + w / 2.0, at.1 + h / 2.0)),
    ];
    area.draw(&Rectangle::new(corners, palette::BACKGROUND.filled()))?;
    area.draw(&Rectangle::new(corners, stroke(frame.0, frame.1)))?;
    draw_text(
        area,
        text,
        at,
        Ink {
            anchor: HPos::Center,
            ..ink
        },
    )
}
