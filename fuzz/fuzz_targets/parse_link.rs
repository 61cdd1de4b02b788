//! Fuzzes the link: arbitrary UTF-8 as the page's `#hash`. Whatever it holds,
//! reading it never panics; the settings it gives write a link that reads back
//! to exactly those settings with no complaint; a whole page opened with it (and
//! following it again, as Back would) never panics, and its own link reads back
//! to its own settings; every message about ignored settings renders in both
//! languages: its string exists and every placeholder of it has a value.

#![no_main]

use backprop_lab::app::link::Params;
use backprop_lab::app::message::{Arg, Message};
use backprop_lab::app::{App, Command};
use backprop_lab::i18n::{t_code, Lang};
use backprop_lab::view::message::render_link;
use libfuzzer_sys::fuzz_target;

/// The message's string exists in both languages and each `{name}` in it has a
/// value (the learner's own text may hold braces: it is not checked).
fn check(message: &Message) {
    for lang in Lang::ALL {
        let template = t_code(lang, message.topic.prefix(), message.code);
        assert_ne!(template, "?", "{}", message.key());
        for part in template.split('{').skip(1) {
            let name = part.split('}').next().unwrap_or_default();
            assert!(message.arg(name).is_some(), "{}: {{{name}}}", message.key());
        }
    }
    for (_, arg) in &message.args {
        if let Arg::Message(inner) = arg {
            check(inner);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (params, errors) = Params::from_query(text);
    let query = params.to_query();
    let (again, again_errors) = Params::from_query(&query);
    assert!(again_errors.is_empty(), "{query}: {again_errors:?}");
    assert_eq!(again, params, "{query}");
    errors.iter().for_each(check);
    for lang in Lang::ALL {
        assert!(!render_link(&errors, lang).is_empty());
    }
    // Opening a page is heavier (it builds every lab): only for shorter links.
    if text.len() > 400 {
        return;
    }
    let mut app = App::new(params, errors, Lang::En);
    let own = app.params();
    let (read, read_errors) = Params::from_query(&own.to_query());
    assert!(read_errors.is_empty(), "{read_errors:?}");
    assert_eq!(read, own);
    app.apply(Command::FollowLink(text.to_string()));
    app.apply(Command::FollowLink(query));
    app.link_messages().iter().for_each(check);
});
