//! The stratified split of a learner's own pictures into training and test sets.

use backprop_lab::engine::cats::{split, Sample};
use backprop_lab::engine::image::{Picture, FEATURES};

/// `cats` cats then `others` non-cats, named "cat i" / "other i", pictures all distinct.
fn mine(cats: usize, others: usize) -> Vec<Sample> {
    (0..cats + others)
        .map(|i| Sample {
            picture: Picture::from_pixels(vec![(i % 256) as u8; FEATURES]).expect("12288 levels"),
            is_cat: i < cats,
            name: if i < cats {
                format!("cat {i}")
            } else {
                format!("other {}", i - cats)
            },
        })
        .collect()
}

fn names(set: &[Sample]) -> Vec<&str> {
    set.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn each_class_is_split_in_proportion_and_keeps_its_order() {
    let data = split(mine(10, 7), 0.3, 42);
    let c = data.counts();
    // round(10·0.3) = 3 cats and round(7·0.3) = round(2.1) = 2 others go to test.
    assert_eq!(
        (c.train_cats, c.test_cats, c.train_other, c.test_other),
        (7, 3, 5, 2)
    );
    // Every picture lands in exactly one set, each set in the original order.
    let mut all: Vec<&str> = names(&data.train);
    all.extend(names(&data.test));
    all.sort();
    let mut expected: Vec<String> = names(&mine(10, 7)).iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(all, expected);
    let position = |n: &str| mine(10, 7).iter().position(|s| s.name == n);
    for set in [&data.train, &data.test] {
        let order: Vec<_> = set.iter().map(|s| position(&s.name)).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{:?}", names(set));
    }
}

#[test]
fn the_split_is_deterministic_for_a_seed() {
    let a = split(mine(20, 20), 0.25, 7);
    assert_eq!(names(&a.test), names(&split(mine(20, 20), 0.25, 7).test));
    let others: Vec<Vec<String>> = (8..14)
        .map(|seed| {
            names(&split(mine(20, 20), 0.25, seed).test)
                .iter()
                .map(|s| s.to_string())
                .collect()
        })
        .collect();
    assert!(others
        .iter()
        .any(|t| t.iter().map(String::as_str).collect::<Vec<_>>() != names(&a.test)));
}

#[test]
fn at_least_one_picture_of_each_class_stays_in_training() {
    let counts = |cats, others, share| {
        let c = split(mine(cats, others), share, 1).counts();
        (c.train_cats, c.test_cats, c.train_other, c.test_other)
    };
    assert_eq!(counts(1, 1, 0.9), (1, 0, 1, 0));
    assert_eq!(counts(3, 2, 1.0), (1, 2, 1, 1));
    assert_eq!(counts(4, 0, 0.5), (2, 2, 0, 0));
    assert_eq!(counts(5, 5, 0.0), (5, 0, 5, 0));
    assert_eq!(counts(5, 5, f64::NAN), (5, 0, 5, 0)); // NaN counts as 0
    assert_eq!(counts(5, 5, -1.0), (5, 0, 5, 0)); // clamped to [0, 1]
    assert_eq!(counts(0, 0, 0.5), (0, 0, 0, 0));
}
