//! Paints a computational graph: edges with arrowheads and a tag holding their
//! local derivative (and, once backward passed, the value they carry back), then
//! a box per node with its formula, its value (forward green) and dJ/d(node)
//! (backward magenta); the node just computed ringed in the direction's colour,
//! the selected node behind a highlighter halo.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor};

use crate::engine::graph::{Direction, EdgeSnapshot, GraphSnapshot, NodeKind, NodeSnapshot};
use crate::view::graph::layout::{GraphLayout, BOX_W, LABEL_H};
use crate::view::graph::text::gradient_text;
use crate::view::network::edges::draw_arrowhead;
use crate::view::network::geometry::Rect;
use crate::view::network::text::{draw_text, px, stroke, Ink};
use crate::view::number::fmt;
use crate::view::palette;

/// Result of drawing on a backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// What to emphasise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GraphStyle {
    /// The selected node (a highlighter halo).
    pub selected: Option<usize>,
    /// The node under the pointer (a lighter halo).
    pub hover: Option<usize>,
}

/// Draws `snap` on `area` with the boxes and paths of `layout` (made for this
/// graph's shape and this canvas). A snapshot that does not match the layout is
/// drawn as far as it matches.
pub fn draw_graph<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &GraphLayout,
    snap: &GraphSnapshot,
    style: &GraphStyle,
) -> DrawResult<DB> {
    area.fill(&palette::BACKGROUND)?;
    for (k, edge) in snap.edges.iter().enumerate() {
        draw_edge(area, layout, snap, k, edge)?;
    }
    for (k, edge) in snap.edges.iter().enumerate() {
        draw_edge_tag(area, layout, k, edge)?;
    }
    for node in &snap.nodes {
        draw_node(area, layout, snap, node, style)?;
    }
    Ok(())
}

/// The colour of the direction the session is stepping in.
fn direction_colour(d: Direction) -> RGBColor {
    match d {
        Direction::Backward | Direction::Done => palette::BACKWARD,
        _ => palette::FORWARD,
    }
}

fn draw_edge<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &GraphLayout,
    snap: &GraphSnapshot,
    k: usize,
    edge: &EdgeSnapshot,
) -> DrawResult<DB> {
    let Some(path) = layout.edge_path(k).filter(|p| p.len() >= 2) else {
        return Ok(());
    };
    let u = layout.unit();
    let active = snap.cursor == Some(edge.to) && snap.direction != Direction::Ready;
    let (colour, width) = match (active, edge.carried, edge.local) {
        (true, _, _) => (direction_colour(snap.direction), 2.5),
        (false, Some(_), _) => (palette::lighten(palette::BACKWARD, 0.35), 1.6),
        (false, None, Some(_)) => (palette::CURVE, 1.4),
        (false, None, None) => (palette::lighten(palette::MUTED, 0.35), 1.2),
    };
    let points: Vec<(i32, i32)> = path.iter().copied().map(px).collect();
    if active {
        let halo = palette::lighten(colour, 0.7);
        area.draw(&PathElement::new(points.clone(), stroke(halo, 8.0 * u)))?;
    }
    area.draw(&PathElement::new(points, stroke(colour, width * u)))?;
    let n = path.len();
    draw_arrowhead(
        area,
        (path[n - 2], path[n - 1]),
        0.0,
        colour,
        (9.0 * u, 4.0 * u),
    )
}

