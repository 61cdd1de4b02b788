//! What can go wrong in the engine, and the checks that say so.
//!
//! Every function that takes numbers from a caller validates them and returns an
//! [`EngineError`] instead of panicking. The page translates an error by its
//! [`EngineError::code`]; [`Display`](std::fmt::Display) gives plain English.

use std::fmt;

pub use super::train_error::TrainError;

/// Magnitude past which a value counts as exploded (dimensionless). A weight,
/// bias, pre-activation, activation, loss or descent iterate with `|v| > 1e6`,
/// or one that is not finite, stops stepping until a reset.
pub const EXPLOSION_LIMIT: f64 = 1e6;

/// An error of the engine: bad input from the caller, or a run that exploded.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineError {
    /// A preset name that does not exist (the name given).
    UnknownPreset(String),
    /// An input vector x of the wrong length (neurons of the input layer).
    InputLength { expected: usize, got: usize },
    /// A target vector y of the wrong length (neurons of the output layer).
    TargetLength { expected: usize, got: usize },
    /// A NaN or infinite number; `what` names it: "x", "y", "w0", "learning rate", …
    NotFinite { what: &'static str },
    /// A finite learning rate that is not `> 0` (the value given).
    LearningRate(f64),
    /// Values exceeded [`EXPLOSION_LIMIT`] or became non-finite; stepping is refused.
    Exploded,
    /// Sizes or shapes that do not fit together (what is wrong, in English).
    InvalidShape(String),
    /// A data set, network or training setting that is not acceptable (see [`TrainError`]).
    Train(TrainError),
}

impl EngineError {
    /// A stable, kebab-case code the page translates: "unknown-preset", "input-length",
    /// "target-length", "not-finite", "learning-rate", "exploded", "invalid-shape", or the
    /// [`TrainError::code`] of a training-setting error.
    pub fn code(&self) -> &'static str {
        match self {
            EngineError::UnknownPreset(_) => "unknown-preset",
            EngineError::InputLength { .. } => "input-length",
            EngineError::TargetLength { .. } => "target-length",
            EngineError::NotFinite { .. } => "not-finite",
            EngineError::LearningRate(_) => "learning-rate",
            EngineError::Exploded => "exploded",
            EngineError::InvalidShape(_) => "invalid-shape",
            EngineError::Train(e) => e.code(),
        }
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::UnknownPreset(name) => write!(f, "unknown preset \"{name}\""),
            EngineError::InputLength { expected, got } => {
                write!(
                    f,
                    "input x has {got} numbers, the network expects {expected}"
                )
            }
            EngineError::TargetLength { expected, got } => {
                write!(
                    f,
                    "target y has {got} numbers, the network outputs {expected}"
                )
            }
            EngineError::NotFinite { what } => write!(f, "{what} must be a finite number"),
            EngineError::LearningRate(r) => {
                write!(f, "learning rate must be greater than 0 (got {r})")
            }
            EngineError::Exploded => write!(
                f,
                "values exceeded {EXPLOSION_LIMIT:e} or stopped being finite; reset to continue"
            ),
            EngineError::InvalidShape(why) => write!(f, "invalid shape: {why}"),
            EngineError::Train(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for EngineError {}

impl From<TrainError> for EngineError {
    fn from(e: TrainError) -> EngineError {
        EngineError::Train(e)
    }
}

/// `Ok(())` if every value is finite, else `NotFinite { what }`.
pub fn check_finite(what: &'static str, values: &[f64]) -> Result<(), EngineError> {
    if values.iter().all(|v| v.is_finite()) {
        Ok(())
    } else {
        Err(EngineError::NotFinite { what })
    }
}

/// `Ok(r)` for a finite `r > 0`; `NotFinite { "learning rate" }` or `LearningRate(r)` otherwise.
pub fn check_learning_rate(r: f64) -> Result<f64, EngineError> {
    check_finite("learning rate", &[r])?;
    if r > 0.0 {
        Ok(r)
    } else {
        Err(EngineError::LearningRate(r))
    }
}

/// True if `v` is non-finite or `|v| >` [`EXPLOSION_LIMIT`].
pub fn is_exploded_value(v: f64) -> bool {
    !v.is_finite() || v.abs() > EXPLOSION_LIMIT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learning_rate_check_separates_non_finite_from_non_positive() {
        assert_eq!(check_learning_rate(0.5), Ok(0.5));
        assert_eq!(
            check_learning_rate(0.0),
            Err(EngineError::LearningRate(0.0))
        );
        assert_eq!(
            check_learning_rate(f64::NAN),
            Err(EngineError::NotFinite {
                what: "learning rate"
            })
        );
    }

    #[test]
    fn explosion_limit_is_exclusive() {
        assert!(!is_exploded_value(EXPLOSION_LIMIT));
        assert!(is_exploded_value(-1.000_001e6));
        assert!(is_exploded_value(f64::INFINITY));
    }
}
