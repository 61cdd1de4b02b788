//! The course's HDF5 layout: a file written by h5py (reproduced byte for byte:
//! superblock 0, a symbol-table root group, version 1 object headers), round trips
//! of files written by hdf5-pure (superblock 3, link messages, version 2 object
//! headers) through load_hdf5 and back through hdf5-pure's reader, a user block
//! before either format, the limit on pictures, and damaged files.
//! Wrong layouts: tests/engine_cats_hdf5_errors.rs.

mod cats_hdf5_common;

use backprop_lab::engine::cats::{check_count, load_hdf5, Sample, MAX_IMAGES};
use backprop_lab::engine::image::{Picture, FEATURES};
use cats_hdf5_common::{course_builder, course_file};

/// The non-zero runs of the metadata (bytes 0–2047), "offset:hex" separated by spaces.
const H5PY_METADATA: &str = concat!(
    "0:894844460d0a1a0a0000000000080800040010 32:ffffffffffffffff1e68000000000000ffffffffffff",
    "ffff 64:600000000000000001000000000000008800000000000000a8020000000000000100010001000000",
    "180000000000000011001000000000008800000000000000a8020000000000005452454500000100ffffffff",
    "ffffffffffffffffffffffff 168:300400000000000018 680:484541500000000058000000000000003800",
    "000000000000c802 720:747261696e5f7365745f780000000000747261696e5f7365745f7900000000006c6",
    "973745f636c617373657300000000010000000000000020 800:010005000100000000010000000000000100",
    "4800000000000104010000000000020000000000000040000000000000004000000000000000030000000000",
    "0000020000000000000040000000000000004000000000000000030000000000000003001000010000001000",
    "0000010000000000080000000000050008000100000002020201000000000800180000000000030100080000",
    "000000000060 970:60 1072:534e4f440100030028000000000000008806 1120:08000000000000002003 ",
    "1160:18000000000000007805 1400:010005000100000000010000000000000100180000000000010101000",
    "0000000020000000000000002000000000000000300100001000000100800000800000000004000000000000",
    "500080001000000020202010000000008001800000000000301006800000000000010 1522:90 1672:01000",
    "5000100000000010000000000000100180000000000010101000000000002000000000000000200000000000",
    "0000300080001000000130100000700000005000800010000000202020100000000080018000000000003011",
    "0680000000000000e 1786:98",
);
/// Bytes 26624–26653: train_set_y = [1, 0] (i64 LE), then list_classes (2 × "S7").
const H5PY_TAIL: &str = "010000000000000000000000000000006e6f6e2d63617463617400000000";

/// The file h5py 3.16 writes for
/// `train_set_x = (arange(2·12288) % 251).astype(uint8).reshape(2, 64, 64, 3)`,
/// `train_set_y = [1, 0]` (int64), `list_classes = [b"non-cat", b"cat"]` (S7):
/// 26654 bytes, the pixels contiguous at byte 2048.
fn h5py_file() -> Vec<u8> {
    let hex = |s: &str| -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
            .collect()
    };
    let mut file = vec![0u8; 26654];
    for run in H5PY_METADATA.split(' ') {
        let (offset, hex_bytes) = run.split_once(':').expect("offset:hex");
        let (offset, bytes) = (offset.parse::<usize>().expect("offset"), hex(hex_bytes));
        file[offset..offset + bytes.len()].copy_from_slice(&bytes);
    }
    for (i, b) in file[2048..26624].iter_mut().enumerate() {
        *b = (i % 251) as u8;
    }
    file[26624..].copy_from_slice(&hex(H5PY_TAIL));
    file
}

/// Picture i of a set: level (r, c, ch) = (31·i + 7·r + 3·c + ch) mod 256.
fn sample(i: usize, is_cat: bool) -> Sample {
    let levels =
        (0..FEATURES).map(|j| ((31 * i + 7 * (j / 192) + 3 * (j / 3 % 64) + j % 3) % 256) as u8);
    Sample {
        picture: Picture::from_pixels(levels.collect()).expect("12288 levels"),
        is_cat,
        name: format!("mine {i}"),
    }
}

fn samples(labels: &[bool]) -> Vec<Sample> {
    labels
        .iter()
        .enumerate()
        .map(|(i, &c)| sample(i, c))
        .collect()
}

fn test_file() -> Vec<u8> {
    course_file(&samples(&[false, true, true]), "test")
}

#[test]
fn a_file_written_by_h5py_loads() {
    let data = load_hdf5(&h5py_file(), &test_file()).expect("the course's layout");
    assert_eq!(data.train.len(), 2);
    assert_eq!((data.train[0].is_cat, data.train[1].is_cat), (true, false));
    assert_eq!(
        (data.train[0].name.as_str(), data.train[1].name.as_str()),
        ("train #0", "train #1")
    );
    for (i, s) in data.train.iter().enumerate() {
        for (j, &v) in s.picture.pixels().iter().enumerate() {
            assert_eq!(
                v as usize,
                (i * FEATURES + j) % 251,
                "picture {i}, feature {j}"
            );
        }
    }
    // (r, c, ch) = (1, 2, 1) is feature (1·64 + 2)·3 + 1 = 199 of picture 0.
    assert_eq!(data.train[0].picture.get(1, 2, 1), 199);
    let counts = data.counts();
    assert_eq!(
        (
            counts.train_cats,
            counts.train_other,
            counts.test_cats,
            counts.test_other
        ),
        (1, 1, 2, 1)
    );
}

