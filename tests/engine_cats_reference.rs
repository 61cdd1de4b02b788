//! The engine against the direct float64 computation of `tests/cats_reference`
//! (the course's way: W⁽¹⁾ held in full, matrix by matrix), on course-layout data
//! sets written to the HDF5 layout by hdf5-pure and read back by the engine. The
//! engine never holds W⁽¹⁾: it trains C in W⁽¹⁾ = W⁽¹⁾(0) + C·Xᵀ through the Gram
//! matrix XᵀX (src/engine/cats/basis.rs). In exact arithmetic the two are the same
//! computation, so the costs must agree to 1e-6 relative at every iteration (they do
//! to ~1e-13), and the predictions, accuracies and reconstructed W⁽¹⁾ too. The
//! course's initialisations are checked against numpy's own numbers
//! (tests/fixtures/numpy-randn.txt).

mod cats_hdf5_common;
mod cats_reference;

use backprop_lab::engine::cats::{load_hdf5, CatData, Init, Layers, Model, TrainConfig, Training};
use backprop_lab::engine::image::FEATURES;
use cats_hdf5_common::{course_file, course_like};
use cats_reference::{
    accuracy, course_init, first_weights, matrix, predict, train, worst_relative,
};

/// m training and m_test test pictures of the shared course-like generator,
/// through an HDF5 file (hdf5-pure) and load_hdf5; the course's sizes are 209 and 50.
fn course_layout(m: usize, m_test: usize) -> CatData {
    let (train, test) = course_like(m, m_test);
    let (train_file, test_file) = (course_file(&train, "train"), course_file(&test, "test"));
    load_hdf5(&train_file, &test_file).expect("the course's layout")
}

/// Trains the engine and the reference from the course's initialisation for
/// `dims` and compares every cost, the predictions, the accuracies and W⁽¹⁾.
/// Returns the worst relative cost difference.
fn compare(data: &CatData, config: TrainConfig) -> f64 {
    let ((x, y), (x_test, y_test)) = (matrix(&data.train), matrix(&data.test));
    let dims = config.model.dims();
    let mut layers = course_init(&dims, config.init == Init::CourseDeep);
    let mut t = Training::new(config, data).expect("valid");
    assert_eq!(
        first_weights(&layers),
        t.first_layer_weights(),
        "the same start"
    );
    assert_eq!(t.step(config.iterations), Ok(config.iterations));
    let s = t.snapshot();
    let costs = train(&mut layers, &x, &y, config.learning_rate, config.iterations);
    let worst = worst_relative(&s.costs, &costs);
    assert!(
        worst < 1e-9,
        "{dims:?}: largest relative cost difference {worst:e}"
    );
    let (p, p_test) = (predict(&layers, &x), predict(&layers, &x_test));
    let engine = s.train_predictions.iter().chain(&s.test_predictions);
    for (e, r) in engine.zip(p.iter().chain(&p_test)) {
        assert!((e - r).abs() < 1e-9, "p {e} vs {r}");
    }
    assert_eq!(s.train_accuracy, accuracy(&p, &y));
    assert_eq!(s.test_accuracy, Some(accuracy(&p_test, &y_test)));
    let w = first_weights(&layers);
    let peak = w.iter().fold(0.0f64, |a, v| a.max(v.abs()));
    let off = t
        .first_layer_weights()
        .iter()
        .zip(&w)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    assert!(
        off < 1e-10 * peak,
        "W1 reconstructed {off:e} off (max |W1| {peak})"
    );
    for (i, picture) in data.test.iter().take(3).enumerate() {
        assert!((t.predict(&picture.picture) - p_test[i]).abs() < 1e-9);
    }
    println!(
        "{dims:?}: worst relative cost difference {worst:e}, accuracy {} / {:?}",
        s.train_accuracy, s.test_accuracy
    );
    worst
}

#[test]
fn logistic_regression_reproduces_the_f64_reference() {
    let data = course_layout(209, 50);
    compare(&data, TrainConfig::logistic());
    let mut t = Training::new(TrainConfig::logistic(), &data).expect("valid");
    t.step(2000).expect("finite");
    let s = t.snapshot();
    assert!((s.costs[0] - std::f64::consts::LN_2).abs() < 1e-12);
    assert!(
        s.train_accuracy > 0.95 && s.costs[1999] < s.costs[100],
        "it learned: {}",
        s.train_accuracy
    );
}

#[test]
fn the_two_layer_model_reproduces_the_f64_reference() {
    let data = course_layout(48, 16);
    let config = TrainConfig {
        iterations: 600,
        ..TrainConfig::hidden()
    };
    assert_eq!(
        config.model,
        Model::Hidden(Layers::new(&[7]).expect("one layer"))
    );
    compare(&data, config);
}

