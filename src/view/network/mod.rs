//! The network diagram: layers as columns (input on the left), neurons as circles
//! filled by their activation, edges coloured and thickened by their gradient (or
//! weight), the layer of the current phase highlighted and the direction of flow
//! drawn with arrowheads. Also the tooltips of an edge and of a neuron.
//!
//! Split over this folder: layout (positions, hit tests), geometry (boxes, label
//! placement), values (reading the snapshot), edges, nodes, text (fonts and tags),
//! notes (headings, x/ŷ/y/L), caption (phase, band, legend), tooltip and delta
//! (the texts with live numbers); on a data set, the neurons' heat maps (`maps`:
//! their colours, `map_marks`: their squares and what is drawn over them) and the
//! data plot (`boundary`); beside the diagram, the phase panel's formulas
//! (`formula`, `formula_backward`) and the loss history (`history`).

pub mod boundary;
mod caption;
pub mod check;
mod delta;
// Arrowheads and label boxes, shared with the graph lab's picture.
pub(crate) mod edges;
pub mod epochs;
pub mod formula;
mod formula_backward;
mod formula_example;
mod formula_update;
pub(crate) mod geometry;
pub mod history;
mod layout;
pub mod map_marks;
pub mod maps;
mod nodes;
mod notes;
pub(crate) mod text;
mod tooltip;
pub(crate) mod values;

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::prelude::DrawingBackend;

use crate::engine::snapshot::NetworkSnapshot;
use crate::i18n::Lang;
use crate::view::palette;

pub use crate::view::network::layout::NetworkLayout;
pub use crate::view::network::tooltip::{edge_tooltip, node_tooltip};
pub use crate::view::network::values::node_name;

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
    /// On a data set: the neurons are squares that frame their heat maps (see
    /// [`map_marks`]); `None` for the tutorial's circles.
    pub maps: Option<MapStyle>,
}

/// The diagram on a data set: what the inputs are and where the chosen example is.
#[derive(Clone, Debug, PartialEq)]
pub struct MapStyle {
    /// The input features in input order (x₁, x₂, x₁², …): the inputs' names.
    pub features: Vec<crate::engine::data::Feature>,
    /// The chosen example's point (x₁, x₂) in the plane, marked on every map.
    pub chosen: Option<[f64; 2]>,
}

impl MapStyle {
    /// Neuron `node`'s name: an input by its feature (x₁², sin x₁, …), any other as
    /// [`node_name`] gives it.
    pub fn name(&self, sizes: &[usize], node: NodeRef) -> String {
        match self.features.get(node.index).filter(|_| node.layer == 0) {
            Some(&f) => crate::view::network::maps::feature_symbol(f).to_string(),
            None => node_name(sizes, node),
        }
    }
}

/// Result of drawing on a backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws the whole diagram of `snap` on `area` (which should be the
/// `width × height` canvas `layout` was made for). Shapes that do not match the
/// layout are drawn as far as they match; nothing panics on a short snapshot.
/// In three layers, as a page may keep the middle one ([`draw_network_labels`]).
pub fn draw_network<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    style: &NetworkStyle,
) -> DrawResult<DB> {
    draw_network_under(area, layout, snap)?;
    draw_network_labels(area, layout, snap, style)?;
    draw_network_over(area, layout, snap, style)
}

/// The background and the band of the layer the phase works on.
pub fn draw_network_under<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
) -> DrawResult<DB> {
    area.fill(&palette::BACKGROUND)?;
    crate::view::network::caption::draw_band(area, layout, snap)
}

/// The layers' headings, the names beside the inputs and outputs with the target
/// and the loss, and the legend at the foot: texts clear of the edges, which change
/// only with the phase, the shape, the language, the example or the loss.
pub fn draw_network_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    style: &NetworkStyle,
) -> DrawResult<DB> {
    crate::view::network::notes::draw_headings(area, layout, snap, style.lang)?;
    crate::view::network::notes::draw_sides(area, layout, snap, style)?;
    crate::view::network::caption::draw_legend(area, layout, style)
}

/// Edges, neurons, the numbers on them and the caption.
pub fn draw_network_over<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    style: &NetworkStyle,
) -> DrawResult<DB> {
    crate::view::network::edges::draw_edges(area, layout, snap, style)?;
    crate::view::network::nodes::draw_nodes(area, layout, snap, style.maps.is_some())?;
    crate::view::network::edges::draw_edge_labels(area, layout, snap, style)?;
    crate::view::network::caption::draw_caption(area, layout, snap, style.lang)
}
