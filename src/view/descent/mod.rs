//! The descent view: the valley `J(w) = ½(x·w − y)²`, the iterates of gradient descent
//! as dots joined by the path they took (so oscillation reads as a zig-zag across the
//! valley), the current point with its tangent, and the minimum. The w-range covers
//! w₀ and the iterates but is capped, so a diverging run visibly leaves the frame.
//! Curve values come from the engine's [`Descent`]; the iterates and their losses
//! from the snapshot. Drawn every animation frame while playing, so it stays small:
//! ≤ 160 curve points, ≤ 200 dots, a handful of labels.

mod marks;
pub mod text;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::engine::descent::Descent;
use crate::engine::snapshot::DescentSnapshot;
use crate::i18n::{t, tf};

pub use crate::view::chart::ChartStyle;
use crate::view::chart::{clip_segment, draw_mesh, text_width};
pub(crate) use crate::view::chart::{Chart, DrawResult};
use crate::view::descent::marks::{draw_current, draw_iterates, draw_minimum, draw_minimum_label};
use crate::view::descent::text::{loss_formula, regime_name};
use crate::view::number::fmt;
use crate::view::palette;

/// Samples of the parabola.
const CURVE_POINTS: usize = 160;
/// The frame reaches this far beyond the farthest iterate (as a fraction of its distance).
const FRAME_PAD: f64 = 1.15;

/// Maps a click in backing pixels back to w (to let the learner pick w₀ by clicking the curve).
#[derive(Clone, Debug, PartialEq)]
pub struct DescentMapper {
    /// First and last pixel column of the plotting area.
    left: f64,
    right: f64,
    /// First and last pixel row of the plotting area.
    top: f64,
    bottom: f64,
    /// The w at the left and right edge.
    w_lo: f64,
    w_hi: f64,
}

impl DescentMapper {
    /// The w under pixel `(x, y)`; `None` outside the plotting area. Plotters rounds a
    /// position down to its pixel, so pixel `x` stands for `[x, x + 1)` and its centre
    /// `x + ½` is mapped back: a dot's pixel gives its w within half a pixel's worth.
    pub fn w_at(&self, x: f64, y: f64) -> Option<f64> {
        let inside = x >= self.left && x <= self.right && y >= self.top && y <= self.bottom;
        if !inside || self.right <= self.left {
            return None;
        }
        let t = ((x + 0.5 - self.left) / (self.right - self.left)).min(1.0);
        Some(self.w_lo + t * (self.w_hi - self.w_lo))
    }

    /// The (fractional) pixel column where w lies; plotters draws it at its floor.
    pub fn x_of(&self, w: f64) -> f64 {
        self.left + (w - self.w_lo) / (self.w_hi - self.w_lo) * (self.right - self.left)
    }

    /// The w-range shown, left edge to right edge.
    pub fn w_range(&self) -> (f64, f64) {
        (self.w_lo, self.w_hi)
    }
}

/// The visible window: `w ∈ [w_lo, w_hi]`, `J ∈ [0, j_max]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Frame {
    pub w_lo: f64,
    pub w_hi: f64,
    pub j_max: f64,
}

impl Frame {
    /// Symmetric around the minimum w*, covering w₀ and every finite iterate, but at most
    /// `4·max(|w₀ − w*|, 1)` either side; J from 0 to a little above the curve's edges.
    fn new(snap: &DescentSnapshot, model: Option<&Descent>) -> Frame {
        let m = if snap.minimum.is_finite() {
            snap.minimum
        } else {
            0.0
        };
        let start = (snap.w0 - m).abs();
        let finite = snap.iterates.iter().filter(|w| w.is_finite());
        let reach = finite.map(|w| (w - m).abs()).fold(start, f64::max);
        let cap = 4.0 * start.max(1.0);
        let half = (reach * FRAME_PAD).max(0.5).min(cap);
        let edge = model.map_or(1.0, |d| d.loss(m - half).max(d.loss(m + half)));
        let j_max = if edge.is_finite() && edge > 0.0 {
            edge * 1.12
        } else {
            1.0
        };
        Frame {
            w_lo: m - half,
            w_hi: m + half,
            j_max,
        }
    }

    /// True if `(w, j)` lies in the window.
    pub fn contains(&self, w: f64, j: f64) -> bool {
        (self.w_lo..=self.w_hi).contains(&w) && (0.0..=self.j_max).contains(&j)
    }

    /// The part of the segment `p → q` inside the window.
    pub fn clip(&self, p: (f64, f64), q: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
        clip_segment(p, q, (self.w_lo, self.w_hi), (0.0, self.j_max))
    }
}

/// The chart's background: lightly tinted with the alert colour once the run exploded.
pub(crate) fn background(snap: &DescentSnapshot) -> RGBColor {
    if snap.exploded {
        palette::lighten(palette::ALERT, 0.9)
    } else {
        palette::BACKGROUND
    }
}

