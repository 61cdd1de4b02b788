//! The data plot: the plane [−6, 6]² with the output's decision boundary as a heat
//! map on the Playground's orange–blue diverging scale (−1 orange, 0 grey, +1
//! blue), the training points on top (test points with a dark ring, on request),
//! and the ticks. The heat map itself is RGBA for `ImageData` ([`score_rgba`]);
//! the web layer blits it under what [`draw_points`] draws. [`DataPlot`] maps
//! between the plane and the canvas both ways, so a click becomes a point.

use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::Circle;
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::HPos;
use plotters::style::{Color, RGBColor};

use crate::engine::data::Example;
use crate::view::network::text::{draw_text, px, Ink};
use crate::view::network::DrawResult;
use crate::view::palette;

/// The plane's half-width: points live in [−EXTENT, EXTENT]².
pub const EXTENT: f64 = 6.0;

/// The Playground's scale ends and middle: −1, 0, +1.
const ORANGE: (f64, f64, f64) = (245.0, 147.0, 34.0);
const GREY: (f64, f64, f64) = (232.0, 234.0, 235.0);
const BLUE: (f64, f64, f64) = (8.0, 119.0, 189.0);

/// Steps of the scale's table per unit of v: v is read to the nearest 1/512, which moves
/// a channel by at most 224/1024 < ¼ of a level before rounding.
const STEPS: f64 = 512.0;

/// The colour of an output `v` on the diverging scale (clamped to [−1, 1]; NaN grey),
/// from a table of the scale at every 1/512 (exact at the ends, 0 and ±½): the maps
/// colour some 100 000 points a frame.
pub fn score_rgb(v: f64) -> [u8; 3] {
    let [r, g, b, _] = table_rgba(scale_rgba(), v);
    [r, g, b]
}

/// The scale, opaque, at every 1/[`STEPS`]: entry k is the colour of v = k/STEPS − 1.
pub fn scale_rgba() -> &'static [[u8; 4]] {
    static TABLE: OnceLock<Vec<[u8; 4]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..=2 * STEPS as usize)
            .map(|k| {
                let [r, g, b] = mix_rgb(k as f64 / STEPS - 1.0);
                [r, g, b, 255]
            })
            .collect()
    })
}

/// The entry of `v` (clamped to [−1, 1]; NaN: the middle, grey) in `table`, one of
/// [`scale_rgba`] and the lightened scale: a painter fetches its table once.
pub fn table_rgba(table: &[[u8; 4]], v: f64) -> [u8; 4] {
    table.get(table_index(v)).copied().unwrap_or(GREY_RGBA)
}

/// The table entry of `v` (clamped to [−1, 1], NaN as 0): (v + 1)·STEPS rounded half
/// up, which is what `f64::round` does for these non-negative numbers; `floor` is one
/// wasm instruction where `round` is a library call, four times a pixel.
fn table_index(v: f64) -> usize {
    let v = if v.is_nan() { 0.0 } else { v.clamp(-1.0, 1.0) };
    let x = (v + 1.0) * STEPS;
    let down = x.floor();
    (if x - down >= 0.5 { down + 1.0 } else { down }) as usize
}

/// The scale's grey as opaque RGBA bytes.
const GREY_RGBA: [u8; 4] = [232, 234, 235, 255];

/// The scale at `v` ∈ [−1, 1]: grey mixed linearly towards orange (v < 0) or blue.
fn mix_rgb(v: f64) -> [u8; 3] {
    let (end, t) = if v < 0.0 { (ORANGE, -v) } else { (BLUE, v) };
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    [mix(GREY.0, end.0), mix(GREY.1, end.1), mix(GREY.2, end.2)]
}

/// How far the heat map is mixed towards white, so the points (full colour) stand out.
pub const HEAT_LIGHTEN: f64 = 0.3;

/// RGBA of a grid of outputs (row 0 at the top, as `Trainer::predict_grid` lays it out),
/// on the scale lightened by [`HEAT_LIGHTEN`].
pub fn score_rgba(score: &[f64]) -> Vec<u8> {
    // The lightened scale, made once from the scale's table.
    static LIGHT: OnceLock<Vec<[u8; 4]>> = OnceLock::new();
    let light = LIGHT.get_or_init(|| {
        let light = |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * HEAT_LIGHTEN).round() as u8;
        let rgba = |&[r, g, b, a]: &[u8; 4]| [light(r), light(g), light(b), a];
        scale_rgba().iter().map(rgba).collect()
    });
    let mut rgba = vec![0; score.len() * 4];
    for (px, &v) in rgba.chunks_exact_mut(4).zip(score) {
        px.copy_from_slice(&table_rgba(light, v));
    }
    rgba
}

/// Where the plane sits on the canvas: a square of `side` backing px at (`left`, `top`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DataPlot {
    /// Left edge of the square (backing px).
    pub left: f64,
    /// Top edge of the square (backing px).
    pub top: f64,
    /// Side of the square (backing px).
    pub side: f64,
}

impl DataPlot {
    /// The largest square that fits a `w × h` canvas beside room for the ticks.
    pub fn fit(w: f64, h: f64, scale: f64) -> DataPlot {
        let (left, bottom, pad) = (26.0 * scale, 20.0 * scale, 6.0 * scale);
        let side = (w - left - pad).min(h - bottom - pad).max(10.0);
        DataPlot {
            left,
            top: pad,
            side,
        }
    }

