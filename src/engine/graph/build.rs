//! The arena the parser fills: nodes pushed in topological order (every input
//! before its users, the root last), one node per distinct variable, and the
//! labels a learner reads (u, v, p, … and J for the output).

use serde::Serialize;

use super::error::ErrorKind;
use super::op::{number_text, Op};

/// Most nodes a graph may have.
pub(crate) const MAX_NODES: usize = 80;
/// Most distinct variables a graph may have.
pub(crate) const MAX_VARIABLES: usize = 16;

/// Labels of operation nodes in arena order, before `u1`, `u2`, ….
const OPERATION_LABELS: [&str; 10] = ["u", "v", "p", "q", "s", "t", "g", "k", "m", "n"];

/// One node of the arena.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Node {
    pub op: Op,
    /// Input node ids in slot order (`op.arity()` of them).
    pub inputs: Vec<usize>,
    pub label: String,
    /// 1-based character column of the node's name, operator or function name.
    pub column: usize,
}

/// A finished graph: the arena, its variables and each node's users.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Graph {
    /// Topological order; the root (output) is the last node.
    pub nodes: Vec<Node>,
    /// Variable node ids in order of first appearance in the text.
    pub variables: Vec<usize>,
    /// For each node, its out-edges as (user id, input slot), users ascending.
    pub users: Vec<Vec<(usize, usize)>>,
}

impl Graph {
    /// The output node's id (the last one).
    pub(crate) fn root(&self) -> usize {
        self.nodes.len().saturating_sub(1)
    }

    /// The first node labelled `label`, if any.
    pub(crate) fn find(&self, label: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.label == label)
    }

    /// The index in `variables` of the variable called `name`, if any.
    pub(crate) fn variable_index(&self, name: &str) -> Option<usize> {
        self.variables
            .iter()
            .position(|&id| self.nodes[id].label == name)
    }
}

/// Collects nodes while the parser reads the text.
#[derive(Default)]
pub(crate) struct Builder {
    nodes: Vec<Node>,
    variables: Vec<usize>,
}

impl Builder {
    fn push(
        &mut self,
        op: Op,
        inputs: Vec<usize>,
        label: String,
        column: usize,
    ) -> Result<usize, ErrorKind> {
        if self.nodes.len() >= MAX_NODES {
            return Err(ErrorKind::TooManyNodes { limit: MAX_NODES });
        }
        self.nodes.push(Node {
            op,
            inputs,
            label,
            column,
        });
        Ok(self.nodes.len() - 1)
    }

    /// The node of variable `name`, pushed at its first appearance.
    pub(crate) fn variable(&mut self, name: &str, column: usize) -> Result<usize, ErrorKind> {
        if let Some(&id) = self
            .variables
            .iter()
            .find(|&&id| self.nodes[id].label == name)
        {
            return Ok(id);
        }
        if self.variables.len() >= MAX_VARIABLES {
            return Err(ErrorKind::TooManyVariables {
                limit: MAX_VARIABLES,
            });
        }
        let id = self.push(Op::Var, Vec::new(), name.to_string(), column)?;
        self.variables.push(id);
        Ok(id)
    }

    /// A new constant node (each literal is its own node).
    pub(crate) fn constant(&mut self, value: f64, column: usize) -> Result<usize, ErrorKind> {
        self.push(Op::Const(value), Vec::new(), number_text(value), column)
    }

    /// A new operation node on `inputs` (already in the arena).
    pub(crate) fn operation(
        &mut self,
        op: Op,
        inputs: Vec<usize>,
        column: usize,
    ) -> Result<usize, ErrorKind> {
        self.push(op, inputs, String::new(), column)
    }

    /// Labels the operation nodes and lists each node's users.
    pub(crate) fn finish(mut self) -> Graph {
        let taken: Vec<String> = self
            .variables
            .iter()
            .map(|&id| self.nodes[id].label.clone())
            .collect();
        let free = |name: &String| !taken.contains(name);
        let mut names = OPERATION_LABELS
            .iter()
            .map(|s| s.to_string())
            .chain((1..).map(|i| format!("u{i}")))
            .filter(free);
        let root = self.nodes.len().saturating_sub(1);
        for (id, node) in self.nodes.iter_mut().enumerate() {
            if !node.label.is_empty() {
                continue;
            }
            node.label = if id == root {
                ["J".to_string(), "out".to_string()]
                    .into_iter()
                    .chain((1..).map(|i| format!("out{i}")))
                    .find(free)
                    .unwrap_or_default()
            } else {
                names.next().unwrap_or_default()
            };
        }
        let mut users = vec![Vec::new(); self.nodes.len()];
        for (id, node) in self.nodes.iter().enumerate() {
            for (slot, &input) in node.inputs.iter().enumerate() {
                users[input].push((id, slot));
            }
        }
        Graph {
            nodes: self.nodes,
            variables: self.variables,
            users,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_skip_variable_names_and_the_root_is_j_unless_taken() {
        let mut b = Builder::default();
        let u = b.variable("u", 1).unwrap();
        let j = b.variable("J", 3).unwrap();
        let again = b.variable("u", 5).unwrap();
        assert_eq!(u, again);
        let first = b.operation(Op::Mul, vec![u, j], 2).unwrap();
        let second = b.operation(Op::Exp, vec![first], 7).unwrap();
        b.operation(Op::Add, vec![second, u], 4).unwrap();
        let g = b.finish();
        let labels: Vec<&str> = g.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["u", "J", "v", "p", "out"]);
        assert_eq!(g.users[u], vec![(2, 0), (4, 1)]);
        assert_eq!(g.variable_index("J"), Some(1));
    }

    #[test]
    fn limits_on_nodes_and_variables() {
        let mut b = Builder::default();
        for i in 0..MAX_VARIABLES {
            b.variable(&format!("x{i}"), 1).unwrap();
        }
        assert_eq!(
            b.variable("y", 1),
            Err(ErrorKind::TooManyVariables { limit: 16 })
        );
        for _ in MAX_VARIABLES..MAX_NODES {
            b.constant(1.0, 1).unwrap();
        }
        assert_eq!(
            b.constant(2.0, 1),
            Err(ErrorKind::TooManyNodes { limit: 80 })
        );
    }
}
