//! Tab ①'s text around the canvases, refreshed after each change: the phase
//! panel, the descent explanation and iterates, the alert, the state of the
//! buttons and fields. Every number comes from a snapshot, formatted by
//! `view::number`.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, HtmlSelectElement};

use crate::app::input::join_numbers;
use crate::app::network::rates::{nearest_stop, EpochPace, EPOCH_BUDGET_MS, SPEEDS};
use crate::app::network::NetworkController;
use crate::app::App;
use crate::engine::loss::LossKind;
use crate::engine::snapshot::{DescentSnapshot, NetworkSnapshot, Phase, Regime};
use crate::i18n::{t, tf, Lang};
use crate::view::message::render;
use crate::view::network::formula::{descent_lines, next_phase_line, phase_panel, regime_name};
use crate::view::number::{fmt, fmt_sig, LONG};

use super::super::dom::{by_id, set_attr, set_hidden, set_lines, set_text};
use super::NetworkView;

/// Refreshes every text of the tab from the App's state.
pub fn update(
    view: &mut NetworkView,
    app: &App,
    snap: &NetworkSnapshot,
    dsnap: &DescentSnapshot,
) -> Result<(), JsValue> {
    let (lang, lab) = (app.lang(), app.network());
    update_phase(snap, lang)?;
    // The valley's panel lists up to 200 iterates: written again only when it changed.
    let key = (dsnap.clone(), lang);
    if view.shown_descent.as_ref() != Some(&key) {
        update_descent(dsnap, lang)?;
        view.shown_descent = Some(key);
    }
    update_alert(lab, lang);
    update_buttons(lab, lang);
    if view.refill_fields {
        refill_fields(view, lab, snap, dsnap);
        view.refill_fields = false;
    }
    // Hundreds of rows on a deep network: while Play runs and the tables are folded
    // they wait (Pause, or unfolding them, fills them again).
    if view.tables_open || !lab.playing() {
        super::table::update_edges(view, snap, lang)?;
        super::table::update_nodes(view, snap, lang)?;
    }
    super::table::update_tooltip(view, snap, lang)
}

fn update_phase(snap: &NetworkSnapshot, lang: Lang) -> Result<(), JsValue> {
    let panel = phase_panel(snap, lang);
    set_text("phase-title", &panel.title);
    set_lines("phase-lines", "li", &panel.lines)?;
    set_text("next-phase", &next_phase_line(snap, lang));
    let direction = match snap.phase {
        Phase::Ready => "ready",
        Phase::Forward { .. } | Phase::Loss => "forward",
        Phase::Backward { .. } => "backward",
        Phase::Update => "update",
    };
    set_attr("phase-panel", "data-direction", direction);
    update_chooser(snap, lang);
    set_attr("phase-panel", "data-phase", &phase_code(snap.phase));
    Ok(())
}

/// The ◀ example k of n ▶ chooser: shown while a phase of a batch of several
/// examples is on the panel (Ready and Update show no single example).
fn update_chooser(snap: &NetworkSnapshot, lang: Lang) {
    let tr = &snap.training;
    let n = tr.batch.len();
    let per_example = !matches!(snap.phase, Phase::Ready | Phase::Update);
    set_hidden("batch-chooser", !(per_example && n > 1));
    let k = tr.chosen_offset() + 1;
    let (k, n) = (k.to_string(), n.to_string());
    set_text(
        "example-label",
        &tf(lang, "net.batch.label", &[("k", &k), ("n", &n)]),
    );
}

/// `ready`, `forward-1`, `loss`, `backward-2`, `update`: a stable name for tests and styles.
pub fn phase_code(phase: Phase) -> String {
    match phase {
        Phase::Ready => "ready".into(),
        Phase::Forward { layer } => format!("forward-{layer}"),
        Phase::Loss => "loss".into(),
        Phase::Backward { layer } => format!("backward-{layer}"),
        Phase::Update => "update".into(),
    }
}

fn regime_code(regime: Regime) -> &'static str {
    match regime {
        Regime::Slow => "slow",
        Regime::Monotone => "monotone",
        Regime::OneStep => "oneStep",
        Regime::Oscillating => "oscillating",
        Regime::Bouncing => "bouncing",
        Regime::Diverging => "diverging",
    }
}

/// How many iterates the list shows at most (the newest).
const SHOWN_ITERATES: usize = 200;

