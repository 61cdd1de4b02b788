//! What can go wrong with a typed expression: parse errors with their 1-based
//! character column, limits, domain errors met while evaluating, and bad input to
//! the session's methods.
//!
//! The page shows `tf(lang, "err.graph.<code>", &err.args())`; [`Display`](fmt::Display)
//! gives plain English for logs and tests.

use std::fmt;

/// Why an expression or a session call was refused.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ErrorKind {
    Empty,
    TooLong { limit: usize },
    UnexpectedChar { column: usize, token: String },
    UnexpectedToken { column: usize, token: String },
    UnexpectedEnd { column: usize },
    UnclosedParen { column: usize },
    UnmatchedParen { column: usize },
    UnknownFunction { column: usize, name: String },
    FunctionNeedsParen { column: usize, name: String },
    ExponentNotNumber { column: usize },
    BadNumber { column: usize, token: String },
    TooDeep { column: usize, limit: usize },
    TooManyNodes { limit: usize },
    TooManyVariables { limit: usize },
    DivisionByZero { column: usize },
    LogDomain { column: usize },
    PowDomain { column: usize },
    Overflow { column: usize },
    UnknownVariable { name: String },
    MissingValue { name: String },
    BadValue { name: String },
    BadStep,
    BadRate,
}

/// An error of the graph lab: a stable kebab-case [`code`](ExprError::code), an
/// optional 1-based character column, and the placeholder values of its message.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    kind: ErrorKind,
}

impl From<ErrorKind> for ExprError {
    fn from(kind: ErrorKind) -> Self {
        ExprError { kind }
    }
}

