//! The parameter inspector of tab ①: the weight or bias the learner clicked in
//! the diagram, its value (editable: the boundary follows), and the check of its
//! gradient by hand — nudge it by h and compare ΔL/h with backpropagation's
//! ∂L/∂θ, on the chosen example or on the whole mini-batch.

use crate::engine::error::EngineError;
use crate::engine::trainer::{GradCheck, GradScope, ParamRef, Trainer};

/// Which loss the check differentiates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CheckScope {
    /// The loss of the example whose numbers the panel shows.
    #[default]
    Example,
    /// The mean loss of the current mini-batch (what the Update uses).
    Batch,
}

/// The default nudge, the graph lab's h.
pub const DEFAULT_NUDGE: f64 = 1e-3;

/// What the inspector holds between frames.
#[derive(Clone, Debug, PartialEq)]
pub struct Inspector {
    /// The parameter shown, if the learner picked one.
    pub selected: Option<ParamRef>,
    /// The nudge h (finite, ≠ 0, |h| ≤ 1).
    pub nudge: f64,
    /// Which loss is nudged.
    pub scope: CheckScope,
}

impl Default for Inspector {
    fn default() -> Self {
        Inspector {
            selected: None,
            nudge: DEFAULT_NUDGE,
            scope: CheckScope::Example,
        }
    }
}

/// What the inspector shows of the selected parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inspection {
    /// The parameter.
    pub param: ParamRef,
    /// Its current value θ.
    pub value: f64,
    /// Which loss was nudged.
    pub scope: CheckScope,
    /// How many examples that loss averages (1 for one example).
    pub examples: usize,
    /// The nudge and its outcome.
    pub check: GradCheck,
}

impl Inspector {
    /// Forgets a selection that the network (a new shape) no longer has.
    pub fn fit(&mut self, trainer: &Trainer) {
        if let Some(p) = self.selected {
            if p.value(trainer.mlp()).is_none() {
                self.selected = None;
            }
        }
    }

    /// The selected parameter's value and the check of its gradient, if one is selected.
    pub fn inspect(&self, trainer: &Trainer) -> Option<Result<Inspection, EngineError>> {
        let param = self.selected?;
        let value = param.value(trainer.mlp())?;
        let (scope, examples) = match self.scope {
            CheckScope::Example => (GradScope::Example(trainer.sample_index()), 1),
            CheckScope::Batch => (GradScope::Batch, trainer.batch_len()),
        };
        Some(
            trainer
                .check_gradient(param, self.nudge, scope)
                .map(|check| Inspection {
                    param,
                    value,
                    scope: self.scope,
                    examples,
                    check,
                }),
        )
    }
}
