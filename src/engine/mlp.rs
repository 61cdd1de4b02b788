//! The multilayer perceptron: a stack of dense [`Layer`]s and a loss, its
//! validation, random initialisation, and the tutorial's presets.
//!
//! Sizes list neurons per layer with the input first: `[2, 2, 1]` is the
//! tutorial's network with 2 inputs, 2 hidden neurons and 1 output.

use std::str::FromStr;

use super::activation::Activation;
use super::error::{check_finite, EngineError};
pub use super::layer::Layer;
use super::loss::LossKind;
use super::rng::Rng;

/// A feed-forward network: `layers[0]` is layer 1 (reads x), the last layer gives ŷ.
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp {
    /// Layers 1..=L in order.
    pub layers: Vec<Layer>,
    /// The loss the output is trained with.
    pub loss: LossKind,
}

/// A ready-made network from the tutorial.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// The worked 2-2-1 example: `W_im = [[4,4],[4,4]]`, `b_im = [3,−3]`, sigmoid hidden;
    /// `W_mo = [[1],[1]]`, `b_mo = [0.1]`, identity output; squared error.
    TutorialRegression,
    /// The same hidden layer with 2 softmax outputs (class 0, class 1):
    /// `W_mo = [[1,−1],[−1,1]]`, `b_mo = [0.1,−0.1]`; softmax cross-entropy.
    TutorialClassification,
}

impl Preset {
    /// Every preset, in menu order.
    pub const ALL: [Preset; 2] = [Preset::TutorialRegression, Preset::TutorialClassification];

    /// The stable name used in URLs: "tutorial-regression" | "tutorial-classification".
    pub fn name(self) -> &'static str {
        match self {
            Preset::TutorialRegression => "tutorial-regression",
            Preset::TutorialClassification => "tutorial-classification",
        }
    }

    /// The tutorial's sample `(x, y)`: `x = [1, −1]`, with `y = [0.5]` (regression) or
    /// the one-hot `y = [1, 0]` of class 0 (classification).
    pub fn default_sample(self) -> (Vec<f64>, Vec<f64>) {
        match self {
            Preset::TutorialRegression => (vec![1.0, -1.0], vec![0.5]),
            Preset::TutorialClassification => (vec![1.0, -1.0], vec![1.0, 0.0]),
        }
    }
}

impl FromStr for Preset {
    type Err = EngineError;

    /// Parses a [`Preset::name`]; anything else is `UnknownPreset`.
    fn from_str(s: &str) -> Result<Preset, EngineError> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name() == s)
            .ok_or_else(|| EngineError::UnknownPreset(s.to_string()))
    }
}

impl Mlp {
    /// The same network with every hidden layer's activation replaced by `activation`
    /// (the output layer keeps its own, which the loss is paired with).
    pub fn with_hidden_activation(mut self, activation: Activation) -> Mlp {
        let hidden = self.layers.len().saturating_sub(1);
        for layer in &mut self.layers[..hidden] {
            layer.activation = activation;
        }
        self
    }

    /// The network of a preset (see [`Preset`] for its numbers).
    pub fn preset(p: Preset) -> Mlp {
        let hidden = Layer {
            weights: vec![vec![4.0, 4.0], vec![4.0, 4.0]],
            biases: vec![3.0, -3.0],
            activation: Activation::Sigmoid,
        };
        let (output, loss) = match p {
            Preset::TutorialRegression => (
                Layer {
                    weights: vec![vec![1.0], vec![1.0]],
                    biases: vec![0.1],
                    activation: Activation::Identity,
                },
                LossKind::SquaredError,
            ),
            Preset::TutorialClassification => (
                Layer {
                    weights: vec![vec![1.0, -1.0], vec![-1.0, 1.0]],
                    biases: vec![0.1, -0.1],
                    activation: Activation::Softmax,
                },
                LossKind::SoftmaxCrossEntropy,
            ),
        };
        Mlp {
            layers: vec![hidden, output],
            loss,
        }
    }

