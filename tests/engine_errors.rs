//! Bad input gives the right `EngineError`, leaves the state alone, and never panics.

use backprop_lab::engine::activation::Activation;
use backprop_lab::engine::descent::Descent;
use backprop_lab::engine::loss::LossKind;
use backprop_lab::engine::mlp::{Layer, Mlp, Preset};
use backprop_lab::engine::rng::Rng;
use backprop_lab::engine::trainer::Trainer;
use backprop_lab::engine::EngineError;

fn regression() -> Mlp {
    Mlp::preset(Preset::TutorialRegression)
}

#[test]
fn unknown_preset_names_are_refused() {
    assert_eq!(
        "tutorial-regression".parse(),
        Ok(Preset::TutorialRegression)
    );
    let err = "xor".parse::<Preset>().unwrap_err();
    assert_eq!(err, EngineError::UnknownPreset("xor".into()));
    assert_eq!(err.code(), "unknown-preset");
    assert_eq!(err.to_string(), "unknown preset \"xor\"");
}

#[test]
fn trainer_new_checks_lengths_finiteness_and_rate() {
    let new = |x: Vec<f64>, y: Vec<f64>, r| Trainer::new(regression(), x, y, r).unwrap_err();
    assert_eq!(
        new(vec![1.0], vec![0.5], 0.5),
        EngineError::InputLength {
            expected: 2,
            got: 1
        }
    );
    assert_eq!(
        new(vec![1.0, 2.0], vec![], 0.5),
        EngineError::TargetLength {
            expected: 1,
            got: 0
        }
    );
    assert_eq!(
        new(vec![f64::NAN, 2.0], vec![0.5], 0.5),
        EngineError::NotFinite { what: "x" }
    );
    assert_eq!(
        new(vec![1.0, 2.0], vec![f64::INFINITY], 0.5),
        EngineError::NotFinite { what: "y" }
    );
    assert_eq!(
        new(vec![1.0, 2.0], vec![0.5], 0.0),
        EngineError::LearningRate(0.0)
    );
    assert_eq!(
        new(vec![1.0, 2.0], vec![0.5], -1.0),
        EngineError::LearningRate(-1.0)
    );
    let nan_rate = new(vec![1.0, 2.0], vec![0.5], f64::NAN);
    assert_eq!(
        nan_rate,
        EngineError::NotFinite {
            what: "learning rate"
        }
    );
}

#[test]
fn malformed_networks_are_refused() {
    let x = vec![1.0, -1.0];
    let check = |mlp: Mlp| Trainer::new(mlp, x.clone(), vec![0.5], 0.5).unwrap_err();
    let mut nan = regression();
    nan.layers[0].weights[1][0] = f64::NAN;
    assert_eq!(check(nan), EngineError::NotFinite { what: "weights" });
    let mut nan = regression();
    nan.layers[1].biases[0] = f64::NEG_INFINITY;
    assert_eq!(check(nan), EngineError::NotFinite { what: "biases" });
    let mut ragged = regression();
    ragged.layers[0].weights[1].push(1.0);
    assert_eq!(check(ragged).code(), "invalid-shape");
    let mut mismatched = regression();
    mismatched.layers[1] = Layer {
        weights: vec![vec![1.0]; 3],
        biases: vec![0.0],
        activation: Activation::Identity,
    };
    assert_eq!(check(mismatched).code(), "invalid-shape");
    let empty = Mlp {
        layers: vec![],
        loss: LossKind::SquaredError,
    };
    assert_eq!(check(empty.clone()).code(), "invalid-shape");
    assert_eq!(empty.predict(&[]).unwrap_err().code(), "invalid-shape");
    assert_eq!(empty.sizes(), vec![0]);
}

#[test]
fn random_networks_need_sensible_sizes() {
    let act = [Activation::Tanh, Activation::Identity];
    let se = LossKind::SquaredError;
    for sizes in [&[2usize][..], &[], &[2, 0, 1]] {
        let err = Mlp::random(sizes, &act[..sizes.len().saturating_sub(1)], se, 1).unwrap_err();
        assert_eq!(err.code(), "invalid-shape", "{sizes:?}");
    }
    assert_eq!(
        Mlp::random(&[2, 3, 1], &act[..1], se, 1)
            .unwrap_err()
            .code(),
        "invalid-shape"
    );
    let a = Mlp::random(&[2, 3, 1], &act, se, 1).unwrap();
    assert_eq!(
        a,
        Mlp::random(&[2, 3, 1], &act, se, 1).unwrap(),
        "same seed, same net"
    );
    assert_ne!(a, Mlp::random(&[2, 3, 1], &act, se, 2).unwrap());
    assert_eq!(a.sizes(), vec![2, 3, 1]);
}

#[test]
fn predict_checks_its_input() {
    let m = regression();
    assert_eq!(
        m.predict(&[1.0, 2.0, 3.0]),
        Err(EngineError::InputLength {
            expected: 2,
            got: 3
        })
    );
    assert_eq!(
        m.predict(&[1.0, f64::NAN]),
        Err(EngineError::NotFinite { what: "x" })
    );
}

