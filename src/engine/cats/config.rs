//! Training settings: which model, learning rate, iterations, seed — and their limits.

use serde::Serialize;

use super::error::{CatError, Kind};

/// Most iterations one training run may ask for.
pub const MAX_ITERATIONS: usize = 100_000;
/// Most units of the hidden layer.
pub const MAX_HIDDEN: usize = 64;
/// Largest learning rate accepted.
pub const MAX_RATE: f64 = 10.0;

/// The model trained on the 12288 features.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum Model {
    /// ŷ = σ(wᵀx + b): w of 12288, b scalar, both starting at 0.
    Logistic,
    /// LINEAR→RELU→LINEAR→SIGMOID with `size` hidden units.
    Hidden { size: usize },
}

/// How to train: model, learning rate α (dimensionless), batch-GD iterations, and the
/// seed of the hidden model's initial weights.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainConfig {
    pub model: Model,
    pub learning_rate: f64,
    pub iterations: usize,
    pub seed: u64,
}

impl TrainConfig {
    /// The course's logistic regression: α = 0.005, 2000 iterations.
    pub fn logistic() -> TrainConfig {
        TrainConfig {
            model: Model::Logistic,
            learning_rate: 0.005,
            iterations: 2000,
            seed: 1,
        }
    }

    /// The course's two-layer model: 7 hidden units, α = 0.0075, 2500 iterations;
    /// weights N(0, 1)·0.01 from the seeded generator, biases 0.
    pub fn hidden() -> TrainConfig {
        TrainConfig {
            model: Model::Hidden { size: 7 },
            learning_rate: 0.0075,
            iterations: 2500,
            seed: 1,
        }
    }

    /// bad-rate unless α is finite in (0, 10]; bad-iterations unless 1..=100000;
    /// bad-hidden unless the hidden size is 1..=64.
    pub fn validate(&self) -> Result<(), CatError> {
        let rate = self.learning_rate;
        if !(rate.is_finite() && rate > 0.0 && rate <= MAX_RATE) {
            return Err(CatError::new(Kind::BadRate));
        }
        if !(1..=MAX_ITERATIONS).contains(&self.iterations) {
            return Err(CatError::new(Kind::BadIterations {
                limit: MAX_ITERATIONS,
            }));
        }
        match self.model {
            Model::Hidden { size } if !(1..=MAX_HIDDEN).contains(&size) => {
                Err(CatError::new(Kind::BadHidden { limit: MAX_HIDDEN }))
            }
            _ => Ok(()),
        }
    }
}
