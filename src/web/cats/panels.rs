//! The cat lab's texts, refreshed after each change: the messages, the input
//! layer's numbers and formula, the data's origin and counts, the run's state,
//! progress and accuracies, the results. Numbers also go to `data-*` attributes
//! so tests read exactly what the page shows.

use wasm_bindgen::JsValue;
use web_sys::{
    Element, HtmlButtonElement, HtmlCanvasElement, HtmlInputElement, HtmlProgressElement,
};

use crate::app::cats::{ModelKind, RunState, Source};
use crate::engine::cats::{Init, TrainingSnapshot};
use crate::engine::image::Order;
use crate::i18n::{t, tf, Lang};
use crate::view::cats::pixels::neighbourhood;
use crate::view::cats::pixels_text::{
    cell_text, crop_line, index_formula, order_note, position_line, value_line,
};
use crate::view::cats::text::{
    accuracy_line, estimate_line, misclassified_summary, model_line, prediction_line, source_line,
    status_line,
};
use crate::view::message::render;

use super::super::dom::{by_id, document, set_attr, set_hidden, set_text};
use super::CatPage;

/// Neighbours shown on each side of the focused pixel (a 5×5 table).
const RADIUS: usize = 2;

/// Refreshes the lab's texts: those of the input layer when `input`, those of the
/// run's results when `results`, the rest always.
pub fn update(page: &mut CatPage, input: bool, results: bool) -> Result<(), JsValue> {
    let lang = page.lang;
    update_messages(page, lang)?;
    if input {
        update_input(page, lang)?;
    }
    update_data(page, lang);
    update_run(page, lang);
    if results {
        update_results(page, lang)?;
        super::thumbs::update_wrong(page)?;
    }
    super::thumbs::update_data(page)?;
    if page.view.refill {
        refill(page);
        page.view.refill = false;
    }
    Ok(())
}

fn update_messages(page: &CatPage, lang: Lang) -> Result<(), JsValue> {
    let problems = page.cats.problems();
    let list = by_id::<Element>("cats-problems")?;
    list.set_text_content(None);
    for problem in problems {
        let item = document()?.create_element("li")?;
        item.set_text_content(Some(&render(problem, lang)));
        item.set_attribute("data-code", problem.code)?;
        if let Some(file) = problem.arg_text("file") {
            item.set_attribute("data-file", &file)?;
        }
        list.append_child(&item)?;
    }
    let note = if page.view.reading > 0 {
        tf(
            lang,
            "cats.note.reading",
            &[
                ("n", &page.view.reading.to_string()),
                ("done", &page.view.read.min(page.view.reading).to_string()),
            ],
        )
    } else {
        page.cats
            .note()
            .map(|n| render(n, lang))
            .unwrap_or_default()
    };
    set_text("cats-note", &note);
    set_hidden("cats-note", note.is_empty());
    set_hidden("cats-messages", problems.is_empty() && note.is_empty());
    set_attr("cats-messages", "data-count", &problems.len().to_string());
    Ok(())
}

fn update_input(page: &CatPage, lang: Lang) -> Result<(), JsValue> {
    let input = page.cats.input();
    set_hidden("cats-empty", input.picture().is_some());
    let crop = input
        .origin()
        .map(|o| crop_line(o, lang))
        .unwrap_or_default();
    set_text("cats-crop", &crop);
    set_text("cats-order-note", order_note(input.order(), lang));
    let order = match input.order() {
        Order::ChannelFirst => "channel-first",
        Order::PixelFirst => "pixel-first",
    };
    let (Some(picture), Some(focus)) = (input.picture(), input.focus()) else {
        return Ok(());
    };
    let level = picture.get(focus.row, focus.col, focus.channel);
    set_text("cats-position", &position_line(&focus, lang));
    set_text("cats-value", &value_line(level, input.scaled(), lang));
    set_text("cats-formula", &index_formula(&focus, lang));
    for (name, value) in [
        ("data-order", order.to_string()),
        ("data-row", focus.row.to_string()),
        ("data-col", focus.col.to_string()),
        ("data-channel", focus.channel.to_string()),
        ("data-index", focus.index.to_string()),
        ("data-value", level.to_string()),
    ] {
        set_attr("cats-formula", name, &value);
    }
    set_attr("cats-strip", "data-highlight", &focus.index.to_string());
    fill_neighbourhood(&neighbourhood(picture, &focus, RADIUS), input.scaled())
}

/// The 5×5 table of levels around the focused pixel, its centre marked.
fn fill_neighbourhood(rows: &[Vec<Option<u8>>], scaled: bool) -> Result<(), JsValue> {
    let body = by_id::<Element>("cats-neighbourhood")?;
    body.set_text_content(None);
    for (r, row) in rows.iter().enumerate() {
        let tr = document()?.create_element("tr")?;
        for (c, level) in row.iter().enumerate() {
            let td = document()?.create_element("td")?;
            td.set_text_content(Some(&cell_text(*level, scaled)));
            if r == RADIUS && c == RADIUS {
                td.set_attribute("class", "focus")?;
            }
            tr.append_child(&td)?;
        }
        body.append_child(&tr)?;
    }
    Ok(())
}

