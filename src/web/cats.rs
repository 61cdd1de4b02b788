//! The cat lab's page (`#view-cats`): its own state beside the network lab's,
//! its listeners (kept for the page's lifetime, never `forget()`-ed) and its own
//! animation-frame loop, which runs only while something needs painting or a
//! training run is running. It repaints when the tab or the language changes
//! ([`tabs::CHANGED`](super::tabs::CHANGED)).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Event;

use crate::app::cats::{CatCommand, Cats, Origin, RunState, Set};
use crate::app::Tab;
use crate::engine::cats::{demo_set, CatData};
use crate::i18n::Lang;

use super::canvas::Surface;
use super::cats_files::Preview;

/// Seed of the drawn demo set (data and sample pictures).
pub const DEMO_SEED: u64 = 1;

/// The cat lab's canvases.
pub struct CatSurfaces {
    pub(super) original: Surface,
    pub(super) channels: [Surface; 3],
    pub(super) strip: Surface,
    pub(super) cost: Surface,
    pub(super) template: Surface,
    pub(super) legend: Surface,
}

/// What the canvases show: keys of the input layer and of the run's results.
#[derive(Default)]
pub(super) struct Painted {
    input: String,
    results: String,
}

/// The cat lab's page state.
pub struct CatPage {
    /// The controller.
    pub cats: Cats,
    pub(super) surfaces: CatSurfaces,
    /// The original of the picture in the input layer, small.
    pub(super) preview: Option<Preview>,
    /// Something changed since the last paint.
    pub dirty: bool,
    /// The settings changed from elsewhere (model choice): refill the fields.
    pub(super) refill: bool,
    /// Files being read right now.
    pub(super) reading: usize,
    /// What the thumbnails and the misclassified list were last built for.
    pub(super) built_data: String,
    pub(super) built_wrong: String,
    /// The language of the last paint.
    pub(super) lang: Lang,
    /// What was painted last.
    painted: Painted,
    /// The drawn set that gives the sample pictures (made on first use).
    samples: Option<CatData>,
    next_sample: usize,
}

impl CatPage {
    fn new() -> Result<CatPage, JsValue> {
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
        Ok(CatPage {
            cats: Cats::new(),
            surfaces,
            preview: None,
            dirty: true,
            refill: true,
            reading: 0,
            built_data: String::new(),
            built_wrong: String::new(),
            lang: Lang::En,
            painted: Painted::default(),
            samples: None,
            next_sample: 0,
        })
    }

    /// Carries out a command and marks the page for repaint.
    pub fn apply(&mut self, cmd: CatCommand) {
        self.refill |= matches!(cmd, CatCommand::SetModel(_));
        self.cats.apply(cmd);
        self.dirty = true;
    }

    /// Shows the next of the drawn samples (cats and other things alternate in the set).
    pub fn next_sample(&mut self) {
        let samples = self.samples.get_or_insert_with(|| demo_set(DEMO_SEED));
        let count = samples.train.len();
        let Some(sample) = samples.train.get(self.next_sample % count.max(1)) else {
            return;
        };
        self.cats
            .show_picture(sample.picture.clone(), Origin::native(&sample.name));
        self.preview = None;
        self.next_sample += 1;
        self.dirty = true;
    }

    /// Shows picture `index` of `set` in the input layer.
    pub fn inspect(&mut self, set: Set, index: usize) {
        self.apply(CatCommand::Inspect(set, index));
        self.preview = None;
    }

    /// One animation frame; returns whether another is needed (a run is running).
    fn frame(&mut self) -> bool {
        if !super::tabs::shown(Tab::Cats) {
            return false;
        }
        if self.cats.input().picture().is_none() {
            self.next_sample();
        }
        if self.cats.state() == RunState::Running {
            let start = now();
            let ran = self.cats.frame();
            self.cats.record_frame(ran, now() - start);
            self.dirty = true;
        }
        if self.fit_surfaces() {
            self.painted = Painted::default();
            self.dirty = true;
        }
        if self.dirty {
            self.dirty = false;
            if let Err(e) = self.paint() {
                web_sys::console::error_1(&e);
            }
        }
        self.cats.state() == RunState::Running
    }

