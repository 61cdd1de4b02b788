//! Every visible string of the page, one table per language (Chinese and English).
//! Strings are looked up by key; `{name}` placeholders are filled by [`tf`].
//! A test checks that both tables have exactly the same keys and placeholders.

mod en;
mod en_batch;
mod en_cats;
mod en_graph;
mod en_net;
mod en_train;
mod zh;
mod zh_batch;
mod zh_cats;
mod zh_graph;
mod zh_net;
mod zh_train;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A language the lab speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Lang {
    /// 中文 (simplified Chinese).
    Zh,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// Both languages, in toggle order.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language for a BCP-47 tag such as `zh-CN` or `en-US` (anything not Chinese is English).
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The BCP-47 tag set on `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language (for the toggle).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The language's entries sorted by key, made once: a frame of play looks up
    /// some fifty strings, and the tables hold about six hundred.
    fn index(self) -> &'static [(&'static str, &'static str)] {
        static INDEX: [OnceLock<Vec<(&str, &str)>>; 2] = [OnceLock::new(), OnceLock::new()];
        INDEX[self as usize].get_or_init(|| {
            let mut all: Vec<_> = self
                .sections()
                .iter()
                .flat_map(|s| s.iter().copied())
                .collect();
            // keys are unique (a test says so), so an unstable sort loses nothing
            all.sort_unstable_by(|a, b| a.0.cmp(b.0));
            all
        })
    }

    fn sections(self) -> &'static [&'static [(&'static str, &'static str)]] {
        match self {
            Lang::Zh => zh::SECTIONS,
            Lang::En => en::SECTIONS,
        }
    }
}

/// The string for `key` in `lang`; the key itself if it is missing (a test forbids that).
pub fn t(lang: Lang, key: &str) -> &'static str {
    let index = lang.index();
    let first = index.partition_point(|(k, _)| *k < key);
    match index.get(first) {
        Some((k, v)) if *k == key => v,
        _ => "?",
    }
}

/// The string whose key is `prefix` followed by `code` (a message's topic and
/// code), without building the key; `"?"` if it is missing (a test forbids that).
pub fn t_code(lang: Lang, prefix: &str, code: &str) -> &'static str {
    lang.sections()
        .iter()
        .flat_map(|s| s.iter())
        .find(|(k, _)| k.strip_prefix(prefix) == Some(code))
        .map(|(_, v)| *v)
        .unwrap_or("?")
}

/// `s` with `{name}` placeholders replaced by the given values.
pub fn fill(s: &str, args: &[(&str, &str)]) -> String {
    let mut s = s.to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// [`t`] with `{name}` placeholders replaced by the given values.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill(t(lang, key), args)
}

/// Every key of a language's table, in table order.
pub fn keys(lang: Lang) -> Vec<&'static str> {
    lang.sections()
        .iter()
        .flat_map(|s| s.iter())
        .map(|(k, _)| *k)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut out: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn both_tables_have_the_same_keys_and_placeholders() {
        let (mut zh, mut en) = (keys(Lang::Zh), keys(Lang::En));
        let before = en.len();
        zh.sort();
        en.sort();
        en.dedup();
        assert_eq!(en.len(), before, "duplicate key in the English table");
        assert_eq!(zh, en);
        for key in en {
            assert!(
                !t(Lang::Zh, key).is_empty() && !t(Lang::En, key).is_empty(),
                "{key}"
            );
            assert_eq!(
                placeholders(t(Lang::Zh, key)),
                placeholders(t(Lang::En, key)),
                "{key}"
            );
        }
    }

    #[test]
    fn the_sorted_index_finds_every_entry() {
        for lang in Lang::ALL {
            for &(key, text) in lang.sections().iter().flat_map(|s| s.iter()) {
                assert_eq!(t(lang, key), text, "{key}");
            }
            assert_eq!(t(lang, "no.such.key"), "?");
            assert_eq!(t(lang, ""), "?");
        }
    }

    #[test]
    fn every_key_used_by_the_page_exists() {
        let html = include_str!("../../www/index.html");
        for attr in ["data-i18n=\"", "data-i18n-aria=\"", "data-i18n-title=\""] {
            for part in html.split(attr).skip(1) {
                let key = part.split('"').next().unwrap_or_default();
                assert!(keys(Lang::En).contains(&key), "missing key {key}");
            }
        }
    }

    #[test]
    fn placeholders_are_filled_and_tags_parse() {
        assert_eq!(Lang::from_tag("zh-TW"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        let s = tf(Lang::En, "app.title", &[]);
        assert!(!s.is_empty());
    }
}
