//! The marks of the descent view on top of the parabola: the minimum, the iterates
//! joined by their path (first ones labelled w₀, w₁, …), and the current point with
//! its tangent — or, once it has left the frame, an arrow at the edge saying where it went.

use std::collections::HashSet;

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::engine::snapshot::DescentSnapshot;
use crate::i18n::tf;

use crate::view::chart::ChartStyle;
use crate::view::descent::{background, label, label_box, Chart, DrawResult, Frame};
use crate::view::notation::subscript;
use crate::view::number::fmt;
use crate::view::palette;

/// Iterates drawn at most: the first and last half of this many (a converged or bouncing
/// run piles its later dots on the same pixels anyway).
const MAX_DRAWN: usize = 200;
/// Iterates considered for a `wₖ` label (labels that would overlap are skipped).
const MAX_LABELS: usize = 10;
/// The tangent spans this fraction of the frame's width.
const TANGENT_SPAN: f64 = 0.4;

/// The minimum w*: a dashed vertical line (drawn under the path; its label comes last,
/// from [`draw_minimum_label`], so no path crosses the letters).
pub(crate) fn draw_minimum<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    snap: &DescentSnapshot,
    frame: &Frame,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let m = snap.minimum;
    if !m.is_finite() {
        return Ok(());
    }
    let line = palette::lighten(palette::FORWARD, 0.35).stroke_width(style.width(1.0));
    let dash = (style.ipx(4.0), style.ipx(4.0));
    let points = vec![(m, 0.0), (m, frame.j_max)];
    let dashed = DashedPathElement::new(points, dash.0, dash.1, line);
    chart.plotting_area().draw(&dashed)
}

/// `minimum w* = …` at the top of the minimum's line, on a backing box.
pub(crate) fn draw_minimum_label<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    snap: &DescentSnapshot,
    frame: &Frame,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let m = snap.minimum;
    if !m.is_finite() {
        return Ok(());
    }
    let text = tf(style.lang, "chart.descent.minimum", &[("w", &fmt(m))]);
    let font = style
        .font(11.0, palette::FORWARD)
        .pos(Pos::new(HPos::Left, VPos::Top));
    label(
        chart,
        (m, frame.j_max),
        (style.ipx(5.0), style.ipx(4.0)),
        &text,
        font,
        Some(background(snap)),
    )
}

/// Indices of the iterates to draw: all, or the first and last `MAX_DRAWN / 2`.
fn drawn(n: usize) -> Vec<usize> {
    if n <= MAX_DRAWN {
        (0..n).collect()
    } else {
        (0..MAX_DRAWN / 2).chain(n - MAX_DRAWN / 2..n).collect()
    }
}

/// The path from each iterate to the next (clipped to the frame), the dots of the
/// iterates inside it, and `wₖ` labels on the first ones where they fit.
pub(crate) fn draw_iterates<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    snap: &DescentSnapshot,
    frame: &Frame,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let points: Vec<(f64, f64)> = snap
        .iterates
        .iter()
        .copied()
        .zip(snap.losses.iter().copied())
        .collect();
    let indices = drawn(points.len());
    draw_path(chart, &points, &indices, frame, style)?;
    // One dot per pixel: a converged run stacks hundreds of iterates on the same spot.
    let dot = palette::lighten(palette::PATH, 0.25).filled();
    let radius = style.ipx(3.5);
    let mut taken = HashSet::new();
    for &k in &indices {
        let (w, j) = points[k];
        if frame.contains(w, j) && taken.insert(chart.backend_coord(&(w, j))) {
            chart
                .plotting_area()
                .draw(&Circle::new((w, j), radius, dot))?;
        }
    }
    draw_labels(chart, &points, snap.minimum, frame, style)
}

/// Straight segments from each drawn iterate to the next, clipped to the frame; segments
/// shorter than a pixel are skipped.
fn draw_path<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    points: &[(f64, f64)],
    indices: &[usize],
    frame: &Frame,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let path = palette::lighten(palette::PATH, 0.3).stroke_width(style.width(1.5));
    for pair in indices.windows(2) {
        let Some((p, q)) = frame.clip(points[pair[0]], points[pair[1]]) else {
            continue;
        };
        if chart.backend_coord(&p) != chart.backend_coord(&q) {
            chart
                .plotting_area()
                .draw(&PathElement::new(vec![p, q], path))?;
        }
    }
    Ok(())
}

