//! How an Update moves one parameter: the optimizer (SGD, momentum, Adam), the
//! regulariser (L1, L2) and the learning-rate schedule. One function,
//! [`update_param`], is used by the phase-by-phase trainer and by the fast path,
//! so both give the same numbers.
//!
//! Notation: a mini-batch of `n` examples gives `Σ = Σ_s ∂L_s/∂θ`; the mean gradient
//! is `ḡ = Σ/n`; `r` is the learning rate after the schedule, `λ` the regularisation rate.

use serde::{Deserialize, Serialize};

use super::error::EngineError;
use super::train_error::{check_range, TrainError};

/// The update rule.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Optimizer {
    /// Plain SGD in the Playground's arithmetic: `w ← w − (r/n)·Σ`, `b ← b − (r·Σ)/n`;
    /// then, for weights, `w ← w − (r·λ)·R'(w_old)`.
    Sgd,
    /// Heavy-ball momentum: `v ← β·v + g`, `θ ← θ − r·v`, with `g = ḡ + λ·R'(θ)`.
    Momentum { beta: f64 },
    /// Adam (Kingma & Ba 2015): `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`,
    /// `m̂ = m/(1−β₁ᵗ)`, `v̂ = v/(1−β₂ᵗ)`, `θ ← θ − r·m̂/(√v̂ + ε)`, t = 1, 2, … per Update.
    Adam {
        beta1: f64,
        beta2: f64,
        epsilon: f64,
    },
}

impl Optimizer {
    /// The stable name: "sgd" | "momentum" | "adam".
    pub fn name(self) -> &'static str {
        match self {
            Optimizer::Sgd => "sgd",
            Optimizer::Momentum { .. } => "momentum",
            Optimizer::Adam { .. } => "adam",
        }
    }

    /// `Ok(self)` if β, β₁, β₂ are in [0, 1) and ε > 0 (finite).
    pub fn checked(self) -> Result<Optimizer, EngineError> {
        match self {
            Optimizer::Sgd => {}
            Optimizer::Momentum { beta } => beta_range("beta", beta)?,
            Optimizer::Adam {
                beta1,
                beta2,
                epsilon,
            } => {
                beta_range("beta1", beta1)?;
                beta_range("beta2", beta2)?;
                if !(epsilon.is_finite() && epsilon > 0.0 && epsilon <= 1.0) {
                    return Err(TrainError::OutOfRange {
                        what: "epsilon",
                        value: epsilon,
                        range: "(0, 1]",
                    }
                    .into());
                }
            }
        }
        Ok(self)
    }
}

fn beta_range(what: &'static str, b: f64) -> Result<(), EngineError> {
    if b.is_finite() && (0.0..1.0).contains(&b) {
        Ok(())
    } else {
        Err(TrainError::OutOfRange {
            what,
            value: b,
            range: "[0, 1)",
        }
        .into())
    }
}

/// A penalty on the weights (never the biases, as in the Playground), added to the
/// gradient as `λ·R'(w)`; the loss curves show the data loss only.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "rate", rename_all = "camelCase")]
pub enum Regularization {
    None,
    /// `R = |w|`, `R' = sign(w)` (0 at 0). With SGD, a weight whose penalty step crosses
    /// zero becomes exactly 0 (the Playground's rule).
    L1(f64),
    /// `R = ½w²`, `R' = w`.
    L2(f64),
}

impl Regularization {
    /// The stable name: "none" | "l1" | "l2".
    pub fn name(self) -> &'static str {
        match self {
            Regularization::None => "none",
            Regularization::L1(_) => "l1",
            Regularization::L2(_) => "l2",
        }
    }

    /// λ (0 for none).
    pub fn rate(self) -> f64 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1(l) | Regularization::L2(l) => l,
        }
    }

    /// `R'(w)`.
    pub fn derivative(self, w: f64) -> f64 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1(_) if w > 0.0 => 1.0,
            Regularization::L1(_) if w < 0.0 => -1.0,
            Regularization::L1(_) => 0.0,
            Regularization::L2(_) => w,
        }
    }

    /// `Ok(self)` if λ is finite and in [0, 10].
    pub fn checked(self) -> Result<Regularization, EngineError> {
        check_range("regularization rate", self.rate(), 0.0, 10.0, "0..=10")?;
        Ok(self)
    }
}

/// The learning rate over the epochs.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Schedule {
    /// `r = r₀`.
    Constant,
    /// "Coarse then fine" (粗调 + 精调): `r = r₀·factor^⌊epoch/every⌋`.
    #[serde(rename = "step")]
    StepDecay { every: usize, factor: f64 },
    /// `r = r₀/(1 + decay·epoch)`.
    #[serde(rename = "inverse-time")]
    InverseTime { decay: f64 },
}

