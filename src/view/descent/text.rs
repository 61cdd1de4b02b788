//! The descent view's explanation: the valley `J(w) = ½(x·w − y)²`, the last step
//! `w_{k+1} = w_k − r·dJ/dw(w_k)` with its numbers, the path so far, and the regime
//! in words with the factor `q = 1 − r·x²` that multiplies the error `w − w*` each step.
//! Curve values and slopes come from the engine's [`Descent`].

use crate::engine::descent::Descent;
use crate::engine::snapshot::{DescentSnapshot, Regime};
use crate::i18n::{t, tf, Lang};

use crate::view::notation::{paren, subscript};
use crate::view::number::fmt;

/// Iterates listed in full on the path line; longer paths show their start and end.
const PATH_ITEMS: usize = 7;

/// The regime's short name (e.g. "振荡收敛" / "oscillating, converging").
pub fn regime_name(regime: Regime, lang: Lang) -> &'static str {
    t(lang, &format!("panel.regime.{}.name", regime_key(regime)))
}

fn regime_key(regime: Regime) -> &'static str {
    match regime {
        Regime::Slow => "slow",
        Regime::Monotone => "monotone",
        Regime::OneStep => "one-step",
        Regime::Oscillating => "oscillating",
        Regime::Bouncing => "bouncing",
        Regime::Diverging => "diverging",
    }
}

/// The descent view's explanation: the valley, the last step's update with numbers,
/// the path, and the regime in words with its factor q.
pub fn descent_lines(snap: &DescentSnapshot, lang: Lang) -> Vec<String> {
    let r = fmt(snap.learning_rate);
    let (j, dj) = (
        loss_formula(snap.x, snap.y),
        gradient_formula(snap.x, snap.y),
    );
    let mut lines = vec![tf(
        lang,
        "panel.descent.valley",
        &[("j", &j), ("dj", &dj), ("r", &r)],
    )];
    lines.extend(step_lines(snap, lang));
    if snap.iterates.len() > 1 {
        lines.push(tf(
            lang,
            "panel.descent.path",
            &[("path", &path_text(&snap.iterates))],
        ));
    }
    let why = tf(
        lang,
        &format!("panel.regime.{}.why", regime_key(snap.regime)),
        &[("q", &factor_text(snap))],
    );
    let name = regime_name(snap.regime, lang);
    lines.push(tf(
        lang,
        "panel.descent.regime",
        &[("name", name), ("why", &why)],
    ));
    if snap.exploded {
        lines.push(t(lang, "panel.descent.exploded").to_string());
    }
    lines
}

/// `J(w) = ½w²` for the tutorial's sample (1, 0), else `J(w) = ½(x·w − y)²` with numbers.
pub fn loss_formula(x: f64, y: f64) -> String {
    if x == 1.0 && y == 0.0 {
        "J(w) = ½w²".to_string()
    } else {
        format!("J(w) = ½({})²", inner(x, y))
    }
}

/// `dJ/dw = x·(x·w − y)` with numbers (`w` for the tutorial's sample).
fn gradient_formula(x: f64, y: f64) -> String {
    if x == 1.0 {
        inner(x, y)
    } else {
        format!("{}·({})", paren(x), inner(x, y))
    }
}

/// `x·w − y` with numbers: `w`, `2·w − 1`, `-0.5·w + 3`.
fn inner(x: f64, y: f64) -> String {
    let xw = if x == 1.0 {
        "w".to_string()
    } else {
        format!("{}·w", fmt(x))
    };
    if y == 0.0 {
        xw
    } else if y > 0.0 {
        format!("{xw} − {}", fmt(y))
    } else {
        format!("{xw} + {}", fmt(-y))
    }
}

/// The last step with its numbers, then where it landed; before any step, the start.
fn step_lines(snap: &DescentSnapshot, lang: Lang) -> Vec<String> {
    let (j, g) = (fmt(snap.loss), fmt(snap.gradient));
    let n = snap.iterates.len();
    if n < 2 {
        let w = fmt(snap.w0);
        return vec![tf(
            lang,
            "panel.descent.start",
            &[("w", &w), ("j", &j), ("g", &g)],
        )];
    }
    let (k, prev) = (n - 1, snap.iterates[n - 2]);
    let (wk, wprev) = (
        format!("w{}", subscript(k)),
        format!("w{}", subscript(k - 1)),
    );
    // The slope at the previous iterate is the engine's, from the same sample.
    let slope = Descent::with_sample(snap.x, snap.y, snap.w0, snap.learning_rate)
        .map(|d| paren(d.gradient(prev)))
        .unwrap_or_else(|_| "—".to_string());
    let update = format!(
        "{wk} = {wprev} − r·dJ/dw({wprev}) = {} − {}·{slope} = {}",
        fmt(prev),
        fmt(snap.learning_rate),
        fmt(snap.w)
    );
    vec![
        tf(
            lang,
            "panel.descent.step",
            &[("k", &k.to_string()), ("update", &update)],
        ),
        tf(
            lang,
            "panel.descent.now",
            &[("w", &wk), ("j", &j), ("g", &g)],
        ),
    ]
}

/// `1.5 → -0.75 → 0.375`, or the first two and the last few with `…` between.
fn path_text(iterates: &[f64]) -> String {
    let items: Vec<String> = if iterates.len() <= PATH_ITEMS {
        iterates.iter().map(|&w| fmt(w)).collect()
    } else {
        let tail = &iterates[iterates.len() - (PATH_ITEMS - 3)..];
        let head = iterates.iter().take(2).map(|&w| fmt(w));
        head.chain(["…".to_string()])
            .chain(tail.iter().map(|&w| fmt(w)))
            .collect()
    };
    items.join(" → ")
}

/// `q = 1 − r = 1 − 1.5 = -0.5` (x = 1), else `q = 1 − r·x² = 1 − 0.5·2² = -1`;
/// q itself is the engine's factor.
fn factor_text(snap: &DescentSnapshot) -> String {
    let (r, q) = (fmt(snap.learning_rate), fmt(snap.factor));
    if snap.x == 1.0 {
        format!("q = 1 − r = 1 − {r} = {q}")
    } else {
        format!("q = 1 − r·x² = 1 − {r}·{}² = {q}", paren(snap.x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_valley_for_any_sample() {
        assert_eq!(loss_formula(1.0, 0.0), "J(w) = ½w²");
        assert_eq!(loss_formula(2.0, 1.0), "J(w) = ½(2·w − 1)²");
        assert_eq!(loss_formula(1.0, -3.0), "J(w) = ½(w + 3)²");
        assert_eq!(gradient_formula(1.0, 0.0), "w");
        assert_eq!(gradient_formula(-2.0, 0.0), "(-2)·(-2·w)");
    }

    #[test]
    fn shortens_long_paths() {
        let path: Vec<f64> = (0..10).map(f64::from).collect();
        assert_eq!(path_text(&path), "0 → 1 → … → 6 → 7 → 8 → 9");
        assert_eq!(path_text(&[1.5, 0.75]), "1.5 → 0.75");
    }
}
