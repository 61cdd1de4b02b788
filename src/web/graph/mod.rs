//! Tab ② on the page (`#view-graph`): its canvas, the graph's plan and layout
//! (redone only when the graph's shape or the canvas size changes), the hover,
//! and its paint. Its listeners are in [`wire`], its texts in [`panels`] and
//! [`fields`], its JS API in [`api`].

pub mod api;
mod fields;
mod panels;
pub mod wire;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::app::graph::GraphController;
use crate::app::App;
use crate::engine::graph::GraphSnapshot;
use crate::view::graph::{draw_graph, GraphLayout, GraphPlan, GraphStyle};

use super::canvas::Surface;
use super::dom::by_id;
use fields::Painted;

/// Tab ②'s state on the page beside the App.
pub struct GraphView {
    surface: Surface,
    /// The plan of the graph shape last drawn, and the generation it was made for.
    plan: Option<(u64, GraphPlan)>,
    layout: Option<GraphLayout>,
    hover: Option<usize>,
    /// What the fields were last filled with.
    painted: Painted,
    /// The graph and cursor the canvas was last scrolled to.
    followed: Option<(u64, Option<usize>)>,
}

impl GraphView {
    /// The tab's canvas (`#graph-canvas`).
    pub fn new() -> Result<GraphView, JsValue> {
        Ok(GraphView {
            surface: Surface::new("graph-canvas")?,
            plan: None,
            layout: None,
            hover: None,
            painted: Painted::default(),
            followed: None,
        })
    }

    /// The language changed: every field is written again.
    pub fn forget_painted(&mut self) {
        self.painted = Painted::default();
    }

    /// Repaints the canvas and the texts.
    pub fn paint(&mut self, app: &App) -> Result<(), JsValue> {
        let lab = app.graph();
        let snap = lab.snapshot();
        self.paint_canvas(lab, &snap);
        self.follow_cursor(lab, &snap);
        panels::update(self, lab, &snap, app.lang())
    }

    fn paint_canvas(&mut self, lab: &GraphController, snap: &GraphSnapshot) {
        let generation = lab.generation();
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
            selected: lab.selected(),
            hover: self.hover,
        };
        if let Err(e) = draw_graph(&area, layout, snap, &style) {
            let text = format!("drawing the graph failed: {e}");
            web_sys::console::error_1(&JsValue::from_str(&text));
        }
    }

    /// On a canvas wider than the screen (a phone, a big graph), scrolls the node
    /// just computed into view once per step; a new graph or a reset starts at the left.
    fn follow_cursor(&mut self, lab: &GraphController, snap: &GraphSnapshot) {
        let key = (lab.generation(), snap.cursor);
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
    pub fn node_at(&self, x: f64, y: f64) -> Option<usize> {
        let (bx, by) = self.surface.to_backing(x, y);
        self.layout.as_ref()?.hit_node(bx, by)
    }

    /// The pointer is over node `id` (or none); returns whether that changed.
    pub fn hover(&mut self, id: Option<usize>) -> bool {
        let changed = id != self.hover;
        self.hover = id;
        changed
    }

    /// Centre of node `id`'s box in CSS px within the canvas (for tests and tools).
    pub fn node_centre(&self, id: usize) -> Option<(f64, f64)> {
        let b = self.layout.as_ref()?.node_box(id)?;
        let s = self.surface.scale;
        Some(((b[0] + b[2]) / 2.0 / s, (b[1] + b[3]) / 2.0 / s))
    }
}
