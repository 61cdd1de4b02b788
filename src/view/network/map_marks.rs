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
use crate::view::network::boundary::DataPlot;
use crate::view::network::layout::NetworkLayout;
use crate::view::network::text::{draw_tag, px, stroke, Ink};
use crate::view::network::values;
use crate::view::network::{DrawResult, MapStyle, NodeRef};
use crate::view::number::fmt_sig;
use crate::view::palette;

/// Below this radius (CSS px) a map is too small to carry its value's tag; the
/// tooltip still gives the value.
const TAG_RADIUS: f64 = 15.0;

/// The square inside neuron `node`'s frame, where its map goes: the plane fills it as
/// it fills the data plot (the frame's half-side is the layout's radius; its 2-px
/// line keeps the outer pixel).
pub fn map_square(layout: &NetworkLayout, node: NodeRef) -> Option<DataPlot> {
    let (cx, cy) = layout.node_center(node)?;
    let half = (layout.radius() - layout.scale()).max(1.0);
    Some(DataPlot {
        left: cx - half,
        top: cy - half,
        side: 2.0 * half,
    })
}

/// The chosen example's mark at `at` (backing px): a white dot of radius `dot` ringed
/// in ink, `s` the device pixel ratio.
pub fn draw_chosen<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    at: (f64, f64),
    dot: f64,
    s: f64,
) -> DrawResult<DB> {
    area.draw(&Circle::new(px(at), dot, palette::BACKGROUND.filled()))?;
    area.draw(&Circle::new(px(at), dot, stroke(palette::INK, s)))
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
        if let Some(at) = maps.chosen.and_then(|p| square.to_px_in_plane(p)) {
            draw_chosen(area, at, (0.12 * r).clamp(2.0 * s, 4.0 * s), s)?;
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
                square.left + square.side / 2.0,
                square.top + square.side - 0.8 * size,
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
        let sq = DataPlot {
            left: 10.0,
            top: 20.0,
            side: 48.0,
        };
        // 4 px per plane unit: the centre (0, 0) is the square's centre, (−6, 6) its
        // top-left corner, (3, −1.5) is 36 px right of the left edge, 30 px below the top.
        assert_eq!(sq.to_px_in_plane([0.0, 0.0]), Some((34.0, 44.0)));
        assert_eq!(sq.to_px_in_plane([-6.0, 6.0]), Some((10.0, 20.0)));
        assert_eq!(sq.to_px_in_plane([3.0, -1.5]), Some((46.0, 50.0)));
        assert_eq!(sq.to_px_in_plane([6.5, 0.0]), None);
        assert_eq!(sq.to_px_in_plane([f64::NAN, 0.0]), None);
    }
}
