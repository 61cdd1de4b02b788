//! The graph diagram's layout, checked geometrically for the tutorial, the three
//! typed examples and the two network presets on a laptop and a phone canvas:
//! boxes never overlap, edges cross neither each other nor other boxes, number
//! tags sit clear of boxes and of each other, inputs stand left of their users
//! and J on the right; the canvas scrolls rather than shrink below readability.

use backprop_lab::app::graph::GraphPreset;
use backprop_lab::engine::graph::GraphSnapshot;
use backprop_lab::view::graph::{GraphLayout, GraphPlan, MIN_ZOOM};

type Point = (f64, f64);

/// Available width (CSS px) and device pixel ratio: a laptop, a phone, a sharp phone.
const SCREENS: [(f64, f64); 4] = [(1240.0, 1.0), (1240.0, 2.0), (358.0, 1.0), (358.0, 3.0)];

fn snapshot(p: GraphPreset) -> GraphSnapshot {
    let mut s = p.session().expect("every preset builds");
    s.backward_all();
    s.snapshot()
}

fn layout(snap: &GraphSnapshot, (available, scale): (f64, f64)) -> (GraphPlan, GraphLayout) {
    let plan = GraphPlan::new(snap);
    let (w, h) = plan.css_size(available);
    let layout = GraphLayout::new(&plan, w * scale, h * scale, scale);
    (plan, layout)
}

fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Sign of the turn a → b → c.
fn turn(a: Point, b: Point, c: Point) -> f64 {
    ((b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)).signum()
}

/// True if the segments cross at a point inside both (touching ends do not count).
fn cross(p: (Point, Point), q: (Point, Point)) -> bool {
    turn(p.0, p.1, q.0) * turn(p.0, p.1, q.1) < 0.0
        && turn(q.0, q.1, p.0) * turn(q.0, q.1, p.1) < 0.0
}

/// True if the segment enters the box's interior (sampled finely; boxes are ≥ 40 px).
fn enters(s: (Point, Point), b: [f64; 4]) -> bool {
    (0..=200).any(|i| {
        let t = f64::from(i) / 200.0;
        let (x, y) = (
            s.0 .0 + (s.1 .0 - s.0 .0) * t,
            s.0 .1 + (s.1 .1 - s.0 .1) * t,
        );
        x > b[0] + 0.5 && x < b[2] - 0.5 && y > b[1] + 0.5 && y < b[3] - 0.5
    })
}

fn segments(layout: &GraphLayout, k: usize) -> Vec<(Point, Point)> {
    let path = layout.edge_path(k).expect("every edge has a path");
    path.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Every pair of crossing segments of different edges.
fn crossings(snap: &GraphSnapshot, layout: &GraphLayout) -> usize {
    let all: Vec<(usize, (Point, Point))> = (0..snap.edges.len())
        .flat_map(|k| segments(layout, k).into_iter().map(move |s| (k, s)))
        .collect();
    let mut count = 0;
    for (i, (k, s)) in all.iter().enumerate() {
        count += all[i + 1..]
            .iter()
            .filter(|(j, t)| j != k && cross(*s, *t))
            .count();
    }
    count
}

fn check_boxes_and_edges(name: &str, snap: &GraphSnapshot, layout: &GraphLayout) {
    let boxes: Vec<[f64; 4]> = (0..snap.nodes.len())
        .map(|i| layout.node_box(i).expect("every node has a box"))
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        for (j, b) in boxes.iter().enumerate().skip(i + 1) {
            assert!(!overlap(*a, *b), "{name}: boxes {i} and {j} overlap");
        }
    }
    for (k, e) in snap.edges.iter().enumerate() {
        let (from, to) = (boxes[e.from], boxes[e.to]);
        assert!(
            from[2] < to[0],
            "{name}: edge {k} does not run left to right"
        );
        for s in segments(layout, k) {
            for (i, b) in boxes.iter().enumerate() {
                assert!(!enters(s, *b), "{name}: edge {k} runs through box {i}");
            }
        }
    }
    let root = boxes.last().expect("a root");
    assert!(
        boxes.iter().all(|b| b[2] <= root[2]),
        "{name}: J is the rightmost node"
    );
    for (i, b) in boxes.iter().enumerate() {
        let centre = ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
        assert_eq!(
            layout.hit_node(centre.0, centre.1),
            Some(i),
            "{name}: hit {i}"
        );
    }
    assert_eq!(layout.hit_node(-50.0, -50.0), None);
}

/// Tags: clear of every box and of each other; returns how many edges have one.
fn check_tags(name: &str, snap: &GraphSnapshot, layout: &GraphLayout) -> usize {
    let tags: Vec<[f64; 4]> = (0..snap.edges.len())
        .filter_map(|k| layout.label_box(k))
        .collect();
    for (i, t) in tags.iter().enumerate() {
        for n in 0..snap.nodes.len() {
            let b = layout.node_box(n).expect("box");
            assert!(!overlap(*t, b), "{name}: tag {i} covers node {n}");
        }
        for (j, u) in tags.iter().enumerate().skip(i + 1) {
            assert!(!overlap(*t, *u), "{name}: tags {i} and {j} overlap");
        }
    }
    tags.len()
}

