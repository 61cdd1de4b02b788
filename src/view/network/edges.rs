//! The network's edges: colour by the sign of ∂L/∂w (or of w), width by its
//! magnitude, a halo and arrowheads on the edges the phase works on, the hovered
//! edge highlighted, and each edge's number on a tag at its planned spot.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{PathElement, Polygon};
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor};

use crate::engine::snapshot::NetworkSnapshot;
use crate::view::network::geometry::lerp;
use crate::view::network::layout::{NetworkLayout, MAX_LABELLED_EDGES};
use crate::view::network::text::{draw_tag, px, stroke, Ink};
use crate::view::network::values::{self as values, Flow};
use crate::view::network::{DrawResult, EdgeLabel, EdgeRef, NetworkStyle};
use crate::view::number::fmt;
use crate::view::palette;

/// How one edge is drawn.
#[derive(Clone, Copy, Debug)]
struct EdgeLook {
    colour: RGBColor,
    /// Width in CSS pixels (times the scale when drawn).
    width: f64,
    /// A wide light line underneath: the phase works on this edge.
    halo: Option<RGBColor>,
    /// Arrowhead showing the direction of flow.
    arrow: Option<Flow>,
}

/// Width for a magnitude `v` out of the largest `max`: square-root scaled so that a
/// gradient 20 times smaller than the largest is still clearly visible.
fn magnitude_width(v: f64, max: f64) -> f64 {
    if max > 0.0 && v.is_finite() && v != 0.0 {
        1.5 + 5.5 * (v.abs() / max).min(1.0).sqrt()
    } else {
        1.0
    }
}

/// The look of edge `e`: by ∂L/∂w once backward computed it (Gradient mode) or by w
/// (Weight mode), muted before; a halo and an arrow while the phase works on it.
/// `max` holds the largest |∂L/∂w| and |w| of the network, the widths' reference.
fn edge_look(
    snap: &NetworkSnapshot,
    e: EdgeRef,
    style: &NetworkStyle,
    max: (f64, f64),
) -> EdgeLook {
    let muted = (palette::lighten(palette::MUTED, 0.45), 1.2);
    let (mut colour, mut width) = match (style.edge_label, values::grad(snap, e)) {
        (EdgeLabel::Gradient, Some(g)) => (palette::signed(g), magnitude_width(g, max.0)),
        (EdgeLabel::Gradient, None) => muted,
        (EdgeLabel::Weight, _) => values::weight(snap, e).map_or(muted, |w| {
            (
                palette::lighten(palette::signed(w), 0.15),
                magnitude_width(w, max.1),
            )
        }),
    };
    let flow = values::active_edges(snap.phase)
        .filter(|&(l, _)| l == 0 || l == e.layer)
        .map(|(_, f)| f);
    if flow == Some(Flow::Forward) && style.edge_label == EdgeLabel::Gradient {
        // Forward has no gradients yet: the edges carrying values now get the phase colour.
        (colour, width) = (palette::FORWARD, 2.0);
    }
    EdgeLook {
        colour,
        width,
        halo: flow.map(|_| palette::lighten(values::phase_colour(snap.phase), 0.7)),
        arrow: flow.filter(|&f| f != Flow::Update),
    }
}

/// Draws every edge: halos of the active edges first, then the lines (active ones on
/// top), arrowheads, and the hovered edge last with its highlighter halo.
pub(crate) fn draw_edges<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    style: &NetworkStyle,
) -> DrawResult<DB> {
    let (s, k) = (layout.scale(), layout.density());
    let max = (values::max_abs_grad(snap), values::max_abs_weight(snap));
    let looks = layout.edges().map(|e| (e, edge_look(snap, e, style, max)));
    let mut looks: Vec<(EdgeRef, EdgeLook)> = looks.collect();
    // Active and hovered edges last, so they lie on top of the others.
    looks.sort_by_key(|(e, look)| (style.hover == Some(*e), look.halo.is_some()));
    let plain = |(e, look): &(EdgeRef, EdgeLook)| style.hover != Some(*e) && look.halo.is_none();
    // A crowded network's plain edges from one neuron with one look are one stroke
    // (the first ones, as sorted): hundreds of strokes a frame are the diagram's cost.
    let starred = match layout.edge_count() > MAX_LABELLED_EDGES {
        true => looks.iter().take_while(|l| plain(l)).count(),
        false => 0,
    };
    draw_stars(area, layout, &looks[..starred])?;
    for (e, look) in &looks[starred..] {
        let Some((a, b)) = layout.edge_ends(*e) else {
            continue;
        };
        let line = |c, width: f64| PathElement::new(vec![px(a), px(b)], stroke(c, width * s));
        if style.hover == Some(*e) {
            area.draw(&line(palette::HOVER, (look.width + 10.0) * k))?;
        } else if let Some(halo) = look.halo {
            area.draw(&line(halo, (look.width + 6.0) * k))?;
        }
        area.draw(&line(look.colour, look.width * k))?;
        if let Some(flow) = look.arrow.filter(|_| few_edges(layout, e.layer)) {
            let ends = if flow == Flow::Forward {
                (a, b)
            } else {
                (b, a)
            };
            let size = (10.0 + 1.2 * look.width * k, 4.5 + 0.8 * look.width * k);
            let colour = values::phase_colour(snap.phase);
            let gap = layout.radius() + 2.0 * s;
            draw_arrowhead(area, ends, gap, colour, (size.0 * s, size.1 * s))?;
        }
    }
    Ok(())
}