    fn fit_surfaces(&mut self) -> bool {
        let s = &mut self.surfaces;
        let mut resized = s.original.fit() | s.strip.fit() | s.cost.fit();
        resized |= s.template.fit() | s.legend.fit();
        for c in s.channels.iter_mut() {
            resized |= c.fit();
        }
        resized
    }

    /// Texts first: they show or hide canvases, which are then sized and painted.
    /// The input layer and the results are repainted only when they changed (a run
    /// changes its results a few dozen times, not every frame).
    fn paint(&mut self) -> Result<(), JsValue> {
        self.lang = super::tabs::page_lang();
        let input = self.cats.input();
        let input_key = format!(
            "{} {:?} {:?} {} {:?}",
            input.version(),
            input.focus(),
            input.order(),
            input.scaled(),
            self.lang
        );
        let snap = self.cats.snapshot().map(|s| s.iteration);
        let asked = self.cats.prediction().map(|p| (&p.name, p.p_cat));
        let results_key = format!("{snap:?} {:?} {asked:?} {:?}", self.cats.state(), self.lang);
        let new_input = input_key != self.painted.input;
        let new_results = results_key != self.painted.results;
        super::cats_panels::update(self, new_input, new_results)?;
        if self.fit_surfaces() {
            self.painted = Painted::default();
        }
        if new_input || self.painted.input.is_empty() {
            super::cats_paint::paint_input(self)?;
        }
        if new_results || self.painted.results.is_empty() {
            super::cats_paint::paint_results(self)?;
        }
        self.painted = Painted {
            input: input_key,
            results: results_key,
        };
        Ok(())
    }

    /// The tab or the language changed: a hidden lab pauses its run; a shown one repaints.
    fn changed(&mut self) {
        if super::tabs::shown(Tab::Cats) {
            self.dirty = true;
        } else {
            self.cats.pause_unseen();
            // The hidden view is not repainted; its state attribute still tells the truth.
            super::dom::set_attr("view-cats", "data-state", self.cats.state().name());
        }
    }
}

/// Milliseconds since the page loaded.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The page state shared by the listeners, the loop and the file tasks.
pub type Shared = Rc<RefCell<CatPage>>;

/// What lives as long as the page: the state, the listeners and the frame callback.
struct Wired {
    _page: Shared,
    _listeners: Vec<Closure<dyn FnMut(Event)>>,
    frame: Closure<dyn FnMut(f64)>,
    pending: Rc<Cell<bool>>,
}

thread_local! {
    static WIRED: RefCell<Option<Wired>> = const { RefCell::new(None) };
}

/// Asks for one animation frame unless one is pending.
pub fn schedule() {
    WIRED.with(|w| {
        let Ok(wired) = w.try_borrow() else {
            return;
        };
        let Some(wired) = wired.as_ref() else {
            return;
        };
        if wired.pending.get() {
            return;
        }
        if let Some(window) = web_sys::window() {
            if window
                .request_animation_frame(wired.frame.as_ref().unchecked_ref())
                .is_ok()
            {
                wired.pending.set(true);
            }
        }
    });
}

/// Starts the cat lab on the page: state, listeners, first paint when shown.
pub fn wire() -> Result<(), JsValue> {
    let page: Shared = Rc::new(RefCell::new(CatPage::new()?));
    let listeners = super::cats_events::wire(&page)?;
    let pending = Rc::new(Cell::new(false));
    let (frame_page, frame_pending) = (page.clone(), pending.clone());
    let frame = Closure::<dyn FnMut(f64)>::new(move |_: f64| {
        frame_pending.set(false);
        let again = match frame_page.try_borrow_mut() {
            Ok(mut p) => p.frame(),
            Err(_) => true,
        };
        if again {
            schedule();
        }
    });
    WIRED.with(|w| {
        *w.borrow_mut() = Some(Wired {
            _page: page,
            _listeners: listeners,
            frame,
            pending,
        });
    });
    schedule();
    Ok(())
}

/// Runs `change` on the page (if it is free), marks it dirty and asks for a frame.
pub fn update(page: &Shared, change: impl FnOnce(&mut CatPage)) {
    if let Ok(mut p) = page.try_borrow_mut() {
        change(&mut p);
        p.dirty = true;
    }
    schedule();
}

/// The handler of [`tabs::CHANGED`](super::tabs::CHANGED).
pub fn on_changed(page: &mut CatPage) {
    page.changed();
}
