//! The page: the App, its three canvases and the network layout. Event handlers
//! only change state and mark the page dirty; the frame loop advances the clock
//! and repaints ([`Page::frame`]).

use wasm_bindgen::JsValue;

use crate::app::params::Params;
use crate::app::rates::{descent_stops, network_stops};
use crate::app::{App, Command};
use crate::engine::snapshot::{DescentSnapshot, NetworkSnapshot};
use crate::i18n::Lang;
use crate::view::descent::{draw_descent, ChartStyle, DescentMapper};
use crate::view::history::draw_loss_history;
use crate::view::network::{
    draw_network, EdgeLabel, EdgeRef, NetworkLayout, NetworkStyle, NodeRef,
};

use super::canvas::Surface;

/// What the pointer is over on the network canvas, and where (CSS px in the canvas).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hover {
    /// An edge.
    Edge(EdgeRef, f64, f64),
    /// A neuron.
    Node(NodeRef, f64, f64),
}

/// The page's state beside the App: surfaces, layout, hover, dirtiness.
pub struct Page {
    /// The controller.
    pub app: App,
    pub(super) net: Surface,
    pub(super) descent: Surface,
    history: Surface,
    pub(super) layout: Option<NetworkLayout>,
    pub(super) hover: Option<Hover>,
    pub(super) mapper: Option<DescentMapper>,
    /// Something changed since the last paint.
    pub dirty: bool,
    /// The settings were edited from outside the fields (preset, reset, URL): refill them.
    pub(super) refill_fields: bool,
    last_query: String,
    /// The language the static texts were last filled in.
    pub(super) painted_lang: Option<Lang>,
    /// The tab last shown.
    pub(super) painted_tab: Option<crate::app::Tab>,
    /// The descent slider's stops (learning rates).
    pub descent_stops: Vec<f64>,
    /// The network slider's stops (learning rates).
    pub network_stops: Vec<f64>,
}

impl Page {
    /// The page for the current URL hash and browser language.
    pub fn new() -> Result<Page, JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let hash = window.location().hash().unwrap_or_default();
        let browser = Lang::from_tag(&window.navigator().language().unwrap_or_default());
        let (params, errors) = Params::from_query(&hash);
        Ok(Page {
            app: App::new(params, errors, browser),
            net: Surface::new("network-canvas")?,
            descent: Surface::new("descent-canvas")?,
            history: Surface::new("history-canvas")?,
            layout: None,
            hover: None,
            mapper: None,
            dirty: true,
            refill_fields: true,
            painted_lang: None,
            painted_tab: None,
            last_query: hash.trim_start_matches('#').to_string(),
            descent_stops: descent_stops(),
            network_stops: network_stops(),
        })
    }

    /// Applies a command from a control and marks the page for repaint.
    pub fn apply(&mut self, cmd: Command) {
        let refill = matches!(
            cmd,
            Command::Reset | Command::SetPreset(_) | Command::SetActivation(_) | Command::Restore
        );
        self.app.apply(cmd);
        self.refill_fields |= refill;
        self.dirty = true;
    }

    /// The pointer is at (x, y) CSS px on the network canvas (NaN: it left).
    pub fn hover_at(&mut self, x: f64, y: f64) {
        let (bx, by) = self.net.to_backing(x, y);
        let hover = self
            .layout
            .as_ref()
            .filter(|_| x.is_finite() && y.is_finite())
            .and_then(|l| {
                l.hit_node(bx, by)
                    .map(|n| Hover::Node(n, x, y))
                    .or_else(|| l.hit_edge(bx, by).map(|e| Hover::Edge(e, x, y)))
            });
        if hover != self.hover {
            self.hover = hover;
            self.dirty = true;
        }
    }

    /// A click at (x, y) CSS px on the descent canvas picks w₀ there, rounded
    /// to 0.05 so the numbers that follow stay readable.
    pub fn pick_start(&mut self, x: f64, y: f64) {
        let (bx, by) = self.descent.to_backing(x, y);
        if let Some(w) = self.mapper.as_ref().and_then(|m| m.w_at(bx, by)) {
            self.apply(Command::SetDescentStart((w * 20.0).round() / 20.0));
        }
    }

    /// One animation frame: advance the clock by `elapsed_ms`, repaint if anything
    /// changed. Returns whether it painted.
    pub fn frame(&mut self, elapsed_ms: f64) -> Result<bool, JsValue> {
        if self.app.advance(elapsed_ms) {
            self.dirty = true;
        }
        if self.fit_surfaces() {
            self.dirty = true;
        }
        if !self.dirty {
            return Ok(false);
        }
        self.dirty = false;
        self.paint()?;
        Ok(true)
    }

    /// Resizes the backing stores; recomputes the layout when the network's shape or size changed.
    fn fit_surfaces(&mut self) -> bool {
        let resized = self.net.fit() | self.descent.fit() | self.history.fit();
        let sizes = self.app.sizes();
        let stale = self
            .layout
            .as_ref()
            .map_or(true, |l| l.sizes() != sizes.as_slice());
        if resized || stale {
            let (w, h) = self.net.size();
            self.layout = Some(NetworkLayout::new(&sizes, w, h, self.net.scale));
        }
        resized || stale
    }

    fn paint(&mut self) -> Result<(), JsValue> {
        let (snap, dsnap) = (self.app.network(), self.app.descent());
        self.paint_canvases(&snap, &dsnap);
        super::panels::update(self, &snap, &dsnap)?;
        self.sync_url();
        Ok(())
    }

    /// Paints the three canvases; a drawing error is reported on the console, not fatal.
    fn paint_canvases(&mut self, snap: &NetworkSnapshot, dsnap: &DescentSnapshot) {
        let lang = self.app.lang();
        let hover = match self.hover {
            Some(Hover::Edge(e, _, _)) => Some(e),
            _ => None,
        };
        let edge_label = if self.app.show_weights() {
            EdgeLabel::Weight
        } else {
            EdgeLabel::Gradient
        };
        if let (Some(area), Some(layout)) = (self.net.area(), self.layout.as_ref()) {
            let style = NetworkStyle {
                lang,
                edge_label,
                hover,
                scale: self.net.scale,
            };
            report(draw_network(&area, layout, snap, &style).map_err(|e| e.to_string()));
        }
        if let Some(area) = self.history.area() {
            let style = ChartStyle {
                lang,
                scale: self.history.scale,
            };
            report(draw_loss_history(&area, &snap.loss_history, &style).map_err(|e| e.to_string()));
        }
        if let Some(area) = self.descent.area() {
            let style = ChartStyle {
                lang,
                scale: self.descent.scale,
            };
            match draw_descent(&area, dsnap, &style) {
                Ok(mapper) => self.mapper = Some(mapper),
                Err(e) => report(Err(e.to_string())),
            }
        }
    }

    /// Keeps the URL hash equal to the settings, so a link reproduces the page.
    fn sync_url(&mut self) {
        let query = self.app.params().to_query();
        if query == self.last_query {
            return;
        }
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let url = format!("#{query}");
            if history
                .replace_state_with_url(&JsValue::NULL, "", Some(&url))
                .is_ok()
            {
                self.last_query = query;
            }
        }
    }
}

fn report(result: Result<(), String>) {
    if let Err(e) = result {
        web_sys::console::error_1(&JsValue::from_str(&format!("drawing failed: {e}")));
    }
}