#[test]
fn the_l_layer_model_reproduces_the_f64_reference() {
    let data = course_layout(48, 16);
    let config = TrainConfig {
        iterations: 600,
        ..TrainConfig::deep()
    };
    assert_eq!(config.model.dims(), [FEATURES, 20, 7, 5, 1]);
    compare(&data, config);
    // The L-layer recipe on one hidden layer, and a deeper net of other sizes.
    let one = TrainConfig {
        init: Init::CourseDeep,
        iterations: 200,
        ..TrainConfig::hidden()
    };
    compare(&data, one);
    let other = Model::Hidden(Layers::new(&[5, 4, 3, 2]).expect("four layers"));
    compare(
        &data,
        TrainConfig {
            model: other,
            iterations: 200,
            ..TrainConfig::deep()
        },
    );
}

/// numpy's first values after np.random.seed(1) (the fixture, as bits).
fn numpy_values() -> Vec<f64> {
    let text = include_str!("fixtures/numpy-randn.txt");
    text.lines()
        .skip(2)
        .take(4001)
        .map(|l| f64::from_bits(u64::from_str_radix(&l[..16], 16).expect("hex bits")))
        .collect()
}

#[test]
fn the_course_recipes_start_from_numpys_numbers() {
    let data = course_layout(10, 0);
    let numpy = numpy_values();
    let first = |config: TrainConfig| {
        Training::new(config, &data)
            .expect("valid")
            .first_layer_weights()
    };
    // Two-layer: W1 = randn(7, 12288)·0.01; L-layer: W1 = randn(20, 12288)/√12288.
    let two = first(TrainConfig::hidden());
    let deep = first(TrainConfig::deep());
    let root = (FEATURES as f64).sqrt();
    for (j, v) in numpy.iter().enumerate() {
        assert_eq!(
            two[j].to_bits(),
            (v * 0.01).to_bits(),
            "two-layer W1 value {j}"
        );
        assert_eq!(
            deep[j].to_bits(),
            (v / root).to_bits(),
            "L-layer W1 value {j}"
        );
    }
    assert_eq!(two[0], 1.6243453636632417 * 0.01);
    // The course-deep recipe on one layer is the L-layer's; seeded draws its own.
    let one_deep = first(TrainConfig {
        init: Init::CourseDeep,
        ..TrainConfig::hidden()
    });
    assert_eq!(one_deep[..4001], deep[..4001]);
    let seeded = |seed| {
        first(TrainConfig {
            init: Init::Seeded,
            seed,
            ..TrainConfig::hidden()
        })
    };
    assert_eq!(seeded(3), seeded(3));
    assert_ne!(seeded(3)[..10], seeded(4)[..10]);
    assert_ne!(seeded(3)[..10], two[..10]);
    // Logistic regression starts at w = 0 whatever the init.
    assert!(first(TrainConfig {
        init: Init::Seeded,
        ..TrainConfig::logistic()
    })
    .iter()
    .all(|&w| w == 0.0));
}

/// The browser tests' data (examples/make_h5.rs writes it as course_small_*.h5)
/// and settings: the course's α = 0.0075 and initialisation, 1000 iterations.
fn e2e_runs() -> [(&'static str, TrainConfig); 2] {
    let settings = |config: TrainConfig| TrainConfig {
        iterations: 1000,
        ..config
    };
    [
        ("two-layer", settings(TrainConfig::hidden())),
        ("l-layer", settings(TrainConfig::deep())),
    ]
}

/// tests/fixtures/cats-e2e-expected.json: what the native reference gives on the
/// browser tests' data, which tests/e2e/cats.test.mjs expects of the page. This
/// test computes it again (reference and engine) and fails if the file differs;
/// `CATS_WRITE_FIXTURE=1` writes it.
#[test]
fn the_browser_tests_expect_what_the_native_reference_gives() {
    let data = course_layout(60, 20);
    let ((x, y), (x_test, y_test)) = (matrix(&data.train), matrix(&data.test));
    let mut entries = Vec::new();
    for (name, config) in e2e_runs() {
        let mut layers = course_init(&config.model.dims(), false);
        let costs = train(&mut layers, &x, &y, config.learning_rate, config.iterations);
        let (train_acc, test_acc) = (
            accuracy(&predict(&layers, &x), &y),
            accuracy(&predict(&layers, &x_test), &y_test),
        );
        let mut t = Training::new(config, &data).expect("valid");
        t.step(config.iterations).expect("finite");
        let s = t.snapshot();
        assert!(worst_relative(&s.costs, &costs) < 1e-9);
        assert_eq!(
            (s.train_accuracy, s.test_accuracy),
            (train_acc, Some(test_acc))
        );
        let table: Vec<String> = [0, 100, 500, config.iterations - 1]
            .iter()
            .map(|&i| format!("[{i}, {:?}]", costs[i]))
            .collect();
        entries.push(format!(
            "  \"{name}\": {{ \"train\": {train_acc:?}, \"test\": {test_acc:?}, \"costs\": [{}] }}",
            table.join(", ")
        ));
    }
    let text = format!("{{\n{}\n}}\n", entries.join(",\n"));
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/cats-e2e-expected.json"
    );
    if std::env::var_os("CATS_WRITE_FIXTURE").is_some() {
        std::fs::write(path, &text).expect("fixture written");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        committed, text,
        "{path} is out of date: CATS_WRITE_FIXTURE=1 writes it"
    );
}
