//! Cuts an expression into tokens, each with the 1-based character column where it
//! starts (Unicode characters counted, not bytes).
//!
//! A character no token starts with, or a malformed number, ends the token list
//! with a [`Tok::Fail`] carrying its error, so the parser reports errors in reading
//! order (an earlier misplaced token is reported before a later bad character).

use super::error::ErrorKind;

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    Number(f64),
    Ident(String),
    Plus,
    /// `-` or `−` (U+2212).
    Minus,
    /// `*`, `·` or `×`.
    Star,
    /// `/` or `÷`.
    Slash,
    Caret,
    LParen,
    RParen,
    /// The end of the text.
    End,
    /// A lexing error at this point; nothing follows.
    Fail(ErrorKind),
}

/// A token, its text as written, and its 1-based character column.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub text: String,
    pub column: usize,
}

/// The tokens of `text`, ending with [`Tok::End`] (at the column just after the last
/// non-space character) or [`Tok::Fail`].
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().map(half_width).collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut end_column = 1;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let tok = if c.is_ascii_digit() || c == '.' {
            let (tok, next) = number(&chars, i);
            i = next;
            tok
        } else if c.is_ascii_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            Tok::Ident(chars[start..i].iter().collect())
        } else {
            i += 1;
            symbol(c, start + 1)
        };
        let failed = matches!(tok, Tok::Fail(_));
        let text = chars[start..i].iter().collect();
        tokens.push(Token {
            tok,
            text,
            column: start + 1,
        });
        if failed {
            return tokens;
        }
        end_column = i + 1;
    }
    tokens.push(Token {
        tok: Tok::End,
        text: String::new(),
        column: end_column,
    });
    tokens
}

/// The ASCII character for a full-width one (U+FF01–U+FF5E, and U+3000 for a
/// space), as a Chinese input method types them: `（ａ＋ｂ）＊２` reads as `(a+b)*2`.
/// One character for one, so columns do not move.
fn half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// A one-character operator or parenthesis, else an unexpected-char failure.
fn symbol(c: char, column: usize) -> Tok {
    match c {
        '+' => Tok::Plus,
        '-' | '−' => Tok::Minus,
        '*' | '·' | '×' => Tok::Star,
        '/' | '÷' => Tok::Slash,
        '^' => Tok::Caret,
        '(' => Tok::LParen,
        ')' => Tok::RParen,
        _ => Tok::Fail(ErrorKind::UnexpectedChar {
            column,
            token: c.to_string(),
        }),
    }
}

/// Reads a number starting at `start`: digits with at most one `.`, then an optional
/// exponent `e`/`E` with an optional sign and digits. An `e` followed by a letter or
/// `_` is not an exponent (`2exp(x)` is 2·exp(x)); an `e` followed by nothing
/// numeric (`1e`, `1e+`) is a bad number, as is a second `.` (`1.2.3`).
/// Returns the token and the index just after it.
fn number(chars: &[char], start: usize) -> (Tok, usize) {
    let is_mantissa = |c: &char| c.is_ascii_digit() || *c == '.';
    let mut i = start;
    while chars.get(i).is_some_and(is_mantissa) {
        i += 1;
    }
    if matches!(chars.get(i), Some('e' | 'E')) {
        let mut j = i + 1;
        if matches!(chars.get(j), Some('+' | '-')) {
            j += 1;
        }
        let digits = chars.get(j).is_some_and(char::is_ascii_digit);
        let identifier = j == i + 1
            && chars
                .get(j)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == '_');
        if digits {
            i = j;
            while chars.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
        } else if !identifier {
            i = j;
            return (bad_number(chars, start, i), i);
        }
    }
    // A `.` or digit glued to the end (`1e3.5`, `1.2.3` after the exponent) is malformed.
    while chars.get(i).is_some_and(is_mantissa) {
        i += 1;
    }
    let text: String = chars[start..i].iter().collect();
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => (Tok::Number(v), i),
        _ => (bad_number(chars, start, i), i),
    }
}

fn bad_number(chars: &[char], start: usize, end: usize) -> Tok {
    Tok::Fail(ErrorKind::BadNumber {
        column: start + 1,
        token: chars[start..end].iter().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Tok> {
        tokenize(text).into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn full_width_characters_read_as_ascii_in_the_same_columns() {
        assert_eq!(kinds("（ａ＋ｂ）＊２"), kinds("(a+b)*2"));
        let columns: Vec<usize> = tokenize("ｘ\u{3000}＋　１")
            .iter()
            .map(|t| t.column)
            .collect();
        assert_eq!(columns, vec![1, 3, 5, 6]);
    }

    #[test]
    fn numbers_identifiers_and_synonyms() {
        assert_eq!(
            kinds("2x·y × 1e-3 ÷ .5 − z"),
            vec![
                Tok::Number(2.0),
                Tok::Ident("x".into()),
                Tok::Star,
                Tok::Ident("y".into()),
                Tok::Star,
                Tok::Number(1e-3),
                Tok::Slash,
                Tok::Number(0.5),
                Tok::Minus,
                Tok::Ident("z".into()),
                Tok::End,
            ]
        );
        assert_eq!(
            kinds("2exp")[..2],
            [Tok::Number(2.0), Tok::Ident("exp".into())]
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let tokens = tokenize("a·b  ");
        let columns: Vec<usize> = tokens.iter().map(|t| t.column).collect();
        // `·` is two bytes in UTF-8 but one column; End sits after the last non-space.
        assert_eq!(columns, vec![1, 2, 3, 4]);
    }

    #[test]
    fn malformed_numbers_and_characters_fail_where_they_start() {
        let last = |t: &str| tokenize(t).pop().map(|t| t.tok);
        let bad = |column: usize, token: &str| {
            Some(Tok::Fail(ErrorKind::BadNumber {
                column,
                token: token.into(),
            }))
        };
        assert_eq!(last("x + 1.2.3"), bad(5, "1.2.3"));
        assert_eq!(last("1e"), bad(1, "1e"));
        assert_eq!(last("2*1e+"), bad(3, "1e+"));
        assert_eq!(last("."), bad(1, "."));
        assert_eq!(last("1e400"), bad(1, "1e400"));
        assert_eq!(
            last("a $ b"),
            Some(Tok::Fail(ErrorKind::UnexpectedChar {
                column: 3,
                token: "$".into()
            }))
        );
    }
}