/// Edges without halo or arrow, drawn as one polyline per run of edges that leave
/// one neuron with one look: from the source to each target and back, a → b₁ → a →
/// b₂ → …, which a canvas strokes as one shape (the turns lie under the neurons).
fn draw_stars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    edges: &[(EdgeRef, EdgeLook)],
) -> DrawResult<DB> {
    let (s, k) = (layout.scale(), layout.density());
    let same = |x: &(EdgeRef, EdgeLook), y: &(EdgeRef, EdgeLook)| {
        (x.0.layer, x.0.from) == (y.0.layer, y.0.from)
            && x.1.colour == y.1.colour
            && x.1.width == y.1.width
    };
    for run in edges.chunk_by(same) {
        let Some(&(first, look)) = run.first() else {
            continue;
        };
        let Some((a, _)) = layout.edge_ends(first) else {
            continue;
        };
        let mut points = vec![px(a)];
        for (e, _) in run {
            if let Some((_, b)) = layout.edge_ends(*e) {
                points.extend([px(b), px(a)]);
            }
        }
        area.draw(&PathElement::new(
            points,
            stroke(look.colour, look.width * k * s),
        ))?;
    }
    Ok(())
}

/// True if layer `l` has few enough edges for an arrowhead on each: on a big layer
/// they would be a thicket, and the flow arrow above the columns shows the way.
fn few_edges(layout: &NetworkLayout, l: usize) -> bool {
    let sizes = layout.sizes();
    l.checked_sub(1)
        .and_then(|p| sizes.get(p).zip(sizes.get(l)))
        .is_some_and(|(m, n)| m * n <= 16)
}

/// A filled triangle `length × 2·half` on the line `from → tip`, its point `gap`
/// short of `tip` (just outside the neuron's circle), pointing at `tip`.
pub(crate) fn draw_arrowhead<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (from, tip): ((f64, f64), (f64, f64)),
    gap: f64,
    colour: RGBColor,
    (length, half): (f64, f64),
) -> DrawResult<DB> {
    let len = (tip.0 - from.0).hypot(tip.1 - from.1);
    if len <= gap + length {
        return Ok(());
    }
    let (ux, uy) = ((tip.0 - from.0) / len, (tip.1 - from.1) / len);
    let point = lerp(from, tip, (len - gap) / len);
    let base = (point.0 - ux * length, point.1 - uy * length);
    let (nx, ny) = (-uy * half, ux * half);
    let triangle = vec![
        px(point),
        px((base.0 + nx, base.1 + ny)),
        px((base.0 - nx, base.1 - ny)),
    ];
    area.draw(&Polygon::new(triangle, colour.filled()))
}

/// The number an edge carries, its colour and whether it is a wide `old → new`
/// label (right after an Update; `→ new` where a layer has no room for that),
/// else ∂L/∂w (Gradient mode, once computed; the weight in grey before) or w.
fn label_text(
    snap: &NetworkSnapshot,
    e: EdgeRef,
    mode: EdgeLabel,
    wide_fits: bool,
) -> Option<(String, RGBColor)> {
    let w = values::weight(snap, e)?;
    if let Some(old) = values::old_weight(snap, e) {
        let text = if wide_fits {
            format!("{} → {}", fmt(old), fmt(w))
        } else {
            format!("→ {}", fmt(w))
        };
        return Some((text, palette::UPDATE));
    }
    match (mode, values::grad(snap, e)) {
        (EdgeLabel::Gradient, Some(g)) => Some((fmt(g), palette::signed(g))),
        // Forward is using these weights right now: show them in its colour.
        (EdgeLabel::Gradient, None) if forward_into(snap, e.layer) => {
            Some((fmt(w), palette::FORWARD))
        }
        (EdgeLabel::Gradient, None) => Some((fmt(w), palette::MUTED)),
        (EdgeLabel::Weight, _) => Some((fmt(w), palette::signed(w))),
    }
}

/// True while the phase is the forward pass into layer `l`.
fn forward_into(snap: &NetworkSnapshot, l: usize) -> bool {
    values::active_edges(snap.phase) == Some((l, Flow::Forward))
}

/// Where an edge's label goes and what it says (`None`: no room for it).
fn edge_label(
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    e: EdgeRef,
    mode: EdgeLabel,
) -> Option<((f64, f64), String, RGBColor)> {
    let updated = values::old_weight(snap, e).is_some();
    let wide = layout.label_center(e, true).filter(|_| updated);
    let at = wide.or_else(|| layout.label_center(e, false))?;
    let (text, colour) = label_text(snap, e, mode, wide.is_some())?;
    Some((at, text, colour))
}

/// Draws the number of every edge at its planned spot (none where there is no
/// room), and always the hovered edge's, emphasised.
pub(crate) fn draw_edge_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    style: &NetworkStyle,
) -> DrawResult<DB> {
    let s = layout.scale();
    let ink = |c: RGBColor| Ink::new(layout.label_font(), c);
    for e in layout.edges().filter(|e| style.hover != Some(*e)) {
        if let Some((at, text, colour)) = edge_label(layout, snap, e, style.edge_label) {
            draw_tag(
                area,
                &text,
                at,
                ink(colour),
                (palette::lighten(colour, 0.7), 1.0 * s),
            )?;
        }
    }
    let Some(e) = style.hover else { return Ok(()) };
    let label = edge_label(layout, snap, e, style.edge_label).or_else(|| {
        let (a, b) = layout.edge_ends(e)?;
        let (text, colour) = label_text(snap, e, style.edge_label, true)?;
        Some((lerp(a, b, 0.5), text, colour))
    });
    if let Some((at, text, colour)) = label {
        draw_tag(
            area,
            &text,
            at,
            ink(colour).bold(),
            (palette::HOVER, 2.5 * s),
        )?;
    }
    Ok(())
}
