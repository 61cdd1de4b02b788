//! The JS API (`NetworkLab`, `DescentLab`, `GraphLab`, `CatLab`) as JS receives it,
//! run in headless Chromium by wasm-bindgen-test: snapshots arrive as plain JS
//! objects with camelCase fields, and bad input arrives as JS errors in both languages.
#![cfg(target_arch = "wasm32")]

mod cats_hdf5_common;

use backprop_lab::engine::cats::Sample;
use backprop_lab::engine::image::{Picture, FEATURES};
use backprop_lab::web::{CatLab, DescentLab, GraphLab, NetworkLab};
use cats_hdf5_common::course_file;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod web_common;

use web_common::{get, message, num};

wasm_bindgen_test_configure!(run_in_browser);

const TOL: f64 = 1e-12;

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

#[wasm_bindgen_test]
fn network_lab_steps_one_phase_at_a_time() {
    let mut lab = NetworkLab::new("tutorial-regression")
        .map_err(message)
        .unwrap();
    let phase = lab.step().map_err(message).unwrap();
    assert_eq!(
        get(&phase, &["kind"]).as_string().as_deref(),
        Some("forward")
    );
    assert_eq!(num(&phase, &["layer"]), 1.0);
    let snap = lab.snapshot().map_err(message).unwrap();
    // x = [1, -1]: u = x·W + b = [4 − 4 + 3, 4 − 4 − 3] = [3, −3].
    assert!((num(&snap, &["layers", "0", "u", "0"]) - 3.0).abs() < TOL);
    assert!((num(&snap, &["layers", "0", "a", "1"]) - sigmoid(-3.0)).abs() < TOL);
    // Layer 2 is not computed yet: JS sees undefined.
    assert!(get(&snap, &["layers", "1", "a"]).is_undefined());
    assert_eq!(
        get(&snap, &["nextPhase", "kind"]).as_string().as_deref(),
        Some("forward")
    );
}

#[wasm_bindgen_test]
fn network_lab_runs_forward_backward_update() {
    let mut lab = NetworkLab::new("tutorial-regression")
        .map_err(message)
        .unwrap();
    lab.set_input(Array::of2(&1.0.into(), &(-1.0).into()).into())
        .map_err(message)
        .unwrap();
    lab.set_target(JsValue::from(0.5)).map_err(message).unwrap();
    lab.set_learning_rate(0.5).map_err(message).unwrap();
    lab.forward().map_err(message).unwrap();
    let snap = lab.snapshot().map_err(message).unwrap();
    // ŷ = σ(3) + σ(−3) + 0.1 = 1.1; L = ½(1.1 − 0.5)² = 0.18.
    assert!((num(&snap, &["loss"]) - 0.18).abs() < 1e-12);
    lab.backward().map_err(message).unwrap();
    let snap = lab.snapshot().map_err(message).unwrap();
    // ∂L/∂w_mo[0][0] = δ_out · a₁ = 0.6 · σ(3).
    let g = num(&snap, &["layers", "1", "gradWeights", "0", "0"]);
    assert!((g - 0.6 * sigmoid(3.0)).abs() < 1e-12, "{g}");
    lab.update().map_err(message).unwrap();
    let snap = lab.snapshot().map_err(message).unwrap();
    let w = num(&snap, &["layers", "1", "weights", "0", "0"]);
    assert!((w - (1.0 - 0.5 * 0.6 * sigmoid(3.0))).abs() < 1e-12, "{w}");
    assert_eq!(num(&snap, &["step"]), 1.0);
    assert_eq!(
        get(&snap, &["phase", "kind"]).as_string().as_deref(),
        Some("update")
    );
}

#[wasm_bindgen_test]
fn bad_input_becomes_a_bilingual_js_error() {
    let err = NetworkLab::new("cats")
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(
        err.contains("tutorial-regression") && err.contains("没有"),
        "{err}"
    );
    let mut lab = NetworkLab::new("tutorial-classification")
        .map_err(message)
        .unwrap();
    let err = lab
        .set_learning_rate(-1.0)
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(
        err.contains("learning rate") && err.contains("学习率"),
        "{err}"
    );
    let err = lab
        .set_input(JsValue::from_str("x"))
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(!err.is_empty());
    let err = lab
        .set_input(Array::of1(&1.0.into()).into())
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(err.contains("input neuron"), "{err}");
    // The lab still works after refusing input.
    assert!(lab.step().is_ok());
}