/// `w₀`, `w₁`, … beside the first iterates, on the outer side of the valley (where the
/// parabola leaves room), skipping any label that would overlap one already placed.
fn draw_labels<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    points: &[(f64, f64)],
    minimum: f64,
    frame: &Frame,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let size = style.px(11.0);
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    for (k, &(w, j)) in points.iter().enumerate().take(MAX_LABELS) {
        if !frame.contains(w, j) {
            continue;
        }
        let text = format!("w{}", subscript(k));
        let (px, py) = chart.backend_coord(&(w, j));
        let right = w >= minimum;
        let dx = if right {
            style.ipx(6.0)
        } else {
            -style.ipx(6.0)
        };
        let width = crate::view::chart::text_width(&text, size);
        let left_edge = if right {
            px + dx
        } else {
            px + dx - width as i32
        };
        let candidate = label_box(left_edge, py, &text, size);
        if placed.iter().any(|b| overlaps(b, &candidate)) {
            continue;
        }
        placed.push(candidate);
        let anchor = if right { HPos::Left } else { HPos::Right };
        let font = style
            .font(11.0, palette::MUTED)
            .pos(Pos::new(anchor, VPos::Top));
        label(chart, (w, j), (dx, 0), &text, font, None)?;
    }
    Ok(())
}

/// True if two pixel boxes `(x, y, w, h)` overlap.
fn overlaps(a: &(f64, f64, f64, f64), b: &(f64, f64, f64, f64)) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

/// The current iterate: a highlighted dot with its tangent (slope dJ/dw), or an arrow at
/// the frame's edge when it lies outside.
pub(crate) fn draw_current<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    snap: &DescentSnapshot,
    frame: &Frame,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let (w, j) = (snap.w, snap.loss);
    if !frame.contains(w, j) {
        return draw_off_chart(chart, snap, frame, style);
    }
    let area = chart.plotting_area();
    let half = TANGENT_SPAN * (frame.w_hi - frame.w_lo) / 2.0;
    let ends = (
        (w - half, j - snap.gradient * half),
        (w + half, j + snap.gradient * half),
    );
    let tangent = frame.clip(ends.0, ends.1);
    if let Some((p, q)) = tangent {
        let line = palette::TANGENT.stroke_width(style.width(2.0));
        area.draw(&PathElement::new(vec![p, q], line))?;
    }
    let halo = palette::lighten(palette::PATH, 0.7).filled();
    area.draw(&Circle::new((w, j), style.ipx(8.0), halo))?;
    area.draw(&Circle::new((w, j), style.ipx(5.0), palette::PATH.filled()))?;
    if tangent.is_none() {
        return Ok(());
    }
    draw_tangent_legend(chart, snap, frame, style)
}

/// The slope's value goes in a fixed legend in the top-left corner (above the curve's
/// arm), so it neither covers the marks nor jumps around while the path is playing.
fn draw_tangent_legend<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    snap: &DescentSnapshot,
    frame: &Frame,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let area = chart.plotting_area();
    let corner = (frame.w_lo, frame.j_max);
    let (x, y, len) = (style.ipx(8.0), style.ipx(10.0), style.ipx(18.0));
    let line = palette::TANGENT.stroke_width(style.width(2.0));
    area.draw(
        &(EmptyElement::at(corner) + PathElement::new(vec![(x, y + 4), (x + len, y - 4)], line)),
    )?;
    let text = tf(
        style.lang,
        "chart.descent.tangent",
        &[("g", &fmt(snap.gradient))],
    );
    let font = style
        .font(11.0, palette::TANGENT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    label(
        chart,
        corner,
        (x + len + style.ipx(5.0), y),
        &text,
        font,
        Some(background(snap)),
    )
}

/// An arrow at the left or right edge pointing to where the current iterate went, with its value.
fn draw_off_chart<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    snap: &DescentSnapshot,
    frame: &Frame,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let right = snap.w.is_nan() || snap.w > snap.minimum;
    let edge = if right { frame.w_hi } else { frame.w_lo };
    let at = (edge, frame.j_max * 0.92);
    let (s, dir) = (style.ipx(7.0), if right { 1 } else { -1 });
    let tip = vec![(dir * s, 0), (0, -s), (0, s)];
    let arrow = EmptyElement::at(at) + Polygon::new(tip, palette::ALERT.filled());
    chart.plotting_area().draw(&arrow)?;
    let name = format!("w{}", subscript(snap.iterates.len().saturating_sub(1)));
    let text = tf(
        style.lang,
        "chart.descent.off-chart",
        &[("name", &name), ("value", &fmt(snap.w))],
    );
    let anchor = if right { HPos::Right } else { HPos::Left };
    let font = style
        .font(12.0, palette::ALERT)
        .pos(Pos::new(anchor, VPos::Center));
    label(
        chart,
        at,
        (-dir * style.ipx(6.0), 0),
        &text,
        font,
        Some(background(snap)),
    )
}
