//! Thumbnails: the pictures of the data set and the misclassified ones, each a
//! 64×64 canvas in a button (click: show it in the input layer), rebuilt only
//! when the data, the run's results or the language changed.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlCanvasElement};

use crate::app::cats::Set;
use crate::engine::cats::{Sample, TrainingSnapshot};
use crate::i18n::{tf, Lang};
use crate::view::cats::text::{class_word, misclassified_caption};

use super::super::dom::{by_id, document};
use super::paint::put_picture;
use super::CatPage;

/// Thumbnails shown per set at most (the rest are counted).
pub const SHOWN: usize = 48;
/// Misclassified pictures shown at most (test pictures first).
pub const SHOWN_WRONG: usize = 24;

/// One thumbnail: a button holding the picture's canvas and a caption.
fn thumbnail(
    sample: &Sample,
    set: Set,
    index: usize,
    caption: Option<&str>,
    lang: Lang,
) -> Result<Element, JsValue> {
    let doc = document()?;
    let button = doc.create_element("button")?;
    button.set_attribute("type", "button")?;
    button.set_attribute("class", "thumb")?;
    button.set_attribute("data-set", set.name())?;
    button.set_attribute("data-index", &index.to_string())?;
    button.set_attribute("data-cat", if sample.is_cat { "true" } else { "false" })?;
    let label = format!("{} · {}", sample.name, class_word(sample.is_cat, lang));
    button.set_attribute("aria-label", &label)?;
    button.set_attribute("title", &label)?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    canvas.set_width(64);
    canvas.set_height(64);
    put_picture(&canvas, &sample.picture)?;
    button.append_child(&canvas)?;
    if let Some(text) = caption {
        let span = doc.create_element("span")?;
        span.set_text_content(Some(text));
        button.append_child(&span)?;
    }
    Ok(button)
}

/// "and 112 more" after the shown thumbnails.
fn more(parent: &Element, hidden: usize, lang: Lang) -> Result<(), JsValue> {
    if hidden > 0 {
        let p = document()?.create_element("p")?;
        p.set_attribute("class", "muted")?;
        p.set_text_content(Some(&tf(
            lang,
            "cats.thumbs.more",
            &[("n", &hidden.to_string())],
        )));
        parent.append_child(&p)?;
    }
    Ok(())
}

fn fill_set(id: &str, samples: &[Sample], set: Set, lang: Lang) -> Result<(), JsValue> {
    let parent = by_id::<Element>(id)?;
    parent.set_text_content(None);
    for (i, sample) in samples.iter().enumerate().take(SHOWN) {
        let thumb = thumbnail(sample, set, i, None, lang)?;
        parent.append_child(&thumb)?;
    }
    more(&parent, samples.len().saturating_sub(SHOWN), lang)
}

/// Rebuilds the data set's thumbnails when the data or the language changed.
pub fn update_data(page: &mut CatPage) -> Result<(), JsValue> {
    let set = page.cats.set();
    let key = (set.source().clone(), set.counts(), page.lang);
    if page.view.built_data.as_ref() == Some(&key) {
        return Ok(());
    }
    let data = page.cats.set().data();
    fill_set("cats-thumbs-train", &data.train, Set::Train, page.lang)?;
    fill_set("cats-thumbs-test", &data.test, Set::Test, page.lang)?;
    page.view.built_data = Some(key);
    Ok(())
}

/// Rebuilds the misclassified thumbnails when a new snapshot arrived (not while a
/// run is running: they would change every few iterations).
pub fn update_wrong(page: &mut CatPage) -> Result<(), JsValue> {
    if page.cats.state() == crate::app::cats::RunState::Running {
        return Ok(());
    }
    let snap = page.cats.snapshot();
    let key = (
        snap.map(|s| (s.iteration, s.misclassified.len())),
        page.cats.state(),
        page.lang,
    );
    if page.view.built_wrong.as_ref() == Some(&key) {
        return Ok(());
    }
    let parent = by_id::<Element>("cats-wrong")?;
    parent.set_text_content(None);
    if let Some(snap) = snap {
        fill_wrong(page, &parent, snap)?;
    }
    page.view.built_wrong = Some(key);
    Ok(())
}

fn fill_wrong(page: &CatPage, parent: &Element, snap: &TrainingSnapshot) -> Result<(), JsValue> {
    // Test pictures first: they show what the model failed to generalise to.
    let mut wrong: Vec<_> = snap.misclassified.iter().collect();
    wrong.sort_by_key(|m| m.set != "test");
    for m in wrong.iter().take(SHOWN_WRONG) {
        let Some(set) = Set::from_name(&m.set) else {
            continue;
        };
        if let Some(sample) = page.cats.set().sample(set, m.index) {
            let caption = misclassified_caption(m, page.lang);
            let thumb = thumbnail(sample, set, m.index, Some(&caption), page.lang)?;
            thumb.set_attribute("data-p", &m.p_cat.to_string())?;
            parent.append_child(&thumb)?;
        }
    }
    more(parent, wrong.len().saturating_sub(SHOWN_WRONG), page.lang)
}
