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
        model_line(&hidden, Lang::En).contains("ReLU layers of 7 units")
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

#[test]
fn the_cost_table_prints_as_the_notebook_does() {
    use backprop_lab::view::cats::table::{cost_lines, cost_rows, python_float, table_caption};
    // Python's str(float) of these numbers (checked with CPython 3.11).
    for (x, python) in [
        (0.6930497356599888, "0.6930497356599888"),
        (1.2e-05, "1.2e-05"),
        (0.0001, "0.0001"),
        (0.00012, "0.00012"),
        (1e16, "1e+16"),
        (2.5e-07, "2.5e-07"),
        (123.0, "123.0"),
        (1e-100, "1e-100"),
        (5e-324, "5e-324"),
    ] {
        assert_eq!(python_float(x), python, "{x:e}");
    }
    // i % 100 == 0, and the last of 2500 once it is reached.
    let costs: Vec<f64> = (0..2500).map(|i| 0.7 / (1.0 + i as f64)).collect();
    let rows = cost_rows(&costs, 2500);
    assert_eq!(rows.len(), 26);
    assert_eq!((rows[1].0, rows[25].0), (100, 2499));
    assert_eq!(
        cost_rows(&costs[..250], 2500).len(),
        3,
        "0, 100, 200 so far"
    );
    assert_eq!(
        cost_rows(&costs[..2401], 2401).last().map(|r| r.0),
        Some(2400),
        "once"
    );
    let lines = cost_lines(&costs[..101], 2500); // repr(0.7 / 101) in Python
    assert_eq!(
        lines,
        [
            "Cost after iteration 0: 0.7",
            "Cost after iteration 100: 0.00693069306930693"
        ]
    );
    assert!(table_caption(&costs, 2500, Lang::En).contains("26 lines"));
    assert!(table_caption(&costs, 2500, Lang::Zh).contains("共 26 行"));
}

#[test]
fn the_parameter_count_follows_the_layer_sizes() {
    use backprop_lab::app::cats::{ModelKind, Settings};
    use backprop_lab::engine::cats::Layers;
    use backprop_lab::view::cats::text::{model_line, parameter_count};
    let deep = Settings::for_layers(Layers::new(&[20, 7, 5]).expect("three layers"));
    // 12288·20 + 20 + 20·7 + 7 + 7·5 + 5 + 5·1 + 1
    assert_eq!(parameter_count(&deep), 245_973);
    assert_eq!(
        parameter_count(&Settings::for_model(ModelKind::Hidden)),
        12288 * 7 + 7 + 7 + 1
    );
    assert_eq!(
        parameter_count(&Settings::for_model(ModelKind::Logistic)),
        12289
    );
    let line = model_line(&deep, Lang::En);
    assert!(
        line.contains("20, 7, 5 units") && line.contains("245973 parameters"),
        "{line}"
    );
    assert!(model_line(&deep, Lang::Zh).contains("np.random.seed(1)"));
}

#[test]
fn the_estimate_line_gives_the_engines_estimate_for_the_data() {
    use backprop_lab::app::cats::Settings;
    use backprop_lab::engine::cats::limits::estimate;
    use backprop_lab::engine::cats::{Counts, Layers, TrainConfig};
    use backprop_lab::view::cats::text::estimate_line;
    let counts = Counts {
        train_cats: 72,
        train_other: 137,
        test_cats: 33,
        test_other: 17,
    };
    let deep = Settings::for_layers(Layers::new(&[20, 7, 5]).expect("three layers"));
    let e = estimate(&TrainConfig::deep().model, 2500, 209, 50);
    let line = estimate_line(&deep, counts, Lang::En);
    let seconds = backprop_lab::view::number::fmt_sig(e.seconds, 2);
    assert_eq!(
        line,
        format!(
            "Estimated at most about {seconds} s and {} MB on 209 training pictures.",
            backprop_lab::view::number::fmt_sig(e.megabytes, 2)
        )
    );
    assert!(estimate_line(&deep, counts, Lang::Zh).contains("209 张训练图片"));
    let huge = Settings {
        hidden: Layers::new(&[1000, 1000, 1000]).expect("three"),
        iterations: 100_000,
        ..deep
    };
    assert!(estimate_line(&huge, counts, Lang::En).contains("more than the lab allows"));
    let none = Counts {
        train_cats: 0,
        train_other: 0,
        test_cats: 0,
        test_other: 0,
    };
    assert_eq!(estimate_line(&deep, none, Lang::En), "");
}
