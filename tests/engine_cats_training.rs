//! The cat trainer through its public API: one iteration computed by hand, the
//! settings' limits, the session's bookkeeping, and the weight template.

use backprop_lab::engine::cats::{CatData, Layers, Model, Sample, TrainConfig, Training};
use backprop_lab::engine::image::{Picture, FEATURES, SIDE};

fn uniform(level: u8, is_cat: bool) -> Sample {
    Sample {
        picture: Picture::from_pixels(vec![level; FEATURES]).expect("12288 levels"),
        is_cat,
        name: String::new(),
    }
}

fn config(learning_rate: f64, iterations: usize) -> TrainConfig {
    TrainConfig {
        learning_rate,
        iterations,
        ..TrainConfig::logistic()
    }
}

/// Relative difference, for numbers that are not near 0.
fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs()
}

#[test]
fn logistic_regression_matches_a_hand_computed_run() {
    // Three pictures, every feature equal: A = 255/255 = 1 (cat), B = 0 (non-cat),
    // C = 51/255 = 0.2 (non-cat); α = 0.001, m = 3, 12288 features.
    // Iteration 0: w = 0, b = 0 ⇒ z = 0, a = ½ for all, J₀ = ln 2 = 0.693147180559945.
    //   dz = a − y = (−½, ½, ½); dwⱼ = (1/3)(1·(−½) + 0·½ + 0.2·½) = −0.4/3 = −0.1333…,
    //   db = (1/3)(−½ + ½ + ½) = 1/6.  w ← 0 − 0.001·dw = 1.3333e−4, b ← −1.6667e−4.
    // Iteration 1: Σⱼ wⱼ = 12288·1.3333e−4 = 1.63840, so
    //   z_A = 1.63840 − 0.00016667 = 1.6382333, z_B = −0.00016667, z_C = 0.32768 − 0.00016667,
    //   a = σ(z) = (0.837294403421985, 0.499958333333430, 0.581154209812829),
    //   J₁ = (1/3)[−ln a_A − ln(1 − a_B) − ln(1 − a_C)] = 0.580298617962439.
    //   dw = (1/3)(1·(a_A − 1) + 0.2·a_C) = −0.0154915848718164, db = 0.306135648856081;
    //   w = 1.488249182e−4, b = −4.728023155e−4.
    // Iteration 2: z_A = 1.8282877926, z_C = 0.3652793167 ⇒ J₂ = 0.578099230840333.
    let data = CatData {
        train: vec![uniform(255, true), uniform(0, false), uniform(51, false)],
        test: Vec::new(),
    };
    let mut t = Training::new(config(0.001, 3), &data).expect("valid");
    assert_eq!(t.iteration(), 0);
    assert_eq!(t.snapshot().train_predictions, vec![0.5; 3]);
    assert_eq!(t.step(1), Ok(1));
    let s = t.snapshot();
    assert!((s.costs[0] - std::f64::consts::LN_2).abs() < 1e-15);
    // The kernels read w in fixed point (2⁻⁴³ here, the same for all 12288 equal
    // weights): z is off by at most 12288·2⁻⁴³ ≈ 1.4e−9, hence 1e−9 rather than 1e−15.
    for (p, hand) in
        s.train_predictions
            .iter()
            .zip([0.837294403421985, 0.499958333333430, 0.581154209812829])
    {
        assert!((p - hand).abs() < 1e-9, "p {p}, by hand {hand}");
    }
    assert_eq!(t.step(5), Ok(2)); // only 2 of the 3 iterations were left
    assert_eq!(t.step(1), Ok(0));
    assert!(t.done());
    let s = t.snapshot();
    let hand = [std::f64::consts::LN_2, 0.580298617962439, 0.578099230840333];
    assert_eq!(s.costs.len(), 3);
    for (j, h) in s.costs.iter().zip(hand) {
        assert!(rel(*j, h) < 1e-9, "J {j}, by hand {h}");
    }
    // After 3 updates z_C = 12288·w·0.2 + b > 0: C is called a cat, the only mistake.
    assert!((s.train_accuracy - 2.0 / 3.0).abs() < 1e-15);
    assert_eq!(s.test_accuracy, None);
    assert_eq!(s.misclassified.len(), 1);
    let wrong = &s.misclassified[0];
    assert_eq!(
        (wrong.set.as_str(), wrong.index, wrong.is_cat),
        ("train", 2, false)
    );
    assert!(wrong.p_cat > 0.5 && wrong.p_cat == s.train_predictions[2]);
    assert_eq!(
        (s.iteration, s.iterations, s.model, s.learning_rate),
        (3, 3, Model::Logistic, 0.001)
    );
}

