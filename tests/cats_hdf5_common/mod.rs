//! Test support: the course's HDF5 layout written by hdf5-pure, an independent
//! HDF5 implementation (the engine only reads HDF5). As h5py wrote the course's
//! files: `{prefix}_set_x` (m, 64, 64, 3) u8 pictures, H×W×C; `{prefix}_set_y`
//! (m,) int64 labels, 1 = cat, 0 = non-cat; `list_classes` (2,) 7-byte strings
//! "non-cat", "cat". hdf5-pure writes HDF5's newer format (superblock 3, version 2
//! object headers, link messages); the older one h5py writes is covered by the
//! h5py file of tests/engine_cats_hdf5.rs.
#![allow(dead_code)] // each test file uses a different subset

use backprop_lab::engine::cats::Sample;
use backprop_lab::engine::image::{Picture, FEATURES, SIDE};
use backprop_lab::engine::rng::Rng;
use hdf5_pure::FileBuilder;

/// The class names, index = label, as `list_classes` stores them.
pub const CLASSES: [&str; 2] = ["non-cat", "cat"];

/// A builder holding `samples` in the course's layout under `prefix` ("train" or
/// "test"), for a test that adds more (a user block, another dataset) before
/// `finish`.
pub fn course_builder(samples: &[Sample], prefix: &str) -> FileBuilder {
    let pixels: Vec<u8> = samples
        .iter()
        .flat_map(|s| s.picture.pixels().iter().copied())
        .collect();
    let labels: Vec<i64> = samples.iter().map(|s| i64::from(s.is_cat)).collect();
    let mut builder = FileBuilder::new();
    builder
        .create_dataset(&format!("{prefix}_set_x"))
        .with_u8_data(&pixels)
        .with_shape(&[samples.len() as u64, 64, 64, 3]);
    builder
        .create_dataset(&format!("{prefix}_set_y"))
        .with_i64_data(&labels);
    builder
        .create_dataset("list_classes")
        .with_ascii_strings_sized(&CLASSES, 7)
        .unwrap_or_else(|e| panic!("list_classes: {e}"));
    builder
}

/// The bytes of a file with `samples` in the course's layout under `prefix`.
pub fn course_file(samples: &[Sample], prefix: &str) -> Vec<u8> {
    course_builder(samples, prefix)
        .finish()
        .unwrap_or_else(|e| panic!("{prefix} file: {e}"))
}

/// Picture i: a noisy background, and for a cat a brighter, warmer disc in the
/// middle (so the task is learnable but not trivial).
fn picture(rng: &mut Rng, is_cat: bool) -> Picture {
    let base = rng.uniform(40.0, 200.0);
    let levels = (0..FEATURES).map(|j| {
        let (pixel, channel) = (j / 3, j % 3);
        let (r, c) = ((pixel / SIDE) as f64 - 31.5, (pixel % SIDE) as f64 - 31.5);
        let disc = if is_cat && r * r + c * c < 300.0 {
            [40.0, 20.0, -10.0][channel]
        } else {
            0.0
        };
        (base + disc + rng.uniform(-60.0, 60.0)).clamp(0.0, 255.0) as u8
    });
    Picture::from_pixels(levels.collect()).expect("12288 levels")
}

/// m training and m_test test pictures (about a third cats) of [`picture`], from a
/// fixed seed: the native reference tests and the browser tests' files
/// (examples/make_h5.rs) use the same ones.
pub fn course_like(m: usize, m_test: usize) -> (Vec<Sample>, Vec<Sample>) {
    let mut rng = Rng::new(2024);
    let mut set = |count: usize| -> Vec<Sample> {
        (0..count)
            .map(|i| {
                let is_cat = rng.next_f64() < 0.35;
                Sample {
                    picture: picture(&mut rng, is_cat),
                    is_cat,
                    name: format!("#{i}"),
                }
            })
            .collect()
    };
    let train = set(m);
    (train, set(m_test))
}
