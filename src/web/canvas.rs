//! Canvas sizing: the one place that knows the device pixel ratio. A canvas's
//! backing store is its CSS size times the ratio, so drawings are sharp; the
//! views receive the ratio as `scale` for fonts and line widths. Also the off-page
//! canvas ([`Pixels`]) that holds RGBA pixels before they are scaled onto a page's,
//! and a kept layer of a page canvas ([`Layer`]).

use plotters::prelude::*;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::i18n::Lang;
use crate::view::record::Recording;

use super::backend::Canvas;
use super::dom::{by_id, document};

/// A canvas and its backing size.
pub struct Surface {
    /// The element.
    pub canvas: HtmlCanvasElement,
    /// Backing pixels per CSS pixel.
    pub scale: f64,
}

impl Surface {
    /// The canvas `#id`.
    pub fn new(id: &str) -> Result<Surface, JsValue> {
        Ok(Surface {
            canvas: by_id(id)?,
            scale: 1.0,
        })
    }

    /// Matches the backing store to the CSS size × device pixel ratio.
    /// Returns true when it changed (the layout then has to be recomputed).
    pub fn fit(&mut self) -> bool {
        let ratio = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .filter(|r| r.is_finite() && *r > 0.0)
            .unwrap_or(1.0);
        let rect = self.canvas.get_bounding_client_rect();
        let width = (rect.width() * ratio).round().max(1.0) as u32;
        let height = (rect.height() * ratio).round().max(1.0) as u32;
        let changed =
            width != self.canvas.width() || height != self.canvas.height() || ratio != self.scale;
        if changed {
            self.canvas.set_width(width);
            self.canvas.set_height(height);
            self.scale = ratio;
        }
        changed
    }

    /// Backing width and height in pixels.
    pub fn size(&self) -> (f64, f64) {
        (self.canvas.width() as f64, self.canvas.height() as f64)
    }

    /// A plotters drawing area over the whole canvas.
    pub fn area(&self) -> Option<DrawingArea<Canvas, plotters::coord::Shift>> {
        Canvas::new(self.canvas.clone()).map(|b| b.into_drawing_area())
    }

    /// A pointer position in CSS pixels relative to the canvas, as backing pixels.
    pub fn to_backing(&self, css_x: f64, css_y: f64) -> (f64, f64) {
        (css_x * self.scale, css_y * self.scale)
    }
}

/// The 2-d context of `canvas`.
pub fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into::<CanvasRenderingContext2d>()
        .map_err(|_| JsValue::from_str("not a 2d context"))
}

/// An off-page canvas: RGBA pixels (a heat map's grid) drawn scaled onto a page
/// canvas with `drawImage`, which smooths it (`putImageData` alone cannot scale), or
/// a drawing kept between frames.
pub struct Pixels {
    /// The off-page canvas, as wide and high as the last pixels put.
    pub canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
}

impl Pixels {
    /// An empty 1 × 1 off-page canvas.
    pub fn new() -> Result<Pixels, JsValue> {
        let canvas: HtmlCanvasElement = document()?.create_element("canvas")?.dyn_into()?;
        let ctx = context(&canvas)?;
        Ok(Pixels { canvas, ctx })
    }

    /// Makes the canvas `w × h`; returns whether it had another size.
    fn resize(&self, w: u32, h: u32) -> bool {
        let other = self.canvas.width() != w || self.canvas.height() != h;
        if other {
            self.canvas.set_width(w);
            self.canvas.set_height(h);
        }
        other
    }

    /// Puts `rgba` (`width × height` pixels, rows top first) at the canvas's origin,
    /// resizing it first if needed.
    pub fn put(&self, rgba: &[u8], width: usize, height: usize) -> Result<(), JsValue> {
        let (w, h) = (width as u32, height as u32);
        self.resize(w, h);
        let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), w, h)?;
        self.ctx.put_image_data(&data, 0.0, 0.0)
    }

    /// Clears the canvas to transparent at `width × height` backing px and returns a
    /// plotters area over it: a drawing that changes seldom (the data plot's points)
    /// is kept here and copied onto the page's canvas each frame with one `drawImage`.
    pub fn cleared(
        &self,
        width: f64,
        height: f64,
    ) -> Option<DrawingArea<Canvas, plotters::coord::Shift>> {
        self.clear(width, height);
        Canvas::new(self.canvas.clone()).map(|b| b.into_drawing_area())
    }

    /// Makes the canvas `width × height` backing px, all transparent.
    pub fn clear(&self, width: f64, height: f64) {
        // A resize clears the canvas by itself.
        if !self.resize(width.max(1.0) as u32, height.max(1.0) as u32) {
            self.ctx.clear_rect(0.0, 0.0, width, height);
        }
    }
}

/// A layer of a page canvas kept between frames: a drawing that changes seldom,
/// recorded each frame (`view::record::record`) and drawn again on its off-page canvas
/// only when the recording differs; [`Layer::show`] copies the rows it covers onto the
/// page.
pub struct Layer {
    pixels: Pixels,
    /// The drawing on `pixels`, its language and the rows it covers.
    kept: Option<(Recording, Lang, Vec<Rows>)>,
}

/// Backing-px rows `[top, bottom)`.
type Rows = (i32, i32);

impl Layer {
    /// An empty layer.
    pub fn new() -> Result<Layer, JsValue> {
        Ok(Layer {
            pixels: Pixels::new()?,
            kept: None,
        })
    }

    /// Draws `drawing` (recorded at `target`'s backing size, its texts in `lang`) onto
    /// `target`: from the off-page copy, made again first if the drawing changed.
    pub fn show(
        &mut self,
        target: &Surface,
        drawing: Recording,
        lang: Lang,
    ) -> Result<(), JsValue> {
        let (w, h) = target.size();
        let same = matches!(&self.kept, Some((d, l, _)) if *d == drawing && *l == lang);
        if !same {
            self.pixels.clear(w, h);
            // An off-page canvas has no language to inherit, and the language picks
            // the fonts a text falls back to (Chinese glyphs, the width of "∂").
            let _ = self.pixels.canvas.set_attribute("lang", lang.tag());
            if let Some(mut backend) = Canvas::new(self.pixels.canvas.clone()) {
                report(drawing.replay(&mut backend).map_err(|e| format!("{e:?}")));
            }
            let rows = drawing.rows();
            self.kept = Some((drawing, lang, rows));
        }
        let rows = self.kept.as_ref().map_or(&[][..], |k| &k.2[..]);
        let ctx = context(&target.canvas)?;
        for &(top, bottom) in rows {
            let (y, rows) = (f64::from(top), f64::from(bottom - top));
            ctx.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                &self.pixels.canvas,
                0.0,
                y,
                w,
                rows,
                0.0,
                y,
                w,
                rows,
            )?;
        }
        Ok(())
    }
}

/// Reports a drawing error on the console: a failed drawing is not fatal.
pub fn report(result: Result<(), String>) {
    if let Err(e) = result {
        web_sys::console::error_1(&JsValue::from_str(&format!("drawing failed: {e}")));
    }
}
