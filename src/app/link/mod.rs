//! The link: [`Params`], the whole page's state a URL carries — the tab, the
//! language, tab ①'s network and valley, tab ②'s expression, starting values, r
//! and h, tab ③'s model and training settings — read from and written to the
//! page's `#hash` as `key=value&…`. Unknown keys and bad values are reported,
//! each naming its `key=value`, and never fatal: the rest of the link applies.

mod codec;
pub mod history;
mod net_keys;

use crate::app::cats::{parse_hidden, ModelKind, Settings};
use crate::app::graph::GraphParams;
use crate::app::input::{join_numbers, parse_count, parse_input, parse_list, parse_rate};
use crate::app::message::{Arg, Message, Topic};
use crate::app::network::dataset::{DataParams, DATA_ACTIVATION, DATA_LEARNING_RATE};
use crate::app::network::rates::SPEEDS;
use crate::app::network::NetworkParams;
use crate::engine::activation::Activation;
use crate::engine::cats::{Init, Layers};
use crate::engine::data::DataSet;
use crate::i18n::Lang;

pub use codec::{decode, encode};
pub use net_keys::data_pairs;

/// The settings a link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Which of the page's labs is shown (`tab=graph`).
    pub tab: Tab,
    /// Language (`lang=zh`); `None` = follow the browser.
    pub lang: Option<Lang>,
    /// Tab ①: the network and the valley.
    pub network: NetworkParams,
    /// Tab ②: the computational graph.
    pub graph: GraphParams,
    /// Tab ③: the cat recognizer's training settings.
    pub cats: Settings,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            tab: Tab::Network,
            lang: None,
            network: NetworkParams::default(),
            graph: GraphParams::default(),
            cats: Settings::default(),
        }
    }
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

/// The message for a link setting that was ignored: its `key=value` (cut to 80
/// characters) and why.
pub fn ignored(pair: &str, reason: Message) -> Message {
    Message::new(Topic::Param, "item")
        .text("pair", pair.chars().take(80).collect::<String>())
        .with("reason", Arg::Message(Box::new(reason)))
}

fn param(code: &'static str) -> Message {
    Message::new(Topic::Param, code)
}

impl Params {
    /// Params from a query such as `preset=tutorial-regression&lr=0.5` (a leading
    /// `#` or `?` is skipped); every bad pair is skipped and reported.
    pub fn from_query(query: &str) -> (Params, Vec<Message>) {
        let mut params = Params::default();
        let mut errors = Vec::new();
        let mut cats = CatsLink::default();
        let query = query.trim_start_matches(['#', '?']);
        let mut keys = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            keys.push(key);
            let result = decode(value).and_then(|v| params.set(key, &v, &mut cats));
            if let Err(reason) = result {
                errors.push(ignored(pair, reason));
            }
        }
        params.cats = cats.settings();
        // A data set trains at the Playground's rate and activation unless the link
        // names them, as choosing the set on the page does.
        if params.network.data.set == DataSet::Tutorial {
            // The tutorial's sample has no data-set settings: keys without `data=` are
            // read (and checked) but not kept, as the page does not keep them either.
            params.network.data = DataParams::default();
        } else {
            if !keys.contains(&"lr") {
                params.network.learning_rate = DATA_LEARNING_RATE;
            }
            if !keys.contains(&"act") {
                params.network.activation = DATA_ACTIVATION;
            }
        }
        (params, errors)
    }

    fn set(&mut self, key: &str, value: &str, cats: &mut CatsLink) -> Result<(), Message> {
        let net = &mut self.network;
        match key {
            "preset" => net.preset = value.parse().map_err(|_| param("preset"))?,
            "act" => net.activation = parse_activation(value)?,
            "lr" => net.learning_rate = parse_rate(value)?,
            "x" => net.input = Some(parse_list(value)?),
            "y" => net.target = Some(parse_list(value)?),
            "rate" => net.descent_rate = parse_rate(value)?,
            "w0" => net.w0 = parse_input(value)?,
            "speed" => net.speed = parse_speed(value)?,
            "lang" => self.lang = Some(parse_lang(value)?),
            "tab" => self.tab = Tab::from_name(value).ok_or_else(|| param("tab"))?,
            "expr" => self.graph.expression = value.to_string(),
            "values" => self.graph.values = parse_values(value)?,
            "graph-rate" => self.graph.rate = parse_rate(value)?,
            "h" => self.graph.nudge = parse_nudge(value)?,
            "cat-model" => {
                cats.model = ModelKind::from_name(value).ok_or_else(|| param("model"))?
            }
            "cat-rate" => cats.learning_rate = Some(parse_rate(value)?),
            "cat-iterations" => cats.iterations = Some(parse_count(value)?),
            "cat-hidden" => cats.hidden = Some(parse_hidden(value)?),
            "cat-init" => cats.init = Some(Init::from_name(value).ok_or_else(|| param("init"))?),
            "cat-seed" => cats.seed = Some(parse_count(value)? as u64),
            "hide" => self.network.hide = net_keys::parse_hide(value)?,
            _ => {
                if !net_keys::set_data_key(&mut self.network.data, key, value)? {
                    return Err(param("unknown"));
                }
            }
        }
        Ok(())
    }

    /// The query that [`Params::from_query`] reads back to these params. Tab ①'s
    /// settings are always written; the other labs' only where they differ from
    /// their defaults, so a link stays short.
    pub fn to_query(&self) -> String {
        let n = &self.network;
        let mut parts = vec![
            format!("preset={}", n.preset.name()),
            format!("act={}", n.activation.name()),
            format!("lr={}", n.learning_rate),
        ];
        if let Some(x) = &n.input {
            parts.push(format!("x={}", join_numbers(x)));
        }
        if let Some(y) = &n.target {
            parts.push(format!("y={}", join_numbers(y)));
        }
        parts.push(format!("rate={}", n.descent_rate));
        parts.push(format!("w0={}", n.w0));
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang_code(lang)));
        }
        parts.push(format!("speed={}", n.speed));
        parts.extend(net_keys::data_pairs(&n.data));
        if !n.hide.is_empty() {
            parts.push(format!("hide={}", n.hide.join(",")));
        }
        if self.tab != Tab::Network {
            parts.push(format!("tab={}", self.tab.name()));
        }
        self.graph_query(&mut parts);
        parts.extend(cats_pairs(&self.cats));
        parts.join("&")
    }

    fn graph_query(&self, parts: &mut Vec<String>) {
        let (g, default) = (&self.graph, GraphParams::default());
        if g.expression != default.expression || g.values != default.values {
            parts.push(format!("expr={}", encode(&g.expression)));
            let values: Vec<String> = g
                .values
                .iter()
                .map(|(name, v)| format!("{}:{v}", encode(name)))
                .collect();
            parts.push(format!("values={}", values.join(",")));
        }
        if g.rate != default.rate {
            parts.push(format!("graph-rate={}", g.rate));
        }
        if g.nudge != default.nudge {
            parts.push(format!("h={}", g.nudge));
        }
    }
}

