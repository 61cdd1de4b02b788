//! The graph lab's texts around its canvas, refreshed after each change: the
//! status line, the node list (numbers also in `data-value` / `data-gradient`),
//! the chain rule, the nudge, the update and J's history, the error with a caret
//! under its column, and the fields. Every text comes from `view::graph`.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlButtonElement};

use crate::app::graph::GraphController;
use crate::app::graph::GraphPreset;
use crate::app::input::join_numbers;
use crate::engine::graph::{Direction, GraphSnapshot};
use crate::i18n::{t, tf, Lang};
use crate::view::graph::{
    gradient_lines, history_lines, node_rows, nudge_lines, root_label, status_line, update_lines,
    NodeRow, UpdateRow,
};

use super::super::dom::{by_id, document, set_attr, set_hidden, set_lines, set_text};
use super::GraphView;

/// Most entries of J's history listed (the newest).
const SHOWN_HISTORY: usize = 200;

/// Refreshes every text of the graph lab from its state.
pub(super) fn update(
    view: &mut GraphView,
    lab: &GraphController,
    snap: &GraphSnapshot,
    lang: Lang,
) -> Result<(), JsValue> {
    update_status(snap, lang);
    update_nodes(view, lab, snap, lang)?;
    let focus = lab.selected();
    set_lines("graph-chain", "li", &gradient_lines(snap, focus, lang))?;
    update_nudge(snap, lang)?;
    update_descent(lab, snap, lang)?;
    super::fields::update_error(lab, lang);
    super::fields::update_fields(view, lab, lang)?;
    update_controls(lab, snap, lang);
    set_attr("view-graph", "data-ready", "true");
    Ok(())
}

fn update_status(snap: &GraphSnapshot, lang: Lang) {
    set_text("graph-status", &status_line(snap, lang));
    let direction = match snap.direction {
        Direction::Ready => "ready",
        Direction::Forward => "forward",
        Direction::Backward => "backward",
        Direction::Done => "done",
    };
    set_attr("graph-status", "data-direction", direction);
    let cursor = snap.cursor.and_then(|c| snap.nodes.get(c));
    set_attr(
        "graph-status",
        "data-cursor",
        cursor.map_or("", |n| n.label.as_str()),
    );
}

/// `<tag attr="…">text</tag>` appended to `parent`.
pub(super) fn child(
    doc: &Document,
    parent: &Element,
    tag: &str,
    attrs: &[(&str, &str)],
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let el = doc.create_element(tag)?;
    for (name, value) in attrs {
        el.set_attribute(name, value)?;
    }
    el.set_text_content(text);
    parent.append_child(&el)?;
    Ok(el)
}

fn update_nodes(
    view: &GraphView,
    page: &GraphController,
    snap: &GraphSnapshot,
    lang: Lang,
) -> Result<(), JsValue> {
    let doc = document()?;
    let list = by_id::<Element>("graph-nodes")?;
    list.set_text_content(None);
    for row in node_rows(snap) {
        node_item(&doc, &list, &row, (view, page), snap, lang)?;
    }
    Ok(())
}

fn node_item(
    doc: &Document,
    list: &Element,
    row: &NodeRow,
    (view, page): (&GraphView, &GraphController),
    snap: &GraphSnapshot,
    lang: Lang,
) -> Result<(), JsValue> {
    let selected = page.selected() == Some(row.id);
    let item = child(doc, list, "li", &[], None)?;
    for (name, value) in node_attributes(row, (view, page), snap) {
        item.set_attribute(name, &value)?;
    }
    let pick = [
        ("type", "button"),
        ("class", "node-pick"),
        ("data-select", ""),
        ("aria-pressed", if selected { "true" } else { "false" }),
    ];
    child(doc, &item, "button", &pick, Some(&row.text))?;
    if let Some(text) = &row.gradient_text {
        let class = [("class", "node-gradient")];
        child(doc, &item, "span", &class, Some(text))?;
    }
    let aria = tf(lang, "graph.node.nudge.aria", &[("label", &row.label)]);
    let nudge = [
        ("type", "button"),
        ("class", "node-nudge"),
        ("data-nudge", row.label.as_str()),
        ("aria-label", aria.as_str()),
    ];
    let text = t(lang, "graph.node.nudge");
    child(doc, &item, "button", &nudge, Some(text))?;
    Ok(())
}

