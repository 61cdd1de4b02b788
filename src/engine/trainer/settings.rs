//! The data-set side of [`Trainer`]: building it from examples and features,
//! how labels become targets for each loss, and the settings a learner changes
//! between steps (batch size, optimizer, penalty, schedule, one parameter, the
//! initialisation). Every setter checks first and changes nothing on error.

use super::{Examples, TrainSettings, Trainer};
use crate::engine::batch::{OptState, Sample};
use crate::engine::build::Init;
use crate::engine::data::{Example, FeatureSet};
use crate::engine::error::{check_finite, check_learning_rate, EngineError};
use crate::engine::loss::LossKind;
use crate::engine::mlp::Mlp;
use crate::engine::optim::{Optimizer, Regularization, Schedule};
use crate::engine::train_error::{check_range, TrainError};

/// The target vector of a label for `loss` with `n_out` outputs: squared error `[label]`;
/// binary cross-entropy `[(label + 1)/2]` (label in [−1, 1]); softmax cross-entropy the
/// one-hot `[1, 0]` for label −1 and `[0, 1]` for +1.
pub fn encode_label(
    loss: LossKind,
    n_out: usize,
    label: f64,
    index: usize,
) -> Result<Vec<f64>, EngineError> {
    let bad = || {
        EngineError::from(TrainError::Label {
            index,
            label,
            loss: loss.name(),
        })
    };
    check_finite("label", &[label])?;
    match loss {
        LossKind::SquaredError if n_out == 1 => Ok(vec![label]),
        LossKind::BinaryCrossEntropy if n_out == 1 && (-1.0..=1.0).contains(&label) => {
            Ok(vec![(label + 1.0) / 2.0])
        }
        LossKind::SoftmaxCrossEntropy if n_out == 2 && (label == 1.0 || label == -1.0) => {
            Ok(if label > 0.0 {
                vec![0.0, 1.0]
            } else {
                vec![1.0, 0.0]
            })
        }
        LossKind::SquaredError | LossKind::BinaryCrossEntropy if n_out != 1 => {
            Err(EngineError::TargetLength {
                expected: n_out,
                got: 1,
            })
        }
        LossKind::SoftmaxCrossEntropy if n_out != 2 => Err(EngineError::TargetLength {
            expected: n_out,
            got: 2,
        }),
        _ => Err(bad()),
    }
}

/// Every example as a sample `(features, target)`.
fn encode_all(
    mlp: &Mlp,
    features: &FeatureSet,
    examples: &[Example],
) -> Result<Vec<Sample>, EngineError> {
    examples
        .iter()
        .enumerate()
        .map(|(i, e)| {
            check_finite("x", &e.x)?;
            Ok((
                features.inputs(e.x),
                encode_label(mlp.loss, mlp.n_outputs(), e.label, i)?,
            ))
        })
        .collect()
}

fn check_settings(s: &TrainSettings) -> Result<(), EngineError> {
    check_learning_rate(s.learning_rate)?;
    check_batch_size(s.batch_size)?;
    s.optimizer.checked()?;
    s.regularization.checked()?;
    s.schedule.checked()?;
    Ok(())
}

fn check_batch_size(n: usize) -> Result<usize, EngineError> {
    check_range("batch size", n as f64, 1.0, 1e9, "1..")?;
    Ok(n)
}

impl Trainer {
    /// A trainer of `mlp` (inputs = `features.len()`) on `train` (≥ 1 example) and `test`,
    /// with `settings`; every label is checked against the network's loss.
    pub fn for_examples(
        mlp: Mlp,
        features: FeatureSet,
        train: Vec<Example>,
        test: Vec<Example>,
        settings: TrainSettings,
    ) -> Result<Trainer, EngineError> {
        mlp.validate()?;
        check_settings(&settings)?;
        let (data, test_data) = Trainer::encode(&mlp, &features, &train, &test)?;
        let examples = Examples {
            features,
            train,
            test,
        };
        Ok(Trainer::build(
            mlp,
            (data, test_data),
            Some(examples),
            settings,
        ))
    }

    fn encode(
        mlp: &Mlp,
        features: &FeatureSet,
        train: &[Example],
        test: &[Example],
    ) -> Result<(Vec<Sample>, Vec<Sample>), EngineError> {
        if train.is_empty() {
            return Err(TrainError::NoExamples.into());
        }
        if features.len() != mlp.n_inputs() {
            return Err(EngineError::InputLength {
                expected: mlp.n_inputs(),
                got: features.len(),
            });
        }
        Ok((
            encode_all(mlp, features, train)?,
            encode_all(mlp, features, test)?,
        ))
    }

    /// The features the network reads (x₁, x₂ for the tutorial's trainers too).
    pub fn features(&self) -> FeatureSet {
        self.examples
            .as_ref()
            .map_or_else(FeatureSet::default, |e| e.features.clone())
    }

