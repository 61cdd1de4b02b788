//! A 64×64 RGB drawing surface for the demo set: filled shapes with anti-aliased
//! edges (coverage from 4×4 sub-samples per pixel), in pixel coordinates where
//! pixel (row, col) covers [col, col + 1) × [row, row + 1).

use crate::engine::image::{Picture, CHANNELS, SIDE};

/// An RGB colour, 0–255 per channel (as f64 so shades can be mixed).
pub(crate) type Rgb = [f64; 3];

/// Sub-samples per pixel side: 4 × 4 = 16 coverage samples.
const SUB: usize = 4;

/// The drawing surface, H×W×C like [`Picture`].
pub(crate) struct Canvas {
    pixels: Vec<f64>,
}

impl Canvas {
    /// A canvas filled with `colour`.
    pub(crate) fn new(colour: Rgb) -> Canvas {
        Canvas {
            pixels: colour.repeat(SIDE * SIDE),
        }
    }

    /// Sets every pixel from `colour(row, col)` (backgrounds, textures).
    pub(crate) fn paint(&mut self, colour: impl Fn(usize, usize) -> Rgb) {
        for r in 0..SIDE {
            for c in 0..SIDE {
                let at = (r * SIDE + c) * CHANNELS;
                self.pixels[at..at + CHANNELS].copy_from_slice(&colour(r, c));
            }
        }
    }

    /// Blends `colour` over every pixel by the fraction of its sub-samples for which
    /// `inside(x, y)` holds, within the box [x0, x1) × [y0, y1) (clipped to the canvas).
    pub(crate) fn fill(
        &mut self,
        bounds: [f64; 4],
        colour: Rgb,
        inside: impl Fn(f64, f64) -> bool,
    ) {
        let clip = |v: f64| v.clamp(0.0, SIDE as f64) as usize;
        let [x0, y0, x1, y1] = bounds;
        for r in clip(y0.floor())..clip(y1.ceil()) {
            for c in clip(x0.floor())..clip(x1.ceil()) {
                let hits = (0..SUB * SUB)
                    .filter(|s| {
                        let x = c as f64 + (s % SUB) as f64 / SUB as f64 + 0.5 / SUB as f64;
                        let y = r as f64 + (s / SUB) as f64 / SUB as f64 + 0.5 / SUB as f64;
                        inside(x, y)
                    })
                    .count();
                let cover = hits as f64 / (SUB * SUB) as f64;
                let at = (r * SIDE + c) * CHANNELS;
                for (k, p) in self.pixels[at..at + CHANNELS].iter_mut().enumerate() {
                    *p += cover * (colour[k] - *p);
                }
            }
        }
    }

    /// A filled ellipse with centre (cx, cy) and radii (rx, ry).
    pub(crate) fn ellipse(&mut self, centre: (f64, f64), radii: (f64, f64), colour: Rgb) {
        let ((cx, cy), (rx, ry)) = (centre, radii);
        let bounds = [cx - rx, cy - ry, cx + rx, cy + ry];
        self.fill(bounds, colour, |x, y| {
            let (u, v) = ((x - cx) / rx, (y - cy) / ry);
            u * u + v * v <= 1.0
        });
    }

    /// A filled triangle with corners a, b, c (either winding).
    pub(crate) fn triangle(&mut self, a: (f64, f64), b: (f64, f64), c: (f64, f64), colour: Rgb) {
        let xs = [a.0, b.0, c.0];
        let ys = [a.1, b.1, c.1];
        let min = |v: [f64; 3]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let max = |v: [f64; 3]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let bounds = [min(xs), min(ys), max(xs), max(ys)];
        // Signed area of (p, q, r): the point is inside when all three signs agree.
        let side = |p: (f64, f64), q: (f64, f64), x: f64, y: f64| {
            (q.0 - p.0) * (y - p.1) - (q.1 - p.1) * (x - p.0)
        };
        self.fill(bounds, colour, |x, y| {
            let s = [side(a, b, x, y), side(b, c, x, y), side(c, a, x, y)];
            s.iter().all(|&v| v >= 0.0) || s.iter().all(|&v| v <= 0.0)
        });
    }

    /// A filled axis-aligned rectangle [x0, x1) × [y0, y1).
    pub(crate) fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, colour: Rgb) {
        self.fill([x0, y0, x1, y1], colour, |x, y| {
            (x0..x1).contains(&x) && (y0..y1).contains(&y)
        });
    }

    /// A straight stroke from a to b, `width` pixels wide.
    pub(crate) fn line(&mut self, a: (f64, f64), b: (f64, f64), width: f64, colour: Rgb) {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let length2 = (dx * dx + dy * dy).max(1e-12);
        let h = width / 2.0;
        let bounds = [
            a.0.min(b.0) - h,
            a.1.min(b.1) - h,
            a.0.max(b.0) + h,
            a.1.max(b.1) + h,
        ];
        self.fill(bounds, colour, |x, y| {
            // Distance from (x, y) to the segment, via the clamped projection t.
            let t = (((x - a.0) * dx + (y - a.1) * dy) / length2).clamp(0.0, 1.0);
            let (px, py) = (a.0 + t * dx - x, a.1 + t * dy - y);
            px * px + py * py <= h * h
        });
    }

    /// The finished picture, each level rounded to the nearest integer.
    pub(crate) fn picture(&self) -> Picture {
        let levels = self
            .pixels
            .iter()
            .map(|v| v.round().clamp(0.0, 255.0) as u8)
            .collect();
        Picture::from_pixels(levels).expect("a canvas always holds 64·64·3 levels")
    }
}
