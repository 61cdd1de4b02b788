//! The graph diagram's geometry in backing pixels: a box per node, a polyline per
//! edge (from a port on the right side of its input's box, level through every
//! column it passes, into a port on the left side of its user's box) and a spot
//! for each edge's number. [`GraphPlan`] depends only on the graph's shape and is
//! made once per graph; [`GraphLayout`] once per plan and canvas size.

use crate::engine::graph::GraphSnapshot;
use crate::view::graph::order::Arrangement;
use crate::view::graph::route::edge_paths;
use crate::view::network::geometry::{lerp, Rect};

/// A node's box, CSS pixels at zoom 1.
pub(crate) const BOX_W: f64 = 112.0;
pub(crate) const BOX_H: f64 = 60.0;
/// Room between two columns of boxes, for the edges and their numbers.
const GAP_X: f64 = 80.0;
/// Vertical distance of two nodes of a column (a grid unit).
const ROW: f64 = 88.0;
/// Margin around the drawing.
const MARGIN: f64 = 16.0;
/// The smallest zoom: below it the canvas scrolls instead of shrinking further.
pub const MIN_ZOOM: f64 = 0.72;
/// The largest zoom: a small graph on a wide screen grows to this, not further.
pub const MAX_ZOOM: f64 = 1.25;
/// Shortest canvas (CSS px).
const MIN_HEIGHT: f64 = 200.0;
/// An edge's number tag (two lines: the local derivative, the value carried back).
pub(crate) const LABEL_W: f64 = 60.0;
pub(crate) const LABEL_H: f64 = 32.0;
/// Where along a segment an edge's tag may go, best first.
const FRACTIONS: [f64; 5] = [0.5, 0.32, 0.68, 0.2, 0.8];

/// The arrangement of one graph shape (which node feeds which), pixel-free.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphPlan {
    inputs: Vec<Vec<usize>>,
    edges: Vec<(usize, usize)>,
    arrangement: Arrangement,
}

impl GraphPlan {
    /// Arranges the nodes and edges of `snap`.
    pub fn new(snap: &GraphSnapshot) -> GraphPlan {
        let inputs: Vec<Vec<usize>> = snap.nodes.iter().map(|n| n.inputs.clone()).collect();
        let edges: Vec<(usize, usize)> = snap.edges.iter().map(|e| (e.from, e.to)).collect();
        GraphPlan {
            arrangement: Arrangement::new(&inputs, &edges),
            inputs,
            edges,
        }
    }

    /// True when `snap` has the shape this plan was made for.
    pub fn fits(&self, snap: &GraphSnapshot) -> bool {
        snap.nodes.len() == self.inputs.len()
            && snap
                .nodes
                .iter()
                .zip(&self.inputs)
                .all(|(n, i)| n.inputs == *i)
            && snap.edges.len() == self.edges.len()
            && snap
                .edges
                .iter()
                .zip(&self.edges)
                .all(|(e, p)| (e.from, e.to) == *p)
    }

    /// Pairs of edge segments that cross (0 for every graph whose columns can be
    /// ordered without crossings; the barycenter sweeps find such an order).
    pub fn crossings(&self) -> usize {
        self.arrangement.crossings()
    }

    /// Width and height of the drawing at zoom 1 (CSS px).
    fn content(&self) -> (f64, f64) {
        let a = &self.arrangement;
        let columns = a.columns.len().max(1) as f64;
        let rows = a.vertices.iter().map(|v| v.y).fold(0.0, f64::max);
        (
            (columns - 1.0) * (BOX_W + GAP_X) + BOX_W + 2.0 * MARGIN,
            rows * ROW + BOX_H + 2.0 * MARGIN,
        )
    }

    /// The canvas size (CSS px) for a container `available` CSS px wide: the
    /// container's width, or wider (it scrolls) when the graph does not fit at
    /// [`MIN_ZOOM`]; as tall as the graph at the zoom it will be drawn at (at most
    /// [`MAX_ZOOM`]).
    pub fn css_size(&self, available: f64) -> (f64, f64) {
        let (w, h) = self.content();
        let available = if available.is_finite() && available > 0.0 {
            available
        } else {
            w
        };
        let zoom = (available / w).clamp(MIN_ZOOM, MAX_ZOOM);
        (
            available.max(w * zoom).ceil(),
            (h * zoom).max(MIN_HEIGHT).ceil(),
        )
    }
}

/// Node boxes, edge polylines and tag spots for one plan on one canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphLayout {
    width: f64,
    height: f64,
    /// Backing pixels per CSS pixel of the design: device pixel ratio × zoom.
    unit: f64,
    boxes: Vec<Rect>,
    paths: Vec<Vec<(f64, f64)>>,
    labels: Vec<Option<(f64, f64)>>,
}

