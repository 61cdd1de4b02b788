//! The cat lab's canvases: the original with its crop square, the three channel
//! matrices and the vector strip (RGBA through `ImageData`, scaled up without
//! smoothing, the focused value framed in all of them), the cost curve
//! (plotters), the first-layer unit shown large and its legend.

use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::app::cats::InputLayer;
use crate::engine::image::{Order, Picture, CHANNELS, SIDE};
use crate::view::cats::cost::{draw_cost, ChartStyle};
use crate::view::cats::pixels::{
    channel_frames, channel_rgba, crop_frame, strip_frames, strip_rgba, CellFrame, CellGrid,
    STRIP_COLS, STRIP_ROWS,
};
use crate::view::cats::pixels_text::crop_in_thumbnail;
use crate::view::palette;

use super::super::canvas::Surface;
use super::super::dom::set_attr;
use super::files::scratch;
use super::CatPage;

/// Paints the input layer's canvases (the original, the matrices, the vector).
pub fn paint_input(page: &CatPage) -> Result<(), JsValue> {
    let input = page.cats.input();
    paint_original(page)?;
    for (channel, surface) in page.view.surfaces.channels.iter().enumerate() {
        paint_channel(surface, input, channel)?;
    }
    paint_strip(&page.view.surfaces.strip, input)
}

/// Paints the run's canvases (the cost curve, the unit shown large and its legend).
pub fn paint_results(page: &CatPage) -> Result<(), JsValue> {
    paint_cost(page);
    let shown = super::units::shown_unit(page);
    let unit = page.cats.unit_pictures().and_then(|(_, u)| u.get(shown));
    let s = &page.view.surfaces;
    paint_picture(
        &s.template,
        unit.map(Vec::as_slice),
        SIDE as u32,
        SIDE as u32,
    )?;
    let ramp: Vec<u8> = (0..=255u8).flat_map(|v| [v, v, v, 255]).collect();
    let ctx = context(&s.legend)?;
    let (w, h) = s.legend.size();
    blit(&ctx, &ramp, (256, 1), (0.0, 0.0, w, h))
}

/// The canvas's 2-D context.
fn context(surface: &Surface) -> Result<CanvasRenderingContext2d, JsValue> {
    context_of(&surface.canvas)
}

/// The 2-D context of any canvas element.
fn context_of(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into::<CanvasRenderingContext2d>()
        .map_err(|_| JsValue::from_str("not a 2d context"))
}

/// Draws `rgba` (w × h) into the rectangle (x, y, dw, dh) without smoothing.
fn blit(
    ctx: &CanvasRenderingContext2d,
    rgba: &[u8],
    (w, h): (u32, u32),
    (x, y, dw, dh): (f64, f64, f64, f64),
) -> Result<(), JsValue> {
    let (canvas, scratch_ctx) = scratch(w, h)?;
    let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), w, h)?;
    scratch_ctx.put_image_data(&data, 0.0, 0.0)?;
    ctx.set_image_smoothing_enabled(false);
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(&canvas, x, y, dw, dh)
}

/// Draws the view's frames (see `view::cats::pixels::CellFrame`).
fn draw_frames(ctx: &CanvasRenderingContext2d, frames: &[CellFrame]) {
    for f in frames {
        let (x, y, side) = f.cell;
        ctx.set_line_width(f.width);
        ctx.set_stroke_style_str(&palette::css(palette::FRAME_INNER));
        ctx.stroke_rect(x - 0.5, y - 0.5, side + 1.0, side + 1.0);
        ctx.set_stroke_style_str(&palette::css(f.colour));
        let grow = f.width / 2.0 + 1.0;
        ctx.stroke_rect(x - grow, y - grow, side + 2.0 * grow, side + 2.0 * grow);
    }
}

/// Clears a canvas to the page's white.
fn clear(ctx: &CanvasRenderingContext2d, surface: &Surface) {
    let (w, h) = surface.size();
    ctx.set_fill_style_str(&palette::css(palette::BACKGROUND));
    ctx.fill_rect(0.0, 0.0, w, h);
}

/// Records a grid's placement in CSS pixels (`data-x0`, `data-y0`, `data-cell`),
/// so tests and assistive scripts can find a cell.
fn publish(id: &str, grid: &CellGrid, scale: f64) {
    set_attr(id, "data-x0", &(grid.x0 / scale).to_string());
    set_attr(id, "data-y0", &(grid.y0 / scale).to_string());
    set_attr(id, "data-cell", &(grid.cell / scale).to_string());
}

fn paint_channel(surface: &Surface, input: &InputLayer, channel: usize) -> Result<(), JsValue> {
    let ctx = context(surface)?;
    clear(&ctx, surface);
    let Some(picture) = input.picture() else {
        return Ok(());
    };
    let (w, h) = surface.size();
    let grid = CellGrid::fit(SIDE, SIDE, w, h);
    publish(&format!("cats-channel-{channel}"), &grid, surface.scale);
    let (gw, gh) = grid.size();
    let side = SIDE as u32;
    blit(
        &ctx,
        &channel_rgba(picture, channel),
        (side, side),
        (grid.x0, grid.y0, gw, gh),
    )?;
    if let Some(focus) = input.focus() {
        draw_frames(&ctx, &channel_frames(&grid, &focus, channel, surface.scale));
    }
    Ok(())
}

