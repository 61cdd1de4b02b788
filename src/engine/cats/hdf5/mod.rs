//! The course's HDF5 files (train_catvnoncat.h5, test_catvnoncat.h5), read in
//! memory by a small reader of our own (a general HDF5 library would add several
//! times the size of the whole page to the wasm). The page never writes HDF5; the
//! tests and examples/make_h5.rs write their files with hdf5-pure.
//!
//! Layout, as h5py wrote it: `{prefix}_set_x` (m, 64, 64, 3) u8 pictures, H×W×C;
//! `{prefix}_set_y` (m,) integer labels, 1 = cat, 0 = non-cat; `list_classes` (2,)
//! byte strings "non-cat", "cat". A label vector of shape (1, m) is accepted too.

mod cursor;
mod dataset;
mod group;
mod read;

use self::read::{Dataset, Element, File};
use super::dataset::{check_count, CatData, Sample};
use super::error::{CatError, Kind};
use crate::engine::image::{Picture, CHANNELS, FEATURES, SIDE};

/// Both files of the course's layout. Errors name the file "train" or "test"
/// (the caller may rename it with [`CatError::with_file`]): not-hdf5, hdf5-key,
/// hdf5-shape, hdf5-labels, hdf5-count, too-many-files.
pub fn load_hdf5(train: &[u8], test: &[u8]) -> Result<CatData, CatError> {
    Ok(CatData {
        train: load_set(train, "train").map_err(|e| e.with_file("train"))?,
        test: load_set(test, "test").map_err(|e| e.with_file("test"))?,
    })
}

/// The samples of one file; names "{prefix} #i", i from 0 as the course indexes them.
fn load_set(bytes: &[u8], prefix: &str) -> Result<Vec<Sample>, CatError> {
    let file = File::open(bytes)?;
    let (x_key, y_key) = (format!("{prefix}_set_x"), format!("{prefix}_set_y"));
    let x = open(&file, &x_key)?;
    let m = picture_count(&x, &x_key)?;
    let labels = read_labels(&open(&file, &y_key)?, &y_key)?;
    if labels.len() != m {
        return Err(CatError::new(Kind::Hdf5Count));
    }
    check_count(m)?;
    x.bytes
        .chunks_exact(FEATURES)
        .zip(labels)
        .enumerate()
        .map(|(i, (p, is_cat))| {
            Ok(Sample {
                picture: Picture::from_pixels(p.to_vec())?,
                is_cat,
                name: format!("{prefix} #{i}"),
            })
        })
        .collect()
}

/// The dataset `key`: hdf5-key when the root group has no such link.
fn open<'a>(file: &File<'a>, key: &str) -> Result<Dataset<'a>, CatError> {
    file.dataset(key)?.ok_or_else(|| {
        CatError::new(Kind::Hdf5Key {
            key: key.to_string(),
        })
    })
}

/// hdf5-shape with the dataset's actual shape and type beside the expected ones.
fn shape_error(key: &str, ds: &Dataset, expected: &str) -> CatError {
    let dims: Vec<String> = ds.shape.iter().map(u64::to_string).collect();
    CatError::new(Kind::Hdf5Shape {
        key: key.to_string(),
        shape: format!("({}) {}", dims.join(", "), ds.element.name()),
        expected: expected.to_string(),
    })
}

/// m of a (m, 64, 64, 3) u8 picture dataset.
fn picture_count(x: &Dataset, key: &str) -> Result<usize, CatError> {
    let (side, channels) = (SIDE as u64, CHANNELS as u64);
    let u8 = Element::Int {
        size: 1,
        signed: false,
        big_endian: false,
    };
    let big_u8 = Element::Int {
        size: 1,
        signed: false,
        big_endian: true,
    };
    match x.shape.as_slice() {
        &[m, h, w, c]
            if h == side
                && w == side
                && c == channels
                && (x.element == u8 || x.element == big_u8) =>
        {
            Ok(m as usize)
        }
        _ => Err(shape_error(key, x, "(m, 64, 64, 3) u8")),
    }
}

/// Labels of shape (m,) or (1, m), any integer or float type, each 0 or 1.
fn read_labels(y: &Dataset, key: &str) -> Result<Vec<bool>, CatError> {
    let numeric = matches!(y.element, Element::Int { .. } | Element::Float { .. });
    if !numeric || !matches!(y.shape.as_slice(), [_] | [1, _]) {
        return Err(shape_error(key, y, "(m,) integer"));
    }
    y.bytes
        .chunks_exact(y.element.size())
        .map(|b| match value(y.element, b) {
            Some(0.0) => Ok(false),
            Some(1.0) => Ok(true),
            _ => Err(CatError::new(Kind::Hdf5Labels)),
        })
        .collect()
}

/// One stored number as f64 (integers of up to 8 bytes, f32, f64, either byte order).
fn value(element: Element, bytes: &[u8]) -> Option<f64> {
    let mut le = [0u8; 8];
    le[..bytes.len()].copy_from_slice(bytes);
    match element {
        Element::Int {
            big_endian: true, ..
        }
        | Element::Float {
            big_endian: true, ..
        } => {
            le[..bytes.len()].reverse();
        }
        _ => {}
    }
    let raw = u64::from_le_bytes(le);
    Some(match element {
        Element::Int {
            size, signed: true, ..
        } => ((raw << (64 - 8 * size)) as i64 >> (64 - 8 * size)) as f64,
        Element::Int { .. } => raw as f64,
        Element::Float { size: 4, .. } => f64::from(f32::from_bits(raw as u32)),
        Element::Float { .. } => f64::from_bits(raw),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_numbers_are_decoded_in_either_byte_order() {
        let int = |size, signed, big_endian| Element::Int {
            size,
            signed,
            big_endian,
        };
        assert_eq!(value(int(2, true, true), &[0xFF, 0xFE]), Some(-2.0));
        assert_eq!(value(int(2, true, false), &[0xFE, 0xFF]), Some(-2.0));
        assert_eq!(value(int(2, false, false), &[0xFE, 0xFF]), Some(65534.0));
        assert_eq!(
            value(int(8, true, false), &(-5i64).to_le_bytes()),
            Some(-5.0)
        );
        assert_eq!(value(int(1, false, false), &[1]), Some(1.0));
        let float = |size, big_endian| Element::Float { size, big_endian };
        assert_eq!(value(float(4, true), &1.0f32.to_be_bytes()), Some(1.0));
        assert_eq!(value(float(8, false), &0.5f64.to_le_bytes()), Some(0.5));
        assert_eq!(value(Element::Text { size: 3 }, b"cat"), None);
    }
}