    /// A network of the given `sizes` (input first, at least 2 entries, all ≥ 1) with
    /// `activations[l]` for layer `l + 1` (`sizes.len() − 1` of them). Weights are
    /// Xavier-uniform, `W[i][j] ~ U(−√(6/(n_in+n_out)), +√(6/(n_in+n_out)))`, biases
    /// `U(−0.1, 0.1)`, all drawn from [`Rng::new(seed)`](Rng::new): same seed, same net.
    pub fn random(
        sizes: &[usize],
        activations: &[Activation],
        loss: LossKind,
        seed: u64,
    ) -> Result<Mlp, EngineError> {
        if sizes.len() < 2 || sizes.contains(&0) {
            return Err(EngineError::InvalidShape(format!(
                "sizes {sizes:?}: need an input and at least one layer, each of ≥ 1 neuron"
            )));
        }
        if activations.len() != sizes.len() - 1 {
            return Err(EngineError::InvalidShape(format!(
                "{} activations for {} layers",
                activations.len(),
                sizes.len() - 1
            )));
        }
        let mut rng = Rng::new(seed);
        let layers = sizes
            .windows(2)
            .zip(activations)
            .map(|(pair, &activation)| random_layer(&mut rng, pair[0], pair[1], activation))
            .collect();
        Ok(Mlp { layers, loss })
    }

    /// Neurons per layer, input first, e.g. `[2, 2, 1]`.
    pub fn sizes(&self) -> Vec<usize> {
        let first = self.layers.first().map_or(0, Layer::n_in);
        std::iter::once(first)
            .chain(self.layers.iter().map(Layer::n_out))
            .collect()
    }

    /// Length of the input x (`sizes()[0]`).
    pub fn n_inputs(&self) -> usize {
        self.layers.first().map_or(0, Layer::n_in)
    }

    /// Length of the output ŷ (`sizes()[L]`).
    pub fn n_outputs(&self) -> usize {
        self.layers.last().map_or(0, Layer::n_out)
    }

    /// The network's output ŷ for input `x` (length `sizes()[0]`, finite).
    pub fn predict(&self, x: &[f64]) -> Result<Vec<f64>, EngineError> {
        self.validate()?;
        self.check_input(x)?;
        Ok(self
            .layers
            .iter()
            .fold(x.to_vec(), |input, layer| layer.forward(&input).1))
    }

    /// `Ok(())` if there is at least one layer, consecutive layers fit
    /// (`n_in` of layer `l+1` = `n_out` of layer `l`) and every parameter is finite.
    pub fn validate(&self) -> Result<(), EngineError> {
        if self.layers.is_empty() {
            return Err(EngineError::InvalidShape("the network has no layer".into()));
        }
        for (l, layer) in self.layers.iter().enumerate() {
            layer.check_shape(l + 1)?;
            check_finite("weights", &layer.weights.concat())?;
            check_finite("biases", &layer.biases)?;
        }
        match self
            .layers
            .windows(2)
            .position(|p| p[0].n_out() != p[1].n_in())
        {
            Some(l) => Err(EngineError::InvalidShape(format!(
                "layer {} has {} neurons but layer {} expects {} inputs",
                l + 1,
                self.layers[l].n_out(),
                l + 2,
                self.layers[l + 1].n_in()
            ))),
            None => Ok(()),
        }
    }

    /// `Ok(())` if `x` has `sizes()[0]` finite numbers.
    pub fn check_input(&self, x: &[f64]) -> Result<(), EngineError> {
        if x.len() != self.n_inputs() {
            return Err(EngineError::InputLength {
                expected: self.n_inputs(),
                got: x.len(),
            });
        }
        check_finite("x", x)
    }

    /// `Ok(())` if `y` has `sizes()[L]` finite numbers.
    pub fn check_target(&self, y: &[f64]) -> Result<(), EngineError> {
        if y.len() != self.n_outputs() {
            return Err(EngineError::TargetLength {
                expected: self.n_outputs(),
                got: y.len(),
            });
        }
        check_finite("y", y)
    }
}

/// A Xavier-uniform `n_in × n_out` layer (see [`Mlp::random`]).
fn random_layer(rng: &mut Rng, n_in: usize, n_out: usize, activation: Activation) -> Layer {
    let limit = (6.0 / (n_in + n_out) as f64).sqrt();
    let weights = (0..n_in)
        .map(|_| (0..n_out).map(|_| rng.uniform(-limit, limit)).collect())
        .collect();
    let biases = (0..n_out).map(|_| rng.uniform(-0.1, 0.1)).collect();
    Layer {
        weights,
        biases,
        activation,
    }
}
