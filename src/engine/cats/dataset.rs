//! Labelled pictures: a training set and a test set, and the stratified split of a
//! learner's own pictures into the two.

use serde::Serialize;

use super::error::{CatError, Kind};
use crate::engine::image::Picture;
use crate::engine::rng::Rng;

/// Most pictures one set (or one HDF5 file) may hold.
pub const MAX_IMAGES: usize = 2000;

/// One labelled picture; `name` is what the page shows ("train #3", a file name, …).
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    pub picture: Picture,
    pub is_cat: bool,
    pub name: String,
}

/// A training set and a test set (the test set may be empty).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CatData {
    pub train: Vec<Sample>,
    pub test: Vec<Sample>,
}

/// How many pictures of each class each set holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub train_cats: usize,
    pub train_other: usize,
    pub test_cats: usize,
    pub test_other: usize,
}

impl CatData {
    /// Cats and non-cats in each set.
    pub fn counts(&self) -> Counts {
        let cats = |set: &[Sample]| set.iter().filter(|s| s.is_cat).count();
        let (train_cats, test_cats) = (cats(&self.train), cats(&self.test));
        Counts {
            train_cats,
            train_other: self.train.len() - train_cats,
            test_cats,
            test_other: self.test.len() - test_cats,
        }
    }
}

/// Stratified split: of each class's n pictures, round(n·test_share) go to the test
/// set, but at most n − 1 (one stays in train). Which ones is drawn by a seeded
/// Fisher–Yates shuffle; both sets keep the pictures' original order. `test_share`
/// is clamped to [0, 1] (NaN counts as 0).
pub fn split(samples: Vec<Sample>, test_share: f64, seed: u64) -> CatData {
    let share = clamp_share(test_share);
    let mut rng = Rng::new(seed);
    let mut to_test = vec![false; samples.len()];
    for class in [true, false] {
        let mut members: Vec<usize> = (0..samples.len())
            .filter(|&i| samples[i].is_cat == class)
            .collect();
        let take = test_count(members.len(), share);
        shuffle(&mut members, &mut rng);
        for &i in &members[..take] {
            to_test[i] = true;
        }
    }
    let mut data = CatData::default();
    for (sample, test) in samples.into_iter().zip(to_test) {
        if test {
            data.test.push(sample);
        } else {
            data.train.push(sample);
        }
    }
    data
}

/// The share clamped to [0, 1], NaN as 0.
fn clamp_share(test_share: f64) -> f64 {
    if test_share.is_nan() {
        0.0
    } else {
        test_share.clamp(0.0, 1.0)
    }
}

/// Of a class of n pictures, how many [`split`] sends to the test set.
fn test_count(n: usize, share: f64) -> usize {
    ((n as f64 * share).round() as usize).min(n.saturating_sub(1))
}

/// The counts [`split`] gives pictures of which `cats` are cats and `others` not,
/// without splitting them.
pub fn split_counts(cats: usize, others: usize, test_share: f64) -> Counts {
    let share = clamp_share(test_share);
    let (test_cats, test_other) = (test_count(cats, share), test_count(others, share));
    Counts {
        train_cats: cats - test_cats,
        train_other: others - test_other,
        test_cats,
        test_other,
    }
}

/// Fisher–Yates: for i from the end, swap item i with a uniform j ≤ i.
fn shuffle(items: &mut [usize], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// too-many-files when a set would hold more than [`MAX_IMAGES`] pictures.
pub fn check_count(count: usize) -> Result<(), CatError> {
    if count > MAX_IMAGES {
        Err(CatError::new(Kind::TooManyFiles { limit: MAX_IMAGES }))
    } else {
        Ok(())
    }
}
