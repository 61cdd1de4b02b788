//! The cat recognizer's cost curve renders to SVG with its labels and last value;
//! long runs are sampled every k-th iteration; the texts carry the right numbers
//! (parameter counts by hand: 12288·7 + 7 + 7 + 1 = 86031).
#![cfg(not(target_arch = "wasm32"))] // SVG rendering is a native dev feature

use backprop_lab::app::cats::{ModelKind, Prediction, RunState, Settings, Source};
use backprop_lab::engine::cats::{Init, Misclassified, Model, TrainingSnapshot};
use backprop_lab::engine::image::{Picture, FEATURES};
use backprop_lab::i18n::Lang;
use backprop_lab::view::cats::cost::{draw_cost, sampled, ChartStyle};
use backprop_lab::view::cats::text::{
    accuracy_line, misclassified_caption, misclassified_summary, model_line, parameter_count,
    percent, prediction_line, source_line, status_line,
};
use plotters::prelude::*;

fn render(costs: &[f64], planned: usize, lang: Lang) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 260)).into_drawing_area();
        let style = ChartStyle { lang, scale: 1.0 };
        draw_cost(&root, costs, planned, &style).unwrap_or_else(|e| panic!("{e:?}"));
    }
    svg
}

#[test]
fn the_cost_curve_shows_its_axes_and_last_value() {
    let svg = render(&[0.7, 0.6, 0.5], 2000, Lang::En);
    assert!(svg.contains("iteration 2: J = 0.5"), "last value label");
    let texts: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1)?.split('<').next())
        .map(str::trim)
        .collect();
    assert_eq!(texts[..2], ["cost J", "iteration"], "axis titles");
    assert!(
        texts.contains(&"2000"),
        "the x axis spans the planned run: {texts:?}"
    );
    // The curve in the palette's CURVE colour (71, 85, 105).
    let curve = "#475569";
    assert!(svg.to_uppercase().contains(&curve.to_uppercase()), "a line");
    let zh = render(&[0.7, 0.6, 0.5], 2000, Lang::Zh);
    assert!(zh.contains("第 2 次迭代：J = 0.5") && zh.contains("代价 J"));
    // Nothing yet, or nothing finite: an empty frame, no panic.
    assert!(!render(&[], 0, Lang::En)
        .to_uppercase()
        .contains(&curve.to_uppercase()));
    assert!(!render(&[f64::NAN, f64::INFINITY], 10, Lang::En).contains("J = "));
}

#[test]
fn long_runs_are_sampled_every_kth_iteration() {
    let costs: Vec<f64> = (0..5000).map(|i| 1.0 / (1.0 + i as f64)).collect();
    let points = sampled(&costs, 1000);
    // k = ⌈5000 / 1000⌉ = 5: iterations 0, 5, …, 4995, then the last one, 4999.
    assert_eq!(points.len(), 1001);
    assert_eq!(points[1], (5.0, 1.0 / 6.0));
    assert_eq!(points.last(), Some(&(4999.0, 1.0 / 5000.0)));
    let short = sampled(&[0.7, f64::NAN, 0.5], 1000);
    assert_eq!(short, vec![(0.0, 0.7), (2.0, 0.5)]);
}

fn snapshot() -> TrainingSnapshot {
    TrainingSnapshot {
        model: Model::Logistic,
        layers: vec![12288, 1],
        init: Init::Course,
        learning_rate: 0.005,
        iteration: 2000,
        iterations: 2000,
        costs: vec![0.7, 0.14],
        train_accuracy: 0.980861,
        test_accuracy: Some(0.7),
        train_predictions: vec![0.9; 209],
        test_predictions: vec![0.2; 50],
        misclassified: vec![
            Misclassified {
                set: "test".into(),
                index: 3,
                p_cat: 0.83,
                is_cat: false,
            },
            Misclassified {
                set: "train".into(),
                index: 7,
                p_cat: 0.25,
                is_cat: true,
            },
        ],
    }
}

#[test]
fn texts_carry_the_numbers() {
    let logistic = Settings::for_model(ModelKind::Logistic);
    assert_eq!(parameter_count(&logistic), 12289);
    let hidden = Settings::for_model(ModelKind::Hidden);
    assert_eq!(parameter_count(&hidden), 12288 * 7 + 7 + 7 + 1);
    assert!(
        model_line(&hidden, Lang::En).contains("7 ReLU units")
            && model_line(&hidden, Lang::En).contains("86031")
    );
    assert_eq!(percent(0.980861), "98.09 %");
    let snap = snapshot();
    assert_eq!(
        accuracy_line(&snap, Lang::En),
        "Accuracy — training set: 98.09 % · test set: 70 %"
    );
    assert_eq!(
        misclassified_summary(&snap, Lang::En),
        "1 of 209 training pictures and 1 of 50 test pictures are misclassified."
    );
    assert_eq!(
        misclassified_caption(&snap.misclassified[0], Lang::En),
        "p(cat) = 0.83\ntruly not a cat"
    );
    assert_eq!(
        misclassified_caption(&snap.misclassified[1], Lang::Zh),
        "p(猫) = 0.25\n实际是猫"
    );
    assert_eq!(
        status_line(RunState::Done, (2000, 2000), &snap.costs, Lang::En),
        "Done: 2000 iterations. Cost J = 0.14."
    );
    assert_eq!(
        status_line(RunState::Running, (40, 2000), &[], Lang::En),
        "Training: iteration 40 of 2000."
    );
    assert!(source_line(&Source::Demo { seed: 1 }, Lang::En).contains("not photos"));
    assert!(source_line(&Source::Demo { seed: 1 }, Lang::Zh).contains("不是照片"));
    let prediction = Prediction {
        name: "tom.jpg".into(),
        picture: Picture::from_pixels(vec![0; FEATURES]).unwrap_or_else(|e| panic!("{e}")),
        p_cat: 0.87314,
    };
    assert_eq!(
        prediction_line(&prediction, Lang::En),
        "tom.jpg: p(cat) = 0.8731 → a cat"
    );
}
