//! Event listeners for every lab of the page: a handler gets the [`Page`]
//! mutably (skipped if it is busy, e.g. in a nested event) and the event, and
//! only changes state, marking the page dirty when it did (commands through
//! [`Page::apply`] do); afterwards one frame is requested, which repaints if dirty. The closures are kept by the runner for the
//! page's lifetime, never `forget()`-ed.

use wasm_bindgen::prelude::*;
use web_sys::{Event, EventTarget};

use super::dom::by_id;
use super::page::Page;
use super::runner::Shared;

/// One kept event listener.
pub type Listener = Closure<dyn FnMut(Event)>;

/// A handler: it gets the page and the event.
type Handler = Box<dyn FnMut(&mut Page, &Event)>;

/// The listeners being attached, and the runner they report to.
pub struct Wiring<'a> {
    /// The page's runner.
    pub runner: &'a Shared,
    /// The closures, kept by the runner.
    pub keep: Vec<Listener>,
}

impl Wiring<'_> {
    /// Adds `handler` for `event` on `target`.
    pub fn listen(
        &mut self,
        target: &EventTarget,
        event: &str,
        handler: impl FnMut(&mut Page, &Event) + 'static,
    ) -> Result<(), JsValue> {
        self.attach(target, event, Box::new(handler))
    }

    /// One closure type for every listener (the handler boxed), so the browser
    /// glue is generated once rather than once per handler.
    fn attach(
        &mut self,
        target: &EventTarget,
        event: &str,
        mut handler: Handler,
    ) -> Result<(), JsValue> {
        let runner = self.runner.clone();
        let closure = Listener::new(move |e: Event| {
            runner.handle(|page| handler(page, &e));
        });
        target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
        self.keep.push(closure);
        Ok(())
    }

    /// [`Wiring::listen`] on the element `#id`.
    pub fn on(
        &mut self,
        id: &str,
        event: &str,
        handler: impl FnMut(&mut Page, &Event) + 'static,
    ) -> Result<(), JsValue> {
        let target: EventTarget = by_id(id)?;
        self.listen(&target, event, handler)
    }

    /// [`Wiring::listen`] on the window (`resize`, `hashchange`).
    pub fn on_window(
        &mut self,
        event: &str,
        handler: impl FnMut(&mut Page, &Event) + 'static,
    ) -> Result<(), JsValue> {
        let window: EventTarget = web_sys::window()
            .ok_or_else(|| JsValue::from_str("no window"))?
            .into();
        self.listen(&window, event, handler)
    }

    /// [`Wiring::listen`] on the document (`keydown`, `paste`).
    pub fn on_document(
        &mut self,
        event: &str,
        handler: impl FnMut(&mut Page, &Event) + 'static,
    ) -> Result<(), JsValue> {
        let document: EventTarget = super::dom::document()?.into();
        self.listen(&document, event, handler)
    }
}

/// The text of the input or select `#id` — the one reader of the page's fields.
pub fn field_value(id: &str) -> String {
    if let Ok(input) = by_id::<web_sys::HtmlInputElement>(id) {
        return input.value();
    }
    by_id::<web_sys::HtmlSelectElement>(id)
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Whether the checkbox or radio button `#id` is checked.
pub fn checked(id: &str) -> bool {
    by_id::<web_sys::HtmlInputElement>(id).is_ok_and(|e| e.checked())
}
