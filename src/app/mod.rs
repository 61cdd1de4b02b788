//! The page's controller, pure Rust: one [`App`] owns every lab (tab ①'s network
//! and valley, tab ②'s computational graph, tab ③'s cat recognizer), the tab
//! shown, the language and the link. The web layer turns DOM events into
//! [`Command`]s, calls [`App::advance`] once per animation frame, and paints what
//! the App holds.
//!
//! Layout: one folder per lab (`network/`, `graph/`, `cats/`) beside the shared
//! pieces — [`message`] (what the learner is told), [`input`] (reading typed
//! numbers), [`link`] (the URL's settings and the history), [`clock`].

pub mod cats;
pub mod clock;
pub mod graph;
pub mod input;
pub mod link;
pub mod message;
pub mod network;

use crate::i18n::Lang;

use cats::{CatCommand, CatController};
use clock::Clock;
use graph::{GraphCommand, GraphController};
use link::Params;
use message::Message;
use network::{NetworkCommand, NetworkController};

pub use link::Tab;

/// Everything a learner can ask of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Tab ①: the network and the valley.
    Network(NetworkCommand),
    /// Tab ②: the computational graph.
    Graph(GraphCommand),
    /// Tab ③: the input layer and the cat recognizer.
    Cats(CatCommand),
    /// Show another lab (what plays or trains in the one hidden pauses).
    SetTab(Tab),
    /// The page's language.
    SetLang(Lang),
    /// The address now holds this link (edited, pasted, Back or Forward): apply it.
    FollowLink(String),
    /// Close the message about the link.
    DismissLinkMessage,
}

impl Command {
    /// Whether the page must write the settings back into the fields after this
    /// command: it changed them from outside the fields (a preset, a reset, a
    /// model's course settings, a link). The graph lab's fields follow its state.
    pub fn refills_fields(&self) -> bool {
        match self {
            Command::Network(c) => c.refills_fields(),
            Command::Cats(c) => matches!(c, CatCommand::SetModel(_)),
            Command::FollowLink(_) => true,
            Command::Graph(_)
            | Command::SetTab(_)
            | Command::SetLang(_)
            | Command::DismissLinkMessage => false,
        }
    }
}

/// The whole page's state.
pub struct App {
    tab: Tab,
    lang: Lang,
    /// The language was chosen (by the learner or the link), so the link carries it.
    lang_chosen: bool,
    network: NetworkController,
    graph: GraphController,
    cats: CatController,
    /// Settings of the last link followed that were ignored, each naming its pair.
    link_messages: Vec<Message>,
    clock: Clock,
}

impl App {
    /// The page for a link's `params` (and the `errors` found reading it);
    /// `browser` is the browser's language, used unless the link names one.
    pub fn new(params: Params, errors: Vec<Message>, browser: Lang) -> App {
        let mut app = App {
            tab: Tab::Network,
            lang: browser,
            lang_chosen: false,
            network: NetworkController::new(),
            graph: GraphController::new(),
            cats: CatController::new(),
            link_messages: Vec::new(),
            clock: clock::no_clock,
        };
        app.adopt(params, errors);
        app
    }

    /// The same App measuring the cat lab's frames and tab ①'s top speed with
    /// `clock` (milliseconds).
    pub fn with_clock(mut self, clock: Clock) -> App {
        self.clock = clock;
        self
    }

    /// Takes over a link: each lab adopts the settings that differ from its own
    /// (so Back to another tab does not start the network over); every refusal
    /// joins `errors` in the link's message.
    fn adopt(&mut self, params: Params, mut errors: Vec<Message>) {
        let refused = self.network.adopt(&params.network);
        errors.extend(refused.into_iter().map(|(pair, m)| link::ignored(&pair, m)));
        let refused = self.graph.adopt(&params.graph);
        errors.extend(refused.into_iter().map(|(pair, m)| link::ignored(&pair, m)));
        if params.cats != self.cats.settings() {
            if let Err(m) = self.cats.set_settings(params.cats) {
                let pairs = link::cats_pairs(&params.cats).join("&");
                errors.push(link::ignored(&pairs, m));
            }
        }
        if let Some(lang) = params.lang {
            self.lang = lang;
            self.lang_chosen = true;
        }
        self.tab = params.tab;
        self.link_messages = errors;
    }

    /// Carries out one command. Whatever it is, afterwards nothing plays or trains
    /// in a lab that is not shown.
    pub fn apply(&mut self, cmd: Command) {
        self.run(cmd);
        self.pause_hidden();
    }

    fn run(&mut self, cmd: Command) {
        match cmd {
            Command::Network(c) => self.network.apply(c),
            Command::Graph(c) => self.graph.apply(c),
            Command::Cats(c) => self.cats.apply(c),
            Command::SetTab(tab) => self.tab = tab,
            Command::SetLang(lang) => {
                self.lang = lang;
                self.lang_chosen = true;
            }
            Command::FollowLink(query) => {
                if query.trim_start_matches('#') != self.params().to_query() {
                    let (params, errors) = Params::from_query(&query);
                    self.adopt(params, errors);
                }
            }
            Command::DismissLinkMessage => self.link_messages.clear(),
        }
    }

    /// Nothing runs unseen: the labs that are not shown stop playing and training.
    fn pause_hidden(&mut self) {
        if self.tab != Tab::Network {
            self.network.pause();
        }
        if self.tab != Tab::Cats {
            self.cats.pause_unseen();
        }
    }

    /// Moves the page's clocks by `elapsed_ms` (the time since the last frame):
    /// tab ①'s play, tab ③'s training budget. Returns whether anything changed.
    pub fn advance(&mut self, elapsed_ms: f64) -> bool {
        match self.tab {
            Tab::Network => self.network.advance(elapsed_ms, self.clock),
            Tab::Graph => false,
            Tab::Cats => self.cats.advance(self.clock),
        }
    }

    /// Whether something moves by itself (playing or training), so the page needs
    /// the next frame even if nothing else changes.
    pub fn animating(&self) -> bool {
        self.network.playing() || self.network.descent_playing() || self.cats.training()
    }

    /// The settings the link carries now.
    pub fn params(&self) -> Params {
        Params {
            tab: self.tab,
            lang: self.lang_chosen.then_some(self.lang),
            network: self.network.params().clone(),
            graph: self.graph.params(),
            cats: self.cats.settings(),
        }
    }
}

impl App {
    /// Tab ①'s controller.
    pub fn network(&self) -> &NetworkController {
        &self.network
    }
    /// Tab ②'s controller.
    pub fn graph(&self) -> &GraphController {
        &self.graph
    }
    /// Tab ③'s controller.
    pub fn cats(&self) -> &CatController {
        &self.cats
    }
    /// Tab ③'s controller, for the file tasks that hand it decoded pictures.
    pub fn cats_mut(&mut self) -> &mut CatController {
        &mut self.cats
    }
    /// The lab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }
    /// The page's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }
    /// Settings of the last link that were ignored.
    pub fn link_messages(&self) -> &[Message] {
        &self.link_messages
    }
}
