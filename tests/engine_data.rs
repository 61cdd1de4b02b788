//! The data sets: counts, label balance, ranges, noise, seeds; CSV lines; features.

use backprop_lab::engine::data::{generate, parse_csv, DataSet, DataSpec, Feature, FeatureSet};
use backprop_lab::engine::train_error::TrainError;
use backprop_lab::engine::EngineError;

fn spec(set: DataSet, noise: f64, seed: u64) -> DataSpec {
    DataSpec {
        set,
        count: 500,
        noise,
        train_fraction: 0.5,
        seed,
    }
}

const CLASSIFICATION: [DataSet; 4] = [
    DataSet::Circle,
    DataSet::Xor,
    DataSet::Gauss,
    DataSet::Spiral,
];

#[test]
fn counts_split_and_range() {
    for set in CLASSIFICATION
        .into_iter()
        .chain([DataSet::Plane, DataSet::MultiGauss])
    {
        let s = generate(&DataSpec {
            count: 301,
            train_fraction: 0.3,
            ..spec(set, 0.2, 7)
        })
        .unwrap();
        assert_eq!((s.train.len(), s.test.len()), (90, 211), "{set:?}"); // ⌊301·0.3⌋ = 90
        for e in s.train.iter().chain(&s.test) {
            assert!(
                e.x.iter().all(|v| v.is_finite() && v.abs() <= 12.0),
                "{set:?} {e:?}"
            );
            if set.is_regression() {
                // the Playground does not clamp the plane: noise may push |target| past 1
                assert!(e.label.abs() <= 1.0 + 1.2 * 0.2, "{set:?} {e:?}");
            } else {
                assert!(e.label == 1.0 || e.label == -1.0, "{set:?} {e:?}");
            }
        }
    }
}

#[test]
fn classes_are_balanced_and_noise_free_sets_follow_their_rule() {
    for set in CLASSIFICATION {
        let s = generate(&spec(set, 0.0, 3)).unwrap();
        let all: Vec<_> = s.train.iter().chain(&s.test).collect();
        let positives = all.iter().filter(|e| e.label > 0.0).count();
        match set {
            // circle, gauss and spiral draw exactly half of each class
            DataSet::Circle | DataSet::Gauss | DataSet::Spiral => {
                assert_eq!(positives, 250, "{set:?}")
            }
            _ => assert!((200..300).contains(&positives), "{set:?}: {positives}"),
        }
        for e in &all {
            let [x, y] = e.x;
            let rule = match set {
                DataSet::Circle => (x * x + y * y).sqrt() < 2.5,
                DataSet::Xor => x * y >= 0.0,
                _ => continue,
            };
            assert_eq!(rule, e.label > 0.0, "{set:?} {e:?}");
        }
    }
    // plane: target (x1 + x2)/10 without noise
    let plane = generate(&spec(DataSet::Plane, 0.0, 3)).unwrap();
    for e in &plane.train {
        assert!((e.label - (e.x[0] + e.x[1]) / 10.0).abs() < 1e-15);
    }
}

#[test]
fn noise_flips_labels_near_the_boundary_and_seeds_reproduce() {
    let clean = generate(&spec(DataSet::Xor, 0.0, 11)).unwrap();
    let noisy = generate(&spec(DataSet::Xor, 0.5, 11)).unwrap();
    let wrong = noisy
        .train
        .iter()
        .filter(|e| (e.x[0] * e.x[1] >= 0.0) != (e.label > 0.0))
        .count();
    assert!(
        wrong > 10 && wrong < 125,
        "{wrong} of 250 mislabelled at noise 0.5"
    );
    assert_eq!(clean, generate(&spec(DataSet::Xor, 0.0, 11)).unwrap());
    assert_ne!(clean, generate(&spec(DataSet::Xor, 0.0, 12)).unwrap());
    // two Gaussians: variance 0.5 at noise 0 → the spread of x about ±2 is √0.5
    let g = generate(&DataSpec {
        count: 2000,
        ..spec(DataSet::Gauss, 0.0, 5)
    })
    .unwrap();
    let pos: Vec<f64> = g
        .train
        .iter()
        .chain(&g.test)
        .filter(|e| e.label > 0.0)
        .map(|e| e.x[0])
        .collect();
    let mean = pos.iter().sum::<f64>() / pos.len() as f64;
    let var = pos.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / pos.len() as f64;
    assert!(
        (mean - 2.0).abs() < 0.1 && (var - 0.5).abs() < 0.08,
        "mean {mean} var {var}"
    );
}

#[test]
fn bad_specs_are_refused() {
    for bad in [
        DataSpec {
            count: 1,
            ..DataSpec::default()
        },
        DataSpec {
            noise: 0.7,
            ..DataSpec::default()
        },
        DataSpec {
            train_fraction: f64::NAN,
            ..DataSpec::default()
        },
    ] {
        assert!(matches!(
            generate(&bad),
            Err(EngineError::Train(TrainError::OutOfRange { .. }))
        ));
    }
    assert_eq!("spiral".parse::<DataSet>(), Ok(DataSet::Spiral));
    assert_eq!(
        "nope".parse::<DataSet>().unwrap_err().code(),
        "unknown-name"
    );
}

#[test]
fn csv_names_each_bad_line_and_keeps_the_rest() {
    let read = parse_csv("x1,x2,label\n1,2,1\n\n3;4;-1\nfoo,1,1\n5,6\n1 2 nan\n  -0.5\t0.25\t1 \n");
    assert_eq!(read.examples.len(), 3);
    assert_eq!(read.examples[2].x, [-0.5, 0.25]);
    let lines: Vec<usize> = read
        .errors
        .iter()
        .map(|e| match e {
            TrainError::CsvLine { line, .. } => *line,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(lines, vec![5, 6, 7]);
}

#[test]
fn features_compute_the_playground_inputs() {
    let all = FeatureSet::new(&Feature::ALL).unwrap();
    let v = all.inputs([2.0, -3.0]);
    assert_eq!(
        v,
        vec![2.0, -3.0, 4.0, 9.0, -6.0, 2f64.sin(), (-3f64).sin()]
    );
    let set: FeatureSet = "x1x2,x1".parse().unwrap();
    assert_eq!(set.names(), "x1,x1x2");
    assert!("".parse::<FeatureSet>().is_err() && "x3".parse::<FeatureSet>().is_err());
}
