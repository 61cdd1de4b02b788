//! A recorded drawing (`view::record`) replays as the drawing itself: the diagram's
//! labels drawn straight onto SVG, and recorded then replayed onto SVG, give the same
//! SVG; another phase or language gives another recording; the rows a recording
//! covers are those of its texts and shapes.
#![cfg(not(target_arch = "wasm32"))] // SVG rendering is a native dev feature

mod network_common;

use backprop_lab::view::network::draw_network_labels;
use backprop_lab::view::record::{record, Recording};
use network_common::*;
use plotters::backend::SVGBackend;
use plotters::drawing::IntoDrawingArea;
use plotters::element::{PathElement, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, IntoFont, BLACK};

const SIZE: (u32, u32) = (760, 420);

/// What `draw` makes of an SVG backend of [`SIZE`].
fn svg_of(draw: impl FnOnce(&mut SVGBackend)) -> String {
    let mut svg = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut svg, SIZE);
        draw(&mut backend);
        backend.present().expect("present");
    }
    svg
}

/// The labels of `snap` in `lang`, recorded.
fn labels(snap: &NetworkSnapshot, lang: Lang) -> Recording {
    let (style, layout) = (style(lang, EdgeLabel::Gradient, None), layout(snap));
    record(SIZE.0, SIZE.1, |a| {
        draw_network_labels(a, &layout, snap, &style)
    })
}

fn layout(snap: &NetworkSnapshot) -> NetworkLayout {
    NetworkLayout::new(&snap.sizes, 760.0, 420.0, 1.0)
}

#[test]
fn a_replay_draws_what_the_drawing_drew() {
    for lang in Lang::ALL {
        for phases in [0, 3, 7] {
            let snap = tutorial(REGRESSION, phases);
            let (style, layout) = (style(lang, EdgeLabel::Gradient, None), layout(&snap));
            let mut direct = String::new();
            {
                let area = SVGBackend::with_string(&mut direct, SIZE).into_drawing_area();
                draw_network_labels(&area, &layout, &snap, &style).expect("labels");
                area.present().expect("present");
            }
            let replayed = svg_of(|b| labels(&snap, lang).replay(b).expect("replay"));
            assert_eq!(direct, replayed, "{lang:?} after {phases} phases");
            // three headings and their subtitles, x₁, x₂, ŷ, the target, the loss
            // and its kind, the legend's two lines
            assert_eq!(texts(&direct).len(), 14, "{:?}", texts(&direct));
        }
    }
}

#[test]
fn what_the_labels_show_decides_whether_they_are_drawn_again() {
    let ready = tutorial(REGRESSION, 0);
    assert_eq!(labels(&ready, Lang::En), labels(&ready, Lang::En));
    assert_ne!(labels(&ready, Lang::En), labels(&ready, Lang::Zh));
    // the first forward phase colours the hidden layer's heading
    assert_ne!(
        labels(&ready, Lang::En),
        labels(&tutorial(REGRESSION, 1), Lang::En)
    );
}

#[test]
fn the_rows_are_those_of_the_texts_and_shapes() {
    let font = ("sans-serif", 10.0).into_font().color(&BLACK);
    let drawing = record(100, 200, |a| {
        a.draw(&Text::new("top", (5, 20), font.clone()))?;
        a.draw(&Text::new("near", (5, 30), font.clone()))?;
        a.draw(&PathElement::new(
            vec![(0, 150), (50, 160)],
            BLACK.stroke_width(2),
        ))?;
        a.draw(&Text::new("past the foot", (5, 198), font.clone()))
    });
    // a text's rows reach its size + 1 either side of its anchor row: 9..32 and 19..42
    // merge, 187..210 is cut at the foot; the path its stroke + 1: 147..164
    assert_eq!(drawing.rows(), vec![(9, 42), (147, 164), (187, 200)]);
    assert!(record(10, 10, |_| Ok::<(), ()>(())).rows().is_empty());
}
