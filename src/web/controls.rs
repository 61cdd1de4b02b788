//! Wires the page's controls to [`Command`]s. Handlers only change state and
//! mark the page dirty; the frame loop repaints. The closures are kept for the
//! page's lifetime (never `forget()`-ed).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Event, EventTarget, HtmlInputElement, HtmlSelectElement, KeyboardEvent, MouseEvent};

use crate::app::params::{parse_input, parse_rate};
use crate::app::{Alert, Command, Lab};
use crate::engine::activation::Activation;
use crate::engine::mlp::Preset;

use super::dom::{by_id, set_attr};
use super::listen::{listen, on, Listener};
use super::page::Page;
use super::panels::set_value;

/// The listeners of the page; dropping this removes nothing, so it is kept alive
/// by the frame loop for as long as the page lives.
pub type Listeners = Vec<Listener>;

type Shared = Rc<RefCell<Page>>;

/// Makes a button's command from the page's state.
type MakeCommand = fn(&Page) -> Command;

/// Buttons that map straight to one command.
fn wire_buttons(keep: &mut Listeners, page: &Shared) -> Result<(), JsValue> {
    let buttons: [(&str, MakeCommand); 10] = [
        ("step", |_| Command::Step),
        ("step-sample", |_| Command::StepSample),
        ("play", |_| Command::TogglePlay),
        ("reset", |_| Command::Reset),
        ("descent-step", |_| Command::DescentStep),
        ("descent-play", |_| Command::DescentTogglePlay),
        ("descent-reset", |_| Command::DescentReset),
        ("alert-restore", |_| Command::Restore),
        ("alert-reset", |p| match p.app.alert() {
            Some(Alert::Exploded {
                lab: Lab::Descent, ..
            }) => Command::DescentReset,
            _ => Command::Reset,
        }),
        ("lang-toggle", |p| Command::SetLang(p.app.lang().other())),
    ];
    for (id, make) in buttons {
        on(keep, id, "click", page, move |p, _| {
            let cmd = make(p);
            p.apply(cmd);
        })?;
    }
    on(keep, "alert-close", "click", page, |p, _| {
        p.apply(Command::DismissAlert)
    })?;
    on(keep, "open-network-graph", "click", page, |p, _| {
        p.apply(Command::SetTab(crate::app::Tab::Graph))
    })?;
    for tab in crate::app::Tab::ALL {
        let id = format!("tab-{}", tab.name());
        on(keep, &id, "click", page, move |p, _| {
            p.apply(Command::SetTab(tab))
        })?;
    }
    Ok(())
}

fn input_value(id: &str) -> String {
    by_id::<HtmlInputElement>(id)
        .map(|e| e.value())
        .unwrap_or_default()
}

fn select_value(id: &str) -> String {
    by_id::<HtmlSelectElement>(id)
        .map(|e| e.value())
        .unwrap_or_default()
}

/// Parses a field; on failure marks it invalid and says why, in the page's alert.
fn parse_field(
    p: &mut Page,
    id: &str,
    label: &str,
    parse: fn(&str) -> Result<f64, &'static str>,
) -> Option<f64> {
    let text = input_value(id);
    match parse(&text) {
        Ok(v) => {
            set_attr(id, "aria-invalid", "false");
            Some(v)
        }
        Err(reason) => {
            set_attr(id, "aria-invalid", "true");
            p.app.reject_field(label, &text, reason);
            p.dirty = true;
            None
        }
    }
}

fn wire_sample(keep: &mut Listeners, page: &Shared) -> Result<(), JsValue> {
    for id in ["x1", "x2"] {
        on(keep, id, "change", page, |p, _| {
            let x1 = parse_field(p, "x1", "x₁", parse_input);
            let x2 = parse_field(p, "x2", "x₂", parse_input);
            if let (Some(a), Some(b)) = (x1, x2) {
                p.apply(Command::SetInput(vec![a, b]));
            }
        })?;
    }
    on(keep, "y", "change", page, |p, _| {
        if let Some(y) = parse_field(p, "y", "y", parse_input) {
            p.apply(Command::SetTarget(vec![y]));
        }
    })?;
    on(keep, "y-class", "change", page, |p, _| {
        let class = select_value("y-class").parse::<usize>().unwrap_or(0);
        let outputs = p.app.network().target.len();
        let target = (0..outputs)
            .map(|k| if k == class { 1.0 } else { 0.0 })
            .collect();
        p.apply(Command::SetTarget(target));
    })?;
    on(keep, "activation", "change", page, |p, _| {
        if let Some(a) = Activation::from_name(&select_value("activation")) {
            p.apply(Command::SetActivation(a));
        }
    })?;
    on(keep, "preset", "change", page, |p, _| {
        if let Ok(preset) = select_value("preset").parse::<Preset>() {
            p.apply(Command::SetPreset(preset));
        }
    })
}

