//! Where the network diagram puts things: node centres, the node radius, the
//! fonts and the spot of every edge's number label. Computed once per network
//! shape or canvas size (never per frame), so labels do not jump as numbers change.
//! Also answers the pointer's questions (which node or edge is under it).

use crate::view::network::geometry::{place_labels, segment_distance, text_width, Rect};
use crate::view::network::{EdgeRef, NodeRef};

/// Networks with more edges than this get no edge numbers (they would be a blur);
/// the hovered edge still shows its number.
pub const MAX_LABELLED_EDGES: usize = 24;

/// Margins and bands in CSS pixels (multiplied by the device pixel ratio).
const LEFT: f64 = 48.0;
/// Room on the right for ŷ, the target y and the loss.
const RIGHT: f64 = 150.0;
/// Top of the node band: below the caption and the column headings.
const TOP: f64 = 84.0;
/// Bottom of the node band: above the legend and the bias labels.
const BOTTOM: f64 = 50.0;
/// Largest node radius and vertical distance between neighbouring nodes.
const MAX_RADIUS: f64 = 26.0;
const MAX_SPACING: f64 = 150.0;
/// Pointer tolerance around an edge.
const EDGE_TOLERANCE: f64 = 6.0;
/// Text as wide as an edge's number usually gets.
const LABEL: &str = "-0.001234";
/// Text as wide as an Update's "old → new" usually gets.
const WIDE_LABEL: &str = "0.0285 → 0.123";

/// Node positions for a network shape in a canvas of `width × height` backing pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkLayout {
    sizes: Vec<usize>,
    width: f64,
    height: f64,
    scale: f64,
    /// `centers[l][j]`: centre of neuron `j` of layer `l` (0 = input).
    centers: Vec<Vec<(f64, f64)>>,
    radius: f64,
    /// Smallest distance between two neurons of one column.
    min_spacing: f64,
    /// `labels[l − 1][i][j]`: centre of the number label of edge (l, i, j);
    /// empty for a layer whose labels do not fit, or a network with too many edges.
    labels: Vec<Vec<Vec<(f64, f64)>>>,
    /// The same for the wider `old → new` labels of the Update phase.
    wide_labels: Vec<Vec<Vec<(f64, f64)>>>,
}

impl NetworkLayout {
    /// Lays out a network with `sizes` neurons per layer (input first) in a canvas of
    /// `width × height` backing pixels at device pixel ratio `scale`.
    pub fn new(sizes: &[usize], width: f64, height: f64, scale: f64) -> NetworkLayout {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        let (width, height) = (width.max(1.0), height.max(1.0));
        let columns = column_xs(sizes.len(), width, scale);
        let (top, bottom) = (TOP * scale, (height - BOTTOM * scale).max(TOP * scale));
        let spacing = |n: usize| ((bottom - top) / n.max(1) as f64).min(MAX_SPACING * scale);
        let centers = sizes.iter().zip(&columns).map(|(&n, &x)| {
            let (mid, step) = ((top + bottom) / 2.0, spacing(n));
            let y = move |j: usize| mid + (j as f64 - (n as f64 - 1.0) / 2.0) * step;
            (0..n).map(|j| (x, y(j))).collect()
        });
        let crowded = sizes.iter().filter(|&&n| n > 1).map(|&n| spacing(n));
        let min_spacing = crowded.fold(f64::INFINITY, f64::min);
        let gap = columns
            .windows(2)
            .map(|w| w[1] - w[0])
            .fold(f64::INFINITY, f64::min);
        let radius = (MAX_RADIUS * scale).min(0.33 * min_spacing).min(0.2 * gap);
        let mut layout = NetworkLayout {
            sizes: sizes.to_vec(),
            width,
            height,
            scale,
            centers: centers.collect(),
            radius: radius.max(3.0 * scale),
            min_spacing,
            labels: Vec::new(),
            wide_labels: Vec::new(),
        };
        if layout.edge_count() <= MAX_LABELLED_EDGES {
            layout.labels = place_labels(&layout, layout.planned_label_size(LABEL));
            layout.wide_labels = place_labels(&layout, layout.planned_label_size(WIDE_LABEL));
        }
        layout
    }

    /// Centre of a neuron in backing pixels, if the network has it.
    pub fn node_center(&self, node: NodeRef) -> Option<(f64, f64)> {
        self.centers.get(node.layer)?.get(node.index).copied()
    }

    /// The edge nearest to `(x, y)` (backing pixels) within a few pixels; `None` when a
    /// node is there (nodes take precedence) or nothing is near.
    pub fn hit_edge(&self, x: f64, y: f64) -> Option<EdgeRef> {
        if self.hit_node(x, y).is_some() {
            return None;
        }
        let tolerance = EDGE_TOLERANCE * self.scale;
        self.edges()
            .filter_map(|e| {
                let (a, b) = self.edge_ends(e)?;
                Some((e, segment_distance((x, y), a, b)))
            })
            .filter(|&(_, d)| d <= tolerance)
            .min_by(|p, q| p.1.total_cmp(&q.1))
            .map(|(e, _)| e)
    }

