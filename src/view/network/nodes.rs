//! The network's neurons: a circle filled by the neuron's value (colour by sign,
//! intensity by magnitude, hollow before forward reached it) with the number
//! inside, a ring on the layer being computed, δ above and the bias b below. On a
//! data set a neuron is instead a square frame (coloured by the sign of its value)
//! that the web layer fills with the neuron's heat map (see `map_marks`).

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Circle, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::Color;

use crate::engine::snapshot::{NetworkSnapshot, Phase};
use crate::view::network::geometry::text_width;
use crate::view::network::layout::NetworkLayout;
use crate::view::network::text::{draw_tag, draw_text, px, stroke, Ink};
use crate::view::network::values::{self as values};
use crate::view::network::{DrawResult, NodeRef};
use crate::view::number::{fmt, fmt_sig};
use crate::view::palette;

/// Draws every neuron: a ring if the phase computes it, the circle filled by its
/// value (hollow before forward reached it), the value inside, δ above, b below.
/// With `maps`, squares framing the heat maps instead of the circles.
pub(crate) fn draw_nodes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    maps: bool,
) -> DrawResult<DB> {
    let active = values::active_layer(snap.phase, &snap.sizes);
    for n in layout.nodes() {
        let Some(c) = layout.node_center(n) else {
            continue;
        };
        let (r, s) = (layout.radius(), layout.scale());
        let value = values::node_value(snap, n);
        if maps {
            draw_frame(
                area,
                c,
                r,
                s,
                (active == Some(n.layer)).then_some(snap.phase),
                value,
            )?;
        } else {
            if active == Some(n.layer) {
                area.draw(&Circle::new(
                    px(c),
                    r + 4.0 * s,
                    stroke(values::phase_colour(snap.phase), 3.0 * s),
                ))?;
            }
            draw_disc(area, c, r, s, value)?;
        }
        if layout.has_side_text() {
            draw_node_notes(area, layout, snap, n, c)?;
        }
    }
    Ok(())
}

/// A neuron's square on a data set (half-side `r`): white inside (the map covers
/// it), framed in the colour of its value's sign (grey before forward reached it),
/// with a ring in the phase's colour around it while `phase` computes it.
fn draw_frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (f64, f64),
    r: f64,
    s: f64,
    phase: Option<crate::engine::snapshot::Phase>,
    value: Option<f64>,
) -> DrawResult<DB> {
    let square = |h: f64| [px((x - h, y - h)), px((x + h, y + h))];
    if let Some(phase) = phase {
        let ring = stroke(values::phase_colour(phase), 3.0 * s);
        area.draw(&Rectangle::new(square(r + 4.0 * s), ring))?;
    }
    let edge = match value.filter(|v| !v.is_nan()) {
        Some(v) => palette::signed(v),
        None => palette::lighten(palette::MUTED, 0.3),
    };
    area.draw(&Rectangle::new(square(r), palette::BACKGROUND.filled()))?;
    area.draw(&Rectangle::new(square(r), stroke(edge, 2.0 * s)))
}

/// One neuron's circle: colour by the sign of its value, intensity by its size.
fn draw_disc<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: (f64, f64),
    r: f64,
    s: f64,
    value: Option<f64>,
) -> DrawResult<DB> {
    let Some(v) = value.filter(|v| !v.is_nan()) else {
        area.draw(&Circle::new(px(c), r, palette::BACKGROUND.filled()))?;
        return area.draw(&Circle::new(
            px(c),
            r,
            stroke(palette::lighten(palette::MUTED, 0.3), 1.5 * s),
        ));
    };
    // tanh maps any magnitude into [0, 1): 0.05 is pale, 1 is strong, 3 is nearly full.
    let strength = v.abs().tanh();
    let fill = palette::lighten(palette::signed(v), 1.0 - 0.85 * strength);
    area.draw(&Circle::new(px(c), r, fill.filled()))?;
    area.draw(&Circle::new(px(c), r, stroke(palette::signed(v), 1.5 * s)))?;
    let text = if r >= 20.0 * s { fmt(v) } else { fmt_sig(v, 2) };
    // Shrink the number until it fits inside the circle.
    let size = (12.0 * s)
        .min(1.7 * r / text_width(&text, 1.0))
        .max(6.0 * s);
    let ink = if strength > 0.6 {
        palette::BACKGROUND
    } else {
        palette::INK
    };
    draw_text(area, &text, c, Ink::new(size, ink))
}

/// δ above a neuron (once backward reached it) and its bias b below
/// (`old → new` right after an Update).
fn draw_node_notes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    n: NodeRef,
    (x, y): (f64, f64),
) -> DrawResult<DB> {
    let (r, s) = (layout.radius(), layout.scale());
    if let Some(d) = values::delta(snap, n) {
        // On a white tag: edges may pass above a neuron.
        let ink = Ink::new(10.5 * s, palette::BACKWARD).bold();
        let frame = (palette::lighten(palette::BACKWARD, 0.75), 1.0 * s);
        draw_tag(
            area,
            &format!("δ = {}", fmt(d)),
            (x, y - r - 15.0 * s),
            ink,
            frame,
        )?;
    }
    let Some(b) = values::bias(snap, n) else {
        return Ok(());
    };
    let text = match values::old_bias(snap, n) {
        Some(old) => format!("b = {} → {}", fmt(old), fmt(b)),
        None => format!("b = {}", fmt(b)),
    };
    let colour = if snap.phase == Phase::Update {
        palette::UPDATE
    } else {
        palette::MUTED
    };
    draw_text(
        area,
        &text,
        (x, y + r + 12.0 * s),
        Ink::new(10.5 * s, colour),
    )
}
