//! Drawings and texts that only read snapshots. Drawings are written against
//! plotters' `DrawingBackend`, so the page paints them on a canvas
//! (plotters-canvas) and native tests render them to SVG.
//!
//! Layout: one folder per lab — [`network`] (the diagram, its tooltips, the phase
//! panel's formulas, the loss history), [`descent`] (the ½w² valley), [`graph`]
//! (the computational graph), [`cats`] (the input layer and the cat recognizer) —
//! beside the shared pieces: [`message`] (what the learner is told), [`number`]
//! (how numbers are written), [`palette`], [`path`] (a polyline's points that
//! matter to its stroke), [`record`] (a drawing kept as its calls), the chart frame and the notation.

pub mod cats;
// Shared by the descent view, the loss history and the cost curve: style, fonts, clipping.
mod chart;
pub mod descent;
pub mod graph;
pub mod message;
pub mod network;
// Subscripts and the notation of formulas, shared by the labs' texts.
mod notation;
pub mod number;
pub mod palette;
pub mod path;
pub mod record;
