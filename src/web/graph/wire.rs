//! Tab ②'s listeners: buttons, fields, the preset menu, the node list (one
//! delegated listener for its select and nudge buttons) and the canvas (click to
//! select, hover). Each turns input into a [`GraphCommand`].

use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, MouseEvent};

use crate::app::graph::{GraphCommand, GraphField, GraphPreset};
use crate::app::input::parse_number;
use crate::app::Command;

use super::super::listen::{field_value as input_text, Wiring};
use super::super::page::Page;

fn graph(p: &mut Page, cmd: GraphCommand) {
    p.apply(Command::Graph(cmd));
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

fn wire_buttons(w: &mut Wiring) -> Result<(), JsValue> {
    type Make = fn(&Page) -> Option<GraphCommand>;
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
            let lab = p.app.graph();
            let label = lab.selected().and_then(|id| lab.label(id))?;
            Some(GraphCommand::Nudge(label.to_string()))
        }),
    ];
    for (id, make) in buttons {
        w.on(id, "click", move |p, _| {
            if let Some(cmd) = make(p) {
                graph(p, cmd);
            }
        })?;
    }
    Ok(())
}

/// r and h: typed numbers (what is not a number is refused with its reason).
fn wire_settings(w: &mut Wiring) -> Result<(), JsValue> {
    type Make = fn(f64) -> GraphCommand;
    let settings: [(&str, GraphField, Make); 2] = [
        ("graph-rate", GraphField::Rate, GraphCommand::SetRate),
        ("graph-h", GraphField::Nudge, GraphCommand::SetNudge),
    ];
    for (id, field, make) in settings {
        w.on(id, "change", move |p, _| {
            graph(p, number_command(&input_text(id), field.clone(), make));
        })?;
    }
    Ok(())
}

fn wire_fields(w: &mut Wiring) -> Result<(), JsValue> {
    w.on("graph-expression", "change", |p, _| {
        graph(
            p,
            GraphCommand::SetExpression(input_text("graph-expression")),
        );
    })?;
    w.on("graph-preset", "change", |p, _| {
        if let Some(preset) = GraphPreset::from_name(&input_text("graph-preset")) {
            graph(p, GraphCommand::LoadPreset(preset));
        }
    })?;
    wire_settings(w)?;
    w.on("graph-values", "change", |p, e| {
        let Some(input) = target_with(e, "[data-name]") else {
            return;
        };
        let name = input.get_attribute("data-name").unwrap_or_default();
        let text = input
            .dyn_ref::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        let field = GraphField::Value(name.clone());
        graph(
            p,
            number_command(&text, field, |v| GraphCommand::SetValue(name, v)),
        );
    })
}

/// The element an event happened in that matches `selector` (itself or an ancestor).
fn target_with(e: &Event, selector: &str) -> Option<Element> {
    let target = e.target()?.dyn_into::<Element>().ok()?;
    target.closest(selector).ok().flatten()
}

fn wire_nodes(w: &mut Wiring) -> Result<(), JsValue> {
    w.on("graph-nodes", "click", |p, e| {
        if let Some(button) = target_with(e, "[data-nudge]") {
            let label = button.get_attribute("data-nudge").unwrap_or_default();
            graph(p, GraphCommand::Select(node_id(&button)));
            graph(p, GraphCommand::Nudge(label));
        } else if let Some(row) = target_with(e, "[data-select]") {
            let id = node_id(&row);
            let toggled = id.filter(|&i| p.app.graph().selected() != Some(i));
            graph(p, GraphCommand::Select(toggled));
        }
    })?;
    w.on("graph-canvas", "click", |p, e| {
        if let Some(m) = e.dyn_ref::<MouseEvent>() {
            let id = p
                .graph
                .node_at(f64::from(m.offset_x()), f64::from(m.offset_y()));
            graph(p, GraphCommand::Select(id));
        }
    })?;
    w.on("graph-canvas", "pointermove", |p, e| {
        if let Some(m) = e.dyn_ref::<MouseEvent>() {
            let id = p
                .graph
                .node_at(f64::from(m.offset_x()), f64::from(m.offset_y()));
            p.dirty |= p.graph.hover(id);
        }
    })?;
    w.on("graph-canvas", "pointerleave", |p, _| {
        p.dirty |= p.graph.hover(None);
    })
}

/// The node id a list element stands for (`data-node` on it or its row).
fn node_id(el: &Element) -> Option<usize> {
    let row = el.closest("[data-node]").ok().flatten()?;
    row.get_attribute("data-node")?.parse().ok()
}

/// Attaches every control of tab ②.
pub fn wire(w: &mut Wiring) -> Result<(), JsValue> {
    wire_buttons(w)?;
    wire_fields(w)?;
    wire_nodes(w)
}
