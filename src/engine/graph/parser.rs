//! A hand-written recursive-descent parser that pushes nodes into a
//! [`Builder`] as it reads, so the arena comes out in topological order.
//!
//! Grammar (low → high precedence):
//! ```text
//! sum      := product (("+" | "-") product)*
//! product  := unary (("*" | "/") unary | implicit unary)*   implicit: after a number or ")", before "(" or a name
//! unary    := "-"* power                                     "-3" alone folds into one constant
//! power    := primary ("^" exponent)?
//! exponent := "-"* (number | "(" exponent ")") ("^" exponent)?   folded to one number, right-assoc
//! primary  := number | name | function "(" sum ")" | "(" sum ")"
//! ```
//! Parentheses (also those of calls and exponents) may nest at most [`MAX_DEPTH`]
//! deep; unary minus and exponent chains are read in loops, so no input can
//! overflow the stack.

use super::build::{Builder, Graph};
use super::error::{ErrorKind, ExprError};
use super::eval::domain_error;
use super::lexer::{tokenize, Tok, Token};
use super::op::Op;

/// Most characters an expression may have.
pub(crate) const MAX_CHARS: usize = 200;
/// Deepest nesting of parentheses.
pub(crate) const MAX_DEPTH: usize = 32;

/// Parses `text` into a graph, or the first error in reading order.
pub(crate) fn parse(text: &str) -> Result<Graph, ExprError> {
    if text.chars().count() > MAX_CHARS {
        return Err(ErrorKind::TooLong { limit: MAX_CHARS }.into());
    }
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty.into());
    }
    let mut parser = Parser {
        tokens: tokenize(text),
        pos: 0,
        depth: 0,
        builder: Builder::default(),
    };
    parser.sum()?;
    let end = parser.peek()?;
    match end.tok {
        Tok::End => Ok(parser.builder.finish()),
        Tok::RParen => Err(ErrorKind::UnmatchedParen { column: end.column }.into()),
        _ => Err(unexpected(&end).into()),
    }
}

fn unexpected(token: &Token) -> ErrorKind {
    match &token.tok {
        Tok::End => ErrorKind::UnexpectedEnd {
            column: token.column,
        },
        Tok::Fail(kind) => kind.clone(),
        _ => ErrorKind::UnexpectedToken {
            column: token.column,
            token: token.text.clone(),
        },
    }
}

struct Parser {
    /// Ends with `End` or `Fail`; `pos` never moves past that last token.
    tokens: Vec<Token>,
    pos: usize,
    /// Parentheses open around the current position.
    depth: usize,
    builder: Builder,
}

impl Parser {
    /// The current token; a lexing failure becomes the error here.
    fn peek(&self) -> Result<Token, ExprError> {
        let last = self.tokens.len().saturating_sub(1);
        match self.tokens.get(self.pos.min(last)) {
            Some(Token {
                tok: Tok::Fail(kind),
                ..
            }) => Err(kind.clone().into()),
            Some(token) => Ok(token.clone()),
            None => Err(ErrorKind::Empty.into()),
        }
    }

    fn advance(&mut self) {
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
    }

    /// The token just consumed, if it ends an operand that implicit multiplication may follow.
    fn after_number_or_paren(&self) -> bool {
        let previous = self.pos.checked_sub(1).and_then(|i| self.tokens.get(i));
        matches!(previous.map(|t| &t.tok), Some(Tok::Number(_) | Tok::RParen))
    }

    fn sum(&mut self) -> Result<usize, ExprError> {
        let mut left = self.product()?;
        loop {
            let token = self.peek()?;
            let op = match token.tok {
                Tok::Plus => Op::Add,
                Tok::Minus => Op::Sub,
                _ => return Ok(left),
            };
            self.advance();
            let right = self.product()?;
            left = self
                .builder
                .operation(op, vec![left, right], token.column)?;
        }
    }

    fn product(&mut self) -> Result<usize, ExprError> {
        let mut left = self.unary()?;
        loop {
            let token = self.peek()?;
            let op = match token.tok {
                Tok::Star => Op::Mul,
                Tok::Slash => Op::Div,
                Tok::LParen | Tok::Ident(_) if self.after_number_or_paren() => {
                    // Implicit ×: no token to consume; it stands where the right operand starts.
                    let right = self.unary()?;
                    left = self
                        .builder
                        .operation(Op::Mul, vec![left, right], token.column)?;
                    continue;
                }
                _ => return Ok(left),
            };
            self.advance();
            let right = self.unary()?;
            left = self
                .builder
                .operation(op, vec![left, right], token.column)?;
        }
    }

