//! Where the graph lab's expressions and their starting values come from: the
//! presets (the tutorial's J = 3(a + b·c), three typed examples, one hidden neuron
//! of the network lab with its loss, the whole tutorial network with its loss) and,
//! for a typed expression, the values its variables start from. The neuron and
//! network presets read their numbers from the engine's [`Mlp::preset`] and
//! [`Preset::default_sample`], so the graph lab and the network lab never disagree.

use crate::engine::graph::{ExprError, GraphSession};
use crate::engine::mlp::{Layer, Mlp, Preset};

/// A preset of the graph lab's menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphPreset {
    /// J = 3(a + b·c) at a = 5, b = 3, c = 2 (u = 6, v = 11, J = 33).
    Tutorial,
    /// `sigmoid(w*x + b)`: one neuron without a loss.
    Sigmoid,
    /// `(y - tanh(w1*x1 + w2*x2))^2 / 2`: a tanh neuron and its squared error.
    TanhLoss,
    /// `log(1 + exp(-z))`: the logistic loss of a margin z.
    LogLoss,
    /// The network lab's hidden neuron h₁ and the squared error of its output.
    Neuron,
    /// The whole tutorial 2-2-1 network and its squared error.
    Network,
}

/// Starting value of a variable a typed expression introduces.
pub const NEW_VARIABLE_VALUE: f64 = 1.0;
/// Most value fields kept: an expression has at most 16 variables; a refused one may add as many.
pub(super) const MAX_FIELDS: usize = 32;

/// The network whose numbers the neuron and network presets use.
const NETWORK: Preset = Preset::TutorialRegression;

impl GraphPreset {
    /// Every preset, in menu order.
    pub const ALL: [GraphPreset; 6] = [
        GraphPreset::Tutorial,
        GraphPreset::Sigmoid,
        GraphPreset::TanhLoss,
        GraphPreset::LogLoss,
        GraphPreset::Neuron,
        GraphPreset::Network,
    ];

    /// Stable name for the menu's values: "tutorial", "sigmoid", "tanh-loss",
    /// "log-loss", "neuron", "network".
    pub fn name(self) -> &'static str {
        match self {
            GraphPreset::Tutorial => "tutorial",
            GraphPreset::Sigmoid => "sigmoid",
            GraphPreset::TanhLoss => "tanh-loss",
            GraphPreset::LogLoss => "log-loss",
            GraphPreset::Neuron => "neuron",
            GraphPreset::Network => "network",
        }
    }

    /// The preset called `name`, if any.
    pub fn from_name(name: &str) -> Option<GraphPreset> {
        GraphPreset::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The expression text (for the tutorial: the engine's own text).
    pub fn expression(self) -> String {
        match self {
            GraphPreset::Tutorial => GraphSession::tutorial().expression().to_string(),
            GraphPreset::Sigmoid => "sigmoid(w*x + b)".into(),
            GraphPreset::TanhLoss => "(y - tanh(w1*x1 + w2*x2))^2 / 2".into(),
            GraphPreset::LogLoss => "log(1 + exp(-z))".into(),
            GraphPreset::Neuron => "(sigmoid(w1*x1 + w2*x2 + b) - y)^2 / 2".into(),
            GraphPreset::Network => {
                "(w5*sigmoid(w1*x1 + w2*x2 + b1) + w6*sigmoid(w3*x1 + w4*x2 + b2) + b3 - y)^2 / 2"
                    .into()
            }
        }
    }

    /// The starting value of every variable of [`GraphPreset::expression`].
    pub fn values(self) -> Vec<(String, f64)> {
        let pairs: Vec<(&str, f64)> = match self {
            GraphPreset::Tutorial => {
                return GraphSession::tutorial().starting_values();
            }
            GraphPreset::Sigmoid => vec![("w", 2.0), ("x", 1.0), ("b", -1.0)],
            GraphPreset::TanhLoss => vec![
                ("y", 1.0),
                ("w1", 0.5),
                ("x1", 1.0),
                ("w2", -0.5),
                ("x2", 2.0),
            ],
            GraphPreset::LogLoss => vec![("z", 0.5)],
            GraphPreset::Neuron => neuron_values(),
            GraphPreset::Network => network_values(),
        };
        pairs.into_iter().map(|(n, v)| (n.to_string(), v)).collect()
    }

    /// The session of this preset at its starting values.
    pub fn session(self) -> Result<GraphSession, ExprError> {
        match self {
            GraphPreset::Tutorial => Ok(GraphSession::tutorial()),
            other => GraphSession::new(&other.expression(), &other.values()),
        }
    }

    /// The i18n key of its menu entry.
    pub fn key(self) -> &'static str {
        match self {
            GraphPreset::Tutorial => "graph.preset.tutorial",
            GraphPreset::Sigmoid => "graph.preset.sigmoid",
            GraphPreset::TanhLoss => "graph.preset.tanh-loss",
            GraphPreset::LogLoss => "graph.preset.log-loss",
            GraphPreset::Neuron => "graph.preset.neuron",
            GraphPreset::Network => "graph.preset.network",
        }
    }
}

