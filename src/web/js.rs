//! The JS API's two conversions, shared by `NetworkLab`, `DescentLab`,
//! `GraphLab` and `CatLab`: a Rust value to a plain JS value, and a message to a
//! JS `Error` written in English and Chinese (with the message's key, so a
//! teacher's code can tell errors apart).

use wasm_bindgen::prelude::*;

use crate::app::message::{Message, Topic};
use crate::view::message::render_both;

/// A serialisable value as a plain JS value (objects, arrays, numbers).
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(value).map_err(|e| JsError::new(&e.to_string()))
}

/// `"English / 中文 (code)"` as a JS error; an engine error of tab ① adds its own
/// English detail: `(code: detail)`.
pub fn js_error(message: impl Into<Message>) -> JsError {
    let message = message.into();
    let tail = match message.arg_text("detail") {
        Some(detail) => format!("{}: {detail}", message.code),
        None => message.code.to_string(),
    };
    JsError::new(&format!("{} ({tail})", render_both(&message)))
}

/// A JS value read as `T`, or the `err.api.*` message `expected` in both languages.
pub fn from_js<T: serde::de::DeserializeOwned>(
    value: JsValue,
    expected: &'static str,
) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value::<T>(value)
        .map_err(|_| js_error(Message::new(Topic::Api, expected)))
}
