//! The data card's listeners: the set and its settings, the features, the shape's
//! +/- buttons, the output and init, batch, optimizer, penalty, schedule, the
//! stepping buttons, and the plot (a click adds a point of the chosen class or,
//! in remove mode, a right-click or a long press, takes the nearest one away; a
//! dropped CSV file or pasted text loads points). Each input becomes one
//! [`NetworkCommand`]; refused values come back as the tab's alert.

use std::str::FromStr;

use wasm_bindgen::prelude::*;
use web_sys::{DragEvent, Event, MouseEvent, PointerEvent};

use crate::app::input::{parse_count, parse_number};
use crate::app::message::Message;
use crate::app::network::dataset::OutputKind;
use crate::app::network::NetworkCommand as N;
use crate::app::Command;
use crate::engine::activation::Activation;
use crate::engine::build::Init;
use crate::engine::data::{DataSet, Feature};
use crate::engine::optim::{Optimizer, Regularization, Schedule};

use super::super::listen::{checked, field_value, Wiring};
use super::super::page::Page;

fn network(p: &mut Page, cmd: N) {
    p.apply(Command::Network(cmd));
}

/// A typed field read by `parse` (a number, a count): refused text names the field
/// in the alert.
pub(super) fn typed_field<T: 'static>(
    w: &mut Wiring,
    id: &'static str,
    label: &'static str,
    parse: fn(&str) -> Result<T, Message>,
    cmd: fn(T) -> N,
) -> Result<(), JsValue> {
    w.on(id, "change", move |p, _| match parse(&field_value(id)) {
        Ok(v) => network(p, cmd(v)),
        Err(reason) => network(
            p,
            N::RejectField {
                field: label,
                text: field_value(id),
                reason,
            },
        ),
    })
}

/// A typed number field.
fn number_field(
    w: &mut Wiring,
    id: &'static str,
    label: &'static str,
    cmd: fn(f64) -> N,
) -> Result<(), JsValue> {
    typed_field(w, id, label, parse_number, cmd)
}

/// A typed whole-number field.
fn count_field(
    w: &mut Wiring,
    id: &'static str,
    label: &'static str,
    cmd: fn(usize) -> N,
) -> Result<(), JsValue> {
    typed_field(w, id, label, parse_count, cmd)
}

fn wire_data(w: &mut Wiring) -> Result<(), JsValue> {
    w.on("data-set", "change", |p, _| {
        if let Ok(set) = DataSet::from_str(&field_value("data-set")) {
            network(p, N::SetDataSet(set));
        }
    })?;
    number_field(w, "noise", "noise", N::SetNoise)?;
    number_field(w, "train-fraction", "train", N::SetTrainFraction)?;
    count_field(w, "count", "count", N::SetCount)?;
    count_field(w, "data-seed", "seed", |s| N::SetDataSeed(s as u64))?;
    count_field(w, "batch", "batch", N::SetBatchSize)?;
    w.on("regenerate", "click", |p, _| network(p, N::Regenerate))?;
    for f in Feature::ALL {
        let id = format!("feat-{}", f.name());
        let id2 = id.clone();
        w.on(&id, "change", move |p, _| {
            network(p, N::SetFeature(f, checked(&id2)))
        })?;
    }
    Ok(())
}

/// The element an event on the shape's controls came from, as a `T`, and the hidden
/// layer (0-based) its `data-layer` names.
fn layer_target<T: JsCast>(e: &Event) -> Option<(T, usize)> {
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let k = el.get_attribute("data-layer")?.parse().ok()?;
    Some((el.dyn_into::<T>().ok()?, k))
}

fn wire_network(w: &mut Wiring) -> Result<(), JsValue> {
    w.on("add-layer", "click", |p, _| network(p, N::AddLayer))?;
    w.on("remove-layer", "click", |p, _| network(p, N::RemoveLayer))?;
    w.on("shape-layers", "click", |p, e| {
        let Some((el, k)) = layer_target::<web_sys::Element>(e) else {
            return;
        };
        match el.get_attribute("data-delta").as_deref() {
            Some("1") => network(p, N::AddNeuron(k)),
            Some("-1") => network(p, N::RemoveNeuron(k)),
            _ => {}
        }
    })?;
    w.on("shape-layers", "change", |p, e| {
        let Some((el, k)) = layer_target::<web_sys::HtmlSelectElement>(e) else {
            return;
        };
        if let Some(a) = Activation::from_name(&el.value()) {
            network(p, N::SetLayerActivation(k, a));
        }
    })?;
    w.on("output-kind", "change", |p, _| {
        if let Some(o) = OutputKind::from_name(&field_value("output-kind")) {
            network(p, N::SetOutput(o));
        }
    })?;
    for id in ["init-seed", "init-zero"] {
        w.on(id, "change", |p, _| {
            let init = if checked("init-zero") {
                Some(Init::Zero)
            } else {
                field_value("init-seed")
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .map(Init::Seeded)
            };
            if let Some(init) = init {
                network(p, N::SetInit(init));
            }
        })?;
    }
    w.on("reinit", "click", |p, _| network(p, N::Reinitialise))?;
    w.on("step-example", "click", |p, _| network(p, N::StepExample))?;
    w.on("step-epoch", "click", |p, _| network(p, N::StepEpoch))?;
    w.on("example-prev", "click", |p, _| choose_example(p, -1))?;
    w.on("example-next", "click", |p, _| choose_example(p, 1))
}

