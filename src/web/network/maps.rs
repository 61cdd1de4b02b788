//! The neurons' heat maps on the page, on a data set: every neuron's map scaled
//! into its square on the diagram (all of them from one strip of pixels), and the
//! large map of the neuron under the pointer (or the finger) in the tooltip, with
//! its scale and the chosen example marked. Both read the paint's one grid.

use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

use crate::app::network::NetworkController;
use crate::engine::data::Feature;
use crate::engine::mlp::Mlp;
use crate::engine::snapshot::NetworkSnapshot;
use crate::engine::trainer::Grid;
use crate::i18n::{t, tf, Lang};
use crate::view::network::boundary::DataPlot;
use crate::view::network::map_marks::{draw_chosen, draw_map_marks, map_square};
use crate::view::network::maps::{map_rgba, neuron_map, paint_strip, sampled_side, MapScale};
use crate::view::network::{MapStyle, NetworkLayout, NodeRef};
use crate::view::number::fmt;

use super::super::backend::Canvas;
use super::super::canvas::{context, report, Pixels, Surface};
use super::super::dom::{by_id, set_hidden, set_lines};

/// The large map's side in CSS px (as `.tooltip-map canvas` in the style sheet).
const TIP_SIDE: f64 = 168.0;

/// The maps' off-page pixels and the tooltip's canvas.
pub struct NeuronMaps {
    /// Every neuron's small map side by side.
    strip: Pixels,
    /// The strip's RGBA, kept from frame to frame: the inputs' part is painted again
    /// only when the grid's size, the sampling or the features change ([`InputsKey`]).
    strip_rgba: Vec<u8>,
    inputs: Option<InputsKey>,
    /// One neuron's map at the grid's full resolution.
    large: Pixels,
    /// `#tooltip-map-canvas` (its CSS size is fixed: [`TIP_SIDE`]).
    tip: HtmlCanvasElement,
}

/// What the inputs' maps were painted for: the grid's side, the sampling step and
/// the features (the plane is always [−6, 6]²).
type InputsKey = (usize, usize, Vec<Feature>);

/// What the diagram needs to know of a data-set run: the features (the inputs'
/// names) and the chosen example's point.
pub fn map_style(lab: &NetworkController, snap: &NetworkSnapshot) -> MapStyle {
    let trainer = lab.trainer();
    let chosen = trainer.examples().0.get(snap.training.chosen).map(|e| e.x);
    MapStyle {
        features: trainer.features().features().to_vec(),
        chosen,
    }
}

impl NeuronMaps {
    /// The off-page canvases and `#tooltip-map-canvas`.
    pub fn new() -> Result<NeuronMaps, JsValue> {
        Ok(NeuronMaps {
            strip: Pixels::new()?,
            strip_rgba: Vec::new(),
            inputs: None,
            large: Pixels::new()?,
            tip: by_id("tooltip-map-canvas")?,
        })
    }

    /// Puts every neuron's map into its square on the diagram `net` (drawn before
    /// with `maps`), then the chosen example and the values over them.
    pub fn paint_diagram(
        &mut self,
        net: &Surface,
        layout: &NetworkLayout,
        (grid, mlp): (&Grid, &Mlp),
        snap: &NetworkSnapshot,
        maps: &MapStyle,
    ) -> Result<(), JsValue> {
        let nodes: Vec<NodeRef> = layout.nodes().collect();
        let Some(first) = nodes.first().and_then(|&n| map_square(layout, n)) else {
            return Ok(());
        };
        // About one grid point per backing pixel of the map: a 56 px square on a
        // 100-point grid takes every second point (50 a side; the Playground's
        // squares show 10), a square of 100 px or more every point.
        let step = ((grid.n as f64 / first.side).round() as usize).max(1);
        let side = sampled_side(grid.n, step);
        let key = (grid.n, step, maps.features.clone());
        let inputs = self.inputs.as_ref() != Some(&key);
        paint_strip(&mut self.strip_rgba, grid, mlp, &nodes, step, inputs);
        self.inputs = Some(key);
        self.strip.put(&self.strip_rgba, nodes.len() * side, side)?;
        let ctx = context(&net.canvas)?;
        ctx.set_image_smoothing_enabled(true);
        for (t, &node) in nodes.iter().enumerate() {
            let Some(sq) = map_square(layout, node) else {
                continue;
            };
            // Half a pixel in from the source's edges, so smoothing does not take
            // colour from the neighbouring map in the strip.
            let (sx, sw) = ((t * side) as f64 + 0.5, side as f64 - 1.0);
            ctx.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                &self.strip.canvas,
                sx,
                0.5,
                sw,
                sw,
                sq.left,
                sq.top,
                sq.side,
                sq.side,
            )?;
        }
        if let Some(area) = net.area() {
            report(draw_map_marks(&area, layout, snap, maps).map_err(|e| e.to_string()));
        }
        Ok(())
    }

    /// Shows `node`'s map large in the tooltip with its scale, or hides the map
    /// (no node, or no grid: the tutorial's sample); `scale` is the device pixel ratio.
    pub fn paint_tooltip(
        &self,
        node: Option<NodeRef>,
        (grid, mlp): (Option<&Grid>, &Mlp),
        snap: &NetworkSnapshot,
        (maps, lang, scale): (Option<&MapStyle>, Lang, f64),
    ) -> Result<(), JsValue> {
        let found = node
            .zip(grid)
            .and_then(|(n, g)| Some((n, g, neuron_map(g, mlp, n)?)));
        let (Some((node, grid, (values, range))), Some(maps)) = (found, maps) else {
            set_hidden("tooltip-map", true);
            return Ok(());
        };
        set_hidden("tooltip-map", false);
        let name = maps.name(&snap.sizes, node);
        let legend = match range {
            MapScale::Peak(m) => tf(lang, range.legend_key(), &[("m", &fmt(m))]),
            MapScale::Signed | MapScale::Unit => t(lang, range.legend_key()).to_string(),
        };
        let index = (snap.training.chosen + 1).to_string();
        let lines = [
            tf(lang, "net.map.title", &[("name", &name)]),
            legend,
            tf(lang, "net.map.chosen", &[("index", &index)]),
        ];
        set_lines("tooltip-map-legend", "span", &lines)?;
        self.large
            .put(&map_rgba(values, grid.n, 1, range), grid.n, grid.n)?;
        self.draw_large(maps.chosen, scale)
    }

    /// The large map scaled onto the tooltip's canvas, the chosen example on it.
    fn draw_large(&self, chosen: Option<[f64; 2]>, s: f64) -> Result<(), JsValue> {
        let side = (TIP_SIDE * s).round().max(1.0);
        if f64::from(self.tip.width()) != side {
            self.tip.set_width(side as u32);
            self.tip.set_height(side as u32);
        }
        let ctx = context(&self.tip)?;
        ctx.set_image_smoothing_enabled(true);
        let canvas = &self.large.canvas;
        ctx.draw_image_with_html_canvas_element_and_dw_and_dh(canvas, 0.0, 0.0, side, side)?;
        let square = DataPlot {
            left: 0.0,
            top: 0.0,
            side,
        };
        let at = chosen.and_then(|p| square.to_px_in_plane(p));
        let area = Canvas::new(self.tip.clone()).map(|b| b.into_drawing_area());
        if let (Some(at), Some(area)) = (at, area) {
            report(draw_chosen(&area, at, 4.0 * s, 1.5 * s).map_err(|e| e.to_string()));
        }
        Ok(())
    }
}
