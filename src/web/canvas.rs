//! Canvas sizing: the one place that knows the device pixel ratio. A canvas's
//! backing store is its CSS size times the ratio, so drawings are sharp; the
//! views receive the ratio as `scale` for fonts and line widths.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

use super::dom::by_id;

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
    pub fn area(&self) -> Option<DrawingArea<CanvasBackend, plotters::coord::Shift>> {
        CanvasBackend::with_canvas_object(self.canvas.clone()).map(|b| b.into_drawing_area())
    }

    /// A pointer position in CSS pixels relative to the canvas, as backing pixels.
    pub fn to_backing(&self, css_x: f64, css_y: f64) -> (f64, f64) {
        (css_x * self.scale, css_y * self.scale)
    }
}

/// Reports a drawing error on the console: a failed drawing is not fatal.
pub fn report(result: Result<(), String>) {
    if let Err(e) = result {
        web_sys::console::error_1(&JsValue::from_str(&format!("drawing failed: {e}")));
    }
}
