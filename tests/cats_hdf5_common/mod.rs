//! Test support: the course's HDF5 layout written by hdf5-pure, an independent
//! HDF5 implementation (the engine only reads HDF5). As h5py wrote the course's
//! files: `{prefix}_set_x` (m, 64, 64, 3) u8 pictures, H×W×C; `{prefix}_set_y`
//! (m,) int64 labels, 1 = cat, 0 = non-cat; `list_classes` (2,) 7-byte strings
//! "non-cat", "cat". hdf5-pure writes HDF5's newer format (superblock 3, version 2
//! object headers, link messages); the older one h5py writes is covered by the
//! h5py file of tests/engine_cats_hdf5.rs.
#![allow(dead_code)] // each test file uses a different subset

use backprop_lab::engine::cats::Sample;
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
