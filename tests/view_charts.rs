//! The descent view and the loss history render to SVG: one dot per visible iterate,
//! placed where the click mapper says, clicks outside the plot map to nothing, the
//! exploded tint, and loss histories of every awkward shape draw without error.
#![cfg(not(target_arch = "wasm32"))] // SVG rendering is a native dev feature

use backprop_lab::engine::descent::Descent;
use backprop_lab::engine::snapshot::DescentSnapshot;
use backprop_lab::i18n::{t, Lang};
use backprop_lab::view::descent::{draw_descent, ChartStyle, DescentMapper};
use backprop_lab::view::network::history::draw_loss_history;
use backprop_lab::view::palette;
use plotters::prelude::*;

const SIZE: (u32, u32) = (640, 400);

fn style(lang: Lang) -> ChartStyle {
    ChartStyle { lang, scale: 1.0 }
}

/// `J(w) = ½w²` from w₀ after `steps` steps at rate `r`.
fn descent(w0: f64, r: f64, steps: usize) -> DescentSnapshot {
    let mut d = Descent::new(w0, r).unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..steps {
        let _ = d.step();
    }
    d.snapshot()
}

fn render_descent(snap: &DescentSnapshot, style: &ChartStyle) -> (String, DescentMapper) {
    let mut svg = String::new();
    let mapper = {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        draw_descent(&root, snap, style).unwrap_or_else(|e| panic!("{e:?}"))
    };
    (svg, mapper)
}

/// `(cx, cy)` of every `<circle>` in the SVG.
fn circles(svg: &str) -> Vec<(f64, f64)> {
    let attr = |tag: &str, name: &str| -> Option<f64> {
        let rest = tag.split(&format!(" {name}=\"")).nth(1)?;
        rest.split('"').next()?.parse().ok()
    };
    svg.split("<circle")
        .skip(1)
        .filter_map(|tag| Some((attr(tag, "cx")?, attr(tag, "cy")?)))
        .collect()
}

#[test]
fn every_iterate_gets_a_dot_where_the_mapper_puts_it() {
    // r = 0.5: w_k = 1.5·0.5^k = 1.5, 0.75, 0.375, 0.1875, 0.09375, all inside the frame.
    let snap = descent(1.5, 0.5, 4);
    let (svg, mapper) = render_descent(&snap, &style(Lang::En));
    let dots = circles(&svg);
    assert!(dots.len() >= snap.iterates.len(), "{} circles", dots.len());
    let (lo, hi) = mapper.w_range();
    assert!(
        lo < -1.5 && hi > 1.5,
        "frame {lo}..{hi} must show w₀ = 1.5 and be symmetric"
    );
    assert!((lo + hi).abs() < 1e-12);
    // Plotting area width in pixels, recovered from the mapper: one pixel is this much w.
    let pixel = (mapper.x_of(hi) - mapper.x_of(lo)).recip() * (hi - lo);
    for &w in &snap.iterates {
        let x = mapper.x_of(w).floor();
        let dot = dots.iter().find(|d| (d.0 - x).abs() <= 1.0);
        let Some(&(cx, cy)) = dot else {
            panic!("no dot near x = {x} for w = {w}: {dots:?}");
        };
        let back = mapper.w_at(cx, cy).unwrap_or(f64::NAN);
        assert!(
            (back - w).abs() <= 0.5 * pixel + 1e-9,
            "w = {w} came back as {back}"
        );
    }
}

#[test]
fn clicks_outside_the_plotting_area_map_to_nothing() {
    let (_, mapper) = render_descent(&descent(1.5, 0.5, 2), &style(Lang::Zh));
    let (lo, hi) = mapper.w_range();
    let (left, right) = (mapper.x_of(lo), mapper.x_of(hi));
    let mid = (left + right) / 2.0;
    assert!(
        mapper.w_at(mid, 200.0).is_some_and(|w| w.abs() < 0.01),
        "the centre is w* = 0"
    );
    assert_eq!(mapper.w_at(left - 1.0, 200.0), None);
    assert_eq!(mapper.w_at(right + 1.0, 200.0), None);
    assert_eq!(mapper.w_at(mid, -1.0), None);
    assert_eq!(mapper.w_at(mid, f64::from(SIZE.1) + 5.0), None);
    assert_eq!(mapper.w_at(f64::NAN, 200.0), None);
}

