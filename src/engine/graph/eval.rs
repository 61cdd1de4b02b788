//! Full evaluation of a graph at given variable values (forward), the reverse
//! sweep (backward), and re-evaluation below one nudged node.

use serde::Serialize;

use super::build::Graph;
use super::error::{ErrorKind, ExprError};
use super::op::{Domain, Op};

/// Every node's value and every operation's local derivatives at one point.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Evaluation {
    /// Per node.
    pub values: Vec<f64>,
    /// Per node: ∂node/∂input for input slots 0 and 1.
    pub locals: Vec<[f64; 2]>,
}

impl Evaluation {
    /// The output J.
    pub(crate) fn output(&self) -> f64 {
        self.values.last().copied().unwrap_or(0.0)
    }
}

/// Evaluates `graph` with variable `i` (in `graph.variables` order) at `variables[i]`.
pub(crate) fn evaluate(graph: &Graph, variables: &[f64]) -> Result<Evaluation, ExprError> {
    let n = graph.nodes.len();
    let mut eval = Evaluation {
        values: vec![0.0; n],
        locals: vec![[0.0; 2]; n],
    };
    for (node, value) in graph.variables.iter().zip(variables) {
        eval.values[*node] = *value;
    }
    for (id, node) in graph.nodes.iter().enumerate() {
        if let Op::Const(c) = node.op {
            eval.values[id] = c;
        }
    }
    recompute(graph, &mut eval, vec![true; n])?;
    Ok(eval)
}

/// `eval` with node `id` moved to `value` and everything downstream of it
/// re-evaluated; nodes not below it keep their values.
pub(crate) fn nudged(
    graph: &Graph,
    eval: &Evaluation,
    id: usize,
    value: f64,
) -> Result<Evaluation, ExprError> {
    let mut out = eval.clone();
    let mut dirty = vec![false; graph.nodes.len()];
    if let (Some(v), Some(d)) = (out.values.get_mut(id), dirty.get_mut(id)) {
        *v = value;
        *d = true;
    }
    recompute(graph, &mut out, dirty)?;
    Ok(out)
}

/// Recomputes, in arena order, every operation with a dirty input (marking it
/// dirty in turn). A dirty operation itself keeps its value: that is a nudge.
fn recompute(graph: &Graph, eval: &mut Evaluation, mut dirty: Vec<bool>) -> Result<(), ExprError> {
    for (id, node) in graph.nodes.iter().enumerate() {
        if !node.inputs.iter().any(|&i| dirty[i]) {
            continue;
        }
        let inputs: Vec<f64> = node.inputs.iter().map(|&i| eval.values[i]).collect();
        let (value, local) = node
            .op
            .forward(&inputs)
            .map_err(|domain| domain_error(domain, node.column))?;
        eval.values[id] = value;
        eval.locals[id] = local;
        dirty[id] = true;
    }
    Ok(())
}

/// The error for `domain` at the operation in column `column`.
pub(crate) fn domain_error(domain: Domain, column: usize) -> ExprError {
    match domain {
        Domain::DivisionByZero => ErrorKind::DivisionByZero { column },
        Domain::Log => ErrorKind::LogDomain { column },
        Domain::Pow => ErrorKind::PowDomain { column },
        Domain::Overflow => ErrorKind::Overflow { column },
    }
    .into()
}

/// One node of the reverse sweep: adds dJ/d(node) · ∂node/∂input to each input's
/// gradient (chain rule; a variable used twice receives two additions).
pub(crate) fn push_back(graph: &Graph, locals: &[[f64; 2]], grads: &mut [f64], id: usize) {
    let g = grads[id];
    for (slot, &input) in graph.nodes[id].inputs.iter().enumerate() {
        grads[input] += g * locals[id][slot];
    }
}

/// dJ/d(node) for every node: dJ/dJ = 1, then one reverse loop over the arena.
pub(crate) fn gradients(graph: &Graph, eval: &Evaluation) -> Vec<f64> {
    let mut grads = vec![0.0; graph.nodes.len()];
    if let Some(root) = grads.last_mut() {
        *root = 1.0;
    }
    for id in (0..graph.nodes.len()).rev() {
        push_back(graph, &eval.locals, &mut grads, id);
    }
    grads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::graph::parser::parse;

    #[test]
    fn a_nudge_re_evaluates_only_what_lies_below_the_node() {
        // (a·b) + (c·d) at 1, 2, 3, 4: u = 2, v = 12, J = 14. Nudging u to 2.5 leaves
        // a, b, c, d and v alone and gives J = 14.5.
        let graph = parse("a*b + c*d").unwrap();
        let eval = evaluate(&graph, &[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert_eq!(eval.values, [1.0, 2.0, 2.0, 3.0, 4.0, 12.0, 14.0]); // a, b, u, c, d, v, J
        let u = graph.find("u").unwrap();
        let moved = nudged(&graph, &eval, u, 2.5).unwrap();
        assert_eq!(moved.values, [1.0, 2.0, 2.5, 3.0, 4.0, 12.0, 14.5]);
        // The nudged node keeps its local derivatives (∂u/∂a = b, ∂u/∂b = a).
        assert_eq!(moved.locals[u], [2.0, 1.0]);
        assert_eq!(
            gradients(&graph, &eval),
            [2.0, 1.0, 1.0, 4.0, 3.0, 1.0, 1.0]
        );
    }
}
