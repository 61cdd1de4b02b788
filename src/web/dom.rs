//! Small DOM helpers: find elements by id, set texts, fill the page's
//! `data-i18n` strings for a language.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

use crate::i18n::{t, Lang};

/// The page's document.
pub fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// The element with `id`, cast to `T`.
pub fn by_id<T: JsCast>(id: &str) -> Result<T, JsValue> {
    document()?
        .get_element_by_id(id)
        .ok_or_else(|| JsValue::from_str(&format!("missing element #{id}")))?
        .dyn_into::<T>()
        .map_err(|_| JsValue::from_str(&format!("element #{id} has the wrong type")))
}

/// Sets the text of `#id` (no-op if missing: the page may be embedded partially).
pub fn set_text(id: &str, text: &str) {
    if let Ok(el) = by_id::<Element>(id) {
        if el.text_content().as_deref() != Some(text) {
            el.set_text_content(Some(text));
        }
    }
}

/// Shows or hides `#id`; returns whether that changed it.
pub fn set_hidden(id: &str, hidden: bool) -> bool {
    let Ok(el) = by_id::<HtmlElement>(id) else {
        return false;
    };
    let change = el.hidden() != hidden;
    if change {
        el.set_hidden(hidden);
    }
    change
}

/// Sets attribute `name` of `#id` to `value` if it differs; returns whether it did.
pub fn set_attr(id: &str, name: &str, value: &str) -> bool {
    let Ok(el) = by_id::<Element>(id) else {
        return false;
    };
    let change = el.get_attribute(name).as_deref() != Some(value);
    if change {
        let _ = el.set_attribute(name, value);
    }
    change
}

thread_local! {
    /// The lines each `set_lines` container last got, so an unchanged list is not
    /// rebuilt (and laid out again) every frame.
    static LINES: RefCell<HashMap<String, Vec<String>>> = RefCell::new(HashMap::new());
}

/// Replaces the children of `#id` by one `<tag>` per line, with the lines as text;
/// nothing is touched when `#id` still holds exactly these lines.
pub fn set_lines(id: &str, tag: &str, lines: &[String]) -> Result<(), JsValue> {
    let parent = by_id::<Element>(id)?;
    let unchanged = LINES.with(|c| c.borrow().get(id).is_some_and(|old| old == lines))
        && parent.child_element_count() as usize == lines.len();
    if unchanged {
        return Ok(());
    }
    let doc = document()?;
    parent.set_text_content(None);
    for line in lines {
        let item = doc.create_element(tag)?;
        item.set_text_content(Some(line));
        parent.append_child(&item)?;
    }
    LINES.with(|c| c.borrow_mut().insert(id.to_string(), lines.to_vec()));
    Ok(())
}

/// Fills every `data-i18n` (text), `data-i18n-aria` (aria-label) and
/// `data-i18n-title` (title) of the document in `lang`, and sets `<html lang>`.
pub fn apply_i18n(lang: Lang) -> Result<(), JsValue> {
    let doc = document()?;
    if let Some(html) = doc.document_element() {
        html.set_attribute("lang", lang.tag())?;
    }
    doc.set_title(t(lang, "app.document-title"));
    for (attr, target) in [
        ("data-i18n", None),
        ("data-i18n-aria", Some("aria-label")),
        ("data-i18n-title", Some("title")),
    ] {
        let nodes = doc.query_selector_all(&format!("[{attr}]"))?;
        for i in 0..nodes.length() {
            let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let key = el.get_attribute(attr).unwrap_or_default();
            match target {
                None => el.set_text_content(Some(t(lang, &key))),
                Some(name) => el.set_attribute(name, t(lang, &key))?,
            }
        }
    }
    Ok(())
}
