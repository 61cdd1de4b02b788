//! Settings by name, as links and the JS API give them: output/loss pairs,
//! optimizers with their hyper-parameters, penalties and schedules. Each
//! checks its numbers and names what is wrong.

use serde::{Deserialize, Serialize};

use super::activation::Activation;
use super::error::EngineError;
use super::loss::LossKind;
use super::optim::{Optimizer, Regularization, Schedule};
use super::train_error::TrainError;

fn unknown(what: &'static str, name: &str) -> EngineError {
    TrainError::UnknownName {
        what,
        name: name.to_string(),
    }
    .into()
}

/// The activation called `name` ("identity", "sigmoid", "tanh", "relu", "softmax").
pub fn activation(name: &str) -> Result<Activation, EngineError> {
    Activation::from_name(name).ok_or_else(|| unknown("activation", name))
}

/// The loss called "squared" (½(o − t)²), "bce" (binary cross-entropy) or "softmax-ce".
pub fn loss(name: &str) -> Result<LossKind, EngineError> {
    match name {
        "squared" => Ok(LossKind::SquaredError),
        "bce" => Ok(LossKind::BinaryCrossEntropy),
        "softmax-ce" => Ok(LossKind::SoftmaxCrossEntropy),
        _ => Err(unknown("loss", name)),
    }
}

/// The short name of a loss (what [`loss`] reads).
pub fn loss_name(kind: LossKind) -> &'static str {
    match kind {
        LossKind::SquaredError => "squared",
        LossKind::BinaryCrossEntropy => "bce",
        LossKind::SoftmaxCrossEntropy => "softmax-ce",
    }
}

/// Hyper-parameters that may come with a name; missing ones take the usual defaults
/// (β = 0.9; β₁ = 0.9, β₂ = 0.999, ε = 1e-8; step decay every 10 epochs by 0.5;
/// 1/t decay 0.1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Hyper {
    pub beta: Option<f64>,
    pub beta1: Option<f64>,
    pub beta2: Option<f64>,
    pub epsilon: Option<f64>,
    pub every: Option<f64>,
    pub factor: Option<f64>,
    pub decay: Option<f64>,
}

/// "sgd" | "momentum" | "adam" with `h`'s hyper-parameters, checked.
pub fn optimizer(name: &str, h: Hyper) -> Result<Optimizer, EngineError> {
    let o = match name {
        "sgd" => Optimizer::Sgd,
        "momentum" => Optimizer::Momentum {
            beta: h.beta.unwrap_or(0.9),
        },
        "adam" => Optimizer::Adam {
            beta1: h.beta1.unwrap_or(0.9),
            beta2: h.beta2.unwrap_or(0.999),
            epsilon: h.epsilon.unwrap_or(1e-8),
        },
        _ => return Err(unknown("optimizer", name)),
    };
    o.checked()
}

/// "none" | "l1" | "l2" with rate λ (ignored for none), checked.
pub fn regularization(name: &str, rate: f64) -> Result<Regularization, EngineError> {
    let r = match name {
        "none" => Regularization::None,
        "l1" => Regularization::L1(rate),
        "l2" => Regularization::L2(rate),
        _ => return Err(unknown("regularization", name)),
    };
    r.checked()
}

/// "constant" | "step" | "inverse-time" with `h`'s `every`, `factor`, `decay`, checked.
pub fn schedule(name: &str, h: Hyper) -> Result<Schedule, EngineError> {
    let every = h.every.unwrap_or(10.0);
    let s = match name {
        "constant" => Schedule::Constant,
        "step" if every.is_finite() && every >= 1.0 && every.fract() == 0.0 => {
            Schedule::StepDecay {
                every: every as usize,
                factor: h.factor.unwrap_or(0.5),
            }
        }
        "step" => {
            return Err(TrainError::OutOfRange {
                what: "decay interval",
                value: every,
                range: "1, 2, 3, …",
            }
            .into())
        }
        "inverse-time" => Schedule::InverseTime {
            decay: h.decay.unwrap_or(0.1),
        },
        _ => return Err(unknown("schedule", name)),
    };
    s.checked()
}