impl Schedule {
    /// The stable name: "constant" | "step" | "inverse-time".
    pub fn name(self) -> &'static str {
        match self {
            Schedule::Constant => "constant",
            Schedule::StepDecay { .. } => "step",
            Schedule::InverseTime { .. } => "inverse-time",
        }
    }

    /// The rate during epoch `epoch` (0-based: the first epoch is 0).
    pub fn rate(self, r0: f64, epoch: usize) -> f64 {
        match self {
            Schedule::Constant => r0,
            Schedule::StepDecay { every, factor } => {
                r0 * factor.powi((epoch / every.max(1)).min(i32::MAX as usize) as i32)
            }
            Schedule::InverseTime { decay } => r0 / (1.0 + decay * epoch as f64),
        }
    }

    /// `Ok(self)` if `every ≥ 1`, `0 < factor ≤ 1`, `decay ≥ 0` (finite).
    pub fn checked(self) -> Result<Schedule, EngineError> {
        match self {
            Schedule::Constant => {}
            Schedule::StepDecay { every, factor } => {
                check_range("decay interval", every as f64, 1.0, 1e9, "1..")?;
                if !(factor.is_finite() && factor > 0.0 && factor <= 1.0) {
                    return Err(TrainError::OutOfRange {
                        what: "decay factor",
                        value: factor,
                        range: "(0, 1]",
                    }
                    .into());
                }
            }
            Schedule::InverseTime { decay } => {
                check_range("decay", decay, 0.0, 1e6, "0..")?;
            }
        }
        Ok(self)
    }
}

/// What one Update needs besides the parameter: rule, penalty, rate, batch size, Adam's t.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UpdateRule {
    pub optimizer: Optimizer,
    pub regularization: Regularization,
    /// `r` after the schedule.
    pub rate: f64,
    /// `n`, examples in the batch (≥ 1).
    pub n: usize,
    /// Adam's step count t (≥ 1 during an Update).
    pub t: usize,
}

/// The optimizer's memory for one parameter: momentum's velocity `v` in `first`;
/// Adam's `m` in `first` and `v` in `second`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Moments {
    pub first: f64,
    pub second: f64,
}

/// The new value of parameter `theta` given the batch sum `sum = Σ`, updating `state`.
/// `is_weight` says whether the penalty applies (weights yes, biases no).
pub fn update_param(
    rule: &UpdateRule,
    theta: f64,
    sum: f64,
    is_weight: bool,
    state: &mut Moments,
) -> f64 {
    let (r, n) = (rule.rate, rule.n as f64);
    let reg = if is_weight {
        rule.regularization
    } else {
        Regularization::None
    };
    match rule.optimizer {
        Optimizer::Sgd if !is_weight => sgd_bias(theta, sum, r, n),
        Optimizer::Sgd => {
            let moved = sgd_weight(theta, sum, r, n);
            let penalised = moved - (r * reg.rate()) * reg.derivative(theta);
            if matches!(reg, Regularization::L1(_)) && moved * penalised < 0.0 {
                0.0
            } else {
                penalised
            }
        }
        Optimizer::Momentum { beta } => {
            let g = sum / n + reg.rate() * reg.derivative(theta);
            state.first = beta * state.first + g;
            theta - r * state.first
        }
        Optimizer::Adam {
            beta1,
            beta2,
            epsilon,
        } => {
            let g = sum / n + reg.rate() * reg.derivative(theta);
            state.first = beta1 * state.first + (1.0 - beta1) * g;
            state.second = beta2 * state.second + (1.0 - beta2) * g * g;
            let (m_hat, v_hat) = adam_hats(beta1, beta2, rule.t, *state);
            theta - r * m_hat / (v_hat.sqrt() + epsilon)
        }
    }
}

/// SGD's move of a weight from the batch sum `Σ` of its gradients over `n` examples:
/// `θ − (r/n)·Σ` (a penalty comes on top).
#[inline]
pub fn sgd_weight(theta: f64, sum: f64, r: f64, n: f64) -> f64 {
    theta - (r / n) * sum
}

/// SGD's move of a bias: `θ − r·Σ/n`.
#[inline]
pub fn sgd_bias(theta: f64, sum: f64, r: f64, n: f64) -> f64 {
    theta - r * sum / n
}

/// Adam's bias-corrected `(m̂, v̂) = (m/(1−β₁ᵗ), v/(1−β₂ᵗ))` (t ≥ 1; `(m, v)` at t = 0).
pub fn adam_hats(beta1: f64, beta2: f64, t: usize, state: Moments) -> (f64, f64) {
    if t == 0 {
        return (state.first, state.second);
    }
    let t = t.min(i32::MAX as usize) as i32;
    (
        state.first / (1.0 - beta1.powi(t)),
        state.second / (1.0 - beta2.powi(t)),
    )
}
