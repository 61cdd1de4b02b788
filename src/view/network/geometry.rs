//! Plane geometry for the network diagram: boxes, distances, a text-width
//! estimate, and where each edge's number label goes so that labels overlap
//! neither each other, nor neurons, nor (when avoidable) other edges.

use crate::view::network::layout::NetworkLayout;
use crate::view::network::EdgeRef;

/// Fractions along an edge (0 = source, 1 = target) tried for its label, best first:
/// the middle, then near the source (which reads as "this neuron's weight"), then near
/// the target, then in between.
const FRACTIONS: [f64; 7] = [0.5, 0.35, 0.65, 0.42, 0.58, 0.25, 0.75];

/// An edge with the centres of its two neurons.
pub(crate) type Segment = (EdgeRef, (f64, f64), (f64, f64));

/// An axis-aligned box in backing pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// The box between two corners.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    /// The `w × h` box centred on `(cx, cy)`.
    pub fn centered((cx, cy): (f64, f64), w: f64, h: f64) -> Rect {
        Rect::new(cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0)
    }

    /// True if the two boxes share any area.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// True if the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
    pub fn crosses(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
        let sides = [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ];
        for (p, q) in sides {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else if p < 0.0 {
                lo = lo.max(q / p);
            } else {
                hi = hi.min(q / p);
            }
        }
        lo <= hi
    }
}

/// Estimated width of `text` at font size `size` in a sans-serif face. Our own
/// estimate (not the backend's) so the native SVG and the browser canvas get the
/// same layout, and the browser is not asked to lay out text on every frame.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            '.' | ',' | ':' | ';' | '(' | ')' | ' ' | '|' | 'i' | 'l' | '-' => 0.38,
            // Digits are 0.56 em in Arial, 0.64 em in DejaVu Sans: plan for the wider.
            c if c.is_ascii() => 0.64,
            // CJK ideographs and full-width punctuation are one em wide.
            '\u{2E80}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}' => 1.0,
            _ => 0.64,
        })
        .sum();
    em * size
}

/// Distance from point `p` to the segment from `a` to `b`.
pub(crate) fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

/// The point at fraction `t` from `a` to `b`.
pub(crate) fn lerp(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

/// Centres `[l − 1][i][j]` of `w × h` labels for every edge, chosen greedily edge by edge: the
/// first of [`FRACTIONS`] with the lowest cost (overlaps are heavy, crossing another
/// edge is light, straying from the middle is a tie-break). A layer whose labels
/// cannot all be placed without overlaps gets none (its numbers stay in the tooltip).
pub(crate) fn place_labels(layout: &NetworkLayout, size: (f64, f64)) -> Vec<Vec<Vec<(f64, f64)>>> {
    let segments: Vec<Segment> = layout
        .edges()
        .filter_map(|e| layout.edge_ends(e).map(|(a, b)| (e, a, b)))
        .collect();
    let mut placed: Vec<Rect> = layout
        .nodes()
        .filter_map(|n| layout.node_center(n).map(|c| layout.node_box(c)))
        .collect();
    (1..layout.sizes().len())
        .map(|l| place_layer(layout, l, size, &segments, &mut placed).unwrap_or_default())
        .collect()
}

/// Places the labels of layer `l`'s edges among the `placed` boxes (neurons and
/// earlier labels), adding its own; `None` (and nothing added) if any would overlap.
fn place_layer(
    layout: &NetworkLayout,
    l: usize,
    (w, h): (f64, f64),
    segments: &[Segment],
    placed: &mut Vec<Rect>,
) -> Option<Vec<Vec<(f64, f64)>>> {
    let (n_in, n_out) = (*layout.sizes().get(l - 1)?, *layout.sizes().get(l)?);
    let mut out = vec![vec![(0.0, 0.0); n_out]; n_in];
    let before = placed.len();
    for &(e, a, b) in segments.iter().filter(|s| s.0.layer == l) {
        let cost = |t: f64| {
            let r = Rect::centered(lerp(a, b, t), w, h);
            let hard = placed.iter().filter(|o| o.overlaps(&r)).count();
            let crossed = segments
                .iter()
                .filter(|s| s.0 != e && r.crosses(s.1, s.2))
                .count();
            1000.0 * hard as f64 + 10.0 * crossed as f64 + 4.0 * (t - 0.5).abs()
        };
        let best = FRACTIONS
            .iter()
            .copied()
            .min_by(|&p, &q| cost(p).total_cmp(&cost(q)))?;
        if cost(best) >= 1000.0 {
            placed.truncate(before);
            return None;
        }
        let centre = lerp(a, b, best);
        placed.push(Rect::centered(centre, w, h));
        *out.get_mut(e.from)?.get_mut(e.to)? = centre;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_and_segments() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(r.crosses((-5.0, 5.0), (15.0, 5.0)));
        assert!(!r.crosses((-5.0, 15.0), (15.0, 15.0)));
        assert!(r.overlaps(&Rect::new(9.0, 9.0, 20.0, 20.0)));
        assert!(!r.overlaps(&Rect::new(11.0, 0.0, 20.0, 10.0)));
        assert!((segment_distance((5.0, 3.0), (0.0, 0.0), (10.0, 0.0)) - 3.0).abs() < 1e-12);
        assert!((segment_distance((13.0, 4.0), (0.0, 0.0), (10.0, 0.0)) - 5.0).abs() < 1e-12);
    }

    #[test]
    fn chinese_is_wider_than_digits() {
        assert!(text_width("输入层", 10.0) > text_width("0.9526", 10.0) * 0.8);
        assert!((text_width("输入层", 10.0) - 30.0).abs() < 1e-9);
    }
}
