//! The JS API for teachers who embed the labs in their own pages: `NetworkLab`
//! and `DescentLab`, with JS-style method names. Thin: convert, call, convert.
//! Every engine error becomes a JS `Error` whose message is in English and Chinese.

use wasm_bindgen::prelude::*;

use crate::engine::build::Init;
use crate::engine::data::{generate, DataSet, DataSpec, Example, FeatureSet};
use crate::engine::descent::Descent;
use crate::engine::mlp::Preset;
use crate::engine::names::{self, Hyper};
use crate::engine::train_error::TrainError;
use crate::engine::trainer::{GradScope, ParamRef, Trainer};
use crate::engine::EngineError;

use super::super::js::{from_js, to_js};

fn js_error(err: EngineError) -> JsError {
    super::super::js::js_error(&err)
}

/// A number or an array of numbers from JS, as a vector.
fn numbers(value: JsValue) -> Result<Vec<f64>, JsError> {
    if let Some(v) = value.as_f64() {
        return Ok(vec![v]);
    }
    from_js(value, "numbers")
}

/// The network lab: a preset network trained on one sample, phase by phase; or, after
/// any of the data-set methods, a network of any shape trained on a data set.
#[wasm_bindgen]
pub struct NetworkLab {
    trainer: Trainer,
    /// The seed weights are drawn from by `setShape`, `setOutput` and `reinitialise`.
    seed: u64,
}

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
    /// `new NetworkLab("tutorial-regression")` or `"tutorial-classification"`.
    #[wasm_bindgen(constructor)]
    pub fn new(preset: &str) -> Result<NetworkLab, JsError> {
        let preset: Preset = preset.parse().map_err(js_error)?;
        Ok(NetworkLab {
            trainer: Trainer::from_preset(preset),
            seed: 1,
        })
    }

    /// Advances exactly one phase; returns the phase completed, e.g. `{kind: "forward", layer: 1}`.
    pub fn step(&mut self) -> Result<JsValue, JsError> {
        let phase = self.trainer.step().map_err(js_error)?;
        to_js(&phase)
    }

    /// Runs the phases up to and including the next update.
    #[wasm_bindgen(js_name = stepSample)]
    pub fn step_sample(&mut self) -> Result<(), JsError> {
        self.trainer.step_sample().map_err(js_error)
    }

    /// The rest of the current mini-batch's step (the same as `stepSample`).
    #[wasm_bindgen(js_name = stepBatch)]
    pub fn step_batch(&mut self) -> Result<(), JsError> {
        self.trainer.step_batch().map_err(js_error)
    }

    /// One example of the batch: up to the backward pass, then the next example, then the update.
    #[wasm_bindgen(js_name = stepExample)]
    pub fn step_example(&mut self) -> Result<(), JsError> {
        self.trainer.step_example().map_err(js_error)
    }

    /// The rest of the current epoch, by phases.
    #[wasm_bindgen(js_name = stepEpoch)]
    pub fn step_epoch(&mut self) -> Result<(), JsError> {
        self.trainer.step_epoch().map_err(js_error)
    }

    /// Completes the forward pass and the loss of the current step.
    pub fn forward(&mut self) -> Result<(), JsError> {
        self.trainer.forward().map_err(js_error)
    }

    /// Completes the backward pass (running the forward pass first if needed).
    pub fn backward(&mut self) -> Result<(), JsError> {
        self.trainer.backward().map_err(js_error)
    }

    /// Completes the update (running what is missing first).
    pub fn update(&mut self) -> Result<(), JsError> {
        self.trainer.update().map_err(js_error)
    }

    /// Back to the starting weights, step 0 (data and settings are kept).
    pub fn reset(&mut self) {
        self.trainer.reset();
    }

    /// Learning rate r > 0 (before the schedule).
    #[wasm_bindgen(js_name = setLearningRate)]
    pub fn set_learning_rate(&mut self, r: f64) -> Result<(), JsError> {
        self.trainer.set_learning_rate(r).map_err(js_error)
    }

    /// Input x: an array with one number per input neuron.
    #[wasm_bindgen(js_name = setInput)]
    pub fn set_input(&mut self, x: JsValue) -> Result<(), JsError> {
        self.trainer.set_input(numbers(x)?).map_err(js_error)
    }

    /// Target y: a number (one output) or an array (one per output neuron, one-hot for classification).
    #[wasm_bindgen(js_name = setTarget)]
    pub fn set_target(&mut self, y: JsValue) -> Result<(), JsError> {
        self.trainer.set_target(numbers(y)?).map_err(js_error)
    }

    /// Everything after the last phase (see the README's JS API section for the layout);
    /// not-yet-computed fields are `undefined`.
    pub fn snapshot(&self) -> Result<JsValue, JsError> {
        to_js(&self.trainer.snapshot())
    }

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

/// Gradient descent on J(w) = ½w² (the sample (1, 0)), one step at a time.
#[wasm_bindgen]
pub struct DescentLab {
    descent: Descent,
}

#[wasm_bindgen]
impl DescentLab {
    /// `new DescentLab(w0 = 1.5, rate = 0.3)`.
    #[wasm_bindgen(constructor)]
    pub fn new(w0: Option<f64>, rate: Option<f64>) -> Result<DescentLab, JsError> {
        let descent = Descent::new(w0.unwrap_or(1.5), rate.unwrap_or(0.3)).map_err(js_error)?;
        Ok(DescentLab { descent })
    }

    /// One step w ← w − r·dJ/dw; returns the new w.
    pub fn step(&mut self) -> Result<f64, JsError> {
        self.descent.step().map_err(js_error)
    }

    /// `n` steps; returns the last w.
    pub fn run(&mut self, n: u32) -> Result<f64, JsError> {
        self.descent.run(n as usize).map_err(js_error)
    }

    /// Back to w₀.
    pub fn reset(&mut self) {
        self.descent.reset();
    }

    /// Learning rate r > 0 (restarts from w₀).
    #[wasm_bindgen(js_name = setLearningRate)]
    pub fn set_learning_rate(&mut self, r: f64) -> Result<(), JsError> {
        self.descent.set_learning_rate(r).map_err(js_error)
    }

    /// Starting point w₀ (restarts).
    #[wasm_bindgen(js_name = setStart)]
    pub fn set_start(&mut self, w0: f64) -> Result<(), JsError> {
        self.descent.set_start(w0).map_err(js_error)
    }

    /// `{x, y, learningRate, w0, iterates, losses, w, loss, gradient, minimum, factor, regime, exploded}`.
    pub fn snapshot(&self) -> Result<JsValue, JsError> {
        to_js(&self.descent.snapshot())
    }
}
