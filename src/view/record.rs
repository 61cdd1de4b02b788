//! A drawing kept as the list of its backend calls ([`Recording`]), to be compared
//! with the last one and replayed on a real backend. A page keeps the parts of a
//! picture that seldom change (the diagram's headings and legend) on a layer of
//! their own: it records them every frame — cheap, no canvas call — and draws the
//! layer again only when the recording differs, so what is shown is always what
//! the drawing code says, with no key to keep in step with it.

use std::cell::RefCell;
use std::convert::Infallible;
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};

use plotters_backend::text_anchor::{HPos, Pos, VPos};

use crate::view::chart::text_width;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle, FontTransform,
};

/// A colour as ((r, g, b), alpha).
type Rgba = ((u8, u8, u8), f64);

/// A shape's style: colour and stroke width (backing px).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Shape(Rgba, u32);

impl BackendStyle for Shape {
    fn color(&self) -> BackendColor {
        BackendColor {
            rgb: self.0 .0,
            alpha: self.0 .1,
        }
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}

fn shape(style: &impl BackendStyle) -> Shape {
    let c = style.color();
    Shape((c.rgb, c.alpha), style.stroke_width())
}

/// A text's style: family, slant, size (px), colour, anchor (0–2 left/centre/right,
/// 0–2 top/centre/bottom) and quarter turns.
#[derive(Clone, Debug, PartialEq)]
struct Font {
    family: String,
    slant: u8,
    size: f64,
    colour: Rgba,
    anchor: (u8, u8),
    turns: u8,
}

fn font(style: &impl BackendTextStyle) -> Font {
    let c = style.color();
    let anchor = style.anchor();
    Font {
        family: style.family().as_str().to_string(),
        slant: match style.style() {
            FontStyle::Normal => 0,
            FontStyle::Oblique => 1,
            FontStyle::Italic => 2,
            FontStyle::Bold => 3,
        },
        size: style.size(),
        colour: (c.rgb, c.alpha),
        anchor: (
            match anchor.h_pos {
                HPos::Left => 0,
                HPos::Center => 1,
                HPos::Right => 2,
            },
            match anchor.v_pos {
                VPos::Top => 0,
                VPos::Center => 1,
                VPos::Bottom => 2,
            },
        ),
        turns: match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 1,
            FontTransform::Rotate180 => 2,
            FontTransform::Rotate270 => 3,
        },
    }
}

impl BackendTextStyle for Font {
    type FontError = Infallible;

    fn color(&self) -> BackendColor {
        BackendColor {
            rgb: self.colour.0,
            alpha: self.colour.1,
        }
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn transform(&self) -> FontTransform {
        match self.turns {
            1 => FontTransform::Rotate90,
            2 => FontTransform::Rotate180,
            3 => FontTransform::Rotate270,
            _ => FontTransform::None,
        }
    }
    fn style(&self) -> FontStyle {
        match self.slant {
            1 => FontStyle::Oblique,
            2 => FontStyle::Italic,
            3 => FontStyle::Bold,
            _ => FontStyle::Normal,
        }
    }
    fn anchor(&self) -> Pos {
        let h = [HPos::Left, HPos::Center, HPos::Right];
        let v = [VPos::Top, VPos::Center, VPos::Bottom];
        Pos::new(
            h[usize::from(self.anchor.0.min(2))],
            v[usize::from(self.anchor.1.min(2))],
        )
    }
    fn family(&self) -> FontFamily<'_> {
        // not `FontFamily::from`, whose lowercasing brings Unicode tables into the page
        match self.family.as_str() {
            "serif" => FontFamily::Serif,
            "sans-serif" => FontFamily::SansSerif,
            "monospace" => FontFamily::Monospace,
            name => FontFamily::Name(name),
        }
    }
    /// The charts' estimate of the text's box (a replay on a canvas measures nothing).
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Infallible> {
        let w = text_width(text, self.size).round() as i32;
        Ok(((0, 0), (w, self.size.round() as i32)))
    }
    /// Rasterising backends are not replayed onto: nothing to draw pixel by pixel.
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: BackendCoord,
        _: F,
    ) -> Result<Result<(), E>, Infallible> {
        Ok(Ok(()))
    }
}

/// One backend call with its arguments.
#[derive(Clone, Debug, PartialEq)]
enum Op {
    Pixel(BackendCoord, Rgba),
    Line(BackendCoord, BackendCoord, Shape),
    Rect(BackendCoord, BackendCoord, Shape, bool),
    Path(Vec<BackendCoord>, Shape),
    Circle(BackendCoord, u32, Shape, bool),
    Polygon(Vec<BackendCoord>, Shape),
    Text(String, Font, BackendCoord),
}

