//! The links of a group: (name, object header address) pairs, from a symbol table
//! (a version 1 B-tree whose leaves are symbol-table nodes, names in a local heap —
//! h5py's default) or from link messages in the group's own header (compact
//! storage, HDF5's newer format).

use super::cursor::Cursor;
use super::read::File;

/// Most links a group may have: the course's files have three, h5py's largest
/// sensible groups far fewer than this.
const MAX_LINKS: usize = 100_000;
/// Deepest group B-tree walked (h5py's trees are one or two levels deep).
const MAX_DEPTH: usize = 16;
/// Most nodes of one group's B-tree (a node holds up to 32 links in h5py's files).
const MAX_NODES: usize = 10_000;

/// A walk of a group's B-tree: the nodes seen (a hostile file may point at one
/// node from many places, which would make the walk exponential) and the links
/// found (checked at every link, so one node listed many times cannot fill memory).
#[derive(Default)]
struct Walk {
    seen: Vec<u64>,
    links: Vec<(String, u64)>,
}

impl Walk {
    /// Marks the node at `address` seen; `None` if it was already.
    fn enter(&mut self, address: u64) -> Option<()> {
        // A linear search: a tree that is walked at all holds few nodes, and the
        // walk stops at the first revisit.
        if self.seen.contains(&address) || self.seen.len() >= MAX_NODES {
            return None;
        }
        self.seen.push(address);
        Some(())
    }

    fn push(&mut self, link: (String, u64)) -> Option<()> {
        if self.links.len() >= MAX_LINKS {
            return None;
        }
        self.links.push(link);
        Some(())
    }
}

/// Message types used here.
const LINK_INFO: u16 = 0x02;
const LINK: u16 = 0x06;
const SYMBOL_TABLE: u16 = 0x11;

/// Every (name, header address) link of the group whose header is at `address`.
pub(crate) fn links(file: &File, address: u64) -> Option<Vec<(String, u64)>> {
    let messages = file.messages(address)?;
    let mut out = Vec::new();
    for &(kind, data) in &messages {
        match kind {
            SYMBOL_TABLE => {
                let mut c = Cursor::new(data, 0);
                let (tree, heap) = (c.uint(file.offset_size)?, c.uint(file.offset_size)?);
                let names = heap_data(file, heap)?;
                let mut walk = Walk::default();
                tree_links(file, tree, names, 0, &mut walk)?;
                out.extend(walk.links);
            }
            LINK => out.extend(link(file, data)?),
            LINK_INFO if dense(file, data)? => return None, // fractal heap: not supported
            _ => {}
        }
    }
    Some(out)
}

/// The data segment of a local heap ("HEAP", version 0): size (L), free list (L),
/// data address (O).
fn heap_data<'a>(file: &File<'a>, address: u64) -> Option<&'a [u8]> {
    let mut c = Cursor::new(file.bytes, file.at(address)?);
    if c.take(4)? != b"HEAP" || c.u8()? != 0 {
        return None;
    }
    c.skip(3)?;
    let size = c.uint(file.length_size)? as usize;
    c.skip(file.length_size)?;
    let at = file.at(c.uint(file.offset_size)?)?;
    file.bytes.get(at..at.checked_add(size)?)
}

/// The nul-terminated name at `offset` of a heap's data segment.
fn heap_name(names: &[u8], offset: u64) -> Option<String> {
    let tail = names.get(usize::try_from(offset).ok()?..)?;
    let end = tail.iter().position(|&b| b == 0)?;
    String::from_utf8(tail[..end].to_vec()).ok()
}

/// Walks a group B-tree ("TREE", type 0): level > 0 nodes point to nodes, level 0
/// nodes to symbol-table nodes. Keys are skipped (they only order the names). A tree
/// that visits a node twice, is deeper than [`MAX_DEPTH`] or holds more than
/// [`MAX_LINKS`] links is refused, so the walk's time and memory are bounded by
/// the file's size.
fn tree_links(
    file: &File,
    address: u64,
    names: &[u8],
    depth: usize,
    walk: &mut Walk,
) -> Option<()> {
    if depth > MAX_DEPTH {
        return None;
    }
    walk.enter(address)?;
    let mut c = Cursor::new(file.bytes, file.at(address)?);
    if c.take(4)? != b"TREE" || c.u8()? != 0 {
        return None;
    }
    let level = c.u8()?;
    let entries = c.u16()? as usize;
    c.skip(2 * file.offset_size)?; // siblings
    for _ in 0..entries {
        c.skip(file.length_size)?; // key
        let child = c.uint(file.offset_size)?;
        if level > 0 {
            tree_links(file, child, names, depth + 1, walk)?;
        } else {
            symbol_node(file, child, names, walk)?;
        }
    }
    Some(())
}

/// A symbol-table node ("SNOD", version 1): entries of link name offset (O), header
/// address (O), cache type (4), reserved (4), scratch pad (16).
fn symbol_node(file: &File, address: u64, names: &[u8], walk: &mut Walk) -> Option<()> {
    walk.enter(address)?;
    let mut c = Cursor::new(file.bytes, file.at(address)?);
    if c.take(4)? != b"SNOD" || c.u8()? != 1 {
        return None;
    }
    c.skip(1)?;
    let count = c.u16()?;
    for _ in 0..count {
        let name = heap_name(names, c.uint(file.offset_size)?)?;
        let header = c.uint(file.offset_size)?;
        c.skip(24)?;
        walk.push((name, header))?;
    }
    Some(())
}

/// A link message (version 1): flags, optional type / creation order / charset,
/// name length (1, 2, 4 or 8 bytes), name, and for a hard link the header address.
/// Soft and external links are not datasets of this file: `None` inside `Some`.
fn link(file: &File, data: &[u8]) -> Option<Option<(String, u64)>> {
    let mut c = Cursor::new(data, 0);
    if c.u8()? != 1 {
        return None;
    }
    let flags = c.u8()?;
    let kind = if flags & 0x08 != 0 { c.u8()? } else { 0 };
    c.skip(if flags & 0x04 != 0 { 8 } else { 0 })?;
    c.skip(if flags & 0x10 != 0 { 1 } else { 0 })?;
    let length = c.uint(1 << (flags & 3))? as usize;
    let name = String::from_utf8(c.take(length)?.to_vec()).ok()?;
    if kind != 0 {
        return Some(None);
    }
    Some(Some((name, c.uint(file.offset_size)?)))
}

/// Whether a link-info message points to a fractal heap (dense link storage).
fn dense(file: &File, data: &[u8]) -> Option<bool> {
    let mut c = Cursor::new(data, 0);
    c.skip(1)?; // version
    let flags = c.u8()?;
    c.skip(if flags & 0x01 != 0 { 8 } else { 0 })?; // maximum creation index
    Some(file.at(c.uint(file.offset_size)?).is_some())
}
