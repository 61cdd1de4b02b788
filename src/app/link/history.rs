//! When the page writes its link into the browser's history. Back and Forward
//! should step through the learner's decisions — a tab, a preset, a typed value —
//! not through every position of a slider: a change to the same slider's setting
//! within [`COALESCE_MS`] of the previous one replaces that entry instead of
//! adding one.

/// Changes of the same slider's setting closer together than this are one history entry.
pub const COALESCE_MS: f64 = 1000.0;

/// The link's keys that sliders set (the two learning rates, the play speed):
/// a drag moves them through many values in a row.
pub const SLIDER_KEYS: [&str; 3] = ["lr", "rate", "speed"];

/// How to write a new link into the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryWrite {
    /// A new entry (`history.pushState`).
    Push(String),
    /// Replace the current entry (`history.replaceState`).
    Replace(String),
}

/// The link last written and when, to decide how to write the next one.
#[derive(Clone, Debug, Default)]
pub struct LinkHistory {
    written: String,
    last_keys: Vec<String>,
    last_ms: f64,
    /// The first write normalises the link the page was opened with: it replaces.
    started: bool,
}

impl LinkHistory {
    /// The page was opened (or navigated) with `query` in its address.
    pub fn new(query: &str) -> LinkHistory {
        LinkHistory {
            written: query.trim_start_matches('#').to_string(),
            ..LinkHistory::default()
        }
    }

    /// The address changed from outside (Back, Forward, an edited link): that is
    /// now the entry the next change is compared with.
    pub fn arrived(&mut self, query: &str) {
        self.written = query.trim_start_matches('#').to_string();
        self.last_keys.clear();
    }

    /// The page's settings are now `query` at time `now_ms`: how to write it, or
    /// `None` when the address already says it.
    pub fn write(&mut self, query: &str, now_ms: f64) -> Option<HistoryWrite> {
        if query == self.written {
            return None;
        }
        let keys = changed_keys(&self.written, query);
        let slider = keys.iter().all(|k| SLIDER_KEYS.contains(&k.as_str()));
        let same =
            keys.len() == self.last_keys.len() && keys.iter().all(|k| self.last_keys.contains(k));
        let coalesce =
            !self.started || (slider && same && (now_ms - self.last_ms).abs() < COALESCE_MS);
        self.started = true;
        self.written = query.to_string();
        self.last_keys = keys;
        self.last_ms = now_ms;
        Some(if coalesce {
            HistoryWrite::Replace(query.to_string())
        } else {
            HistoryWrite::Push(query.to_string())
        })
    }
}

/// The keys whose values differ between two queries (present in either), each
/// once, in the order they first appear.
fn changed_keys(a: &str, b: &str) -> Vec<String> {
    let pairs = |q: &str| -> Vec<(String, String)> {
        q.split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_string(), v.to_string())
            })
            .collect()
    };
    let (pa, pb) = (pairs(a), pairs(b));
    let value = |ps: &[(String, String)], k: &str| {
        ps.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone())
    };
    let mut keys: Vec<String> = Vec::new();
    for (k, _) in pa.iter().chain(&pb) {
        if value(&pa, k) != value(&pb, k) && !keys.contains(k) {
            keys.push(k.clone());
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slider_drag_is_one_entry_and_a_new_setting_another() {
        let mut h = LinkHistory::new("#lr=0.5&tab=graph");
        // The first write normalises the opened link.
        assert_eq!(
            h.write("lr=0.5", 0.0),
            Some(HistoryWrite::Replace("lr=0.5".into()))
        );
        assert_eq!(h.write("lr=0.5", 10.0), None);
        assert_eq!(
            h.write("lr=0.6", 2000.0),
            Some(HistoryWrite::Push("lr=0.6".into()))
        );
        // The same key again within a second: the drag goes on in the same entry.
        assert_eq!(
            h.write("lr=0.7", 2300.0),
            Some(HistoryWrite::Replace("lr=0.7".into()))
        );
        // Another key, at once: a new entry.
        assert_eq!(
            h.write("lr=0.7&tab=cats", 2400.0),
            Some(HistoryWrite::Push("lr=0.7&tab=cats".into()))
        );
        // Another tab at once: a decision, so a new entry too.
        assert_eq!(
            h.write("lr=0.7&tab=graph", 2500.0),
            Some(HistoryWrite::Push("lr=0.7&tab=graph".into()))
        );
        // The slider again after a pause: a new entry.
        assert_eq!(
            h.write("lr=0.8&tab=graph", 5000.0),
            Some(HistoryWrite::Push("lr=0.8&tab=graph".into()))
        );
    }

    #[test]
    fn an_arrived_link_is_not_written_again() {
        let mut h = LinkHistory::new("lr=0.5");
        assert!(h.write("lr=0.6", 0.0).is_some());
        h.arrived("#lr=0.5");
        assert_eq!(h.write("lr=0.5", 100.0), None);
        assert_eq!(
            h.write("lr=0.6", 200.0),
            Some(HistoryWrite::Push("lr=0.6".into()))
        );
    }

    #[test]
    fn changed_keys_compares_values() {
        assert_eq!(changed_keys("a=1&b=2", "a=1&b=3&c=4"), ["b", "c"]);
        assert!(changed_keys("a=1", "a=1").is_empty());
    }
}
