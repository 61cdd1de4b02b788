//! Plain, serialisable pictures of a graph session: what the graph view draws and
//! the JS API hands out. Nothing here computes.
//!
//! Ids are indices into the arena; the arena is in topological order (every input
//! before its users) with the root J last. Columns are 1-based character columns
//! in the expression text.

use serde::Serialize;

/// Where the stepping stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    /// Variables and constants have values; no operation is computed yet.
    Ready,
    /// Some or all operations are computed; the reverse sweep has not started.
    Forward,
    /// The reverse sweep has started but not finished.
    Backward,
    /// Every node has its final gradient.
    Done,
}

/// What a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NodeKind {
    /// A named input the learner sets and gradient descent moves.
    Variable,
    /// A number written in the expression.
    Constant,
    /// The result of an operation on other nodes.
    Operation,
}

/// One path from the root down to a node: the chain rule's product along it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChainTerm {
    /// Node ids from the root down to this node, e.g. `[J, v, u, b]`.
    pub path: Vec<usize>,
    /// Local derivatives along the path, root side first, e.g. `[dJ/dv, dv/du, du/db] = [3, 1, 2]`.
    pub factors: Vec<f64>,
    /// The product of `factors` (1 for the root's empty path).
    pub product: f64,
}

/// One node of the graph.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeSnapshot {
    /// Index in the arena.
    pub id: usize,
    /// "a", "3", "u", "J".
    pub label: String,
    /// Variable, constant or operation.
    pub kind: NodeKind,
    /// "var" "const" "add" "sub" "mul" "div" "neg" "pow" "exp" "log" "tanh" "sigmoid" "relu".
    pub op: String,
    /// "+", "−", "×", "÷", "−", "^2", "exp", "log", "tanh", "σ", "ReLU"; the label for var/const.
    pub symbol: String,
    /// "u = b × c", "s = σ(p)", "q = v^2", "n = −z"; the label for var/const.
    pub formula: String,
    /// Input node ids in slot order.
    pub inputs: Vec<usize>,
    /// Always for variables and constants; for operations once computed.
    pub value: Option<f64>,
    /// dJ/d(node) once final (all its users processed by the reverse sweep).
    pub gradient: Option<f64>,
    /// 1-based character column where this node's name, operator or function name starts.
    pub column: usize,
    /// Number of out-edges.
    pub uses: usize,
    /// Once the gradient is final: one term per path to the root (at most 32).
    pub chain: Vec<ChainTerm>,
}

/// One edge: input slot `slot` of node `to` is node `from`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EdgeSnapshot {
    /// The input node's id.
    pub from: usize,
    /// The user node's id.
    pub to: usize,
    /// Input slot of `to` (0 or 1).
    pub slot: usize,
    /// ∂to/∂from, known once `to` is computed in forward.
    pub local: Option<f64>,
    /// dJ/d(to) · local: what this edge added to dJ/d(from), once `to` was processed backward.
    pub carried: Option<f64>,
}

/// A variable and where it stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VariableSnapshot {
    /// Its name.
    pub name: String,
    /// Its node id.
    pub node: usize,
    /// The current value.
    pub value: f64,
    /// The starting value (what reset returns to).
    pub start: f64,
    /// dJ/d(variable) once final.
    pub gradient: Option<f64>,
}

/// The result of nudging one node by h and watching J.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Nudge {
    /// The nudged node's id.
    pub node: usize,
    /// The nudged node's label.
    pub label: String,
    /// The nudge.
    pub h: f64,
    /// The node's value before.
    pub value_before: f64,
    /// The node's value + h.
    pub value_after: f64,
    /// J before.
    pub output_before: f64,
    /// J with the node nudged.
    pub output_after: f64,
    /// (output_after − output_before) / h, the forward difference the tutorial takes.
    pub ratio: f64,
    /// The analytic dJ/d(node) at the current point, for comparison.
    pub gradient: f64,
}

/// The whole graph session after the last step.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphSnapshot {
    /// The expression text as given.
    pub expression: String,
    /// Arena order = topological (every input before its users); root last.
    pub nodes: Vec<NodeSnapshot>,
    /// One per input slot of a node.
    pub edges: Vec<EdgeSnapshot>,
    /// Operation nodes computed so far.
    pub forward_done: usize,
    /// Operation nodes in all.
    pub operations: usize,
    /// Nodes processed by the reverse sweep so far (root first).
    pub backward_done: usize,
    /// Nodes the reverse sweep visits in all (= `nodes.len()`).
    pub backward_total: usize,
    /// The node computed (forward) or processed (backward) by the last step.
    pub cursor: Option<usize>,
    /// Ready, Forward, Backward or Done.
    pub direction: Direction,
    /// J once forward is complete.
    pub output: Option<f64>,
    /// In order of first appearance in the text.
    pub variables: Vec<VariableSnapshot>,
    /// J at the start, then after each update.
    pub history: Vec<f64>,
    /// The last nudge, if any since the last change of values.
    pub last_nudge: Option<Nudge>,
}
