//! The diagram's neurons on a data set: where each neuron's heat map goes (the
//! square inside its frame, [`map_square`]) and what is drawn over the maps once
//! the web layer has put them there: the chosen example's point on every map and
//! each neuron's value for that example on a tag at the map's foot.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::Circle;
use plotters::prelude::DrawingBackend;
use plotters::style::Color;

use crate::engine::snapshot::NetworkSnapshot;
use crate::view::network::boundary::EXTENT;
use crate::view::network::layout::NetworkLayout;
use crate::view::network::text::{draw_tag, px, stroke, Ink};
use crate::view::network::values;
use crate::view::network::{DrawResult, MapStyle, NodeRef};
use crate::view::number::fmt_sig;
use crate::view::palette;

/// Below this radius (CSS px) a map is too small to carry its value's tag; the
/// tooltip still gives the value.
const TAG_RADIUS: f64 = 15.0;

/// A map's square in backing px: top-left corner and side. The plane
/// [−EXTENT, EXTENT]² fills it, x₁ to the right, x₂ up (as the data plot).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapSquare {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Side.
    pub side: f64,
}

impl MapSquare {
    /// Where the plane's point `p` falls in the square (None outside the plane).
    pub fn to_px(&self, p: [f64; 2]) -> Option<(f64, f64)> {
        let inside = |v: f64| v.is_finite() && v.abs() <= EXTENT;
        if !(inside(p[0]) && inside(p[1])) {
            return None;
        }
        let unit = self.side / (2.0 * EXTENT);
        Some((
            self.x + (p[0] + EXTENT) * unit,
            self.y + (EXTENT - p[1]) * unit,
        ))
    }
}

/// The square inside neuron `node`'s frame (the frame's half-side is the layout's
/// radius; its 2-px line keeps the outer pixel).
pub fn map_square(layout: &NetworkLayout, node: NodeRef) -> Option<MapSquare> {
    let (cx, cy) = layout.node_center(node)?;
    let half = (layout.radius() - layout.scale()).max(1.0);
    Some(MapSquare {
        x: cx - half,
        y: cy - half,
        side: 2.0 * half,
    })
}

/// Over every map: the chosen example's point (a white dot ringed in ink) and, on
/// maps big enough, the neuron's value for that example once forward reached it.
pub fn draw_map_marks<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &NetworkLayout,
    snap: &NetworkSnapshot,
    maps: &MapStyle,
) -> DrawResult<DB> {
    let (r, s) = (layout.radius(), layout.scale());
    for node in layout.nodes() {
        let Some(square) = map_square(layout, node) else {
            continue;
        };
        if let Some(at) = maps.chosen.and_then(|p| square.to_px(p)) {
            let dot = (0.12 * r).clamp(2.0 * s, 4.0 * s);
            area.draw(&Circle::new(px(at), dot, palette::BACKGROUND.filled()))?;
            area.draw(&Circle::new(px(at), dot, stroke(palette::INK, s)))?;
        }
        let value = values::node_value(snap, node).filter(|v| !v.is_nan());
        if let Some(v) = value.filter(|_| r >= TAG_RADIUS * s) {
            let text = fmt_sig(v, 2);
            let ink = Ink::new(9.5 * s, palette::INK);
            let size = ink
                .size
                .min(ink.size * (2.0 * r - 6.0 * s) / ink.width(&text));
            let ink = Ink { size, ..ink };
            let at = (
                square.x + square.side / 2.0,
                square.y + square.side - 0.8 * size,
            );
            draw_tag(area, &text, at, ink, (palette::signed(v), s))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plane_fills_the_square_x2_up() {
        let sq = MapSquare {
            x: 10.0,
            y: 20.0,
            side: 48.0,
        };
        // 4 px per plane unit: the centre (0, 0) is the square's centre, (−6, 6) its
        // top-left corner, (3, −1.5) is 36 px right of the left edge, 30 px below the top.
        assert_eq!(sq.to_px([0.0, 0.0]), Some((34.0, 44.0)));
        assert_eq!(sq.to_px([-6.0, 6.0]), Some((10.0, 20.0)));
        assert_eq!(sq.to_px([3.0, -1.5]), Some((46.0, 50.0)));
        assert_eq!(sq.to_px([6.5, 0.0]), None);
        assert_eq!(sq.to_px([f64::NAN, 0.0]), None);
    }
}