fn paint_strip(surface: &Surface, input: &InputLayer) -> Result<(), JsValue> {
    let ctx = context(surface)?;
    clear(&ctx, surface);
    let Some(picture) = input.picture() else {
        return Ok(());
    };
    let (w, h) = surface.size();
    let grid = CellGrid::fit(STRIP_COLS, STRIP_ROWS, w, h);
    publish("cats-strip", &grid, surface.scale);
    let (gw, gh) = grid.size();
    let rgba = strip_rgba(picture, input.order());
    let size = (STRIP_COLS as u32, STRIP_ROWS as u32);
    blit(&ctx, &rgba, size, (grid.x0, grid.y0, gw, gh))?;
    if input.order() == Order::ChannelFirst {
        channel_bounds(&ctx, &grid, surface.scale);
    }
    if let Some(focus) = input.focus() {
        draw_frames(&ctx, &strip_frames(&grid, &focus, surface.scale));
    }
    Ok(())
}

/// Lines between the R, G and B blocks of a channel-first strip (each 32 rows).
fn channel_bounds(ctx: &CanvasRenderingContext2d, grid: &CellGrid, scale: f64) {
    ctx.set_fill_style_str(&palette::css(palette::BACKGROUND));
    let rows_per_channel = STRIP_ROWS / CHANNELS;
    for c in 1..CHANNELS {
        let y = grid.y0 + (c * rows_per_channel) as f64 * grid.cell;
        ctx.fill_rect(grid.x0, y - scale / 2.0, grid.size().0, scale);
    }
}

/// The original (its preview, or the 64×64 picture of a sample) with the crop square.
fn paint_original(page: &CatPage) -> Result<(), JsValue> {
    let surface = &page.view.surfaces.original;
    let ctx = context(surface)?;
    clear(&ctx, surface);
    let input = page.cats.input();
    let (Some(picture), Some(origin)) = (input.picture(), input.origin()) else {
        return Ok(());
    };
    let own;
    let (rgba, pw, ph): (&[u8], u32, u32) = match page.view.preview_for(page.cats) {
        Some(p) => (&p.rgba, p.width, p.height),
        None => {
            own = picture.to_rgba();
            (&own, SIDE as u32, SIDE as u32)
        }
    };
    let (w, h) = surface.size();
    let fit = (w / pw as f64).min(h / ph as f64);
    let (dw, dh) = (pw as f64 * fit, ph as f64 * fit);
    let (x, y) = ((w - dw) / 2.0, (h - dh) / 2.0);
    blit(&ctx, rgba, (pw, ph), (x, y, dw, dh))?;
    let (cx, cy, side) = crop_in_thumbnail(origin, dw / f64::from(origin.width.max(1)));
    let (cx, cy) = (x + cx, y + cy);
    ctx.set_fill_style_str(&palette::css_alpha(palette::VEIL, palette::VEIL_ALPHA));
    ctx.fill_rect(x, y, dw, cy - y);
    ctx.fill_rect(x, cy + side, dw, y + dh - cy - side);
    ctx.fill_rect(x, cy, cx - x, side);
    ctx.fill_rect(cx + side, cy, x + dw - cx - side, side);
    draw_frames(&ctx, &[crop_frame((cx, cy, side), surface.scale)]);
    Ok(())
}

/// A 64×64 RGBA picture scaled to fit the canvas (or an empty canvas).
fn paint_picture(surface: &Surface, rgba: Option<&[u8]>, w: u32, h: u32) -> Result<(), JsValue> {
    let ctx = context(surface)?;
    clear(&ctx, surface);
    let Some(rgba) = rgba else {
        return Ok(());
    };
    let (cw, ch) = surface.size();
    let grid = CellGrid::fit(w as usize, h as usize, cw, ch);
    let (gw, gh) = grid.size();
    blit(&ctx, rgba, (w, h), (grid.x0, grid.y0, gw, gh))
}

/// The cost curve of the run (nothing before the first run).
fn paint_cost(page: &CatPage) {
    let surface = &page.view.surfaces.cost;
    let Some(area) = surface.area() else {
        return;
    };
    let style = ChartStyle {
        lang: page.lang,
        scale: surface.scale,
    };
    let (_, planned) = page.cats.progress();
    let costs = page.cats.snapshot().map_or(&[][..], |s| &s.costs[..]);
    if let Err(e) = draw_cost(&area, costs, planned, &style) {
        web_sys::console::error_1(&JsValue::from_str(&format!("drawing failed: {e}")));
    }
}

/// A picture of the data set as a 64×64 canvas's pixels.
pub fn put_picture(canvas: &HtmlCanvasElement, picture: &Picture) -> Result<(), JsValue> {
    let ctx = context_of(canvas)?;
    let rgba = picture.to_rgba();
    let data =
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), SIDE as u32, SIDE as u32)?;
    ctx.put_image_data(&data, 0.0, 0.0)
}
