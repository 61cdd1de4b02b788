//! Draws a [`GraphSnapshot`] from a session's state: which values the forward
//! steps have revealed, which gradients and carried amounts the reverse sweep has
//! made final, and the chain-rule paths behind each final gradient.

use super::chain::chain_terms;
use super::op::Op;
use super::session::GraphSession;
use super::snapshot::{
    Direction, EdgeSnapshot, GraphSnapshot, NodeKind, NodeSnapshot, VariableSnapshot,
};

impl GraphSession {
    /// True once forward has reached node `id` (always for variables and constants).
    fn computed(&self, id: usize) -> bool {
        let last = self
            .forward_done
            .checked_sub(1)
            .and_then(|k| self.operations.get(k));
        self.graph.nodes[id].inputs.is_empty() || last.is_some_and(|&last| id <= last)
    }

    /// True once the reverse sweep has processed node `id` (nodes are processed from the root down).
    fn processed(&self, id: usize) -> bool {
        id + self.backward_done >= self.graph.nodes.len()
    }

    /// dJ/d(node) once every user of it has been processed (the root once the sweep started).
    fn final_gradient(&self, id: usize) -> Option<f64> {
        let users_done = self.graph.users[id]
            .iter()
            .all(|&(user, _)| self.processed(user));
        (self.backward_done > 0 && users_done).then(|| self.grads[id])
    }

    fn direction(&self) -> Direction {
        if self.backward_done >= self.graph.nodes.len() {
            Direction::Done
        } else if self.backward_done > 0 {
            Direction::Backward
        } else if self.forward_done > 0 {
            Direction::Forward
        } else {
            Direction::Ready
        }
    }

    fn node_snapshot(&self, id: usize) -> NodeSnapshot {
        let node = &self.graph.nodes[id];
        let (kind, symbol, formula) = match node.op {
            Op::Var => (NodeKind::Variable, node.label.clone(), node.label.clone()),
            Op::Const(_) => (NodeKind::Constant, node.label.clone(), node.label.clone()),
            op => {
                let inputs: Vec<&str> = node
                    .inputs
                    .iter()
                    .map(|&i| self.graph.nodes[i].label.as_str())
                    .collect();
                (
                    NodeKind::Operation,
                    op.symbol(),
                    format!("{} = {}", node.label, op.formula(&inputs)),
                )
            }
        };
        let gradient = self.final_gradient(id);
        NodeSnapshot {
            id,
            label: node.label.clone(),
            kind,
            op: node.op.name().to_string(),
            symbol,
            formula,
            inputs: node.inputs.clone(),
            value: self.computed(id).then(|| self.eval.values[id]),
            gradient,
            column: node.column,
            uses: self.graph.users[id].len(),
            chain: match gradient {
                Some(_) => chain_terms(&self.graph, &self.eval.locals, id),
                None => Vec::new(),
            },
        }
    }

    fn edges(&self) -> Vec<EdgeSnapshot> {
        let mut edges = Vec::new();
        for (to, node) in self.graph.nodes.iter().enumerate() {
            for (slot, &from) in node.inputs.iter().enumerate() {
                let local = self.eval.locals[to][slot];
                let carried = self.processed(to).then(|| self.grads[to] * local);
                edges.push(EdgeSnapshot {
                    from,
                    to,
                    slot,
                    local: self.computed(to).then_some(local),
                    carried,
                });
            }
        }
        edges
    }

    /// Everything the page shows, as of the last step.
    pub fn snapshot(&self) -> GraphSnapshot {
        let n = self.graph.nodes.len();
        let forward_complete = self.forward_done == self.operations.len();
        let variables = self
            .graph
            .variables
            .iter()
            .enumerate()
            .map(|(index, &id)| VariableSnapshot {
                name: self.graph.nodes[id].label.clone(),
                node: id,
                value: self.current[index],
                start: self.start[index],
                gradient: self.final_gradient(id),
            })
            .collect();
        GraphSnapshot {
            expression: self.expression.clone(),
            nodes: (0..n).map(|id| self.node_snapshot(id)).collect(),
            edges: self.edges(),
            forward_done: self.forward_done,
            operations: self.operations.len(),
            backward_done: self.backward_done,
            backward_total: n,
            cursor: self.cursor,
            direction: self.direction(),
            output: forward_complete.then(|| self.eval.output()),
            variables,
            history: self.history.clone(),
            last_nudge: self.last_nudge.clone(),
        }
    }
}
