//! Messages the page raises: refused input, ignored URL parameters, and values
//! that exploded — each written in the learner's language with the numbers
//! that explain it.

use crate::engine::error::EXPLOSION_LIMIT;
use crate::engine::EngineError;
use crate::i18n::{t, tf, Lang};
use crate::view::number::fmt;

use super::ParamError;

/// Which lab an alert is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lab {
    /// The network lab.
    Network,
    /// The 1-D descent lab.
    Descent,
}

/// A message on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Alert {
    /// Values passed the explosion limit or stopped being finite.
    Exploded {
        /// The lab that exploded.
        lab: Lab,
        /// Its learning rate.
        rate: f64,
        /// Training steps (network) or iterates (descent) so far.
        step: usize,
        /// Descent only: the factor q = 1 − r·x² that multiplies the error each step.
        factor: Option<f64>,
    },
    /// Input the engine refused; `reason` is an i18n key, `detail` the English
    /// engine message (shown small, for teachers).
    Invalid {
        /// i18n key of the reason.
        reason: &'static str,
        /// The engine's own words.
        detail: String,
    },
    /// A typed value that was refused: which field, what was typed, why.
    Field {
        /// The field's name as shown (`x₁`, `y`, `r`).
        field: String,
        /// What was typed (cut to 40 characters).
        text: String,
        /// i18n key of the reason.
        reason: &'static str,
    },
    /// URL parameters that were ignored.
    Params(Vec<ParamError>),
}

impl Alert {
    /// The alert for an engine error (other than an explosion).
    pub fn invalid(err: &EngineError) -> Alert {
        let reason = match err {
            EngineError::InputLength { .. } => "err.input.x-length",
            EngineError::TargetLength { .. } => "err.input.y-length",
            EngineError::NotFinite { .. } => "err.input.not-finite",
            EngineError::LearningRate(_) => "err.input.rate",
            EngineError::UnknownPreset(_) => "err.param.preset",
            EngineError::Exploded => "err.exploded.refused",
            EngineError::InvalidShape(_) => "err.input.shape",
        };
        Alert::Invalid {
            reason,
            detail: err.to_string(),
        }
    }

    /// Whether the page offers "back to the last finite state".
    pub fn can_restore(&self) -> bool {
        matches!(self, Alert::Exploded { .. })
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Alert::Exploded {
                lab,
                rate,
                step,
                factor,
            } => exploded_message(*lab, *rate, *step, *factor, lang),
            Alert::Invalid { reason, .. } => t(lang, reason).to_string(),
            Alert::Field {
                field,
                text,
                reason,
            } => format!("{field}: “{text}” — {}", t(lang, reason)),
            Alert::Params(errors) => params_message(errors, lang),
        }
    }
}

/// Why the values exploded, with the numbers: the rate, when, and (descent)
/// the factor q = 1 − r·x² whose size above 1 makes every step worse.
fn exploded_message(lab: Lab, rate: f64, step: usize, factor: Option<f64>, lang: Lang) -> String {
    let (rate, step, limit) = (fmt(rate), step.to_string(), fmt(EXPLOSION_LIMIT));
    let q = factor.unwrap_or(f64::NAN);
    let (factor, abs) = (fmt(q), fmt(q.abs()));
    let key = match lab {
        Lab::Network => "err.exploded.network",
        Lab::Descent => "err.exploded.descent",
    };
    let args = [
        ("rate", rate.as_str()),
        ("step", step.as_str()),
        ("limit", limit.as_str()),
        ("factor", factor.as_str()),
        ("abs", abs.as_str()),
    ];
    tf(lang, key, &args)
}

fn params_message(errors: &[ParamError], lang: Lang) -> String {
    let items: Vec<String> = errors
        .iter()
        .map(|e| format!("“{}”: {}", e.pair, t(lang, e.reason)))
        .collect();
    format!("{} {}", t(lang, "err.param.ignored"), items.join("; "))
}
