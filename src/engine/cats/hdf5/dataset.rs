//! A dataset's header messages turned into shape, element type and bytes:
//! the dataspace (0x01), datatype (0x03) and data layout (0x08) messages.

use std::borrow::Cow;

use super::cursor::Cursor;
use super::read::{broken, Dataset, Element, File};
use crate::engine::cats::error::CatError;

const DATASPACE: u16 = 0x01;
const DATATYPE: u16 = 0x03;
const LAYOUT: u16 = 0x08;

/// Shape, element type and stored bytes of the dataset with these messages.
pub(crate) fn describe<'a>(
    file: &File<'a>,
    messages: &[(u16, &'a [u8])],
) -> Result<Dataset<'a>, CatError> {
    let find = |kind: u16| {
        messages
            .iter()
            .find(|m| m.0 == kind)
            .map(|m| m.1)
            .ok_or_else(broken)
    };
    let shape = dataspace(find(DATASPACE)?, file.length_size).ok_or_else(broken)?;
    let element = datatype(find(DATATYPE)?).ok_or_else(broken)?;
    let count = shape
        .iter()
        .try_fold(1u64, |n, &d| n.checked_mul(d))
        .ok_or_else(broken)?;
    let expected = usize::try_from(count)
        .ok()
        .and_then(|n| n.checked_mul(element.size()))
        .filter(|&n| n <= file.bytes.len().max(1 << 20))
        .ok_or_else(broken)?;
    let bytes = layout(file, find(LAYOUT)?, expected).ok_or_else(broken)?;
    Ok(Dataset {
        shape,
        element,
        bytes,
    })
}

/// Dataspace version 1: version, rank, flags, 5 reserved, then the sizes (L each);
/// version 2: version, rank, flags, type (0 scalar, 1 simple, 2 null), then the sizes.
fn dataspace(data: &[u8], length_size: usize) -> Option<Vec<u64>> {
    let mut c = Cursor::new(data, 0);
    let version = c.u8()?;
    let rank = c.u8()? as usize;
    c.skip(1)?; // flags: whether maximum sizes follow (not needed)
    match version {
        1 => c.skip(5)?,
        2 if c.u8()? == 2 => return Some(vec![0]), // null: no elements
        2 => {}
        _ => return None,
    }
    (0..rank).map(|_| c.uint(length_size)).collect()
}

/// Datatype: class and version (1), class bits (3), element size (4). Fixed-point
/// (class 0): bit 0 byte order, bit 3 signed; floating-point (class 1): bit 0 byte
/// order; string (class 3).
fn datatype(data: &[u8]) -> Option<Element> {
    let mut c = Cursor::new(data, 0);
    let class = c.u8()? & 0x0F;
    let bits = c.u8()?;
    c.skip(2)?;
    let size = c.u32()? as usize;
    let big_endian = bits & 0x01 != 0;
    Some(match class {
        0 if (1..=8).contains(&size) => Element::Int {
            size,
            signed: bits & 0x08 != 0,
            big_endian,
        },
        1 if size == 4 || size == 8 => Element::Float { size, big_endian },
        3 => Element::Text { size },
        _ => Element::Other { size },
    })
}

/// The stored bytes (`expected` of them) of a compact or contiguous layout.
fn layout<'a>(file: &File<'a>, data: &'a [u8], expected: usize) -> Option<Cow<'a, [u8]>> {
    let mut c = Cursor::new(data, 0);
    match layout_class(&mut c, file.offset_size)? {
        (0, _) => c.take(expected).map(Cow::Borrowed),
        (1, Some(address)) => match file.at(address) {
            Some(at) => file
                .bytes
                .get(at..at.checked_add(expected)?)
                .map(Cow::Borrowed),
            // Never written: HDF5 reads the fill value, 0.
            None if file.is_undefined(address) => Some(Cow::Owned(vec![0; expected])),
            None => None,
        },
        _ => None, // chunked (and compressed) or virtual storage
    }
}

/// The layout class (0 compact, 1 contiguous, 2 chunked, 3 virtual) and the data
/// address, leaving `c` at compact data. Version 1/2: version, rank, class,
/// 5 reserved, address (O) unless compact, rank sizes (4 each), for compact a size
/// (4). Version 3/4: version, class, then compact: size (2); others: address (O).
fn layout_class(c: &mut Cursor, offset_size: usize) -> Option<(u8, Option<u64>)> {
    match c.u8()? {
        1 | 2 => {
            let rank = c.u8()? as usize;
            let class = c.u8()?;
            c.skip(5)?;
            let address = if class == 0 {
                None
            } else {
                Some(c.uint(offset_size)?)
            };
            c.skip(4 * rank + if class == 0 { 4 } else { 0 })?;
            Some((class, address))
        }
        3 | 4 => match c.u8()? {
            0 => c.skip(2).map(|_| (0, None)),
            class => Some((class, Some(c.uint(offset_size)?))),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_messages_of_every_version_are_understood() {
        // Addresses resolve against a file of 8-byte offsets: an empty one (a root
        // group only) written by hdf5-pure, a dev-dependency.
        let file_bytes = hdf5_pure::FileBuilder::new().finish().expect("writable");
        let file = File::open(&file_bytes).expect("readable");
        assert_eq!(file.offset_size, 8);
        // Version 3 compact: class 0, size 3, the data itself.
        let compact = [3, 0, 3, 0, 7, 8, 9];
        assert_eq!(
            layout(&file, &compact, 3).as_deref(),
            Some(&[7u8, 8, 9][..])
        );
        assert_eq!(layout(&file, &compact, 4), None); // shorter than the dataset
                                                      // Version 1 compact: rank 1, class 0, reserved, one size, data size, data.
        let old = [1, 1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 5, 6];
        assert_eq!(layout(&file, &old, 2).as_deref(), Some(&[5u8, 6][..]));
        // Version 3 contiguous at the undefined address: never written, zeros.
        let unwritten = [[3, 1].as_slice(), &[0xFF; 8], &[4, 0, 0, 0, 0, 0, 0, 0]].concat();
        assert_eq!(layout(&file, &unwritten, 4).as_deref(), Some(&[0u8; 4][..]));
        // Contiguous past the end of the file, and chunked storage: unreadable.
        let outside = [
            [3, 1].as_slice(),
            &[0, 0, 0, 0, 1, 0, 0, 0],
            &[4, 0, 0, 0, 0, 0, 0, 0],
        ]
        .concat();
        assert_eq!(layout(&file, &outside, 4), None);
        assert_eq!(layout(&file, &[3, 2, 1, 0, 0, 0, 0, 0, 0, 0], 4), None);
    }
}
