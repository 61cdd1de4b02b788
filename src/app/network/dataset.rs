//! Tab ①'s data-set runs: the settings a link carries for them ([`DataParams`]:
//! the set and its seed, noise, training fraction and count, the input features,
//! the hidden layers, the output and its loss, the initialisation, the batch, the
//! optimizer, the penalty and the schedule) and the trainer they build. The
//! tutorial's one sample stays the default (`set = Tutorial`).

use crate::engine::activation::Activation;
use crate::engine::build::Init;
use crate::engine::data::{generate, DataSet, DataSpec, Example, Feature, FeatureSet};
use crate::engine::loss::LossKind;
use crate::engine::mlp::Mlp;
use crate::engine::optim::{Optimizer, Regularization, Schedule};
use crate::engine::trainer::{TrainSettings, Trainer};
use crate::engine::EngineError;

/// The most hidden layers and neurons per hidden layer the page's +/- buttons give.
pub const MAX_LAYERS: usize = 6;
/// See [`MAX_LAYERS`].
pub const MAX_NEURONS: usize = 8;

/// The output layer and its loss, as the task needs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OutputKind {
    /// tanh output, ½(o − t)², labels ±1 (the Playground's classification).
    #[default]
    TanhSquared,
    /// Identity output, ½(o − t)² (the Playground's regression).
    IdentitySquared,
    /// Sigmoid output, binary cross-entropy, targets (label + 1)/2.
    SigmoidBce,
    /// Two softmax outputs, cross-entropy, one-hot (class 1 ⇔ label > 0).
    SoftmaxCe,
}

impl OutputKind {
    /// Every output, in menu order.
    pub const ALL: [OutputKind; 4] = [
        OutputKind::TanhSquared,
        OutputKind::IdentitySquared,
        OutputKind::SigmoidBce,
        OutputKind::SoftmaxCe,
    ];

    /// The link's name (`out=sigmoid-bce`).
    pub fn name(self) -> &'static str {
        match self {
            OutputKind::TanhSquared => "tanh-squared",
            OutputKind::IdentitySquared => "identity-squared",
            OutputKind::SigmoidBce => "sigmoid-bce",
            OutputKind::SoftmaxCe => "softmax-ce",
        }
    }

    /// The output called `name`, if any.
    pub fn from_name(name: &str) -> Option<OutputKind> {
        OutputKind::ALL.into_iter().find(|o| o.name() == name)
    }

    /// (activation, loss, output neurons).
    pub fn parts(self) -> (Activation, LossKind, usize) {
        match self {
            OutputKind::TanhSquared => (Activation::Tanh, LossKind::SquaredError, 1),
            OutputKind::IdentitySquared => (Activation::Identity, LossKind::SquaredError, 1),
            OutputKind::SigmoidBce => (Activation::Sigmoid, LossKind::BinaryCrossEntropy, 1),
            OutputKind::SoftmaxCe => (Activation::Softmax, LossKind::SoftmaxCrossEntropy, 2),
        }
    }

    /// Whether it can learn a regression target anywhere in [−1, 1].
    pub fn fits_regression(self) -> bool {
        matches!(self, OutputKind::TanhSquared | OutputKind::IdentitySquared)
    }
}

