//! Errors of the data-set trainer: a name that is not known, a setting out of its
//! range, a label that does not fit the loss, a bad CSV line. Each has a stable
//! `code()` (the page's `err.train.*` strings) and named placeholder values.

use std::fmt;

/// Something wrong with a data set, a network setting or a training setting.
#[derive(Clone, Debug, PartialEq)]
pub enum TrainError {
    /// `name` is not one of the names `what` accepts ("data set", "optimizer", …).
    UnknownName { what: &'static str, name: String },
    /// `what` must lie in `range` (written as the page shows it, e.g. "1..=8"); got `value`.
    OutOfRange {
        what: &'static str,
        value: f64,
        range: &'static str,
    },
    /// Training example `index` (0-based) has a label that the loss `loss` cannot use.
    Label {
        index: usize,
        label: f64,
        loss: &'static str,
    },
    /// Training needs at least one training example.
    NoExamples,
    /// A parameter reference (layer, from, to / neuron) that is not in the network.
    NoParameter(String),
    /// Line `line` (1-based) of a CSV text could not be read: `problem` says why.
    CsvLine { line: usize, problem: &'static str },
}

impl TrainError {
    /// A stable, kebab-case code: "unknown-name", "out-of-range", "label", "no-examples",
    /// "no-parameter", "csv-line".
    pub fn code(&self) -> &'static str {
        match self {
            TrainError::UnknownName { .. } => "unknown-name",
            TrainError::OutOfRange { .. } => "out-of-range",
            TrainError::Label { .. } => "label",
            TrainError::NoExamples => "no-examples",
            TrainError::NoParameter(_) => "no-parameter",
            TrainError::CsvLine { .. } => "csv-line",
        }
    }

    /// The placeholder values of the message, by name (`{what}`, `{name}`, `{value}`,
    /// `{range}`, `{index}`, `{label}`, `{loss}`, `{line}`, `{problem}`).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            TrainError::UnknownName { what, name } => {
                vec![("what", what.to_string()), ("name", name.clone())]
            }
            TrainError::OutOfRange { what, value, range } => vec![
                ("what", what.to_string()),
                ("value", value.to_string()),
                ("range", range.to_string()),
            ],
            TrainError::Label { index, label, loss } => vec![
                ("index", (index + 1).to_string()),
                ("label", label.to_string()),
                ("loss", loss.to_string()),
            ],
            TrainError::NoExamples => Vec::new(),
            TrainError::NoParameter(what) => vec![("what", what.clone())],
            TrainError::CsvLine { line, problem } => {
                vec![("line", line.to_string()), ("problem", problem.to_string())]
            }
        }
    }
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrainError::UnknownName { what, name } => write!(f, "unknown {what} \"{name}\""),
            TrainError::OutOfRange { what, value, range } => {
                write!(f, "{what} must be in {range} (got {value})")
            }
            TrainError::Label { index, label, loss } => write!(
                f,
                "training example {} has label {label}, which the loss {loss} cannot use",
                index + 1
            ),
            TrainError::NoExamples => write!(f, "there is no training example"),
            TrainError::NoParameter(what) => write!(f, "the network has no parameter {what}"),
            TrainError::CsvLine { line, problem } => write!(f, "line {line}: {problem}"),
        }
    }
}

/// `Ok(v)` if `v` is finite and `lo ≤ v ≤ hi`, else `OutOfRange` naming `what` and `range`.
pub fn check_range(
    what: &'static str,
    v: f64,
    lo: f64,
    hi: f64,
    range: &'static str,
) -> Result<f64, TrainError> {
    if v.is_finite() && (lo..=hi).contains(&v) {
        Ok(v)
    } else {
        Err(TrainError::OutOfRange {
            what,
            value: v,
            range,
        })
    }
}
