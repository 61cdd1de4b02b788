//! Tab ① on the page: its three canvases, the network layout (redone only when
//! the network's shape or the canvas size changes), the hover, and its paint.
//! Its listeners are in [`controls`], its texts in [`panels`] and [`table`], its
//! JS API in [`api`].

pub mod api;
pub mod controls;
mod data;
pub mod data_controls;
pub mod inspect;
mod maps;
mod panels;
mod table;

use crate::i18n::Lang;
use wasm_bindgen::JsValue;

use crate::app::network::rates::{descent_stops, network_stops};
use crate::app::App;
use crate::engine::snapshot::{DescentSnapshot, NetworkSnapshot};
use crate::engine::trainer::Grid;
use crate::engine::trainer::ParamRef;
use crate::view::descent::{draw_descent, ChartStyle, DescentMapper};
use crate::view::network::history::draw_loss_history;
use crate::view::network::{
    draw_network_labels, draw_network_over, draw_network_under, EdgeLabel, EdgeRef, MapStyle,
    NetworkLayout, NetworkStyle, NodeRef,
};
use crate::view::record::record;

use super::canvas::{report, Layer, Surface};

/// What the pointer is over on the network canvas, and where (CSS px in the canvas).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hover {
    /// An edge.
    Edge(EdgeRef, f64, f64),
    /// A neuron.
    Node(NodeRef, f64, f64),
}

/// Tab ①'s state on the page beside the App.
pub struct NetworkView {
    net: Surface,
    descent: Surface,
    history: Surface,
    layout: Option<NetworkLayout>,
    hover: Option<Hover>,
    mapper: Option<DescentMapper>,
    /// The settings changed from outside the fields (preset, reset, link): refill them.
    pub refill_fields: bool,
    /// The data card (plot, losses by epoch, shape buttons).
    pub data: data::DataView,
    /// The neurons' heat maps on a data set.
    maps: maps::NeuronMaps,
    /// The diagram's headings, side names and legend, drawn again only when they change.
    labels: Layer,
    /// The last paint's grid of every neuron over the plane (its storage reused).
    grid: Grid,
    /// Whether the edge and neuron tables are unfolded (`#value-tables`' toggle).
    pub tables_open: bool,
    /// Where and when a press on the data plot began (ms, CSS px), to tell a tap from a long press.
    pub press: Option<(f64, i32, i32)>,
    /// The descent slider's stops (learning rates).
    descent_stops: Vec<f64>,
    /// The network slider's stops (learning rates).
    network_stops: Vec<f64>,
    /// What the descent and loss-history charts last drew (with the language and the
    /// backing size): a chart whose input is unchanged is not drawn again, so playing
    /// epochs on a data set does not redraw the valley every frame.
    drawn_descent: Option<(DescentSnapshot, Lang, (f64, f64))>,
    drawn_history: Option<(Vec<f64>, Lang, (f64, f64))>,
    /// What the valley's text panel last showed.
    shown_descent: Option<(DescentSnapshot, Lang)>,
}

impl NetworkView {
    /// The tab's canvases (`#network-canvas`, `#descent-canvas`, `#history-canvas`).
    pub fn new() -> Result<NetworkView, JsValue> {
        Ok(NetworkView {
            net: Surface::new("network-canvas")?,
            descent: Surface::new("descent-canvas")?,
            history: Surface::new("history-canvas")?,
            layout: None,
            hover: None,
            mapper: None,
            refill_fields: true,
            data: data::DataView::new()?,
            maps: maps::NeuronMaps::new()?,
            grid: Grid::default(),
            labels: Layer::new()?,
            tables_open: false,
            press: None,
            descent_stops: descent_stops(),
            network_stops: network_stops(),
            drawn_descent: None,
            drawn_history: None,
            shown_descent: None,
        })
    }

    /// The pointer is at (x, y) CSS px on the network canvas (NaN: it left).
    /// Returns whether what it is over changed.
    pub fn hover_at(&mut self, x: f64, y: f64) -> bool {
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
        let changed = hover != self.hover;
        self.hover = hover;
        changed
    }

    /// The learning-rate slider's stops: the descent view's or the network's.
    pub fn stops(&self, descent: bool) -> &[f64] {
        if descent {
            &self.descent_stops
        } else {
            &self.network_stops
        }
    }

    /// The w of the descent curve at (x, y) CSS px on its canvas, if on the curve's plot.
    pub fn w_at(&self, x: f64, y: f64) -> Option<f64> {
        let (bx, by) = self.descent.to_backing(x, y);
        self.mapper.as_ref()?.w_at(bx, by)
    }

