//! A panic must never leave the page frozen without a word. The release build
//! aborts on panic (the wasm instance traps and stops answering), so the hook
//! does everything at once: it logs the details to the console and shows the
//! page's panic notice — in both languages, with a Reload button; the link in
//! the address keeps the learner's settings.

use wasm_bindgen::prelude::*;

use crate::i18n::{t, Lang};

use super::dom::{set_hidden, set_text};

/// Installs the hook (once, at start-up).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("Backprop Lab: {info}")));
        show_notice();
    }));
}

/// Fills and shows `#panic`; its Reload button is a plain link to the current
/// address (it needs no wasm to work, since the instance may be dead).
fn show_notice() {
    let text = format!(
        "{}\n{}",
        t(Lang::Zh, "err.panic.text"),
        t(Lang::En, "err.panic.text")
    );
    set_text("panic-text", &text);
    set_hidden("panic", false);
}

/// Panics on purpose, so the end-to-end tests can check the notice
/// (`wasmBindings.panicForTest()`).
#[wasm_bindgen(js_name = panicForTest)]
pub fn panic_for_test() {
    panic!("a test asked for a panic");
}
