//! What a learner can ask of the graph lab ([`GraphCommand`]) and what the lab
//! shows back besides the graph: the error with the field and column it points
//! at, and the last update written out with its numbers.

use crate::app::message::Message;
use crate::engine::graph::ExprError;

use super::presets::GraphPreset;

/// Everything a learner can ask of the graph lab.
#[derive(Clone, Debug, PartialEq)]
pub enum GraphCommand {
    /// Compute the next operation node.
    ForwardStep,
    /// Compute every operation node.
    ForwardAll,
    /// Process the next node of the reverse sweep.
    BackwardStep,
    /// Finish forward and backward.
    BackwardAll,
    /// Add h to the node with this label and watch J.
    Nudge(String),
    /// The nudge h (finite, not 0).
    SetNudge(f64),
    /// The learning rate r (finite, > 0).
    SetRate(f64),
    /// Every variable v ← v − r·dJ/dv, forward again.
    Update,
    /// Back to the starting values.
    Reset,
    /// Select a node by id (or none).
    Select(Option<usize>),
    /// A typed expression: a new graph, its variables keeping the values they had.
    SetExpression(String),
    /// The starting value of a variable (the graph starts over from the fields).
    SetValue(String, f64),
    /// A preset's expression and values.
    LoadPreset(GraphPreset),
    /// A field's text was not a number: say why.
    RejectField(GraphField, Message),
    /// Hide the error.
    DismissError,
}

/// The field an error is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GraphField {
    /// The expression.
    Expression,
    /// The starting value of the variable with this name.
    Value(String),
    /// The learning rate r.
    Rate,
    /// The nudge h.
    Nudge,
    /// No field: a nudge or an update met a value the expression cannot take.
    Graph,
}

impl GraphField {
    /// The field's name as the page shows it, if it has one (`r`, `h`, a variable).
    pub fn label(&self) -> Option<&str> {
        match self {
            GraphField::Value(name) => Some(name),
            GraphField::Rate => Some("r"),
            GraphField::Nudge => Some("h"),
            GraphField::Expression | GraphField::Graph => None,
        }
    }
}

/// The error the lab shows: the message, the field it marks, and the
/// expression its `column` placeholder (if any) points into.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphError {
    /// What went wrong, in `err.graph.*` (engine errors) or `err.input.*` (a field
    /// that is not a number).
    pub message: Message,
    /// 1-based character column in [`GraphError::expression`], if the error has one.
    pub column: Option<usize>,
    /// The expression the column points into.
    pub expression: String,
    /// The field to mark.
    pub field: GraphField,
}

impl GraphError {
    pub(super) fn from_engine(err: &ExprError, expression: &str, field: GraphField) -> GraphError {
        GraphError {
            message: Message::graph(err),
            column: err.column(),
            expression: expression.to_string(),
            field,
        }
    }

    pub(super) fn field(field: GraphField, message: Message) -> GraphError {
        GraphError {
            message,
            column: None,
            expression: String::new(),
            field,
        }
    }
}

/// One variable's line of the last update: `name′ = before − r·gradient = after`.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateRow {
    /// The variable's name.
    pub name: String,
    /// Its value before the update.
    pub before: f64,
    /// dJ/d(name) at that value.
    pub gradient: f64,
    /// Its value after.
    pub after: f64,
}

/// The last gradient-descent update, with the numbers that went into it.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateRecord {
    /// The learning rate used.
    pub rate: f64,
    /// One row per variable, in order of appearance.
    pub rows: Vec<UpdateRow>,
    /// J before and after.
    pub output_before: f64,
    /// J at the new values.
    pub output_after: f64,
}
