//! The English strings of the input layer and cat recognizer (tab "cats").

/// Keys `cats.*` and `err.cats.*`.
pub const CATS: &[(&str, &str)] = &[];
