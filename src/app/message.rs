//! [`Message`]: the one type for everything the page tells the learner — a
//! refused value, an ignored link setting, an explosion, an engine error, a
//! neutral note. A message is a topic (which part of the string tables), a code
//! (an engine error's `code()` or the page's own) and the values of its
//! placeholders; `view::message` turns it into text, in either language, in one
//! place. Logic that depends on *which* error happened matches the engine's
//! error variants, never these codes.

use crate::engine::cats::CatError;
use crate::engine::graph::ExprError;
use crate::engine::train_error::TrainError;
use crate::engine::EngineError;

/// Which string table (key prefix) a message's code belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    /// A typed or linked value that is not acceptable (`err.input.*`).
    Input,
    /// A link setting that was ignored (`err.param.*`).
    Param,
    /// Values that passed the explosion limit (`err.exploded.*`).
    Exploded,
    /// The graph lab's engine (`err.graph.*`).
    Graph,
    /// The cat lab's engine (`err.cats.*`).
    Cats,
    /// The cat lab's neutral notes (`cats.note.*`).
    CatsNote,
    /// Values a teacher's script gave the JS API (`err.api.*`).
    Api,
    /// The data-set trainer's settings and data (`err.train.*`).
    Train,
}

impl Topic {
    /// The key prefix of this topic's strings.
    pub fn prefix(self) -> &'static str {
        match self {
            Topic::Input => "err.input.",
            Topic::Param => "err.param.",
            Topic::Exploded => "err.exploded.",
            Topic::Graph => "err.graph.",
            Topic::Cats => "err.cats.",
            Topic::CatsNote => "cats.note.",
            Topic::Api => "err.api.",
            Topic::Train => "err.train.",
        }
    }
}

/// The value of one `{name}` placeholder.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text shown as it is (a file name, what was typed, an engine's own number text).
    Text(String),
    /// A number, written by the view's number format.
    Number(f64),
    /// A count or index, written in full.
    Count(usize),
    /// Another message, rendered in the same language (a reason inside a line).
    Message(Box<Message>),
    /// An engine's name of a setting ("batch size", "beta1"), shown through the string
    /// table's `term.*` in the page's language (as it is if the table has no entry).
    Term(String),
}

/// Something the page tells the learner.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// The string table it belongs to.
    pub topic: Topic,
    /// Its code within the topic (`not-a-number`, an engine error's `code()`).
    pub code: &'static str,
    /// Placeholder values, names exactly as in the strings.
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message without placeholders.
    pub fn new(topic: Topic, code: &'static str) -> Message {
        Message {
            topic,
            code,
            args: Vec::new(),
        }
    }

    /// The same message with one more placeholder value.
    pub fn with(mut self, name: &'static str, value: Arg) -> Message {
        self.args.push((name, value));
        self
    }

    /// The same message with one more text placeholder.
    pub fn text(self, name: &'static str, value: impl Into<String>) -> Message {
        self.with(name, Arg::Text(value.into()))
    }

    /// The string-table key: the topic's prefix and the code (`err.cats.not-hdf5`).
    pub fn key(&self) -> String {
        format!("{}{}", self.topic.prefix(), self.code)
    }

    /// The value of placeholder `name`, if the message has one.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// The text of placeholder `name`, if it is a text or a count.
    pub fn arg_text(&self, name: &str) -> Option<String> {
        match self.arg(name)? {
            Arg::Text(s) | Arg::Term(s) => Some(s.clone()),
            Arg::Count(n) => Some(n.to_string()),
            Arg::Number(v) => Some(v.to_string()),
            Arg::Message(_) => None,
        }
    }

    /// A network or descent engine error (other than an explosion, which has its
    /// own message with the numbers that explain it).
    pub fn engine(err: &EngineError) -> Message {
        let (topic, code) = match err {
            EngineError::InputLength { .. } => (Topic::Input, "x-length"),
            EngineError::TargetLength { .. } => (Topic::Input, "y-length"),
            EngineError::NotFinite { .. } => (Topic::Input, "not-finite"),
            EngineError::LearningRate(_) => (Topic::Input, "rate"),
            EngineError::UnknownPreset(_) => (Topic::Param, "preset"),
            EngineError::Exploded => (Topic::Exploded, "refused"),
            EngineError::InvalidShape(_) => (Topic::Input, "shape"),
            EngineError::Train(e) => {
                // A parameter's own description is not a setting's name.
                let term = !matches!(e, TrainError::NoParameter(_));
                let args = e.args().into_iter().map(|(k, v)| match k {
                    "what" if term => (k, Arg::Term(v)),
                    _ => (k, Arg::Text(v)),
                });
                return Message {
                    topic: Topic::Train,
                    code: e.code(),
                    args: args.collect(),
                };
            }
        };
        Message::new(topic, code).text("detail", err.to_string())
    }

    /// A graph-lab engine error with its placeholders (`column`, `token`, `name`, `limit`).
    pub fn graph(err: &ExprError) -> Message {
        Message {
            topic: Topic::Graph,
            code: err.code(),
            args: text_args(err.args()),
        }
    }

    /// A cat-lab engine error with its placeholders (the file's name among them).
    pub fn cats(err: &CatError) -> Message {
        Message {
            topic: Topic::Cats,
            code: err.code(),
            args: text_args(err.args()),
        }
    }
}

fn text_args(args: Vec<(&'static str, String)>) -> Vec<(&'static str, Arg)> {
    args.into_iter().map(|(k, v)| (k, Arg::Text(v))).collect()
}

impl From<CatError> for Message {
    fn from(err: CatError) -> Message {
        Message::cats(&err)
    }
}

impl From<&EngineError> for Message {
    fn from(err: &EngineError) -> Message {
        Message::engine(err)
    }
}
