//! `Params`: the whole state a URL can carry, read from and written to the
//! page's `#hash` as `key=value&…`. Unknown keys and bad values are reported,
//! never fatal: the page starts with the defaults for those and says why.

use crate::engine::activation::Activation;
use crate::engine::mlp::Preset;
use crate::i18n::Lang;

use super::rates::{DEFAULT_SPEED, SPEEDS};

/// Largest |x| or |y| a learner may type: larger inputs saturate every sigmoid
/// and teach nothing, and keep u far from the explosion limit.
pub const MAX_INPUT: f64 = 1000.0;

/// The settings a URL can carry.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Which network (`preset=tutorial-regression`).
    pub preset: Preset,
    /// The hidden layer's activation (`act=tanh`); the tutorial's is sigmoid.
    pub activation: Activation,
    /// The network's learning rate r (`lr=0.5`).
    pub learning_rate: f64,
    /// Input x (`x=1,-1`); `None` = the preset's sample.
    pub input: Option<Vec<f64>>,
    /// Target y (`y=0.5`); `None` = the preset's sample.
    pub target: Option<Vec<f64>>,
    /// The descent view's learning rate (`rate=1.5`).
    pub descent_rate: f64,
    /// The descent view's starting point w₀ (`w0=1.5`).
    pub w0: f64,
    /// Language (`lang=zh`); `None` = follow the browser.
    pub lang: Option<Lang>,
    /// Index into the play speeds (`speed=2`).
    pub speed: usize,
    /// Which of the page's labs is shown (`tab=graph`).
    pub tab: Tab,
}

/// One of the page's labs, shown one at a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// The network and the 1-D descent (the tutorial's forward, loss, backward, update).
    #[default]
    Network,
    /// The computational graph J = 3(a + b·c) and typed expressions.
    Graph,
    /// The input layer (an image as 12288 numbers) and the cat recognizer.
    Cats,
}

impl Tab {
    /// Every tab, in page order.
    pub const ALL: [Tab; 3] = [Tab::Network, Tab::Graph, Tab::Cats];

    /// The name used in the URL (`tab=graph`) and in element ids (`view-graph`).
    pub fn name(self) -> &'static str {
        match self {
            Tab::Network => "network",
            Tab::Graph => "graph",
            Tab::Cats => "cats",
        }
    }

    /// The tab called `name`, if any.
    pub fn from_name(name: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.name() == name)
    }
}

impl Default for Params {
    fn default() -> Self {
        Params {
            preset: Preset::TutorialRegression,
            activation: Activation::Sigmoid,
            learning_rate: 0.5,
            input: None,
            target: None,
            descent_rate: 0.3,
            w0: 1.5,
            lang: None,
            speed: DEFAULT_SPEED,
            tab: Tab::Network,
        }
    }
}

/// A URL parameter that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    /// The `key=value` text as found.
    pub pair: String,
    /// i18n key of the reason (`err.param.*`).
    pub reason: &'static str,
}

/// A finite number, or the i18n key saying why `s` is not one.
pub fn parse_number(s: &str) -> Result<f64, &'static str> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err("err.input.not-finite"),
        Err(_) => Err("err.input.not-number"),
    }
}

/// A number learners may type as x or y: finite and |v| ≤ [`MAX_INPUT`].
pub fn parse_input(s: &str) -> Result<f64, &'static str> {
    let v = parse_number(s)?;
    if v.abs() > MAX_INPUT {
        return Err("err.input.too-large");
    }
    Ok(v)
}

/// A learning rate: finite and > 0.
pub fn parse_rate(s: &str) -> Result<f64, &'static str> {
    let v = parse_number(s)?;
    if v <= 0.0 {
        return Err("err.input.rate");
    }
    Ok(v)
}

/// `1,-0.5,2`: numbers in Rust's shortest round-trip form, as the URL and tests read them.
pub fn join_numbers(v: &[f64]) -> String {
    v.iter().map(f64::to_string).collect::<Vec<_>>().join(",")
}

fn parse_list(s: &str) -> Result<Vec<f64>, &'static str> {
    s.split(',').map(parse_input).collect()
}

