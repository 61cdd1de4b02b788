//! Tab ①'s data card on the page: the data plot (the output's grid from the
//! engine's `predict_grid` as `ImageData`, scaled into the plot square, the points
//! drawn over it), the train/test losses by epoch, the status line, the shape's
//! +/- buttons (rebuilt only when the shape changes), the hidden control groups.

use wasm_bindgen::JsValue;

use crate::app::network::{NetworkController, HIDEABLE};
use crate::app::App;
use crate::engine::activation::Activation;
use crate::engine::data::Example;
use crate::engine::snapshot::NetworkSnapshot;
use crate::engine::trainer::Grid;
use crate::i18n::{t, tf, Lang};
use crate::view::descent::ChartStyle;
use crate::view::network::boundary::{draw_points, score_rgba, DataPlot, EXTENT};
use crate::view::network::epochs::draw_epoch_losses;
use crate::view::number::fmt;

use super::super::canvas::{context, report, Pixels, Surface};
use super::super::dom::{by_id, set_attr, set_hidden, set_text};

/// Every neuron over the plane's grid (100 × 100, coarser while a big network plays:
/// `grid_side`), computed once a paint for the boundary and the neurons' maps alike,
/// into the view's `grid` (its storage kept from paint to paint).
pub fn plane_grid(lab: &NetworkController, grid: &mut Grid) -> Result<(), JsValue> {
    let bounds = [-EXTENT, EXTENT, -EXTENT, EXTENT];
    lab.trainer()
        .predict_grid_into(lab.grid_side(), bounds, grid)
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// What the points layer shows: the training points, the test points if shown, the
/// plot's backing size.
type PointsKey = (Vec<Example>, Option<Vec<Example>>, (f64, f64));

/// The data card's canvases and what was last built.
pub struct DataView {
    plot: Surface,
    epochs: Surface,
    /// The grid's own canvas, one pixel a point, scaled into the plot square.
    pixels: Pixels,
    /// The points and ticks, drawn again only when they or the plot's size change.
    points: Pixels,
    /// What `points` holds.
    drawn_points: Option<PointsKey>,
    geometry: DataPlot,
    /// The hidden sizes and activations the shape's controls were built for.
    shape: Option<(Vec<usize>, Vec<Activation>)>,
}

impl DataView {
    /// The card's canvases (`#data-canvas`, `#epoch-canvas`).
    pub fn new() -> Result<DataView, JsValue> {
        Ok(DataView {
            plot: Surface::new("data-canvas")?,
            epochs: Surface::new("epoch-canvas")?,
            pixels: Pixels::new()?,
            points: Pixels::new()?,
            drawn_points: None,
            geometry: DataPlot::fit(1.0, 1.0, 1.0),
            shape: None,
        })
    }

    /// Resizes the backing stores; returns whether anything changed.
    pub fn fit(&mut self) -> bool {
        let resized = self.plot.fit() | self.epochs.fit();
        if resized {
            let (w, h) = self.plot.size();
            self.geometry = DataPlot::fit(w, h, self.plot.scale);
        }
        resized
    }

    /// The plane's point under (x, y) CSS px on the plot, if inside it.
    pub fn point_at(&self, x: f64, y: f64) -> Option<[f64; 2]> {
        let (bx, by) = self.plot.to_backing(x, y);
        self.geometry.to_data(bx, by)
    }

    /// How far (plane units) a tap reaches when removing a point: 8 CSS px.
    pub fn reach(&self) -> f64 {
        8.0 * self.plot.scale * self.geometry.units_per_px()
    }

    /// Paints the card for the App's data-set run (or hides it for the tutorial's
    /// sample); `grid` is the paint's [`plane_grid`] (None in the tutorial).
    pub fn paint(
        &mut self,
        app: &App,
        snap: &NetworkSnapshot,
        grid: Option<&Grid>,
    ) -> Result<(), JsValue> {
        let lab = app.network();
        let mode = if lab.data_mode() { "data" } else { "tutorial" };
        let mut moved = set_attr("data-section", "data-mode", mode);
        for group in HIDEABLE {
            let hidden = lab.params().hide.iter().any(|h| h == group);
            moved |= set_hidden(&format!("group-{group}"), hidden);
        }
        let Some(grid) = grid else {
            return Ok(());
        };
        // The card has just been shown or its groups changed (its canvases may have
        // had no size or another one): fit them now, not at the next frame.
        if moved {
            self.fit();
        }
        self.paint_plot(lab, grid)?;
        self.paint_epochs(snap, app.lang());
        set_text("data-status", &status(lab, snap, app.lang()));
        show_hyper_parameters(lab);
        self.update_shape(lab, app.lang())
    }

    /// The output's grid (from the paint's one `predict_grid`) under the points.
    fn paint_plot(&mut self, lab: &NetworkController, grid: &Grid) -> Result<(), JsValue> {
        let trainer = lab.trainer();
        self.pixels.put(&score_rgba(&grid.score), grid.n, grid.n)?;
        let ctx = context(&self.plot.canvas)?;
        let (w, h) = self.plot.size();
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, w, h);
        ctx.set_image_smoothing_enabled(true);
        let g = self.geometry;
        ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
            &self.pixels.canvas,
            g.left,
            g.top,
            g.side,
            g.side,
        )?;
        let (train, test) = trainer.examples();
        let test = lab.show_test().then_some(test);
        let key = (train.to_vec(), test.map(<[Example]>::to_vec), (w, h));
        if self.drawn_points.as_ref() != Some(&key) {
            if let Some(area) = self.points.cleared(w, h) {
                let drawn = draw_points(&area, &self.geometry, train, test, self.plot.scale);
                report(drawn.map_err(|e| e.to_string()));
            }
            self.drawn_points = Some(key);
        }
        ctx.draw_image_with_html_canvas_element(&self.points.canvas, 0.0, 0.0)
    }

    fn paint_epochs(&mut self, snap: &NetworkSnapshot, lang: Lang) {
        if let Some(area) = self.epochs.area() {
            let style = ChartStyle {
                lang,
                scale: self.epochs.scale,
            };
            let tr = &snap.training;
            let drawn = draw_epoch_losses(&area, &tr.train_loss, &tr.test_loss, &style);
            report(drawn.map_err(|e| e.to_string()));
        }
    }

    /// One "− n + [activation]" per hidden layer, rebuilt when the shape or an
    /// activation changes.
    fn update_shape(&mut self, lab: &NetworkController, lang: Lang) -> Result<(), JsValue> {
        let d = &lab.params().data;
        let acts = d.hidden_activations(lab.params().activation);
        let key = (d.hidden.clone(), acts.clone());
        if self.shape.as_ref() == Some(&key) {
            return Ok(());
        }
        let html: String = d
            .hidden
            .iter()
            .zip(&acts)
            .enumerate()
            .map(|(k, (n, &act))| layer_controls(k, *n, act, lang))
            .collect();
        by_id::<web_sys::Element>("shape-layers")?.set_inner_html(&html);
        self.shape = Some(key);
        Ok(())
    }

    /// The +/- labels are in the page's language: build them again.
    pub fn forget_shape(&mut self) {
        self.shape = None;
    }
}

