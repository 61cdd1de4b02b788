//! The computational-graph lab's picture and texts: [`GraphPlan`] arranges a
//! graph's nodes in columns (inputs left, J right) once per shape, [`GraphLayout`]
//! puts it on a canvas, [`draw_graph`] paints a snapshot, and the text functions
//! write what the learner reads beside it, every number filled in.
//!
//! Split over this folder: order (columns, waypoints, barycenter sweeps),
//! straighten (heights), layout (pixels, tag spots, hit tests), route (edge paths
//! and ports), draw (painting), text (formulas, status, node list, history) and
//! chain (chain rule, nudge, update).

mod chain;
mod draw;
mod layout;
mod order;
mod route;
mod straighten;
mod text;

pub use crate::view::graph::chain::{
    chain_lines, gradient_lines, nudge_lines, update_lines, UpdateRow,
};
pub use crate::view::graph::draw::{draw_graph, DrawResult, GraphStyle};
pub use crate::view::graph::layout::{GraphLayout, GraphPlan, MAX_ZOOM, MIN_ZOOM};
pub use crate::view::graph::text::{
    caret, derivative, history_lines, node_line, node_rows, operation_numbers, root_label,
    status_line, NodeRow,
};