impl ExprError {
    /// One of "empty", "too-long", "unexpected-char", "unexpected-token",
    /// "unexpected-end", "unclosed-paren", "unmatched-paren", "unknown-function",
    /// "function-needs-paren", "exponent-not-number", "bad-number", "too-deep",
    /// "too-many-nodes", "too-many-variables", "division-by-zero", "log-domain",
    /// "pow-domain", "overflow", "unknown-variable", "missing-value", "bad-value",
    /// "bad-step", "bad-rate".
    pub fn code(&self) -> &'static str {
        use ErrorKind as K;
        match &self.kind {
            K::Empty => "empty",
            K::TooLong { .. } => "too-long",
            K::UnexpectedChar { .. } => "unexpected-char",
            K::UnexpectedToken { .. } => "unexpected-token",
            K::UnexpectedEnd { .. } => "unexpected-end",
            K::UnclosedParen { .. } => "unclosed-paren",
            K::UnmatchedParen { .. } => "unmatched-paren",
            K::UnknownFunction { .. } => "unknown-function",
            K::FunctionNeedsParen { .. } => "function-needs-paren",
            K::ExponentNotNumber { .. } => "exponent-not-number",
            K::BadNumber { .. } => "bad-number",
            K::TooDeep { .. } => "too-deep",
            K::TooManyNodes { .. } => "too-many-nodes",
            K::TooManyVariables { .. } => "too-many-variables",
            K::DivisionByZero { .. } => "division-by-zero",
            K::LogDomain { .. } => "log-domain",
            K::PowDomain { .. } => "pow-domain",
            K::Overflow { .. } => "overflow",
            K::UnknownVariable { .. } => "unknown-variable",
            K::MissingValue { .. } => "missing-value",
            K::BadValue { .. } => "bad-value",
            K::BadStep => "bad-step",
            K::BadRate => "bad-rate",
        }
    }

    /// The variable whose value is missing, for a `missing-value` error.
    pub fn missing_value(&self) -> Option<&str> {
        match &self.kind {
            ErrorKind::MissingValue { name } => Some(name),
            _ => None,
        }
    }

    /// True for errors met evaluating a text that parsed (a division by zero, the
    /// log of a number ≤ 0, a power out of its domain, an overflow).
    pub fn is_evaluation(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::DivisionByZero { .. }
                | ErrorKind::LogDomain { .. }
                | ErrorKind::PowDomain { .. }
                | ErrorKind::Overflow { .. }
        )
    }

    /// True when the learning rate given to an update was refused.
    pub fn is_bad_rate(&self) -> bool {
        matches!(self.kind, ErrorKind::BadRate)
    }

    /// The 1-based character column in the expression this error points at, if any.
    pub fn column(&self) -> Option<usize> {
        use ErrorKind as K;
        match &self.kind {
            K::UnexpectedChar { column, .. }
            | K::UnexpectedToken { column, .. }
            | K::UnexpectedEnd { column }
            | K::UnclosedParen { column }
            | K::UnmatchedParen { column }
            | K::UnknownFunction { column, .. }
            | K::FunctionNeedsParen { column, .. }
            | K::ExponentNotNumber { column }
            | K::BadNumber { column, .. }
            | K::TooDeep { column, .. }
            | K::DivisionByZero { column }
            | K::LogDomain { column }
            | K::PowDomain { column }
            | K::Overflow { column } => Some(*column),
            _ => None,
        }
    }

    /// Placeholder values of the message, by name: `column`, `token`, `name`, `limit`.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        use ErrorKind as K;
        let mut args = Vec::new();
        if let Some(column) = self.column() {
            args.push(("column", column.to_string()));
        }
        match &self.kind {
            K::UnexpectedChar { token, .. }
            | K::UnexpectedToken { token, .. }
            | K::BadNumber { token, .. } => args.push(("token", token.clone())),
            K::UnknownFunction { name, .. }
            | K::FunctionNeedsParen { name, .. }
            | K::UnknownVariable { name }
            | K::MissingValue { name }
            | K::BadValue { name } => args.push(("name", name.clone())),
            K::TooLong { limit }
            | K::TooDeep { limit, .. }
            | K::TooManyNodes { limit }
            | K::TooManyVariables { limit } => args.push(("limit", limit.to_string())),
            _ => {}
        }
        args
    }
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind as K;
        if let Some(column) = self.column() {
            write!(f, "column {column}: ")?;
        }
        match &self.kind {
            K::Empty => write!(f, "the expression is empty"),
            K::TooLong { limit } => write!(f, "the expression is longer than {limit} characters"),
            K::UnexpectedChar { token, .. } => write!(f, "unexpected character \"{token}\""),
            K::UnexpectedToken { token, .. } => write!(f, "\"{token}\" cannot stand here"),
            K::UnexpectedEnd { .. } => write!(f, "the expression ends where an operand is needed"),
            K::UnclosedParen { .. } => write!(f, "\"(\" is never closed"),
            K::UnmatchedParen { .. } => write!(f, "\")\" has no opening parenthesis"),
            K::UnknownFunction { name, .. } => write!(f, "unknown function \"{name}\""),
            K::FunctionNeedsParen { name, .. } => {
                write!(f, "{name} needs its argument in parentheses")
            }
            K::ExponentNotNumber { .. } => write!(f, "the exponent after \"^\" must be a number"),
            K::BadNumber { token, .. } => write!(f, "\"{token}\" is not a number"),
            K::TooDeep { limit, .. } => write!(f, "parentheses nested deeper than {limit}"),
            K::TooManyNodes { limit } => write!(f, "the graph would have more than {limit} nodes"),
            K::TooManyVariables { limit } => write!(f, "more than {limit} variables"),
            K::DivisionByZero { .. } => write!(f, "division by zero"),
            K::LogDomain { .. } => write!(f, "log of a value ≤ 0"),
            K::PowDomain { .. } => write!(f, "a power with no value or no derivative here"),
            K::Overflow { .. } => write!(f, "the value is not finite"),
            K::UnknownVariable { name } => write!(f, "no node called \"{name}\""),
            K::MissingValue { name } => write!(f, "no starting value for \"{name}\""),
            K::BadValue { name } => write!(f, "{name} must be finite and at most 1e6 in size"),
            K::BadStep => write!(f, "the nudge h must be finite and not 0"),
            K::BadRate => write!(f, "the learning rate must be finite and greater than 0"),
        }
    }
}

impl std::error::Error for ExprError {}
