//! Changing the network of a data-set run the way a learner does: a new shape, an
//! activation, the output and loss, the input features. Each keeps what the change
//! does not touch (the hidden activations, the output, the points) and checks first,
//! so an error changes nothing. A tutorial trainer first becomes a data-set trainer on
//! the tutorial's one sample.

use super::{TrainSettings, Trainer};
use crate::engine::activation::Activation;
use crate::engine::build::Init;
use crate::engine::data::{generate, DataSet, DataSpec, FeatureSet};
use crate::engine::error::EngineError;
use crate::engine::loss::LossKind;
use crate::engine::mlp::Mlp;
use crate::engine::train_error::TrainError;

impl Trainer {
    /// The hidden layers' activations and the output's, in order.
    fn activations(&self) -> (Vec<Activation>, Activation) {
        let layers = &self.mlp.layers;
        let hidden = layers[..layers.len() - 1]
            .iter()
            .map(|l| l.activation)
            .collect();
        (hidden, layers[layers.len() - 1].activation)
    }

    /// A tutorial trainer becomes a data-set trainer on the tutorial's sample (x = [1, −1],
    /// target 0.5), features x₁, x₂, batches of one, the same network and rate. A no-op
    /// for a data-set trainer.
    pub fn to_data_set(&mut self) -> Result<(), EngineError> {
        if self.examples.is_some() {
            return Ok(());
        }
        let spec = DataSpec {
            set: DataSet::Tutorial,
            ..DataSpec::default()
        };
        let split = generate(&spec)?;
        let settings = TrainSettings {
            learning_rate: self.learning_rate,
            batch_size: 1,
            ..TrainSettings::default()
        };
        let t = Trainer::for_examples(
            self.mlp.clone(),
            FeatureSet::default(),
            split.train,
            split.test,
            settings,
        )?;
        *self = t;
        Ok(())
    }

    /// A network of `sizes` (inputs = the number of features) drawn by `init`: hidden layers
    /// keep their activation (new ones take the last hidden one's, tanh if there was none),
    /// the output and loss stay.
    pub fn set_shape(&mut self, sizes: &[usize], init: Init) -> Result<(), EngineError> {
        let (mut hidden, output) = self.activations();
        let last = hidden.last().copied().unwrap_or(Activation::Tanh);
        hidden.resize(sizes.len().saturating_sub(2), last);
        let mlp = Mlp::build(sizes, &hidden, output, self.mlp.loss, init)?;
        self.replace_network(mlp, self.features())
    }

    /// The activation of every hidden layer (`layer` None) or of hidden layer `layer`
    /// (1-based); the weights are kept.
    pub fn set_hidden_activation(
        &mut self,
        activation: Activation,
        layer: Option<usize>,
    ) -> Result<(), EngineError> {
        let hidden = self.mlp.layers.len() - 1;
        let range = match layer {
            None => 0..hidden,
            Some(l) if (1..=hidden).contains(&l) => l - 1..l,
            Some(l) => {
                return Err(TrainError::OutOfRange {
                    what: "hidden layer",
                    value: l as f64,
                    range: "1..=hidden layers",
                }
                .into())
            }
        };
        if activation == Activation::Softmax {
            return Err(EngineError::InvalidShape(
                "softmax is for the output layer".into(),
            ));
        }
        let mut mlp = self.mlp.clone();
        mlp.layers[range]
            .iter_mut()
            .for_each(|l| l.activation = activation);
        self.replace_network(mlp, self.features())
    }

    /// The output activation and loss (see `build::check_output`); the output layer gets
    /// 2 neurons for softmax cross-entropy, else 1, and every weight is drawn by `init`.
    pub fn set_output(
        &mut self,
        output: Activation,
        loss: LossKind,
        init: Init,
    ) -> Result<(), EngineError> {
        let mut sizes = self.mlp.sizes();
        if let Some(last) = sizes.last_mut() {
            *last = if loss == LossKind::SoftmaxCrossEntropy {
                2
            } else {
                1
            };
        }
        let (hidden, _) = self.activations();
        let mlp = Mlp::build(&sizes, &hidden, output, loss, init)?;
        self.replace_network(mlp, self.features())
    }

    /// The input features; the input layer resizes and every weight is drawn by `init`.
    pub fn set_features(&mut self, features: FeatureSet, init: Init) -> Result<(), EngineError> {
        let mut sizes = self.mlp.sizes();
        sizes[0] = features.len();
        let (hidden, output) = self.activations();
        let mlp = Mlp::build(&sizes, &hidden, output, self.mlp.loss, init)?;
        self.replace_network(mlp, features)
    }

    /// [`Trainer::set_network`] after [`Trainer::to_data_set`], leaving `self` as it was on error.
    fn replace_network(&mut self, mlp: Mlp, features: FeatureSet) -> Result<(), EngineError> {
        let before = self.clone();
        let result = self
            .to_data_set()
            .and_then(|_| self.set_network(mlp, features));
        if result.is_err() {
            *self = before;
        }
        result
    }
}