/// The tutorial network's numbers under the names of the network preset:
/// `w1 = W_im[0][0]`, `w2 = W_im[1][0]` (into h₁), `w3 = W_im[0][1]`, `w4 = W_im[1][1]`
/// (into h₂), `b1, b2 = b_im`, `w5 = W_mo[0][0]`, `w6 = W_mo[1][0]` (into ŷ),
/// `b3 = b_mo[0]`, `x1, x2 = x`, `y` the target.
fn network_values() -> Vec<(&'static str, f64)> {
    let mlp = Mlp::preset(NETWORK);
    let (x, y) = NETWORK.default_sample();
    let (hidden, output) = (mlp.layers.first(), mlp.layers.get(1));
    let weight = |l: Option<&Layer>, i: usize, j: usize| {
        l.and_then(|l| l.weights.get(i))
            .and_then(|row| row.get(j))
            .copied()
    };
    let bias = |l: Option<&Layer>, j: usize| l.and_then(|l| l.biases.get(j)).copied();
    let pairs = [
        ("w1", weight(hidden, 0, 0)),
        ("x1", x.first().copied()),
        ("w2", weight(hidden, 1, 0)),
        ("x2", x.get(1).copied()),
        ("b1", bias(hidden, 0)),
        ("y", y.first().copied()),
        ("w3", weight(hidden, 0, 1)),
        ("w4", weight(hidden, 1, 1)),
        ("b2", bias(hidden, 1)),
        ("w5", weight(output, 0, 0)),
        ("w6", weight(output, 1, 0)),
        ("b3", bias(output, 0)),
    ];
    // The preset network has every one of these entries (a test checks all 12 arrive).
    pairs
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| (name, v)))
        .collect()
}

/// The neuron preset's numbers: h₁'s weights, inputs and target from
/// [`network_values`], with h₁'s bias `b1` called `b`.
fn neuron_values() -> Vec<(&'static str, f64)> {
    let keep = ["w1", "x1", "w2", "x2", "b1", "y"];
    network_values()
        .into_iter()
        .filter(|(name, _)| keep.contains(name))
        .map(|(name, v)| (if name == "b1" { "b" } else { name }, v))
        .collect()
}

/// Tries `GraphSession::new(text, values)`, giving each variable the text needs but
/// `values` lacks the value [`NEW_VARIABLE_VALUE`]. Returns the values used (on an
/// evaluation error: only those of the text's variables) and the result.
pub(super) fn build(
    text: &str,
    mut values: Vec<(String, f64)>,
) -> (Vec<(String, f64)>, Result<GraphSession, ExprError>) {
    // Each round adds one missing variable; an expression has at most 16.
    for _ in 0..=MAX_FIELDS {
        match GraphSession::new(text, &values) {
            Err(e) if e.missing_value().is_some() => {
                let Some(name) = e.missing_value().map(str::to_string) else {
                    return (values, Err(e));
                };
                if values.iter().any(|(n, _)| *n == name) {
                    return (values, Err(e));
                }
                values.push((name, NEW_VARIABLE_VALUE));
            }
            Err(e) => {
                let used = used_variables(text, &values);
                return (used, Err(e));
            }
            Ok(session) => return (values, Ok(session)),
        }
    }
    let last = GraphSession::new(text, &values);
    (values, last)
}

/// The values among `values` that `text` needs: leaving one out makes the engine
/// ask for it (`missing-value`). Used after `text` parsed but failed to evaluate.
fn used_variables(text: &str, values: &[(String, f64)]) -> Vec<(String, f64)> {
    let needed = |name: &str| {
        let others: Vec<(String, f64)> =
            values.iter().filter(|(n, _)| n != name).cloned().collect();
        match GraphSession::new(text, &others) {
            Err(e) => e.missing_value() == Some(name),
            Ok(_) => false,
        }
    };
    values.iter().filter(|(n, _)| needed(n)).cloned().collect()
}

/// True for errors met evaluating a text that parsed.
pub(super) fn parsed(err: &ExprError) -> bool {
    err.is_evaluation()
}
