//! How every number on the page is written: one place, so the diagram, the
//! phase panel, the tooltips and the charts always agree.

/// Significant digits of the numbers shown in the diagram and the phase panel.
pub const SHORT: usize = 4;
/// Significant digits of the numbers shown in tooltips and the edge inspector.
pub const LONG: usize = 6;

/// `v` with `sig` significant digits, trailing zeros trimmed; scientific
/// notation (`1.25e-5`) below 1e-3 and from 1e6 on. `-0` is written `0`;
/// non-finite values are written `NaN`, `∞`, `-∞`.
pub fn fmt_sig(v: f64, sig: usize) -> String {
    let sig = sig.max(1);
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    if v == 0.0 {
        return "0".into();
    }
    let abs = v.abs();
    if !(1e-3..1e6).contains(&abs) {
        let s = format!("{:.*e}", sig - 1, v);
        return match s.split_once('e') {
            Some((mantissa, exp)) => format!("{}e{}", trim_zeros(mantissa), exp),
            None => s,
        };
    }
    // Digits after the point so that `sig` significant digits remain.
    let magnitude = abs.log10().floor() as i32;
    let decimals = (sig as i32 - 1 - magnitude).max(0) as usize;
    let s = trim_zeros(&format!("{:.*}", decimals, v)).to_string();
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// [`fmt_sig`] with [`SHORT`] digits.
pub fn fmt(v: f64) -> String {
    fmt_sig(v, SHORT)
}

/// `[a, b, c]` with [`SHORT`] digits.
pub fn fmt_vec(v: &[f64]) -> String {
    let items: Vec<String> = v.iter().map(|&x| fmt(x)).collect();
    format!("[{}]", items.join(", "))
}

/// `[[a, b], [c, d]]` (rows first) with [`SHORT`] digits.
pub fn fmt_mat(m: &[Vec<f64>]) -> String {
    let rows: Vec<String> = m.iter().map(|r| fmt_vec(r)).collect();
    format!("[{}]", rows.join(", "))
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_significant_digits() {
        assert_eq!(fmt(0.9525741268224334), "0.9526");
        assert_eq!(fmt(1.1), "1.1");
        assert_eq!(fmt(33.0), "33");
        assert_eq!(fmt(-0.6), "-0.6");
        assert_eq!(fmt(123.456), "123.5");
        assert_eq!(fmt(0.0012346), "0.001235");
        assert_eq!(fmt_sig(0.027105914, LONG), "0.0271059");
        assert_eq!(fmt(-0.0), "0");
        assert_eq!(fmt(-1e-20), "-1e-20");
    }

    #[test]
    fn switches_to_scientific_outside_the_readable_range() {
        assert_eq!(fmt(0.000125), "1.25e-4");
        assert_eq!(fmt(2.5e7), "2.5e7");
        assert_eq!(fmt(f64::NAN), "NaN");
        assert_eq!(fmt(f64::NEG_INFINITY), "-∞");
    }

    #[test]
    fn parses_back_within_its_precision() {
        for &v in &[0.123456789, -98765.4321, 3.0e-7, 1.0 / 3.0, 999.99999] {
            let back: f64 = fmt_sig(v, LONG).parse().unwrap_or(f64::NAN);
            assert!((back - v).abs() <= 5e-6 * v.abs(), "{v} -> {back}");
        }
    }

    #[test]
    fn writes_vectors_and_matrices() {
        assert_eq!(fmt_vec(&[1.0, -1.0]), "[1, -1]");
        assert_eq!(
            fmt_mat(&[vec![4.0, 4.0], vec![4.0, 4.0]]),
            "[[4, 4], [4, 4]]"
        );
    }
}
