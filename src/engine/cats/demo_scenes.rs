//! The demo set's subjects: a cartoon cat face, and the things that are not cats.
//! Sizes and positions are in pixels of the 64×64 canvas.

use super::canvas::{Canvas, Rgb};
use super::demo::{pick, shade, vary};
use crate::engine::rng::Rng;

/// Fur colours: ginger, grey, black, white, brown, cream, silver.
const FUR: [Rgb; 7] = [
    [225.0, 140.0, 60.0],
    [135.0, 135.0, 140.0],
    [45.0, 42.0, 45.0],
    [245.0, 245.0, 240.0],
    [130.0, 85.0, 50.0],
    [235.0, 210.0, 160.0],
    [190.0, 195.0, 205.0],
];
/// Iris colours of the cats' eyes.
const IRIS: [Rgb; 4] = [
    [120.0, 200.0, 60.0],
    [230.0, 200.0, 40.0],
    [90.0, 160.0, 230.0],
    [220.0, 150.0, 40.0],
];
const PINK: Rgb = [240.0, 140.0, 160.0];
const DARK: Rgb = [30.0, 25.0, 25.0];
const WHITE: Rgb = [250.0, 250.0, 250.0];

/// A face's centre and radius: within 2 pixels of the middle, radius 14–17.
fn face(rng: &mut Rng) -> (f64, f64, f64) {
    let r = rng.uniform(14.0, 17.0);
    (
        32.0 + rng.uniform(-2.0, 2.0),
        34.0 + rng.uniform(-2.0, 2.0),
        r,
    )
}

/// A cat face: body hint, pointed ears with pink insides, head, eyes with slit
/// pupils, nose, whiskers (dark on light fur, white on dark fur).
pub(crate) fn draw_cat(canvas: &mut Canvas, rng: &mut Rng) {
    let fur = vary(rng, &FUR, 18.0);
    let (cx, cy, r) = face(rng);
    // A point of the face: (dx, dy) in head radii from its centre.
    let at = |dx: f64, dy: f64| (cx + dx * r, cy + dy * r);
    if rng.next_f64() < 0.5 {
        canvas.ellipse(at(0.0, 1.3), (1.1 * r, 0.8 * r), shade(fur, 0.9));
    }
    for s in [-1.0, 1.0] {
        canvas.triangle(
            at(0.95 * s, -0.3),
            at(0.2 * s, -0.8),
            at(0.78 * s, -1.45),
            fur,
        );
        canvas.triangle(
            at(0.8 * s, -0.5),
            at(0.4 * s, -0.75),
            at(0.72 * s, -1.2),
            PINK,
        );
    }
    canvas.ellipse((cx, cy), (r, 0.88 * r), fur);
    let iris = pick(rng, &IRIS);
    for s in [-1.0, 1.0] {
        canvas.ellipse(at(0.4 * s, -0.12), (0.18 * r, 0.2 * r), iris);
        canvas.ellipse(at(0.4 * s, -0.12), (0.06 * r, 0.18 * r), DARK);
    }
    canvas.triangle(at(-0.12, 0.22), at(0.12, 0.22), at(0.0, 0.34), PINK);
    let brightness = fur.iter().sum::<f64>() / 3.0;
    let whisker = if brightness > 110.0 { DARK } else { WHITE };
    for s in [-1.0, 1.0] {
        for k in 0..3 {
            let end = at(1.3 * s, 0.1 + 0.2 * k as f64);
            canvas.line(at(0.3 * s, 0.35), end, 0.7, whisker);
        }
    }
}

/// Anything but a cat, chosen uniformly among eight kinds.
pub(crate) fn draw_other(canvas: &mut Canvas, rng: &mut Rng) {
    match rng.next_u64() % 8 {
        0 => ball(canvas, rng),
        1 => house(canvas, rng),
        2 => tree(canvas, rng),
        3 => car(canvas, rng),
        4 => flower(canvas, rng),
        5 => round_eared(canvas, rng, false),
        6 => round_eared(canvas, rng, true),
        _ => texture(canvas, rng),
    }
}

/// Bright colours for toys, cars, petals.
const BRIGHT: [Rgb; 6] = [
    [220.0, 50.0, 50.0],
    [50.0, 110.0, 220.0],
    [240.0, 200.0, 40.0],
    [60.0, 170.0, 80.0],
    [160.0, 70.0, 190.0],
    [245.0, 130.0, 40.0],
];

fn ball(canvas: &mut Canvas, rng: &mut Rng) {
    let r = rng.uniform(10.0, 20.0);
    let (cx, cy) = (rng.uniform(r, 64.0 - r), rng.uniform(r, 64.0 - r));
    let colour = pick(rng, &BRIGHT);
    canvas.ellipse((cx, cy), (r, r), colour);
    canvas.ellipse((cx, cy), (r, 0.3 * r), pick(rng, &BRIGHT));
    canvas.ellipse((cx - 0.4 * r, cy - 0.4 * r), (0.2 * r, 0.15 * r), WHITE);
}

fn house(canvas: &mut Canvas, rng: &mut Rng) {
    let w = rng.uniform(26.0, 40.0);
    let (x0, base) = (rng.uniform(4.0, 60.0 - w), rng.uniform(54.0, 62.0));
    let top = base - rng.uniform(18.0, 26.0);
    canvas.rect(
        x0,
        top,
        x0 + w,
        base,
        vary(rng, &[[230.0, 210.0, 170.0]], 25.0),
    );
    let roof = vary(rng, &[[170.0, 50.0, 40.0]], 30.0);
    canvas.triangle(
        (x0 - 3.0, top),
        (x0 + w + 3.0, top),
        (x0 + w / 2.0, top - 0.5 * w),
        roof,
    );
    canvas.rect(
        x0 + 0.4 * w,
        base - 12.0,
        x0 + 0.6 * w,
        base,
        vary(rng, &[[110.0, 70.0, 40.0]], 20.0),
    );
    canvas.rect(
        x0 + 0.1 * w,
        top + 4.0,
        x0 + 0.3 * w,
        top + 10.0,
        [150.0, 200.0, 240.0],
    );
}

