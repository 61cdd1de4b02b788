//! Networks for the data-set lab: any sizes, an activation per hidden layer, an
//! output activation paired with its loss, and the Playground's initialisation.

use serde::{Deserialize, Serialize};

use super::activation::Activation;
use super::error::EngineError;
use super::layer::Layer;
use super::loss::LossKind;
use super::mlp::Mlp;
use super::rng::Rng;
use super::train_error::TrainError;

/// Most hidden layers a network may have.
pub const MAX_HIDDEN_LAYERS: usize = 8;
/// Most neurons a layer (also the input) may have.
pub const MAX_NEURONS: usize = 16;

/// How the weights start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "seed", rename_all = "camelCase")]
pub enum Init {
    /// The Playground's: every weight `U(−0.5, 0.5)` from [`Rng::new(seed)`](Rng::new), drawn
    /// layer by layer, neuron by neuron, input by input; every bias 0.1.
    Seeded(u64),
    /// Every weight and bias 0: hidden units that start equal stay equal.
    Zero,
}

/// `Ok(())` if `output` and `loss` fit: identity or tanh with squared error, sigmoid with
/// binary cross-entropy, softmax (≥ 2 outputs) with softmax cross-entropy.
pub fn check_output(output: Activation, loss: LossKind, n_out: usize) -> Result<(), EngineError> {
    let fits = match loss {
        LossKind::SquaredError => matches!(output, Activation::Identity | Activation::Tanh),
        LossKind::BinaryCrossEntropy => output == Activation::Sigmoid,
        LossKind::SoftmaxCrossEntropy => output == Activation::Softmax && n_out >= 2,
    };
    if fits {
        Ok(())
    } else {
        Err(EngineError::InvalidShape(format!(
            "output {} with {n_out} neuron(s) does not fit the loss {}",
            output.name(),
            loss.name()
        )))
    }
}

impl Mlp {
    /// A network of `sizes` (input first; 0..=[`MAX_HIDDEN_LAYERS`] hidden layers, every
    /// layer 1..=[`MAX_NEURONS`]), `hidden[k]` for hidden layer k+1 (not softmax), the
    /// `output` activation and its `loss` (see [`check_output`]), started by `init`.
    pub fn build(
        sizes: &[usize],
        hidden: &[Activation],
        output: Activation,
        loss: LossKind,
        init: Init,
    ) -> Result<Mlp, EngineError> {
        let layers = sizes.len().saturating_sub(1);
        if layers == 0 || layers > MAX_HIDDEN_LAYERS + 1 {
            return Err(EngineError::InvalidShape(format!(
                "{} sizes: give the inputs, 0 to {MAX_HIDDEN_LAYERS} hidden layers and the outputs",
                sizes.len()
            )));
        }
        if let Some(&bad) = sizes.iter().find(|&&s| s == 0 || s > MAX_NEURONS) {
            return Err(TrainError::OutOfRange {
                what: "neurons per layer",
                value: bad as f64,
                range: "1..=16",
            }
            .into());
        }
        if hidden.len() != layers - 1 || hidden.contains(&Activation::Softmax) {
            return Err(EngineError::InvalidShape(format!(
                "{} hidden activations (softmax not allowed) for {} hidden layers",
                hidden.len(),
                layers - 1
            )));
        }
        check_output(output, loss, sizes[layers])?;
        let activations = hidden.iter().copied().chain([output]);
        let mut mlp = Mlp {
            layers: sizes
                .windows(2)
                .zip(activations)
                .map(|(p, activation)| Layer {
                    weights: vec![vec![0.0; p[1]]; p[0]],
                    biases: vec![0.0; p[1]],
                    activation,
                })
                .collect(),
            loss,
        };
        mlp.initialise(init);
        Ok(mlp)
    }

    /// Draws every weight and bias again by `init` (same seed, same numbers); shapes and
    /// activations are kept.
    pub fn initialise(&mut self, init: Init) {
        let mut rng = match init {
            Init::Seeded(seed) => Some(Rng::new(seed)),
            Init::Zero => None,
        };
        for layer in &mut self.layers {
            for j in 0..layer.n_out() {
                for row in layer.weights.iter_mut() {
                    row[j] = rng.as_mut().map_or(0.0, |r| r.next_f64() - 0.5);
                }
            }
            let bias = if rng.is_some() { 0.1 } else { 0.0 };
            layer.biases.iter_mut().for_each(|b| *b = bias);
        }
    }
}