#[test]
fn a_diverging_run_leaves_the_frame_and_an_explosion_tints_it() {
    // r = 2.5: w_k = 1.5·(−1.5)^k; the frame is capped at 4·1.5 = 6 either side of w* = 0.
    let snap = descent(1.5, 2.5, 8);
    let (svg, mapper) = render_descent(&snap, &style(Lang::En));
    assert_eq!(mapper.w_range(), (-6.0, 6.0));
    assert!(
        svg.contains("off the chart"),
        "the current iterate 38.44 is marked at the edge"
    );
    let mut exploded = Descent::new(1.5, 2.5).unwrap_or_else(|e| panic!("{e}"));
    while exploded.step().is_ok() {}
    let (svg, _) = render_descent(&exploded.snapshot(), &style(Lang::Zh));
    let tint = palette::lighten(palette::ALERT, 0.9);
    let hex = format!("#{:02X}{:02X}{:02X}", tint.0, tint.1, tint.2);
    assert!(svg.contains(&hex), "background {hex} missing");
}

#[test]
fn the_descent_view_draws_at_any_scale_and_sample() {
    let mut general = Descent::with_sample(2.0, 1.0, -1.0, 0.3).unwrap_or_else(|e| panic!("{e}"));
    let _ = general.run(5);
    for scale in [1.0, 2.0, 0.0] {
        let (svg, mapper) = render_descent(
            &general.snapshot(),
            &ChartStyle {
                lang: Lang::En,
                scale,
            },
        );
        // w* = y/x = 0.5 sits in the middle of the frame.
        let (lo, hi) = mapper.w_range();
        assert!(((lo + hi) / 2.0 - 0.5).abs() < 1e-12);
        assert!(svg.contains("½(2·w − 1)²"));
    }
}

fn render_history(history: &[f64], lang: Lang) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 300)).into_drawing_area();
        draw_loss_history(&root, history, &style(lang)).unwrap_or_else(|e| panic!("{e:?}"));
    }
    svg
}

#[test]
fn loss_histories_of_every_shape_draw() {
    let empty = render_history(&[], Lang::En);
    let hint = t(Lang::En, "chart.history.empty");
    let first_words: String = hint.split(':').next().unwrap_or_default().to_string();
    assert!(empty.contains(&first_words), "hint missing");
    assert!(!empty.contains("<circle"));
    assert!(render_history(&[0.3; 5], Lang::Zh).contains("<circle"));
    assert!(render_history(&[0.0; 3], Lang::En).contains("<circle"));
    assert!(render_history(&[0.18], Lang::En).contains("step 1: L = 0.18"));
    let nan = render_history(&[0.5, f64::NAN, 0.2, f64::INFINITY], Lang::En);
    assert!(
        nan.contains("step 3: L = 0.2"),
        "the last finite loss is marked"
    );
    let all_nan = render_history(&[f64::NAN, f64::NAN], Lang::Zh);
    assert!(all_nan.contains("发散"));
}

#[test]
fn long_histories_are_thinned_but_keep_their_end() {
    // 10 000 steps of L = 1/k with one spike of 7 at step 5000.
    let mut history: Vec<f64> = (1..=10_000).map(|k| 1.0 / f64::from(k)).collect();
    history[4999] = 7.0;
    let svg = render_history(&history, Lang::En);
    assert!(svg.contains("step 10000: L = 1e-4"), "last point label");
    // The loss line is the polyline with the most points.
    let line: Vec<(f64, f64)> = svg
        .split("points=\"")
        .skip(1)
        .map(|p| {
            let text = p.split('"').next().unwrap_or_default();
            let xy = |pair: &str| {
                let (x, y) = pair.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            };
            text.split_whitespace()
                .filter_map(xy)
                .collect::<Vec<(f64, f64)>>()
        })
        .max_by_key(Vec::len)
        .unwrap_or_default();
    assert!(
        (100..=2001).contains(&line.len()),
        "{} points drawn",
        line.len()
    );
    // The spike survives thinning: 7 of the y range [0, 7 + 0.15·7 = 8.05] is near the top
    // (the plot is 300 px tall: the spike's row is above 60, the rest below 200).
    let top = line.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    assert!(top < 60.0, "the spike reaches y = {top}");
}
