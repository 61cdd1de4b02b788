//! The page: the one [`App`] and what the browser side keeps beside it for each
//! lab (canvases, layouts, hover, what was painted last). Handlers turn input
//! into commands through [`Page::apply`] and mark the page dirty; the runner's
//! frame calls [`Page::frame`], which advances the App's clocks and repaints the
//! tab shown — nothing else paints.

use wasm_bindgen::JsValue;

use crate::app::link::history::{HistoryWrite, LinkHistory};
use crate::app::link::Params;
use crate::app::{App, Command, Tab};
use crate::i18n::Lang;
use crate::view::message::render_link;

use super::cats::CatView;
use super::dom::{apply_i18n, set_attr, set_hidden, set_text};
use super::graph::GraphView;
use super::network::NetworkView;
use super::runner::now;

/// The page's state.
pub struct Page {
    /// The controller of every lab.
    pub app: App,
    /// Tab ①'s canvases and layout.
    pub network: NetworkView,
    /// Tab ②'s canvas and layout.
    pub graph: GraphView,
    /// Tab ③'s canvases and what they show.
    pub cats: CatView,
    /// Something changed since the last paint.
    pub dirty: bool,
    /// A command ran since the last paint: the page's own parts (language, tab,
    /// the link's notice, the address) may have changed. Playing, training or
    /// hovering never changes them, so those frames skip them.
    commanded: bool,
    /// The language and the tab the static texts were last filled for.
    painted: Option<(Lang, Tab)>,
    history: LinkHistory,
}

impl Page {
    /// The page for the address's link and the browser's language.
    pub fn new() -> Result<Page, JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let hash = window.location().hash().unwrap_or_default();
        let browser = Lang::from_tag(&window.navigator().language().unwrap_or_default());
        let (params, errors) = Params::from_query(&hash);
        Ok(Page {
            app: App::new(params, errors, browser).with_clock(now),
            network: NetworkView::new()?,
            graph: GraphView::new()?,
            cats: CatView::new()?,
            dirty: true,
            commanded: true,
            painted: None,
            history: LinkHistory::new(&hash),
        })
    }

    /// Carries out a command and marks the page for repaint.
    pub fn apply(&mut self, cmd: Command) {
        if let Command::Network(c) = &cmd {
            self.network.refill_fields |= c.refills_fields();
        }
        if matches!(cmd, Command::FollowLink(_)) {
            self.network.refill_fields = true;
            self.cats.refill = true;
        }
        self.cats.refill |= matches!(
            cmd,
            Command::Cats(crate::app::cats::CatCommand::SetModel(_))
        );
        self.app.apply(cmd);
        self.dirty = true;
        self.commanded = true;
    }

    /// Something outside a command changed the App (a file task handing over its
    /// result): everything is painted again.
    pub fn changed(&mut self) {
        self.dirty = true;
        self.commanded = true;
    }

    /// The address changed from outside (edited, pasted, Back, Forward).
    pub fn follow_link(&mut self) {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        self.history.arrived(&hash);
        self.apply(Command::FollowLink(hash));
    }

    /// One animation frame, `elapsed_ms` after the previous one of the same run of
    /// frames: the App's clocks move, the tab shown repaints if anything changed.
    /// Returns (painted, wants another frame).
    pub fn frame(&mut self, elapsed_ms: f64) -> Result<(bool, bool), JsValue> {
        self.dirty |= self.app.advance(elapsed_ms);
        self.dirty |= match self.app.tab() {
            Tab::Network => self.network.fit(&self.app),
            Tab::Graph => false,
            Tab::Cats => self.cats.fit(),
        };
        let painted = self.dirty;
        if self.dirty {
            self.dirty = false;
            self.paint()?;
        }
        Ok((painted, self.app.animating()))
    }

    fn paint(&mut self) -> Result<(), JsValue> {
        let commanded = std::mem::take(&mut self.commanded);
        if commanded {
            self.paint_page()?;
        }
        match self.app.tab() {
            Tab::Network => self.network.paint(&self.app)?,
            Tab::Graph => self.graph.paint(&self.app)?,
            Tab::Cats => self.cats.paint(&self.app)?,
        }
        if commanded {
            self.sync_url();
        }
        Ok(())
    }

    /// What belongs to the whole page: the language's texts, the tab shown, the
    /// notice about the link.
    fn paint_page(&mut self) -> Result<(), JsValue> {
        let (lang, tab) = (self.app.lang(), self.app.tab());
        if self.painted != Some((lang, tab)) {
            if self.painted.map(|(l, _)| l) != Some(lang) {
                apply_i18n(lang)?;
                self.network.refill_fields = true;
                self.graph.forget_painted();
                self.cats.forget_painted();
            }
            super::tabs::show(tab);
            self.painted = Some((lang, tab));
        }
        // Tab ①'s alert sits above the tabs: it belongs to that tab only.
        if tab != Tab::Network {
            set_hidden("alert", true);
        }
        // A hidden tab is not painted, but the run's state attribute still tells the
        // truth (a hidden run has paused, and only a command hides a tab).
        set_attr("view-cats", "data-state", self.app.cats().state().name());
        let messages = self.app.link_messages();
        set_hidden("link-alert", messages.is_empty());
        if !messages.is_empty() {
            set_text("link-alert-text", &render_link(messages, lang));
        }
        set_attr("backprop-lab", "data-ready", "true");
        Ok(())
    }

    /// Keeps the address equal to the settings, so a link reproduces the page:
    /// a new decision is a new history entry, a slider's drag one entry.
    fn sync_url(&mut self) {
        let query = self.app.params().to_query();
        let Some(write) = self.history.write(&query, now()) else {
            return;
        };
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
            return;
        };
        let _ = match write {
            HistoryWrite::Push(q) => {
                history.push_state_with_url(&JsValue::NULL, "", Some(&format!("#{q}")))
            }
            HistoryWrite::Replace(q) => {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{q}")))
            }
        };
    }
}
