//! A message of the cat lab for the learner: an i18n key and the values of its
//! placeholders. Refused files, bad settings and a diverged run become problems;
//! the page writes one line per problem in the current language.

use crate::engine::cats::CatError;
use crate::i18n::{tf, Lang};

/// A message: `key` is `err.cats.<code>` for engine errors or a `cats.*` key for
/// the page's own notes; `args` fill its `{name}` placeholders.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The i18n key.
    pub key: String,
    /// Placeholder values, names exactly as in the strings.
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    /// The problem for an engine error (its code and arguments, the file included).
    pub fn from_error(err: &CatError) -> Problem {
        Problem {
            key: format!("err.cats.{}", err.code()),
            args: err.args(),
        }
    }

    /// The engine error's code (`not-an-image`, …), or the page key for other notes.
    pub fn code(&self) -> &str {
        self.key.strip_prefix("err.cats.").unwrap_or(&self.key)
    }

    /// The value of placeholder `name`, if the message has one.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The message in `lang`, placeholders filled.
    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        tf(lang, &self.key, &args)
    }
}

impl From<CatError> for Problem {
    fn from(err: CatError) -> Problem {
        Problem::from_error(&err)
    }
}
