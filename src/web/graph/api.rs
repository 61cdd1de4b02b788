//! The JS API of the computational-graph lab: `GraphLab`, a typed expression
//! stepped forward and backward, nudged and updated from a teacher's page. Thin:
//! convert, call, convert. Every engine error becomes a JS `Error` whose message
//! is in English and Chinese, with its code.

use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use crate::app::graph::DEFAULT_NUDGE;
use crate::app::message::Message;
use crate::engine::graph::{ExprError, GraphSession};

use super::super::js::{from_js, to_js};

fn js_error(err: ExprError) -> JsError {
    super::super::js::js_error(Message::graph(&err))
}

/// `{a: 5, b: 3}` as name–value pairs (`undefined` or `null`: none).
fn values(value: JsValue) -> Result<Vec<(String, f64)>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let map: BTreeMap<String, f64> = from_js(value, "graph-values")?;
    Ok(map.into_iter().collect())
}

/// A computational graph J(…) of a typed expression, stepped one node at a time.
#[wasm_bindgen]
pub struct GraphLab {
    session: GraphSession,
}

#[wasm_bindgen]
impl GraphLab {
    /// `new GraphLab("3*(a+b*c)", {a: 5, b: 3, c: 2})`: one starting value per variable.
    #[wasm_bindgen(constructor)]
    pub fn new(expression: &str, values: JsValue) -> Result<GraphLab, JsError> {
        let values = self::values(values)?;
        let session = GraphSession::new(expression, &values).map_err(js_error)?;
        Ok(GraphLab { session })
    }

    /// The tutorial's J = 3(a + b·c) at a = 5, b = 3, c = 2.
    pub fn tutorial() -> GraphLab {
        GraphLab {
            session: GraphSession::tutorial(),
        }
    }

    /// Computes the next operation node; `false` when forward was already complete.
    #[wasm_bindgen(js_name = forwardStep)]
    pub fn forward_step(&mut self) -> bool {
        self.session.forward_step()
    }

    /// Computes every operation node.
    #[wasm_bindgen(js_name = forwardAll)]
    pub fn forward_all(&mut self) {
        self.session.forward_all();
    }

    /// Processes the next node of the backward sweep (completing forward first);
    /// `false` when backward was already complete.
    #[wasm_bindgen(js_name = backwardStep)]
    pub fn backward_step(&mut self) -> bool {
        self.session.backward_step()
    }

    /// Completes forward and backward.
    #[wasm_bindgen(js_name = backwardAll)]
    pub fn backward_all(&mut self) {
        self.session.backward_all();
    }

    /// Adds `h` (default 0.001) to the node called `name` and reports how J moved:
    /// `{node, label, h, valueBefore, valueAfter, outputBefore, outputAfter, ratio, gradient}`.
    /// The session's values do not change.
    pub fn nudge(&mut self, name: &str, h: Option<f64>) -> Result<JsValue, JsError> {
        let nudge = self
            .session
            .nudge(name, h.unwrap_or(DEFAULT_NUDGE))
            .map_err(js_error)?;
        to_js(&nudge)
    }

    /// Gradient descent: every variable v ← v − r·dJ/dv, then forward again.
    pub fn update(&mut self, r: f64) -> Result<(), JsError> {
        self.session.update(r).map_err(js_error)
    }

    /// Back to the starting values.
    pub fn reset(&mut self) {
        self.session.reset();
    }

    /// Sets a variable's starting value (the session starts over).
    #[wasm_bindgen(js_name = setValue)]
    pub fn set_value(&mut self, name: &str, value: f64) -> Result<(), JsError> {
        self.session.set_value(name, value).map_err(js_error)
    }

    /// `{expression, nodes, edges, forwardDone, operations, backwardDone, backwardTotal,
    /// cursor, direction, output, variables, history, lastNudge}`; each node
    /// `{id, label, kind, op, symbol, formula, inputs, value, gradient, column, uses, chain}`,
    /// each edge `{from, to, slot, local, carried}`; unknown numbers are `undefined`.
    pub fn snapshot(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.snapshot())
    }
}
