//! The data-set run's mean training and test losses after each epoch (epoch 0 =
//! before training), as two lines with a legend; the same axes and thinning as the
//! per-step history.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::i18n::t;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::view::chart::{draw_mesh, text_width, ChartStyle, DrawResult};
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
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    // two points (a bucket's lowest and highest) per pixel column show all a line can
    let cap = (2 * (xs.end - xs.start)).max(2) as usize;
    let mut legend = Vec::new();
    for (points, colour, key) in lines {
        if points.is_empty() {
            continue;
        }
        let line = colour.stroke_width(style.width(2.0));
        chart.draw_series(LineSeries::new(thin(&points, cap), line))?;
        legend.push((t(style.lang, key), colour));
    }
    draw_legend(area, (xs.end, ys.start), &legend, style)
}

/// The lines' legend in the plot's upper-right corner `(right, top)` (backing px): a
/// swatch and a name per line on a pale box. Placed with the estimated text width:
/// plotters' own legend measures each name in the page's layout, which costs a
/// layout of the whole page per name on every frame of training.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (right, top): (i32, i32),
    entries: &[(&str, RGBColor)],
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let (font, row, pad, swatch) = (
        style.px(12.0),
        style.px(18.0),
        style.px(8.0),
        style.px(18.0),
    );
    let widest = entries
        .iter()
        .map(|(name, _)| text_width(name, font))
        .fold(0.0, f64::max);
    let (w, h) = (
        widest + swatch + 3.0 * pad,
        row * entries.len() as f64 + pad,
    );
    let (x0, y0) = (f64::from(right) - w - pad, f64::from(top) + pad);
    let corner = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    let frame = [corner(x0, y0), corner(x0 + w, y0 + h)];
    area.draw(&Rectangle::new(
        frame,
        palette::BACKGROUND.mix(0.85).filled(),
    ))?;
    area.draw(&Rectangle::new(frame, palette::FAINT))?;
    let text = style
        .font(12.0, palette::INK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (k, (name, colour)) in entries.iter().enumerate() {
        let y = y0 + pad / 2.0 + row * (k as f64 + 0.5);
        let x = x0 + pad;
        let sample = vec![corner(x, y), corner(x + swatch, y)];
        area.draw(&PathElement::new(
            sample,
            colour.stroke_width(style.width(3.0)),
        ))?;
        area.draw(&Text::new(*name, corner(x + swatch + pad, y), text.clone()))?;
    }
    Ok(())
}
