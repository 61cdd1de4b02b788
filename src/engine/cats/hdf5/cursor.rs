//! Reading little-endian fields from a byte slice, with every read bounds-checked:
//! a file that ends too early or points outside itself is an error, never a panic.

/// A position in a byte slice.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at byte `at` of `bytes`.
    pub(crate) fn new(bytes: &'a [u8], at: usize) -> Cursor<'a> {
        Cursor { bytes, at }
    }

    /// The current position.
    pub(crate) fn position(&self) -> usize {
        self.at
    }

    /// The next `n` bytes, or `None` past the end.
    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }

    /// Skips `n` bytes.
    pub(crate) fn skip(&mut self, n: usize) -> Option<()> {
        self.take(n).map(|_| ())
    }

    pub(crate) fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    pub(crate) fn u16(&mut self) -> Option<u16> {
        Some(self.uint(2)? as u16)
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        Some(self.uint(4)? as u32)
    }

    /// An unsigned little-endian integer of `size` bytes (1–8).
    pub(crate) fn uint(&mut self, size: usize) -> Option<u64> {
        if !(1..=8).contains(&size) {
            return None;
        }
        let bytes = self.take(size)?;
        Some(
            bytes
                .iter()
                .rev()
                .fold(0u64, |v, &b| (v << 8) | u64::from(b)),
        )
    }

    /// Skips to the next multiple of `align` from `origin`.
    pub(crate) fn align(&mut self, origin: usize, align: usize) -> Option<()> {
        let past = (self.at - origin) % align;
        if past == 0 {
            Some(())
        } else {
            self.skip(align - past)
        }
    }
}
