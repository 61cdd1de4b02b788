//! The frame of the network diagram: the caption saying which phase runs and which
//! way it flows, the step count, the band and flow arrow behind the layer being
//! computed, and the legend of colours and widths at the bottom.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{PathElement, Polygon, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::HPos;
use plotters::style::Color;

use crate::engine::snapshot::{NetworkSnapshot, Phase};
use crate::i18n::{t, tf, Lang};
use crate::view::network::geometry::text_width;
use crate::view::network::layout::NetworkLayout;
use crate::view::network::text::{draw_text, px, stroke, Ink};
use crate::view::network::values::{self as values, Flow};
use crate::view::network::{DrawResult, EdgeLabel, NetworkStyle};
use crate::view::number::fmt;
use crate::view::palette;

/// A light band behind the column of the layer the phase computes, and an arrow
/// over the columns it connects pointing the way the phase flows.
pub(crate) fn draw_band<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
) -> DrawResult<DB> {
    let Some(l) = values::active_layer(snap.phase, &snap.sizes) else {
        return Ok(());
    };
    let Some((x, _)) = layout.node_center(values::node(l, 0)) else {
        return Ok(());
    };
    let (s, (_, h)) = (layout.scale(), layout.size());
    let half = layout.radius() + 30.0 * s;
    let corners = [px((x - half, 30.0 * s)), px((x + half, h - 40.0 * s))];
    let colour = values::phase_colour(snap.phase);
    area.draw(&Rectangle::new(
        corners,
        palette::lighten(colour, 0.9).filled(),
    ))?;
    let prev = l
        .checked_sub(1)
        .and_then(|p| layout.node_center(values::node(p, 0)));
    let (Some((x0, _)), Some(flow)) = (prev, values::active_edges(snap.phase)) else {
        return Ok(());
    };
    let (from, to) = match flow.1 {
        Flow::Backward => (x - half, x0 + 2.0 * layout.radius()),
        _ => (x0 + 2.0 * layout.radius(), x - half),
    };
    let y = 74.0 * s;
    area.draw(&PathElement::new(
        vec![px((from, y)), px((to, y))],
        stroke(colour, 2.0 * s),
    ))?;
    let dir = if to > from { 1.0 } else { -1.0 };
    let head = vec![
        px((to, y)),
        px((to - dir * 10.0 * s, y - 5.0 * s)),
        px((to - dir * 10.0 * s, y + 5.0 * s)),
    ];
    area.draw(&Polygon::new(head, colour.filled()))
}

/// The caption of the phase at the top left (in the phase colour, with the
/// direction of flow) and the step count with the learning rate at the top right.
pub(crate) fn draw_caption<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    lang: Lang,
) -> DrawResult<DB> {
    let (s, (w, _)) = (layout.scale(), layout.size());
    let caption = match snap.phase {
        Phase::Ready => t(lang, "net.caption.ready").to_string(),
        Phase::Forward { layer } => tf(
            lang,
            "net.caption.forward",
            &[("layer", &layer.to_string())],
        ),
        Phase::Loss => t(lang, "net.caption.loss").to_string(),
        Phase::Backward { layer } => tf(
            lang,
            "net.caption.backward",
            &[("layer", &layer.to_string())],
        ),
        Phase::Update => t(lang, "net.caption.update").to_string(),
    };
    let steps = tf(
        lang,
        "net.steps",
        &[
            ("n", &snap.step.to_string()),
            ("rate", &fmt(snap.learning_rate)),
        ],
    );
    let right = Ink::new(11.0 * s, palette::MUTED).anchored(HPos::Right);
    draw_text(area, &steps, (w - 14.0 * s, 16.0 * s), right)?;
    let room = w - 40.0 * s - text_width(&steps, right.size);
    let size = (14.0 * s)
        .min(room / text_width(&caption, 1.0))
        .max(7.0 * s);
    let ink = Ink::new(size, values::phase_colour(snap.phase))
        .bold()
        .anchored(HPos::Left);
    draw_text(area, &caption, (14.0 * s, 16.0 * s), ink)
}

/// Two lines at the bottom: what an edge's colour and width mean, and a circle's.
pub(crate) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    style: &NetworkStyle,
) -> DrawResult<DB> {
    let (s, (w, h)) = (layout.scale(), layout.size());
    let edges = match style.edge_label {
        EdgeLabel::Gradient => t(style.lang, "net.legend.gradient"),
        EdgeLabel::Weight => t(style.lang, "net.legend.weight"),
    };
    let nodes = match style.maps {
        Some(_) => t(style.lang, "net.legend.maps"),
        None => t(style.lang, "net.legend.nodes"),
    };
    let widest = text_width(edges, 1.0).max(text_width(nodes, 1.0));
    let size = (10.0 * s).min((w - 28.0 * s) / widest).max(6.0 * s);
    let ink = Ink::new(size, palette::MUTED).anchored(HPos::Left);
    draw_text(area, edges, (14.0 * s, h - 25.0 * s), ink)?;
    draw_text(area, nodes, (14.0 * s, h - 11.0 * s), ink)
}
