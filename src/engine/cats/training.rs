//! A training session: the data as u8 matrices, the model's parameters, the cost
//! of every iteration so far, and what the page shows of it.

use serde::Serialize;

use super::batch::{BatchDescent, Breakdown, Parameters};
use super::config::{Model, TrainConfig};
use super::dataset::{check_count, CatData};
use super::error::{CatError, Kind};
use super::examples::Examples;
use super::hidden::TwoLayer;
use super::logistic::Logistic;
use crate::engine::image::Picture;

/// A model being trained by batch gradient descent on a copy of the data.
#[derive(Clone, Debug)]
pub struct Training {
    config: TrainConfig,
    train: Examples,
    test: Examples,
    run: Run,
    costs: Vec<f64>,
    diverged: Option<usize>,
}

/// The descent of whichever model the configuration names.
#[derive(Clone, Debug)]
enum Run {
    Logistic(BatchDescent<Logistic>),
    Hidden(BatchDescent<TwoLayer>),
}

impl Run {
    fn iterate(&mut self, examples: &Examples, rate: f64) -> Result<f64, Breakdown> {
        match self {
            Run::Logistic(d) => d.iterate(examples, rate),
            Run::Hidden(d) => d.iterate(examples, rate),
        }
    }

    fn probability(&self, levels: &[u8]) -> f64 {
        match self {
            Run::Logistic(d) => d.current.probability(levels),
            Run::Hidden(d) => d.current.probability(levels),
        }
    }
}

/// What the page shows of a training session; all numbers f64.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingSnapshot {
    pub model: Model,
    pub learning_rate: f64,
    /// Iterations run so far.
    pub iteration: usize,
    /// Iterations the run is set to.
    pub iterations: usize,
    /// J at iterations 0, 1, …, iteration − 1: the cost computed in each iteration's
    /// forward pass ("Cost after iteration i" in the course).
    pub costs: Vec<f64>,
    /// Fraction of training pictures classified right (p(cat) > 0.5 ⇒ cat).
    pub train_accuracy: f64,
    /// The same on the test set; `None` when it is empty.
    pub test_accuracy: Option<f64>,
    /// p(cat) per training picture, in order.
    pub train_predictions: Vec<f64>,
    /// p(cat) per test picture, in order.
    pub test_predictions: Vec<f64>,
    /// Every picture the current parameters get wrong, train first.
    pub misclassified: Vec<Misclassified>,
}

/// A picture the current parameters classify wrongly.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Misclassified {
    /// "train" or "test".
    pub set: String,
    /// Index within that set.
    pub index: usize,
    /// The model's p(cat), in [0, 1].
    pub p_cat: f64,
    /// The true label.
    pub is_cat: bool,
}

impl Training {
    /// A session at iteration 0: logistic w = 0, b = 0; hidden weights N(0, 1)·0.01 from
    /// `config.seed`, biases 0. Errors: the configuration's (bad-rate, bad-iterations,
    /// bad-hidden), no-data (empty training set), empty-class ("cat" or "non-cat"
    /// missing from the training set), too-many-files.
    pub fn new(config: TrainConfig, data: &CatData) -> Result<Training, CatError> {
        config.validate()?;
        check_count(data.train.len())?;
        check_count(data.test.len())?;
        let counts = data.counts();
        if data.train.is_empty() {
            return Err(CatError::new(Kind::NoData));
        }
        if counts.train_cats == 0 {
            return Err(CatError::new(Kind::EmptyClass { class: "cat" }));
        }
        if counts.train_other == 0 {
            return Err(CatError::new(Kind::EmptyClass { class: "non-cat" }));
        }
        let run = match config.model {
            Model::Logistic => {
                Run::Logistic(BatchDescent::new(Logistic::zeros(), Logistic::zeros()))
            }
            Model::Hidden { size } => Run::Hidden(BatchDescent::new(
                TwoLayer::random(size, config.seed),
                TwoLayer::zeros(size),
            )),
        };
        Ok(Training {
            config,
            train: Examples::with_columns(&data.train),
            test: Examples::new(&data.test),
            run,
            costs: Vec::new(),
            diverged: None,
        })
    }

