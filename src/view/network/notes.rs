//! The words around the network: the column headings, the names x₁ … on the
//! left, and on the right ŷ, the target y and the box with the loss L.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::Rectangle;
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::HPos;
use plotters::style::Color;

use crate::engine::loss::LossKind;
use crate::engine::snapshot::{NetworkSnapshot, Phase};
use crate::i18n::{t, tf, Lang};
use crate::view::network::geometry::text_width;
use crate::view::network::layout::NetworkLayout;
use crate::view::network::text::{draw_text, px, stroke, Ink};
use crate::view::network::values::{self as values};
use crate::view::network::{DrawResult, NetworkStyle, NodeRef};
use crate::view::number::{fmt, fmt_vec};
use crate::view::palette;

/// Two lines over each column: the layer's name (bold) and its activation (or x).
pub(crate) fn draw_headings<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    lang: Lang,
) -> DrawResult<DB> {
    let s = layout.scale();
    let active = values::active_layer(snap.phase, &snap.sizes);
    let columns: Vec<f64> = (0..layout.sizes().len())
        .filter_map(|l| layout.node_center(values::node(l, 0)).map(|c| c.0))
        .collect();
    let gap = columns
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f64::INFINITY, f64::min);
    for (l, &x) in columns.iter().enumerate() {
        let title = values::layer_title(snap, l, lang);
        // Headings of close columns shrink rather than run into each other.
        let size = (13.0 * s)
            .min(0.8 * gap / text_width(&title, 1.0))
            .max(7.0 * s);
        let colour = if active == Some(l) {
            values::phase_colour(snap.phase)
        } else {
            palette::INK
        };
        draw_text(area, &title, (x, 44.0 * s), Ink::new(size, colour).bold())?;
        let sub_ink = Ink::new(size * 0.85, palette::MUTED);
        let sub = match values::layer(snap, l) {
            Some(ls) => ls.activation.name().to_string(),
            None => format!("x = {}", fmt_vec(&snap.input)),
        };
        let sub = if sub_ink.width(&sub) <= 0.9 * gap {
            sub
        } else {
            "x".to_string()
        };
        draw_text(area, &sub, (x, 61.0 * s), sub_ink)?;
    }
    Ok(())
}

/// Names of the inputs on the left (on a data set, the features: x₁², sin x₁, …);
/// ŷ, the target y and the loss L on the right.
pub(crate) fn draw_sides<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    style: &NetworkStyle,
) -> DrawResult<DB> {
    let lang = style.lang;
    let (s, r) = (layout.scale(), layout.radius());
    let name = Ink::new((13.0 * s).min(r * 0.9).max(7.0 * s), palette::INK).bold();
    let column = |layer: usize| -> Vec<(NodeRef, (f64, f64))> {
        let n = layout.sizes().get(layer).copied().unwrap_or(0);
        let nodes = (0..n).map(|index| NodeRef { layer, index });
        nodes
            .filter_map(|node| layout.node_center(node).map(|c| (node, c)))
            .collect()
    };
    for (node, (x, y)) in column(0) {
        let text = match &style.maps {
            Some(maps) => maps.name(&snap.sizes, node),
            None => values::node_name(&snap.sizes, node),
        };
        // A long feature name (sin x₁) shrinks to the room left of the column.
        let room = x - r - 9.0 * s;
        let size = (name.size * room / name.width(&text).max(1.0)).clamp(7.0 * s, name.size);
        let ink = Ink { size, ..name }.anchored(HPos::Right);
        draw_text(area, &text, (x - r - 7.0 * s, y), ink)?;
    }
    let outputs = column(layout.sizes().len().saturating_sub(1));
    for &(node, (x, y)) in &outputs {
        draw_output_names(area, layout, snap, lang, (node, (x + r + 8.0 * s, y)), name)?;
    }
    let centres: Vec<(f64, f64)> = outputs.iter().map(|o| o.1).collect();
    match (centres.first(), loss_top(layout, &centres)) {
        (Some(&(x, _)), Some(top)) => draw_loss(area, layout, snap, lang, (x + r + 8.0 * s, top)),
        _ => Ok(()),
    }
}

