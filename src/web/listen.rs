//! Event listeners on shared state, for every lab of the page: a handler gets
//! the lab's state mutably (skipped if it is borrowed, e.g. by a nested event)
//! and the event. The closures are kept by the caller for the page's lifetime,
//! never `forget()`-ed.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Event, EventTarget};

use super::dom::by_id;

/// One kept event listener.
pub type Listener = Closure<dyn FnMut(Event)>;

/// Adds `handler` for `event` on `target`, keeping the closure in `keep`.
pub fn listen<S: 'static>(
    keep: &mut Vec<Listener>,
    target: &EventTarget,
    event: &str,
    state: &Rc<RefCell<S>>,
    mut handler: impl FnMut(&mut S, &Event) + 'static,
) -> Result<(), JsValue> {
    let state = state.clone();
    let closure = Listener::new(move |e: Event| {
        if let Ok(mut s) = state.try_borrow_mut() {
            handler(&mut s, &e);
        }
    });
    target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
    keep.push(closure);
    Ok(())
}

/// [`listen`] on the element `#id`.
pub fn on<S: 'static>(
    keep: &mut Vec<Listener>,
    id: &str,
    event: &str,
    state: &Rc<RefCell<S>>,
    handler: impl FnMut(&mut S, &Event) + 'static,
) -> Result<(), JsValue> {
    let target: EventTarget = by_id(id)?;
    listen(keep, &target, event, state, handler)
}

/// [`listen`] on the window (e.g. `resize`).
pub fn on_window<S: 'static>(
    keep: &mut Vec<Listener>,
    event: &str,
    state: &Rc<RefCell<S>>,
    handler: impl FnMut(&mut S, &Event) + 'static,
) -> Result<(), JsValue> {
    let window: EventTarget = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .into();
    listen(keep, &window, event, state, handler)
}
