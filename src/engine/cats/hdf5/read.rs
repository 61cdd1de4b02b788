//! A small HDF5 reader: enough of the format to find the datasets of the root
//! group and read them, as h5py and the HDF5 library write them.
//!
//! Supported: superblock versions 0–3 (at byte 0 or after a user block of 512,
//! 1024, … bytes), object headers version 1 and 2 with continuation blocks, root
//! groups stored as a symbol table (B-tree v1 + local heap: h5py's default) or as
//! link messages (compact groups of `libver="latest"`), contiguous and compact
//! storage. Not supported (reported as an unreadable file): chunked storage, which
//! is also where compression lives, dense link storage, shared messages. Every
//! offset is bounds-checked and every chain of blocks is bounded, so a damaged or
//! hostile file is an error, never a panic or an endless loop.

use std::borrow::Cow;

use super::cursor::Cursor;
use crate::engine::cats::error::{CatError, Kind};

/// The HDF5 signature, at the start of the superblock.
pub(crate) const SIGNATURE: &[u8; 8] = b"\x89HDF\r\n\x1a\n";
/// Most header blocks (the first and its continuations) or B-tree nodes visited.
const MAX_BLOCKS: usize = 64;

/// not-hdf5: the bytes are not a (supported) HDF5 file.
pub(crate) fn broken() -> CatError {
    CatError::new(Kind::NotHdf5)
}

/// An element type, as far as the cat lab needs to tell them apart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Element {
    Int {
        size: usize,
        signed: bool,
        big_endian: bool,
    },
    Float {
        size: usize,
        big_endian: bool,
    },
    Text {
        size: usize,
    },
    Other {
        size: usize,
    },
}

impl Element {
    /// Bytes per element.
    pub(crate) fn size(self) -> usize {
        match self {
            Element::Int { size, .. }
            | Element::Float { size, .. }
            | Element::Text { size }
            | Element::Other { size } => size,
        }
    }

    /// A short name: "u8", "i64", "f32", "string", "other".
    pub(crate) fn name(self) -> String {
        match self {
            Element::Int { size, signed, .. } => {
                format!("{}{}", if signed { "i" } else { "u" }, 8 * size)
            }
            Element::Float { size, .. } => format!("f{}", 8 * size),
            Element::Text { .. } => "string".to_string(),
            Element::Other { .. } => "other".to_string(),
        }
    }
}

/// A dataset: its shape, element type and stored bytes.
#[derive(Clone, Debug)]
pub(crate) struct Dataset<'a> {
    pub(crate) shape: Vec<u64>,
    pub(crate) element: Element,
    pub(crate) bytes: Cow<'a, [u8]>,
}

/// An open file: the bytes and the superblock's address arithmetic.
pub(crate) struct File<'a> {
    pub(crate) bytes: &'a [u8],
    base: usize,
    pub(crate) offset_size: usize,
    pub(crate) length_size: usize,
    root: u64,
}

impl<'a> File<'a> {
    /// Finds and reads the superblock; not-hdf5 if there is none or it is damaged.
    pub(crate) fn open(bytes: &'a [u8]) -> Result<File<'a>, CatError> {
        let start = (0..)
            .map(|k| if k == 0 { 0 } else { 512usize << (k - 1) })
            .take_while(|&at| at + 8 <= bytes.len())
            .find(|&at| &bytes[at..at + 8] == SIGNATURE)
            .ok_or_else(broken)?;
        superblock(bytes, start).ok_or_else(broken)
    }

    /// The absolute position of a file address, or `None` for the undefined address
    /// or one outside the file.
    pub(crate) fn at(&self, address: u64) -> Option<usize> {
        if self.is_undefined(address) {
            return None;
        }
        let at = self.base.checked_add(usize::try_from(address).ok()?)?;
        (at <= self.bytes.len()).then_some(at)
    }

    /// The undefined address: all bits of an offset set.
    pub(crate) fn is_undefined(&self, address: u64) -> bool {
        address == u64::MAX >> (64 - 8 * self.offset_size)
    }

    /// The dataset called `name` in the root group: `Ok(None)` when there is no
    /// such link, not-hdf5 when the file's structure cannot be followed.
    pub(crate) fn dataset(&self, name: &str) -> Result<Option<Dataset<'a>>, CatError> {
        let links = super::group::links(self, self.root).ok_or_else(broken)?;
        match links.iter().find(|(n, _)| n == name) {
            None => Ok(None),
            Some(&(_, header)) => {
                let messages = self.messages(header).ok_or_else(broken)?;
                super::dataset::describe(self, &messages).map(Some)
            }
        }
    }