    /// Leading minus signs, then a power; `-` directly on a number literal (not
    /// raised to a power) folds into one constant.
    fn unary(&mut self) -> Result<usize, ExprError> {
        let mut minus_columns = Vec::new();
        while self.peek()?.tok == Tok::Minus {
            minus_columns.push(self.peek()?.column);
            self.advance();
        }
        let token = self.peek()?;
        let powered = self.tokens.get(self.pos + 1).map(|t| &t.tok) == Some(&Tok::Caret);
        let mut node = match (token.tok, minus_columns.pop()) {
            (Tok::Number(v), Some(column)) if !powered => {
                self.advance();
                self.builder.constant(-v, column)?
            }
            (_, innermost) => {
                minus_columns.extend(innermost);
                self.power()?
            }
        };
        for column in minus_columns.into_iter().rev() {
            node = self.builder.operation(Op::Neg, vec![node], column)?;
        }
        Ok(node)
    }

    fn power(&mut self) -> Result<usize, ExprError> {
        let base = self.primary()?;
        let caret = self.peek()?;
        if caret.tok != Tok::Caret {
            return Ok(base);
        }
        self.advance();
        let n = self.exponent(caret.column)?;
        Ok(self
            .builder
            .operation(Op::Pow(n), vec![base], caret.column)?)
    }

    /// The numeric exponent after the `^` at `caret`, folded: `3^2` → 9, `-(1)` → −1.
    fn exponent(&mut self, caret: usize) -> Result<f64, ExprError> {
        let not_number = |token: &Token| match token.tok {
            Tok::End | Tok::Fail(_) => unexpected(token),
            _ => ErrorKind::ExponentNotNumber { column: caret },
        };
        // Atoms (each with its sign) along a right-associative chain a^b^c.
        let mut atoms = Vec::new();
        loop {
            let mut sign = 1.0;
            while self.peek()?.tok == Tok::Minus {
                sign = -sign;
                self.advance();
            }
            let token = self.peek()?;
            let atom = match token.tok {
                Tok::Number(v) => {
                    self.advance();
                    v
                }
                Tok::LParen => self.parenthesized(|p| p.exponent(caret), not_number)?,
                _ => return Err(not_number(&token).into()),
            };
            atoms.push((sign, atom));
            if self.peek()?.tok != Tok::Caret {
                break;
            }
            self.advance();
        }
        // Fold from the right with the same rules as a pow node (so `(-1)^0.5` or
        // `0^-1` is pow-domain); the sign binds looser than `^`: -2^2 = −4.
        let mut atoms = atoms.into_iter().rev();
        let (sign, last) = atoms.next().unwrap_or((1.0, 1.0));
        let mut n = sign * last;
        for (sign, atom) in atoms {
            let (value, _) = Op::Pow(n)
                .forward(&[atom])
                .map_err(|d| domain_error(d, caret))?;
            n = sign * value;
        }
        Ok(n)
    }

    fn primary(&mut self) -> Result<usize, ExprError> {
        let token = self.peek()?;
        match &token.tok {
            Tok::Number(v) => {
                self.advance();
                Ok(self.builder.constant(*v, token.column)?)
            }
            Tok::Ident(name) => self.name(name, token.column),
            Tok::LParen => self.parenthesized(Self::sum, unexpected),
            Tok::RParen if self.depth == 0 => Err(ErrorKind::UnmatchedParen {
                column: token.column,
            }
            .into()),
            _ => Err(unexpected(&token).into()),
        }
    }

    /// A variable, or a function call when `(` follows the name.
    fn name(&mut self, name: &str, column: usize) -> Result<usize, ExprError> {
        self.advance();
        let call = self.peek()?.tok == Tok::LParen;
        match (Op::function(name), call) {
            (Some(op), true) => {
                let argument = self.parenthesized(Self::sum, unexpected)?;
                Ok(self.builder.operation(op, vec![argument], column)?)
            }
            (None, true) => Err(ErrorKind::UnknownFunction {
                column,
                name: name.to_string(),
            }
            .into()),
            (Some(_), false) => Err(ErrorKind::FunctionNeedsParen {
                column,
                name: name.to_string(),
            }
            .into()),
            (None, false) => Ok(self.builder.variable(name, column)?),
        }
    }

    /// `( inner )` at the current `(`; `other` names the error for a token other
    /// than `)` where the closing parenthesis belongs.
    fn parenthesized<T>(
        &mut self,
        inner: impl FnOnce(&mut Self) -> Result<T, ExprError>,
        other: impl Fn(&Token) -> ErrorKind,
    ) -> Result<T, ExprError> {
        let open = self.peek()?;
        if self.depth >= MAX_DEPTH {
            return Err(ErrorKind::TooDeep {
                column: open.column,
                limit: MAX_DEPTH,
            }
            .into());
        }
        self.depth += 1;
        self.advance();
        let value = inner(self)?;
        let close = self.peek()?;
        match close.tok {
            Tok::RParen => {
                self.advance();
                self.depth -= 1;
                Ok(value)
            }
            Tok::End => Err(ErrorKind::UnclosedParen {
                column: open.column,
            }
            .into()),
            _ => Err(other(&close).into()),
        }
    }
}
