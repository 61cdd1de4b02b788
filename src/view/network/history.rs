//! The loss of every completed training step as a line, the last one marked with its
//! value. Empty (or entirely non-finite) histories show a hint instead of an empty frame;
//! non-finite losses are skipped; long histories are thinned to ≤ 2000 points keeping
//! each bucket's lowest and highest value, so spikes survive.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::i18n::{t, tf};

use crate::view::chart::{draw_mesh, wrap, Chart, ChartStyle, DrawResult};
use crate::view::number::fmt;
use crate::view::palette;

/// Points drawn at most (two per bucket when thinning).
const MAX_POINTS: usize = 2000;

/// Draws the loss history (`history[k]` is the loss of step `k + 1`) on `area`.
pub fn draw_loss_history<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    history: &[f64],
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&palette::BACKGROUND)?;
    let points: Vec<(f64, f64)> = (1..)
        .zip(history)
        .filter(|(_, v)| v.is_finite())
        .map(|(step, &v)| (f64::from(step), v))
        .collect();
    let Some(&last) = points.last() else {
        let key = if history.is_empty() {
            "chart.history.empty"
        } else {
            "chart.history.not-finite"
        };
        return draw_hint(area, t(style.lang, key), style);
    };
    let (y_lo, y_hi) = y_range(&points);
    let x_hi = (history.len() as f64).max(2.0);
    let mut chart = ChartBuilder::on(area)
        .margin(style.ipx(10.0))
        .x_label_area_size(style.ipx(36.0))
        .y_label_area_size(style.ipx(56.0))
        .build_cartesian_2d(1.0..x_hi, y_lo..y_hi)?;
    // Steps are whole numbers: ticks between them get no label.
    let step_label = |v: &f64| {
        if v.fract() == 0.0 {
            fmt(*v)
        } else {
            String::new()
        }
    };
    let titles = (
        t(style.lang, "chart.history.axis-step"),
        t(style.lang, "chart.history.axis-loss"),
    );
    draw_mesh(&mut chart, style, titles, &step_label)?;
    let line = palette::CURVE.stroke_width(style.width(2.0));
    chart.draw_series(LineSeries::new(thin(&points, MAX_POINTS), line))?;
    draw_last(&chart, last, x_hi, style)
}

/// The last finite point, marked and labelled with its step and loss; the label leans
/// towards the middle of the chart so it stays inside.
fn draw_last<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    last: (f64, f64),
    x_hi: f64,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let values = [("step", fmt(last.0)), ("loss", fmt(last.1))];
    let args: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let text = tf(style.lang, "chart.history.last", &args);
    let left_half = last.0 < (1.0 + x_hi) / 2.0;
    let (anchor, dx) = if left_half {
        (HPos::Left, 1)
    } else {
        (HPos::Right, -1)
    };
    let font = style
        .font(12.0, palette::INK)
        .pos(Pos::new(anchor, VPos::Bottom));
    let offset = (dx * style.ipx(6.0), -style.ipx(6.0));
    let mark = EmptyElement::at(last)
        + Circle::new((0, 0), style.ipx(4.0), palette::PATH.filled())
        + Text::new(text, offset, font);
    chart.plotting_area().draw(&mark)
}

/// `0` (or the lowest loss, if negative) up to the highest loss plus a margin;
/// a flat history of zeros gets `[0, 1]`.
pub(super) fn y_range(points: &[(f64, f64)]) -> (f64, f64) {
    let lo = points.iter().map(|p| p.1).fold(0.0, f64::min);
    let hi = points.iter().map(|p| p.1).fold(lo, f64::max);
    let span = hi - lo;
    if span.is_nan() || span <= 0.0 {
        return (lo, lo + 1.0);
    }
    let padded = hi + 0.15 * span;
    (lo, if padded.is_finite() { padded } else { hi })
}

/// At most `max` points with the curve's shape: each of `max / 2` buckets of consecutive
/// points gives its lowest and its highest point, in step order; the last point stays.
pub(super) fn thin(points: &[(f64, f64)], max: usize) -> Vec<(f64, f64)> {
    if points.len() <= max {
        return points.to_vec();
    }
    let buckets = (max / 2).max(1);
    let size = points.len().div_ceil(buckets);
    let mut out = Vec::with_capacity(max + 1);
    for chunk in points.chunks(size) {
        let by_loss = |a: &&(f64, f64), b: &&(f64, f64)| a.1.total_cmp(&b.1);
        let (Some(&lo), Some(&hi)) = (chunk.iter().min_by(by_loss), chunk.iter().max_by(by_loss))
        else {
            continue;
        };
        let (first, second) = if lo.0 <= hi.0 { (lo, hi) } else { (hi, lo) };
        out.push(first);
        if second.0 != first.0 {
            out.push(second);
        }
    }
    if let (Some(&end), Some(&shown)) = (points.last(), out.last()) {
        if end != shown {
            out.push(end);
        }
    }
    out
}

/// A centred, wrapped hint where the chart would be.
fn draw_hint<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    hint: &str,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = area.dim_in_pixel();
    let size = style.px(14.0);
    let lines = wrap(hint, f64::from(w) * 0.85, size);
    let step = (size * 1.4) as i32;
    let top = (h as i32 - step * lines.len() as i32) / 2 + step / 2;
    let font = style
        .font(14.0, palette::MUTED)
        .pos(Pos::new(HPos::Center, VPos::Center));
    for (i, line) in lines.iter().enumerate() {
        let y = top + step * i as i32;
        area.draw(&Text::new(line.clone(), (w as i32 / 2, y), font.clone()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thinning_keeps_the_extremes_and_the_end() {
        let mut points: Vec<(f64, f64)> = (1..=10_000).map(|i| (f64::from(i), 1.0)).collect();
        points[4321].1 = 50.0;
        let thinned = thin(&points, 2000);
        assert!(thinned.len() <= 2001);
        assert!(thinned.iter().any(|p| p.1 == 50.0));
        assert_eq!(thinned.last(), points.last());
        assert!(thinned.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn y_range_starts_at_zero_and_survives_flat_histories() {
        assert_eq!(y_range(&[(1.0, 0.0), (2.0, 0.0)]), (0.0, 1.0));
        let (lo, hi) = y_range(&[(1.0, 2.0), (2.0, 2.0)]);
        assert_eq!(lo, 0.0);
        assert!((hi - 2.3).abs() < 1e-12);
        let (_, huge) = y_range(&[(1.0, f64::MAX)]);
        assert!(huge.is_finite());
    }
}