/// Shows the batch's previous (`step = −1`) or next (`+1`) example, wrapping around.
fn choose_example(p: &mut Page, step: isize) {
    let training = p.app.network().network().training;
    let n = training.batch.len().max(1) as isize;
    let k = training.chosen_offset() as isize;
    network(p, N::ChooseExample((k + step).rem_euclid(n) as usize));
}

/// The optimizer and its fields (momentum's β is the β₁ field).
fn optimizer() -> Option<Optimizer> {
    let num = |id: &str| parse_number(&field_value(id)).ok();
    match field_value("optimizer").as_str() {
        "sgd" => Some(Optimizer::Sgd),
        "momentum" => Some(Optimizer::Momentum {
            beta: num("beta1")?,
        }),
        "adam" => Some(Optimizer::Adam {
            beta1: num("beta1")?,
            beta2: num("beta2")?,
            epsilon: num("epsilon")?,
        }),
        _ => None,
    }
}

fn regularization() -> Option<Regularization> {
    let rate = parse_number(&field_value("reg-rate")).ok()?;
    match field_value("reg").as_str() {
        "none" => Some(Regularization::None),
        "l1" => Some(Regularization::L1(rate)),
        "l2" => Some(Regularization::L2(rate)),
        _ => None,
    }
}

fn schedule() -> Option<Schedule> {
    match field_value("schedule").as_str() {
        "constant" => Some(Schedule::Constant),
        "step:50,0.5" => Some(Schedule::StepDecay {
            every: 50,
            factor: 0.5,
        }),
        "inverse-time:0.01" => Some(Schedule::InverseTime { decay: 0.01 }),
        _ => None,
    }
}

fn wire_training(w: &mut Wiring) -> Result<(), JsValue> {
    for id in ["optimizer", "beta1", "beta2", "epsilon"] {
        w.on(id, "change", |p, _| {
            if let Some(o) = optimizer() {
                network(p, N::SetOptimizer(o));
            }
        })?;
    }
    for id in ["reg", "reg-rate"] {
        w.on(id, "change", |p, _| {
            if let Some(r) = regularization() {
                network(p, N::SetRegularization(r));
            }
        })?;
    }
    w.on("schedule", "change", |p, _| {
        if let Some(s) = schedule() {
            network(p, N::SetSchedule(s));
        }
    })?;
    w.on("show-test", "change", |p, _| {
        network(p, N::SetShowTest(checked("show-test")))
    })?;
    w.on("csv-load", "click", |p, _| {
        network(p, N::LoadCsv(text_of("csv-text")))
    })
}

/// The text of the textarea `#id` (its `value`).
fn text_of(id: &str) -> String {
    super::super::dom::by_id::<web_sys::Element>(id)
        .ok()
        .and_then(|el| js_sys::Reflect::get(&el, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Adds or removes a point at the pointer; `remove` forces removal (right-click, long press).
fn edit_point(p: &mut Page, e: &Event, remove: bool) {
    let Some(m) = e.dyn_ref::<MouseEvent>() else {
        return;
    };
    let Some(x) = p
        .network
        .data
        .point_at(f64::from(m.offset_x()), f64::from(m.offset_y()))
    else {
        return;
    };
    let class = field_value("point-class");
    if remove || class == "remove" {
        let reach = p.network.data.reach();
        network(p, N::RemovePoint(x, reach));
    } else if let Ok(label) = class.parse::<f64>() {
        network(p, N::AddPoint(x, label));
    }
}

fn wire_plot(w: &mut Wiring) -> Result<(), JsValue> {
    w.on("data-canvas", "pointerdown", |p, e| {
        p.network.press = e
            .dyn_ref::<PointerEvent>()
            .map(|pe| (pe.time_stamp(), pe.offset_x(), pe.offset_y()));
    })?;
    w.on("data-canvas", "click", |p, e| {
        let press = p.network.press.take();
        let Some(m) = e.dyn_ref::<MouseEvent>() else {
            return;
        };
        // A press of half a second or more in place is a long press: it removes.
        let long = press.is_some_and(|(t0, x0, y0)| {
            let still = (m.offset_x() - x0).abs() + (m.offset_y() - y0).abs() <= 12;
            still && m.time_stamp() - t0 >= 500.0
        });
        edit_point(p, e, long);
    })?;
    w.on("data-canvas", "contextmenu", |p, e| {
        e.prevent_default();
        edit_point(p, e, true);
    })?;
    w.on("data-canvas", "dragover", |_, e| e.prevent_default())?;
    let runner = w.runner.clone();
    w.on("data-canvas", "drop", move |_, e| {
        e.prevent_default();
        let Some(file) = e
            .dyn_ref::<DragEvent>()
            .and_then(DragEvent::data_transfer)
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        let runner = runner.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            if let Some(text) = text.ok().and_then(|t| t.as_string()) {
                runner.handle(|p| network(p, N::LoadCsv(text)));
            }
        });
    })
}

/// Attaches every control of the data card.
pub fn wire(w: &mut Wiring) -> Result<(), JsValue> {
    wire_data(w)?;
    wire_network(w)?;
    wire_training(w)?;
    wire_plot(w)
}
