//! The network diagram: layers as columns (input on the left), neurons as circles
//! filled by their activation, edges coloured and thickened by their gradient (or
//! weight), the layer of the current phase highlighted and the direction of flow
//! drawn with arrowheads. Also the tooltips of an edge and of a neuron.
//!
//! Split over `network_*.rs`: layout (positions, hit tests), geometry (boxes, label
//! placement), values (reading the snapshot), edges, nodes, text (fonts and tags),
//! notes (headings, x/ŷ/y/L), caption (phase, band, legend), tooltip and delta
//! (the texts with live numbers).

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::prelude::DrawingBackend;

use super::palette;
use crate::engine::snapshot::NetworkSnapshot;
use crate::i18n::Lang;

pub use super::network_layout::NetworkLayout;
pub use super::network_tooltip::{edge_tooltip, node_tooltip};
pub use super::network_values::node_name;

/// Which number the edges show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EdgeLabel {
    /// `∂L/∂w` once the backward pass computed it (the weight, greyed, before).
    #[default]
    Gradient,
    /// The weight `w`.
    Weight,
}

/// An edge: layer l ≥ 1 (1-based, the layer it enters), from neuron i of layer l−1
/// to neuron j of layer l.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EdgeRef {
    /// The layer the edge enters (1-based; its source is in layer − 1).
    pub layer: usize,
    /// Index of the source neuron in layer − 1.
    pub from: usize,
    /// Index of the target neuron in layer.
    pub to: usize,
}

/// A neuron: layer l ≥ 0 (0 = input), index j.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeRef {
    /// Layer (0 = the input x).
    pub layer: usize,
    /// Index within the layer.
    pub index: usize,
}

/// How to draw: language, which number edges show, the hovered edge, pixel ratio.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkStyle {
    /// Language of every word drawn.
    pub lang: Lang,
    /// Which number the edges carry.
    pub edge_label: EdgeLabel,
    /// The edge under the pointer, emphasised.
    pub hover: Option<EdgeRef>,
    /// Device pixel ratio: multiplies font sizes and line widths.
    pub scale: f64,
}

/// Result of drawing on a backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws the whole diagram of `snap` on `area` (which should be the
/// `width × height` canvas `layout` was made for). Shapes that do not match the
/// layout are drawn as far as they match; nothing panics on a short snapshot.
pub fn draw_network<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    style: &NetworkStyle,
) -> DrawResult<DB> {
    area.fill(&palette::BACKGROUND)?;
    super::network_caption::draw_band(area, layout, snap)?;
    super::network_notes::draw_headings(area, layout, snap, style.lang)?;
    super::network_edges::draw_edges(area, layout, snap, style)?;
    super::network_nodes::draw_nodes(area, layout, snap)?;
    super::network_edges::draw_edge_labels(area, layout, snap, style)?;
    super::network_notes::draw_sides(area, layout, snap, style.lang)?;
    super::network_caption::draw_caption(area, layout, snap, style.lang)?;
    super::network_caption::draw_legend(area, layout, style)
}