    /// Runs up to `n` more batch iterations (never past `config.iterations`) and
    /// returns how many ran. When the numbers stop being finite: training-diverged,
    /// the parameters of the last iteration with a finite cost are kept, and every
    /// later call returns the same error.
    pub fn step(&mut self, n: usize) -> Result<usize, CatError> {
        if let Some(iteration) = self.diverged {
            return Err(CatError::new(Kind::TrainingDiverged { iteration }));
        }
        let todo = n.min(self.config.iterations - self.iteration());
        for _ in 0..todo {
            match self.run.iterate(&self.train, self.config.learning_rate) {
                Ok(cost) => self.costs.push(cost),
                Err(breakdown) => {
                    if let Breakdown::Update(cost) = breakdown {
                        self.costs.push(cost);
                    }
                    let iteration = self.costs.len();
                    self.diverged = Some(iteration);
                    return Err(CatError::new(Kind::TrainingDiverged { iteration }));
                }
            }
        }
        Ok(todo)
    }

    /// True once all iterations have run (or the run diverged).
    pub fn done(&self) -> bool {
        self.diverged.is_some() || self.iteration() >= self.config.iterations
    }

    /// Iterations run so far (= costs recorded).
    pub fn iteration(&self) -> usize {
        self.costs.len()
    }

    /// The settings this session trains with.
    pub fn config(&self) -> TrainConfig {
        self.config
    }

    /// Costs, accuracies and predictions with the current parameters.
    pub fn snapshot(&self) -> TrainingSnapshot {
        let train_predictions = self.predictions(&self.train);
        let test_predictions = self.predictions(&self.test);
        let mut misclassified = wrong("train", &self.train, &train_predictions);
        misclassified.extend(wrong("test", &self.test, &test_predictions));
        TrainingSnapshot {
            model: self.config.model,
            learning_rate: self.config.learning_rate,
            iteration: self.iteration(),
            iterations: self.config.iterations,
            costs: self.costs.clone(),
            train_accuracy: accuracy(&self.train, &train_predictions).unwrap_or(0.0),
            test_accuracy: accuracy(&self.test, &test_predictions),
            train_predictions,
            test_predictions,
            misclassified,
        }
    }

    /// p(cat) for a picture with the current parameters, in [0, 1].
    pub fn predict(&self, picture: &Picture) -> f64 {
        self.run.probability(picture.pixels())
    }

    /// Logistic only: w reshaped to 64×64×3, per channel 0 ↦ 128, +max|w| ↦ 255 and
    /// −max|w| ↦ 0, as 64×64×4 RGBA. `None` for the hidden-layer model.
    pub fn template(&self) -> Option<Vec<u8>> {
        match &self.run {
            Run::Logistic(d) => Some(d.current.template()),
            Run::Hidden(_) => None,
        }
    }

    fn predictions(&self, examples: &Examples) -> Vec<f64> {
        (0..examples.len())
            .map(|i| self.run.probability(examples.row(i)))
            .collect()
    }
}

/// The course's rule: cat when p(cat) > 0.5.
fn says_cat(p: f64) -> bool {
    p > 0.5
}

/// Fraction of examples classified right; `None` when there are none.
fn accuracy(examples: &Examples, predictions: &[f64]) -> Option<f64> {
    let right = predictions
        .iter()
        .enumerate()
        .filter(|&(i, &p)| says_cat(p) == (examples.label(i) == 1.0))
        .count();
    (!predictions.is_empty()).then(|| right as f64 / predictions.len() as f64)
}

/// The examples of one set whose prediction disagrees with the label.
fn wrong(set: &str, examples: &Examples, predictions: &[f64]) -> Vec<Misclassified> {
    predictions
        .iter()
        .enumerate()
        .filter(|&(i, &p)| says_cat(p) != (examples.label(i) == 1.0))
        .map(|(i, &p)| Misclassified {
            set: set.to_string(),
            index: i,
            p_cat: p,
            is_cat: examples.label(i) == 1.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::cats::dataset::Sample;
    use crate::engine::image::FEATURES;

    #[test]
    fn a_diverged_run_reports_the_iteration_and_refuses_to_go_on() {
        let sample = |level: u8, is_cat: bool| Sample {
            picture: Picture::from_pixels(vec![level; FEATURES]).expect("12288 levels"),
            is_cat,
            name: String::new(),
        };
        let data = CatData {
            train: vec![sample(200, true), sample(10, false)],
            test: Vec::new(),
        };
        let mut t = Training::new(TrainConfig::logistic(), &data).expect("valid");
        // Weights so large that z = wᵀx overflows to ∞: the cost is not finite.
        let huge = Logistic::new(vec![1e306; FEATURES], 0.0);
        t.run = Run::Logistic(BatchDescent::new(huge.clone(), huge));
        for _ in 0..2 {
            let err = t.step(10).expect_err("diverged");
            assert_eq!(err.code(), "training-diverged");
            assert_eq!(err.args(), vec![("iteration", "0".to_string())]);
        }
        assert!(t.done());
        assert_eq!(t.snapshot().costs, Vec::<f64>::new());
    }
}
