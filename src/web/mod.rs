//! The browser side (wasm32 only): start-up, the controls, the frame loop, the
//! canvases, and the JS API exported to teachers' pages. The only code that
//! touches wasm-bindgen, web-sys, js-sys, plotters-canvas and serde-wasm-bindgen.

mod api;
mod canvas;
mod cats;
mod cats_api;
mod cats_events;
mod cats_files;
mod cats_load;
mod cats_paint;
mod cats_panels;
mod cats_thumbs;
mod controls;
mod dom;
mod frame;
mod graph;
mod graph_api;
mod graph_fields;
mod graph_panels;
mod graph_wire;
mod listen;
mod page;
mod panels;
mod table;
pub mod tabs;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

pub use api::{DescentLab, NetworkLab};
pub use cats_api::CatLab;
pub use frame::{frame_stats, reset_frame_stats};
pub use graph_api::GraphLab;

/// Runs when the module loads. On the lab's own page (an element
/// `#backprop-lab`) it starts the lab; on other pages it only provides the API.
#[wasm_bindgen(start)]
pub fn start() -> Result<(), JsValue> {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("Backprop Lab: {info}")));
    }));
    if dom::document()?.get_element_by_id("backprop-lab").is_none() {
        return Ok(());
    }
    let page = Rc::new(RefCell::new(page::Page::new()?));
    let listeners = controls::wire(&page)?;
    graph_wire::wire()?;
    frame::run(page, listeners);
    if dom::document()?.get_element_by_id("view-cats").is_some() {
        cats::wire()?;
    }
    Ok(())
}
