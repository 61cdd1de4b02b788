//! A small HDF5 writer for flat files of a few contiguous datasets, laid out as
//! h5py lays out the course's files: superblock version 0 (8-byte addresses and
//! lengths), a root group stored as a symbol table (one B-tree node, one local
//! heap of names, one symbol-table node), version 1 object headers with dataspace,
//! datatype, fill-value and contiguous-layout messages, then the raw data.

use super::read::SIGNATURE;

/// An element type the writer can store.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Stored {
    /// Unsigned 8-bit integers.
    U8,
    /// Signed 64-bit integers, little-endian.
    I64,
    /// Fixed-width, nul-padded ASCII strings of this many bytes.
    Text(usize),
}

/// One dataset to write: its name, shape, type and little-endian bytes.
pub(crate) struct Entry<'a> {
    pub(crate) name: &'a str,
    pub(crate) shape: Vec<u64>,
    pub(crate) stored: Stored,
    pub(crate) bytes: &'a [u8],
}

const UNDEFINED: u64 = u64::MAX;
/// Superblock (with the root symbol-table entry) and the root object header.
const SUPERBLOCK: usize = 96;
const ROOT_HEADER: usize = 40;
/// Group B-tree nodes hold up to 2K = 32 children (K = 16) and 2K + 1 keys.
const TREE: usize = 24 + 32 * 8 + 33 * 8;
const HEAP_HEADER: usize = 32;
/// Symbol-table nodes hold up to 2K = 8 entries of 40 bytes (leaf K = 4).
const SYMBOLS: usize = 8 + 8 * 40;
const MAX_ENTRIES: usize = 8;

/// The file's bytes; `None` for more than 8 datasets (one symbol-table node).
pub(crate) fn write(entries: &[Entry]) -> Option<Vec<u8>> {
    if entries.len() > MAX_ENTRIES {
        return None;
    }
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    sorted.sort_by(|a, b| a.name.as_bytes().cmp(b.name.as_bytes())); // the B-tree's order
                                                                     // Names in the heap: offset 0 is the empty name, then each nul-terminated, padded to 8.
    let mut names = vec![0u8; 8];
    let offsets: Vec<u64> = sorted
        .iter()
        .map(|e| push_padded(&mut names, e.name.as_bytes()))
        .collect();
    let tree = SUPERBLOCK + ROOT_HEADER;
    let heap = tree + TREE;
    let symbols = heap + HEAP_HEADER + names.len();
    let mut at = symbols + SYMBOLS;
    let headers: Vec<usize> = sorted
        .iter()
        .map(|e| take(&mut at, header_size(e)))
        .collect();
    let data: Vec<usize> = sorted
        .iter()
        .map(|e| take(&mut at, e.bytes.len()))
        .collect();
    let mut out = Vec::with_capacity(at);
    superblock(&mut out, at, tree, heap);
    root_header(&mut out, tree, heap);
    group_tree(&mut out, *offsets.last().unwrap_or(&0), symbols);
    local_heap(&mut out, &names, heap);
    symbol_node(&mut out, &offsets, &headers);
    for (e, &address) in sorted.iter().zip(&data) {
        dataset_header(&mut out, e, address);
    }
    for e in &sorted {
        out.extend_from_slice(e.bytes);
    }
    Some(out)
}

/// Reserves `size` bytes at `*at`, returning where they start.
fn take(at: &mut usize, size: usize) -> usize {
    let start = *at;
    *at += size;
    start
}

/// Appends `name` and a nul, padded with zeros to a multiple of 8; returns its offset.
fn push_padded(heap: &mut Vec<u8>, name: &[u8]) -> u64 {
    let offset = heap.len() as u64;
    heap.extend_from_slice(name);
    heap.resize((heap.len() + 1).next_multiple_of(8), 0);
    offset
}