fn tree(canvas: &mut Canvas, rng: &mut Rng) {
    let cx = rng.uniform(20.0, 44.0);
    canvas.rect(
        cx - 3.0,
        40.0,
        cx + 3.0,
        64.0,
        vary(rng, &[[110.0, 75.0, 45.0]], 15.0),
    );
    let green = vary(rng, &[[60.0, 150.0, 60.0]], 30.0);
    if rng.next_f64() < 0.5 {
        let r = rng.uniform(13.0, 20.0);
        canvas.ellipse((cx, 42.0 - r), (r, r), green);
    } else {
        canvas.triangle(
            (cx - 16.0, 46.0),
            (cx + 16.0, 46.0),
            (cx, rng.uniform(4.0, 14.0)),
            green,
        );
    }
}

fn car(canvas: &mut Canvas, rng: &mut Rng) {
    let (x0, base) = (rng.uniform(2.0, 14.0), rng.uniform(44.0, 56.0));
    let w = rng.uniform(40.0, 50.0);
    let body = pick(rng, &BRIGHT);
    canvas.rect(x0, base - 12.0, x0 + w, base, body);
    canvas.rect(
        x0 + 0.25 * w,
        base - 22.0,
        x0 + 0.75 * w,
        base - 11.0,
        shade(body, 0.85),
    );
    canvas.rect(
        x0 + 0.3 * w,
        base - 20.0,
        x0 + 0.7 * w,
        base - 13.0,
        [170.0, 210.0, 240.0],
    );
    for wheel in [x0 + 0.22 * w, x0 + 0.78 * w] {
        canvas.ellipse((wheel, base), (5.5, 5.5), DARK);
        canvas.ellipse((wheel, base), (2.0, 2.0), [180.0, 180.0, 180.0]);
    }
}

fn flower(canvas: &mut Canvas, rng: &mut Rng) {
    let (cx, cy) = (rng.uniform(18.0, 46.0), rng.uniform(16.0, 32.0));
    canvas.line(
        (cx, cy),
        (cx + rng.uniform(-6.0, 6.0), 64.0),
        2.5,
        [60.0, 140.0, 50.0],
    );
    let (petal, r) = (pick(rng, &BRIGHT), rng.uniform(6.0, 9.0));
    let turn = rng.uniform(0.0, 1.0);
    for k in 0..6 {
        let a = (k as f64 + turn) * std::f64::consts::TAU / 6.0;
        canvas.ellipse(
            (cx + r * a.cos(), cy + r * a.sin()),
            (0.6 * r, 0.6 * r),
            petal,
        );
    }
    canvas.ellipse((cx, cy), (0.5 * r, 0.5 * r), [245.0, 210.0, 50.0]);
}

/// A bear face (round ears on top) or a dog face (floppy ears at the sides): eyes,
/// a light snout and a dark nose, but no pointed ears and no whiskers.
fn round_eared(canvas: &mut Canvas, rng: &mut Rng, dog: bool) {
    let fur = vary(rng, &FUR, 18.0);
    let (cx, cy, r) = face(rng);
    let ear = shade(fur, 0.75);
    for s in [-1.0, 1.0] {
        if dog {
            canvas.ellipse((cx + s * 0.95 * r, cy + 0.1 * r), (0.32 * r, 0.7 * r), ear);
        } else {
            canvas.ellipse(
                (cx + s * 0.72 * r, cy - 0.72 * r),
                (0.36 * r, 0.36 * r),
                ear,
            );
        }
    }
    canvas.ellipse((cx, cy), (0.92 * r, 0.88 * r), fur);
    for s in [-1.0, 1.0] {
        canvas.ellipse((cx + s * 0.38 * r, cy - 0.15 * r), (0.1 * r, 0.1 * r), DARK);
    }
    canvas.ellipse((cx, cy + 0.35 * r), (0.35 * r, 0.28 * r), shade(fur, 1.25));
    canvas.ellipse((cx, cy + 0.25 * r), (0.14 * r, 0.1 * r), DARK);
}

/// Stripes, a checkerboard or spots over the whole picture.
fn texture(canvas: &mut Canvas, rng: &mut Rng) {
    let (a, b) = (pick(rng, &BRIGHT), pick(rng, &FUR));
    let period = rng.uniform(5.0, 14.0);
    match rng.next_u64() % 3 {
        0 => canvas.paint(|r, c| {
            if ((r + c) as f64 / period) as usize % 2 == 0 {
                a
            } else {
                b
            }
        }),
        1 => canvas.paint(|r, c| {
            let (i, j) = ((r as f64 / period) as usize, (c as f64 / period) as usize);
            if (i + j) % 2 == 0 {
                a
            } else {
                b
            }
        }),
        _ => {
            for _ in 0..12 {
                let (x, y, s) = (
                    rng.uniform(0.0, 64.0),
                    rng.uniform(0.0, 64.0),
                    rng.uniform(3.0, 7.0),
                );
                canvas.ellipse((x, y), (s, s), a);
            }
        }
    }
}
