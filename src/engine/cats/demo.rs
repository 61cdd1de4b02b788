//! The built-in demo set: cartoon cats against other things, drawn with the seeded
//! generator, so the lab works before any file is loaded.
//!
//! A cat is a face: round head, two pointed (triangular) ears, eyes with slit
//! pupils, a pink nose and whiskers; fur colour, size, position and background
//! vary. The other things are balls, houses, trees, cars, flowers, bears and dogs
//! (faces with round or floppy ears, never pointed ones) and plain textures.

use super::canvas::{Canvas, Rgb};
use super::dataset::{CatData, Sample};
use super::demo_scenes::{draw_cat, draw_other};
use crate::engine::image::SIDE;
use crate::engine::rng::Rng;

/// Pictures in the demo training set (half cats).
pub const DEMO_TRAIN: usize = 160;
/// Pictures in the demo test set (half cats).
pub const DEMO_TEST: usize = 50;

/// The built-in synthetic set, deterministic for a seed: 160 training pictures and
/// 50 test pictures, half of each cats, in shuffled order, named "train #i" /
/// "test #i".
pub fn demo_set(seed: u64) -> CatData {
    let mut rng = Rng::new(seed);
    CatData {
        train: draw_set(&mut rng, DEMO_TRAIN, "train"),
        test: draw_set(&mut rng, DEMO_TEST, "test"),
    }
}

/// `count` pictures, the first half of a shuffled label list cats.
fn draw_set(rng: &mut Rng, count: usize, prefix: &str) -> Vec<Sample> {
    let mut labels: Vec<bool> = (0..count).map(|i| i < count / 2).collect();
    for i in (1..count).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        labels.swap(i, j);
    }
    labels
        .into_iter()
        .enumerate()
        .map(|(i, is_cat)| {
            let mut canvas = background(rng);
            if is_cat {
                draw_cat(&mut canvas, rng);
            } else {
                draw_other(&mut canvas, rng);
            }
            Sample {
                picture: canvas.picture(),
                is_cat,
                name: format!("{prefix} #{i}"),
            }
        })
        .collect()
}

/// A uniform pick from `items` (not empty).
pub(crate) fn pick<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[(rng.next_u64() % items.len() as u64) as usize]
}

/// A colour near one of `palette` (picked uniformly): each channel moved by up to ±`spread`.
pub(crate) fn vary(rng: &mut Rng, palette: &[Rgb], spread: f64) -> Rgb {
    pick(rng, palette).map(|v| (v + rng.uniform(-spread, spread)).clamp(0.0, 255.0))
}

/// `colour` scaled by `factor` (darker below 1, lighter above).
pub(crate) fn shade(colour: Rgb, factor: f64) -> Rgb {
    colour.map(|v| (v * factor).clamp(0.0, 255.0))
}

/// Wall colours of the backgrounds.
const WALLS: [Rgb; 8] = [
    [225.0, 232.0, 240.0],
    [250.0, 240.0, 215.0],
    [200.0, 225.0, 200.0],
    [240.0, 210.0, 215.0],
    [180.0, 200.0, 230.0],
    [120.0, 130.0, 150.0],
    [235.0, 235.0, 235.0],
    [90.0, 110.0, 90.0],
];

/// A background: plain, wall over floor, a vertical gradient, or speckled.
fn background(rng: &mut Rng) -> Canvas {
    let wall = vary(rng, &WALLS, 15.0);
    let mut canvas = Canvas::new(wall);
    match rng.next_u64() % 4 {
        0 => {}
        1 => {
            let floor = vary(rng, &[[150.0, 115.0, 80.0]], 30.0);
            let edge = rng.uniform(40.0, 56.0);
            canvas.rect(0.0, edge, SIDE as f64, SIDE as f64, floor);
        }
        2 => {
            let bottom = vary(rng, &WALLS, 20.0);
            canvas.paint(|r, _| {
                let t = r as f64 / (SIDE - 1) as f64;
                [0, 1, 2].map(|k| wall[k] + t * (bottom[k] - wall[k]))
            });
        }
        _ => {
            let noise: Vec<f64> = (0..SIDE * SIDE).map(|_| rng.uniform(-18.0, 18.0)).collect();
            canvas.paint(|r, c| wall.map(|v| (v + noise[r * SIDE + c]).clamp(0.0, 255.0)));
        }
    }
    canvas
}
