//! The data-set run's mean training and test losses after each epoch (epoch 0 =
//! before training), as two lines with a legend; the same axes and thinning as the
//! per-step history.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::i18n::t;
use crate::view::chart::{draw_mesh, ChartStyle, DrawResult};
use crate::view::network::history::{thin, y_range};
use crate::view::number::fmt;
use crate::view::palette;

/// Draws `train[e]` and `test[e]` (the losses after epoch e) on `area`.
pub fn draw_epoch_losses<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    train: &[f64],
    test: &[f64],
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    area.fill(&palette::BACKGROUND)?;
    let series = |v: &[f64]| -> Vec<(f64, f64)> {
        (0..)
            .zip(v)
            .filter(|(_, v)| v.is_finite())
            .map(|(e, &v)| (f64::from(e), v))
            .collect()
    };
    let (tr, te) = (series(train), series(test));
    let all: Vec<(f64, f64)> = tr.iter().chain(&te).copied().collect();
    let (y_lo, y_hi) = y_range(&all);
    let x_hi = (train.len().max(test.len()) as f64 - 1.0).max(1.0);
    let mut chart = ChartBuilder::on(area)
        .margin(style.ipx(10.0))
        .x_label_area_size(style.ipx(36.0))
        .y_label_area_size(style.ipx(56.0))
        .build_cartesian_2d(0.0..x_hi, y_lo..y_hi)?;
    let label = |v: &f64| {
        if v.fract() == 0.0 {
            fmt(*v)
        } else {
            String::new()
        }
    };
    let titles = (
        t(style.lang, "chart.epochs.axis"),
        t(style.lang, "chart.history.axis-loss"),
    );
    draw_mesh(&mut chart, style, titles, &label)?;
    let lines = [
        (tr, palette::CURVE, "chart.epochs.train"),
        (te, palette::TANGENT, "chart.epochs.test"),
    ];
    for (points, colour, key) in lines {
        if points.is_empty() {
            continue;
        }
        let line = colour.stroke_width(style.width(2.0));
        chart
            .draw_series(LineSeries::new(thin(&points, 2000), line))?
            .label(t(style.lang, key))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], colour.stroke_width(3))
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(palette::BACKGROUND.mix(0.85))
        .border_style(palette::FAINT)
        .label_font(style.font(12.0, palette::INK))
        .draw()
}
