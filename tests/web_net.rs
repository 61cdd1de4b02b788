//! `NetworkLab`'s data-set methods as JS receives them, in headless Chromium by
//! wasm-bindgen-test: a Playground run, the grid's layout against a hand forward pass
//! from the snapshot's weights, and bad arguments as bilingual errors that change nothing.
#![cfg(target_arch = "wasm32")]

use backprop_lab::web::NetworkLab;
use js_sys::{Array, Float64Array, Object, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod web_common;

use web_common::{get, message, num};

wasm_bindgen_test_configure!(run_in_browser);

fn numbers(v: &[f64]) -> JsValue {
    v.iter()
        .map(|&x| JsValue::from(x))
        .collect::<Array>()
        .into()
}

fn options(pairs: &[(&str, f64)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
    }
    o.into()
}

fn playground() -> NetworkLab {
    let mut lab = NetworkLab::new("tutorial-regression")
        .map_err(message)
        .unwrap();
    lab.set_data("circle", options(&[("count", 200.0), ("seed", 3.0)]))
        .map_err(message)
        .unwrap();
    lab.set_shape(numbers(&[2.0, 4.0, 2.0, 1.0]))
        .map_err(message)
        .unwrap();
    lab.set_activation("tanh", None).map_err(message).unwrap();
    lab.set_output("tanh", "squared").map_err(message).unwrap();
    lab.set_batch_size(10.0).map_err(message).unwrap();
    lab.set_learning_rate(0.03).map_err(message).unwrap();
    lab
}

fn state(lab: &NetworkLab) -> String {
    JSON::stringify(&lab.snapshot().map_err(message).unwrap())
        .unwrap()
        .into()
}

#[wasm_bindgen_test]
fn a_playground_run_learns_the_circle() {
    let mut lab = playground();
    let points = lab.examples().map_err(message).unwrap();
    assert_eq!(Array::from(&get(&points, &["train"])).length(), 100);
    let first = lab.train_epochs(1.0).map_err(message).unwrap();
    lab.set_optimizer("adam", JsValue::UNDEFINED)
        .map_err(message)
        .unwrap();
    let report = lab.train_epochs(300.0).map_err(message).unwrap();
    assert_eq!(num(&report, &["epoch"]), 301.0);
    assert!(
        num(&report, &["trainLoss"]) < 0.5 * num(&first, &["trainLoss"]),
        "{report:?}"
    );
    lab.set_schedule("step", options(&[("every", 5.0), ("factor", 0.5)]))
        .map_err(message)
        .unwrap();
    lab.set_regularization("l2", Some(0.001))
        .map_err(message)
        .unwrap();
    let snap = lab.snapshot().map_err(message).unwrap();
    assert!(num(&snap, &["training", "trainAccuracy"]) > 0.9, "{snap:?}");
    // the snapshot names settings as the setters do
    assert_eq!(
        get(&snap, &["training", "schedule", "kind"])
            .as_string()
            .as_deref(),
        Some("step")
    );
    assert_eq!(
        get(&snap, &["training", "optimizer", "kind"])
            .as_string()
            .as_deref(),
        Some("adam")
    );
    assert_eq!(
        get(&snap, &["training", "regularization", "kind"])
            .as_string()
            .as_deref(),
        Some("l2")
    );
    assert_eq!(num(&snap, &["training", "regularization", "rate"]), 0.001);
    // 300 epochs at r = 0.03 under step decay every 5 epochs by 0.5: rate now 0.03·0.5^60
    assert_eq!(num(&snap, &["training", "rateNow"]), 0.03 * 0.5f64.powi(60));
    assert!(num(
        &snap,
        &["layers", "0", "moments", "mHat", "weights", "0", "0"]
    )
    .is_finite());
}

/// The weights of every layer, as JSON.
fn weights(lab: &NetworkLab) -> String {
    let layers = get(&lab.snapshot().map_err(message).unwrap(), &["layers"]);
    let kept: Array = Array::from(&layers)
        .iter()
        .map(|l| Array::of2(&get(&l, &["weights"]), &get(&l, &["biases"])))
        .collect();
    JSON::stringify(&kept).unwrap().into()
}

/// The fast path computes two examples per instruction with simd128 (and tanh on two
/// lanes); the phase path one value at a time with the scalar tanh. Both must give the
/// same weights, bit for bit, in the browser too (natively both paths are scalar).
#[wasm_bindgen_test]
fn the_two_lane_fast_path_equals_the_phase_path() {
    let (mut fast, mut phases) = (playground(), playground());
    fast.train_epochs(3.0).map_err(message).unwrap();
    for _ in 0..3 {
        phases.step_epoch().map_err(message).unwrap();
    }
    let (a, b) = (weights(&fast), weights(&phases));
    assert!(a.len() > 100, "{a}");
    assert_eq!(a, b);
}

#[wasm_bindgen_test]
fn predict_grid_follows_the_stated_layout() {
    let lab = playground();
    let n = 3;
    let grid: Float64Array = lab
        .predict_grid(n as f64, numbers(&[-6.0, 6.0, -4.0, 4.0]))
        .map_err(message)
        .unwrap();
    assert_eq!(grid.length(), 9);
    let snap = lab.snapshot().map_err(message).unwrap();
    for i in 0..n {
        for j in 0..n {
            let mut a = vec![-6.0 + j as f64 * 6.0, 4.0 - i as f64 * 4.0];
            for (l, width) in [4, 2, 1].into_iter().enumerate() {
                let l = l.to_string();
                a = (0..width)
                    .map(|k| {
                        let k = k.to_string();
                        let u = a.iter().enumerate().fold(
                            num(&snap, &["layers", &l, "biases", &k]),
                            |s, (i, x)| {
                                s + num(&snap, &["layers", &l, "weights", &i.to_string(), &k]) * x
                            },
                        );
                        u.tanh()
                    })
                    .collect();
            }
            let got = grid.get_index((i * n + j) as u32);
            assert!((got - a[0]).abs() < 1e-12, "({i}, {j}): {got} vs {}", a[0]);
        }
    }
}

#[wasm_bindgen_test]
fn bad_arguments_throw_in_both_languages_and_keep_the_lab() {
    let mut lab = playground();
    let before = state(&lab);
    let errs = [
        lab.set_shape(numbers(&[2.0, 0.0, 1.0])).err(),
        lab.set_shape(JsValue::from_str("2-4-1")).err(),
        lab.set_batch_size(0.0).err(),
        lab.set_learning_rate(0.0).err(),
        lab.set_optimizer("nope", JsValue::UNDEFINED).err(),
        lab.set_optimizer("momentum", options(&[("beta", 1.5)]))
            .err(),
        lab.set_output("sigmoid", "squared").err(),
        lab.set_regularization("l2", Some(-1.0)).err(),
        lab.set_data("moons", JsValue::UNDEFINED).err(),
        lab.set_data("plane", JsValue::UNDEFINED)
            .and_then(|_| lab.set_output("softmax", "softmax-ce"))
            .err(),
        lab.set_examples(JsValue::from_str("x"), JsValue::UNDEFINED)
            .err(),
        lab.predict_grid(1.0, numbers(&[0.0, 1.0, 0.0, 1.0])).err(),
    ];
    for (k, err) in errs.into_iter().enumerate() {
        let text = err.map(message).unwrap_or_default();
        let zh = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(text.contains(" / ") && zh, "call {k}: “{text}”");
    }
    // the plane data set was accepted (squared error fits it); restore the circle and compare
    lab.set_data("circle", options(&[("count", 200.0), ("seed", 3.0)]))
        .map_err(message)
        .unwrap();
    lab.set_output("tanh", "squared").map_err(message).unwrap();
    assert_eq!(state(&lab), before);
    let layers = get(&lab.snapshot().map_err(message).unwrap(), &["layers"]);
    lab.set_weights(layers).map_err(message).unwrap();
    assert_eq!(state(&lab), before);
}
