//! SVG renderings of the tutorial's graph at each stage: values appear in the
//! forward colour as forward reaches them, gradients and carried values in the
//! backward colour once backward passes, each edge carries its local derivative,
//! the node just computed is ringed, the selected one haloed; shapes that do not
//! match the layout draw without panicking.
#![cfg(not(target_arch = "wasm32"))] // SVG rendering is a native dev feature

use backprop_lab::engine::graph::{GraphSession, GraphSnapshot};
use backprop_lab::view::graph::{draw_graph, GraphLayout, GraphPlan, GraphStyle};
use plotters::backend::SVGBackend;
use plotters::drawing::IntoDrawingArea;

/// palette::FORWARD, BACKWARD, HOVER, INK as SVG colours.
const FORWARD: &str = "#16A34A";
const BACKWARD: &str = "#C026D3";
const HOVER: &str = "#FACC15";

fn render_with(snap: &GraphSnapshot, plan: &GraphPlan, style: GraphStyle) -> String {
    let (w, h) = plan.css_size(900.0);
    let layout = GraphLayout::new(plan, w, h, 1.0);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (w as u32, h as u32)).into_drawing_area();
        draw_graph(&area, &layout, snap, &style).expect("drawing to a string cannot fail");
        area.present().expect("present");
    }
    svg
}

fn render(snap: &GraphSnapshot, style: GraphStyle) -> String {
    render_with(snap, &GraphPlan::new(snap), style)
}

/// Every text element as (fill colour, content).
fn texts(svg: &str) -> Vec<(String, String)> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>'))
        .map(|(attrs, rest)| {
            let fill = attrs
                .split("fill=\"")
                .nth(1)
                .and_then(|f| f.split('"').next());
            let content = rest.split("</text>").next().unwrap_or_default().trim();
            (fill.unwrap_or_default().to_string(), content.to_string())
        })
        .collect()
}

fn drawn(svg: &str, colour: &str, content: &str) -> bool {
    texts(svg).iter().any(|(f, c)| f == colour && c == content)
}

fn any_text(svg: &str, content: &str) -> bool {
    texts(svg).iter().any(|(_, c)| c == content)
}

#[test]
fn values_appear_as_forward_reaches_them() {
    let mut s = GraphSession::tutorial();
    let ready = render(&s.snapshot(), GraphStyle::default());
    for formula in ["u = b × c", "v = a + u", "J = 3 × v", "a", "b", "c"] {
        assert!(any_text(&ready, formula), "no {formula}");
    }
    assert!(
        drawn(&ready, FORWARD, "= 5"),
        "inputs have values from the start"
    );
    assert!(!any_text(&ready, "= 6") && any_text(&ready, "= ?"));
    s.forward_step();
    let one = render(&s.snapshot(), GraphStyle::default());
    assert!(drawn(&one, FORWARD, "= 6"));
    assert!(!any_text(&one, "= 11"));
    // u's two edges now know their local derivatives ∂u/∂b = c = 2, ∂u/∂c = b = 3.
    assert!(any_text(&one, "2") && any_text(&one, "3"));
    assert!(
        one.contains(&format!("stroke=\"{FORWARD}\"")),
        "u is ringed in green"
    );
    s.forward_all();
    let all = render(&s.snapshot(), GraphStyle::default());
    assert!(drawn(&all, FORWARD, "= 11") && drawn(&all, FORWARD, "= 33"));
    assert!(!all.contains(BACKWARD), "nothing backward yet");
}

#[test]
fn gradients_and_carried_values_appear_as_backward_passes() {
    let mut s = GraphSession::tutorial();
    s.forward_all();
    s.backward_step();
    let root = render(&s.snapshot(), GraphStyle::default());
    assert!(drawn(&root, BACKWARD, "dJ/dJ = 1") && drawn(&root, BACKWARD, "dJ/dv = 3"));
    assert!(drawn(&root, BACKWARD, "← 3") && drawn(&root, BACKWARD, "← 11"));
    assert!(!any_text(&root, "dJ/db = 6"));
    s.backward_all();
    let done = render(&s.snapshot(), GraphStyle::default());
    for text in [
        "dJ/da = 3",
        "dJ/db = 6",
        "dJ/dc = 9",
        "dJ/du = 3",
        "← 6",
        "← 9",
    ] {
        assert!(drawn(&done, BACKWARD, text), "no {text} in magenta");
    }
}

#[test]
fn the_selected_and_hovered_nodes_are_highlighted() {
    let snap = GraphSession::tutorial().snapshot();
    let plain = render(&snap, GraphStyle::default());
    assert!(!plain.contains(HOVER));
    let selected = render(
        &snap,
        GraphStyle {
            selected: Some(4),
            hover: None,
        },
    );
    assert!(selected.contains(&format!("fill=\"{HOVER}\"")));
    let hovered = render(
        &snap,
        GraphStyle {
            selected: None,
            hover: Some(1),
        },
    );
    assert!(!hovered.contains(&format!("fill=\"{HOVER}\"")) && hovered != plain);
}

#[test]
fn a_snapshot_of_another_shape_draws_without_panicking() {
    let small = GraphSession::new("a + 1", &[("a".into(), 2.0)]).expect("builds");
    let mut big = GraphSession::tutorial();
    big.backward_all();
    let plan = GraphPlan::new(&small.snapshot());
    let svg = render_with(
        &big.snapshot(),
        &plan,
        GraphStyle {
            selected: Some(99),
            hover: Some(99),
        },
    );
    assert!(svg.contains("<svg"));
    let svg = render_with(
        &small.snapshot(),
        &GraphPlan::new(&big.snapshot()),
        GraphStyle::default(),
    );
    assert!(svg.contains("<svg"));
}