    /// The neuron whose circle (plus a small margin) contains `(x, y)`.
    pub fn hit_node(&self, x: f64, y: f64) -> Option<NodeRef> {
        let reach = self.radius + 2.0 * self.scale;
        self.nodes()
            .filter_map(|n| {
                let (cx, cy) = self.node_center(n)?;
                Some((n, (cx - x).hypot(cy - y)))
            })
            .filter(|&(_, d)| d <= reach)
            .min_by(|p, q| p.1.total_cmp(&q.1))
            .map(|(n, _)| n)
    }

    /// Neurons per layer, input first.
    pub fn sizes(&self) -> &[usize] {
        &self.sizes
    }

    /// Canvas width and height in backing pixels.
    pub(crate) fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    /// Device pixel ratio: multiplies every font size and line width.
    pub(crate) fn scale(&self) -> f64 {
        self.scale
    }

    /// Radius of every neuron's circle in backing pixels.
    pub(crate) fn radius(&self) -> f64 {
        self.radius
    }

    /// True when there is room for the δ above and the bias below each neuron
    /// (between two neurons of the most crowded column).
    pub(crate) fn has_side_text(&self) -> bool {
        self.min_spacing >= 2.0 * self.radius + 44.0 * self.scale
    }

    /// 1 for roomy networks, down to 0.4 for crowded ones: multiplies edge widths so
    /// that many thick edges do not fill the picture.
    pub(crate) fn density(&self) -> f64 {
        (self.radius / (MAX_RADIUS * self.scale)).clamp(0.4, 1.0)
    }

    /// Font size of edge labels (backing pixels).
    pub(crate) fn label_font(&self) -> f64 {
        11.0 * self.scale
    }

    /// Centre of an edge's number label (`wide`: an `old → new` label), if this
    /// layout has room to label the edge's layer.
    pub(crate) fn label_center(&self, e: EdgeRef, wide: bool) -> Option<(f64, f64)> {
        let labels = if wide {
            &self.wide_labels
        } else {
            &self.labels
        };
        labels
            .get(e.layer.checked_sub(1)?)?
            .get(e.from)?
            .get(e.to)
            .copied()
    }

    /// Both ends (centres of the two neurons) of an edge.
    pub(crate) fn edge_ends(&self, e: EdgeRef) -> Option<((f64, f64), (f64, f64))> {
        let from = self.node_center(NodeRef {
            layer: e.layer.checked_sub(1)?,
            index: e.from,
        })?;
        let to = self.node_center(NodeRef {
            layer: e.layer,
            index: e.to,
        })?;
        Some((from, to))
    }

    /// Every edge, layer by layer, then by source and target neuron.
    pub(crate) fn edges(&self) -> impl Iterator<Item = EdgeRef> + '_ {
        let pairs = self.sizes.windows(2).enumerate();
        pairs.flat_map(|(l0, w)| {
            let (n_in, n_out) = (w[0], w[1]);
            (0..n_in * n_out).map(move |k| EdgeRef {
                layer: l0 + 1,
                from: k / n_out,
                to: k % n_out,
            })
        })
    }

    /// Every neuron, layer by layer.
    pub(crate) fn nodes(&self) -> impl Iterator<Item = NodeRef> + '_ {
        let layers = self.sizes.iter().enumerate();
        layers.flat_map(|(layer, &n)| (0..n).map(move |index| NodeRef { layer, index }))
    }

    /// How many edges the network has.
    pub(crate) fn edge_count(&self) -> usize {
        self.sizes.windows(2).map(|w| w[0] * w[1]).sum()
    }

    /// The box a neuron occupies with its δ above and its bias below, so edge labels
    /// keep clear of them (and of the arrowheads next to the circle).
    pub(crate) fn node_box(&self, (cx, cy): (f64, f64)) -> Rect {
        let s = self.scale;
        let (above, below) = if self.has_side_text() {
            (24.0 * s, 20.0 * s)
        } else {
            (2.0 * s, 2.0 * s)
        };
        let r = self.radius;
        Rect::new(
            cx - r - 12.0 * s,
            cy - r - above,
            cx + r + 12.0 * s,
            cy + r + below,
        )
    }

    /// Size of the box a label of `text` is planned with (backing pixels).
    fn planned_label_size(&self, text: &str) -> (f64, f64) {
        let f = self.label_font();
        // The drawn tag is 0.6 em wider than its text and 1.45 em tall; the plan adds a
        // little air so neighbouring labels never touch.
        (
            text_width(text, f) + 0.6 * f + 6.0 * self.scale,
            1.45 * f + 3.0 * self.scale,
        )
    }
}

/// The x of each column: input on the left, the output before the right-hand notes.
fn column_xs(n: usize, width: f64, scale: f64) -> Vec<f64> {
    // On a narrow canvas (a phone) the margins shrink with it, so the columns
    // keep most of the width instead of a third of it.
    let css_width = width / scale;
    let (left_margin, right_margin) = (LEFT.min(0.1 * css_width), RIGHT.min(0.27 * css_width));
    let (left, right) = (
        (left_margin + MAX_RADIUS) * scale,
        width - (right_margin + MAX_RADIUS) * scale,
    );
    let right = right.max(left);
    match n {
        0 => Vec::new(),
        1 => vec![(left + right) / 2.0],
        _ => (0..n)
            .map(|l| left + (right - left) * l as f64 / (n - 1) as f64)
            .collect(),
    }
}