fn update_data(page: &CatPage, lang: Lang) {
    let set = page.cats.set();
    set_text("cats-source", &source_line(set.source(), lang));
    let source = match set.source() {
        Source::Empty => "empty",
        Source::Demo { .. } => "demo",
        Source::Course { .. } => "course",
        Source::Own => "own",
    };
    set_attr("cats-source", "data-source", source);
    let c = set.counts();
    for (id, n) in [
        ("cats-count-train-cat", c.train_cats),
        ("cats-count-train-other", c.train_other),
        ("cats-count-train", c.train_cats + c.train_other),
        ("cats-count-test-cat", c.test_cats),
        ("cats-count-test-other", c.test_other),
        ("cats-count-test", c.test_cats + c.test_other),
    ] {
        set_text(id, &n.to_string());
    }
    set_hidden("cats-clear-own", set.own_count() == 0);
}

fn update_run(page: &CatPage, lang: Lang) {
    let cats = &page.cats;
    let state = cats.state();
    let settings = cats.settings();
    set_text("cats-model-line", &model_line(&settings, lang));
    set_text(
        "cats-estimate",
        &estimate_line(&settings, cats.set().counts(), lang),
    );
    let hidden = settings.model == ModelKind::Hidden;
    set_hidden("cats-hidden-field", !hidden);
    set_hidden("cats-init-field", !hidden);
    set_hidden("cats-seed-field", !hidden || settings.init != Init::Seeded);
    let (done, planned) = cats.progress();
    let preparing = cats.preparation();
    let (value, max) = preparing.unwrap_or((done, planned));
    if let Ok(bar) = by_id::<HtmlProgressElement>("cats-progress") {
        bar.set_max(max.max(1) as f64);
        bar.set_value(value as f64);
    }
    set_attr(
        "cats-progress",
        "data-preparing",
        if preparing.is_some() { "true" } else { "false" },
    );
    let snap = cats.snapshot();
    // While running the snapshot lags a few iterations: the cost is shown once it settles.
    let costs = match (state, snap) {
        (RunState::Running, _) | (_, None) => &[][..],
        (_, Some(s)) => &s.costs[..],
    };
    let status = match preparing {
        Some((done, total)) => tf(
            lang,
            "cats.status.preparing",
            &[("done", &done.to_string()), ("total", &total.to_string())],
        ),
        None => status_line(state, (done, planned), costs, lang),
    };
    set_text("cats-status", &status);
    set_attr("view-cats", "data-state", state.name());
    set_attr("view-cats", "data-iteration", &done.to_string());
    update_accuracy(snap, lang);
    update_buttons(state, lang);
}

/// Accuracies and the last cost, as text and as `data-*` numbers.
fn update_accuracy(snap: Option<&TrainingSnapshot>, lang: Lang) {
    let accuracy = snap.map(|s| accuracy_line(s, lang)).unwrap_or_default();
    set_text("cats-accuracy", &accuracy);
    if let Some(s) = snap {
        set_attr("cats-accuracy", "data-train", &s.train_accuracy.to_string());
        let test = s.test_accuracy.map(|a| a.to_string()).unwrap_or_default();
        set_attr("cats-accuracy", "data-test", &test);
        set_attr("cats-accuracy", "data-iteration", &s.iteration.to_string());
        let last = s.costs.last().map(|c| c.to_string()).unwrap_or_default();
        set_attr("cats-cost", "data-last", &last);
    }
    set_hidden("cats-cost-empty", snap.is_some_and(|s| !s.costs.is_empty()));
}

/// Pause (or Resume) and Stop work only while a run is running or paused.
fn update_buttons(state: RunState, lang: Lang) {
    let active = matches!(state, RunState::Running | RunState::Paused);
    let pause = if state == RunState::Paused {
        "cats.train.resume"
    } else {
        "cats.train.pause"
    };
    set_text("cats-train-pause", t(lang, pause));
    for id in ["cats-train-pause", "cats-train-stop"] {
        if let Ok(button) = by_id::<HtmlButtonElement>(id) {
            button.set_disabled(!active);
        }
    }
}

fn update_results(page: &CatPage, lang: Lang) -> Result<(), JsValue> {
    super::units::update_units(page)?;
    super::units::update_table(page);
    let summary = match page.cats.snapshot() {
        Some(s) => misclassified_summary(s, lang),
        None => t(lang, "cats.wrong.none").to_string(),
    };
    set_text("cats-wrong-summary", &summary);
    let prediction = page.cats.prediction();
    let line = prediction
        .map(|p| prediction_line(p, lang))
        .unwrap_or_default();
    set_text("cats-predict-line", &line);
    let p_cat = prediction.map(|p| p.p_cat.to_string()).unwrap_or_default();
    set_attr("cats-predict-line", "data-p", &p_cat);
    set_hidden("cats-predict-picture", prediction.is_none());
    if let Some(p) = prediction {
        let canvas = by_id::<HtmlCanvasElement>("cats-predict-picture")?;
        super::paint::put_picture(&canvas, &p.picture)?;
    }
    Ok(())
}

/// Writes the settings into the fields (after a model was chosen).
fn refill(page: &CatPage) {
    let s = page.cats.settings();
    for (id, value) in [
        ("cats-rate", s.learning_rate.to_string()),
        ("cats-iterations", s.iterations.to_string()),
        ("cats-hidden", s.hidden.to_string()),
        ("cats-seed", s.seed.to_string()),
    ] {
        if let Ok(input) = by_id::<HtmlInputElement>(id) {
            input.set_value(&value);
            let _ = input.set_attribute("aria-invalid", "false");
        }
    }
    for (id, value) in [("cats-model", s.model.name()), ("cats-init", s.init.name())] {
        if let Ok(select) = by_id::<web_sys::HtmlSelectElement>(id) {
            select.set_value(value);
        }
    }
}
