//! The input-layer view's state: the picture shown as three matrices and as one
//! vector, the pixel (row, column, channel) in focus and its index in the vector,
//! the order the vector is unrolled in, and whether values are scaled to [0, 1].
//! Index maths only through the engine's `index_of` / `position_of`.

use crate::engine::image::{centre_crop, index_of, position_of, Order, Picture, CHANNELS, SIDE};

/// Where a picture came from: its name and its size before the centre crop.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    /// File or sample name.
    pub name: String,
    /// Width in pixels before cropping.
    pub width: u32,
    /// Height in pixels before cropping.
    pub height: u32,
}

impl Origin {
    /// A picture that is already 64×64 (a sample of the data set): nothing cropped.
    pub fn native(name: &str) -> Origin {
        Origin {
            name: name.to_string(),
            width: SIDE as u32,
            height: SIDE as u32,
        }
    }

    /// The centre square the 64×64 picture was made from: (x0, y0, side) in source pixels.
    pub fn crop(&self) -> (u32, u32, u32) {
        centre_crop(self.width, self.height)
    }
}

/// What the pointer is over: a pixel of a channel matrix, or a cell of the vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pointer {
    /// Pixel (row, col) of channel `channel` (0 = R, 1 = G, 2 = B).
    Pixel {
        /// Row, 0–63 (top first).
        row: usize,
        /// Column, 0–63 (left first).
        col: usize,
        /// Channel, 0–2.
        channel: usize,
    },
    /// Feature index 0–12287 of the vector.
    Index(usize),
}

/// One value of the picture seen both ways: its position in the matrices and its
/// index in the vector (always consistent under `order`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Focus {
    /// Row, 0–63.
    pub row: usize,
    /// Column, 0–63.
    pub col: usize,
    /// Channel, 0–2.
    pub channel: usize,
    /// Index in the 12288-long vector under `order`.
    pub index: usize,
    /// The order the index belongs to.
    pub order: Order,
}

impl Focus {
    /// The focus for what the pointer is over; `None` outside the picture.
    pub fn of(pointer: Pointer, order: Order) -> Option<Focus> {
        let (row, col, channel) = match pointer {
            Pointer::Pixel { row, col, channel } => (row, col, channel),
            Pointer::Index(i) => position_of(i, order)?,
        };
        if row >= SIDE || col >= SIDE || channel >= CHANNELS {
            return None;
        }
        Some(Focus {
            row,
            col,
            channel,
            index: index_of(row, col, channel, order),
            order,
        })
    }
}

/// The pixel in focus when a picture is first shown: row 10, column 20, G (the
/// example the page's explanation starts from).
pub const FIRST_FOCUS: Pointer = Pointer::Pixel {
    row: 10,
    col: 20,
    channel: 1,
};

/// The input layer's state.
#[derive(Clone, Debug)]
pub struct InputLayer {
    picture: Option<Picture>,
    origin: Option<Origin>,
    order: Order,
    scaled: bool,
    focus: Option<Focus>,
    version: u64,
}

impl Default for InputLayer {
    fn default() -> Self {
        InputLayer {
            picture: None,
            origin: None,
            order: Order::ChannelFirst,
            scaled: false,
            focus: None,
            version: 0,
        }
    }
}

impl InputLayer {
    /// Shows `picture`; the focus stays on the same pixel (or starts at [`FIRST_FOCUS`]).
    pub fn show(&mut self, picture: Picture, origin: Origin) {
        self.picture = Some(picture);
        self.origin = Some(origin);
        self.version += 1;
        if self.focus.is_none() {
            self.focus = Focus::of(FIRST_FOCUS, self.order);
        }
    }

    /// Moves the focus to what the pointer is over; returns whether it changed.
    /// Leaving the picture keeps the last focus, so the numbers stay readable.
    pub fn point(&mut self, pointer: Pointer) -> bool {
        match Focus::of(pointer, self.order) {
            Some(focus) if Some(focus) != self.focus && self.picture.is_some() => {
                self.focus = Some(focus);
                true
            }
            _ => false,
        }
    }

    /// Unrolls in `order`; the focus keeps its pixel and gets that order's index.
    pub fn set_order(&mut self, order: Order) {
        self.order = order;
        self.focus = self.focus.and_then(|f| {
            let pixel = Pointer::Pixel {
                row: f.row,
                col: f.col,
                channel: f.channel,
            };
            Focus::of(pixel, order)
        });
    }

    /// Shows values divided by 255 (`true`) or as levels 0–255.
    pub fn set_scaled(&mut self, scaled: bool) {
        self.scaled = scaled;
    }

    /// The picture shown.
    pub fn picture(&self) -> Option<&Picture> {
        self.picture.as_ref()
    }

    /// Its origin.
    pub fn origin(&self) -> Option<&Origin> {
        self.origin.as_ref()
    }

    /// The unrolling order.
    pub fn order(&self) -> Order {
        self.order
    }

    /// Whether values are shown scaled to [0, 1].
    pub fn scaled(&self) -> bool {
        self.scaled
    }

    /// The value in focus.
    pub fn focus(&self) -> Option<Focus> {
        self.focus
    }

    /// Counts the pictures shown so far (a new picture, a new number), so a page
    /// can tell whether it has painted this one.
    pub fn version(&self) -> u64 {
        self.version
    }
}