#[test]
fn the_tutorial_and_the_examples_have_no_crossings_no_overlaps_and_every_tag() {
    let presets = [
        GraphPreset::Tutorial,
        GraphPreset::Sigmoid,
        GraphPreset::TanhLoss,
        GraphPreset::LogLoss,
        GraphPreset::Neuron,
    ];
    for p in presets {
        let snap = snapshot(p);
        for screen in SCREENS {
            let name = format!("{p:?} at {screen:?}");
            let (plan, layout) = layout(&snap, screen);
            assert_eq!(plan.crossings(), 0, "{name}");
            assert_eq!(crossings(&snap, &layout), 0, "{name}: edges cross");
            check_boxes_and_edges(&name, &snap, &layout);
            assert_eq!(
                check_tags(&name, &snap, &layout),
                snap.edges.len(),
                "{name}: a tag is missing"
            );
        }
    }
}

#[test]
fn the_whole_network_has_no_overlaps_and_only_its_unavoidable_crossings() {
    // x1 and x2 each feed both hidden neurons and the hidden neurons' sums meet
    // again in ŷ: like K₂,₂ drawn between columns, some crossing is unavoidable.
    // The sweeps keep it to the few segments between the inputs and the products.
    let snap = snapshot(GraphPreset::Network);
    for screen in SCREENS {
        let name = format!("network at {screen:?}");
        let (plan, layout) = layout(&snap, screen);
        assert!(
            plan.crossings() <= 4,
            "{name}: {} crossings",
            plan.crossings()
        );
        assert_eq!(crossings(&snap, &layout), plan.crossings(), "{name}");
        check_boxes_and_edges(&name, &snap, &layout);
        let tags = check_tags(&name, &snap, &layout);
        assert!(
            tags * 10 >= snap.edges.len() * 9,
            "{name}: only {tags} tags"
        );
    }
}

#[test]
fn small_screens_scroll_instead_of_shrinking_below_readability() {
    let tutorial = GraphPlan::new(&snapshot(GraphPreset::Tutorial));
    let (w, h) = tutorial.css_size(1240.0);
    assert_eq!(w, 1240.0, "the tutorial fits a laptop without scrolling");
    assert!((200.0..500.0).contains(&h), "height {h}");
    let network = GraphPlan::new(&snapshot(GraphPreset::Network));
    for available in [358.0, 1240.0] {
        let (w, h) = network.css_size(available);
        assert!(w >= available);
        let layout = GraphLayout::new(&network, w, h, 1.0);
        assert!(layout.unit() >= MIN_ZOOM - 1e-12, "zoom {}", layout.unit());
        assert_eq!(layout.size(), (w, h));
    }
    // A nonsense width or scale falls back to sane values; a tiny canvas does not panic.
    let (w, _) = tutorial.css_size(f64::NAN);
    assert!(w.is_finite() && w > 0.0);
    let tiny = GraphLayout::new(&tutorial, 1.0, 1.0, f64::NAN);
    assert!(tiny.unit() > 0.0);
}

#[test]
fn layouts_depend_only_on_shape_and_canvas() {
    let mut session = GraphPreset::Tutorial.session().expect("builds");
    let ready = session.snapshot();
    session.backward_all();
    let done = session.snapshot();
    let plan = GraphPlan::new(&ready);
    assert!(plan.fits(&done), "stepping keeps the shape");
    assert_eq!(plan, GraphPlan::new(&done));
    assert!(!plan.fits(&snapshot(GraphPreset::Sigmoid)));
    let a = GraphLayout::new(&plan, 800.0, 300.0, 1.0);
    assert_eq!(a, GraphLayout::new(&plan, 800.0, 300.0, 1.0));
}

#[test]
fn a_variable_used_twice_by_one_operation_gets_two_separate_edges() {
    let mut s = backprop_lab::engine::graph::GraphSession::new("x*x + x", &[("x".into(), 3.0)])
        .expect("builds");
    s.backward_all();
    let snap = s.snapshot();
    for screen in SCREENS {
        let (_, layout) = layout(&snap, screen);
        let name = format!("x*x + x at {screen:?}");
        assert_eq!(crossings(&snap, &layout), 0, "{name}");
        check_boxes_and_edges(&name, &snap, &layout);
        let starts: Vec<Point> = (0..snap.edges.len())
            .filter_map(|k| layout.edge_path(k).and_then(|p| p.first().copied()))
            .collect();
        for (i, a) in starts.iter().enumerate() {
            assert!(
                starts[i + 1..].iter().all(|b| a != b),
                "{name}: two edges share a port"
            );
        }
        assert_eq!(
            check_tags(&name, &snap, &layout),
            snap.edges.len(),
            "{name}"
        );
    }
}

#[test]
fn a_graph_near_the_limits_lays_out_quickly_without_overlaps() {
    // 16 variables, many operations, a variable used at several depths.
    let text = "sigmoid(a*b + c*d) * tanh(e*f - g*h) + exp(-(i*j + k*l)) / (1 + m*n*o*p) \
                + log(1 + p*p) * a - relu(b*c - d) + (e + f*g)^2 / 2 + h*i*j*k";
    let names = "abcdefghijklmnop";
    let values: Vec<(String, f64)> = names.chars().map(|c| (c.to_string(), 0.5)).collect();
    let mut s = backprop_lab::engine::graph::GraphSession::new(text, &values).expect("builds");
    s.backward_all();
    let snap = s.snapshot();
    assert!(snap.nodes.len() > 50, "{} nodes", snap.nodes.len());
    let start = std::time::Instant::now();
    for screen in SCREENS {
        let (_, layout) = layout(&snap, screen);
        check_boxes_and_edges(&format!("big at {screen:?}"), &snap, &layout);
        check_tags("big", &snap, &layout);
    }
    let elapsed = start.elapsed().as_secs_f64();
    assert!(elapsed < 5.0, "four layouts took {elapsed} s");
}
