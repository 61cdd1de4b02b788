//! The backend the views draw on: plotters-canvas, with its texts drawn here.
//! plotters-canvas sets the alignment, the baseline, an `rgba(…)` fill and a font
//! string before every `fillText`, each a new string that crosses into JS and is
//! parsed there again; a frame of the network tab draws some 35 texts, mostly in
//! two or three styles. This backend keeps what it last set and sets a style only
//! when it differs, then makes the same `fillText` call (the same text, position,
//! font, colour and alignment, so the same pixels). Every other drawing call goes
//! to plotters-canvas unchanged.
//!
//! plotters-canvas sets the fill style for its own shapes, so any call passed on
//! forgets the fill this backend knows; it never sets a font, an alignment or a
//! baseline (only its `draw_text` does, and that is not called). A backend is made
//! per drawing (`Surface::area`), so direct uses of the context between drawings
//! cannot leave it knowing a stale style.

use std::fmt::Write;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;

use crate::view::path::straightened;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// What plotters-canvas or the context refused, as text.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "canvas error: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

type Failure = DrawingErrorKind<CanvasError>;

/// A colour as plotters gives it: (r, g, b) and alpha.
type Rgba = ((u8, u8, u8), f64);

/// plotters-canvas on `canvas`, and the text styles last set on its context.
pub struct Canvas {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    /// `fillStyle`, while this backend knows it.
    fill: Option<Rgba>,
    /// `font`, as the CSS string last set.
    font: Option<String>,
    /// `textAlign` and `textBaseline`.
    anchor: Option<(&'static str, &'static str)>,
    /// Scratch for the colour and font strings.
    text: String,
}

impl Canvas {
    /// The backend of `canvas` (`None` without a 2-d context).
    pub fn new(canvas: HtmlCanvasElement) -> Option<Canvas> {
        let ctx = super::canvas::context(&canvas).ok()?;
        Some(Canvas {
            inner: CanvasBackend::with_canvas_object(canvas)?,
            ctx,
            fill: None,
            font: None,
            anchor: None,
            text: String::new(),
        })
    }

    /// Passes a drawing call on to plotters-canvas, which may set the fill style.
    fn passed<T, E: std::error::Error + Send + Sync>(
        &mut self,
        result: Result<T, DrawingErrorKind<E>>,
    ) -> Result<T, Failure> {
        self.fill = None;
        result.map_err(cast)
    }

    /// Alignment, baseline, colour and font of `style`, as plotters-canvas would set
    /// them, skipping those the context has already.
    fn text_style<S: BackendTextStyle>(&mut self, style: &S, color: BackendColor) {
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.anchor != Some((align, baseline)) {
            self.ctx.set_text_baseline(baseline);
            self.ctx.set_text_align(align);
            self.anchor = Some((align, baseline));
        }
        let key = (color.rgb, color.alpha);
        if self.fill != Some(key) {
            let ((r, g, b), a) = key;
            self.text.clear();
            let _ = write!(self.text, "rgba({r},{g},{b},{a})");
            self.ctx.set_fill_style_str(&self.text);
            self.fill = Some(key);
        }
        self.text.clear();
        let (slant, size, family) = (style.style(), style.size(), style.family());
        let _ = write!(
            self.text,
            "{} {}px {}",
            slant.as_str(),
            size,
            family.as_str()
        );
        if self.font.as_deref() != Some(self.text.as_str()) {
            self.ctx.set_font(&self.text);
            self.font = Some(self.text.clone());
        }
    }
}

/// plotters-canvas' error as this backend's (its own type is not public).
fn cast<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> Failure {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(CanvasError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// A refused context call, with the JS error as text.
fn refused(e: JsValue) -> Failure {
    let text = js_sys::JSON::stringify(&e).map_or_else(|_| "unknown".to_string(), String::from);
    DrawingErrorKind::DrawingError(CanvasError(text))
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Failure> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), Failure> {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failure> {
        let drawn = self.inner.draw_pixel(point, color);
        self.passed(drawn)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failure> {
        let drawn = self.inner.draw_line(from, to, style);
        self.passed(drawn)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        let drawn = self.inner.draw_rect(upper_left, bottom_right, style, fill);
        self.passed(drawn)
    }

    /// The path without the points that change nothing of its stroke: a repeat of
    /// the point before, or the middle of three on one straight run. The epoch chart's
    /// thinned curves have long runs of one pixel row once the loss flattens.
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        let drawn = self.inner.draw_path(straightened(path), style);
        self.passed(drawn)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failure> {
        let drawn = self.inner.fill_polygon(vert, style);
        self.passed(drawn)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        let drawn = self.inner.draw_circle(center, radius, style, fill);
        self.passed(drawn)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Failure> {
        // This leaves the context's styles alone (plotters measures a text in an
        // element of the page), so the kept styles stay true.
        self.inner.estimate_text_size(text, style).map_err(cast)
    }

    /// plotters-canvas' `draw_text`, call for call, with the styles set only when new.
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let degrees = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        };
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        if degrees != 0.0 {
            self.ctx.save();
            self.ctx.translate(x, y).map_err(refused)?;
            self.ctx
                .rotate(degrees / 180.0 * std::f64::consts::PI)
                .map_err(refused)?;
            (x, y) = (0.0, 0.0);
        }
        self.text_style(style, color);
        let drawn = self.ctx.fill_text(text, x, y).map_err(refused);
        if degrees != 0.0 {
            // `restore` brings back the styles from before `save`.
            self.ctx.restore();
            (self.fill, self.font, self.anchor) = (None, None, None);
        }
        drawn
    }
}