/// A node row's data: id, label, kind, value and gradient in full precision (empty
/// until known), the centre of its box on the canvas (CSS px), and its classes.
fn node_attributes(
    row: &NodeRow,
    (view, page): (&GraphView, &GraphController),
    snap: &GraphSnapshot,
) -> [(&'static str, String); 8] {
    let mut classes = vec![row.kind];
    if page.selected() == Some(row.id) {
        classes.push("selected");
    }
    if snap.cursor == Some(row.id) && snap.direction != Direction::Ready {
        classes.push("cursor");
    }
    let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let (x, y) = view
        .node_centre(row.id)
        .map(|(x, y)| (format!("{x:.1}"), format!("{y:.1}")))
        .unwrap_or_default();
    [
        ("data-node", row.id.to_string()),
        ("data-label", row.label.clone()),
        ("data-kind", row.kind.to_string()),
        ("data-value", number(row.value)),
        ("data-gradient", number(row.gradient)),
        ("data-x", x),
        ("data-y", y),
        ("class", classes.join(" ")),
    ]
}

fn update_nudge(snap: &GraphSnapshot, lang: Lang) -> Result<(), JsValue> {
    set_lines("graph-nudge-lines", "li", &nudge_lines(snap, lang))?;
    let n = snap.last_nudge.as_ref();
    let number = |pick: fn(&crate::engine::graph::Nudge) -> f64| n.map(|n| pick(n).to_string());
    let fields: [(&str, Option<String>); 6] = [
        ("data-label", n.map(|n| n.label.clone())),
        ("data-value-after", number(|n| n.value_after)),
        ("data-output-before", number(|n| n.output_before)),
        ("data-output-after", number(|n| n.output_after)),
        ("data-ratio", number(|n| n.ratio)),
        ("data-gradient", number(|n| n.gradient)),
    ];
    for (name, value) in fields {
        set_attr("graph-nudge", name, value.as_deref().unwrap_or(""));
    }
    Ok(())
}

fn update_descent(page: &GraphController, snap: &GraphSnapshot, lang: Lang) -> Result<(), JsValue> {
    let lines = match page.last_update() {
        Some(u) => {
            let rows: Vec<UpdateRow<'_>> = u
                .rows
                .iter()
                .map(|r| (r.name.as_str(), r.before, r.gradient, r.after))
                .collect();
            let outputs = (u.output_before, u.output_after);
            update_lines(root_label(snap), u.rate, &rows, outputs, lang)
        }
        None => vec![t(lang, "graph.update.none").to_string()],
    };
    set_lines("graph-update-lines", "li", &lines)?;
    let first = snap.history.len().saturating_sub(SHOWN_HISTORY);
    let items = history_lines(snap, lang);
    set_attr("graph-history", "start", &first.to_string());
    set_attr(
        "graph-history",
        "data-values",
        &join_numbers(&snap.history[first..]),
    );
    set_lines("graph-history", "li", &items[first.min(items.len())..])
}

fn update_controls(page: &GraphController, snap: &GraphSnapshot, lang: Lang) {
    let selected = page.selected().and_then(|id| snap.nodes.get(id));
    let text = match selected {
        Some(node) => tf(lang, "graph.selected", &[("label", &node.label)]),
        None => t(lang, "graph.selected.none").to_string(),
    };
    set_text("graph-selected", &text);
    if let Ok(button) = by_id::<HtmlButtonElement>("graph-nudge") {
        button.set_disabled(selected.is_none());
    }
    let note = match page.preset() {
        Some(GraphPreset::Network) => Some("graph.note.network"),
        Some(GraphPreset::Neuron) => Some("graph.note.neuron"),
        _ => None,
    };
    set_hidden("graph-note", note.is_none());
    if let Some(key) = note {
        set_text("graph-note", t(lang, key));
    }
}
