//! The cat recognizer's cost curve: J (binary cross-entropy averaged over the m
//! training pictures) at every iteration so far, over the whole planned run, the
//! newest value marked and written in a corner. Long runs are drawn every k-th iteration (as the course
//! records the cost every 100), k chosen so at most [`MAX_POINTS`] points remain.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::i18n::{t, tf};

pub use crate::view::chart::ChartStyle;
use crate::view::chart::{draw_mesh, text_width, Chart, DrawResult};
use crate::view::number::fmt;
use crate::view::palette;

/// Points drawn at most.
pub const MAX_POINTS: usize = 1000;

/// Draws `costs` (`costs[i]` = J at iteration i) on an x axis from 0 to `planned`.
pub fn draw_cost<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    costs: &[f64],
    planned: usize,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette::BACKGROUND)?;
    let points = sampled(costs, MAX_POINTS);
    let top = points.iter().map(|p| p.1).fold(0.0_f64, f64::max);
    let y_hi = if top > 0.0 { top * 1.15 } else { 1.0 };
    let x_hi = (planned.max(costs.len()) as f64).max(1.0);
    let mut chart = ChartBuilder::on(area)
        .margin(style.ipx(10.0))
        // Room for the last tick label, centred on the right edge.
        .margin_right(style.ipx(22.0))
        .x_label_area_size(style.ipx(36.0))
        .y_label_area_size(style.ipx(52.0))
        .build_cartesian_2d(0.0..x_hi, 0.0..y_hi)?;
    let whole = |v: &f64| {
        if v.fract() == 0.0 {
            fmt(*v)
        } else {
            String::new()
        }
    };
    let titles = (
        t(style.lang, "cats.chart.axis-iteration"),
        t(style.lang, "cats.chart.axis-cost"),
    );
    draw_mesh(&mut chart, style, titles, &whole)?;
    let line = palette::CURVE.stroke_width(style.width(2.0));
    chart.draw_series(LineSeries::new(points.iter().copied(), line))?;
    match points.last() {
        Some(&last) => draw_last(area, &chart, last, style),
        None => Ok(()),
    }
}

/// Every k-th finite cost with k = ⌈n / max⌉, plus the last one: (iteration, J).
pub fn sampled(costs: &[f64], max: usize) -> Vec<(f64, f64)> {
    let stride = costs.len().div_ceil(max.max(1)).max(1);
    let mut points: Vec<(f64, f64)> = costs
        .iter()
        .enumerate()
        .step_by(stride)
        .map(|(i, &j)| (i as f64, j))
        .collect();
    if let Some(&j) = costs.last() {
        let last = (costs.len() - 1) as f64;
        if points.last().map(|p| p.0) != Some(last) {
            points.push((last, j));
        }
    }
    points.retain(|p| p.1.is_finite());
    points
}

/// The newest point, marked; its `iteration i: J = …` sits in the plot's top-right
/// corner on a white ground, where the falling curve rarely is, so it never hides it.
fn draw_last<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    last: (f64, f64),
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let mark = Circle::new(last, style.ipx(4.0), palette::PATH.filled());
    chart.plotting_area().draw(&mark)?;
    let (i, j) = (fmt(last.0), fmt(last.1));
    let text = tf(
        style.lang,
        "cats.chart.last",
        &[("i", i.as_str()), ("cost", j.as_str())],
    );
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    let (size, pad) = (style.px(12.0), style.ipx(6.0));
    let width = text_width(&text, size) as i32;
    let (right, top) = (xs.end - pad, ys.start + pad);
    let ground = Rectangle::new(
        [
            (right - width - pad, top - pad / 2),
            (right + pad / 2, top + size as i32 + pad / 2),
        ],
        palette::BACKGROUND.mix(0.85).filled(),
    );
    area.draw(&ground)?;
    let font = style
        .font(12.0, palette::INK)
        .pos(Pos::new(HPos::Right, VPos::Top));
    area.draw(&Text::new(text, (right, top), font))
}
