//! Checking a gradient by hand: nudge one weight or bias by h and compare the
//! change of the loss, ΔL/h, with what backpropagation says, on one example or
//! on the current mini-batch (as the graph lab nudges a node).

use serde::{Deserialize, Serialize};

use super::Trainer;
use crate::engine::batch::{BatchPass, Sample};
use crate::engine::error::{check_finite, EngineError};
use crate::engine::mlp::Mlp;
use crate::engine::train_error::TrainError;

/// One parameter of the network; `layer` is 1-based (layer 1 reads the inputs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ParamRef {
    /// `W[from][to]` of layer `layer`: the edge from neuron `from` of layer − 1 to `to`.
    Weight {
        layer: usize,
        from: usize,
        to: usize,
    },
    /// `b[neuron]` of layer `layer`.
    Bias { layer: usize, neuron: usize },
}

/// Which loss the check differentiates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "index", rename_all = "camelCase")]
pub enum GradScope {
    /// The loss of training example `index` (0-based).
    Example(usize),
    /// The mean loss of the current mini-batch.
    Batch,
}

/// The outcome of a check.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GradCheck {
    /// The nudge h.
    pub h: f64,
    /// L at θ.
    pub loss: f64,
    /// L at θ + h.
    pub loss_plus: f64,
    /// L at θ − h.
    pub loss_minus: f64,
    /// `ΔL/h = (L(θ + h) − L(θ))/h`.
    pub forward: f64,
    /// `(L(θ + h) − L(θ − h))/(2h)` (error O(h²)).
    pub central: f64,
    /// `∂L/∂θ` from backpropagation.
    pub backprop: f64,
}

impl ParamRef {
    /// The parameter's value in `mlp`, if `mlp` has it.
    pub fn value(&self, mlp: &Mlp) -> Option<f64> {
        match *self {
            ParamRef::Weight { layer, from, to } => mlp
                .layers
                .get(layer.checked_sub(1)?)?
                .weights
                .get(from)?
                .get(to)
                .copied(),
            ParamRef::Bias { layer, neuron } => mlp
                .layers
                .get(layer.checked_sub(1)?)?
                .biases
                .get(neuron)
                .copied(),
        }
    }

    /// A mutable reference to the parameter in `mlp`, or `NoParameter`.
    pub fn slot<'a>(&self, mlp: &'a mut Mlp) -> Result<&'a mut f64, EngineError> {
        let missing = || EngineError::from(TrainError::NoParameter(format!("{self:?}")));
        match *self {
            ParamRef::Weight { layer, from, to } => layer
                .checked_sub(1)
                .and_then(|l0| mlp.layers.get_mut(l0))
                .and_then(|l| l.weights.get_mut(from))
                .and_then(|row| row.get_mut(to))
                .ok_or_else(missing),
            ParamRef::Bias { layer, neuron } => layer
                .checked_sub(1)
                .and_then(|l0| mlp.layers.get_mut(l0))
                .and_then(|l| l.biases.get_mut(neuron))
                .ok_or_else(missing),
        }
    }
}

/// The mean loss of `samples` under `mlp` and its backpropagated mean gradient at `param`.
fn loss_and_grad(mlp: &Mlp, samples: &[&Sample], param: ParamRef) -> (f64, f64) {
    let layers = mlp.layers.len();
    let mut pass = BatchPass::new(samples.len());
    (0..layers).for_each(|_| pass.forward_layer(mlp, samples));
    pass.compute_loss(mlp, samples);
    (0..layers).for_each(|_| pass.backward_layer(mlp, samples));
    let grad = match param {
        ParamRef::Weight { layer, from, to } => pass
            .layer_snapshot(mlp, layer - 1, 0)
            .batch_grad_weights
            .map_or(f64::NAN, |w| w[from][to]),
        ParamRef::Bias { layer, neuron } => pass
            .layer_snapshot(mlp, layer - 1, 0)
            .batch_grad_biases
            .map_or(f64::NAN, |b| b[neuron]),
    };
    (pass.loss().unwrap_or(f64::NAN), grad)
}

impl Trainer {
    /// Sets one weight or bias to `value` (finite); the current step restarts at Ready.
    pub fn set_parameter(&mut self, param: ParamRef, value: f64) -> Result<(), EngineError> {
        check_finite("parameter", &[value])?;
        *param.slot(&mut self.mlp)? = value;
        self.restart_step();
        Ok(())
    }

    /// Nudges `param` by ±h (finite, ≠ 0) on the loss of `scope` and compares with
    /// backpropagation; the network is left as it was.
    pub fn check_gradient(
        &self,
        param: ParamRef,
        h: f64,
        scope: GradScope,
    ) -> Result<GradCheck, EngineError> {
        check_finite("h", &[h])?;
        if h == 0.0 {
            return Err(TrainError::OutOfRange {
                what: "h",
                value: h,
                range: "h ≠ 0",
            }
            .into());
        }
        let samples: Vec<&Sample> = match scope {
            GradScope::Example(i) => vec![self.data.get(i).ok_or(TrainError::OutOfRange {
                what: "example index",
                value: i as f64,
                range: "0..count",
            })?],
            GradScope::Batch => self.data[self.sample..self.sample + self.batch_len()]
                .iter()
                .collect(),
        };
        let mut mlp = self.mlp.clone();
        let theta = *param.slot(&mut mlp)?;
        let (loss, backprop) = loss_and_grad(&mlp, &samples, param);
        *param.slot(&mut mlp)? = theta + h;
        let loss_plus = loss_and_grad(&mlp, &samples, param).0;
        *param.slot(&mut mlp)? = theta - h;
        let loss_minus = loss_and_grad(&mlp, &samples, param).0;
        Ok(GradCheck {
            h,
            loss,
            loss_plus,
            loss_minus,
            forward: (loss_plus - loss) / h,
            central: (loss_plus - loss_minus) / (2.0 * h),
            backprop,
        })
    }
}
