//! The browser side (wasm32 only): start-up, the one runner and its frames, the
//! controls of each lab, the canvases, and the JS API exported to teachers'
//! pages. The only code that touches wasm-bindgen, web-sys, js-sys,
//! plotters-canvas and serde-wasm-bindgen.
//!
//! Layout: one folder per lab (`network/`, `graph/`, `cats/`: its view state,
//! listeners, panels and JS API) beside the shared pieces — [`page`] (the App and
//! the labs' views), [`runner`] (the one scheduler), [`listen`], [`dom`],
//! [`canvas`], [`tabs`], [`js`] (the API's conversions), [`panic`].

mod backend;
mod canvas;
mod cats;
mod dom;
mod graph;
mod js;
mod listen;
mod network;
mod page;
mod panic;
mod runner;
mod tabs;

use wasm_bindgen::prelude::*;

pub use cats::api::CatLab;
pub use graph::api::GraphLab;
pub use network::api::{DescentLab, NetworkLab};
pub use panic::panic_for_test;
pub use runner::{frame_stats, reset_frame_stats};

use listen::{Listener, Wiring};
use runner::Shared;

/// Runs when the module loads. On the lab's own page (an element
/// `#backprop-lab`) it starts the page; on other pages it only provides the API.
#[wasm_bindgen(start)]
pub fn start() -> Result<(), JsValue> {
    panic::install();
    if dom::document()?.get_element_by_id("backprop-lab").is_none() {
        return Ok(());
    }
    runner::Runner::start(page::Page::new()?, wire)
}

/// Attaches every listener of the page.
fn wire(runner: &Shared) -> Result<Vec<Listener>, JsValue> {
    let mut wiring = Wiring {
        runner,
        keep: Vec::new(),
    };
    network::controls::wire(&mut wiring)?;
    network::data_controls::wire(&mut wiring)?;
    network::inspect::wire(&mut wiring)?;
    graph::wire::wire(&mut wiring)?;
    cats::events::wire(&mut wiring)?;
    wire_page(&mut wiring)?;
    Ok(wiring.keep)
}

/// The page's own controls: tabs, language, the link's notice, the address.
fn wire_page(w: &mut Wiring) -> Result<(), JsValue> {
    use crate::app::{Command, Tab};
    for tab in Tab::ALL {
        let id = format!("tab-{}", tab.name());
        w.on(&id, "click", move |p, _| p.apply(Command::SetTab(tab)))?;
    }
    w.on("lang-toggle", "click", |p, _| {
        let lang = p.app.lang().other();
        p.apply(Command::SetLang(lang));
    })?;
    w.on("link-alert-close", "click", |p, _| {
        p.apply(Command::DismissLinkMessage)
    })?;
    // Back, Forward, or a link edited in the address bar.
    w.on_window("hashchange", |p, _| p.follow_link())?;
    w.on_window("popstate", |p, _| p.follow_link())?;
    w.on_window("resize", |p, _| p.dirty = true)
}
