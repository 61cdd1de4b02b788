//! A graph session: one parsed expression, its variables' values, the stepping
//! state of the forward and backward passes, nudges, and gradient descent.
//!
//! The full evaluation at the current point is computed (and checked for domain
//! errors) whenever the values change, so stepping cannot fail: a forward step
//! reveals the next operation's value, a backward step really pushes
//! dJ/d(node)·local into the node's inputs, in reverse arena order.

use serde::Serialize;

use super::build::Graph;
use super::error::{ErrorKind, ExprError};
use super::eval::{evaluate, gradients, nudged, push_back, Evaluation};
use super::parser::parse;
use super::snapshot::Nudge;

/// Largest magnitude a variable may take (dimensionless); larger or non-finite is bad-value.
pub(crate) const VALUE_LIMIT: f64 = 1e6;

/// The expression text of [`GraphSession::tutorial`].
const TUTORIAL: &str = "3(a + b·c)";

/// A parsed expression with its values, stepping state and history.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphSession {
    pub(super) expression: String,
    pub(super) graph: Graph,
    /// Ids of the operation nodes, in arena order.
    pub(super) operations: Vec<usize>,
    /// Starting value per variable (order of `graph.variables`).
    pub(super) start: Vec<f64>,
    /// The full evaluation at the starting values.
    pub(super) start_eval: Evaluation,
    /// Current value per variable.
    pub(super) current: Vec<f64>,
    /// The full evaluation at `current`.
    pub(super) eval: Evaluation,
    /// Gradients accumulated by the reverse sweep so far, per node.
    pub(super) grads: Vec<f64>,
    pub(super) forward_done: usize,
    pub(super) backward_done: usize,
    pub(super) cursor: Option<usize>,
    pub(super) history: Vec<f64>,
    pub(super) last_nudge: Option<Nudge>,
}

/// `value` if it is finite and `|value| ≤` [`VALUE_LIMIT`], else bad-value for `name`.
fn check_value(name: &str, value: f64) -> Result<f64, ExprError> {
    if value.is_finite() && value.abs() <= VALUE_LIMIT {
        Ok(value)
    } else {
        Err(ErrorKind::BadValue {
            name: name.to_string(),
        }
        .into())
    }
}

impl GraphSession {
    /// Parses `expr`, builds the graph and checks it evaluates at `values` (one pair
    /// per variable; a missing one is missing-value, an unused one is ignored, a
    /// repeated one takes its last value). Phase: Ready.
    pub fn new(expr: &str, values: &[(String, f64)]) -> Result<GraphSession, ExprError> {
        let graph = parse(expr)?;
        let mut start = Vec::with_capacity(graph.variables.len());
        for &id in &graph.variables {
            let name = &graph.nodes[id].label;
            let given = values.iter().rev().find(|(n, _)| n == name);
            let value = given
                .ok_or_else(|| ErrorKind::MissingValue { name: name.clone() })?
                .1;
            start.push(check_value(name, value)?);
        }
        let eval = evaluate(&graph, &start)?;
        let operations = (0..graph.nodes.len())
            .filter(|&id| graph.nodes[id].op.arity() > 0)
            .collect();
        Ok(GraphSession {
            expression: expr.to_string(),
            grads: vec![0.0; graph.nodes.len()],
            history: vec![eval.output()],
            start_eval: eval.clone(),
            current: start.clone(),
            graph,
            operations,
            start,
            eval,
            forward_done: 0,
            backward_done: 0,
            cursor: None,
            last_nudge: None,
        })
    }

    /// The tutorial's J = 3(a + b·c) at a = 5, b = 3, c = 2 (text "3(a + b·c)"):
    /// u = b·c = 6, v = a + u = 11, J = 3v = 33.
    pub fn tutorial() -> GraphSession {
        let values = [
            ("a".to_string(), 5.0),
            ("b".to_string(), 3.0),
            ("c".to_string(), 2.0),
        ];
        // A fixed, tested expression: parsing and evaluating it cannot fail.
        GraphSession::new(TUTORIAL, &values).expect("the tutorial's expression is valid")
    }

    /// Computes the next operation node (arena order). False when forward was already complete.
    pub fn forward_step(&mut self) -> bool {
        match self.operations.get(self.forward_done) {
            Some(&id) => {
                self.forward_done += 1;
                self.cursor = Some(id);
                true
            }
            None => false,
        }
    }

    /// Completes forward.
    pub fn forward_all(&mut self) {
        while self.forward_step() {}
    }

    /// One node of the reverse sweep (completing forward first if needed): the first
    /// call sets dJ/dJ = 1 on the root and pushes along its in-edges, each next call
    /// processes the next node in reverse arena order. False when already complete.
    pub fn backward_step(&mut self) -> bool {
        let n = self.graph.nodes.len();
        if self.backward_done >= n {
            return false;
        }
        self.forward_all();
        let id = n - 1 - self.backward_done;
        if self.backward_done == 0 {
            self.grads = vec![0.0; n];
            self.grads[id] = 1.0;
        }
        push_back(&self.graph, &self.eval.locals, &mut self.grads, id);
        self.backward_done += 1;
        self.cursor = Some(id);
        true
    }

