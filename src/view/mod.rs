//! Drawings and texts that only read snapshots. Drawings are written against
//! plotters' `DrawingBackend`, so the page paints them on a canvas
//! (plotters-canvas) and native tests render them to SVG.

// The cat recognizer's cost curve and texts.
pub mod cats_cost;
pub mod cats_text;
// Shared by the descent view, the loss history and the cost curve: style, fonts, clipping.
mod chart;
pub mod descent;
// The descent view's marks and texts, the phase panel's backward/update lines, notation.
mod descent_marks;
pub mod descent_text;
pub mod formula;
mod formula_backward;
pub mod graph;
// The graph lab's parts, re-exported through `graph`.
mod graph_chain;
mod graph_draw;
mod graph_layout;
mod graph_order;
mod graph_route;
mod graph_straighten;
mod graph_text;
pub mod history;
// What the learner is told, in either language.
pub mod message;
pub mod network;
// The network diagram's parts, re-exported through `network`.
mod network_caption;
mod network_delta;
mod network_edges;
mod network_geometry;
mod network_layout;
mod network_nodes;
mod network_notes;
mod network_text;
mod network_tooltip;
mod network_values;
mod notation;
pub mod number;
pub mod palette;
// The input layer: channel images, the vector strip, pixel ↔ index geometry, texts.
pub mod pixels;
pub mod pixels_text;
