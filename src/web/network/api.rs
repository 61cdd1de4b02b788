//! The JS API for teachers who embed the labs in their own pages: `NetworkLab`
//! (its data-set methods in [`data`]) and `DescentLab`, with JS-style method names. Thin: convert, call, convert.
//! Every engine error becomes a JS `Error` whose message is in English and Chinese.

use wasm_bindgen::prelude::*;

use crate::engine::descent::Descent;
use crate::engine::mlp::Preset;
use crate::engine::trainer::Trainer;
use crate::engine::EngineError;

use super::super::js::{from_js, to_js};

// The data-set methods of `NetworkLab`.
mod data;

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
