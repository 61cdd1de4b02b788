//! Tab ①'s listeners: buttons, fields, the rate sliders, the keyboard, the
//! canvases. Each turns input into a [`NetworkCommand`]; what a command means
//! (a one-hot target, which view starts over, rounding a clicked w₀) is decided
//! in `app::network`.

use wasm_bindgen::prelude::*;
use web_sys::{Event, KeyboardEvent, MouseEvent};

use crate::app::input::{parse_input, parse_rate};
use crate::app::message::Message;
use crate::app::network::rates::nearest_stop;
use crate::app::network::NetworkCommand as N;
use crate::app::{Command, Tab};
use crate::engine::activation::Activation;
use crate::engine::mlp::Preset;

use super::super::dom::set_attr;
use super::super::listen::{checked, field_value, Wiring};
use super::super::page::Page;
use super::panels::set_value;

fn network(p: &mut Page, cmd: N) {
    p.apply(Command::Network(cmd));
}

/// Buttons that map straight to one command.
fn wire_buttons(w: &mut Wiring) -> Result<(), JsValue> {
    let buttons: [(&str, N); 10] = [
        ("step", N::StepPhase),
        ("step-sample", N::StepSample),
        ("play", N::TogglePlay),
        ("reset", N::Reset),
        ("descent-step", N::DescentStep),
        ("descent-play", N::DescentTogglePlay),
        ("descent-reset", N::DescentReset),
        ("alert-restore", N::Restore),
        ("alert-reset", N::StartOver),
        ("alert-close", N::DismissAlert),
    ];
    for (id, cmd) in buttons {
        w.on(id, "click", move |p, _| network(p, cmd.clone()))?;
    }
    w.on("open-network-graph", "click", |p, _| {
        use crate::app::graph::{GraphCommand, GraphPreset};
        p.apply(Command::Graph(GraphCommand::LoadPreset(
            GraphPreset::Network,
        )));
        p.apply(Command::SetTab(Tab::Graph));
    })
}

/// Reads a field; on failure marks it invalid and says why in the tab's alert.
fn parse_field(
    p: &mut Page,
    id: &str,
    label: &'static str,
    parse: fn(&str) -> Result<f64, Message>,
) -> Option<f64> {
    let text = field_value(id);
    match parse(&text) {
        Ok(v) => {
            set_attr(id, "aria-invalid", "false");
            Some(v)
        }
        Err(reason) => {
            set_attr(id, "aria-invalid", "true");
            network(
                p,
                N::RejectField {
                    field: label,
                    text,
                    reason,
                },
            );
            None
        }
    }
}

fn wire_sample(w: &mut Wiring) -> Result<(), JsValue> {
    for id in ["x1", "x2"] {
        w.on(id, "change", |p, _| {
            let x1 = parse_field(p, "x1", "x₁", parse_input);
            let x2 = parse_field(p, "x2", "x₂", parse_input);
            if let (Some(a), Some(b)) = (x1, x2) {
                network(p, N::SetInput(vec![a, b]));
            }
        })?;
    }
    w.on("y", "change", |p, _| {
        if let Some(y) = parse_field(p, "y", "y", parse_input) {
            network(p, N::SetTarget(vec![y]));
        }
    })?;
    w.on("y-class", "change", |p, _| {
        if let Ok(class) = field_value("y-class").parse::<usize>() {
            network(p, N::SetTargetClass(class));
        }
    })?;
    w.on("activation", "change", |p, _| {
        if let Some(a) = Activation::from_name(&field_value("activation")) {
            network(p, N::SetActivation(a));
        }
    })?;
    w.on("preset", "change", |p, _| {
        if let Ok(preset) = field_value("preset").parse::<Preset>() {
            network(p, N::SetPreset(preset));
        }
    })
}

/// A learning-rate slider (over the view's stops) and its text field.
#[derive(Clone, Copy)]
struct RateControl {
    slider: &'static str,
    field: &'static str,
    /// The descent view's rate (else the network's).
    descent: bool,
}

impl RateControl {
    fn stops(self, p: &Page) -> Vec<f64> {
        p.network.stops(self.descent).to_vec()
    }

    fn command(self, r: f64) -> N {
        if self.descent {
            N::SetDescentRate(r)
        } else {
            N::SetLearningRate(r)
        }
    }

