//! The one place a [`Message`] becomes text: its topic and code pick the string,
//! its placeholders are filled — numbers in the page's number format, a nested
//! message in the same language. Every lab, the link's notice and the JS API's
//! errors go through here.

use crate::app::message::{Arg, Message, Topic};
use crate::i18n::{fill, t, t_code, tf, Lang};

use crate::view::number::fmt;

/// The message in `lang`, placeholders filled.
pub fn render(message: &Message, lang: Lang) -> String {
    let args: Vec<(&str, String)> = message
        .args
        .iter()
        .map(|(name, arg)| (*name, render_arg(arg, lang)))
        .collect();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(t_code(lang, message.topic.prefix(), message.code), &args)
}

fn render_arg(arg: &Arg, lang: Lang) -> String {
    match arg {
        Arg::Text(s) => s.clone(),
        Arg::Number(v) => fmt(*v),
        Arg::Count(n) => n.to_string(),
        Arg::Message(m) => render(m, lang),
        Arg::Term(name) => match t_code(lang, "term.", name) {
            "?" => name.clone(),
            term => term.to_string(),
        },
    }
}

/// The notice about a link's ignored settings: the heading, then one item per
/// setting (each reason ends with its own full stop), on one line.
pub fn render_link(messages: &[Message], lang: Lang) -> String {
    let items: Vec<String> = messages.iter().map(|m| render(m, lang)).collect();
    format!("{} {}", t(lang, "err.param.ignored"), items.join(" "))
}

/// `"English / 中文"`: a message for the JS API's errors, readable by either reader.
pub fn render_both(message: &Message) -> String {
    format!(
        "{} / {}",
        render(message, Lang::En),
        render(message, Lang::Zh)
    )
}

/// The message about a typed value, with the field's name before it when the
/// field has one (`r: that is not a number.`); other messages as they are.
pub fn render_in_field(message: &Message, field: Option<&str>, lang: Lang) -> String {
    let text = render(message, lang);
    match field {
        Some(name) if message.topic == Topic::Input => tf(
            lang,
            "graph.error.field",
            &[("field", name), ("message", &text)],
        ),
        _ => text,
    }
}