fn u16s(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn u32s(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn u64s(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Version 0: versions, sizes (8, 8), K values (leaf 4, internal 16), flags, base 0,
/// no free space, end of file, no driver, root entry (cached B-tree and heap).
fn superblock(out: &mut Vec<u8>, end: usize, tree: usize, heap: usize) {
    out.extend_from_slice(SIGNATURE);
    out.extend_from_slice(&[0, 0, 0, 0, 0, 8, 8, 0]);
    u16s(out, 4);
    u16s(out, 16);
    u32s(out, 0);
    for v in [0, UNDEFINED, end as u64, UNDEFINED, 0, SUPERBLOCK as u64] {
        u64s(out, v);
    }
    u32s(out, 1); // cache type 1: the scratch pad holds the B-tree and heap addresses
    u32s(out, 0);
    u64s(out, tree as u64);
    u64s(out, heap as u64);
}

/// A version 1 object header prefix: version, reserved, messages, references, size.
fn header_prefix(out: &mut Vec<u8>, messages: u16, size: usize) {
    out.extend_from_slice(&[1, 0]);
    u16s(out, messages);
    u32s(out, 1);
    u32s(out, size as u32);
    u32s(out, 0); // padding to 8 bytes
}

/// A version 1 message: type, size, flags, reserved, data padded to 8.
fn message(out: &mut Vec<u8>, kind: u16, data: &[u8]) {
    let padded = data.len().next_multiple_of(8);
    u16s(out, kind);
    u16s(out, padded as u16);
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(data);
    out.resize(out.len() + padded - data.len(), 0);
}

/// The root group's header: one symbol-table message (B-tree and heap addresses).
fn root_header(out: &mut Vec<u8>, tree: usize, heap: usize) {
    header_prefix(out, 1, ROOT_HEADER - 16);
    let data = [(tree as u64).to_le_bytes(), (heap as u64).to_le_bytes()].concat();
    message(out, 0x11, &data);
}

/// One leaf node: keys (heap offsets) "" and the last name around one child.
fn group_tree(out: &mut Vec<u8>, last_name: u64, symbols: usize) {
    let start = out.len();
    out.extend_from_slice(b"TREE");
    out.extend_from_slice(&[0, 0]); // group node, level 0
    u16s(out, 1);
    u64s(out, UNDEFINED);
    u64s(out, UNDEFINED);
    for v in [0, symbols as u64, last_name] {
        u64s(out, v);
    }
    out.resize(start + TREE, 0);
}

/// "HEAP" version 0: data size, no free block (1 is the library's "none"), data address.
fn local_heap(out: &mut Vec<u8>, names: &[u8], heap: usize) {
    out.extend_from_slice(b"HEAP");
    out.extend_from_slice(&[0, 0, 0, 0]);
    u64s(out, names.len() as u64);
    u64s(out, 1);
    u64s(out, (heap + HEAP_HEADER) as u64);
    out.extend_from_slice(names);
}

/// "SNOD" version 1 with one entry per dataset (name offset, header address).
fn symbol_node(out: &mut Vec<u8>, names: &[u64], headers: &[usize]) {
    let start = out.len();
    out.extend_from_slice(b"SNOD");
    out.extend_from_slice(&[1, 0]);
    u16s(out, names.len() as u16);
    for (&name, &header) in names.iter().zip(headers) {
        u64s(out, name);
        u64s(out, header as u64);
        out.resize(out.len() + 24, 0); // cache type 0, reserved, scratch pad
    }
    out.resize(start + SYMBOLS, 0);
}

/// The four messages of a dataset header, as (type, data).
fn dataset_messages(e: &Entry, address: usize) -> [(u16, Vec<u8>); 4] {
    let rank = e.shape.len() as u8;
    let mut space = vec![1, rank, 1, 0, 0, 0, 0, 0]; // version 1, maximum sizes follow
    for _ in 0..2 {
        e.shape.iter().for_each(|&d| u64s(&mut space, d)); // sizes, then maximum sizes
    }
    let datatype = match e.stored {
        Stored::U8 => vec![0x10, 0x00, 0, 0, 1, 0, 0, 0, 0, 0, 8, 0],
        Stored::I64 => vec![0x10, 0x08, 0, 0, 8, 0, 0, 0, 0, 0, 64, 0],
        Stored::Text(size) => {
            [vec![0x13, 0x01, 0, 0], (size as u32).to_le_bytes().to_vec()].concat()
        }
    };
    let fill = vec![2, 2, 2, 1, 0, 0, 0, 0]; // version 2, late allocation, default value
    let mut layout = vec![3, 1]; // version 3, contiguous
    let empty = e.bytes.is_empty(); // the library refuses storage of size 0 at an address
    u64s(&mut layout, if empty { UNDEFINED } else { address as u64 });
    u64s(&mut layout, e.bytes.len() as u64);
    [
        (0x01, space),
        (0x03, datatype),
        (0x05, fill),
        (0x08, layout),
    ]
}

fn header_size(e: &Entry) -> usize {
    16 + dataset_messages(e, 0)
        .iter()
        .map(|(_, d)| 8 + d.len().next_multiple_of(8))
        .sum::<usize>()
}

fn dataset_header(out: &mut Vec<u8>, e: &Entry, address: usize) {
    let messages = dataset_messages(e, address);
    header_prefix(out, messages.len() as u16, header_size(e) - 16);
    for (kind, data) in &messages {
        message(out, *kind, data);
    }
}
