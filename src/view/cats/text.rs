//! The cat recognizer's words with their numbers: where the data came from, the
//! model and its parameter count, the run's state, the accuracies, a prediction
//! and the captions of misclassified pictures. Numbers through `view::number`.

use crate::app::cats::{ModelKind, Prediction, RunState, Settings, Source};
use crate::engine::cats::limits::{estimate, MAX_MEGABYTES, MAX_SECONDS};
use crate::engine::cats::{Counts, Misclassified, Model, TrainingSnapshot};
use crate::i18n::{t, tf, Lang};

use crate::view::number::{fmt, fmt_sig};

/// Where the data came from (the demo set says it is drawn, not photographed).
pub fn source_line(source: &Source, lang: Lang) -> String {
    match source {
        Source::Empty => t(lang, "cats.source.empty").to_string(),
        Source::Demo { seed } => tf(lang, "cats.source.demo", &[("seed", &seed.to_string())]),
        Source::Course { train, test } => tf(
            lang,
            "cats.source.course",
            &[("train", train.as_str()), ("test", test.as_str())],
        ),
        Source::Own => t(lang, "cats.source.own").to_string(),
    }
}

/// Parameters of a model on 12288 features: Σₗ n⁽ˡ⁾·n⁽ˡ⁻¹⁾ + n⁽ˡ⁾ over the layer
/// sizes 12288, n⁽¹⁾, …, 1 (logistic regression 12288 + 1).
pub fn parameter_count(settings: &Settings) -> usize {
    let model = match settings.model {
        ModelKind::Logistic => Model::Logistic,
        ModelKind::Hidden => Model::Hidden(settings.hidden),
    };
    model.dims().windows(2).map(|p| p[0] * p[1] + p[1]).sum()
}

/// The model as a formula with its sizes and how its weights start.
pub fn model_line(settings: &Settings, lang: Lang) -> String {
    let count = parameter_count(settings).to_string();
    match settings.model {
        ModelKind::Logistic => tf(lang, "cats.model.logistic.line", &[("params", &count)]),
        ModelKind::Hidden => {
            let sizes: Vec<String> = settings
                .hidden
                .sizes()
                .iter()
                .map(usize::to_string)
                .collect();
            let init = t(lang, &format!("cats.init.{}.line", settings.init.name()));
            tf(
                lang,
                "cats.model.hidden.line",
                &[("h", &sizes.join(", ")), ("params", &count), ("init", init)],
            )
        }
    }
}

/// What a run with these settings would cost on the current data, as the lab
/// estimates it before starting (and refuses past its limits); empty without data.
pub fn estimate_line(settings: &Settings, counts: Counts, lang: Lang) -> String {
    let m = counts.train_cats + counts.train_other;
    if m == 0 {
        return String::new();
    }
    let model = match settings.model {
        ModelKind::Logistic => Model::Logistic,
        ModelKind::Hidden => Model::Hidden(settings.hidden),
    };
    let e = estimate(
        &model,
        settings.iterations,
        m,
        counts.test_cats + counts.test_other,
    );
    let key = if e.seconds > MAX_SECONDS || e.megabytes > MAX_MEGABYTES {
        "cats.estimate.too-big"
    } else {
        "cats.estimate.line"
    };
    let seconds = fmt_sig(e.seconds.max(0.1), 2);
    let megabytes = fmt_sig(e.megabytes.max(0.1), 2);
    tf(
        lang,
        key,
        &[
            ("seconds", &seconds),
            ("megabytes", &megabytes),
            ("m", &m.to_string()),
        ],
    )
}

/// The run's state with its iteration and the latest cost.
pub fn status_line(
    state: RunState,
    (done, planned): (usize, usize),
    costs: &[f64],
    lang: Lang,
) -> String {
    let key = match state {
        RunState::Idle => return t(lang, "cats.status.idle").to_string(),
        RunState::Running => "cats.status.running",
        RunState::Paused => "cats.status.paused",
        RunState::Stopped => "cats.status.stopped",
        RunState::Done => "cats.status.done",
        RunState::Diverged => "cats.status.diverged",
    };
    let (i, n) = (done.to_string(), planned.to_string());
    let line = tf(lang, key, &[("i", &i), ("n", &n)]);
    match costs.iter().rev().find(|c| c.is_finite()) {
        Some(&cost) => format!(
            "{line} {}",
            tf(lang, "cats.status.cost", &[("cost", &fmt(cost))])
        ),
        None => line,
    }
}

/// A fraction as a percentage with 4 significant digits: 0.98086 → `98.09 %`.
pub fn percent(fraction: f64) -> String {
    format!("{} %", fmt(fraction * 100.0))
}

/// Train and test accuracy (the test part only when there is a test set).
pub fn accuracy_line(snap: &TrainingSnapshot, lang: Lang) -> String {
    let train = percent(snap.train_accuracy);
    match snap.test_accuracy {
        Some(test) => tf(
            lang,
            "cats.accuracy.both",
            &[("train", &train), ("test", &percent(test))],
        ),
        None => tf(lang, "cats.accuracy.train", &[("train", &train)]),
    }
}

/// The class word for a label.
pub fn class_word(is_cat: bool, lang: Lang) -> &'static str {
    t(
        lang,
        if is_cat {
            "cats.class.cat"
        } else {
            "cats.class.other"
        },
    )
}

/// `p(cat) = 0.8731 → cat (threshold 0.5)` for a picture the learner dropped.
pub fn prediction_line(prediction: &Prediction, lang: Lang) -> String {
    let p = fmt(prediction.p_cat);
    let verdict = class_word(prediction.p_cat > 0.5, lang);
    tf(
        lang,
        "cats.predict.line",
        &[
            ("name", prediction.name.as_str()),
            ("p", &p),
            ("class", verdict),
        ],
    )
}

/// The caption of a misclassified picture: its p(cat) and its true label.
pub fn misclassified_caption(m: &Misclassified, lang: Lang) -> String {
    tf(
        lang,
        "cats.wrong.caption",
        &[("p", &fmt(m.p_cat)), ("class", class_word(m.is_cat, lang))],
    )
}

/// `3 of 50 test pictures and 0 of 160 training pictures are misclassified`.
pub fn misclassified_summary(snap: &TrainingSnapshot, lang: Lang) -> String {
    let count = |set: &str| snap.misclassified.iter().filter(|m| m.set == set).count();
    let values = [
        ("train", count("train").to_string()),
        ("m", snap.train_predictions.len().to_string()),
        ("test", count("test").to_string()),
        ("mtest", snap.test_predictions.len().to_string()),
    ];
    let args: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    tf(lang, "cats.wrong.summary", &args)
}