#[test]
fn settings_outside_their_limits_are_refused() {
    let logistic = TrainConfig::logistic();
    assert_eq!(
        (logistic.model, logistic.learning_rate, logistic.iterations),
        (Model::Logistic, 0.005, 2000)
    );
    let hidden = TrainConfig::hidden();
    assert_eq!(
        (hidden.model, hidden.learning_rate, hidden.iterations),
        (
            Model::Hidden(Layers::new(&[7]).expect("one layer")),
            0.0075,
            2500
        )
    );
    let code = |c: TrainConfig| c.validate().map_err(|e| (e.code(), e.args()));
    for rate in [0.0, -0.1, 10.000001, f64::NAN, f64::INFINITY] {
        assert_eq!(
            code(config(rate, 10)),
            Err(("bad-rate", vec![])),
            "rate {rate}"
        );
    }
    assert_eq!(code(config(10.0, 10)), Ok(()));
    let iterations = Err(("bad-iterations", vec![("limit", "100000".to_string())]));
    assert_eq!(code(config(0.1, 0)), iterations);
    assert_eq!(code(config(0.1, 100_001)), iterations);
    assert_eq!(code(config(0.1, 100_000)), Ok(()));
    let sized = |sizes: &[usize]| {
        Layers::new(sizes)
            .map(|_| ())
            .map_err(|e| (e.code(), e.args()))
    };
    let bad_hidden = Err((
        "bad-hidden",
        vec![("limit", "1000".to_string()), ("layers", "8".to_string())],
    ));
    for bad in [&[0][..], &[1001], &[], &[7, 0, 5], &[1; 9]] {
        assert_eq!(sized(bad), bad_hidden, "{bad:?}");
    }
    assert_eq!(sized(&[1000]), Ok(()));
    assert_eq!(sized(&[1; 8]), Ok(()));
}

#[test]
fn training_needs_both_classes_and_valid_settings() {
    let new = |train: Vec<Sample>, c: TrainConfig| {
        let data = CatData {
            train,
            test: vec![uniform(9, true)],
        };
        Training::new(c, &data)
            .map(|_| ())
            .map_err(|e| (e.code(), e.args()))
    };
    let ok = config(0.1, 10);
    assert_eq!(new(vec![], ok), Err(("no-data", vec![])));
    let cats = vec![uniform(1, true), uniform(2, true)];
    assert_eq!(
        new(cats, ok),
        Err(("empty-class", vec![("class", "non-cat".to_string())]))
    );
    let others = vec![uniform(1, false)];
    assert_eq!(
        new(others.clone(), ok),
        Err(("empty-class", vec![("class", "cat".to_string())]))
    );
    assert_eq!(new(others, config(0.0, 10)), Err(("bad-rate", vec![])));
    assert_eq!(new(vec![uniform(1, false), uniform(2, true)], ok), Ok(()));
}

/// A picture whose left half has level `left` and right half level `right`.
fn halves(left: u8, right: u8, is_cat: bool) -> Sample {
    let levels = (0..FEATURES).map(|j| if j / 3 % SIDE < SIDE / 2 { left } else { right });
    Sample {
        picture: Picture::from_pixels(levels.collect()).expect("12288 levels"),
        is_cat,
        name: String::new(),
    }
}

#[test]
fn predictions_accuracies_and_misclassified_agree() {
    // Cats are bright on the left, the others on the right; test #1 is a non-cat that
    // looks like a cat.
    let train = vec![
        halves(250, 20, true),
        halves(20, 250, false),
        halves(230, 40, true),
        halves(40, 230, false),
    ];
    let test = vec![
        halves(240, 10, true),
        halves(220, 30, false),
        halves(10, 240, false),
    ];
    let data = CatData {
        train: train.clone(),
        test: test.clone(),
    };
    // With half the features near 1 the curvature is ≈ ¼·6144: small rates descend steadily.
    for c in [
        config(0.0002, 40),
        TrainConfig {
            iterations: 40,
            ..TrainConfig::hidden()
        },
    ] {
        let mut t = Training::new(c, &data).expect("valid");
        assert_eq!(t.step(40), Ok(40));
        let s = t.snapshot();
        assert!(
            s.costs.windows(2).all(|w| w[1] < w[0]),
            "{:?}: cost went up",
            c.model
        );
        for (set, samples, predictions) in [
            ("train", &train, &s.train_predictions),
            ("test", &test, &s.test_predictions),
        ] {
            assert_eq!(predictions.len(), samples.len());
            let mut right = 0;
            for (i, (sample, &p)) in samples.iter().zip(predictions).enumerate() {
                assert_eq!(t.predict(&sample.picture), p);
                assert!((0.0..=1.0).contains(&p));
                let listed = s.misclassified.iter().any(|m| m.set == set && m.index == i);
                assert_eq!(listed, (p > 0.5) != sample.is_cat, "{set} #{i}");
                right += usize::from(!listed);
            }
            let accuracy = if set == "train" {
                Some(s.train_accuracy)
            } else {
                s.test_accuracy
            };
            assert_eq!(accuracy, Some(right as f64 / samples.len() as f64));
        }
        // Left-bright = cat is learnable, except for the look-alike of the test set.
        assert_eq!(s.train_accuracy, 1.0, "{:?}", c.model);
        assert_eq!(s.misclassified.len(), 1, "{:?}", c.model);
        assert_eq!(
            (s.misclassified[0].set.as_str(), s.misclassified[0].index),
            ("test", 1)
        );
    }
}

