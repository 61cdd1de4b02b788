//! The page's tabs: which lab is shown. The other labs (graph, cats) keep their
//! own state and listen for [`CHANGED`] on the document to repaint when they are
//! shown or the language changes; they read both from the DOM ([`shown`], [`page_lang`]).

use wasm_bindgen::JsValue;
use web_sys::{Element, Event, HtmlElement};

use crate::app::Tab;
use crate::i18n::Lang;

use super::dom::{by_id, document, set_attr};

/// The event dispatched on the document after the shown tab or the language changed.
pub const CHANGED: &str = "backprop-lab-change";

/// Shows `tab`'s view, hides the others, marks its button, and tells the other labs.
pub fn show(tab: Tab) -> Result<(), JsValue> {
    for other in Tab::ALL {
        let selected = other == tab;
        if let Ok(view) = by_id::<HtmlElement>(&format!("view-{}", other.name())) {
            if view.hidden() == selected {
                view.set_hidden(!selected);
            }
        }
        set_attr(
            &format!("tab-{}", other.name()),
            "aria-selected",
            if selected { "true" } else { "false" },
        );
    }
    set_attr("backprop-lab", "data-tab", tab.name());
    announce()
}

/// Dispatches [`CHANGED`] on the document.
pub fn announce() -> Result<(), JsValue> {
    document()?.dispatch_event(&Event::new(CHANGED)?)?;
    Ok(())
}

/// True when `tab`'s view is the one shown.
pub fn shown(tab: Tab) -> bool {
    by_id::<Element>("backprop-lab")
        .ok()
        .and_then(|el| el.get_attribute("data-tab"))
        .map_or(tab == Tab::Network, |name| name == tab.name())
}

/// The language the page is shown in (from `<html lang>`, set by the i18n pass).
pub fn page_lang() -> Lang {
    document()
        .ok()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .map_or(Lang::En, |tag| Lang::from_tag(&tag))
}