    /// The training and test points of a data-set run (empty for the tutorial's).
    pub fn examples(&self) -> (&[Example], &[Example]) {
        match &self.examples {
            Some(e) => (&e.train, &e.test),
            None => (&[], &[]),
        }
    }

    /// New training and test points (features kept): training restarts at epoch 0 from
    /// the current weights.
    pub fn set_examples(
        &mut self,
        train: Vec<Example>,
        test: Vec<Example>,
    ) -> Result<(), EngineError> {
        let features = self.features();
        self.install(None, features, train, test)
    }

    /// A new network (and features, whose count must equal its inputs) on the same points:
    /// a new shape, activation, output or loss. Training restarts at epoch 0.
    pub fn set_network(&mut self, mlp: Mlp, features: FeatureSet) -> Result<(), EngineError> {
        mlp.validate()?;
        let (train, test) = match &self.examples {
            Some(e) => (e.train.clone(), e.test.clone()),
            None => return Err(TrainError::NoExamples.into()),
        };
        self.install(Some(mlp), features, train, test)
    }

    /// Encodes the points for `mlp` (or the current network) and takes them, with the
    /// network when one is given; nothing changes if a label does not fit the loss.
    fn install(
        &mut self,
        mlp: Option<Mlp>,
        features: FeatureSet,
        train: Vec<Example>,
        test: Vec<Example>,
    ) -> Result<(), EngineError> {
        let network = mlp.as_ref().unwrap_or(&self.mlp);
        let (data, test_data) = Trainer::encode(network, &features, &train, &test)?;
        if let Some(mlp) = mlp {
            self.initial = mlp.clone();
            self.mlp = mlp;
        }
        self.data = data;
        self.test = test_data;
        self.examples = Some(Examples {
            features,
            train,
            test,
        });
        self.chosen = 0;
        self.restart_training();
        Ok(())
    }

    /// Examples per mini-batch (≥ 1; more than the set means the whole set). The current
    /// step restarts at Ready; the next batch starts at the current batch's first example.
    pub fn set_batch_size(&mut self, n: usize) -> Result<(), EngineError> {
        self.batch_size = check_batch_size(n)?;
        self.restart_step();
        Ok(())
    }

    /// The mini-batch size.
    pub fn batch_size(&self) -> usize {
        self.batch_size
    }

    /// A new update rule; its memory (velocity, m, v, t) starts at zero.
    pub fn set_optimizer(&mut self, optimizer: Optimizer) -> Result<(), EngineError> {
        self.optimizer = optimizer.checked()?;
        self.opt = OptState::zero(&self.mlp);
        Ok(())
    }

    /// The penalty on the weights, used from the next Update.
    pub fn set_regularization(&mut self, r: Regularization) -> Result<(), EngineError> {
        self.regularization = r.checked()?;
        Ok(())
    }

    /// The learning-rate schedule (over the epochs already counted).
    pub fn set_schedule(&mut self, s: Schedule) -> Result<(), EngineError> {
        self.schedule = s.checked()?;
        Ok(())
    }

    /// Which example of the batch (0-based offset, clamped to the batch) the snapshot shows.
    pub fn set_chosen(&mut self, k: usize) {
        self.chosen = k;
    }

    /// Every weight and bias drawn again by `init` (same seed, same weights); this becomes
    /// the network [`Trainer::reset`] returns to, and training restarts at epoch 0.
    pub fn reinitialise(&mut self, init: Init) {
        self.mlp.initialise(init);
        self.initial = self.mlp.clone();
        self.restart_training();
    }

    /// All weights and biases at once (same shapes; finite): the current step restarts at
    /// Ready, the epoch count and histories are kept.
    pub fn set_parameters(
        &mut self,
        layers: Vec<(Vec<Vec<f64>>, Vec<f64>)>,
    ) -> Result<(), EngineError> {
        let mut mlp = self.mlp.clone();
        if layers.len() != mlp.layers.len() {
            return Err(EngineError::InvalidShape(format!(
                "{} layers given, the network has {}",
                layers.len(),
                mlp.layers.len()
            )));
        }
        for (layer, (w, b)) in mlp.layers.iter_mut().zip(layers) {
            let same = w.len() == layer.weights.len()
                && b.len() == layer.biases.len()
                && w.iter().all(|row| row.len() == layer.biases.len());
            if !same {
                return Err(EngineError::InvalidShape(
                    "weights or biases of the wrong size".into(),
                ));
            }
            layer.weights = w;
            layer.biases = b;
        }
        mlp.validate()?;
        self.mlp = mlp;
        self.restart_step();
        Ok(())
    }

    /// True for classification runs: every training label is −1 or +1.
    pub(super) fn is_classification(&self) -> bool {
        match &self.examples {
            Some(e) => e.train.iter().all(|x| x.label == 1.0 || x.label == -1.0),
            None => false,
        }
    }
}
