//! Reading the numbers the phase panel writes, for the panel's tests.

/// The displayed numbers keep 4 significant digits: compare with this relative tolerance.
pub const REL: f64 = 6e-4;

/// Every ASCII-written number in `text` (`-0.75`, `3.662e-4`, `[1, -1]` → 1, -1).
/// Unicode sub/superscript digits and the operator `−` (U+2212) are not part of numbers.
pub fn numbers(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            || (chars[i] == '-' && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j];
            let exp_sign = (c == '-') && chars[j - 1] == 'e';
            if c.is_ascii_digit() || c == '.' || c == 'e' || exp_sign {
                j += 1;
            } else {
                break;
            }
        }
        let word: String = chars[i..j].iter().collect();
        if let Ok(v) = word.trim_end_matches(['e', '.']).parse::<f64>() {
            out.push(v);
        }
        i = j;
    }
    out
}

/// Asserts that `text` shows `expected` within the display tolerance.
pub fn assert_shows(text: &str, expected: f64) {
    let found = numbers(text);
    let close = |v: &f64| (v - expected).abs() <= REL * expected.abs().max(1e-12) + 1e-12;
    assert!(
        found.iter().any(close),
        "{expected} not in {text:?} (numbers {found:?})"
    );
}