#[wasm_bindgen_test]
fn descent_lab_oscillates_at_one_and_a_half() {
    let mut lab = DescentLab::new(Some(1.5), Some(1.5))
        .map_err(message)
        .unwrap();
    // w ← w − r·w = (1 − r)·w = −0.5·w.
    let w1 = lab.step().map_err(message).unwrap();
    assert!((w1 + 0.75).abs() < TOL);
    let w3 = lab.run(2).map_err(message).unwrap();
    assert!((w3 + 0.1875).abs() < TOL);
    let snap = lab.snapshot().map_err(message).unwrap();
    assert_eq!(
        get(&snap, &["regime"]).as_string().as_deref(),
        Some("oscillating")
    );
    assert!((num(&snap, &["factor"]) + 0.5).abs() < TOL);
    lab.set_learning_rate(2.0).map_err(message).unwrap();
    let snap = lab.snapshot().map_err(message).unwrap();
    assert_eq!(
        get(&snap, &["regime"]).as_string().as_deref(),
        Some("bouncing")
    );
    assert!(lab.set_learning_rate(0.0).is_err());
}

/// `{name: value, …}` as a JS object.
fn values(pairs: &[(&str, f64)]) -> JsValue {
    let object = Object::new();
    for (name, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(name), &JsValue::from(*value));
    }
    object.into()
}