/// `ŷ₁` and `target y₁ = …` beside an output neuron, starting at `left`: stacked
/// when there is room, on one line otherwise.
fn draw_output_names<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    lang: Lang,
    (node, (left, y)): (NodeRef, (f64, f64)),
    name: Ink,
) -> DrawResult<DB> {
    let s = layout.scale();
    let j = node.index;
    let target = snap
        .target
        .get(j)
        .map_or_else(|| "?".to_string(), |&v| fmt(v));
    let y_name = values::target_name(&snap.sizes, j);
    let line = tf(lang, "net.target", &[("name", &y_name), ("value", &target)]);
    let text = values::node_name(&snap.sizes, node);
    let (name_at, line_at) = if layout.has_side_text() {
        ((left, y - 9.0 * s), (left, y + 9.0 * s))
    } else {
        ((left, y), (left + name.width(&text) + 6.0 * s, y))
    };
    draw_text(area, &text, name_at, name.anchored(HPos::Left))?;
    let ink = Ink::new(10.5 * s, palette::MUTED).anchored(HPos::Left);
    draw_text(area, &line, line_at, ink)
}

/// Height of the loss box in CSS pixels.
const LOSS_BOX: f64 = 40.0;

/// Top of the loss box beside the output column: below the last output if that fits
/// above the legend, else in the widest gap between two outputs, else at the bottom.
fn loss_top(layout: &NetworkLayout, outputs: &[(f64, f64)]) -> Option<f64> {
    let (s, r, (_, h)) = (layout.scale(), layout.radius(), layout.size());
    let (floor, text) = (h - 36.0 * s - LOSS_BOX * s, r.max(18.0 * s));
    let below = outputs.last()?.1 + text + 26.0 * s;
    if below <= floor {
        return Some(below);
    }
    let gap = outputs
        .windows(2)
        .map(|p| (p[0].1, p[1].1))
        .max_by(|p, q| (p.1 - p.0).total_cmp(&(q.1 - q.0)));
    match gap {
        Some((a, b)) if b - a >= 2.0 * text + (LOSS_BOX + 8.0) * s => {
            Some((a + b - LOSS_BOX * s) / 2.0)
        }
        _ => Some(floor),
    }
}

/// The loss box: `L = …` (or `?` before the Loss phase) and the loss's name;
/// outlined in the phase colour while the Loss phase is the current one.
fn draw_loss<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    lang: Lang,
    (left, top): (f64, f64),
) -> DrawResult<DB> {
    let s = layout.scale();
    let (value, colour) = match snap.loss {
        Some(v) => (tf(lang, "net.loss", &[("value", &fmt(v))]), palette::INK),
        None => (t(lang, "net.loss_pending").to_string(), palette::MUTED),
    };
    let kind = t(lang, loss_key(snap.loss_kind));
    let big = Ink::new(13.0 * s, colour).bold().anchored(HPos::Left);
    let small = Ink::new(10.0 * s, palette::MUTED).anchored(HPos::Left);
    let w = big.width(&value).max(small.width(kind)) + 14.0 * s;
    let corners = [px((left, top)), px((left + w, top + LOSS_BOX * s))];
    // While the Loss phase is the current one the box is lit like the layer being computed.
    let (fill, frame, width) = match snap.phase {
        Phase::Loss => (
            palette::lighten(palette::FORWARD, 0.88),
            palette::FORWARD,
            2.5,
        ),
        _ => (
            palette::BACKGROUND,
            palette::lighten(palette::MUTED, 0.5),
            1.0,
        ),
    };
    area.draw(&Rectangle::new(corners, fill.filled()))?;
    area.draw(&Rectangle::new(corners, stroke(frame, width * s)))?;
    draw_text(area, &value, (left + 7.0 * s, top + 14.0 * s), big)?;
    draw_text(area, kind, (left + 7.0 * s, top + 30.0 * s), small)
}

/// The i18n key naming a loss function.
fn loss_key(kind: LossKind) -> &'static str {
    match kind {
        LossKind::SquaredError => "net.loss_kind.squared",
        LossKind::BinaryCrossEntropy => "net.loss_kind.binary",
        LossKind::SoftmaxCrossEntropy => "net.loss_kind.softmax",
    }
}