impl Params {
    /// Params from a query such as `preset=tutorial-regression&lr=0.5` (a leading
    /// `#` or `?` is skipped); every bad pair is skipped and reported.
    pub fn from_query(query: &str) -> (Params, Vec<ParamError>) {
        let mut params = Params::default();
        let mut errors = Vec::new();
        let query = query.trim_start_matches(['#', '?']);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if let Err(reason) = params.set(key, &decode(value)) {
                errors.push(ParamError {
                    pair: pair.chars().take(80).collect(),
                    reason,
                });
            }
        }
        (params, errors)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), &'static str> {
        match key {
            "preset" => self.preset = value.parse().map_err(|_| "err.param.preset")?,
            "act" => self.activation = parse_activation(value)?,
            "lr" => self.learning_rate = parse_rate(value)?,
            "x" => self.input = Some(parse_list(value)?),
            "y" => self.target = Some(parse_list(value)?),
            "rate" => self.descent_rate = parse_rate(value)?,
            "w0" => self.w0 = parse_input(value)?,
            "lang" => self.lang = Some(parse_lang(value)?),
            "speed" => self.speed = parse_speed(value)?,
            "tab" => self.tab = Tab::from_name(value).ok_or("err.param.tab")?,
            _ => return Err("err.param.unknown"),
        }
        Ok(())
    }

    /// The query that [`Params::from_query`] reads back to these params.
    pub fn to_query(&self) -> String {
        let mut parts = vec![
            format!("preset={}", self.preset.name()),
            format!("act={}", self.activation.name()),
            format!("lr={}", self.learning_rate),
        ];
        if let Some(x) = &self.input {
            parts.push(format!("x={}", join_numbers(x)));
        }
        if let Some(y) = &self.target {
            parts.push(format!("y={}", join_numbers(y)));
        }
        parts.push(format!("rate={}", self.descent_rate));
        parts.push(format!("w0={}", self.w0));
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang_code(lang)));
        }
        parts.push(format!("speed={}", self.speed));
        if self.tab != Tab::Network {
            parts.push(format!("tab={}", self.tab.name()));
        }
        parts.join("&")
    }
}

/// A hidden-layer activation by name; softmax is an output layer's only.
fn parse_activation(value: &str) -> Result<Activation, &'static str> {
    match Activation::from_name(value) {
        Some(Activation::Softmax) | None => Err("err.param.activation"),
        Some(a) => Ok(a),
    }
}

fn parse_lang(value: &str) -> Result<Lang, &'static str> {
    match value {
        "zh" | "zh-CN" | "zh-cn" => Ok(Lang::Zh),
        "en" => Ok(Lang::En),
        _ => Err("err.param.lang"),
    }
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

fn parse_speed(value: &str) -> Result<usize, &'static str> {
    match value.trim().parse::<usize>() {
        Ok(s) if s < SPEEDS.len() => Ok(s),
        _ => Err("err.param.speed"),
    }
}

/// Percent-decoding of the few characters a hand-typed URL may escape.
fn decode(value: &str) -> String {
    value
        .replace("%2C", ",")
        .replace("%2c", ",")
        .replace("%2D", "-")
        .replace("%2d", "-")
        .replace("%20", " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_query() {
        let params = Params {
            preset: Preset::TutorialClassification,
            activation: Activation::Tanh,
            learning_rate: 0.25,
            input: Some(vec![1.0, -0.5]),
            target: Some(vec![0.0, 1.0]),
            descent_rate: 1.5,
            w0: -2.0,
            lang: Some(Lang::Zh),
            speed: 4,
            tab: Tab::Graph,
        };
        let (back, errors) = Params::from_query(&format!("#{}", params.to_query()));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(back, params);
    }

    #[test]
    fn bad_pairs_are_skipped_and_reported() {
        let (params, errors) = Params::from_query(
            "lr=abc&rate=-1&x=1,1e9&preset=cats&lang=fr&speed=99&zzz=1&w0=2&act=softmax&tab=x",
        );
        assert_eq!(params.w0, 2.0);
        assert_eq!(params.learning_rate, Params::default().learning_rate);
        let reasons: Vec<&str> = errors.iter().map(|e| e.reason).collect();
        assert_eq!(
            reasons,
            [
                "err.input.not-number",
                "err.input.rate",
                "err.input.too-large",
                "err.param.preset",
                "err.param.lang",
                "err.param.speed",
                "err.param.unknown",
                "err.param.activation",
                "err.param.tab"
            ]
        );
        assert_eq!(errors[0].pair, "lr=abc");
    }

    #[test]
    fn numbers_are_checked() {
        assert_eq!(parse_number(" 1.5 "), Ok(1.5));
        assert_eq!(parse_number("inf"), Err("err.input.not-finite"));
        assert_eq!(parse_number("NaN"), Err("err.input.not-finite"));
        assert_eq!(parse_rate("0"), Err("err.input.rate"));
        assert_eq!(parse_input("-1001"), Err("err.input.too-large"));
    }
}
