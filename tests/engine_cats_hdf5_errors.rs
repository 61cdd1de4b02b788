//! Every way an HDF5 file can miss the course's layout, and the error code the
//! page shows for it. The wrong files are written by an independent HDF5
//! implementation (hdf5-pure: superblock 3, version 2 object headers, link
//! messages — HDF5's newer format), so the engine's reader is checked on that
//! format too.

mod cats_hdf5_common;

use backprop_lab::engine::cats::load_hdf5;
use backprop_lab::engine::image::FEATURES;
use cats_hdf5_common::course_file;
use hdf5_pure::FileBuilder;

/// A valid test file with no pictures.
fn test_file() -> Vec<u8> {
    course_file(&[], "test")
}

/// A file with `train_set_x` built by `x` and `train_set_y` built by `y`.
fn custom(x: impl Fn(&mut FileBuilder), y: impl Fn(&mut FileBuilder)) -> Vec<u8> {
    let mut builder = FileBuilder::new();
    x(&mut builder);
    y(&mut builder);
    builder.finish().expect("writable")
}

fn pixels(m: usize) -> impl Fn(&mut FileBuilder) {
    move |b: &mut FileBuilder| {
        b.create_dataset("train_set_x")
            .with_u8_data(&vec![7; m * FEATURES])
            .with_shape(&[m as u64, 64, 64, 3]);
    }
}

fn labels(values: &'static [i64], shape: &'static [u64]) -> impl Fn(&mut FileBuilder) {
    move |b: &mut FileBuilder| {
        b.create_dataset("train_set_y")
            .with_i64_data(values)
            .with_shape(shape);
    }
}

/// The error of loading `train` (with a valid test file): code and arguments.
fn error_of(train: &[u8]) -> (&'static str, Vec<(&'static str, String)>) {
    let err = load_hdf5(train, &test_file()).expect_err("must be refused");
    (err.code(), err.args())
}

fn file(name: &str) -> (&'static str, String) {
    ("file", name.to_string())
}

#[test]
fn missing_files_and_keys_get_not_hdf5_and_hdf5_key() {
    assert_eq!(
        error_of(b"just some text"),
        ("not-hdf5", vec![file("train")])
    );
    let key = |k: &str| vec![file("train"), ("key", k.to_string())];
    assert_eq!(error_of(&test_file()), ("hdf5-key", key("train_set_x")));
    assert_eq!(
        error_of(&custom(pixels(2), |_| {})),
        ("hdf5-key", key("train_set_y"))
    );
}

#[test]
fn wrong_shapes_get_hdf5_shape() {
    let shape = |s: &str, k: &str, e: &str| {
        vec![
            file("train"),
            ("key", k.into()),
            ("shape", s.into()),
            ("expected", e.into()),
        ]
    };
    let small = |b: &mut FileBuilder| {
        b.create_dataset("train_set_x")
            .with_u8_data(&[0; 2 * 32 * 32 * 3])
            .with_shape(&[2, 32, 32, 3]);
    };
    let x_expected = "(m, 64, 64, 3) u8";
    assert_eq!(
        error_of(&custom(small, labels(&[1, 0], &[2]))),
        (
            "hdf5-shape",
            shape("(2, 32, 32, 3) u8", "train_set_x", x_expected)
        )
    );
    let floats = |b: &mut FileBuilder| {
        b.create_dataset("train_set_x")
            .with_f64_data(&vec![0.5; FEATURES])
            .with_shape(&[1, 64, 64, 3]);
    };
    assert_eq!(
        error_of(&custom(floats, labels(&[1], &[1]))).1[2].1,
        "(1, 64, 64, 3) f64"
    );
    let y_expected = "(m,) integer";
    let square = labels(&[1, 0, 0, 1], &[2, 2]);
    assert_eq!(
        error_of(&custom(pixels(2), square)),
        ("hdf5-shape", shape("(2, 2) i64", "train_set_y", y_expected))
    );
    let words = |b: &mut FileBuilder| {
        b.create_dataset("train_set_y")
            .with_ascii_strings(&["cat", "dog"])
            .expect("ascii");
    };
    assert_eq!(error_of(&custom(pixels(2), words)).0, "hdf5-shape");
}

#[test]
fn wrong_labels_and_counts_get_hdf5_labels_and_hdf5_count() {
    assert_eq!(
        error_of(&custom(pixels(2), labels(&[1, 2], &[2]))),
        ("hdf5-labels", vec![file("train")])
    );
    assert_eq!(
        error_of(&custom(pixels(2), labels(&[1, -1], &[2]))).0,
        "hdf5-labels"
    );
    assert_eq!(
        error_of(&custom(pixels(2), labels(&[1, 0, 1], &[3]))),
        ("hdf5-count", vec![file("train")])
    );
}

#[test]
fn labels_as_a_row_or_as_floats_are_accepted_and_errors_name_the_file() {
    let row = custom(pixels(2), labels(&[0, 1], &[1, 2]));
    let data = load_hdf5(&row, &test_file()).expect("(1, m) labels");
    assert_eq!(
        data.train.iter().map(|s| s.is_cat).collect::<Vec<_>>(),
        [false, true]
    );
    let floats = custom(pixels(2), |b| {
        b.create_dataset("train_set_y").with_f64_data(&[1.0, 0.0]);
    });
    assert_eq!(
        load_hdf5(&floats, &test_file()).map(|d| d.train[0].is_cat),
        Ok(true)
    );
    let halves = custom(pixels(1), |b| {
        b.create_dataset("train_set_y").with_f64_data(&[0.5]);
    });
    assert_eq!(
        load_hdf5(&halves, &test_file())
            .map_err(|e| e.code())
            .map(|_| ()),
        Err("hdf5-labels")
    );
    // A broken test file names "test"; the page renames it with the file's own name.
    let err = load_hdf5(&row, b"\x89HDF\r\n\x1a\n broken").expect_err("not HDF5");
    assert_eq!(
        (err.code(), err.args()),
        ("not-hdf5", vec![("file", "test".to_string())])
    );
    let renamed = err.with_file("my_test.h5");
    assert_eq!(renamed.args(), vec![("file", "my_test.h5".to_string())]);
    assert!(renamed.to_string().contains("my_test.h5"), "{renamed}");
}

#[test]
fn chunked_datasets_are_refused_as_unreadable() {
    let chunked = |b: &mut FileBuilder| {
        b.create_dataset("train_set_x")
            .with_u8_data(&vec![7; 2 * FEATURES])
            .with_shape(&[2, 64, 64, 3])
            .with_chunks(&[1, 64, 64, 3]);
    };
    assert_eq!(
        error_of(&custom(chunked, labels(&[1, 0], &[2]))).0,
        "not-hdf5"
    );
}

/// Group B-trees that point at the same node from many places (found by the
/// `hdf5_read` fuzz target): 16 levels of 6-way fan-out onto one node each would
/// take about 6¹⁶ visits, and one leaf listing one symbol-table node many times
/// would push its links again and again. Both are refused as damaged at once.
#[test]
fn group_trees_that_revisit_a_node_are_refused() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    for name in ["hdf5-tree-fanout.h5", "hdf5-snod-repeated.h5"] {
        let bytes = std::fs::read(format!("{dir}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"));
        let err = load_hdf5(&bytes, &test_file()).err();
        let (code, args) = err
            .map(|e| (e.code(), e.args()))
            .unwrap_or_else(|| panic!("{name} loaded"));
        assert_eq!(code, "not-hdf5", "{name}");
        assert_eq!(args, [("file", "train".to_string())], "{name}");
    }
}