/// Hidden layer k's "− layer k: n +" buttons and its activation's select.
fn layer_controls(k: usize, n: usize, act: Activation, lang: Lang) -> String {
    let label = tf(
        lang,
        "net.shape.layer",
        &[("k", &(k + 1).to_string()), ("n", &n.to_string())],
    );
    let act_label = tf(lang, "net.shape.act", &[("k", &(k + 1).to_string())]);
    let options: String = [
        Activation::Tanh,
        Activation::Sigmoid,
        Activation::Relu,
        Activation::Identity,
    ]
    .iter()
    .map(|&a| {
        let selected = if a == act { " selected" } else { "" };
        let text = t(lang, &format!("net.act.{}", a.name()));
        format!("<option value=\"{}\"{selected}>{text}</option>", a.name())
    })
    .collect();
    format!(
        "<span class=\"layer\"><button type=\"button\" data-layer=\"{k}\" data-delta=\"-1\" aria-label=\"− {label}\">−</button>{label}<button type=\"button\" data-layer=\"{k}\" data-delta=\"1\" aria-label=\"+ {label}\">+</button><select data-layer=\"{k}\" aria-label=\"{act_label}\">{options}</select></span>"
    )
}

/// Only the fields the chosen optimizer and penalty use: momentum's β (in the β₁
/// field), Adam's β₁, β₂, ε, the penalty's λ.
fn show_hyper_parameters(lab: &NetworkController) {
    use crate::engine::optim::{Optimizer, Regularization};
    let d = &lab.params().data;
    let (beta, adam) = match d.optimizer {
        Optimizer::Sgd => (false, false),
        Optimizer::Momentum { .. } => (true, false),
        Optimizer::Adam { .. } => (true, true),
    };
    set_hidden("beta1-field", !beta);
    set_text("beta1-name", if adam { "β₁" } else { "β" });
    set_hidden("beta2-field", !adam);
    set_hidden("epsilon-field", !adam);
    set_hidden("reg-rate-field", d.regularization == Regularization::None);
}