    /// Resizes the backing stores; recomputes the layout when the network's shape
    /// or size changed. Returns whether anything changed.
    pub fn fit(&mut self, app: &App) -> bool {
        let resized = self.net.fit() | self.descent.fit() | self.history.fit() | self.data.fit();
        let sizes = app.network().sizes();
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

    /// Paints the canvases and the texts (one snapshot of each view per paint; on a
    /// data set one grid of every neuron over the plane, for the boundary and the maps).
    pub fn paint(&mut self, app: &App) -> Result<(), JsValue> {
        let mut grid = std::mem::take(&mut self.grid);
        let on_data = app.network().data_mode();
        if on_data {
            data::plane_grid(app.network(), &mut grid)?;
        }
        let painted = self.paint_with_grid(app, on_data.then_some(&grid));
        self.grid = grid;
        painted
    }

    /// [`NetworkView::paint`] with the paint's grid (`None` on the tutorial's sample).
    fn paint_with_grid(&mut self, app: &App, grid: Option<&Grid>) -> Result<(), JsValue> {
        let lab = app.network();
        let (snap, dsnap) = (lab.network(), lab.descent());
        let maps = grid.map(|_| maps::map_style(lab, &snap));
        let with_maps = grid.zip(maps.as_ref());
        self.paint_canvases(app, &snap, &dsnap, with_maps);
        if self.refill_fields {
            data::refill(app.network());
            self.data.forget_shape();
        }
        self.data.paint(app, &snap, grid)?;
        inspect::update(app, app.lang())?;
        let node = match self.hover {
            Some(Hover::Node(n, _, _)) => Some(n),
            _ => None,
        };
        let mlp = lab.trainer().mlp();
        let how = (maps.as_ref(), app.lang(), self.net.scale);
        self.maps.paint_tooltip(node, (grid, mlp), &snap, how)?;
        panels::update(self, app, &snap, &dsnap)
    }

    /// Paints the three canvases (the diagram with its maps when `maps` is given);
    /// a drawing error is reported on the console, not fatal.
    fn paint_canvases(
        &mut self,
        app: &App,
        snap: &NetworkSnapshot,
        dsnap: &DescentSnapshot,
        maps: Option<(&Grid, &MapStyle)>,
    ) {
        let lang = app.lang();
        // The edge under the pointer, else the weight the inspector shows.
        let hover = match self.hover {
            Some(Hover::Edge(e, _, _)) => Some(e),
            _ => match app.network().inspector().selected {
                Some(ParamRef::Weight { layer, from, to }) => Some(EdgeRef { layer, from, to }),
                _ => None,
            },
        };
        let edge_label = if app.network().show_weights() {
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
                maps: maps.map(|(_, m)| m.clone()),
            };
            report(draw_network_under(&area, layout, snap).map_err(|e| e.to_string()));
            // The headings, the side names and the legend change seldom: a layer of their own.
            let (w, h) = self.net.size();
            let labels = record(w as u32, h as u32, |a| {
                draw_network_labels(a, layout, snap, &style)
            });
            report(
                self.labels
                    .show(&self.net, labels, lang)
                    .map_err(|e| format!("{e:?}")),
            );
            report(draw_network_over(&area, layout, snap, &style).map_err(|e| e.to_string()));
            if let Some((grid, m)) = maps {
                let mlp = app.network().trainer().mlp();
                let drawn = self
                    .maps
                    .paint_diagram(&self.net, layout, (grid, mlp), snap, m);
                report(drawn.map_err(|e| format!("{e:?}")));
            }
        }
        let key = (snap.loss_history.clone(), lang, self.history.size());
        if let Some(area) = self
            .history
            .area()
            .filter(|_| self.drawn_history != Some(key.clone()))
        {
            let style = ChartStyle {
                lang,
                scale: self.history.scale,
            };
            report(draw_loss_history(&area, &snap.loss_history, &style).map_err(|e| e.to_string()));
            self.drawn_history = Some(key);
        }
        let key = (dsnap.clone(), lang, self.descent.size());
        if let Some(area) = self
            .descent
            .area()
            .filter(|_| self.drawn_descent != Some(key.clone()))
        {
            let style = ChartStyle {
                lang,
                scale: self.descent.scale,
            };
            match draw_descent(&area, dsnap, &style) {
                Ok(mapper) => self.mapper = Some(mapper),
                Err(e) => report(Err(e.to_string())),
            }
            self.drawn_descent = Some(key);
        }
    }
}
