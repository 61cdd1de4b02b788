//! Reading what the JS API returns, shared by the wasm-bindgen tests
//! (`tests/web.rs`, `tests/web_net.rs`): a value at a path of keys or indices, a
//! number there, and an Error's message.
#![cfg(target_arch = "wasm32")]
#![allow(dead_code)] // each test file uses a different subset

use js_sys::Reflect;
use wasm_bindgen::{JsError, JsValue};

/// `v[path[0]][path[1]]…`; a key that parses as a whole number is an index.
pub fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |acc, key| {
        let key = match key.parse::<u32>() {
            Ok(i) => JsValue::from(i),
            Err(_) => JsValue::from_str(key),
        };
        Reflect::get(&acc, &key).unwrap_or(JsValue::UNDEFINED)
    })
}

/// The number at `path`, NaN when there is none.
pub fn num(v: &JsValue, path: &[&str]) -> f64 {
    get(v, path).as_f64().unwrap_or(f64::NAN)
}

/// The `message` of a thrown Error.
pub fn message(err: JsError) -> String {
    get(&JsValue::from(err), &["message"])
        .as_string()
        .unwrap_or_default()
}