/// "epoch 12 · train loss 0.031 · …" from the snapshot.
fn status(lab: &NetworkController, snap: &NetworkSnapshot, lang: Lang) -> String {
    let tr = &snap.training;
    let last = |v: &[f64]| v.last().map_or_else(|| "—".to_string(), |x| fmt(*x));
    let percent =
        |a: Option<f64>| a.map_or_else(|| "—".to_string(), |a| format!("{:.1} %", 100.0 * a));
    let epoch = tr.epoch.to_string();
    let (train, test) = (last(&tr.train_loss), last(&tr.test_loss));
    if lab.params().data.set.is_regression() {
        return tf(
            lang,
            "net.status.regression",
            &[("epoch", &epoch), ("train", &train), ("test", &test)],
        );
    }
    tf(
        lang,
        "net.status",
        &[
            ("epoch", &epoch),
            ("train", &train),
            ("test", &test),
            ("tracc", &percent(tr.train_accuracy)),
            ("teacc", &percent(tr.test_accuracy)),
        ],
    )
}

/// Writes the run's settings into the card's fields (after a set change, a link, a language).
pub fn refill(lab: &NetworkController) {
    use super::panels::{set_select, set_value};
    use crate::engine::build::Init;
    use crate::engine::data::Feature;
    use crate::engine::optim::{Optimizer, Regularization, Schedule};
    let d = &lab.params().data;
    set_select("data-set", d.set.name());
    set_value("noise", &d.noise.to_string());
    set_value("train-fraction", &d.train_fraction.to_string());
    set_value("count", &d.count.to_string());
    set_value("data-seed", &d.seed.to_string());
    set_value("batch", &d.batch_size.to_string());
    for f in Feature::ALL {
        set_checked(&format!("feat-{}", f.name()), d.features.contains(&f));
    }
    set_select("output-kind", d.output.name());
    match d.init {
        Init::Seeded(seed) => {
            set_value("init-seed", &seed.to_string());
            set_checked("init-zero", false);
        }
        Init::Zero => set_checked("init-zero", true),
    }
    set_select("optimizer", d.optimizer.name());
    match d.optimizer {
        Optimizer::Sgd => {}
        Optimizer::Momentum { beta } => set_value("beta1", &beta.to_string()),
        Optimizer::Adam {
            beta1,
            beta2,
            epsilon,
        } => {
            set_value("beta1", &beta1.to_string());
            set_value("beta2", &beta2.to_string());
            set_value("epsilon", &epsilon.to_string());
        }
    }
    set_select("reg", d.regularization.name());
    if d.regularization != Regularization::None {
        set_value("reg-rate", &d.regularization.rate().to_string());
    }
    let schedule = match d.schedule {
        Schedule::Constant => "constant",
        Schedule::StepDecay { .. } => "step:50,0.5",
        Schedule::InverseTime { .. } => "inverse-time:0.01",
    };
    set_select("schedule", schedule);
}

fn set_checked(id: &str, on: bool) {
    if let Ok(el) = by_id::<web_sys::HtmlInputElement>(id) {
        el.set_checked(on);
    }
}
