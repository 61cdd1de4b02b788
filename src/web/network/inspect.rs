//! The parameter inspector on the page: a click on an edge (a weight) or on a
//! neuron (its bias) of the diagram selects it; its value field edits it (the
//! boundary follows at once); h and the loss (this example or the batch) set
//! the gradient check, whose lines come from `view::network::check`.

use wasm_bindgen::prelude::*;
use web_sys::{HtmlInputElement, MouseEvent};

use crate::app::input::{parse_input, parse_number};
use crate::app::network::inspect::CheckScope;
use crate::app::network::NetworkCommand as N;
use crate::app::App;
use crate::engine::trainer::ParamRef;
use crate::i18n::Lang;
use crate::view::message::render;
use crate::view::network::check::{check_lines, param_title};
use crate::view::number::{fmt_sig, LONG};

use super::super::dom::{by_id, document, set_hidden, set_lines, set_text};
use super::super::listen::{field_value, Wiring};
use super::super::page::Page;
use super::data_controls::typed_field;
use super::panels::set_value;
use super::NetworkView;

impl NetworkView {
    /// The parameter under (x, y) CSS px on the diagram: an edge's weight, or the
    /// bias of a neuron past the input layer.
    fn param_at(&self, x: f64, y: f64) -> Option<ParamRef> {
        let (bx, by) = self.net.to_backing(x, y);
        let layout = self.layout.as_ref()?;
        if let Some(n) = layout.hit_node(bx, by) {
            return (n.layer > 0).then_some(ParamRef::Bias {
                layer: n.layer,
                neuron: n.index,
            });
        }
        let e = layout.hit_edge(bx, by)?;
        Some(ParamRef::Weight {
            layer: e.layer,
            from: e.from,
            to: e.to,
        })
    }
}

fn network(p: &mut Page, cmd: N) {
    p.apply(crate::app::Command::Network(cmd));
}

/// Attaches the diagram's click and the inspector's fields.
pub fn wire(w: &mut Wiring) -> Result<(), JsValue> {
    w.on("network-canvas", "click", |p, e| {
        let Some(m) = e.dyn_ref::<MouseEvent>() else {
            return;
        };
        let (x, y) = (f64::from(m.offset_x()), f64::from(m.offset_y()));
        if let Some(param) = p.network.param_at(x, y) {
            network(p, N::SelectParameter(Some(param)));
        }
    })?;
    w.on("param-value", "change", |p, _| {
        let Some(param) = p.app.network().inspector().selected else {
            return;
        };
        match parse_input(&field_value("param-value")) {
            Ok(v) => network(p, N::SetParameter(param, v)),
            Err(reason) => network(
                p,
                N::RejectField {
                    field: "θ",
                    text: field_value("param-value"),
                    reason,
                },
            ),
        }
    })?;
    typed_field(w, "check-h", "h", parse_number, N::SetCheckNudge)?;
    w.on("check-scope", "change", |p, _| {
        let scope = match field_value("check-scope").as_str() {
            "batch" => CheckScope::Batch,
            _ => CheckScope::Example,
        };
        network(p, N::SetCheckScope(scope));
    })?;
    w.on("inspect-close", "click", |p, _| {
        network(p, N::SelectParameter(None))
    })
}

/// Refreshes the inspector from the App: hidden with its hint when nothing is
/// selected; else the title, the value (unless the learner is typing in it),
/// h, the scope and the check's lines.
pub fn update(app: &App, lang: Lang) -> Result<(), JsValue> {
    let lab = app.network();
    let inspector = lab.inspector();
    let Some(param) = inspector.selected else {
        set_hidden("inspect", true);
        set_hidden("inspect-hint", false);
        return Ok(());
    };
    set_hidden("inspect", false);
    set_hidden("inspect-hint", true);
    set_text("inspect-title", &param_title(param, &lab.sizes(), lang));
    let lines = match lab.inspection() {
        Some(Ok(ins)) => {
            if !focused("param-value") {
                set_value("param-value", &fmt_sig(ins.value, LONG));
            }
            check_lines(&ins, lab.trainer().sample_index() + 1, lang)
        }
        Some(Err(err)) => vec![render(&crate::app::message::Message::engine(&err), lang)],
        None => Vec::new(),
    };
    if !focused("check-h") {
        set_value("check-h", &inspector.nudge.to_string());
    }
    let scope = match inspector.scope {
        CheckScope::Example => "example",
        CheckScope::Batch => "batch",
    };
    super::panels::set_select("check-scope", scope);
    // One sample (the tutorial's) is its own batch: nothing to choose.
    set_hidden("check-scope-field", lab.trainer().data().len() <= 1);
    set_lines("check-lines", "li", &lines)
}

/// Whether the element `id` has the keyboard focus (its text is the learner's).
fn focused(id: &str) -> bool {
    let active = document().ok().and_then(|d| d.active_element());
    match (active, by_id::<HtmlInputElement>(id)) {
        (Some(a), Ok(el)) => a == **el,
        _ => false,
    }
}
