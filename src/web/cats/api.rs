//! `CatLab`: the cat recognizer for teachers' pages, with JS-style names. A thin
//! layer over the lab's controller (`app::cats::CatController`): load data, train, read
//! snapshots, predict. Every refusal becomes a JS `Error` whose message is in
//! English and Chinese.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;

use crate::app::cats::{
    no_model, parse_hidden, parse_iterations, parse_seed, CatCommand, CatController, ModelKind,
    RunState, Settings, DEMO_SEED,
};
use crate::app::message::{Message, Topic};
use crate::engine::cats::{Counts, Init, Sample};
use crate::engine::image::Picture;

use super::super::js::to_js;
use super::files::decode;

fn js_error(message: &Message) -> JsError {
    super::super::js::js_error(message.clone())
}

/// `{trainCats, trainOther, testCats, testOther}`.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct JsCounts {
    train_cats: usize,
    train_other: usize,
    test_cats: usize,
    test_other: usize,
}

fn counts(c: Counts) -> Result<JsValue, JsError> {
    to_js(&JsCounts {
        train_cats: c.train_cats,
        train_other: c.train_other,
        test_cats: c.test_cats,
        test_other: c.test_other,
    })
}

/// A field of the options object, if it is there.
fn option(opts: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(opts, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The settings an options object asks for; missing fields take the course's values.
fn settings_of(opts: &JsValue) -> Result<Settings, JsError> {
    let name = option(opts, "model").and_then(|v| v.as_string());
    let kind = match name.as_deref() {
        None => ModelKind::Logistic,
        Some(n) => ModelKind::from_name(n)
            .ok_or_else(|| js_error(&Message::new(Topic::Cats, "api-model").text("model", n)))?,
    };
    let mut settings = Settings::for_model(kind);
    if let Some(r) = option(opts, "learningRate") {
        settings.learning_rate = r.as_f64().unwrap_or(f64::NAN);
    }
    let whole = |v: JsValue| v.as_f64().map(|n| n.to_string()).unwrap_or_default();
    if let Some(n) = option(opts, "iterations") {
        settings.iterations = parse_iterations(&whole(n)).map_err(|p| js_error(&p))?;
    }
    if let Some(h) = option(opts, "hidden") {
        settings.hidden = parse_hidden(&hidden_text(&h)?).map_err(|p| js_error(&p))?;
    }
    if let Some(name) = option(opts, "init") {
        let name = name.as_string().unwrap_or_default();
        settings.init = Init::from_name(&name)
            .ok_or_else(|| js_error(&Message::new(Topic::Cats, "api-init").text("init", &name)))?;
    }
    if let Some(n) = option(opts, "seed") {
        settings.seed = parse_seed(&whole(n)).map_err(|p| js_error(&p))?;
    }
    Ok(settings)
}

/// `hidden` as the sizes field writes it: a number (`7`) or an array (`[20, 7, 5]` →
/// "20,7,5"); anything else is api-hidden.
fn hidden_text(value: &JsValue) -> Result<String, JsError> {
    let whole = |v: JsValue| v.as_f64().map(|n| n.to_string());
    let refused = || js_error(&Message::new(Topic::Cats, "api-hidden"));
    if js_sys::Array::is_array(value) {
        let sizes: Option<Vec<String>> = js_sys::Array::from(value).iter().map(whole).collect();
        return sizes.map(|s| s.join(",")).ok_or_else(refused);
    }
    whole(value.clone()).ok_or_else(refused)
}

/// The cat recognizer: data (the course's HDF5 files, your own pictures, or the
/// drawn demo set), logistic regression or one hidden layer, batch gradient descent.
#[wasm_bindgen]
pub struct CatLab {
    cats: Rc<RefCell<CatController>>,
}

impl Default for CatLab {
    fn default() -> Self {
        CatLab::new()
    }
}

#[wasm_bindgen]
impl CatLab {
    /// `new CatLab()`: no data yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> CatLab {
        CatLab {
            cats: Rc::new(RefCell::new(CatController::new())),
        }
    }

    /// The course's files (`train_catvnoncat.h5`, `test_catvnoncat.h5`) as bytes → counts.
    #[wasm_bindgen(js_name = loadHdf5)]
    pub fn load_hdf5(&mut self, train: &[u8], test: &[u8]) -> Result<JsValue, JsError> {
        let mut cats = self.cats.borrow_mut();
        cats.load_hdf5(("train", train), ("test", test))
            .map_err(|p| js_error(&p))?;
        counts(cats.set().counts())
    }

    /// The drawn demo set (160 training + 50 test pictures, synthetic) → counts.
    #[wasm_bindgen(js_name = loadDemo)]
    pub fn load_demo(&mut self, seed: Option<f64>) -> Result<JsValue, JsError> {
        let seed = seed
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map_or(DEMO_SEED, |s| s as u64);
        let mut cats = self.cats.borrow_mut();
        cats.apply(CatCommand::LoadDemo(seed));
        counts(cats.set().counts())
    }

    /// One of your pictures as RGBA (`width·height·4` bytes): centre-cropped, averaged
    /// to 64×64 and added; your pictures are split ¾ / ¼ into training and test → counts.
    #[wasm_bindgen(js_name = addPixels)]
    pub fn add_pixels(
        &mut self,
        rgba: &[u8],
        width: u32,
        height: u32,
        is_cat: bool,
        name: Option<String>,
    ) -> Result<JsValue, JsError> {
        let name = name.unwrap_or_else(|| "picture".into());
        let picture = Picture::from_rgba(rgba, width, height)
            .map_err(|e| js_error(&Message::cats(&e.with_file(&name))))?;
        add(&self.cats, picture, is_cat, name)
    }

    /// One of your pictures as file bytes (PNG, JPEG, WebP, GIF), decoded by the
    /// browser → a promise of the counts.
    #[wasm_bindgen(js_name = addImage)]
    pub fn add_image(&self, bytes: Vec<u8>, is_cat: bool, name: Option<String>) -> Promise {
        let cats = self.cats.clone();
        wasm_bindgen_futures::future_to_promise(async move {
            let name = name.unwrap_or_else(|| "picture".into());
            let decoded = decode(&bytes, &name, false)
                .await
                .map_err(|p| js_error(&p))?;
            add(&cats, decoded.picture, is_cat, name).map_err(JsValue::from)
        })
    }

    /// Trains to the end with `{model: 'logistic'|'hidden', learningRate, iterations,
    /// hidden: 7 | [20, 7, 5], init: 'course'|'course-deep'|'seeded', seed, onProgress}`;
    /// `onProgress(iteration, cost)` is called about 50 times. Returns the final snapshot.
    pub fn train(&mut self, opts: JsValue) -> Result<JsValue, JsError> {
        self.start(opts.clone())?;
        let progress = option(&opts, "onProgress").and_then(|f| f.dyn_into::<Function>().ok());
        let planned = self.cats.borrow().progress().1;
        let chunk = (planned / crate::app::cats::SNAPSHOTS_PER_RUN).max(1);
        while !self.done() {
            self.train_step(chunk as u32)?;
            if let Some(callback) = progress.as_ref() {
                let cats = self.cats.borrow();
                let cost = cats.snapshot().and_then(|s| s.costs.last().copied());
                let iteration = cats.progress().0 as f64;
                let _ = callback.call2(&JsValue::NULL, &iteration.into(), &cost.into());
            }
        }
        self.snapshot()
    }

    /// Starts a run with the options of [`CatLab::train`] (without running it).
    pub fn start(&mut self, opts: JsValue) -> Result<(), JsError> {
        let settings = settings_of(&opts)?;
        let mut cats = self.cats.borrow_mut();
        let before = cats.settings();
        cats.set_settings(settings).map_err(|p| js_error(&p))?;
        cats.start().map_err(|p| {
            // Refused (too big, no data): the settings go back with the run.
            let _ = cats.set_settings(before);
            js_error(&p)
        })
    }

    /// Runs up to `n` more iterations; returns how many ran (0 once done).
    #[wasm_bindgen(js_name = trainStep)]
    pub fn train_step(&mut self, n: u32) -> Result<u32, JsError> {
        let ran = self
            .cats
            .borrow_mut()
            .run(n as usize)
            .map_err(|p| js_error(&p))?;
        Ok(ran as u32)
    }

    /// True when no more iterations will run (all ran, or the cost diverged).
    pub fn done(&self) -> bool {
        !matches!(
            self.cats.borrow().state(),
            RunState::Running | RunState::Paused
        )
    }

    /// `{counts, state, model, learningRate, iteration, iterations, costs, trainAccuracy,
    /// testAccuracy, trainPredictions, testPredictions, misclassified}` (only `counts` and
    /// `state` before a run).
    pub fn snapshot(&self) -> Result<JsValue, JsError> {
        let cats = self.cats.borrow();
        let snap = match cats.fresh_snapshot() {
            Some(s) => to_js(&s)?,
            None => js_sys::Object::new().into(),
        };
        let set = |key: &str, value: &JsValue| Reflect::set(&snap, &key.into(), value);
        let _ = set("counts", &counts(cats.set().counts())?);
        let _ = set("state", &cats.state().name().into());
        Ok(snap)
    }

    /// p(cat) in [0, 1] for a picture's file bytes → a promise.
    pub fn predict(&self, bytes: Vec<u8>) -> Promise {
        let cats = self.cats.clone();
        wasm_bindgen_futures::future_to_promise(async move {
            let decoded = decode(&bytes, "picture", false)
                .await
                .map_err(|p| js_error(&p))?;
            p_cat(&cats, &decoded.picture, "picture")
                .map(JsValue::from)
                .map_err(JsValue::from)
        })
    }

    /// p(cat) in [0, 1] for a picture given as RGBA (`width·height·4` bytes).
    #[wasm_bindgen(js_name = predictPixels)]
    pub fn predict_pixels(&self, rgba: &[u8], width: u32, height: u32) -> Result<f64, JsError> {
        let picture =
            Picture::from_rgba(rgba, width, height).map_err(|e| js_error(&Message::cats(&e)))?;
        p_cat(&self.cats, &picture, "picture")
    }

    /// The logistic model's weights as a 64×64 RGBA picture (grey = 0), or `undefined`.
    pub fn template(&self) -> Option<Vec<u8>> {
        self.cats.borrow().template()
    }

    /// The first layer's units as 64×64 RGBA pictures (an array of Uint8Array, one per
    /// unit; logistic regression: w), as the run is now; `[]` before a run.
    pub fn units(&self) -> js_sys::Array {
        let cats = self.cats.borrow();
        let pictures = cats.fresh_units().unwrap_or_default();
        pictures
            .iter()
            .map(|p| JsValue::from(js_sys::Uint8Array::from(&p[..])))
            .collect()
    }

    /// The course's cost table as the notebook prints it: `Cost after iteration i: J`
    /// for every i % 100 == 0 and the last iteration.
    #[wasm_bindgen(js_name = costTable)]
    pub fn cost_table(&self) -> Vec<String> {
        let cats = self.cats.borrow();
        match cats.fresh_snapshot() {
            Some(s) => crate::view::cats::table::cost_lines(&s.costs, s.iterations),
            None => Vec::new(),
        }
    }
}

fn add(
    cats: &Rc<RefCell<CatController>>,
    picture: Picture,
    is_cat: bool,
    name: String,
) -> Result<JsValue, JsError> {
    let mut cats = cats.borrow_mut();
    let sample = Sample {
        picture,
        is_cat,
        name,
    };
    cats.add_own(vec![sample]).map_err(|p| js_error(&p))?;
    counts(cats.set().counts())
}

fn p_cat(cats: &Rc<RefCell<CatController>>, picture: &Picture, name: &str) -> Result<f64, JsError> {
    cats.borrow()
        .p_cat(picture)
        .ok_or_else(|| js_error(&no_model(name)))
}
