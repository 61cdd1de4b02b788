//! The path of every edge of the graph diagram: out of a port on the right side
//! of its input's box, level across each column it passes, into a port on the
//! left side of its user's box. Ports are spread in the order of the other ends'
//! heights, so edges sharing a box never cross at it.

use crate::view::graph::layout::{BOX_H, BOX_W};
use crate::view::graph::order::Arrangement;

/// Every edge's polyline: out of a port on its source's right side, level across
/// each column it passes (left side to right side of the waypoint's slot), into a
/// port on its target's left side. Ports are spread over the side in the order of
/// the other ends' heights, so edges sharing a box do not cross at it.
pub(crate) fn edge_paths(
    a: &Arrangement,
    centre: &dyn Fn(usize) -> (f64, f64),
    unit: f64,
) -> Vec<Vec<(f64, f64)>> {
    let half = BOX_W / 2.0 * unit;
    let outs = port_offsets(a, unit, false);
    let ins = port_offsets(a, unit, true);
    a.routes
        .iter()
        .enumerate()
        .map(|(k, route)| {
            let mut points = Vec::with_capacity(2 * route.len());
            for (i, &v) in route.iter().enumerate() {
                let (x, y) = centre(v);
                if i == 0 {
                    points.push((x + half, y + outs[k]));
                } else if i + 1 == route.len() {
                    points.push((x - half, y + ins[k]));
                } else {
                    points.push((x - half, y));
                    points.push((x + half, y));
                }
            }
            points
        })
        .collect()
}

/// Vertical offset of each edge's port at its target (`into`) or its source: the
/// edges meeting a node are ranked by the height of their neighbouring vertex
/// (then by edge order) and spread evenly over up to 70 % of the box's side.
fn port_offsets(a: &Arrangement, unit: f64, into: bool) -> Vec<f64> {
    let mut offsets = vec![0.0; a.routes.len()];
    for edges in edges_by_node(a, into) {
        let n = edges.len();
        let spacing = if n > 1 {
            (0.7 * BOX_H / (n - 1) as f64).min(16.0)
        } else {
            0.0
        };
        for (i, k) in edges.into_iter().enumerate() {
            offsets[k] = (i as f64 - (n as f64 - 1.0) / 2.0) * spacing * unit;
        }
    }
    offsets
}

/// The edges ending (`into`) or starting at each node, each group sorted by the
/// height of the vertex next to that node along the edge, then by edge order.
fn edges_by_node(a: &Arrangement, into: bool) -> Vec<Vec<usize>> {
    let ends = |r: &Vec<usize>| -> Option<(usize, usize)> {
        let n = r.len();
        match into {
            true => Some((*r.last()?, *r.get(n.checked_sub(2)?)?)),
            false => Some((*r.first()?, *r.get(1)?)),
        }
    };
    let mut groups: Vec<(usize, Vec<(f64, usize)>)> = Vec::new();
    for (k, r) in a.routes.iter().enumerate() {
        let Some((node, near)) = ends(r) else {
            continue;
        };
        let entry = (a.vertices[near].y, k);
        match groups.iter_mut().find(|(n, _)| *n == node) {
            Some((_, edges)) => edges.push(entry),
            None => groups.push((node, vec![entry])),
        }
    }
    groups
        .into_iter()
        .map(|(_, mut edges)| {
            edges.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.cmp(&q.1)));
            edges.into_iter().map(|(_, k)| k).collect()
        })
        .collect()
}