/// The calls a drawing made on a `width × height` area, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Recording {
    size: (u32, u32),
    ops: Vec<Op>,
}

/// The calls `draw` makes on a `width × height` backing-px area. (A drawing that
/// stops at an error is kept as far as it got: the page then shows that much.)
pub fn record<E>(
    width: u32,
    height: u32,
    draw: impl FnOnce(&DrawingArea<Recorder, Shift>) -> Result<(), E>,
) -> Recording {
    let ops = Rc::new(RefCell::new(Vec::new()));
    let recorder = Recorder {
        size: (width, height),
        ops: Rc::clone(&ops),
    };
    let area = recorder.into_drawing_area();
    let _ = draw(&area);
    drop(area);
    let ops = Rc::try_unwrap(ops).map_or_else(|rc| rc.borrow().clone(), RefCell::into_inner);
    Recording {
        size: (width, height),
        ops,
    }
}

/// The backend [`record`] draws on: it only notes the calls.
pub struct Recorder {
    size: (u32, u32),
    ops: Rc<RefCell<Vec<Op>>>,
}

impl Recorder {
    fn push(&mut self, op: Op) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.borrow_mut().push(op);
        Ok(())
    }
}

impl Recording {
    /// Makes the same calls on `db`, in the same order.
    pub fn replay<DB: DrawingBackend>(
        &self,
        db: &mut DB,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        for op in &self.ops {
            match op {
                Op::Pixel(p, (rgb, alpha)) => db.draw_pixel(
                    *p,
                    BackendColor {
                        rgb: *rgb,
                        alpha: *alpha,
                    },
                )?,
                Op::Line(a, b, s) => db.draw_line(*a, *b, s)?,
                Op::Rect(a, b, s, fill) => db.draw_rect(*a, *b, s, *fill)?,
                Op::Path(points, s) => db.draw_path(points.iter().copied(), s)?,
                Op::Circle(c, r, s, fill) => db.draw_circle(*c, *r, s, *fill)?,
                Op::Polygon(points, s) => db.fill_polygon(points.iter().copied(), s)?,
                Op::Text(text, f, p) => db.draw_text(text, f, *p)?,
            }
        }
        Ok(())
    }

    /// The backing-px rows `[top, bottom)` the drawing can touch, merged where they
    /// meet: a text reaches its size above and below its anchor, a shape its stroke.
    pub fn rows(&self) -> Vec<(i32, i32)> {
        let mut spans: Vec<(i32, i32)> = self.ops.iter().map(op_rows).collect();
        spans.sort_unstable();
        let mut merged: Vec<(i32, i32)> = Vec::new();
        for (top, bottom) in spans {
            match merged.last_mut() {
                Some(last) if top <= last.1 => last.1 = last.1.max(bottom),
                _ => merged.push((top, bottom)),
            }
        }
        let h = self.size.1 as i32;
        merged
            .into_iter()
            .map(|(t, b)| (t.clamp(0, h), b.clamp(0, h)))
            .filter(|(t, b)| t < b)
            .collect()
    }
}

/// The rows one call can touch (see [`Recording::rows`]).
fn op_rows(op: &Op) -> (i32, i32) {
    let ys = |points: &[BackendCoord], pad: i32| {
        let lo = points.iter().map(|p| p.1).min().unwrap_or(0);
        let hi = points.iter().map(|p| p.1).max().unwrap_or(0);
        (lo - pad, hi + pad + 1)
    };
    let pad = |s: &Shape| s.1 as i32 + 1;
    match op {
        Op::Pixel(p, _) => (p.1, p.1 + 1),
        Op::Line(a, b, s) | Op::Rect(a, b, s, _) => ys(&[*a, *b], pad(s)),
        Op::Path(points, s) | Op::Polygon(points, s) => ys(points, pad(s)),
        Op::Circle(c, r, s, _) => ys(&[*c], *r as i32 + pad(s)),
        Op::Text(text, f, p) => {
            // a turned text runs along y: its (estimated) length bounds it
            let reach = match f.turns % 2 {
                0 => f.size,
                _ => text_width(text, f.size).max(f.size),
            };
            ys(&[*p], reach.ceil() as i32 + 1)
        }
    }
}

impl DrawingBackend for Recorder {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Pixel(p, (c.rgb, c.alpha)))
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Line(a, b, shape(s)))
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Rect(a, b, shape(s), fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Path(path.into_iter().collect(), shape(s)))
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Circle(c, r, shape(s), fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Polygon(vert.into_iter().collect(), shape(s)))
    }
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Text(text.to_string(), font(style), pos))
    }
}
