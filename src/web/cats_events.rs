//! The cat lab's listeners: buttons, fields, hovering the matrices and the
//! vector, file pickers, drag and drop onto the view's boxes, paste. Handlers
//! only change state (or start a file task) and ask for a frame.

use wasm_bindgen::prelude::*;
use web_sys::{
    ClipboardEvent, DragEvent, Element, Event, EventTarget, HtmlInputElement, HtmlSelectElement,
    MouseEvent,
};

use crate::app::cats::{
    parse_hidden, parse_iterations, parse_rate, CatCommand, ModelKind, Pointer, Problem, RunState,
    Set,
};
use crate::engine::image::{Order, SIDE};
use crate::view::pixels::{CellGrid, STRIP_COLS, STRIP_ROWS};

use super::cats::{on_changed, schedule, CatPage, Shared, DEMO_SEED};
use super::cats_files::{from_file_list, from_transfer};
use super::cats_load::{mark_over, route, zone_of, Zone};
use super::dom::{by_id, document, set_attr};
use super::listen::Listener;

type Listeners = Vec<Listener>;

/// Adds `handler` for `event` on `target`; after it the page repaints.
fn listen(
    keep: &mut Listeners,
    target: &EventTarget,
    event: &str,
    page: &Shared,
    mut handler: impl FnMut(&mut CatPage, &Event) + 'static,
) -> Result<(), JsValue> {
    super::listen::listen(keep, target, event, page, move |p, e| {
        handler(p, e);
        p.dirty = true;
        schedule();
    })
}

fn on(
    keep: &mut Listeners,
    id: &str,
    event: &str,
    page: &Shared,
    handler: impl FnMut(&mut CatPage, &Event) + 'static,
) -> Result<(), JsValue> {
    listen(keep, &by_id(id)?, event, page, handler)
}

fn wire_buttons(keep: &mut Listeners, page: &Shared) -> Result<(), JsValue> {
    on(keep, "cats-dismiss", "click", page, |p, _| {
        p.apply(CatCommand::Dismiss)
    })?;
    on(keep, "cats-sample", "click", page, |p, _| p.next_sample())?;
    on(keep, "cats-demo", "click", page, |p, _| {
        p.apply(CatCommand::LoadDemo(DEMO_SEED))
    })?;
    on(keep, "cats-clear-own", "click", page, |p, _| {
        p.apply(CatCommand::ClearOwn)
    })?;
    on(keep, "cats-train-start", "click", page, |p, _| {
        p.apply(CatCommand::Train)
    })?;
    on(keep, "cats-train-pause", "click", page, |p, _| {
        let cmd = if p.cats.state() == RunState::Paused {
            CatCommand::Resume
        } else {
            CatCommand::Pause
        };
        p.apply(cmd);
    })?;
    on(keep, "cats-train-stop", "click", page, |p, _| {
        p.apply(CatCommand::Stop)
    })?;
    for id in ["cats-thumbs-train", "cats-thumbs-test", "cats-wrong"] {
        on(keep, id, "click", page, |p, e| {
            if let Some((set, index)) = thumb_of(e) {
                p.inspect(set, index);
                // The input layer is at the top of the view: bring it into sight.
                if let Ok(card) = by_id::<Element>("cats-input") {
                    card.scroll_into_view();
                }
            }
        })?;
    }
    Ok(())
}

/// The (set, index) of the thumbnail a click landed in.
fn thumb_of(e: &Event) -> Option<(Set, usize)> {
    let el = e.target()?.dyn_into::<Element>().ok()?;
    let thumb = el.closest("[data-index]").ok()??;
    let set = Set::from_name(&thumb.get_attribute("data-set")?)?;
    Some((set, thumb.get_attribute("data-index")?.parse().ok()?))
}

fn checked(id: &str) -> bool {
    by_id::<HtmlInputElement>(id).is_ok_and(|e| e.checked())
}

fn wire_input_layer(keep: &mut Listeners, page: &Shared) -> Result<(), JsValue> {
    for id in ["cats-order-channel", "cats-order-pixel"] {
        on(keep, id, "change", page, |p, _| {
            let order = if checked("cats-order-pixel") {
                Order::PixelFirst
            } else {
                Order::ChannelFirst
            };
            p.apply(CatCommand::SetOrder(order));
        })?;
    }
    on(keep, "cats-scaled", "change", page, |p, _| {
        p.apply(CatCommand::SetScaled(checked("cats-scaled")))
    })?;
    for channel in 0..3 {
        for event in ["pointermove", "pointerdown"] {
            on(
                keep,
                &format!("cats-channel-{channel}"),
                event,
                page,
                move |p, e| {
                    let surface = &p.surfaces.channels[channel];
                    if let Some(k) = hit(surface, SIDE, SIDE, e) {
                        let (row, col) = (k / SIDE, k % SIDE);
                        p.apply(CatCommand::Point(Pointer::Pixel { row, col, channel }));
                    }
                },
            )?;
        }
    }
    for event in ["pointermove", "pointerdown"] {
        on(keep, "cats-strip", event, page, |p, e| {
            if let Some(k) = hit(&p.surfaces.strip, STRIP_COLS, STRIP_ROWS, e) {
                p.apply(CatCommand::Point(Pointer::Index(k)));
            }
        })?;
    }
    Ok(())
}

