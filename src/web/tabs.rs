//! The page's tabs: shows the view of the App's tab and marks its button. Only
//! the page's paint calls it; no lab reads the tab back from the DOM.

use web_sys::HtmlElement;

use crate::app::Tab;

use super::dom::{by_id, set_attr};

/// Shows `tab`'s view, hides the others and marks its button.
pub fn show(tab: Tab) {
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
    // For styles and tests only; nothing reads it back.
    set_attr("backprop-lab", "data-tab", tab.name());
}
