//! Helpers shared by the network-diagram tests: shapes and canvases to try,
//! the tutorial's snapshots after n phases, SVG rendering and SVG parsing.
#![allow(dead_code, unused_imports)] // each test file uses a different subset

pub use backprop_lab::engine::activation::Activation;
pub use backprop_lab::engine::loss::LossKind;
pub use backprop_lab::engine::mlp::{Mlp, Preset};
pub use backprop_lab::engine::snapshot::{NetworkSnapshot, Phase};
pub use backprop_lab::engine::trainer::Trainer;
pub use backprop_lab::i18n::Lang;
pub use backprop_lab::view::network::{
    draw_network, edge_tooltip, node_tooltip, EdgeLabel, EdgeRef, NetworkLayout, NetworkStyle,
    NodeRef,
};
use plotters::backend::SVGBackend;
use plotters::drawing::IntoDrawingArea;

pub const SHAPES: [&[usize]; 6] = [
    &[2, 2, 1],
    &[2, 2, 2],
    &[4, 8, 8, 3],
    &[1, 1],
    &[3, 4, 2],
    &[5, 1, 5],
];
pub const CANVASES: [(f64, f64, f64); 3] = [
    (760.0, 420.0, 1.0),
    (1520.0, 840.0, 2.0),
    (500.0, 320.0, 1.0),
];
pub const REGRESSION: Preset = Preset::TutorialRegression;
pub const CLASSIFICATION: Preset = Preset::TutorialClassification;

/// An edge with the centres of its two neurons.
pub type Segment = (EdgeRef, (f64, f64), (f64, f64));

pub fn node(layer: usize, index: usize) -> NodeRef {
    NodeRef { layer, index }
}

pub fn edge(layer: usize, from: usize, to: usize) -> EdgeRef {
    EdgeRef { layer, from, to }
}

pub fn style(lang: Lang, edge_label: EdgeLabel, hover: Option<EdgeRef>) -> NetworkStyle {
    NetworkStyle {
        lang,
        edge_label,
        hover,
        scale: 1.0,
        maps: None,
    }
}

/// The diagram of `snap` on a 760×420 canvas as an SVG string.
pub fn render(snap: &NetworkSnapshot, style: &NetworkStyle) -> String {
    let layout = NetworkLayout::new(&snap.sizes, 760.0, 420.0, style.scale);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (760, 420)).into_drawing_area();
        draw_network(&area, &layout, snap, style).expect("drawing to a string cannot fail");
        area.present().expect("present");
    }
    svg
}

/// The tutorial trainer's snapshot after `phases` calls of `step()`.
pub fn tutorial(preset: Preset, phases: usize) -> NetworkSnapshot {
    let mut trainer = Trainer::from_preset(preset);
    for _ in 0..phases {
        trainer
            .step()
            .expect("the tutorial network does not explode");
    }
    trainer.snapshot()
}

/// The content of every text element of an SVG.
pub fn texts(svg: &str) -> Vec<String> {
    let elements = svg.split("<text").skip(1).filter_map(|t| t.split_once('>'));
    let content = |rest: &str| {
        rest.split("</text>")
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    elements.map(|(_, rest)| content(rest)).collect()
}

/// The attributes part of every `<name …/>` element of an SVG.
pub fn elements<'a>(svg: &'a str, name: &str) -> Vec<&'a str> {
    let tail = svg.split(name).skip(1);
    tail.filter_map(|e| e.split_once("/>").map(|(head, _)| head))
        .collect()
}

/// Attribute `name` of an SVG element, as a number.
pub fn attr(element: &str, name: &str) -> Option<f64> {
    let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
    element[start..].split('"').next()?.parse().ok()
}

/// Every decimal number in a line (`-0.6`, `3.98645`, `1e-5`).
pub fn numbers(line: &str) -> Vec<f64> {
    let keep = |c: char| if "0123456789.-e".contains(c) { c } else { ' ' };
    let cleaned: String = line.chars().map(keep).collect();
    cleaned
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect()
}

/// Numbers after the `k`-th `=` of a line (the live numbers of a formula).
pub fn numbers_after(line: &str, k: usize) -> Vec<f64> {
    numbers(&line.split('=').skip(k).collect::<Vec<_>>().join("="))
}

/// Within the six significant digits tooltips show.
pub fn close(shown: f64, exact: f64) -> bool {
    (shown - exact).abs() <= 5e-6 * exact.abs() + 1e-12
}

/// Every edge of a layout with the centres of its two neurons.
pub fn segments(layout: &NetworkLayout) -> Vec<Segment> {
    let sizes = layout.sizes();
    let mut out = Vec::new();
    for l in 1..sizes.len() {
        for (i, j) in (0..sizes[l - 1]).flat_map(|i| (0..sizes[l]).map(move |j| (i, j))) {
            let a = layout.node_center(node(l - 1, i)).expect("source");
            let b = layout.node_center(node(l, j)).expect("target");
            out.push((edge(l, i, j), a, b));
        }
    }
    out
}

/// Distance from `p` to the segment `a`–`b`.
pub fn distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}