/// The tag of edge `k`: its local derivative, and `← carried` once backward passed.
fn draw_edge_tag<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &GraphLayout,
    k: usize,
    edge: &EdgeSnapshot,
) -> DrawResult<DB> {
    let (Some(local), Some(r)) = (edge.local, layout.label_rect(k)) else {
        return Ok(());
    };
    let u = layout.unit();
    let mut lines = vec![(fmt(local), Ink::new(11.0 * u, palette::INK))];
    let mut frame = palette::lighten(palette::CURVE, 0.6);
    if let Some(c) = edge.carried {
        let ink = Ink::new(11.0 * u, palette::BACKWARD).bold();
        lines.push((format!("← {}", fmt(c)), ink));
        frame = palette::lighten(palette::BACKWARD, 0.6);
    }
    let widest = lines
        .iter()
        .map(|(t, ink)| ink.width(t))
        .fold(0.0, f64::max);
    let w = (widest + 8.0 * u).min(r.x1 - r.x0);
    let line = LABEL_H * u / 2.0;
    let h = lines.len() as f64 * line + 2.0 * u;
    let (cx, cy) = ((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0);
    let tag = Rect::centered((cx, cy), w, h);
    let corners = [px((tag.x0, tag.y0)), px((tag.x1, tag.y1))];
    area.draw(&Rectangle::new(corners, palette::BACKGROUND.filled()))?;
    area.draw(&Rectangle::new(corners, stroke(frame, 1.0 * u)))?;
    let first = cy - (lines.len() as f64 - 1.0) * line / 2.0;
    for (i, (text, ink)) in lines.into_iter().enumerate() {
        draw_fitted(area, &text, (cx, first + i as f64 * line), ink, w)?;
    }
    Ok(())
}

/// Draws `text` centred at `at`, shrunk until it is at most `max_width` wide.
fn draw_fitted<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    at: (f64, f64),
    ink: Ink,
    max_width: f64,
) -> DrawResult<DB> {
    let width = ink.width(text);
    let size = if width > max_width && width > 0.0 {
        (ink.size * max_width / width).max(ink.size * 0.6)
    } else {
        ink.size
    };
    draw_text(area, text, at, Ink { size, ..ink })
}

/// Fill and frame of a node's box by kind (inputs bluish, constants grey).
fn node_colours(node: &NodeSnapshot) -> (RGBColor, RGBColor) {
    match node.kind {
        NodeKind::Variable => (palette::lighten(palette::POSITIVE, 0.9), palette::POSITIVE),
        NodeKind::Constant => (palette::FAINT, palette::MUTED),
        NodeKind::Operation if node.value.is_some() => (palette::BACKGROUND, palette::CURVE),
        NodeKind::Operation => (palette::BACKGROUND, palette::lighten(palette::MUTED, 0.35)),
    }
}

fn draw_node<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &GraphLayout,
    snap: &GraphSnapshot,
    node: &NodeSnapshot,
    style: &GraphStyle,
) -> DrawResult<DB> {
    let Some(r) = layout.rect(node.id) else {
        return Ok(());
    };
    let u = layout.unit();
    let grow = |r: &Rect, d: f64| [px((r.x0 - d, r.y0 - d)), px((r.x1 + d, r.y1 + d))];
    if style.selected == Some(node.id) {
        area.draw(&Rectangle::new(grow(&r, 6.0 * u), palette::HOVER.filled()))?;
    } else if style.hover == Some(node.id) {
        let pale = palette::lighten(palette::HOVER, 0.55);
        area.draw(&Rectangle::new(grow(&r, 5.0 * u), pale.filled()))?;
    }
    let (fill, frame) = node_colours(node);
    area.draw(&Rectangle::new(grow(&r, 0.0), fill.filled()))?;
    let just_done = snap.cursor == Some(node.id) && snap.direction != Direction::Ready;
    let root = snap.nodes.len().checked_sub(1) == Some(node.id);
    let (frame, width) = match (just_done, root) {
        (true, _) => (direction_colour(snap.direction), 3.5),
        (false, true) => (palette::INK, 2.0),
        (false, false) => (frame, 1.3),
    };
    area.draw(&Rectangle::new(grow(&r, 0.0), stroke(frame, width * u)))?;
    draw_node_text(area, &r, snap, node, u)
}

/// The three lines of a node: formula (or name), `= value`, `dJ/d(label) = gradient`.
fn draw_node_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: &Rect,
    snap: &GraphSnapshot,
    node: &NodeSnapshot,
    u: f64,
) -> DrawResult<DB> {
    let cx = (r.x0 + r.x1) / 2.0;
    let cy = (r.y0 + r.y1) / 2.0;
    let room = (BOX_W - 10.0) * u;
    let title = Ink::new(12.5 * u, palette::INK).bold();
    draw_fitted(area, &node.formula, (cx, cy - 17.0 * u), title, room)?;
    let (value, colour) = match node.value {
        Some(v) => (format!("= {}", fmt(v)), palette::FORWARD),
        None => ("= ?".to_string(), palette::MUTED),
    };
    let ink = Ink::new(13.0 * u, colour).bold();
    draw_fitted(area, &value, (cx, cy + 1.0 * u), ink, room)?;
    if let Some(text) = gradient_text(snap, node) {
        let ink = Ink::new(11.5 * u, palette::BACKWARD).bold();
        draw_fitted(area, &text, (cx, cy + 18.0 * u), ink, room)?;
    }
    Ok(())
}
