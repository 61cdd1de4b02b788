//! Fuzzes the link: arbitrary UTF-8 as the page's `#hash`. Whatever it holds,
//! reading it never panics; the settings it gives write a link that reads back
//! to exactly those settings with no complaint; a whole page opened with it (and
//! following it again, as Back would) never panics, and its own link reads back
//! to its own settings; every message about ignored settings renders in both
//! languages with its placeholders filled.

#![no_main]

use backprop_lab::app::link::Params;
use backprop_lab::app::{App, Command};
use backprop_lab::i18n::Lang;
use backprop_lab::view::message::render_link;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (params, errors) = Params::from_query(text);
    let query = params.to_query();
    let (again, again_errors) = Params::from_query(&query);
    assert!(again_errors.is_empty(), "{query}: {again_errors:?}");
    assert_eq!(again, params, "{query}");
    for lang in Lang::ALL {
        let notice = render_link(&errors, lang);
        assert!(!notice.contains('{'), "{notice}");
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
    for lang in Lang::ALL {
        assert!(!render_link(app.link_messages(), lang).contains('{'));
    }
});