#[test]
fn the_template_shows_the_weights_per_channel() {
    // The cat is pure red on the left half; the non-cat is pure blue everywhere. One
    // step from w = 0: dw = (1/2)(x_cat·(½ − 1) + x_other·(½ − 0)), so w_R > 0 on the
    // left half (0 elsewhere), w_G = 0, w_B < 0 everywhere, all of equal size.
    let mut red = vec![0u8; FEATURES];
    let mut blue = vec![0u8; FEATURES];
    for pixel in 0..SIDE * SIDE {
        if pixel % SIDE < SIDE / 2 {
            red[pixel * 3] = 255;
        }
        blue[pixel * 3 + 2] = 255;
    }
    let sample = |levels, is_cat| Sample {
        picture: Picture::from_pixels(levels).expect("12288 levels"),
        is_cat,
        name: String::new(),
    };
    let data = CatData {
        train: vec![sample(red, true), sample(blue, false)],
        test: Vec::new(),
    };
    let mut t = Training::new(config(0.01, 5), &data).expect("valid");
    let before = t.template().expect("logistic");
    assert!(before.chunks_exact(4).all(|p| p == [128, 128, 128, 255]));
    t.step(1).expect("finite");
    let after = t.template().expect("logistic");
    assert_eq!(after.len(), SIDE * SIDE * 4);
    for (pixel, rgba) in after.chunks_exact(4).enumerate() {
        let r = if pixel % SIDE < SIDE / 2 { 255 } else { 128 };
        assert_eq!(rgba, [r, 128, 0, 255], "pixel {pixel}");
    }
    let hidden = Training::new(TrainConfig::hidden(), &data).expect("valid");
    assert_eq!(hidden.template(), None);
}

#[test]
fn a_network_too_big_for_the_page_is_refused_with_the_estimate() {
    use backprop_lab::engine::cats::limits::{estimate, MAX_SECONDS};
    let data = CatData {
        train: vec![uniform(1, false), uniform(200, true)],
        test: Vec::new(),
    };
    // The estimate from the sizes: n₁·n·m products for P₀, and per iteration
    // n₁·m² (the first layer) + 3·Σ n_out·n_in·m (the later ones) + 8·Σnₗ·m.
    let model = Model::Hidden(Layers::new(&[1000, 1000, 1000]).expect("three layers"));
    let e = estimate(&model, 100_000, 2, 0);
    let later = 1000.0 * 1000.0 * 2.0 + 1000.0;
    let per_iteration = (1000.0 * 4.0 + 3.0 * later * 2.0 + 8.0 * 3001.0 * 2.0) / 1.5e9;
    assert!(
        rel(
            e.seconds,
            per_iteration * 100_000.0 + 1000.0 * 12288.0 * 2.0 / 1.5e9 + 3.0 * 12288.0 / 2e9
        ) < 1e-9
    );
    assert!(e.seconds > MAX_SECONDS);
    let huge = TrainConfig {
        model,
        iterations: 100_000,
        ..TrainConfig::deep()
    };
    let err = Training::new(huge, &data).map(|_| ()).expect_err("too big");
    assert_eq!(err.code(), "too-big");
    let args = err.args();
    assert_eq!(args[0], ("seconds", format!("{:.0}", e.seconds)));
    assert_eq!(args[1], ("megabytes", format!("{:.0}", e.megabytes)));
    // The course's L-layer model on the course's 209 + 50 pictures is well within.
    let course = estimate(&TrainConfig::deep().model, 2500, 209, 50);
    assert!(
        course.seconds < 30.0 && course.megabytes < 100.0,
        "{course:?}"
    );
}
