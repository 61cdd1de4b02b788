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
        GraphParams::of(&GraphSession::tutorial(), DEFAULT_RATE, DEFAULT_NUDGE)
    }
}

impl GraphParams {
    /// The settings of `session` with learning rate `rate` and nudge `nudge`.
    fn of(session: &GraphSession, rate: f64, nudge: f64) -> GraphParams {
        GraphParams {
            expression: session.expression().to_string(),
            values: session.starting_values(),
            rate,
            nudge,
        }
    }
}

impl GraphController {
    /// What the link says of this lab now: the graph on screen (not a refused text).
    pub fn params(&self) -> GraphParams {
        GraphParams::of(&self.session, self.rate, self.nudge)
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
        let settings = [
            (params.rate != now.rate).then(|| {
                let pair = format!("graph-rate={}", params.rate);
                (GraphCommand::SetRate(params.rate), pair)
            }),
            (params.nudge != now.nudge).then(|| {
                let pair = format!("h={}", params.nudge);
                (GraphCommand::SetNudge(params.nudge), pair)
            }),
        ];
        for (cmd, pair) in settings.into_iter().flatten() {
            self.apply(cmd);
            if let Some(err) = self.error.take() {
                refused.push((pair, err.message));
            }
        }
        refused
    }
}