/// The link's `cat-*` pairs for `s`: the model where it is not the default, then
/// what differs from that model's course settings.
pub fn cats_pairs(s: &Settings) -> Vec<String> {
    let base = Settings::for_model(s.model);
    let mut parts = Vec::new();
    if s.model != Settings::default().model {
        parts.push(format!("cat-model={}", s.model.name()));
    }
    if s.learning_rate != base.learning_rate {
        parts.push(format!("cat-rate={}", s.learning_rate));
    }
    if s.iterations != base.iterations {
        parts.push(format!("cat-iterations={}", s.iterations));
    }
    if s.hidden != base.hidden {
        parts.push(format!("cat-hidden={}", s.hidden));
    }
    if s.init != base.init {
        parts.push(format!("cat-init={}", s.init.name()));
    }
    if s.seed != base.seed {
        parts.push(format!("cat-seed={}", s.seed));
    }
    parts
}

/// The cat lab's settings as a link gives them: the model first (it brings the
/// course's settings), then whatever the link overrides, in any order.
#[derive(Default)]
struct CatsLink {
    model: ModelKind,
    learning_rate: Option<f64>,
    iterations: Option<usize>,
    hidden: Option<Layers>,
    init: Option<Init>,
    seed: Option<u64>,
}

impl CatsLink {
    fn settings(&self) -> Settings {
        let base = Settings::for_model(self.model);
        Settings {
            model: self.model,
            learning_rate: self.learning_rate.unwrap_or(base.learning_rate),
            iterations: self.iterations.unwrap_or(base.iterations),
            hidden: self.hidden.unwrap_or(base.hidden),
            init: self.init.unwrap_or(base.init),
            seed: self.seed.unwrap_or(base.seed),
        }
    }
}

/// A hidden-layer activation by name; softmax is an output layer's only.
fn parse_activation(value: &str) -> Result<Activation, Message> {
    match Activation::from_name(value) {
        Some(Activation::Softmax) | None => Err(param("activation")),
        Some(a) => Ok(a),
    }
}

fn parse_lang(value: &str) -> Result<Lang, Message> {
    match value {
        "zh" | "zh-CN" | "zh-cn" => Ok(Lang::Zh),
        "en" => Ok(Lang::En),
        _ => Err(param("lang")),
    }
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

fn parse_speed(value: &str) -> Result<usize, Message> {
    match value.trim().parse::<usize>() {
        Ok(s) if s < SPEEDS.len() => Ok(s),
        _ => Err(param("speed")),
    }
}

/// The nudge h: a finite number other than 0.
fn parse_nudge(value: &str) -> Result<f64, Message> {
    let h = crate::app::input::parse_number(value)?;
    if h == 0.0 {
        return Err(Message::new(Topic::Graph, "bad-step"));
    }
    Ok(h)
}

/// `a:5,b:3,c:2` → the starting values by name (names percent-decoded).
fn parse_values(value: &str) -> Result<Vec<(String, f64)>, Message> {
    if value.is_empty() {
        return Ok(Vec::new());
    }
    value
        .split(',')
        .map(|item| {
            let (name, v) = item.split_once(':').ok_or_else(|| param("values"))?;
            // Any name the expression may hold (the graph engine checks the rest).
            let name = decode(name)?;
            if name.is_empty() {
                return Err(param("values"));
            }
            Ok((name, crate::app::input::parse_number(v)?))
        })
        .collect()
}