/// A data-set run's settings (everything a link needs to reproduce it, with the
/// network's learning rate and hidden activation kept in `NetworkParams`).
#[derive(Clone, Debug, PartialEq)]
pub struct DataParams {
    /// `data=circle`; `Tutorial` = the tutorial's one sample (the default view).
    pub set: DataSet,
    /// `count=500` (2..=2000).
    pub count: usize,
    /// `noise=0.1` (0..=0.5).
    pub noise: f64,
    /// `train=0.5` (0.1..=0.9).
    pub train_fraction: f64,
    /// `seed=1`: the data's generator and shuffle.
    pub seed: u64,
    /// `features=x1,x2,x1sq`.
    pub features: Vec<Feature>,
    /// `shape=4,2`: neurons of each hidden layer (0..=[`MAX_LAYERS`] layers).
    pub hidden: Vec<usize>,
    /// `acts=tanh,relu`: one per hidden layer; `None` = every layer the tab's activation.
    pub activations: Option<Vec<Activation>>,
    /// `out=tanh-squared`.
    pub output: OutputKind,
    /// `init=3` (the weights' seed) or `init=zero`.
    pub init: Init,
    /// `batch=10`.
    pub batch_size: usize,
    /// `opt=adam:0.9,0.999,1e-8`.
    pub optimizer: Optimizer,
    /// `reg=l2:0.001`.
    pub regularization: Regularization,
    /// `schedule=step:50,0.5`.
    pub schedule: Schedule,
    /// `points=1.5,-2,1;0.25,3,-1`: the learner's own points, `x1,x2,label` each (the
    /// custom set trains on all of them).
    pub points: Vec<Example>,
}

impl Default for DataParams {
    /// The tutorial's one sample; once a set is chosen, the Playground's defaults.
    fn default() -> DataParams {
        let spec = DataSpec::default();
        let train = TrainSettings::default();
        DataParams {
            set: DataSet::Tutorial,
            count: spec.count,
            noise: spec.noise,
            train_fraction: spec.train_fraction,
            seed: spec.seed,
            features: vec![Feature::X1, Feature::X2],
            hidden: vec![4, 2],
            activations: None,
            output: OutputKind::TanhSquared,
            init: Init::Seeded(1),
            batch_size: train.batch_size,
            optimizer: train.optimizer,
            regularization: train.regularization,
            schedule: train.schedule,
            points: Vec::new(),
        }
    }
}

/// The Playground's learning rate, taken when a learner leaves the tutorial's sample.
pub const DATA_LEARNING_RATE: f64 = 0.03;

/// The Playground's hidden activation, which a data set starts with.
pub const DATA_ACTIVATION: Activation = Activation::Tanh;

impl DataParams {
    /// The generator's spec.
    pub fn spec(&self) -> DataSpec {
        DataSpec {
            set: self.set,
            count: self.count,
            noise: self.noise,
            train_fraction: self.train_fraction,
            seed: self.seed,
        }
    }

    /// Each hidden layer's activation (`hidden` = the tab's one for all unless set per layer).
    pub fn hidden_activations(&self, hidden: Activation) -> Vec<Activation> {
        (0..self.hidden.len())
            .map(|k| {
                self.activations
                    .as_ref()
                    .and_then(|a| a.get(k).copied())
                    .unwrap_or(hidden)
            })
            .collect()
    }

    /// The network: the features' inputs, the hidden layers, the output; drawn by `init`.
    pub fn network(&self, hidden: Activation) -> Result<Mlp, EngineError> {
        let features = FeatureSet::new(&self.features)?;
        let (out, loss, n_out) = self.output.parts();
        let mut sizes = vec![features.len()];
        sizes.extend(&self.hidden);
        sizes.push(n_out);
        Mlp::build(
            &sizes,
            &self.hidden_activations(hidden),
            out,
            loss,
            self.init,
        )
    }

    /// The training settings with learning rate r₀.
    pub fn settings(&self, learning_rate: f64) -> TrainSettings {
        TrainSettings {
            learning_rate,
            batch_size: self.batch_size,
            optimizer: self.optimizer,
            regularization: self.regularization,
            schedule: self.schedule,
        }
    }

    /// The trainer of this run on the learner's own points (for `Custom`) or the
    /// generated set; every setting checked by the engine.
    pub fn trainer(&self, hidden: Activation, learning_rate: f64) -> Result<Trainer, EngineError> {
        let (train, test) = if self.set == DataSet::Custom {
            (self.points.clone(), Vec::new())
        } else {
            let split = generate(&self.spec())?;
            (split.train, split.test)
        };
        let features = FeatureSet::new(&self.features)?;
        Trainer::for_examples(
            self.network(hidden)?,
            features,
            train,
            test,
            self.settings(learning_rate),
        )
    }
}