fn update_descent(snap: &DescentSnapshot, lang: Lang) -> Result<(), JsValue> {
    set_lines("descent-lines", "li", &descent_lines(snap, lang))?;
    let regime = tf(
        lang,
        "ctl.regime",
        &[
            ("rate", &fmt(snap.learning_rate)),
            ("regime", regime_name(snap.regime, lang)),
        ],
    );
    set_text("descent-regime", &regime);
    set_attr("descent-regime", "data-regime", regime_code(snap.regime));
    let first = snap.iterates.len().saturating_sub(SHOWN_ITERATES);
    let items: Vec<String> = snap.iterates[first..]
        .iter()
        .zip(&snap.losses[first.min(snap.losses.len())..])
        .map(|(w, j)| format!("w = {}   J = {}", fmt_sig(*w, LONG), fmt_sig(*j, LONG)))
        .collect();
    set_attr("descent-iterates", "start", &first.to_string());
    set_attr(
        "descent-iterates",
        "data-values",
        &join_numbers(&snap.iterates[first..]),
    );
    set_lines("descent-iterates", "li", &items)
}

fn update_alert(lab: &NetworkController, lang: Lang) {
    match lab.alert() {
        Some(alert) => {
            set_text("alert-text", &render(alert, lang));
            let exploded = lab.exploded().is_some();
            set_hidden("alert-restore", !exploded);
            set_hidden("alert-reset", !exploded);
            set_hidden("alert", false);
        }
        None => {
            set_hidden("alert", true);
        }
    }
}

fn update_buttons(lab: &NetworkController, lang: Lang) {
    for (id, playing) in [
        ("play", lab.playing()),
        ("descent-play", lab.descent_playing()),
    ] {
        set_text(id, t(lang, if playing { "ctl.pause" } else { "ctl.play" }));
        set_attr(id, "aria-pressed", if playing { "true" } else { "false" });
    }
    // On a data set one training step is one mini-batch.
    let (step, title) = if lab.data_mode() {
        ("ctl.step-batch", "ctl.step-batch.title")
    } else {
        ("ctl.step-sample", "ctl.step-sample.title")
    };
    set_text("step-sample", t(lang, step));
    set_attr("step-sample", "title", t(lang, title));
    let speed = SPEEDS[lab.params().speed.min(SPEEDS.len() - 1)];
    let text = match lab.epochs_per_frame() {
        Some(EpochPace::Fixed(n)) => tf(lang, "net.speed.epochs", &[("n", &n.to_string())]),
        Some(EpochPace::Budget) => tf(lang, "net.speed.budget", &[("ms", &fmt(EPOCH_BUDGET_MS))]),
        None => tf(lang, "ctl.speed.value", &[("n", &fmt(speed))]),
    };
    set_text("speed-value", &text);
}

/// Writes the App's settings into the fields (after a preset change, a reset or the URL).
fn refill_fields(
    view: &NetworkView,
    lab: &NetworkController,
    snap: &NetworkSnapshot,
    dsnap: &DescentSnapshot,
) {
    let value = |v: Option<&f64>| v.map(|x| x.to_string()).unwrap_or_default();
    set_value("x1", &value(snap.input.first()));
    set_value("x2", &value(snap.input.get(1)));
    let classes = snap.loss_kind == LossKind::SoftmaxCrossEntropy;
    set_hidden("y-field", classes);
    set_hidden("class-field", !classes);
    set_value("y", &value(snap.target.first()));
    let class = snap.target.iter().position(|&v| v == 1.0).unwrap_or(0);
    set_select("y-class", &class.to_string());
    set_select("preset", lab.params().preset.name());
    set_select("activation", lab.params().activation.name());
    set_value("net-rate", &snap.learning_rate.to_string());
    set_value(
        "net-rate-slider",
        &nearest_stop(&view.network_stops, snap.learning_rate).to_string(),
    );
    set_value("descent-rate", &dsnap.learning_rate.to_string());
    set_value(
        "descent-rate-slider",
        &nearest_stop(&view.descent_stops, dsnap.learning_rate).to_string(),
    );
    set_value("speed", &lab.params().speed.to_string());
    if let Ok(el) = by_id::<HtmlInputElement>("show-weights") {
        el.set_checked(lab.show_weights());
    }
    for id in ["x1", "x2", "y", "net-rate", "descent-rate"] {
        set_attr(id, "aria-invalid", "false");
    }
}

/// Sets an input's value.
pub fn set_value(id: &str, value: &str) {
    if let Ok(el) = by_id::<HtmlInputElement>(id) {
        el.set_value(value);
    }
}

pub(super) fn set_select(id: &str, value: &str) {
    if let Ok(el) = by_id::<web_sys::Element>(id) {
        if let Ok(select) = el.dyn_into::<HtmlSelectElement>() {
            select.set_value(value);
        }
    }
}
