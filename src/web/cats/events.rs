//! The cat lab's listeners: buttons, fields, hovering the matrices and the
//! vector, file pickers, drag and drop onto the view's boxes, paste. Handlers
//! only change state (or start a file task) and ask for a frame.

use wasm_bindgen::prelude::*;
use web_sys::{ClipboardEvent, DragEvent, Element, Event, HtmlInputElement, MouseEvent};

use crate::app::cats::{
    parse_hidden, parse_iterations, parse_rate, parse_seed, CatCommand, ModelKind, Pointer,
    RunState, Set, Zone, DEMO_SEED,
};
use crate::app::message::Message;
use crate::app::{Command, Tab};
use crate::engine::cats::{Init, Layers};
use crate::engine::image::{Order, SIDE};
use crate::view::cats::pixels::{CellGrid, STRIP_COLS, STRIP_ROWS};

use super::super::dom::{by_id, set_attr};
use super::super::listen::{checked, field_value as field, Wiring};
use super::super::page::Page;
use super::files::{from_file_list, from_transfer};
use super::load::{mark_over, route, route_dropped, zone_of};

fn cats(p: &mut Page, cmd: CatCommand) {
    p.apply(Command::Cats(cmd));
}

fn wire_buttons(w: &mut Wiring) -> Result<(), JsValue> {
    w.on("cats-dismiss", "click", |p, _| cats(p, CatCommand::Dismiss))?;
    w.on("cats-sample", "click", |p, _| {
        cats(p, CatCommand::NextSample)
    })?;
    w.on("cats-demo", "click", |p, _| {
        cats(p, CatCommand::LoadDemo(DEMO_SEED))
    })?;
    w.on("cats-clear-own", "click", |p, _| {
        cats(p, CatCommand::ClearOwn)
    })?;
    w.on("cats-train-start", "click", |p, _| {
        cats(p, CatCommand::Train)
    })?;
    w.on("cats-train-pause", "click", |p, _| {
        let cmd = if p.app.cats().state() == RunState::Paused {
            CatCommand::Resume
        } else {
            CatCommand::Pause
        };
        cats(p, cmd);
    })?;
    w.on("cats-train-stop", "click", |p, _| cats(p, CatCommand::Stop))?;
    for id in ["cats-thumbs-train", "cats-thumbs-test", "cats-wrong"] {
        w.on(id, "click", |p, e| {
            if let Some((set, index)) = thumb_of(e) {
                cats(p, CatCommand::Inspect(set, index));
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

fn wire_input_layer(w: &mut Wiring) -> Result<(), JsValue> {
    for id in ["cats-order-channel", "cats-order-pixel"] {
        w.on(id, "change", |p, _| {
            let order = if checked("cats-order-pixel") {
                Order::PixelFirst
            } else {
                Order::ChannelFirst
            };
            cats(p, CatCommand::SetOrder(order));
        })?;
    }
    w.on("cats-scaled", "change", |p, _| {
        cats(p, CatCommand::SetScaled(checked("cats-scaled")))
    })?;
    for channel in 0..3 {
        for event in ["pointermove", "pointerdown"] {
            w.on(&format!("cats-channel-{channel}"), event, move |p, e| {
                let surface = &p.cats.surfaces.channels[channel];
                if let Some(k) = hit(surface, SIDE, SIDE, e) {
                    let (row, col) = (k / SIDE, k % SIDE);
                    cats(p, CatCommand::Point(Pointer::Pixel { row, col, channel }));
                }
            })?;
        }
    }
    for event in ["pointermove", "pointerdown"] {
        w.on("cats-strip", event, |p, e| {
            if let Some(k) = hit(&p.cats.surfaces.strip, STRIP_COLS, STRIP_ROWS, e) {
                cats(p, CatCommand::Point(Pointer::Index(k)));
            }
        })?;
    }
    Ok(())
}

/// The cell of a `cols` × `rows` grid under the pointer of `e`.
fn hit(
    surface: &super::super::canvas::Surface,
    cols: usize,
    rows: usize,
    e: &Event,
) -> Option<usize> {
    let m = e.dyn_ref::<MouseEvent>()?;
    let (w, h) = surface.size();
    let (x, y) = surface.to_backing(m.offset_x() as f64, m.offset_y() as f64);
    CellGrid::fit(cols, rows, w, h).hit(x, y)
}

/// Parses a field; a bad value is marked and explained, and changes nothing.
fn parse_field<T>(p: &mut Page, id: &str, parse: fn(&str) -> Result<T, Message>) -> Option<T> {
    match parse(&field(id)) {
        Ok(v) => {
            set_attr(id, "aria-invalid", "false");
            Some(v)
        }
        Err(problem) => {
            set_attr(id, "aria-invalid", "true");
            cats(p, CatCommand::Refuse(problem));
            None
        }
    }
}

/// Applies a parsed setting (a refusal is shown by the lab); marks the field by
/// whether the settings now hold it.
fn set_field(p: &mut Page, id: &str, cmd: CatCommand) {
    cats(p, cmd.clone());
    let held = p.app.cats().settings().hold(&cmd);
    set_attr(id, "aria-invalid", if held { "false" } else { "true" });
}

fn wire_settings(w: &mut Wiring) -> Result<(), JsValue> {
    w.on("cats-model", "change", |p, _| {
        if let Some(kind) = ModelKind::from_name(&field("cats-model")) {
            cats(p, CatCommand::SetModel(kind));
        }
    })?;
    w.on("cats-rate", "change", |p, _| {
        if let Some(r) = parse_field(p, "cats-rate", parse_rate) {
            set_field(p, "cats-rate", CatCommand::SetRate(r));
        }
    })?;
    w.on("cats-iterations", "change", |p, _| {
        if let Some(n) = parse_field(p, "cats-iterations", parse_iterations) {
            set_field(p, "cats-iterations", CatCommand::SetIterations(n));
        }
    })?;
    w.on("cats-hidden", "change", |p, _| {
        if let Some(n) = parse_field(p, "cats-hidden", parse_hidden) {
            set_field(p, "cats-hidden", CatCommand::SetHidden(n));
        }
    })?;
    w.on("cats-init", "change", |p, _| {
        if let Some(init) = Init::from_name(&field("cats-init")) {
            cats(p, CatCommand::SetInit(init));
        }
    })?;
    w.on("cats-seed", "change", |p, _| {
        if let Some(seed) = parse_field(p, "cats-seed", parse_seed) {
            set_field(p, "cats-seed", CatCommand::SetSeed(seed));
        }
    })?;
    // The course's two models: their sizes and settings in one click.
    for (id, sizes) in [
        ("cats-preset-two", &[7][..]),
        ("cats-preset-deep", &[20, 7, 5]),
    ] {
        w.on(id, "click", move |p, _| {
            if let Ok(layers) = Layers::new(sizes) {
                cats(p, CatCommand::SetModel(ModelKind::Hidden));
                cats(p, CatCommand::SetHidden(layers));
                p.cats.refill = true;
            }
        })?;
    }
    Ok(())
}

/// The first-layer unit under the pointer (or focused, or tapped) is drawn large.
fn wire_units(w: &mut Wiring) -> Result<(), JsValue> {
    for event in ["pointerover", "focusin", "click"] {
        w.on("cats-units", event, |p, e| {
            let unit = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.get_attribute("data-unit"))
                .and_then(|k| k.parse::<usize>().ok());
            if let Some(unit) = unit.filter(|&u| u != p.cats.unit) {
                p.cats.unit = unit;
                p.dirty = true;
            }
        })?;
    }
    w.on("cats-cost-copy", "click", |p, _| {
        let copied = super::units::copy_table();
        p.cats.copied = Some(if copied {
            "cats.table.copied"
        } else {
            "cats.table.copy-failed"
        });
        p.cats.forget_results();
        p.dirty = true;
    })
}

/// File inputs: each starts a task for its zone, then clears itself (so picking the
/// same file again fires again).
fn wire_pickers(w: &mut Wiring) -> Result<(), JsValue> {
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
        let runner = w.runner.clone();
        w.on(id, "change", move |p, _| {
            let Ok(input) = by_id::<HtmlInputElement>(id) else {
                return;
            };
            let files = from_file_list(input.files());
            input.set_value("");
            route(p, &runner, zone, files);
        })?;
    }
    Ok(())
}

fn wire_drops(w: &mut Wiring) -> Result<(), JsValue> {
    w.on("view-cats", "dragover", |_, e| {
        e.prevent_default();
        mark_over(e, true);
    })?;
    w.on("view-cats", "dragleave", |_, e| mark_over(e, false))?;
    let runner = w.runner.clone();
    w.on("view-cats", "drop", move |p, e| {
        e.prevent_default();
        mark_over(e, false);
        let Some(transfer) = e.dyn_ref::<DragEvent>().and_then(DragEvent::data_transfer) else {
            return;
        };
        let dropped = from_transfer(&transfer);
        if !dropped.is_empty() {
            route_dropped(p, &runner, zone_of(e), dropped);
        }
    })?;
    let runner = w.runner.clone();
    w.on_document("paste", move |p, e| {
        let transfer = e
            .dyn_ref::<ClipboardEvent>()
            .and_then(ClipboardEvent::clipboard_data);
        let files = transfer
            .map(|t| from_file_list(t.files()))
            .unwrap_or_default();
        if p.app.tab() == Tab::Cats && !files.is_empty() {
            e.prevent_default();
            route(p, &runner, Zone::Input, files);
        }
    })
}

/// Attaches every listener of the cat lab; the caller keeps them.
pub fn wire(w: &mut Wiring) -> Result<(), JsValue> {
    wire_buttons(w)?;
    wire_input_layer(w)?;
    wire_settings(w)?;
    wire_units(w)?;
    wire_pickers(w)?;
    wire_drops(w)
}
