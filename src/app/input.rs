//! Reading what a learner typed (or a link carried) into numbers — the one
//! place every lab's fields and the link go through. A refusal is a
//! [`Message`] saying why, in the `err.input.*` table.

use super::message::{Message, Topic};

/// Largest |x| or |y| a learner may type: larger inputs saturate every sigmoid
/// and teach nothing, and keep u far from the explosion limit.
pub const MAX_INPUT: f64 = 1000.0;

/// A finite number (surrounding spaces allowed), or why `s` is not one.
pub fn parse_number(s: &str) -> Result<f64, Message> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(Message::new(Topic::Input, "not-finite")),
        Err(_) => Err(Message::new(Topic::Input, "not-number")),
    }
}

/// A number learners may type as x, y or w₀: finite and |v| ≤ [`MAX_INPUT`].
pub fn parse_input(s: &str) -> Result<f64, Message> {
    let v = parse_number(s)?;
    if v.abs() > MAX_INPUT {
        return Err(Message::new(Topic::Input, "too-large"));
    }
    Ok(v)
}

/// A learning rate: finite and > 0 (each lab's engine checks its own upper limits).
pub fn parse_rate(s: &str) -> Result<f64, Message> {
    let v = parse_number(s)?;
    if v <= 0.0 {
        return Err(Message::new(Topic::Input, "rate"));
    }
    Ok(v)
}

/// A whole number ≥ 0 (an iteration count, a layer size).
pub fn parse_count(s: &str) -> Result<usize, Message> {
    s.trim()
        .parse::<usize>()
        .map_err(|_| Message::new(Topic::Input, "not-count"))
}

/// `1,-0.5,2`: numbers in Rust's shortest round-trip form, as the link and tests read them.
pub fn join_numbers(v: &[f64]) -> String {
    v.iter().map(f64::to_string).collect::<Vec<_>>().join(",")
}

/// `1,-0.5,2` → the numbers, each read by [`parse_input`].
pub fn parse_list(s: &str) -> Result<Vec<f64>, Message> {
    s.split(',').map(parse_input).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code<T: std::fmt::Debug>(r: Result<T, Message>) -> &'static str {
        r.err().map_or("ok", |m| m.code)
    }

    #[test]
    fn numbers_are_checked() {
        assert_eq!(parse_number(" 1.5 ").ok(), Some(1.5));
        assert_eq!(code(parse_number("inf")), "not-finite");
        assert_eq!(code(parse_number("NaN")), "not-finite");
        assert_eq!(code(parse_number("abc")), "not-number");
        assert_eq!(code(parse_rate("0")), "rate");
        assert_eq!(code(parse_rate("-1")), "rate");
        assert_eq!(parse_rate("1e-3").ok(), Some(0.001));
        assert_eq!(code(parse_input("-1001")), "too-large");
        assert_eq!(parse_count(" 25 ").ok(), Some(25));
        assert_eq!(code(parse_count("2.5")), "not-count");
        assert_eq!(parse_list("1,-1").ok(), Some(vec![1.0, -1.0]));
        assert_eq!(join_numbers(&[1.0, -0.5]), "1,-0.5");
    }
}