#[test]
fn failed_edits_leave_the_trainer_as_it_was() {
    let mut t = Trainer::from_preset(Preset::TutorialRegression);
    t.step().unwrap();
    let before = t.snapshot();
    assert_eq!(
        t.set_input(vec![1.0, 2.0, 3.0]),
        Err(EngineError::InputLength {
            expected: 2,
            got: 3
        })
    );
    assert_eq!(
        t.set_input(vec![f64::NAN, 0.0]),
        Err(EngineError::NotFinite { what: "x" })
    );
    assert_eq!(
        t.set_target(vec![0.0, 1.0]),
        Err(EngineError::TargetLength {
            expected: 1,
            got: 2
        })
    );
    assert_eq!(
        t.set_target(vec![f64::NAN]),
        Err(EngineError::NotFinite { what: "y" })
    );
    assert_eq!(
        t.set_learning_rate(-0.5),
        Err(EngineError::LearningRate(-0.5))
    );
    assert_eq!(
        t.set_learning_rate(f64::INFINITY),
        Err(EngineError::NotFinite {
            what: "learning rate"
        })
    );
    assert_eq!(t.set_data(vec![]).unwrap_err().code(), "invalid-shape");
    let bad = vec![(vec![1.0, 1.0], vec![0.0]), (vec![1.0], vec![0.0])];
    assert_eq!(
        t.set_data(bad),
        Err(EngineError::InputLength {
            expected: 2,
            got: 1
        })
    );
    assert_eq!(t.snapshot(), before);
}

#[test]
fn descent_checks_its_settings() {
    assert_eq!(
        Descent::new(f64::NAN, 0.5).unwrap_err(),
        EngineError::NotFinite { what: "w0" }
    );
    assert_eq!(
        Descent::new(1.0, 0.0).unwrap_err(),
        EngineError::LearningRate(0.0)
    );
    assert_eq!(Descent::new(2e6, 0.5).unwrap_err(), EngineError::Exploded);
    assert_eq!(
        Descent::with_sample(0.0, 1.0, 1.0, 0.5).unwrap_err().code(),
        "invalid-shape"
    );
    let x_inf = Descent::with_sample(f64::INFINITY, 1.0, 1.0, 0.5).unwrap_err();
    assert_eq!(x_inf, EngineError::NotFinite { what: "x" });
    let mut d = Descent::new(1.5, 0.5).unwrap();
    d.run(3).unwrap();
    let before = d.snapshot();
    assert_eq!(
        d.set_start(f64::NAN),
        Err(EngineError::NotFinite { what: "w0" })
    );
    assert_eq!(
        d.set_learning_rate(-2.0),
        Err(EngineError::LearningRate(-2.0))
    );
    assert_eq!(d.snapshot(), before);
}

#[test]
fn every_error_has_a_code_and_an_english_message() {
    let all = [
        (EngineError::UnknownPreset("x".into()), "unknown-preset"),
        (
            EngineError::InputLength {
                expected: 2,
                got: 3,
            },
            "input-length",
        ),
        (
            EngineError::TargetLength {
                expected: 1,
                got: 0,
            },
            "target-length",
        ),
        (EngineError::NotFinite { what: "x" }, "not-finite"),
        (EngineError::LearningRate(-1.0), "learning-rate"),
        (EngineError::Exploded, "exploded"),
        (EngineError::InvalidShape("why".into()), "invalid-shape"),
    ];
    for (err, code) in all {
        assert_eq!(err.code(), code);
        let text = err.to_string();
        assert!(text.len() > 8 && text.is_ascii(), "{code}: {text}");
        let _: &dyn std::error::Error = &err;
    }
    assert_eq!(
        EngineError::InputLength {
            expected: 2,
            got: 3
        }
        .to_string(),
        "input x has 3 numbers, the network expects 2"
    );
}

/// Random garbage (wrong lengths, NaN, ±∞, 1e308) thrown at every entry point.
#[test]
fn garbage_never_panics() {
    let mut rng = Rng::new(2024);
    let specials = [
        f64::NAN,
        f64::INFINITY,
        -f64::INFINITY,
        1e308,
        -1e308,
        0.0,
        -0.0,
        1e-308,
    ];
    let value = |rng: &mut Rng| match rng.next_u64() % 3 {
        0 => specials[(rng.next_u64() % specials.len() as u64) as usize],
        _ => rng.normal() * 10f64.powi((rng.next_u64() % 12) as i32),
    };
    for round in 0..400 {
        let vector =
            |rng: &mut Rng| -> Vec<f64> { (0..rng.next_u64() % 4).map(|_| value(rng)).collect() };
        let p = Preset::ALL[round % 2];
        let mut t = Trainer::from_preset(p);
        let _ = t.set_input(vector(&mut rng));
        let _ = t.set_target(vector(&mut rng));
        let _ = t.set_learning_rate(value(&mut rng));
        let _ = t.set_data(vec![(vector(&mut rng), vector(&mut rng))]);
        for _ in 0..12 {
            let _ = t.step();
        }
        let _ = (t.step_epoch(), t.update(), t.snapshot(), t.is_exploded());
        let _ = Mlp::preset(p).predict(&vector(&mut rng));
        if let Ok(mut d) = Descent::with_sample(
            value(&mut rng),
            value(&mut rng),
            value(&mut rng),
            value(&mut rng),
        ) {
            let _ = d.run(50);
            d.rewind_to_finite();
            let _ = (d.step(), d.snapshot());
        }
    }
}
