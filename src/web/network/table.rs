//! The network's numbers as text: the edge and neuron tables under the diagram
//! (what a screen reader reads instead of the canvas; each row also carries where
//! its edge or neuron is drawn, so a pointer can find it) and the hover tooltip.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::engine::snapshot::NetworkSnapshot;
use crate::i18n::{t, Lang};
use crate::view::network::{edge_tooltip, node_name, node_tooltip, values, EdgeRef, NodeRef};
use crate::view::number::{fmt_sig, LONG};

use super::super::dom::{by_id, document, set_hidden, set_lines};
use super::{Hover, NetworkView};

/// Rebuilds the edge table: name, weight, gradient (— before backward reached it).
pub fn update_edges(page: &NetworkView, snap: &NetworkSnapshot, lang: Lang) -> Result<(), JsValue> {
    let body = by_id::<Element>("edge-table")?
        .query_selector("tbody")?
        .ok_or_else(|| JsValue::from_str("edge table without tbody"))?;
    body.set_text_content(None);
    for (l, layer) in snap.layers.iter().enumerate() {
        for (i, row) in layer.weights.iter().enumerate() {
            for (j, &weight) in row.iter().enumerate() {
                let edge = EdgeRef {
                    layer: l + 1,
                    from: i,
                    to: j,
                };
                let grad = layer
                    .grad_weights
                    .as_ref()
                    .and_then(|g| g.get(i)?.get(j).copied());
                let tr = edge_row(page, &snap.sizes, edge, (weight, grad), lang)?;
                body.append_child(&tr)?;
            }
        }
    }
    Ok(())
}

/// Rebuilds the neuron table: name, value (x, or a once forward reached it), bias,
/// δ; each row carries the neuron's centre and radius in CSS px.
pub fn update_nodes(page: &NetworkView, snap: &NetworkSnapshot, lang: Lang) -> Result<(), JsValue> {
    let body = by_id::<Element>("node-table")?
        .query_selector("tbody")?
        .ok_or_else(|| JsValue::from_str("neuron table without tbody"))?;
    body.set_text_content(None);
    let Some(layout) = page.layout.as_ref() else {
        return Ok(());
    };
    let doc = document()?;
    let none = t(lang, "page.table.none");
    let cell = |v: Option<f64>| v.map_or_else(|| none.to_string(), |v| fmt_sig(v, LONG));
    let s = page.net.scale;
    for node in layout.nodes() {
        let tr = doc.create_element("tr")?;
        tr.set_attribute("data-node", &format!("{}-{}", node.layer, node.index))?;
        if let Some((x, y)) = layout.node_center(node) {
            tr.set_attribute("data-x", &format!("{:.1}", x / s))?;
            tr.set_attribute("data-y", &format!("{:.1}", y / s))?;
            tr.set_attribute("data-r", &format!("{:.1}", layout.radius() / s))?;
        }
        let bias = values::bias(snap, node).map(|b| fmt_sig(b, LONG));
        let texts = [
            node_name(&snap.sizes, node),
            cell(values::node_value(snap, node)),
            bias.unwrap_or_default(),
            // An input has neither a bias nor a δ.
            match node.layer {
                0 => String::new(),
                _ => cell(values::delta(snap, node)),
            },
        ];
        for text in texts {
            let td = doc.create_element("td")?;
            td.set_text_content(Some(&text));
            tr.append_child(&td)?;
        }
        body.append_child(&tr)?;
    }
    Ok(())
}

/// One row of the edge table; it carries the edge's midpoint (CSS px) so a
/// pointer (or a test) can find the edge on the canvas.
fn edge_row(
    page: &NetworkView,
    sizes: &[usize],
    edge: EdgeRef,
    (weight, grad): (f64, Option<f64>),
    lang: Lang,
) -> Result<Element, JsValue> {
    let doc = document()?;
    let tr = doc.create_element("tr")?;
    tr.set_attribute(
        "data-edge",
        &format!("{}-{}-{}", edge.layer, edge.from, edge.to),
    )?;
    if let Some((x, y)) = edge_midpoint(page, edge) {
        tr.set_attribute("data-x", &format!("{x:.1}"))?;
        tr.set_attribute("data-y", &format!("{y:.1}"))?;
    }
    let from = node_name(
        sizes,
        NodeRef {
            layer: edge.layer - 1,
            index: edge.from,
        },
    );
    let to = node_name(
        sizes,
        NodeRef {
            layer: edge.layer,
            index: edge.to,
        },
    );
    let grad = grad
        .map(|g| fmt_sig(g, LONG))
        .unwrap_or_else(|| t(lang, "page.table.none").into());
    for text in [format!("{from} → {to}"), fmt_sig(weight, LONG), grad] {
        let td = doc.create_element("td")?;
        td.set_text_content(Some(&text));
        tr.append_child(&td)?;
    }
    Ok(tr)
}

/// The midpoint of an edge in CSS pixels of the network canvas.
pub fn edge_midpoint(page: &NetworkView, edge: EdgeRef) -> Option<(f64, f64)> {
    let layout = page.layout.as_ref()?;
    let a = layout.node_center(NodeRef {
        layer: edge.layer - 1,
        index: edge.from,
    })?;
    let b = layout.node_center(NodeRef {
        layer: edge.layer,
        index: edge.to,
    })?;
    let s = page.net.scale;
    Some(((a.0 + b.0) / 2.0 / s, (a.1 + b.1) / 2.0 / s))
}

/// Shows the tooltip for what the pointer is over, with the live numbers.
pub fn update_tooltip(
    page: &NetworkView,
    snap: &NetworkSnapshot,
    lang: Lang,
) -> Result<(), JsValue> {
    let (lines, x, y) = match page.hover {
        Some(Hover::Edge(edge, x, y)) => (edge_tooltip(snap, edge, lang), x, y),
        Some(Hover::Node(node, x, y)) => (node_tooltip(snap, node, lang), x, y),
        None => {
            set_hidden("tooltip", true);
            return Ok(());
        }
    };
    set_lines("tooltip-lines", "p", &lines)?;
    let tip = by_id::<web_sys::HtmlElement>("tooltip")?;
    set_hidden("tooltip", false);
    // Below and right of the pointer, pulled left where it would leave the canvas.
    let width = page.net.canvas.client_width() as f64;
    // Measured at the left edge, where the canvas does not squeeze it.
    tip.set_attribute("style", &format!("left:0px;top:{:.0}px", y + 16.0))?;
    let tip_width = tip.offset_width() as f64;
    let left = (x + 14.0).min(width - tip_width - 4.0).max(0.0);
    tip.set_attribute("style", &format!("left:{left:.0}px;top:{:.0}px", y + 16.0))?;
    Ok(())
}
