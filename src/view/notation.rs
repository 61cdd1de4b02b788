//! Small pieces of written maths shared by the phase panel and the descent texts:
//! layer indices as superscripts (`W⁽¹⁾`), iterate indices as subscripts (`w₃`),
//! and vectors and matrices that stay readable when a layer is wide.
//! Every number still goes through [`crate::view::number`].

use crate::view::number::{fmt, fmt_mat, fmt_sig, fmt_vec, SHORT};

/// Vectors longer than this are shown as their first entries, `…` and the last.
const MAX_VEC: usize = 6;
/// Matrices with more rows than this are shown as their first rows, `…` and the last.
const MAX_ROWS: usize = 4;
/// Matrix rows longer than this are shortened like long vectors.
const MAX_COLS: usize = 4;

/// `n` in superscript digits, e.g. `12` → `¹²`.
pub fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    map_digits(n, &DIGITS)
}

/// `n` in subscript digits, e.g. `12` → `₁₂`.
pub fn subscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
    map_digits(n, &DIGITS)
}

fn map_digits(n: usize, digits: &[char; 10]) -> String {
    n.to_string()
        .chars()
        .map(|c| c.to_digit(10).map_or(c, |d| digits[d as usize]))
        .collect()
}

/// The layer tag `⁽ˡ⁾` written after a symbol, e.g. `layer_tag(2)` → `⁽²⁾`.
pub fn layer_tag(layer: usize) -> String {
    format!("⁽{}⁾", superscript(layer))
}

/// The name of layer `layer`'s input: `x` for layer 1, else `a⁽ˡ⁻¹⁾`.
pub fn input_name(layer: usize) -> String {
    if layer <= 1 {
        "x".to_string()
    } else {
        format!("a{}", layer_tag(layer - 1))
    }
}

/// A number ready to follow a minus sign or a product: negatives in parentheses,
/// so `1.1 − (-0.5)` never reads as `1.1 − -0.5`.
pub fn paren(v: f64) -> String {
    paren_sig(v, SHORT)
}

/// [`paren`] with `sig` significant digits (tooltips use [`crate::view::number::LONG`]).
pub fn paren_sig(v: f64, sig: usize) -> String {
    let s = fmt_sig(v, sig);
    if s.starts_with('-') {
        format!("({s})")
    } else {
        s
    }
}

/// A vector, shortened to `[a, b, c, …, z]` when it has more than [`MAX_VEC`] entries.
pub fn vec_text(v: &[f64]) -> String {
    shorten_vec(v, MAX_VEC)
}

/// A matrix (rows first), shortened when it has more than [`MAX_ROWS`] rows or
/// [`MAX_COLS`] columns; small matrices are written in full by [`fmt_mat`].
pub fn mat_text(m: &[Vec<f64>]) -> String {
    let wide = m.iter().any(|row| row.len() > MAX_COLS);
    if m.len() <= MAX_ROWS && !wide {
        return fmt_mat(m);
    }
    let row = |r: &Vec<f64>| shorten_vec(r, MAX_COLS);
    let rows: Vec<String> = if m.len() <= MAX_ROWS {
        m.iter().map(row).collect()
    } else {
        let head = m.iter().take(MAX_ROWS - 2).map(row);
        head.chain(["…".to_string()])
            .chain(m.last().map(row))
            .collect()
    };
    format!("[{}]", rows.join(", "))
}

/// `v` in full when it has at most `max` entries, else its first `max − 2`, `…`, its last.
fn shorten_vec(v: &[f64], max: usize) -> String {
    if v.len() <= max {
        return fmt_vec(v);
    }
    let head = v.iter().take(max.saturating_sub(2)).map(|&x| fmt(x));
    let items: Vec<String> = head
        .chain(["…".to_string()])
        .chain(v.last().map(|&x| fmt(x)))
        .collect();
    format!("[{}]", items.join(", "))
}

/// A vector that may not be computed yet: its text, or `—`.
pub fn opt_vec(v: Option<&[f64]>) -> String {
    v.map_or_else(|| "—".to_string(), vec_text)
}

/// A matrix that may not be computed yet: its text, or `—`.
pub fn opt_mat(m: Option<&[Vec<f64>]>) -> String {
    m.map_or_else(|| "—".to_string(), mat_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_indices() {
        assert_eq!(superscript(10), "¹⁰");
        assert_eq!(subscript(203), "₂₀₃");
        assert_eq!(layer_tag(1), "⁽¹⁾");
        assert_eq!(input_name(1), "x");
        assert_eq!(input_name(3), "a⁽²⁾");
        assert_eq!(paren(-0.5), "(-0.5)");
        assert_eq!(paren(2.0), "2");
    }

    #[test]
    fn shortens_wide_vectors_and_tall_matrices() {
        assert_eq!(vec_text(&[1.0, 2.0]), "[1, 2]");
        let long: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(vec_text(&long), "[1, 2, 3, 4, …, 10]");
        let tall: Vec<Vec<f64>> = (1..=6).map(|i| vec![f64::from(i)]).collect();
        assert_eq!(mat_text(&tall), "[[1], [2], …, [6]]");
        let wide = vec![long.clone()];
        assert_eq!(mat_text(&wide), "[[1, 2, …, 10]]");
        assert_eq!(opt_vec(None), "—");
    }
}