/// The cell of a `cols` × `rows` grid under the pointer of `e`.
fn hit(surface: &super::canvas::Surface, cols: usize, rows: usize, e: &Event) -> Option<usize> {
    let m = e.dyn_ref::<MouseEvent>()?;
    let (w, h) = surface.size();
    let (x, y) = surface.to_backing(m.offset_x() as f64, m.offset_y() as f64);
    CellGrid::fit(cols, rows, w, h).hit(x, y)
}

fn field(id: &str) -> String {
    by_id::<HtmlInputElement>(id)
        .map(|e| e.value())
        .unwrap_or_default()
}

/// Parses a field; a bad value is marked and explained, and changes nothing.
fn parse_field<T>(p: &mut CatPage, id: &str, parse: fn(&str) -> Result<T, Problem>) -> Option<T> {
    match parse(&field(id)) {
        Ok(v) => {
            set_attr(id, "aria-invalid", "false");
            Some(v)
        }
        Err(problem) => {
            set_attr(id, "aria-invalid", "true");
            p.cats.refuse(vec![problem]);
            None
        }
    }
}

/// Applies a parsed setting; marks the field by whether the engine accepted it.
fn set_field(p: &mut CatPage, id: &str, cmd: CatCommand) {
    let result = p.cats.try_apply(cmd);
    set_attr(
        id,
        "aria-invalid",
        if result.is_err() { "true" } else { "false" },
    );
    if let Err(problem) = result {
        p.cats.refuse(vec![problem]);
    }
}

fn wire_settings(keep: &mut Listeners, page: &Shared) -> Result<(), JsValue> {
    on(keep, "cats-model", "change", page, |p, _| {
        let name = by_id::<HtmlSelectElement>("cats-model").map(|s| s.value());
        if let Some(kind) = name.ok().as_deref().and_then(ModelKind::from_name) {
            p.apply(CatCommand::SetModel(kind));
        }
    })?;
    on(keep, "cats-rate", "change", page, |p, _| {
        if let Some(r) = parse_field(p, "cats-rate", parse_rate) {
            set_field(p, "cats-rate", CatCommand::SetRate(r));
        }
    })?;
    on(keep, "cats-iterations", "change", page, |p, _| {
        if let Some(n) = parse_field(p, "cats-iterations", parse_iterations) {
            set_field(p, "cats-iterations", CatCommand::SetIterations(n));
        }
    })?;
    on(keep, "cats-hidden", "change", page, |p, _| {
        if let Some(n) = parse_field(p, "cats-hidden", parse_hidden) {
            set_field(p, "cats-hidden", CatCommand::SetHidden(n));
        }
    })
}

/// File inputs: each starts a task for its zone, then clears itself (so picking the
/// same file again fires again).
fn wire_pickers(keep: &mut Listeners, page: &Shared) -> Result<(), JsValue> {
    let pickers = [
        ("cats-picture-file", Zone::Input),
        ("cats-files-cat", Zone::Class(true)),
        ("cats-folder-cat", Zone::Class(true)),
        ("cats-files-other", Zone::Class(false)),
        ("cats-folder-other", Zone::Class(false)),
        ("cats-h5-files", Zone::Hdf5),
        ("cats-predict-file", Zone::Predict),
    ];
    for (id, zone) in pickers {
        let shared = page.clone();
        on(keep, id, "change", page, move |p, _| {
            let Ok(input) = by_id::<HtmlInputElement>(id) else {
                return;
            };
            let files = from_file_list(input.files());
            input.set_value("");
            route(p, &shared, zone, files);
        })?;
    }
    Ok(())
}

fn wire_drops(keep: &mut Listeners, page: &Shared) -> Result<(), JsValue> {
    on(keep, "view-cats", "dragover", page, |_, e| {
        e.prevent_default();
        mark_over(e, true);
    })?;
    on(keep, "view-cats", "dragleave", page, |_, e| {
        mark_over(e, false)
    })?;
    let shared = page.clone();
    on(keep, "view-cats", "drop", page, move |p, e| {
        e.prevent_default();
        mark_over(e, false);
        let Some(transfer) = e.dyn_ref::<DragEvent>().and_then(DragEvent::data_transfer) else {
            return;
        };
        let dropped = from_transfer(&transfer);
        if !dropped.is_empty() {
            super::cats_load::route_dropped(p, &shared, zone_of(e), dropped);
        }
    })?;
    let shared = page.clone();
    let doc: EventTarget = document()?.into();
    listen(keep, &doc, "paste", page, move |p, e| {
        let transfer = e
            .dyn_ref::<ClipboardEvent>()
            .and_then(ClipboardEvent::clipboard_data);
        let files = transfer
            .map(|t| from_file_list(t.files()))
            .unwrap_or_default();
        if super::tabs::shown(crate::app::Tab::Cats) && !files.is_empty() {
            e.prevent_default();
            route(p, &shared, Zone::Input, files);
        }
    })?;
    listen(keep, &doc, super::tabs::CHANGED, page, |p, _| on_changed(p))?;
    super::listen::on_window(keep, "resize", page, |p, _| {
        p.dirty = true;
        schedule();
    })
}

/// Attaches every listener of the cat lab; the caller keeps them.
pub fn wire(page: &Shared) -> Result<Listeners, JsValue> {
    let mut keep = Listeners::new();
    wire_buttons(&mut keep, page)?;
    wire_input_layer(&mut keep, page)?;
    wire_settings(&mut keep, page)?;
    wire_pickers(&mut keep, page)?;
    wire_drops(&mut keep, page)?;
    Ok(keep)
}