    /// The slider moved: its stop becomes the rate and is written in the field.
    fn slid(self, p: &mut Page) {
        let stops = self.stops(p);
        let index = field_value(self.slider).parse::<usize>().unwrap_or(0);
        if let Some(&r) = stops.get(index.min(stops.len().saturating_sub(1))) {
            set_value(self.field, &r.to_string());
            set_attr(self.field, "aria-invalid", "false");
            network(p, self.command(r));
        }
    }

    /// A rate was typed: the slider moves to the nearest stop, the typed value is used.
    fn typed(self, p: &mut Page) {
        if let Some(r) = parse_field(p, self.field, "r", parse_rate) {
            let index = nearest_stop(&self.stops(p), r);
            set_value(self.slider, &index.to_string());
            network(p, self.command(r));
        }
    }
}

fn wire_rate(w: &mut Wiring, rate: RateControl, count: usize) -> Result<(), JsValue> {
    w.on(rate.slider, "input", move |p, _| rate.slid(p))?;
    w.on(rate.field, "change", move |p, _| rate.typed(p))?;
    set_attr(rate.slider, "max", &count.saturating_sub(1).to_string());
    Ok(())
}

fn wire_options(w: &mut Wiring) -> Result<(), JsValue> {
    w.on("speed", "input", |p, _| {
        let speed = field_value("speed").parse::<usize>().unwrap_or(0);
        network(p, N::SetSpeed(speed));
    })?;
    w.on("show-weights", "change", |p, _| {
        network(p, N::SetShowWeights(checked("show-weights")));
    })
}

fn wire_keys(w: &mut Wiring) -> Result<(), JsValue> {
    w.on_document("keydown", |p, e| {
        let Some(key) = e.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if key.ctrl_key() || key.meta_key() || key.alt_key() || typing(e) {
            return;
        }
        if p.app.tab() != Tab::Network {
            return;
        }
        let cmd = match key.key().as_str() {
            " " => N::StepPhase,
            "p" | "P" => N::TogglePlay,
            "r" | "R" => N::Reset,
            _ => return,
        };
        e.prevent_default();
        network(p, cmd);
    })
}

/// True when the key went to a text field, a select or a button (Space clicks buttons itself).
fn typing(e: &Event) -> bool {
    let tag = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.tag_name().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        tag.as_str(),
        "input" | "select" | "textarea" | "button" | "summary"
    )
}

fn wire_canvases(w: &mut Wiring) -> Result<(), JsValue> {
    // Unfolded while playing: the tables fill at the next paint.
    w.on("value-tables", "toggle", |p, e| {
        let details = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        p.network.tables_open = details.is_some_and(|d| d.has_attribute("open"));
        p.dirty = true;
    })?;
    for event in ["pointermove", "pointerdown"] {
        w.on("network-canvas", event, |p, e| {
            if let Some(m) = e.dyn_ref::<MouseEvent>() {
                let (x, y) = (f64::from(m.offset_x()), f64::from(m.offset_y()));
                p.dirty |= p.network.hover_at(x, y);
            }
        })?;
    }
    // A finger leaves the canvas as it lifts: what it tapped keeps its tooltip (and
    // its large map) until the next tap.
    w.on("network-canvas", "pointerleave", |p, e| {
        let touch = e
            .dyn_ref::<web_sys::PointerEvent>()
            .is_some_and(|e| e.pointer_type() == "touch");
        if !touch {
            p.dirty |= p.network.hover_at(f64::NAN, f64::NAN);
        }
    })?;
    w.on("descent-canvas", "click", |p, e| {
        let Some(m) = e.dyn_ref::<MouseEvent>() else {
            return;
        };
        if let Some(w) = p
            .network
            .w_at(f64::from(m.offset_x()), f64::from(m.offset_y()))
        {
            network(p, N::PickStart(w));
        }
    })
}

/// Attaches every control of tab ①.
pub fn wire(w: &mut Wiring) -> Result<(), JsValue> {
    wire_buttons(w)?;
    wire_sample(w)?;
    let (network_count, descent_count) = w
        .runner
        .read(|p| (p.network.stops(false).len(), p.network.stops(true).len()))
        .unwrap_or((0, 0));
    let network = RateControl {
        slider: "net-rate-slider",
        field: "net-rate",
        descent: false,
    };
    let descent = RateControl {
        slider: "descent-rate-slider",
        field: "descent-rate",
        descent: true,
    };
    wire_rate(w, network, network_count)?;
    wire_rate(w, descent, descent_count)?;
    wire_options(w)?;
    wire_keys(w)?;
    wire_canvases(w)
}
