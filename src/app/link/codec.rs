//! Percent-encoding of the link's values (RFC 3986): a typed expression holds
//! `+`, `*`, `^`, spaces, `&` or Chinese characters, and must come back exactly.

use crate::app::message::{Message, Topic};

/// Characters written as they are: unreserved ones and a few that read well in a
/// link and mean nothing to our `&`/`=` splitting.
fn plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~*()!,:'/".contains(&b)
}

/// `s` with every other byte of its UTF-8 written as `%XX`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if plain(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The text `%XX` escapes stand for; a broken escape or bytes that are not UTF-8
/// are refused (`err.param.encoding`).
pub fn decode(s: &str) -> Result<String, Message> {
    let bad = || Message::new(Topic::Param, "encoding");
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or_else(bad)?;
            let hex = std::str::from_utf8(hex).map_err(|_| bad())?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| bad())?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_text() {
        for s in [
            "3*(a+b*c)",
            "(y - tanh(w1*x1))^2 / 2",
            "a&b=c#d%e",
            "σ(w·x)",
            "",
        ] {
            assert_eq!(decode(&encode(s)).ok().as_deref(), Some(s), "{s}");
        }
        assert_eq!(encode("a + b"), "a%20%2B%20b");
        assert_eq!(decode("1%2C-1").ok().as_deref(), Some("1,-1"));
    }

    #[test]
    fn broken_escapes_are_refused() {
        for s in ["%", "%4", "%zz", "%C3%28", "%E4%B8"] {
            assert!(decode(s).is_err(), "{s}");
        }
    }
}
