//! The input layer as pictures: each channel matrix as an RGBA image, the
//! 12288-long feature vector as a strip of coloured cells (128 per row), the
//! numbers around a pixel, and the geometry that maps cells to canvas pixels and
//! back (so hovering a pixel finds its vector cell and the other way round).

use plotters::style::RGBColor;

use crate::app::cats::Focus;
use crate::engine::image::{index_of, Order, Picture, CHANNELS, FEATURES, SIDE};
use crate::view::palette;

/// Cells per row of the vector strip: one row of the picture is half a strip row
/// in channel-first order, and each channel fills exactly 32 strip rows.
pub const STRIP_COLS: usize = 128;
/// Rows of the vector strip: 12288 / 128 = 96.
pub const STRIP_ROWS: usize = FEATURES / STRIP_COLS;

/// The colour of level `v` in channel `c`: that component = v, the others 0
/// (R 200 → (200, 0, 0)), opaque.
pub fn channel_colour(channel: usize, v: u8) -> [u8; 4] {
    let mut rgba = [0, 0, 0, 255];
    if channel < CHANNELS {
        rgba[channel] = v;
    }
    rgba
}

/// Channel `channel` of `picture` as 64×64 RGBA, row-major (for `ImageData`).
pub fn channel_rgba(picture: &Picture, channel: usize) -> Vec<u8> {
    picture
        .channel(channel)
        .into_iter()
        .flat_map(|v| channel_colour(channel, v))
        .collect()
}

/// The feature vector in `order` as a 128 × 96 RGBA image: cell i (row i / 128,
/// column i % 128) is value i, in its channel's colour.
pub fn strip_rgba(picture: &Picture, order: Order) -> Vec<u8> {
    picture
        .flatten(order)
        .into_iter()
        .enumerate()
        .flat_map(|(i, v)| {
            let channel = crate::engine::image::position_of(i, order).map_or(0, |p| p.2);
            channel_colour(channel, v)
        })
        .collect()
}

/// The levels of channel `focus.channel` in the (2·radius + 1)² square around the
/// focused pixel, rows top first; `None` outside the picture.
pub fn neighbourhood(picture: &Picture, focus: &Focus, radius: usize) -> Vec<Vec<Option<u8>>> {
    let around = |centre: usize| {
        (0..=2 * radius).map(move |k| (centre + k).checked_sub(radius).filter(|&v| v < SIDE))
    };
    around(focus.row)
        .map(|row| {
            around(focus.col)
                .map(|col| Some(picture.get(row?, col?, focus.channel)))
                .collect()
        })
        .collect()
}

/// Square cells of `cols` × `rows` placed in a canvas, centred: cell k (row-major)
/// covers `[x0 + (k % cols)·cell, …+cell) × [y0 + (k / cols)·cell, …+cell)`, in backing pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CellGrid {
    /// Cells per row.
    pub cols: usize,
    /// Rows.
    pub rows: usize,
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Side of a cell.
    pub cell: f64,
}

impl CellGrid {
    /// The largest cells that fit `width` × `height` (whole pixels when at least 1,
    /// so cells stay crisp), centred.
    pub fn fit(cols: usize, rows: usize, width: f64, height: f64) -> CellGrid {
        let (c, r) = (cols.max(1) as f64, rows.max(1) as f64);
        let exact = (width / c).min(height / r).max(0.0);
        let cell = if exact >= 1.0 { exact.floor() } else { exact };
        CellGrid {
            cols: cols.max(1),
            rows: rows.max(1),
            x0: ((width - cell * c) / 2.0).max(0.0).floor(),
            y0: ((height - cell * r) / 2.0).max(0.0).floor(),
            cell,
        }
    }

    /// Width and height of all cells.
    pub fn size(&self) -> (f64, f64) {
        (self.cols as f64 * self.cell, self.rows as f64 * self.cell)
    }

    /// Cell `k`'s rectangle (x, y, side); `None` past the last cell.
    pub fn rect(&self, k: usize) -> Option<(f64, f64, f64)> {
        (k < self.cols * self.rows).then(|| {
            let (col, row) = ((k % self.cols) as f64, (k / self.cols) as f64);
            (
                self.x0 + col * self.cell,
                self.y0 + row * self.cell,
                self.cell,
            )
        })
    }

    /// The cell under (x, y), row-major; `None` outside the grid.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if !(self.cell > 0.0 && x.is_finite() && y.is_finite()) {
            return None;
        }
        let col = ((x - self.x0) / self.cell).floor();
        let row = ((y - self.y0) / self.cell).floor();
        let inside =
            (0.0..self.cols as f64).contains(&col) && (0.0..self.rows as f64).contains(&row);
        inside.then(|| row as usize * self.cols + col as usize)
    }
}

/// The matrix cell of the focused value in a 64 × 64 channel grid.
pub fn pixel_cell(focus: &Focus) -> usize {
    focus.row * SIDE + focus.col
}

/// A frame the input layer draws around a cell: where, in which palette colour,
/// how wide (backing px). It lies outside the cell, so small cells stay visible,
/// with a thin [`palette::FRAME_INNER`] line inside it for contrast on light pictures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CellFrame {
    /// The cell: left, top, side (backing px).
    pub cell: (f64, f64, f64),
    /// The frame's colour.
    pub colour: RGBColor,
    /// Its width (backing px).
    pub width: f64,
}

/// The frames of one channel matrix: the focused value's pixel, thick and in the
/// highlighter colour on its own channel, thin and white on the other two.
pub fn channel_frames(
    grid: &CellGrid,
    focus: &Focus,
    channel: usize,
    scale: f64,
) -> Vec<CellFrame> {
    let mine = focus.channel == channel;
    let cell = grid.rect(pixel_cell(focus));
    cell.map(|cell| CellFrame {
        cell,
        colour: if mine {
            palette::HOVER
        } else {
            palette::BACKGROUND
        },
        width: scale * if mine { 2.0 } else { 1.0 },
    })
    .into_iter()
    .collect()
}

/// The frames of the vector strip: the focused value's cell (thick, highlighter)
/// and the same pixel's other two channels (thin, white).
pub fn strip_frames(grid: &CellGrid, focus: &Focus, scale: f64) -> Vec<CellFrame> {
    let siblings = (0..CHANNELS)
        .filter(|&c| c != focus.channel)
        .filter_map(|c| grid.rect(index_of(focus.row, focus.col, c, focus.order)))
        .map(|cell| CellFrame {
            cell,
            colour: palette::BACKGROUND,
            width: scale,
        });
    let own = grid.rect(focus.index).map(|cell| CellFrame {
        cell,
        colour: palette::HOVER,
        width: 2.0 * scale,
    });
    siblings.chain(own).collect()
}

/// The frame of the crop square on the original picture.
pub fn crop_frame(cell: (f64, f64, f64), scale: f64) -> CellFrame {
    CellFrame {
        cell,
        colour: palette::HOVER,
        width: 2.0 * scale,
    }
}
