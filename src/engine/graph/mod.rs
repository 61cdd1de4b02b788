//! The computational-graph lab: a learner types an expression such as
//! `3(a + b·c)` or `sigmoid(w*x + b)`, the engine parses it into an arena of
//! nodes (variables, constants, operations) and lets the page step forward one
//! operation at a time, sweep backward one node at a time, nudge any node to see
//! how J moves, and update the variables by gradient descent.

mod build;
mod chain;
mod error;
mod eval;
mod lexer;
mod op;
mod parser;
mod reveal;
mod session;
mod snapshot;

pub(crate) use chain::MAX_TERMS;
pub use error::ExprError;
pub use session::GraphSession;
pub use snapshot::{
    ChainTerm, Direction, EdgeSnapshot, GraphSnapshot, NodeKind, NodeSnapshot, Nudge,
    VariableSnapshot,
};