/// Draws the descent view on `area` and returns the click mapper of its plotting area.
pub fn draw_descent<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    snap: &DescentSnapshot,
    style: &ChartStyle,
) -> DrawResult<DescentMapper, DB> {
    let model = Descent::with_sample(snap.x, snap.y, snap.w0, snap.learning_rate).ok();
    let frame = Frame::new(snap, model.as_ref());
    area.fill(&background(snap))?;
    let mut chart = build_chart(area, snap, &frame, style)?;
    if let Some(model) = &model {
        let curve = (0..=CURVE_POINTS).map(|i| {
            let w = frame.w_lo + (frame.w_hi - frame.w_lo) * i as f64 / CURVE_POINTS as f64;
            (w, model.loss(w))
        });
        let line = palette::CURVE.stroke_width(style.width(2.0));
        chart.draw_series(LineSeries::new(curve, line))?;
    }
    draw_minimum(&chart, snap, &frame, style)?;
    draw_iterates(&chart, snap, &frame, style)?;
    draw_current(&chart, snap, &frame, style)?;
    draw_minimum_label(&chart, snap, &frame, style)?;
    Ok(mapper(&chart, &frame))
}

/// The caption (learning rate and regime), the axes and their titles.
fn build_chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    snap: &DescentSnapshot,
    frame: &Frame,
    style: &ChartStyle,
) -> DrawResult<Chart<'a, DB>, DB> {
    let lang = style.lang;
    let r = fmt(snap.learning_rate);
    let mut caption = tf(
        lang,
        "chart.descent.caption",
        &[("r", &r), ("regime", regime_name(snap.regime, lang))],
    );
    if snap.exploded {
        caption = format!("{caption} — {}", t(lang, "chart.descent.exploded"));
    }
    let ink = if snap.exploded {
        palette::ALERT
    } else {
        palette::INK
    };
    let mut chart = ChartBuilder::on(area)
        .caption(caption, style.font(14.0, ink))
        .margin(style.ipx(10.0))
        .x_label_area_size(style.ipx(38.0))
        .y_label_area_size(style.ipx(56.0))
        .build_cartesian_2d(frame.w_lo..frame.w_hi, 0.0..frame.j_max)?;
    let j_title = tf(
        lang,
        "chart.descent.axis-j",
        &[("j", &loss_formula(snap.x, snap.y))],
    );
    let titles = (t(lang, "chart.descent.axis-w"), j_title.as_str());
    draw_mesh(&mut chart, style, titles, &|v: &f64| fmt(*v))?;
    Ok(chart)
}

/// The mapper of the chart's plotting area (pixel range as plotters maps it).
fn mapper<DB: DrawingBackend>(chart: &Chart<'_, DB>, frame: &Frame) -> DescentMapper {
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    DescentMapper {
        left: f64::from(xs.start),
        right: f64::from(xs.end - 1),
        top: f64::from(ys.start),
        bottom: f64::from(ys.end - 1),
        w_lo: frame.w_lo,
        w_hi: frame.w_hi,
    }
}

/// A label anchored at a data point with a pixel offset; `backing` puts a box of that
/// colour (the background's) behind it so lines running under it do not cross the letters.
pub(crate) fn label<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    at: (f64, f64),
    offset: (i32, i32),
    text: &str,
    font: TextStyle<'static>,
    backing: Option<RGBColor>,
) -> DrawResult<(), DB> {
    let area = chart.plotting_area();
    if let Some(backing) = backing {
        let size = font.font.get_size();
        let (w, h) = (text_width(text, size), size * 1.25);
        let x0 = match font.pos.h_pos {
            HPos::Left => 0.0,
            HPos::Center => -w / 2.0,
            HPos::Right => -w,
        };
        let y0 = match font.pos.v_pos {
            VPos::Top => 0.0,
            VPos::Center => -h / 2.0,
            VPos::Bottom => -h,
        };
        let (x0, y0) = (
            offset.0 + x0.round() as i32 - 2,
            offset.1 + y0.round() as i32 - 1,
        );
        let corner = (x0 + w.round() as i32 + 4, y0 + h.round() as i32 + 2);
        let fill = backing.mix(0.85).filled();
        area.draw(&(EmptyElement::at(at) + Rectangle::new([(x0, y0), corner], fill)))?;
    }
    area.draw(&(EmptyElement::at(at) + Text::new(text.to_string(), offset, font)))
}

/// A left-top anchored pixel box `(x, y, w, h)` for a label of `text` at `size` pixels.
pub(crate) fn label_box(x: i32, y: i32, text: &str, size: f64) -> (f64, f64, f64, f64) {
    (
        f64::from(x),
        f64::from(y),
        text_width(text, size),
        size * 1.2,
    )
}
