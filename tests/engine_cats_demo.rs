//! The built-in demo set: its size and balance, determinism, and that the
//! course's logistic regression learns it (train ≥ 95 %, test ≥ 85 %).

use backprop_lab::engine::cats::{demo_set, TrainConfig, Training, DEMO_TEST, DEMO_TRAIN};

#[test]
fn the_demo_set_is_balanced_deterministic_and_varied() {
    let data = demo_set(1);
    assert_eq!((DEMO_TRAIN, DEMO_TEST), (160, 50));
    let c = data.counts();
    assert_eq!(
        (c.train_cats, c.train_other, c.test_cats, c.test_other),
        (80, 80, 25, 25)
    );
    assert_eq!(data.train[7].name, "train #7");
    assert_eq!(data.test[49].name, "test #49");
    assert_eq!(demo_set(1), data);
    assert_ne!(demo_set(2).train[0].picture, data.train[0].picture);
    // Every picture differs from every other one.
    let all: Vec<_> = data
        .train
        .iter()
        .chain(&data.test)
        .map(|s| s.picture.pixels())
        .collect();
    for (i, a) in all.iter().enumerate() {
        assert!(all[i + 1..].iter().all(|b| b != a), "picture {i} repeats");
    }
    // Not all cats come first: the order is shuffled.
    assert!(data.train[..80].iter().any(|s| !s.is_cat));
}

#[test]
fn logistic_regression_learns_the_demo_set() {
    for seed in [1, 2] {
        let data = demo_set(seed);
        let mut t = Training::new(TrainConfig::logistic(), &data).expect("valid");
        assert_eq!(t.step(2000), Ok(2000));
        let s = t.snapshot();
        let test = s.test_accuracy.expect("a test set");
        assert!(
            s.train_accuracy >= 0.95,
            "seed {seed}: train {}",
            s.train_accuracy
        );
        assert!(test >= 0.85, "seed {seed}: test {test}");
        assert!(
            s.costs[1999] < 0.1 * s.costs[0],
            "seed {seed}: {}",
            s.costs[1999]
        );
    }
}
