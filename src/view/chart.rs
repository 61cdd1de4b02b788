//! What the two charts (descent, loss history) share: the style they are drawn in
//! (language, device pixel ratio), fonts and sizes in backing pixels, a rough text
//! width for placing labels, and segment clipping (plotters does not clip lines).

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

use crate::i18n::Lang;

use crate::view::number::fmt;
use crate::view::palette;

/// A chart's drawing context: f64 on both axes.
pub(crate) type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;
/// A drawing result carrying the backend's error.
pub(crate) type DrawResult<T, DB> =
    Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// How a chart is drawn: the language of its words and the device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    /// Language of axis titles, hints and labels.
    pub lang: Lang,
    /// Device pixel ratio: fonts, line widths and margins are multiplied by it, so a
    /// chart drawn on a 2× backing store looks the same size as on a 1× one.
    pub scale: f64,
}

impl ChartStyle {
    /// The scale, with nonsense (≤ 0, NaN, ∞) read as 1.
    fn factor(&self) -> f64 {
        if self.scale.is_finite() && self.scale > 0.0 {
            self.scale
        } else {
            1.0
        }
    }

    /// `css` CSS pixels in backing pixels.
    pub(crate) fn px(&self, css: f64) -> f64 {
        css * self.factor()
    }

    /// `css` CSS pixels in whole backing pixels (at least 1).
    pub(crate) fn ipx(&self, css: f64) -> i32 {
        (self.px(css).round() as i32).max(1)
    }

    /// Line width of `css` CSS pixels in whole backing pixels (at least 1).
    pub(crate) fn width(&self, css: f64) -> u32 {
        self.ipx(css).unsigned_abs()
    }

    /// The charts' sans-serif font at `css` pixels in colour `color`.
    pub(crate) fn font(&self, css: f64, color: RGBColor) -> TextStyle<'static> {
        // FontFamily::SansSerif directly: from a name, plotters lowercases it with
        // Unicode's tables (4 KB of the page for a word we know).
        FontDesc::new(FontFamily::SansSerif, self.px(css), FontStyle::Normal).color(&color)
    }
}

/// The grid, axes, tick labels (numbers via [`fmt`] unless `x_label` says otherwise)
/// and axis titles, in the charts' common look.
pub(crate) fn draw_mesh<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    style: &ChartStyle,
    (x_desc, y_desc): (&str, &str),
    x_label: &dyn Fn(&f64) -> String,
) -> DrawResult<(), DB> {
    let y_label = |v: &f64| fmt(*v);
    chart
        .configure_mesh()
        .x_labels(7)
        .y_labels(5)
        .max_light_lines(0)
        .bold_line_style(palette::FAINT.stroke_width(style.width(1.0)))
        .axis_style(palette::MUTED.stroke_width(style.width(1.0)))
        .x_label_formatter(x_label)
        .y_label_formatter(&y_label)
        .label_style(style.font(11.0, palette::MUTED))
        .axis_desc_style(style.font(12.0, palette::INK))
        .x_desc(x_desc)
        .y_desc(y_desc)
        .draw()
}

/// A rough width of `text` in a font of `size` pixels (CJK characters count double),
/// good enough to keep labels from overlapping.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    let units: f64 = text
        .chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.58 })
        .sum();
    units * size
}

/// `text` broken into lines of at most about `max_width` pixels: at spaces, or between
/// any two CJK characters (Chinese needs no spaces to break).
pub(crate) fn wrap(text: &str, max_width: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in split_breakable(text) {
        let candidate = format!("{line}{word}");
        if !line.is_empty() && text_width(candidate.trim_end(), size) > max_width {
            lines.push(line.trim_end().to_string());
            line = word.trim_start().to_string();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Punctuation that must stay at the end of the line before it.
const CLOSING: &str = "。，、；：！？）」』,.;:!?)";

/// Pieces of `text` that may start a new line: words with their trailing space, or single CJK characters.
fn split_breakable(text: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        let cjk = (c as u32) >= 0x2E80;
        // Closing punctuation never starts a line (。，、；：！？）): it joins the piece before.
        if CLOSING.contains(c) {
            match pieces.last_mut() {
                Some(last) if current.is_empty() => last.push(c),
                _ => current.push(c),
            }
            continue;
        }
        if cjk && !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
        }
        current.push(c);
        if c == ' ' || cjk {
            pieces.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// The part of the segment `p → q` inside the box `[x0, x1] × [y0, y1]`
/// (Liang–Barsky: solve `p + t·(q − p)` against each side for `t ∈ [0, 1]`).
pub(crate) fn clip_segment(
    p: (f64, f64),
    q: (f64, f64),
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    // Each side: -d·t ≤ p − lo and d·t ≤ hi − p.
    for (den, num) in [
        (-dx, p.0 - x0),
        (dx, x1 - p.0),
        (-dy, p.1 - y0),
        (dy, y1 - p.1),
    ] {
        if den == 0.0 {
            if num < 0.0 {
                return None;
            }
        } else {
            let t = num / den;
            if den < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    let at = |t: f64| (p.0 + t * dx, p.1 + t * dy);
    (t0 <= t1 && t0.is_finite() && t1.is_finite()).then(|| (at(t0), at(t1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clips_segments_to_the_box() {
        let unit = ((0.0, 1.0), (0.0, 1.0));
        let inside = clip_segment((0.2, 0.2), (0.8, 0.8), unit.0, unit.1);
        assert_eq!(inside, Some(((0.2, 0.2), (0.8, 0.8))));
        let across = clip_segment((-1.0, 0.5), (2.0, 0.5), unit.0, unit.1);
        assert_eq!(across, Some(((0.0, 0.5), (1.0, 0.5))));
        assert_eq!(clip_segment((2.0, 2.0), (3.0, 3.0), unit.0, unit.1), None);
    }

    #[test]
    fn scales_sizes_and_ignores_a_bad_scale() {
        let style = ChartStyle {
            lang: Lang::En,
            scale: 2.0,
        };
        assert_eq!(style.ipx(10.0), 20);
        let bad = ChartStyle {
            lang: Lang::En,
            scale: f64::NAN,
        };
        assert_eq!(bad.px(3.0), 3.0);
        assert!(text_width("损失", 10.0) > text_width("ab", 10.0));
    }

    #[test]
    fn wraps_words_and_chinese() {
        assert_eq!(wrap("aa bb cc", 40.0, 10.0), vec!["aa bb", "cc"]);
        assert_eq!(wrap("还没有训练", 25.0, 10.0), vec!["还没", "有训", "练"]);
        assert!(wrap("", 10.0, 10.0).is_empty());
        assert_eq!(wrap("还没有。", 25.0, 10.0), vec!["还没", "有。"]);
    }
}