    /// Completes forward and backward.
    pub fn backward_all(&mut self) {
        while self.backward_step() {}
    }

    /// Adds `h` to node `label` (variable, constant, intermediate or J), re-evaluates
    /// everything downstream and reports how J moved, without changing the session's
    /// values (forward is completed first). Kept as `last_nudge`.
    /// Errors: unknown-variable, bad-step, a domain error at the nudged point.
    pub fn nudge(&mut self, label: &str, h: f64) -> Result<Nudge, ExprError> {
        if !h.is_finite() || h == 0.0 {
            return Err(ErrorKind::BadStep.into());
        }
        let id = self
            .graph
            .find(label)
            .ok_or_else(|| ErrorKind::UnknownVariable {
                name: label.to_string(),
            })?;
        self.forward_all();
        let value_before = self.eval.values[id];
        let value_after = value_before + h;
        if !value_after.is_finite() {
            return Err(ErrorKind::Overflow {
                column: self.graph.nodes[id].column,
            }
            .into());
        }
        let output_after = nudged(&self.graph, &self.eval, id, value_after)?.output();
        let output_before = self.eval.output();
        let nudge = Nudge {
            node: id,
            label: self.graph.nodes[id].label.clone(),
            h,
            value_before,
            value_after,
            output_before,
            output_after,
            ratio: (output_after - output_before) / h,
            gradient: gradients(&self.graph, &self.eval)[id],
        };
        self.last_nudge = Some(nudge.clone());
        Ok(nudge)
    }

    /// Gradient descent: every variable v ← v − r·dJ/dv, then forward to completion,
    /// gradients cleared (phase: forward done) and the new J appended to `history`.
    /// Errors (session unchanged): bad-rate for r not finite or ≤ 0; bad-value for a
    /// variable leaving ±1e6; overflow or a domain error at the new point.
    pub fn update(&mut self, r: f64) -> Result<(), ExprError> {
        if !r.is_finite() || r <= 0.0 {
            return Err(ErrorKind::BadRate.into());
        }
        let grads = gradients(&self.graph, &self.eval);
        let mut next = self.current.clone();
        for (value, &id) in next.iter_mut().zip(&self.graph.variables) {
            let node = &self.graph.nodes[id];
            *value -= r * grads[id];
            if !value.is_finite() {
                return Err(ErrorKind::Overflow {
                    column: node.column,
                }
                .into());
            }
            check_value(&node.label, *value)?;
        }
        let eval = evaluate(&self.graph, &next)?;
        self.history.push(eval.output());
        self.move_to(next, eval);
        self.forward_all();
        self.cursor = None;
        Ok(())
    }

    /// Back to the starting values, phase Ready, history = [J at start].
    pub fn reset(&mut self) {
        self.move_to(self.start.clone(), self.start_eval.clone());
        self.history = vec![self.eval.output()];
    }

    /// Sets variable `name` to `value`; the current point with this change becomes
    /// the starting point. Phase Ready, history restarted.
    /// Errors (session unchanged): unknown-variable, bad-value, a domain error.
    pub fn set_value(&mut self, name: &str, value: f64) -> Result<(), ExprError> {
        let index = self
            .graph
            .variable_index(name)
            .ok_or_else(|| ErrorKind::UnknownVariable {
                name: name.to_string(),
            })?;
        let mut next = self.current.clone();
        next[index] = check_value(name, value)?;
        let eval = evaluate(&self.graph, &next)?;
        self.start = next;
        self.start_eval = eval;
        self.reset();
        Ok(())
    }

    /// J with the variables named in `values` moved (the others at their current
    /// values), without touching the session. Errors: bad-value, a domain error.
    pub fn output_at(&self, values: &[(String, f64)]) -> Result<f64, ExprError> {
        let mut point = self.current.clone();
        for (name, value) in values {
            if let Some(index) = self.graph.variable_index(name) {
                point[index] = check_value(name, *value)?;
            }
        }
        Ok(evaluate(&self.graph, &point)?.output())
    }

    /// The expression text as given.
    pub fn expression(&self) -> &str {
        &self.expression
    }

    /// Each variable's name and starting value, in order of appearance (without
    /// building a snapshot).
    pub fn starting_values(&self) -> Vec<(String, f64)> {
        let names = self
            .graph
            .variables
            .iter()
            .map(|&id| &self.graph.nodes[id].label);
        names.cloned().zip(self.start.iter().copied()).collect()
    }

    /// How many nodes the graph has (J is the last, id `node_count() - 1`).
    pub fn node_count(&self) -> usize {
        self.graph.nodes.len()
    }

    /// The label of node `id`, if there is one.
    pub fn label(&self, id: usize) -> Option<&str> {
        self.graph.nodes.get(id).map(|n| n.label.as_str())
    }

    /// Current values and evaluation become `current`/`eval`; stepping restarts at Ready.
    fn move_to(&mut self, current: Vec<f64>, eval: Evaluation) {
        self.current = current;
        self.eval = eval;
        self.grads = vec![0.0; self.graph.nodes.len()];
        self.forward_done = 0;
        self.backward_done = 0;
        self.cursor = None;
        self.last_nudge = None;
    }
}
