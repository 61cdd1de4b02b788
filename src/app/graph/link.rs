//! The graph lab's part of the link: the expression shown, its variables'
//! starting values, r and h ([`GraphParams`]), and how a link's values are
//! taken over.

use crate::app::message::Message;
use crate::engine::graph::GraphSession;

use super::{GraphCommand, GraphController, DEFAULT_NUDGE, DEFAULT_RATE};

/// The settings of tab ② that a link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphParams {
    /// The expression (`expr=`).
    pub expression: String,
    /// Each variable's starting value, in order (`values=a:5,b:3,c:2`).
    pub values: Vec<(String, f64)>,
    /// Learning rate r of the update (`graph-rate=`).
    pub rate: f64,
    /// The nudge h (`h=`).
    pub nudge: f64,
}

impl Default for GraphParams {
    /// The tutorial's J = 3(a + b·c) at a = 5, b = 3, c = 2.
    fn default() -> Self {
        let snap = GraphSession::tutorial().snapshot();
        GraphParams {
            values: snap
                .variables
                .iter()
                .map(|v| (v.name.clone(), v.start))
                .collect(),
            expression: snap.expression,
            rate: DEFAULT_RATE,
            nudge: DEFAULT_NUDGE,
        }
    }
}

impl GraphController {
    /// What the link says of this lab now: the graph on screen (not a refused text).
    pub fn params(&self) -> GraphParams {
        let snap = self.session.snapshot();
        GraphParams {
            expression: snap.expression.clone(),
            values: snap
                .variables
                .iter()
                .map(|v| (v.name.clone(), v.start))
                .collect(),
            rate: self.rate,
            nudge: self.nudge,
        }
    }

    /// Takes over a link's settings where they differ from the lab's; returns the
    /// refusals, each naming its `key=value`. A refused expression leaves the graph
    /// on screen; its error is shown by the link's message, not the lab's.
    pub fn adopt(&mut self, params: &GraphParams) -> Vec<(String, Message)> {
        let mut refused = Vec::new();
        let now = self.params();
        if params.expression != now.expression || params.values != now.values {
            let kept = (
                self.fields.clone(),
                self.expression.clone(),
                self.source.clone(),
            );
            self.fields = params.values.clone();
            self.apply(GraphCommand::SetExpression(params.expression.clone()));
            if let Some(err) = self.error.take() {
                (self.fields, self.expression, self.source) = kept;
                let pair = format!("expr={}", params.expression);
                refused.push((pair, err.message));
            }
        }
        if params.rate != now.rate {
            self.apply(GraphCommand::SetRate(params.rate));
            if let Some(err) = self.error.take() {
                refused.push((format!("graph-rate={}", params.rate), err.message));
            }
        }
        if params.nudge != now.nudge {
            self.apply(GraphCommand::SetNudge(params.nudge));
            if let Some(err) = self.error.take() {
                refused.push((format!("h={}", params.nudge), err.message));
            }
        }
        refused
    }
}
