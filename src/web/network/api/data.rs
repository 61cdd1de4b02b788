//! `NetworkLab` on a data set: the data, the shape and the training settings,
//! the fast path (`trainEpochs`, `predictGrid`) and the gradient check. Thin:
//! convert, call, convert; a refused call leaves the lab as it was.

use wasm_bindgen::prelude::*;

use crate::engine::build::Init;
use crate::engine::data::{generate, DataSet, DataSpec, Example, FeatureSet};
use crate::engine::names::{self, Hyper};
use crate::engine::train_error::TrainError;
use crate::engine::trainer::{GradScope, ParamRef};
use crate::engine::EngineError;

use super::super::super::js::{from_js, to_js};
use super::{js_error, NetworkLab};

/// A point `[x1, x2, label]` from JS.
fn examples(value: JsValue) -> Result<Vec<Example>, JsError> {
    let points: Vec<[f64; 3]> = from_js(value, "examples")?;
    Ok(points
        .into_iter()
        .map(|[a, b, label]| Example { x: [a, b], label })
        .collect())
}

/// A JS `{ count, noise, trainFraction, seed }` (all optional).
#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct DataOptions {
    count: Option<f64>,
    noise: Option<f64>,
    train_fraction: Option<f64>,
    seed: Option<f64>,
}

/// One layer of `setWeights`: `{ weights: [n_in][n_out], biases: [n_out] }`.
#[derive(serde::Deserialize)]
struct LayerParams {
    weights: Vec<Vec<f64>>,
    biases: Vec<f64>,
}

/// A whole number ≥ 0 from JS, or the `out-of-range` error naming `what`.
fn whole(what: &'static str, v: f64) -> Result<usize, JsError> {
    if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= 1e9 {
        Ok(v as usize)
    } else {
        Err(js_error(EngineError::Train(TrainError::OutOfRange {
            what,
            value: v,
            range: "0, 1, 2, …",
        })))
    }
}

fn optional<T: serde::de::DeserializeOwned + Default>(
    value: JsValue,
    expected: &'static str,
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js(value, expected)
    }
}

#[wasm_bindgen]
impl NetworkLab {
    /// Layer sizes, inputs first (inputs = the number of features); weights drawn again
    /// from the seed; hidden layers keep their activation (new ones take the last one's).
    #[wasm_bindgen(js_name = setShape)]
    pub fn set_shape(&mut self, sizes: JsValue) -> Result<(), JsError> {
        let sizes: Vec<usize> = from_js(sizes, "sizes")?;
        let init = Init::Seeded(self.seed);
        self.trainer.set_shape(&sizes, init).map_err(js_error)
    }

    /// The activation of every hidden layer, or of hidden layer `layer` (1-based) only;
    /// the weights are kept.
    #[wasm_bindgen(js_name = setActivation)]
    pub fn set_activation(&mut self, name: &str, layer: Option<u32>) -> Result<(), JsError> {
        let activation = names::activation(name).map_err(js_error)?;
        let layer = layer.map(|l| l as usize);
        self.trainer
            .set_hidden_activation(activation, layer)
            .map_err(js_error)
    }

    /// Output activation and loss: `'squared'` (identity or tanh), `'bce'` (sigmoid), `'softmax-ce'`
    /// (softmax; 2 outputs). Weights drawn again from the seed.
    #[wasm_bindgen(js_name = setOutput)]
    pub fn set_output(&mut self, activation: &str, loss: &str) -> Result<(), JsError> {
        let output = names::activation(activation).map_err(js_error)?;
        let loss = names::loss(loss).map_err(js_error)?;
        let init = Init::Seeded(self.seed);
        self.trainer
            .set_output(output, loss, init)
            .map_err(js_error)
    }

    /// The input features, e.g. `['x1', 'x2', 'x1sq']` (x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2);
    /// the input layer resizes and the weights are drawn again from the seed.
    #[wasm_bindgen(js_name = setFeatures)]
    pub fn set_features(&mut self, names: JsValue) -> Result<(), JsError> {
        let names: Vec<String> = from_js(names, "features")?;
        let features: FeatureSet = names.join(",").parse().map_err(js_error)?;
        let init = Init::Seeded(self.seed);
        self.trainer.set_features(features, init).map_err(js_error)
    }