impl GraphLayout {
    /// Lays `plan` out on a `width × height` (backing px) canvas at device pixel
    /// ratio `scale`: zoomed to fit (between [`MIN_ZOOM`] and [`MAX_ZOOM`]) and centred.
    pub fn new(plan: &GraphPlan, width: f64, height: f64, scale: f64) -> GraphLayout {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        let (width, height) = (width.max(1.0), height.max(1.0));
        let (w, h) = plan.content();
        let zoom = (width / (w * scale))
            .min(height / (h * scale))
            .clamp(MIN_ZOOM, 1.0);
        let unit = scale * zoom;
        let origin = (
            ((width - w * unit) / 2.0).max(0.0),
            ((height - h * unit) / 2.0).max(0.0),
        );
        let a = &plan.arrangement;
        let centre = |v: usize| {
            let vx = &a.vertices[v];
            (
                origin.0 + (MARGIN + BOX_W / 2.0 + vx.column as f64 * (BOX_W + GAP_X)) * unit,
                origin.1 + (MARGIN + BOX_H / 2.0 + vx.y * ROW) * unit,
            )
        };
        let boxes: Vec<Rect> = (0..plan.inputs.len())
            .map(|n| Rect::centered(centre(n), BOX_W * unit, BOX_H * unit))
            .collect();
        let paths = edge_paths(a, &centre, unit);
        let mut layout = GraphLayout {
            width,
            height,
            unit,
            boxes,
            paths,
            labels: Vec::new(),
        };
        layout.labels = layout.place_labels();
        layout
    }

    /// The box of node `id`: `[x0, y0, x1, y1]` in backing pixels.
    pub fn node_box(&self, id: usize) -> Option<[f64; 4]> {
        self.boxes.get(id).map(|r| [r.x0, r.y0, r.x1, r.y1])
    }

    /// The polyline of edge `k` (in the snapshot's edge order), source end first.
    pub fn edge_path(&self, k: usize) -> Option<&[(f64, f64)]> {
        self.paths.get(k).map(Vec::as_slice)
    }

    /// The box of edge `k`'s number tag, if there was room for it.
    pub fn label_box(&self, k: usize) -> Option<[f64; 4]> {
        let r = self.label_rect(k)?;
        Some([r.x0, r.y0, r.x1, r.y1])
    }

    /// The node whose box (plus a few pixels) contains `(x, y)` (backing pixels).
    pub fn hit_node(&self, x: f64, y: f64) -> Option<usize> {
        let m = 3.0 * self.unit;
        self.boxes
            .iter()
            .position(|r| x >= r.x0 - m && x <= r.x1 + m && y >= r.y0 - m && y <= r.y1 + m)
    }

    /// Canvas width and height (backing px).
    pub fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    /// Backing pixels per design pixel: multiplies fonts and line widths.
    pub fn unit(&self) -> f64 {
        self.unit
    }

    pub(crate) fn rect(&self, id: usize) -> Option<Rect> {
        self.boxes.get(id).copied()
    }

    pub(crate) fn label_rect(&self, k: usize) -> Option<Rect> {
        let at = (*self.labels.get(k)?)?;
        Some(Rect::centered(at, LABEL_W * self.unit, LABEL_H * self.unit))
    }

    /// A spot for every edge's tag, edge by edge: on the segment into its user first,
    /// then on its other segments, then just above or below them (edges 16 px
    /// apart have no room for two tags between them), clear of every box and of
    /// the tags placed before.
    fn place_labels(&self) -> Vec<Option<(f64, f64)>> {
        let mut placed: Vec<Rect> = self.boxes.clone();
        let (w, h) = (LABEL_W * self.unit, LABEL_H * self.unit);
        let aside = h / 2.0 + 3.0 * self.unit;
        let mut out = Vec::with_capacity(self.paths.len());
        for path in &self.paths {
            let gaps: Vec<((f64, f64), (f64, f64))> = path
                .windows(2)
                .rev()
                .step_by(2)
                .map(|s| (s[0], s[1]))
                .collect();
            let spot = [0.0, -aside, aside]
                .iter()
                .flat_map(|&dy| {
                    gaps.iter().flat_map(move |&(a, b)| {
                        FRACTIONS.iter().map(move |&t| {
                            let (x, y) = lerp(a, b, t);
                            Rect::centered((x, y + dy), w, h)
                        })
                    })
                })
                .find(|r| !placed.iter().any(|o| o.overlaps(r)));
            if let Some(r) = spot {
                placed.push(r);
            }
            out.push(spot.map(|r| ((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0)));
        }
        out
    }
}
