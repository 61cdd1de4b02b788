//! The network diagram's layout and hit tests for several shapes and canvases.
#![cfg(not(target_arch = "wasm32"))] // SVG rendering is a native dev feature

mod network_common;
#[allow(unused_imports)]
use network_common::*;

#[test]
fn layout_puts_every_node_inside_in_ordered_columns() {
    for (sizes, (w, h, scale)) in SHAPES.iter().flat_map(|s| CANVASES.map(|c| (*s, c))) {
        let layout = NetworkLayout::new(sizes, w, h, scale);
        assert_eq!(layout.sizes(), sizes);
        let mut last_x = f64::NEG_INFINITY;
        for (l, &n) in sizes.iter().enumerate() {
            let column: Vec<(f64, f64)> = (0..n)
                .filter_map(|j| layout.node_center(node(l, j)))
                .collect();
            assert_eq!(column.len(), n, "{sizes:?}");
            let inside = |&(x, y): &(f64, f64)| x > 0.0 && x < w && y > 0.0 && y < h;
            assert!(column.iter().all(inside), "{sizes:?} {column:?}");
            assert!(
                column.iter().all(|&(x, _)| (x - column[0].0).abs() < 1e-9),
                "one x per column"
            );
            assert!(column.windows(2).all(|p| p[1].1 > p[0].1), "top to bottom");
            assert!(
                column[0].0 > last_x + 20.0 * scale,
                "columns left to right: {sizes:?}"
            );
            last_x = column[0].0;
        }
        assert_eq!(layout.node_center(node(sizes.len(), 0)), None);
        assert_eq!(layout.node_center(node(0, sizes[0])), None);
    }
}

#[test]
fn hit_node_finds_the_neuron_and_beats_edges() {
    for (sizes, (w, h, scale)) in SHAPES.iter().flat_map(|s| CANVASES.map(|c| (*s, c))) {
        let layout = NetworkLayout::new(sizes, w, h, scale);
        for (l, &n) in sizes.iter().enumerate() {
            for j in 0..n {
                let (x, y) = layout.node_center(node(l, j)).expect("node exists");
                assert_eq!(layout.hit_node(x, y), Some(node(l, j)));
                assert_eq!(
                    layout.hit_node(x + 3.0 * scale, y - 2.0 * scale),
                    Some(node(l, j))
                );
                assert_eq!(layout.hit_edge(x, y), None, "nodes take precedence");
            }
        }
        assert_eq!(layout.hit_node(2.0, 2.0), None);
        assert_eq!(layout.hit_edge(2.0, 2.0), None);
        assert_eq!(layout.hit_edge(w - 2.0, h / 2.0), None);
    }
}

#[test]
fn hit_edge_finds_the_edge_under_the_pointer() {
    let mut checked = 0;
    for (sizes, (w, h, scale)) in SHAPES.iter().flat_map(|s| CANVASES.map(|c| (*s, c))) {
        let layout = NetworkLayout::new(sizes, w, h, scale);
        let all = segments(&layout);
        let mut found = 0;
        for &(e, a, b) in &all {
            // A point on the edge clear of nodes and of every other edge (dense layers cross a lot).
            let on_edge = |t: f64| (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
            let clear = |&p: &(f64, f64)| {
                let near_node = [0.0, 3.0]
                    .iter()
                    .any(|dy| layout.hit_node(p.0, p.1 + dy * scale).is_some());
                !near_node
                    && all
                        .iter()
                        .all(|&(o, c, d)| o == e || distance(p, c, d) > 10.0 * scale)
            };
            let Some(p) = (2..=8).map(|k| on_edge(k as f64 / 10.0)).find(clear) else {
                continue;
            };
            assert_eq!(
                layout.hit_edge(p.0, p.1),
                Some(e),
                "{sizes:?} {e:?} on {w}×{h}"
            );
            assert_eq!(
                layout.hit_edge(p.0, p.1 + 3.0 * scale),
                Some(e),
                "within tolerance"
            );
            found += 1;
        }
        assert!(
            all.len() > 24 || found == all.len(),
            "{sizes:?}: only {found} edges checked"
        );
        checked += found;
    }
    assert!(checked > 150, "edges with a clear stretch: {checked}");
}

#[test]
fn hit_edge_at_a_straight_edges_midpoint() {
    let layout = NetworkLayout::new(&[2, 2, 1], 760.0, 420.0, 1.0);
    let (a, b) = (
        layout.node_center(node(0, 0)),
        layout.node_center(node(1, 0)),
    );
    let (a, b) = (a.expect("x₁"), b.expect("h₁"));
    let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    assert_eq!(
        layout.hit_edge(mid.0, mid.1),
        Some(edge(1, 0, 0)),
        "a straight edge's midpoint"
    );
    assert_eq!(
        layout.hit_edge(mid.0, mid.1 + 30.0),
        None,
        "30 px is beyond the tolerance"
    );
}
