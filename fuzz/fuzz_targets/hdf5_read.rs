//! Fuzz target: arbitrary bytes as the course's HDF5 files, read by `load_hdf5`.
//! Byte 0 picks what the rest is: 0 the train file (beside a valid empty test file),
//! 1 the test file (beside a valid empty train file), 2 both (a u16 LE length, the
//! train file, then the test file). No input may panic; an error must be one that
//! `load_hdf5` documents, naming the file it concerns; whatever is accepted must hold
//! at most MAX_IMAGES 64×64×3 pictures per set, named "{train,test} #i", and must
//! come back unchanged when written again in the course's layout by an independent
//! writer (hdf5-pure; the engine only reads HDF5) and read by `load_hdf5`.

#![no_main]

use std::sync::OnceLock;

use backprop_lab::engine::cats::{load_hdf5, CatData, Sample, MAX_IMAGES};
use backprop_lab::engine::image::{CHANNELS, FEATURES, SIDE};
use libfuzzer_sys::fuzz_target;

// The tests' writer of the course's layout (hdf5-pure), shared rather than copied.
#[path = "../../tests/cats_hdf5_common/mod.rs"]
mod cats_hdf5_common;
use cats_hdf5_common::course_file;

/// The codes `load_hdf5` documents.
const CODES: [&str; 6] = [
    "not-hdf5",
    "hdf5-key",
    "hdf5-shape",
    "hdf5-labels",
    "hdf5-count",
    "too-many-files",
];

/// Valid files of no pictures, for the file that is not fuzzed.
fn empty(prefix: &'static str) -> &'static [u8] {
    static TRAIN: OnceLock<Vec<u8>> = OnceLock::new();
    static TEST: OnceLock<Vec<u8>> = OnceLock::new();
    let cell = if prefix == "train" { &TRAIN } else { &TEST };
    cell.get_or_init(|| course_file(&[], prefix))
}

/// The (train, test) bytes of an input; `None` when it is too short to say.
fn files(data: &[u8]) -> Option<(&[u8], &[u8])> {
    let (&mode, rest) = data.split_first()?;
    match mode % 3 {
        0 => Some((rest, empty("test"))),
        1 => Some((empty("train"), rest)),
        _ => {
            let n = usize::from(u16::from_le_bytes([*rest.first()?, *rest.get(1)?]));
            let rest = &rest[2..];
            let n = n.min(rest.len());
            Some((&rest[..n], &rest[n..]))
        }
    }
}

/// One accepted set: size, picture shape, names.
fn check_set(set: &[Sample], prefix: &str) {
    assert!(set.len() <= MAX_IMAGES, "{prefix}: {} pictures", set.len());
    for (i, s) in set.iter().enumerate() {
        assert_eq!(s.picture.pixels().len(), FEATURES);
        assert_eq!(SIDE * SIDE * CHANNELS, FEATURES);
        assert_eq!(s.name, format!("{prefix} #{i}"));
        let last = s.picture.get(SIDE - 1, SIDE - 1, CHANNELS - 1);
        assert_eq!(last, s.picture.pixels()[FEATURES - 1]);
    }
}

/// Writing the sets again and reading them back gives the same samples.
fn round_trip(data: &CatData) {
    let (train, test) = (
        course_file(&data.train, "train"),
        course_file(&data.test, "test"),
    );
    let again = load_hdf5(&train, &test).expect("a course-layout file is readable");
    assert!(again == *data, "the round trip changed the data");
}

fuzz_target!(|data: &[u8]| {
    let Some((train, test)) = files(data) else {
        return;
    };
    match load_hdf5(train, test) {
        Ok(cats) => {
            check_set(&cats.train, "train");
            check_set(&cats.test, "test");
            let counts = cats.counts();
            assert_eq!(counts.train_cats + counts.train_other, cats.train.len());
            assert_eq!(counts.test_cats + counts.test_other, cats.test.len());
            if test == empty("test") {
                assert!(cats.test.is_empty());
            }
            if train == empty("train") {
                assert!(cats.train.is_empty());
            }
            round_trip(&cats);
        }
        Err(err) => {
            assert!(
                CODES.contains(&err.code()),
                "undocumented code {}",
                err.code()
            );
            assert!(
                ["train", "test"].contains(&err.file()),
                "file {:?}",
                err.file()
            );
            // The valid file of the pair is never the one blamed.
            if test == empty("test") && train != empty("train") {
                assert_eq!(err.file(), "train");
            }
            if train == empty("train") && test != empty("test") {
                assert_eq!(err.file(), "test");
            }
            assert!(!err.to_string().is_empty());
        }
    }
});
