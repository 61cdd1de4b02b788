//! Writes HDF5 files in the course's layout (`{prefix}_set_x` (m, 64, 64, 3) u8,
//! `{prefix}_set_y` (m,) int64, `list_classes` = "non-cat", "cat" as 7-byte strings)
//! for the browser tests and the page-side benchmark, with hdf5-pure (a
//! dev-dependency: the engine only reads HDF5):
//!
//! - `e2e_train.h5` (7 cats + 5 non-cats) and `e2e_test.h5` (3 + 2): small striped
//!   pictures, so a test can drop them and check the counts;
//! - `bench_train.h5`: the 209 synthetic pictures of `benches/cats.rs` (and
//!   `benches/cats_numpy.py`): level(i, j) = (37·i + 11·j + 5·((i·j) mod 13)) mod 256
//!   for picture i and pixel-first feature j, is_cat(i) = (7·i mod 5) < 2;
//!   `bench_test.h5`: its first 10 pictures again (a test set does not change training);
//! - `course_small_train.h5` (60 pictures) and `course_small_test.h5` (20): noisy
//!   pictures with a warm disc on the cats (`course_like` of tests/cats_hdf5_common),
//!   on which tests/engine_cats_reference.rs computes what the page must reach
//!   (tests/fixtures/cats-e2e-expected.json).
//!
//! Run: `cargo run --example make_h5 -- <directory>`

// The tests' writer of the course's layout (hdf5-pure), shared rather than copied.
#[path = "../tests/cats_hdf5_common/mod.rs"]
mod cats_hdf5_common;

use backprop_lab::engine::cats::Sample;
use backprop_lab::engine::image::{Picture, FEATURES};
use cats_hdf5_common::{course_file, course_like};

const USAGE: &str = "usage: make_h5 <directory>  (writes e2e_train.h5, e2e_test.h5, \
bench_train.h5, bench_test.h5, course_small_train.h5 and course_small_test.h5 there)";

fn sample(levels: Vec<u8>, is_cat: bool, name: String) -> Result<Sample, String> {
    let picture = Picture::from_pixels(levels).map_err(|e| e.to_string())?;
    Ok(Sample {
        picture,
        is_cat,
        name,
    })
}

/// `cats` striped cats then `others` plain non-cats, each a little different.
fn striped(cats: usize, others: usize) -> Result<Vec<Sample>, String> {
    (0..cats + others)
        .map(|i| {
            let is_cat = i < cats;
            let levels = (0..FEATURES)
                .map(|j| {
                    let row = j / (64 * 3);
                    let stripe = if is_cat && (row / 8) % 2 == 0 {
                        180
                    } else {
                        60
                    };
                    (stripe + 3 * i + j % 3 * 20) as u8
                })
                .collect();
            sample(levels, is_cat, format!("#{i}"))
        })
        .collect()
}

/// The benchmark's 209 pictures (see the file header).
fn synthetic() -> Result<Vec<Sample>, String> {
    (0..209)
        .map(|i: usize| {
            let levels = (0..FEATURES)
                .map(|j| ((37 * i + 11 * j + 5 * ((i * j) % 13)) % 256) as u8)
                .collect();
            sample(levels, (7 * i) % 5 < 2, format!("train #{i}"))
        })
        .collect()
}

fn write(
    dir: &std::path::Path,
    file: &str,
    samples: &[Sample],
    prefix: &str,
) -> Result<(), String> {
    let bytes = course_file(samples, prefix);
    std::fs::write(dir.join(file), bytes).map_err(|e| format!("{file}: {e}"))
}

fn main() -> Result<(), String> {
    let dir = std::env::args().nth(1).ok_or(USAGE)?;
    if dir == "-h" || dir == "--help" {
        println!("{USAGE}");
        return Ok(());
    }
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    write(dir, "e2e_train.h5", &striped(7, 5)?, "train")?;
    write(dir, "e2e_test.h5", &striped(3, 2)?, "test")?;
    let bench = synthetic()?;
    write(dir, "bench_train.h5", &bench, "train")?;
    write(dir, "bench_test.h5", &bench[..10], "test")?;
    let (train, test) = course_like(60, 20);
    write(dir, "course_small_train.h5", &train, "train")?;
    write(dir, "course_small_test.h5", &test, "test")
}
