//! The course's cost table: the notebook prints
//! `Cost after iteration {i}: {cost}` for every i with i % 100 == 0 and for the last
//! iteration (i = num_iterations − 1), the cost as Python prints a float (its
//! shortest round-trip digits, e.g. `0.6930497356599888`, `1.2e-05`). The lab lists
//! the same lines for the costs computed so far, so a learner can compare them line
//! by line.

use crate::i18n::{tf, Lang};

/// The notebook prints every this many iterations.
pub const EVERY: usize = 100;

/// (i, J) of the rows the notebook would have printed by now: i % 100 == 0, and
/// i = `planned` − 1 once it is reached.
pub fn cost_rows(costs: &[f64], planned: usize) -> Vec<(usize, f64)> {
    costs
        .iter()
        .enumerate()
        .filter(|&(i, _)| i % EVERY == 0 || i + 1 == planned)
        .map(|(i, &c)| (i, c))
        .collect()
}

/// A float as Python's `str(float)` writes it: the shortest digits that read back
/// to the same number; positional for 1e-4 ≤ |x| < 1e16, else scientific with a
/// two-digit exponent at least (`1.2e-05`).
pub fn python_float(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "nan".into()
        } else if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    let a = x.abs();
    if a == 0.0 || (1e-4..1e16).contains(&a) {
        let text = format!("{x}");
        return if text.contains('.') {
            text
        } else {
            format!("{text}.0")
        };
    }
    let sci = format!("{x:e}"); // e.g. "1.2e-5"
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let (sign, digits) = match exponent.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("+", exponent),
    };
    format!("{mantissa}e{sign}{digits:0>2}")
}

/// The table's lines as the notebook prints them (the same in both languages:
/// they are compared with the notebook's output).
pub fn cost_lines(costs: &[f64], planned: usize) -> Vec<String> {
    cost_rows(costs, planned)
        .into_iter()
        .map(|(i, c)| format!("Cost after iteration {i}: {}", python_float(c)))
        .collect()
}

/// The caption above the table: how many lines, in the learner's language.
pub fn table_caption(costs: &[f64], planned: usize, lang: Lang) -> String {
    let rows = cost_rows(costs, planned).len().to_string();
    tf(lang, "cats.table.caption", &[("rows", &rows)])
}