    /// The canvas point of the plane's point `x`.
    pub fn to_px(&self, x: [f64; 2]) -> (f64, f64) {
        let u = (x[0] + EXTENT) / (2.0 * EXTENT);
        let v = (EXTENT - x[1]) / (2.0 * EXTENT);
        (self.left + u * self.side, self.top + v * self.side)
    }

    /// The canvas point of `x` if `x` lies in the plane [−EXTENT, EXTENT]² (a loaded
    /// point may lie outside it).
    pub fn to_px_in_plane(&self, x: [f64; 2]) -> Option<(f64, f64)> {
        let inside = |v: f64| v.is_finite() && v.abs() <= EXTENT;
        (inside(x[0]) && inside(x[1])).then(|| self.to_px(x))
    }

    /// The plane's point under the canvas point (bx, by), if inside the square.
    pub fn to_data(&self, bx: f64, by: f64) -> Option<[f64; 2]> {
        let u = (bx - self.left) / self.side;
        let v = (by - self.top) / self.side;
        ((0.0..=1.0).contains(&u) && (0.0..=1.0).contains(&v))
            .then(|| [-EXTENT + u * 2.0 * EXTENT, EXTENT - v * 2.0 * EXTENT])
    }

    /// Plane units per backing pixel (a click's reach when removing a point).
    pub fn units_per_px(&self) -> f64 {
        2.0 * EXTENT / self.side
    }
}

/// Draws the points (training filled with a white ring; test, if `test` is given,
/// with a dark ring) and the ticks, over the heat map already on the canvas.
pub fn draw_points<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &DataPlot,
    train: &[Example],
    test: Option<&[Example]>,
    scale: f64,
) -> DrawResult<DB> {
    let r = (3.0 * scale).round().max(2.0) as i32;
    let ring = (scale.round() as u32).max(1);
    let dot = |e: &Example, edge: RGBColor| {
        let [cr, cg, cb] = score_rgb(e.label);
        let at = px(plot.to_px(e.x));
        [
            Circle::new(at, r, RGBColor(cr, cg, cb).filled()),
            Circle::new(at, r, edge.stroke_width(ring)),
        ]
    };
    for e in train {
        for c in dot(e, palette::BACKGROUND) {
            area.draw(&c)?;
        }
    }
    for e in test.unwrap_or(&[]) {
        for c in dot(e, palette::INK) {
            area.draw(&c)?;
        }
    }
    draw_ticks(area, plot, scale)
}

fn draw_ticks<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &DataPlot,
    scale: f64,
) -> DrawResult<DB> {
    let ink = Ink::new(11.0 * scale, palette::MUTED);
    for t in [-6.0, -3.0, 0.0, 3.0, 6.0_f64] {
        let label = format!("{t}");
        let (x, _) = plot.to_px([t, 0.0]);
        let below = plot.top + plot.side + 10.0 * scale;
        draw_text(area, &label, (x, below), ink)?;
        let (_, y) = plot.to_px([0.0, t]);
        let ink = ink.anchored(HPos::Right);
        draw_text(area, &label, (plot.left - 4.0 * scale, y), ink)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_the_scale_within_a_level() {
        // Every 1/1000 of v: the table's colour and the scale's own differ by ≤ 1 per channel.
        for i in -1000..=1000 {
            let v = f64::from(i) / 1000.0;
            let (got, want) = (score_rgb(v), mix_rgb(v));
            assert!(
                got.iter().zip(want).all(|(&a, b)| a.abs_diff(b) <= 1),
                "{v}: {got:?} vs {want:?}"
            );
        }
        assert_eq!(GREY_RGBA[..3], mix_rgb(0.0));
    }

    #[test]
    fn the_index_rounds_as_round_does() {
        // Halves of a step (v = k/1024 − 1) and points between them, against f64::round.
        for i in -2048..=2048 {
            for v in [f64::from(i) / 2048.0, f64::from(i) / 2048.0 + 1e-4] {
                let want = ((v.clamp(-1.0, 1.0) + 1.0) * STEPS).round() as usize;
                assert_eq!(table_index(v), want, "{v}");
            }
        }
        assert_eq!(table_index(f64::NAN), 512);
        assert_eq!((table_index(-7.0), table_index(7.0)), (0, 1024));
    }

    #[test]
    fn the_scale_runs_orange_grey_blue() {
        assert_eq!(score_rgb(-1.0), [245, 147, 34]);
        assert_eq!(score_rgb(0.0), [232, 234, 235]);
        assert_eq!(score_rgb(1.0), [8, 119, 189]);
        assert_eq!(score_rgb(5.0), score_rgb(1.0));
        // Halfway to blue: (232 + 8)/2 = 120, (234 + 119)/2 = 176.5 → 177, (235 + 189)/2 = 212.
        assert_eq!(score_rgb(0.5), [120, 177, 212]);
        // The map is 30 % towards white: NaN → 232 + 0.3·23 = 238.9 → 239; 8 + 0.3·247 = 82.1 → 82.
        assert_eq!(
            score_rgba(&[f64::NAN, 1.0]),
            vec![239, 240, 241, 255, 82, 160, 209, 255]
        );
    }

    #[test]
    fn clicks_map_back_to_the_plane() {
        let plot = DataPlot::fit(400.0, 400.0, 1.0);
        for x in [[-6.0, 6.0], [0.0, 0.0], [2.5, -4.0]] {
            let (bx, by) = plot.to_px(x);
            let back = plot.to_data(bx, by).unwrap_or([f64::NAN; 2]);
            assert!((back[0] - x[0]).abs() < 1e-9 && (back[1] - x[1]).abs() < 1e-9);
        }
        assert_eq!(plot.to_data(0.0, 0.0), None);
    }
}