#[test]
fn write_then_load_gives_the_same_pictures_and_labels() {
    let train = samples(&[true, false, false, true, false]);
    let bytes = course_file(&train, "train");
    let data = load_hdf5(&bytes, &test_file()).expect("readable");
    assert_eq!(data.train.len(), 5);
    for (i, (got, want)) in data.train.iter().zip(&train).enumerate() {
        assert_eq!(got.picture, want.picture);
        assert_eq!(got.is_cat, want.is_cat);
        assert_eq!(got.name, format!("train #{i}"));
    }
    assert_eq!(
        data.test.iter().map(|s| s.is_cat).collect::<Vec<_>>(),
        [false, true, true]
    );
    assert_eq!(data.test[2].name, "test #2");
    // The written file has the course's keys, shapes and class names.
    let file = hdf5_pure::File::from_bytes(bytes.clone()).expect("HDF5");
    assert_eq!(
        file.dataset("train_set_x").and_then(|d| d.shape()).ok(),
        Some(vec![5, 64, 64, 3])
    );
    assert_eq!(
        file.dataset("train_set_y").and_then(|d| d.read_i64()).ok(),
        Some(vec![1, 0, 0, 1, 0])
    );
    let classes = file
        .dataset("list_classes")
        .and_then(|d| d.read_string())
        .ok();
    assert_eq!(
        classes,
        Some(vec!["non-cat".to_string(), "cat".to_string()])
    );
    // An empty set is a valid file too.
    let empty = course_file(&[], "test");
    assert_eq!(load_hdf5(&bytes, &empty).map(|d| d.test.len()), Ok(0));
}

#[test]
fn more_than_max_images_is_too_many_files() {
    assert_eq!(check_count(MAX_IMAGES), Ok(()));
    let err = check_count(MAX_IMAGES + 1).expect_err("too many");
    assert_eq!(
        (err.code(), err.args()),
        ("too-many-files", vec![("limit", "2000".to_string())])
    );
    // A file of the course's layout with one picture too many is refused on loading.
    let many = course_file(&vec![sample(0, true); MAX_IMAGES + 1], "train");
    assert_eq!(
        load_hdf5(&many, &test_file())
            .map_err(|e| (e.code(), e.args()))
            .map(|_| ()),
        Err(("too-many-files", vec![("limit", "2000".to_string())]))
    );
}

#[test]
fn a_user_block_before_the_superblock_is_skipped() {
    // A user block of 512 bytes: the superblock moves to byte 512 and its base
    // address says so; every other address stays relative to it. hdf5-pure writes
    // one before its superblock 3 (base address at byte 12 of the superblock) ...
    let mut builder = course_builder(&samples(&[true, false]), "train");
    builder.with_userblock(512);
    let file = builder.finish().expect("writable");
    assert_eq!(&file[512..512 + 9], b"\x89HDF\r\n\x1a\n\x03");
    let data = load_hdf5(&file, &test_file()).expect("readable");
    assert_eq!(
        data.train.iter().map(|s| s.is_cat).collect::<Vec<_>>(),
        [true, false]
    );
    assert_eq!(data.train[1].picture, sample(1, false).picture);
    // ... and h5py's userblock_size=512 before its superblock 0 (base address at
    // byte 24): the h5py file moved by 512 bytes, its base address set.
    let mut file = vec![0u8; 512];
    file.extend(h5py_file());
    file[512 + 24..512 + 32].copy_from_slice(&512u64.to_le_bytes());
    let data = load_hdf5(&file, &test_file()).expect("readable");
    assert_eq!(
        data.train.iter().map(|s| s.is_cat).collect::<Vec<_>>(),
        [true, false]
    );
    let unmoved = load_hdf5(&h5py_file(), &test_file()).expect("readable");
    assert_eq!(data.train[1].picture, unmoved.train[1].picture);
}

#[test]
fn damaged_files_give_errors_never_panics() {
    // 3000 seeded corruptions of the h5py file's metadata (the first 2048 bytes): a
    // run of 1–8 random bytes at a random place. Each must load or fail cleanly.
    let original = h5py_file();
    let test = test_file();
    let cut = load_hdf5(&original[..600], &test).map_err(|e| e.code()); // inside the metadata
    assert_eq!(cut.map(|_| ()), Err("not-hdf5"));
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut refused = 0;
    for _ in 0..3000 {
        let mut file = original.clone();
        let at = (next() % 2048) as usize;
        for k in 0..(1 + next() % 8) as usize {
            file[(at + k) % 2048] = next() as u8;
        }
        refused += usize::from(load_hdf5(&file, &test).is_err());
    }
    assert!(
        refused > 500,
        "only {refused} of 3000 damaged files were refused"
    );
}