/// The node of a graph snapshot labelled `label`.
fn graph_node(snap: &JsValue, label: &str) -> JsValue {
    let nodes = Array::from(&get(snap, &["nodes"]));
    nodes
        .iter()
        .find(|n| get(n, &["label"]).as_string().as_deref() == Some(label))
        .unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn graph_lab_steps_nudges_and_updates_the_tutorial() {
    let mut lab = GraphLab::new("3*(a+b*c)", values(&[("a", 5.0), ("b", 3.0), ("c", 2.0)]))
        .map_err(message)
        .unwrap();
    let snap = lab.snapshot().map_err(message).unwrap();
    // Not computed yet: JS sees undefined.
    assert!(get(&graph_node(&snap, "u"), &["value"]).is_undefined());
    let steps: Vec<bool> = (0..4).map(|_| lab.forward_step()).collect();
    assert_eq!(steps, vec![true, true, true, false]);
    let snap = lab.snapshot().map_err(message).unwrap();
    // u = b·c = 6, v = a + u = 11, J = 3v = 33.
    for (label, v) in [("u", 6.0), ("v", 11.0), ("J", 33.0)] {
        assert_eq!(num(&graph_node(&snap, label), &["value"]), v, "{label}");
    }
    while lab.backward_step() {}
    let snap = lab.snapshot().map_err(message).unwrap();
    assert_eq!(
        get(&snap, &["direction"]).as_string().as_deref(),
        Some("done")
    );
    // dJ/da = 3, dJ/db = 3·c = 6, dJ/dc = 3·b = 9; b's chain is [3, 1, 2].
    for (label, g) in [("a", 3.0), ("b", 6.0), ("c", 9.0)] {
        assert_eq!(num(&graph_node(&snap, label), &["gradient"]), g, "{label}");
    }
    let b = graph_node(&snap, "b");
    assert_eq!(num(&b, &["chain", "0", "factors", "2"]), 2.0);
    assert_eq!(num(&b, &["chain", "0", "product"]), 6.0);
    // ∂u/∂b = c = 2 on the first edge, and it carried dJ/du·2 = 6 back.
    assert_eq!(num(&snap, &["edges", "0", "local"]), 2.0);
    assert_eq!(num(&snap, &["edges", "0", "carried"]), 6.0);
    let nudge = lab.nudge("v", Some(0.001)).map_err(message).unwrap();
    assert!((num(&nudge, &["outputAfter"]) - 33.003).abs() < 1e-9);
    assert!((num(&nudge, &["ratio"]) - 3.0).abs() < 1e-6);
    lab.update(0.01).map_err(message).unwrap();
    let snap = lab.snapshot().map_err(message).unwrap();
    let j = 3.0 * (4.97 + 2.94 * 1.91);
    assert!((num(&snap, &["history", "1"]) - j).abs() < 1e-9);
    lab.reset();
    let tutorial = GraphLab::tutorial().snapshot().map_err(message).unwrap();
    assert_eq!(
        get(&tutorial, &["expression"]).as_string().as_deref(),
        Some("3(a + b·c)")
    );
}

#[wasm_bindgen_test]
fn graph_lab_errors_are_bilingual_and_leave_the_lab_usable() {
    let err = GraphLab::new("3*(a+", values(&[("a", 1.0)]))
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(err.contains("Column 6") && err.contains("第 6 列"), "{err}");
    let err = GraphLab::new("log(a-5)", values(&[("a", 5.0)]))
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(err.contains("log-domain") && err.contains("log"), "{err}");
    let err = GraphLab::new("a", JsValue::from_str("x"))
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(err.contains("number") && err.contains("数"), "{err}");
    let mut lab = GraphLab::tutorial();
    let err = lab.update(-1.0).err().map(message).unwrap_or_default();
    assert!(
        err.contains("learning rate") && err.contains("学习率"),
        "{err}"
    );
    let err = lab
        .nudge("nope", None)
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(err.contains("nope"), "{err}");
    assert!(lab.forward_step());
}

/// A `width` × `height` RGBA picture: level `inner` in the centre square, black around.
fn framed(width: u32, height: u32, inner: u8) -> Vec<u8> {
    let side = width.min(height);
    let (x0, y0) = ((width - side) / 2, (height - side) / 2);
    let mut rgba = Vec::new();
    for y in 0..height {
        for x in 0..width {
            let inside = (x0..x0 + side).contains(&x) && (y0..y0 + side).contains(&y);
            let v = if inside { inner } else { 0 };
            rgba.extend([v, v, v, 255]);
        }
    }
    rgba
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let opts = js_sys::Object::new();
    for (key, value) in pairs {
        Reflect::set(&opts, &JsValue::from_str(key), value).unwrap();
    }
    opts.into()
}

#[wasm_bindgen_test]
fn cat_lab_adds_pictures_trains_and_predicts() {
    let mut lab = CatLab::new();
    for i in 0..4 {
        let name = Some(format!("cat{i}.png"));
        lab.add_pixels(&framed(128, 96, 200), 128, 96, true, name)
            .map_err(message)
            .unwrap();
        let name = Some(format!("box{i}.png"));
        lab.add_pixels(&framed(96, 128, 0), 96, 128, false, name)
            .map_err(message)
            .unwrap();
    }
    // Of 4 pictures per class, round(4 · ¼) = 1 goes to the test set.
    let snap = lab.snapshot().map_err(message).unwrap();
    for (key, n) in [
        ("trainCats", 3.0),
        ("trainOther", 3.0),
        ("testCats", 1.0),
        ("testOther", 1.0),
    ] {
        assert_eq!(num(&snap, &["counts", key]), n, "{key}");
    }
    let opts = options(&[("learningRate", 0.0002.into()), ("iterations", 40.into())]);
    let snap = lab.train(opts).map_err(message).unwrap();
    assert!(lab.done());
    assert_eq!(get(&snap, &["state"]).as_string().as_deref(), Some("done"));
    assert_eq!(num(&snap, &["iteration"]), 40.0);
    // w = 0, b = 0: p = σ(0) = ½ for all, J₀ = ln 2.
    assert!((num(&snap, &["costs", "0"]) - std::f64::consts::LN_2).abs() < 1e-9);
    assert_eq!(num(&snap, &["trainAccuracy"]), 1.0);
    assert_eq!(num(&snap, &["testAccuracy"]), 1.0);
    let bright = lab
        .predict_pixels(&framed(64, 64, 200), 64, 64)
        .map_err(message)
        .unwrap();
    let dark = lab
        .predict_pixels(&framed(64, 64, 0), 64, 64)
        .map_err(message)
        .unwrap();
    assert!(bright > 0.5 && dark < 0.5, "{bright} {dark}");
    assert_eq!(lab.template().map(|t| t.len()), Some(64 * 64 * 4));
    // Step by step: start, then trainStep until done.
    let opts = options(&[
        ("model", "hidden".into()),
        ("iterations", 5.into()),
        ("hidden", 3.into()),
    ]);
    lab.start(opts).map_err(message).unwrap();
    assert_eq!(lab.train_step(3).map_err(message).unwrap(), 3);
    assert_eq!(lab.train_step(3).map_err(message).unwrap(), 2);
    assert!(lab.done());
    assert_eq!(
        lab.template(),
        None,
        "a hidden layer has no single template"
    );
}

#[wasm_bindgen_test]
fn cat_lab_loads_the_course_files_and_refuses_bilingually() {
    let mut lab = CatLab::new();
    let err = lab
        .train(options(&[]))
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(
        err.contains("no training pictures") && err.contains("还没有训练图片"),
        "{err}"
    );
    let err = lab
        .predict_pixels(&[0; 16], 2, 2)
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(
        err.contains("train a model first") && err.contains("请先训练"),
        "{err}"
    );
    let err = lab
        .add_pixels(&[0; 10], 2, 2, true, Some("tiny.png".into()))
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(err.starts_with("tiny.png: the picture is damaged"), "{err}");
    let picture = |v: u8| Picture::from_pixels(vec![v; FEATURES]).unwrap();
    let samples: Vec<Sample> = (0..5)
        .map(|i| Sample {
            picture: picture(40 * i),
            is_cat: i % 2 == 0,
            name: String::new(),
        })
        .collect();
    let train = course_file(&samples, "train");
    let test = course_file(&samples[..2], "test");
    let counts = lab.load_hdf5(&train, &test).map_err(message).unwrap();
    let got: Vec<f64> = ["trainCats", "trainOther", "testCats", "testOther"]
        .iter()
        .map(|k| num(&counts, &[k]))
        .collect();
    assert_eq!(got, [3.0, 2.0, 1.0, 1.0]);
    let err = lab
        .load_hdf5(b"nope", &test)
        .err()
        .map(message)
        .unwrap_or_default();
    assert!(
        err.starts_with("train: not an HDF5 file") && err.contains("不是本实验室能读取的 HDF5"),
        "{err}"
    );
    let snap = lab.snapshot().map_err(message).unwrap();
    assert_eq!(num(&snap, &["counts", "trainCats"]), 3.0, "the data stayed");
    for (opts, words) in [
        (
            options(&[("learningRate", 0.0.into())]),
            ("learning rate", "学习率"),
        ),
        (
            options(&[("iterations", 2.5.into())]),
            ("iterations", "迭代次数"),
        ),
        (options(&[("model", "tree".into())]), ("'tree'", "模型")),
    ] {
        let err = lab.start(opts).err().map(message).unwrap_or_default();
        assert!(err.contains(words.0) && err.contains(words.1), "{err}");
    }
}

/// PNG bytes of an 8 × 4 canvas filled with one colour, made by the browser.
fn png_bytes() -> Vec<u8> {
    let js = "(() => { const c = document.createElement('canvas'); c.width = 8; c.height = 4; \
        const g = c.getContext('2d'); g.fillStyle = 'rgb(200, 10, 10)'; g.fillRect(0, 0, 8, 4); \
        const s = atob(c.toDataURL('image/png').split(',')[1]); \
        return Uint8Array.from(s, (ch) => ch.charCodeAt(0)); })()";
    js_sys::Uint8Array::new(&js_sys::eval(js).unwrap()).to_vec()
}

#[wasm_bindgen_test]
async fn cat_lab_decodes_files_in_the_browser() {
    let lab = CatLab::new();
    let promise = lab.add_image(png_bytes(), true, Some("red.png".into()));
    let counts = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    assert_eq!(num(&counts, &["trainCats"]), 1.0);
    let promise = lab.add_image(b"hello".to_vec(), false, Some("notes.txt".into()));
    let err = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .err()
        .unwrap_or(JsValue::NULL);
    let text = get(&err, &["message"]).as_string().unwrap_or_default();
    assert!(
        text.starts_with("notes.txt: not a picture") && text.contains("不是实验室能读取的图片"),
        "{text}"
    );
    let promise = lab.predict(png_bytes());
    let err = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .err()
        .unwrap_or(JsValue::NULL);
    let text = get(&err, &["message"]).as_string().unwrap_or_default();
    assert!(text.contains("train a model first"), "{text}");
}
