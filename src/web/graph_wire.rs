//! The graph lab's listeners: buttons, fields, the preset menu, the node list
//! (one delegated listener for its select and nudge buttons), the canvas (click to
//! select, hover), the document's `tabs::CHANGED` and the window's resize. Each
//! handler changes the lab's state and repaints. The closures live as long as the
//! page, kept in [`WIRED`] (never `forget()`-ed).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, EventTarget, MouseEvent};

use crate::app::graph::{GraphCommand, GraphField, GraphPreset};
use crate::app::params::parse_number;

use super::dom::{by_id, document};
use super::graph::GraphPage;
use super::listen::{listen, on, Listener};
use super::tabs;

type Shared = Rc<RefCell<GraphPage>>;

thread_local! {
    /// The graph lab's state and listeners, kept for the page's lifetime.
    static WIRED: RefCell<Option<(Shared, Vec<Listener>)>> = const { RefCell::new(None) };
}

fn input_text(id: &str) -> String {
    by_id::<web_sys::HtmlInputElement>(id)
        .map(|e| e.value())
        .unwrap_or_default()
}

/// A typed number as a command, or the reason it is not a number.
fn number_command(
    text: &str,
    field: GraphField,
    make: impl FnOnce(f64) -> GraphCommand,
) -> GraphCommand {
    match parse_number(text) {
        Ok(v) => make(v),
        Err(reason) => GraphCommand::RejectField(field, reason),
    }
}

fn wire_buttons(keep: &mut Vec<Listener>, page: &Shared) -> Result<(), JsValue> {
    type Make = fn(&GraphPage) -> Option<GraphCommand>;
    let buttons: [(&str, Make); 9] = [
        ("graph-forward", |_| Some(GraphCommand::ForwardStep)),
        ("graph-forward-all", |_| Some(GraphCommand::ForwardAll)),
        ("graph-backward", |_| Some(GraphCommand::BackwardStep)),
        ("graph-backward-all", |_| Some(GraphCommand::BackwardAll)),
        ("graph-reset", |_| Some(GraphCommand::Reset)),
        ("graph-update", |_| Some(GraphCommand::Update)),
        ("graph-error-close", |_| Some(GraphCommand::DismissError)),
        ("graph-build", |_| {
            Some(GraphCommand::SetExpression(input_text("graph-expression")))
        }),
        ("graph-nudge", |p| {
            let label = p.lab.selected().and_then(|id| p.lab.label(id))?;
            Some(GraphCommand::Nudge(label.to_string()))
        }),
    ];
    for (id, make) in buttons {
        on(keep, id, "click", page, move |p, _| {
            if let Some(cmd) = make(p) {
                p.apply(cmd);
            }
        })?;
    }
    Ok(())
}

/// r and h: typed numbers (what is not a number is refused with its reason).
fn wire_settings(keep: &mut Vec<Listener>, page: &Shared) -> Result<(), JsValue> {
    type Make = fn(f64) -> GraphCommand;
    let settings: [(&str, GraphField, Make); 2] = [
        ("graph-rate", GraphField::Rate, GraphCommand::SetRate),
        ("graph-h", GraphField::Step, GraphCommand::SetStep),
    ];
    for (id, field, make) in settings {
        on(keep, id, "change", page, move |p, _| {
            p.apply(number_command(&input_text(id), field.clone(), make));
        })?;
    }
    Ok(())
}

fn wire_fields(keep: &mut Vec<Listener>, page: &Shared) -> Result<(), JsValue> {
    on(keep, "graph-expression", "change", page, |p, _| {
        p.apply(GraphCommand::SetExpression(input_text("graph-expression")));
    })?;
    on(keep, "graph-preset", "change", page, |p, _| {
        let name = by_id::<web_sys::HtmlSelectElement>("graph-preset").map(|s| s.value());
        if let Some(preset) = name.ok().and_then(|n| GraphPreset::from_name(&n)) {
            p.apply(GraphCommand::LoadPreset(preset));
        }
    })?;
    // The network tab's link: the network itself, as a graph (the tab switch is the page's).
    on(keep, "open-network-graph", "click", page, |p, _| {
        p.apply(GraphCommand::LoadPreset(GraphPreset::Network));
    })?;
    wire_settings(keep, page)?;
    on(keep, "graph-values", "change", page, |p, e| {
        let Some(input) = target_with(e, "[data-name]") else {
            return;
        };
        let name = input.get_attribute("data-name").unwrap_or_default();
        let text = input
            .dyn_ref::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        let field = GraphField::Value(name.clone());
        p.apply(number_command(&text, field, |v| {
            GraphCommand::SetValue(name, v)
        }));
    })
}

/// The element an event happened in that matches `selector` (itself or an ancestor).
fn target_with(e: &Event, selector: &str) -> Option<Element> {
    let target = e.target()?.dyn_into::<Element>().ok()?;
    target.closest(selector).ok().flatten()
}

fn wire_nodes(keep: &mut Vec<Listener>, page: &Shared) -> Result<(), JsValue> {
    on(keep, "graph-nodes", "click", page, |p, e| {
        if let Some(button) = target_with(e, "[data-nudge]") {
            let label = button.get_attribute("data-nudge").unwrap_or_default();
            p.lab.apply(GraphCommand::Select(node_id(&button)));
            p.apply(GraphCommand::Nudge(label));
        } else if let Some(row) = target_with(e, "[data-select]") {
            let id = node_id(&row);
            let toggled = id.filter(|&i| p.lab.selected() != Some(i));
            p.apply(GraphCommand::Select(toggled));
        }
    })?;
    on(keep, "graph-canvas", "click", page, |p, e| {
        if let Some(m) = e.dyn_ref::<MouseEvent>() {
            let id = p.node_at(f64::from(m.offset_x()), f64::from(m.offset_y()));
            p.apply(GraphCommand::Select(id));
        }
    })?;
    on(keep, "graph-canvas", "pointermove", page, |p, e| {
        if let Some(m) = e.dyn_ref::<MouseEvent>() {
            let id = p.node_at(f64::from(m.offset_x()), f64::from(m.offset_y()));
            if id != p.hover {
                p.hover = id;
                p.paint();
            }
        }
    })?;
    on(keep, "graph-canvas", "pointerleave", page, |p, _| {
        if p.hover.take().is_some() {
            p.paint();
        }
    })
}

/// The node id a list element stands for (`data-node` on it or its row).
fn node_id(el: &Element) -> Option<usize> {
    let row = el.closest("[data-node]").ok().flatten()?;
    row.get_attribute("data-node")?.parse().ok()
}

/// Wires the graph lab if the page has `#view-graph`; it paints when first shown.
pub fn wire() -> Result<(), JsValue> {
    if document()?.get_element_by_id("view-graph").is_none() {
        return Ok(());
    }
    let page: Shared = Rc::new(RefCell::new(GraphPage::new()?));
    let mut keep = Vec::new();
    wire_buttons(&mut keep, &page)?;
    wire_fields(&mut keep, &page)?;
    wire_nodes(&mut keep, &page)?;
    let doc: EventTarget = document()?.into();
    listen(&mut keep, &doc, tabs::CHANGED, &page, |p, _| p.paint())?;
    super::listen::on_window(&mut keep, "resize", &page, |p, _| p.paint())?;
    WIRED.with(|w| *w.borrow_mut() = Some((page, keep)));
    Ok(())
}