/// A learning-rate slider (over the page's stops) and its text field.
#[derive(Clone, Copy)]
struct RateControl {
    slider: &'static str,
    field: &'static str,
    /// The descent view's rate (else the network's).
    descent: bool,
}

impl RateControl {
    fn stops(self, p: &Page) -> &[f64] {
        if self.descent {
            &p.descent_stops
        } else {
            &p.network_stops
        }
    }

    fn command(self, r: f64) -> Command {
        if self.descent {
            Command::SetDescentRate(r)
        } else {
            Command::SetLearningRate(r)
        }
    }

    /// The slider moved: its stop becomes the rate and is written in the field.
    fn slid(self, p: &mut Page) {
        let stops = self.stops(p);
        let index = input_value(self.slider).parse::<usize>().unwrap_or(0);
        if let Some(&r) = stops.get(index.min(stops.len().saturating_sub(1))) {
            set_value(self.field, &r.to_string());
            set_attr(self.field, "aria-invalid", "false");
            p.apply(self.command(r));
        }
    }

    /// A rate was typed: the slider moves to the nearest stop, the typed value is used.
    fn typed(self, p: &mut Page) {
        if let Some(r) = parse_field(p, self.field, "r", parse_rate) {
            let index = crate::app::rates::nearest_stop(self.stops(p), r);
            set_value(self.slider, &index.to_string());
            p.apply(self.command(r));
        }
    }
}

fn wire_rate(keep: &mut Listeners, page: &Shared, rate: RateControl) -> Result<(), JsValue> {
    on(keep, rate.slider, "input", page, move |p, _| rate.slid(p))?;
    on(keep, rate.field, "change", page, move |p, _| rate.typed(p))?;
    let count = rate.stops(&page.borrow()).len();
    set_attr(rate.slider, "max", &count.saturating_sub(1).to_string());
    Ok(())
}

fn wire_options(keep: &mut Listeners, page: &Shared) -> Result<(), JsValue> {
    on(keep, "speed", "input", page, |p, _| {
        let speed = input_value("speed").parse::<usize>().unwrap_or(0);
        p.apply(Command::SetSpeed(speed));
    })?;
    on(keep, "show-weights", "change", page, |p, _| {
        let checked = by_id::<HtmlInputElement>("show-weights")
            .map(|e| e.checked())
            .unwrap_or(false);
        p.apply(Command::SetShowWeights(checked));
    })
}

fn wire_keys(keep: &mut Listeners, page: &Shared) -> Result<(), JsValue> {
    let document: EventTarget = super::dom::document()?.into();
    listen(keep, &document, "keydown", page, |p, e| {
        let Some(key) = e.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if key.ctrl_key()
            || key.meta_key()
            || key.alt_key()
            || typing(e)
            || p.app.tab() != crate::app::Tab::Network
        {
            return;
        }
        let cmd = match key.key().as_str() {
            " " => Command::Step,
            "p" | "P" => Command::TogglePlay,
            "r" | "R" => Command::Reset,
            _ => return,
        };
        e.prevent_default();
        p.apply(cmd);
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

fn wire_canvases(keep: &mut Listeners, page: &Shared) -> Result<(), JsValue> {
    for event in ["pointermove", "pointerdown"] {
        on(keep, "network-canvas", event, page, |p, e| {
            if let Some(m) = e.dyn_ref::<MouseEvent>() {
                p.hover_at(m.offset_x() as f64, m.offset_y() as f64);
            }
        })?;
    }
    on(keep, "network-canvas", "pointerleave", page, |p, _| {
        p.hover_at(f64::NAN, f64::NAN)
    })?;
    on(keep, "descent-canvas", "click", page, |p, e| {
        if let Some(m) = e.dyn_ref::<MouseEvent>() {
            p.pick_start(m.offset_x() as f64, m.offset_y() as f64);
        }
    })?;
    super::listen::on_window(keep, "resize", page, |p, _| p.dirty = true)
}

/// Attaches every control of the page.
pub fn wire(page: &Shared) -> Result<Listeners, JsValue> {
    let mut keep = Listeners::new();
    wire_buttons(&mut keep, page)?;
    wire_sample(&mut keep, page)?;
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
    wire_rate(&mut keep, page, network)?;
    wire_rate(&mut keep, page, descent)?;
    wire_options(&mut keep, page)?;
    wire_keys(&mut keep, page)?;
    wire_canvases(&mut keep, page)?;
    Ok(keep)
}
