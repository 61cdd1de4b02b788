//! Tab ③ on the page (`#view-cats`): its canvases, the preview of the picture
//! in the input layer, what was painted last, and its paint. Its listeners are in
//! [`events`], its file tasks in [`load`] and [`files`], its texts in [`panels`]
//! and [`thumbs`], its JS API in [`api`].

pub mod api;
pub mod events;
mod files;
mod load;
mod paint;
mod panels;
mod thumbs;
mod units;

use wasm_bindgen::prelude::*;

use crate::app::cats::{CatController, Focus, RunState, Source};
use crate::app::App;
use crate::engine::cats::Counts;
use crate::engine::image::Order;
use crate::i18n::Lang;

use super::canvas::Surface;
use files::Preview;

/// The cat lab's canvases.
pub struct CatSurfaces {
    pub(super) original: Surface,
    pub(super) channels: [Surface; 3],
    pub(super) strip: Surface,
    pub(super) cost: Surface,
    pub(super) template: Surface,
    pub(super) legend: Surface,
}

/// What the input layer's canvases show: the picture's version, the focus, the
/// order, ÷255, the language.
type InputKey = (u64, Option<Focus>, Order, bool, Lang);
/// What the results show: the snapshot's iteration, the run's state, the last
/// prediction (file and p(cat)), the language, the unit drawn large.
type ResultsKey = (Option<usize>, RunState, Option<(String, f64)>, Lang, usize);

/// What the thumbnails of the data were built for: its origin, counts, language.
type DataKey = (Source, Counts, Lang);
/// What the misclassified list was built for: the snapshot's iteration and count
/// of mistakes, the run's state, the language.
type WrongKey = (Option<(usize, usize)>, RunState, Lang);

/// What the canvases were last painted for (`None`: paint them).
#[derive(Default)]
struct Painted {
    input: Option<InputKey>,
    results: Option<ResultsKey>,
}

/// Tab ③'s state on the page beside the App.
pub struct CatView {
    surfaces: CatSurfaces,
    /// The original of the picture in the input layer, small, and the input
    /// layer's version it belongs to (another picture shown drops it).
    preview: Option<(u64, Preview)>,
    /// The settings changed from elsewhere (model choice, link): refill the fields.
    pub refill: bool,
    /// Files being read right now.
    reading: usize,
    /// Of those, how many have been read and decoded (the progress of a large drop).
    read: usize,
    /// The first-layer unit drawn large (the one last pointed at).
    pub(super) unit: usize,
    /// What became of the last Copy of the cost table (a `cats.table.*` key).
    pub(super) copied: Option<&'static str>,
    /// What the thumbnails and the misclassified list were last built for.
    built_data: Option<DataKey>,
    built_wrong: Option<WrongKey>,
    /// What was painted last.
    painted: Painted,
}

/// What the tab's paint reads and writes: the controller, the view, the language.
pub struct CatPage<'a> {
    /// The controller.
    pub cats: &'a CatController,
    /// The page's side.
    pub view: &'a mut CatView,
    /// The page's language.
    pub lang: Lang,
}

impl CatView {
    /// The tab's canvases.
    pub fn new() -> Result<CatView, JsValue> {
        let surfaces = CatSurfaces {
            original: Surface::new("cats-original")?,
            channels: [
                Surface::new("cats-channel-0")?,
                Surface::new("cats-channel-1")?,
                Surface::new("cats-channel-2")?,
            ],
            strip: Surface::new("cats-strip")?,
            cost: Surface::new("cats-cost")?,
            template: Surface::new("cats-template")?,
            legend: Surface::new("cats-legend")?,
        };
        Ok(CatView {
            surfaces,
            preview: None,
            refill: true,
            reading: 0,
            read: 0,
            unit: 0,
            copied: None,
            built_data: None,
            built_wrong: None,
            painted: Painted::default(),
        })
    }

    /// The language changed: everything is painted again.
    pub fn forget_painted(&mut self) {
        self.painted = Painted::default();
        self.built_data = None;
        self.built_wrong = None;
    }

    /// The results are painted again at the next frame (the Copy note changed).
    pub fn forget_results(&mut self) {
        self.painted.results = None;
    }

    /// The preview of the picture the input layer shows now, if the file gave one.
    fn preview_for(&self, cats: &CatController) -> Option<&Preview> {
        let version = cats.input().version();
        self.preview
            .as_ref()
            .filter(|(v, _)| *v == version)
            .map(|(_, p)| p)
    }

    /// Resizes the backing stores; returns whether any changed.
    pub fn fit(&mut self) -> bool {
        let s = &mut self.surfaces;
        let mut resized = s.original.fit() | s.strip.fit() | s.cost.fit();
        resized |= s.template.fit() | s.legend.fit();
        for c in s.channels.iter_mut() {
            resized |= c.fit();
        }
        if resized {
            self.painted = Painted::default();
        }
        resized
    }

    /// Texts first: they show or hide canvases, which are then sized and painted.
    /// The input layer and the results are repainted only when they changed (a run
    /// changes its results a few dozen times, not every frame).
    pub fn paint(&mut self, app: &App) -> Result<(), JsValue> {
        let (cats, lang) = (app.cats(), app.lang());
        let input = cats.input();
        let input_key = (
            input.version(),
            input.focus(),
            input.order(),
            input.scaled(),
            lang,
        );
        let snap = cats.snapshot().map(|s| s.iteration);
        let asked = cats.prediction().map(|p| (p.name.clone(), p.p_cat));
        let results_key = (snap, cats.state(), asked, lang, self.unit);
        let new_input = self.painted.input.as_ref() != Some(&input_key);
        let new_results = self.painted.results.as_ref() != Some(&results_key);
        let mut page = CatPage {
            cats,
            view: self,
            lang,
        };
        panels::update(&mut page, new_input, new_results)?;
        // The texts show or hide canvases, which are then sized and painted.
        let resized = page.view.fit();
        if new_input || resized {
            paint::paint_input(&page)?;
        }
        if new_results || resized {
            paint::paint_results(&page)?;
        }
        self.painted = Painted {
            input: Some(input_key),
            results: Some(results_key),
        };
        Ok(())
    }
}
