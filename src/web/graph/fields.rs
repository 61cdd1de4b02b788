//! The graph lab's fields and its error: the expression, the preset menu, r and h
//! written once, one number field per variable (updated in place while its names
//! stay, so the field being edited is never removed under its own event), which
//! field is invalid, and the error's message with the expression and a caret
//! under its column.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use crate::app::graph::{GraphController, GraphError, GraphField, GraphPreset};
use crate::i18n::{t, tf, Lang};
use crate::view::graph::caret;
use crate::view::message::render_in_field;

use super::super::dom::{by_id, document, set_attr, set_hidden, set_text};
use super::panels::child;
use super::GraphView;

/// What the fields were last filled with, so a repaint never overwrites typing.
#[derive(Default)]
pub(super) struct Painted {
    expression: Option<String>,
    preset: Option<Option<GraphPreset>>,
    fields: Option<(Vec<(String, f64)>, Lang)>,
    /// r and h as last written; after that only the learner (or a link) changes them.
    settings: Option<(f64, f64)>,
}

pub(super) fn update_error(lab: &GraphController, lang: Lang) {
    let err = lab.error();
    set_hidden("graph-error", err.is_none());
    let invalid = |field: &GraphField| err.is_some_and(|e| e.field == *field);
    for (id, field) in [
        ("graph-expression", GraphField::Expression),
        ("graph-rate", GraphField::Rate),
        ("graph-h", GraphField::Nudge),
    ] {
        set_attr(
            id,
            "aria-invalid",
            if invalid(&field) { "true" } else { "false" },
        );
    }
    let Some(err) = err else { return };
    let text = render_in_field(&err.message, err.field.label(), lang);
    set_text("graph-error-text", &text);
    set_attr("graph-error", "data-key", &err.message.key());
    let column = err.column.map(|c| c.to_string()).unwrap_or_default();
    set_attr("graph-error", "data-column", &column);
    match err.column {
        Some(c) => set_text(
            "graph-error-caret",
            &format!("{}\n{}", err.expression, caret(c)),
        ),
        None => set_text("graph-error-caret", ""),
    }
    set_hidden("graph-error-caret", err.column.is_none());
}

pub(super) fn update_fields(
    page: &mut GraphView,
    lab: &GraphController,
    lang: Lang,
) -> Result<(), JsValue> {
    let expression = lab.expression().to_string();
    if page.painted.expression.as_ref() != Some(&expression) {
        set_input("graph-expression", &expression);
        page.painted.expression = Some(expression);
    }
    let preset = lab.preset();
    if page.painted.preset != Some(preset) {
        if let Ok(select) = by_id::<HtmlSelectElement>("graph-preset") {
            select.set_value(preset.map_or("custom", GraphPreset::name));
        }
        page.painted.preset = Some(preset);
    }
    let settings = (lab.rate(), lab.nudge_size());
    if page.painted.settings != Some(settings) {
        set_input("graph-rate", &settings.0.to_string());
        set_input("graph-h", &settings.1.to_string());
        page.painted.settings = Some(settings);
    }
    let fields = (lab.fields().to_vec(), lang);
    if page.painted.fields.as_ref() != Some(&fields) {
        fill_values(&fields.0, lang)?;
        page.painted.fields = Some(fields);
    }
    mark_invalid_value(lab.error())
}

fn set_input(id: &str, value: &str) {
    if let Ok(input) = by_id::<HtmlInputElement>(id) {
        input.set_value(value);
    }
}

/// `aria-invalid` on the value field the error is about (and on no other).
fn mark_invalid_value(err: Option<&GraphError>) -> Result<(), JsValue> {
    let bad = err.and_then(|e| match &e.field {
        GraphField::Value(name) => Some(name.as_str()),
        _ => None,
    });
    for input in value_inputs()? {
        let invalid = bad.is_some() && input.get_attribute("data-name").as_deref() == bad;
        input.set_attribute("aria-invalid", if invalid { "true" } else { "false" })?;
    }
    Ok(())
}

/// One labelled number field per variable in `#graph-values`. When the names are
/// those already shown, the fields are updated in place: the one being edited
/// must not be removed while its own change event runs.
fn fill_values(fields: &[(String, f64)], lang: Lang) -> Result<(), JsValue> {
    let inputs = value_inputs()?;
    let same_names = inputs.len() == fields.len()
        && inputs
            .iter()
            .zip(fields)
            .all(|(i, f)| i.get_attribute("data-name").as_deref() == Some(f.0.as_str()));
    if !same_names {
        return rebuild_values(fields, lang);
    }
    for (input, (name, value)) in inputs.iter().zip(fields) {
        input.set_attribute(
            "aria-label",
            &tf(lang, "graph.values.aria", &[("name", name)]),
        )?;
        if let Some(input) = input.dyn_ref::<HtmlInputElement>() {
            if input.value().trim().parse::<f64>().ok() != Some(*value) {
                input.set_value(&value.to_string());
            }
        }
    }
    set_text("graph-values-title", t(lang, "graph.values"));
    Ok(())
}

fn rebuild_values(fields: &[(String, f64)], lang: Lang) -> Result<(), JsValue> {
    let doc = document()?;
    let parent = by_id::<Element>("graph-values")?;
    parent.set_text_content(None);
    let title = [("class", "values-title"), ("id", "graph-values-title")];
    child(&doc, &parent, "span", &title, Some(t(lang, "graph.values")))?;
    for (name, value) in fields {
        let label = child(&doc, &parent, "label", &[("class", "field compact")], None)?;
        child(&doc, &label, "span", &[], Some(name))?;
        let aria = tf(lang, "graph.values.aria", &[("name", name)]);
        let attrs = [
            ("type", "text"),
            ("inputmode", "decimal"),
            ("size", "6"),
            ("data-name", name.as_str()),
            ("aria-label", aria.as_str()),
        ];
        let input = child(&doc, &label, "input", &attrs, None)?;
        if let Some(input) = input.dyn_ref::<HtmlInputElement>() {
            input.set_value(&value.to_string());
        }
    }
    Ok(())
}

fn value_inputs() -> Result<Vec<Element>, JsValue> {
    let nodes = by_id::<Element>("graph-values")?.query_selector_all("input[data-name]")?;
    Ok((0..nodes.length())
        .filter_map(|i| nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect())
}