    /// A generated data set: `'circle' | 'xor' | 'gauss' | 'spiral' | 'plane' | 'multi-gauss' |
    /// 'tutorial'`, options `{ count = 500, noise = 0, trainFraction = 0.5, seed = 1 }`.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&mut self, name: &str, options: JsValue) -> Result<(), JsError> {
        let set: DataSet = name.parse().map_err(js_error)?;
        let o: DataOptions = optional(options, "data-options")?;
        let base = DataSpec::default();
        let spec = DataSpec {
            set,
            count: whole("count", o.count.unwrap_or(base.count as f64))?,
            noise: o.noise.unwrap_or(base.noise),
            train_fraction: o.train_fraction.unwrap_or(base.train_fraction),
            seed: whole("seed", o.seed.unwrap_or(1.0))? as u64,
        };
        let split = generate(&spec).map_err(js_error)?;
        self.set_points(split.train, split.test)
    }

    /// Training and test points, arrays of `[x1, x2, label]`; an epoch visits the training
    /// points in this order.
    #[wasm_bindgen(js_name = setExamples)]
    pub fn set_examples(&mut self, train: JsValue, test: JsValue) -> Result<(), JsError> {
        let train = examples(train)?;
        let test = if test.is_undefined() || test.is_null() {
            Vec::new()
        } else {
            examples(test)?
        };
        self.set_points(train, test)
    }

    /// Examples per mini-batch (1 up to the whole set).
    #[wasm_bindgen(js_name = setBatchSize)]
    pub fn set_batch_size(&mut self, n: f64) -> Result<(), JsError> {
        let n = whole("batch size", n)?;
        self.trainer.set_batch_size(n).map_err(js_error)
    }

    /// `'sgd' | 'momentum' | 'adam'` with `{ beta }` or `{ beta1, beta2, epsilon }`.
    #[wasm_bindgen(js_name = setOptimizer)]
    pub fn set_optimizer(&mut self, name: &str, options: JsValue) -> Result<(), JsError> {
        let h: Hyper = optional(options, "optimizer-options")?;
        let o = names::optimizer(name, h).map_err(js_error)?;
        self.trainer.set_optimizer(o).map_err(js_error)
    }

    /// `'none' | 'l1' | 'l2'` with the rate λ ≥ 0.
    #[wasm_bindgen(js_name = setRegularization)]
    pub fn set_regularization(&mut self, name: &str, rate: Option<f64>) -> Result<(), JsError> {
        let r = names::regularization(name, rate.unwrap_or(0.0)).map_err(js_error)?;
        self.trainer.set_regularization(r).map_err(js_error)
    }

    /// `'constant' | 'step' | 'inverse-time'` with `{ every, factor }` or `{ decay }`.
    #[wasm_bindgen(js_name = setSchedule)]
    pub fn set_schedule(&mut self, name: &str, options: JsValue) -> Result<(), JsError> {
        let h: Hyper = optional(options, "schedule-options")?;
        let s = names::schedule(name, h).map_err(js_error)?;
        self.trainer.set_schedule(s).map_err(js_error)
    }

    /// Every weight and bias, in the layout of `snapshot().layers`: `[{ weights, biases }, …]`.
    #[wasm_bindgen(js_name = setWeights)]
    pub fn set_weights(&mut self, layers: JsValue) -> Result<(), JsError> {
        let layers: Vec<LayerParams> = from_js(layers, "layers")?;
        let layers = layers.into_iter().map(|l| (l.weights, l.biases)).collect();
        self.trainer.set_parameters(layers).map_err(js_error)
    }

    /// Weights drawn again: a seed (a whole number) or `'zero'`; the seed is kept for later shapes.
    pub fn reinitialise(&mut self, seed: JsValue) -> Result<(), JsError> {
        let init = match seed.as_string() {
            Some(s) if s == "zero" => Init::Zero,
            _ => {
                let n = seed.as_f64().unwrap_or(self.seed as f64);
                self.seed = whole("seed", n)? as u64;
                Init::Seeded(self.seed)
            }
        };
        self.trainer.reinitialise(init);
        Ok(())
    }

    /// `n` epochs on the fast path → `{ epoch, trainLoss, testLoss }` (testLoss `undefined`
    /// without test points).
    #[wasm_bindgen(js_name = trainEpochs)]
    pub fn train_epochs(&mut self, n: f64) -> Result<JsValue, JsError> {
        let n = whole("epochs", n)?;
        let report = self.trainer.train_epochs(n).map_err(js_error)?;
        to_js(&report)
    }

    /// The output on the labels' scale [−1, 1] at `n·n` points of `[xMin, xMax, yMin, yMax]`:
    /// index `i·n + j` is `x = xMin + j·(xMax − xMin)/(n − 1)`, `y = yMax − i·(yMax − yMin)/(n − 1)`.
    #[wasm_bindgen(js_name = predictGrid)]
    pub fn predict_grid(&self, n: f64, bounds: JsValue) -> Result<js_sys::Float64Array, JsError> {
        let bounds: [f64; 4] = from_js(bounds, "bounds")?;
        let grid = self
            .trainer
            .predict_grid(whole("grid size", n)?, bounds)
            .map_err(js_error)?;
        Ok(js_sys::Float64Array::from(&grid.score[..]))
    }

    /// The points: `{ train: [[x1, x2, label], …], test: […] }` (empty for a tutorial lab).
    pub fn examples(&self) -> Result<JsValue, JsError> {
        let (train, test) = self.trainer.examples();
        let rows = |e: &[Example]| {
            e.iter()
                .map(|p| [p.x[0], p.x[1], p.label])
                .collect::<Vec<_>>()
        };
        to_js(&Points {
            train: rows(train),
            test: rows(test),
        })
    }

    /// `ΔL/h` beside backpropagation's `∂L/∂θ` for `{kind: 'weight', layer, from, to}` or
    /// `{kind: 'bias', layer, neuron}` (layer 1-based): on training example `example`
    /// (0-based) or, without it, the current mini-batch →
    /// `{ h, loss, lossPlus, lossMinus, forward, central, backprop }`.
    #[wasm_bindgen(js_name = checkGradient)]
    pub fn check_gradient(
        &self,
        param: JsValue,
        h: f64,
        example: Option<u32>,
    ) -> Result<JsValue, JsError> {
        let param: ParamRef = from_js(param, "param")?;
        let scope = example.map_or(GradScope::Batch, |i| GradScope::Example(i as usize));
        let check = self
            .trainer
            .check_gradient(param, h, scope)
            .map_err(js_error)?;
        to_js(&check)
    }
}

/// The points of `examples()`.
#[derive(serde::Serialize)]
struct Points {
    train: Vec<[f64; 3]>,
    test: Vec<[f64; 3]>,
}

impl NetworkLab {
    /// New points, keeping the network (a tutorial lab first becomes a data-set lab).
    fn set_points(&mut self, train: Vec<Example>, test: Vec<Example>) -> Result<(), JsError> {
        let before = self.trainer.clone();
        let result = self
            .trainer
            .to_data_set()
            .and_then(|_| self.trainer.set_examples(train, test));
        result.map_err(|e| {
            self.trainer = before;
            js_error(e)
        })
    }
}
