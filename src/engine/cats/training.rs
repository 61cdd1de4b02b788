//! A training session: the data as u8 matrices, the model's parameters, the cost
//! of every iteration so far, and what the page shows of it.

use serde::Serialize;

use super::basis::{first_layer, products, Basis};
use super::batch::{BatchDescent, Breakdown};
use super::config::{Init, Model, TrainConfig};
use super::dataset::{check_count, CatData};
use super::error::{CatError, Kind};
use super::examples::Examples;
use super::init::initial;
use super::limits;
use super::network::{Batch, Network};
use super::units::picture;
use crate::engine::image::{Picture, FEATURES};

/// A model being trained by batch gradient descent on a copy of the data.
#[derive(Clone, Debug)]
pub struct Training {
    config: TrainConfig,
    train: Examples,
    test: Examples,
    /// W⁽¹⁾(0), n₁ × 12288: the first layer is W⁽¹⁾(0) + C·Xᵀ.
    w1_start: Vec<f64>,
    basis: Basis,
    descent: BatchDescent<Network>,
    costs: Vec<f64>,
    diverged: Option<usize>,
}

/// What the page shows of a training session; all numbers f64.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingSnapshot {
    pub model: Model,
    /// The layer sizes n⁽⁰⁾ = 12288, n⁽¹⁾, …, 1.
    pub layers: Vec<usize>,
    /// How the weights started.
    pub init: Init,
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
    /// A session at iteration 0 with the initial weights of `config.init` (see
    /// [`super::init`]). Errors: the configuration's (bad-rate, bad-iterations),
    /// no-data (empty training set), empty-class ("cat" or "non-cat" missing from the
    /// training set), too-many-files, too-big (the estimate of [`limits::estimate`]).
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
        let (m, m_test) = (data.train.len(), data.test.len());
        limits::check(&config.model, config.iterations, m, m_test)?;
        let dims = config.model.dims();
        let (w1_start, dense) = initial(&dims, config.init, config.seed);
        let network = Network::new(dims[1], m, dense);
        let (train, test) = (Examples::new(&data.train), Examples::new(&data.test));
        Ok(Training {
            config,
            basis: Basis::new(dims[1], &train, &test),
            train,
            test,
            w1_start,
            descent: BatchDescent::new(network.clone(), network),
            costs: Vec::new(),
            diverged: None,
        })
    }

    /// Prepares up to `steps` more pictures' products (see [`super::basis`]);
    /// returns how many were done. Training prepares whatever is left first.
    pub fn prepare(&mut self, steps: usize) -> usize {
        self.basis
            .build(steps, &self.w1_start, &self.train, &self.test)
    }

    /// Pictures prepared and to prepare (done = total once training can run).
    pub fn preparation(&self) -> (usize, usize) {
        (self.basis.done(), self.basis.total())
    }

    /// Runs up to `n` more batch iterations (never past `config.iterations`) and
    /// returns how many ran. When the numbers stop being finite: training-diverged,
    /// the parameters of the last iteration with a finite cost are kept, and every
    /// later call returns the same error.
    pub fn step(&mut self, n: usize) -> Result<usize, CatError> {
        if let Some(iteration) = self.diverged {
            return Err(CatError::new(Kind::TrainingDiverged { iteration }));
        }
        self.prepare(usize::MAX);
        let todo = n.min(self.config.iterations - self.iteration());
        let batch = Batch {
            basis: &self.basis,
            labels: self.train.labels(),
        };
        for _ in 0..todo {
            match self.descent.iterate(&batch, self.config.learning_rate) {
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
        let net = &self.descent.current;
        let (m, t) = (self.train.len(), self.test.len());
        let (train_predictions, test_predictions) = if self.basis.ready() {
            let b = &self.basis;
            (
                net.probabilities(net.first(&b.p0, &b.gram, m), m),
                net.probabilities(net.first(&b.p0_test, &b.cross, t), t),
            )
        } else {
            // Not prepared yet, so no iteration ran: C = 0 and W⁽¹⁾ = W⁽¹⁾(0).
            (self.unprepared(&self.train), self.unprepared(&self.test))
        };
        let mut misclassified = wrong("train", &self.train, &train_predictions);
        misclassified.extend(wrong("test", &self.test, &test_predictions));
        TrainingSnapshot {
            model: self.config.model,
            layers: self.config.model.dims(),
            init: self.config.init,
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

    /// p(cat) for a picture with the current parameters, in [0, 1]:
    /// W⁽¹⁾x = W⁽¹⁾(0)x + C·(Xᵀx).
    pub fn predict(&self, picture: &Picture) -> f64 {
        let levels = picture.pixels();
        let net = &self.descent.current;
        let p = first_layer(&self.w1_start, levels);
        let z1 = net.first(&p, &products(&self.train, levels), 1);
        net.probabilities(z1, 1)[0]
    }

    /// p(cat) from W⁽¹⁾(0) directly, picture by picture (before any iteration).
    fn unprepared(&self, examples: &Examples) -> Vec<f64> {
        let net = &self.descent.current;
        let zero = vec![0.0; self.train.len()];
        (0..examples.len())
            .map(|i| {
                let p = first_layer(&self.w1_start, examples.row(i));
                net.probabilities(net.first(&p, &zero, 1), 1)[0]
            })
            .collect()
    }

    /// The first layer's weights W⁽¹⁾ = W⁽¹⁾(0) + C·Xᵀ, n₁ × 12288 row-major
    /// (logistic regression: w).
    pub fn first_layer_weights(&self) -> Vec<f64> {
        let net = &self.descent.current;
        let m = self.train.len();
        let mut w = self.w1_start.clone();
        for (row, c) in w.chunks_exact_mut(FEATURES).zip(net.c.chunks_exact(m)) {
            for (i, &ci) in c.iter().enumerate().filter(|(_, &ci)| ci != 0.0) {
                let scale = ci / 255.0;
                let levels = self.train.row(i);
                row.iter_mut()
                    .zip(levels)
                    .for_each(|(w, &l)| *w += scale * f64::from(l));
            }
        }
        w
    }

    /// Each first-layer unit's 12288 weights as a 64×64 RGBA picture (per channel
    /// 0 ↦ 128, ±max|w| ↦ 255 / 0); logistic regression has one, w.
    pub fn unit_pictures(&self) -> Vec<Vec<u8>> {
        self.first_layer_weights()
            .chunks_exact(FEATURES)
            .map(picture)
            .collect()
    }

    /// Logistic only: w as a 64×64 RGBA picture (see [`Training::unit_pictures`]).
    /// `None` for the hidden-layer models.
    pub fn template(&self) -> Option<Vec<u8>> {
        match self.config.model {
            Model::Logistic => self.unit_pictures().into_iter().next(),
            Model::Hidden(_) => None,
        }
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
    use crate::engine::cats::batch::Parameters;
    use crate::engine::cats::dataset::Sample;

    /// A picture of one level everywhere.
    fn sample(level: u8, is_cat: bool) -> Sample {
        Sample {
            picture: Picture::from_pixels(vec![level; FEATURES]).expect("12288 levels"),
            is_cat,
            name: String::new(),
        }
    }

    #[test]
    fn a_diverged_run_reports_the_iteration_and_refuses_to_go_on() {
        let data = CatData {
            train: vec![sample(200, true), sample(10, false)],
            test: Vec::new(),
        };
        let mut t = Training::new(TrainConfig::logistic(), &data).expect("valid");
        // Coefficients so large that z = wᵀx overflows to ∞: the cost is not finite.
        let mut huge = t.descent.current.clone();
        huge.c = vec![1e306; 2];
        t.descent = BatchDescent::new(huge.clone(), huge);
        for _ in 0..2 {
            let err = t.step(10).expect_err("diverged");
            assert_eq!(err.code(), "training-diverged");
            assert_eq!(err.args(), vec![("iteration", "0".to_string())]);
        }
        assert!(t.done());
        assert_eq!(t.snapshot().costs, Vec::<f64>::new());
    }

    #[test]
    fn a_deep_model_whose_cost_explodes_keeps_its_last_finite_parameters() {
        let data = CatData {
            train: vec![sample(200, true), sample(10, false), sample(190, true)],
            test: vec![sample(180, true)],
        };
        let config = TrainConfig {
            learning_rate: 1.0,
            ..TrainConfig::deep()
        };
        let mut t = Training::new(config, &data).expect("valid");
        assert_eq!(t.step(3), Ok(3));
        // A step so large (past the settings' limit) that the numbers overflow.
        t.config.learning_rate = 1e300;
        let err = t.step(10).expect_err("diverged");
        assert_eq!(err.code(), "training-diverged");
        let s = t.snapshot();
        assert!(s.costs.iter().all(|c| c.is_finite()), "{:?}", s.costs);
        assert!(s
            .train_predictions
            .iter()
            .chain(&s.test_predictions)
            .all(|p| p.is_finite()));
        assert!(
            s.costs.len() > 3,
            "the iterations before the breakdown are kept"
        );
        assert!(
            t.descent.current.is_finite(),
            "the last finite parameters are kept"
        );
        assert_eq!(t.step(1).map_err(|e| e.code()), Err("training-diverged"));
    }
}
