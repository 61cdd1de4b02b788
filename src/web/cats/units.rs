//! What the first layer learned, and the course's cost table: one small 64×64
//! canvas per first-layer unit (the one pointed at is drawn large in
//! `cats-template`), and the table's lines with a Copy button.

use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Element, HtmlButtonElement, HtmlCanvasElement, ImageData};

use crate::engine::image::SIDE;
use crate::i18n::{t, tf};
use crate::view::cats::table::{cost_lines, table_caption};

use super::super::dom::{by_id, document, set_attr, set_hidden, set_text};
use super::CatPage;

/// The unit shown large: the one pointed at, within the units there are.
pub fn shown_unit(page: &CatPage) -> usize {
    let count = page.cats.unit_pictures().map_or(0, |(_, u)| u.len());
    page.view.unit.min(count.saturating_sub(1))
}

/// The small pictures (made again when their number changes) and the caption.
pub fn update_units(page: &CatPage) -> Result<(), JsValue> {
    let lang = page.lang;
    let box_ = by_id::<Element>("cats-units")?;
    let Some((iteration, units)) = page.cats.unit_pictures() else {
        box_.set_text_content(None);
        set_hidden("cats-units", true);
        set_text("cats-template-note", t(lang, "cats.template.none"));
        set_attr("cats-template", "data-ready", "false");
        return Ok(());
    };
    let shown = shown_unit(page);
    let (i, n, k) = (
        iteration.to_string(),
        units.len().to_string(),
        (shown + 1).to_string(),
    );
    let note = if units.len() == 1 && page.cats.template().is_some() {
        tf(lang, "cats.units.logistic", &[("i", &i)])
    } else {
        tf(
            lang,
            "cats.units.caption",
            &[("k", &k), ("n", &n), ("i", &i)],
        )
    };
    set_text("cats-template-note", &note);
    set_attr("cats-template", "data-ready", "true");
    set_attr("cats-template", "data-unit", &shown.to_string());
    set_hidden("cats-units", units.len() < 2);
    if box_.child_element_count() as usize != units.len() {
        box_.set_text_content(None);
        for k in 0..units.len() {
            let canvas = document()?.create_element("canvas")?;
            canvas.set_attribute("width", &SIDE.to_string())?;
            canvas.set_attribute("height", &SIDE.to_string())?;
            canvas.set_attribute("data-unit", &k.to_string())?;
            canvas.set_attribute("tabindex", "0")?;
            canvas.set_attribute("role", "img")?;
            box_.append_child(&canvas)?;
        }
    }
    let canvases = box_.query_selector_all("canvas")?;
    for (k, rgba) in units.iter().enumerate() {
        let Some(canvas) = canvases
            .item(k as u32)
            .and_then(|n| n.dyn_into::<Element>().ok())
        else {
            continue;
        };
        let label = tf(lang, "cats.units.label", &[("k", &(k + 1).to_string())]);
        canvas.set_attribute("aria-label", &label)?;
        canvas.set_attribute("aria-current", if k == shown { "true" } else { "false" })?;
        let canvas = canvas.dyn_into::<HtmlCanvasElement>()?;
        put_rgba(&canvas, rgba)?;
    }
    Ok(())
}

/// A 64×64 RGBA picture into a canvas of that size.
fn put_rgba(canvas: &HtmlCanvasElement, rgba: &[u8]) -> Result<(), JsValue> {
    let ctx = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into::<CanvasRenderingContext2d>()?;
    let side = SIDE as u32;
    let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), side, side)?;
    ctx.put_image_data(&data, 0.0, 0.0)
}

/// The table's lines (of the last snapshot) and its caption; Copy works when
/// there is a line.
pub fn update_table(page: &CatPage) {
    let (costs, planned) = match page.cats.snapshot() {
        Some(s) => (&s.costs[..], s.iterations),
        None => (&[][..], 0),
    };
    let lines = cost_lines(costs, planned);
    set_text("cats-cost-table", &lines.join("\n"));
    set_attr("cats-cost-table", "data-rows", &lines.len().to_string());
    let caption = if lines.is_empty() {
        String::new()
    } else if let Some(status) = page.view.copied {
        t(page.lang, status).to_string()
    } else {
        table_caption(costs, planned, page.lang)
    };
    set_text("cats-cost-caption", &caption);
    if let Ok(button) = by_id::<HtmlButtonElement>("cats-cost-copy") {
        button.set_disabled(lines.is_empty());
    }
}

/// Puts the table's text on the clipboard (`navigator.clipboard.writeText`); true
/// when the browser accepted the request.
pub fn copy_table() -> bool {
    let text = by_id::<Element>("cats-cost-table")
        .ok()
        .and_then(|el| el.text_content())
        .unwrap_or_default();
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into());
    let write = clipboard.as_ref().ok().and_then(|c| {
        js_sys::Reflect::get(c, &"writeText".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    match (clipboard, write) {
        (Ok(clipboard), Some(write)) => write.call1(&clipboard, &text.into()).is_ok(),
        _ => false,
    }
}