    /// The messages (type, data) of the object header at file address `address`,
    /// continuation blocks followed.
    pub(crate) fn messages(&self, address: u64) -> Option<Vec<(u16, &'a [u8])>> {
        let at = self.at(address)?;
        let mut messages = Vec::new();
        let mut blocks = vec![self.first_block(at)?];
        let mut visited = 0;
        while let Some(block) = blocks.pop() {
            visited += 1;
            if visited > MAX_BLOCKS {
                return None; // a loop of continuations, or absurdly many
            }
            for (kind, data) in block.read(self.bytes)? {
                if kind == 0x10 {
                    let mut c = Cursor::new(data, 0);
                    let (address, length) = (c.uint(self.offset_size)?, c.uint(self.length_size)?);
                    blocks.push(Block::continuation(
                        self.at(address)?,
                        length as usize,
                        block.version,
                    )?);
                } else {
                    messages.push((kind, data));
                }
            }
        }
        Some(messages)
    }

    /// The first block of an object header (version 1 or "OHDR" version 2).
    fn first_block(&self, at: usize) -> Option<Block> {
        let mut c = Cursor::new(self.bytes, at);
        if self.bytes.get(at..at + 4)? == b"OHDR" {
            c.skip(4)?;
            if c.u8()? != 2 {
                return None;
            }
            let flags = c.u8()?;
            c.skip(if flags & 0x20 != 0 { 16 } else { 0 })?; // access/modification/… times
            c.skip(if flags & 0x10 != 0 { 4 } else { 0 })?; // attribute phase change
            let size = c.uint(1 << (flags & 3))? as usize;
            Some(Block {
                start: c.position(),
                size,
                version: 2,
                flags,
            })
        } else {
            if c.u8()? != 1 {
                return None;
            }
            c.skip(3)?; // reserved, number of messages
            c.skip(4)?; // reference count
            let size = c.u32()? as usize;
            c.skip(4)?; // padding to 8 bytes
            Some(Block {
                start: c.position(),
                size,
                version: 1,
                flags: 0,
            })
        }
    }
}

/// Superblock versions 0/1 (root symbol-table entry) and 2/3 (root header address).
fn superblock(bytes: &[u8], start: usize) -> Option<File<'_>> {
    let mut c = Cursor::new(bytes, start + 8);
    let version = c.u8()?;
    let (offset_size, length_size) = match version {
        0 | 1 => {
            c.skip(4)?; // free-space, root group and shared-header versions, reserved
            let sizes = (c.u8()? as usize, c.u8()? as usize);
            c.skip(1 + 4 + 4 + if version == 1 { 4 } else { 0 })?; // K values, flags
            sizes
        }
        2 | 3 => {
            let sizes = (c.u8()? as usize, c.u8()? as usize);
            c.skip(1)?; // flags
            sizes
        }
        _ => return None,
    };
    if ![2, 4, 8].contains(&offset_size) || ![2, 4, 8].contains(&length_size) {
        return None;
    }
    let base = usize::try_from(c.uint(offset_size)?).ok()?;
    // v0/1: free-space, end-of-file and driver addresses, then the root entry's link
    // name offset; v2/3: extension and end-of-file addresses.
    let skipped = if version < 2 { 4 } else { 2 };
    c.skip(skipped * offset_size)?;
    let root = c.uint(offset_size)?;
    Some(File {
        bytes,
        base,
        offset_size,
        length_size,
        root,
    })
}

/// One block of header messages.
#[derive(Clone, Copy, Debug)]
struct Block {
    start: usize,
    size: usize,
    version: u8,
    flags: u8,
}

impl Block {
    /// A continuation block: version 2 ones start with "OCHK" and end with a checksum.
    fn continuation(at: usize, length: usize, version: u8) -> Option<Block> {
        if version == 2 {
            Some(Block {
                start: at + 4,
                size: length.checked_sub(8)?,
                version,
                flags: 0,
            })
        } else {
            Some(Block {
                start: at,
                size: length,
                version,
                flags: 0,
            })
        }
    }

    /// The (type, data) of each message in the block. Version 1: type (2), size (2),
    /// flags (1), reserved (3), data padded to 8. Version 2: type (1), size (2), flags
    /// (1), creation order (2) if the header tracks it, data.
    fn read(self, bytes: &[u8]) -> Option<Vec<(u16, &[u8])>> {
        let end = self.start.checked_add(self.size)?;
        let region = bytes.get(..end)?;
        let mut c = Cursor::new(region, self.start);
        let mut out = Vec::new();
        let (header, fields) = match self.version {
            1 => (8, 5),
            _ if self.flags & 0x04 != 0 => (6, 4),
            _ => (4, 4),
        };
        while c.position() + header <= end {
            let kind = if self.version == 1 {
                c.u16()?
            } else {
                u16::from(c.u8()?)
            };
            let size = c.u16()? as usize;
            let flags = c.u8()?;
            c.skip(header - fields)?; // reserved bytes or creation order
            let data = c.take(size)?;
            if flags & 0x02 != 0 {
                return None; // a shared message: stored elsewhere, not supported
            }
            out.push((kind, data));
            if self.version == 1 {
                c.align(self.start, 8)?;
            }
        }
        Some(out)
    }
}
