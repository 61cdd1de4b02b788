//! The computational-graph lab on the page (`#view-graph`): its own state beside
//! the network lab's, and its painting. It repaints right after each of its own
//! events and on `tabs::CHANGED` (see `graph_wire`). The layout is redone only
//! when the graph's shape or the canvas size changes.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::app::graph::{GraphCommand, GraphController};
use crate::app::Tab;
use crate::engine::graph::GraphSnapshot;
use crate::view::graph::{draw_graph, GraphLayout, GraphPlan, GraphStyle};

use super::canvas::Surface;
use super::dom::by_id;
use super::graph_fields::Painted;
use super::tabs;

/// The graph lab's state on the page.
pub(super) struct GraphPage {
    pub(super) lab: GraphController,
    surface: Surface,
    /// The plan of the graph shape last drawn, and the generation it was made for.
    plan: Option<(u64, GraphPlan)>,
    layout: Option<GraphLayout>,
    pub(super) hover: Option<usize>,
    /// What the fields were last filled with.
    pub(super) painted: Painted,
    /// The graph and cursor the canvas was last scrolled to.
    followed: Option<(u64, Option<usize>)>,
}

impl GraphPage {
    pub(super) fn new() -> Result<GraphPage, JsValue> {
        Ok(GraphPage {
            lab: GraphController::new(),
            surface: Surface::new("graph-canvas")?,
            plan: None,
            layout: None,
            hover: None,
            painted: Painted::default(),
            followed: None,
        })
    }

    pub(super) fn apply(&mut self, cmd: GraphCommand) {
        self.lab.apply(cmd);
        self.paint();
    }

    /// Repaints the texts and the canvas, if the graph tab is shown.
    pub(super) fn paint(&mut self) {
        if !tabs::shown(Tab::Graph) {
            return;
        }
        let snap = self.lab.snapshot();
        self.paint_canvas(&snap);
        self.follow_cursor(&snap);
        if let Err(e) = super::graph_panels::update(self, &snap, tabs::page_lang()) {
            web_sys::console::error_1(&e);
        }
    }

    fn paint_canvas(&mut self, snap: &GraphSnapshot) {
        let generation = self.lab.generation();
        let stale = self
            .plan
            .as_ref()
            .map_or(true, |(g, plan)| *g != generation || !plan.fits(snap));
        if stale {
            self.plan = Some((generation, GraphPlan::new(snap)));
            self.layout = None;
        }
        let Some((_, plan)) = self.plan.as_ref() else {
            return;
        };
        let available = by_id::<Element>("graph-wrap").map_or(0, |w| w.client_width());
        let (w, h) = plan.css_size(f64::from(available));
        let style = self.surface.canvas.style();
        let _ = style.set_property("width", &format!("{w}px"));
        let _ = style.set_property("height", &format!("{h}px"));
        if self.surface.fit() || self.layout.is_none() {
            let (bw, bh) = self.surface.size();
            self.layout = Some(GraphLayout::new(plan, bw, bh, self.surface.scale));
        }
        let (Some(area), Some(layout)) = (self.surface.area(), self.layout.as_ref()) else {
            return;
        };
        let style = GraphStyle {
            selected: self.lab.selected(),
            hover: self.hover,
        };
        if let Err(e) = draw_graph(&area, layout, snap, &style) {
            let text = format!("drawing the graph failed: {e}");
            web_sys::console::error_1(&JsValue::from_str(&text));
        }
    }

    /// On a canvas wider than the screen (a phone, a big graph), scrolls the node
    /// just computed into view once per step; a new graph or a reset starts at the left.
    fn follow_cursor(&mut self, snap: &GraphSnapshot) {
        let key = (self.lab.generation(), snap.cursor);
        if self.followed == Some(key) {
            return;
        }
        self.followed = Some(key);
        let Ok(wrap) = by_id::<Element>("graph-wrap") else {
            return;
        };
        let s = self.surface.scale;
        let target = snap.cursor.and_then(|c| self.layout.as_ref()?.node_box(c));
        let Some([x0, _, x1, _]) = target.map(|b| b.map(|v| v / s)) else {
            wrap.set_scroll_left(0);
            return;
        };
        let (left, width) = (
            f64::from(wrap.scroll_left()),
            f64::from(wrap.client_width()),
        );
        if x0 < left || x1 > left + width {
            wrap.set_scroll_left(((x0 + x1) / 2.0 - width / 2.0).max(0.0).round() as i32);
        }
    }

    /// The node under the pointer at (x, y) CSS px on the canvas.
    pub(super) fn node_at(&self, x: f64, y: f64) -> Option<usize> {
        let (bx, by) = self.surface.to_backing(x, y);
        self.layout.as_ref()?.hit_node(bx, by)
    }

    /// Centre of node `id`'s box in CSS px within the canvas (for tests and tools).
    pub(super) fn node_centre(&self, id: usize) -> Option<(f64, f64)> {
        let b = self.layout.as_ref()?.node_box(id)?;
        let s = self.surface.scale;
        Some(((b[0] + b[2]) / 2.0 / s, (b[1] + b[3]) / 2.0 / s))
    }
}
