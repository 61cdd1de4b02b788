//! The one owner of the page and its one scheduler, in the shape of egui's web
//! runner: handlers change the [`Page`] and call [`Runner::request_frame`]; at
//! most one animation frame is pending; a frame runs the App's clocks, repaints,
//! and asks for the next only while something plays or trains. An idle page
//! requests no frames at all. It also measures the time each painted frame
//! spends in update + paint, for the page-side benchmark (`frameStats()`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::listen::Listener;
use super::page::Page;

/// Painted-frame durations kept for the statistics (the newest).
const KEPT_FRAMES: usize = 4000;

thread_local! {
    static FRAME_MS: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
    static FIRST_FRAME_MS: RefCell<Option<f64>> = const { RefCell::new(None) };
    static REQUESTED: Cell<u64> = const { Cell::new(0) };
    /// The page's runner, kept for the page's lifetime.
    static RUNNER: RefCell<Option<Rc<Runner>>> = const { RefCell::new(None) };
}

/// The page's one clock: milliseconds since the page loaded.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(f64::NAN)
}

fn record(ms: f64) {
    FRAME_MS.with(|f| {
        let mut f = f.borrow_mut();
        if f.len() == KEPT_FRAMES {
            f.remove(0);
        }
        f.push(ms);
    });
    FIRST_FRAME_MS.with(|first| {
        first.borrow_mut().get_or_insert_with(now);
    });
}

/// The animation-frame callback (its argument: the frame's timestamp in ms).
type FrameCallback = Closure<dyn FnMut(f64)>;

/// The page, its listeners and its frame callback.
pub struct Runner {
    page: RefCell<Page>,
    frame: RefCell<Option<FrameCallback>>,
    listeners: RefCell<Vec<Listener>>,
    pending: Cell<bool>,
    /// The timestamp of the previous frame while frames follow one another
    /// (playing, training); `None` after the page went idle.
    last: Cell<Option<f64>>,
}

/// The runner as the listeners and file tasks hold it.
pub type Shared = Rc<Runner>;

impl Runner {
    /// Starts the page: the runner keeps it, `wire` attaches the listeners, and
    /// the first frame paints it.
    pub fn start(
        page: Page,
        wire: impl FnOnce(&Shared) -> Result<Vec<Listener>, JsValue>,
    ) -> Result<(), JsValue> {
        let runner = Rc::new(Runner {
            page: RefCell::new(page),
            frame: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            pending: Cell::new(false),
            last: Cell::new(None),
        });
        let weak = Rc::downgrade(&runner);
        *runner.frame.borrow_mut() = Some(Closure::new(move |timestamp: f64| {
            if let Some(runner) = weak.upgrade() {
                runner.on_frame(timestamp);
            }
        }));
        *runner.listeners.borrow_mut() = wire(&runner)?;
        runner.request_frame();
        RUNNER.with(|r| *r.borrow_mut() = Some(runner));
        Ok(())
    }

    /// Runs `change` on the page (unless it is busy, e.g. in a nested event),
    /// marks it dirty and asks for a frame.
    pub fn update(&self, change: impl FnOnce(&mut Page)) {
        self.handle(|page| {
            change(page);
            page.changed();
        });
    }

    /// Runs an event handler on the page (unless it is busy, e.g. in a nested
    /// event) and asks for a frame; the handler marks the page dirty if it
    /// changed anything ([`Page::apply`] does), so a frame without change paints nothing.
    pub fn handle(&self, handler: impl FnOnce(&mut Page)) {
        if let Ok(mut page) = self.page.try_borrow_mut() {
            handler(&mut page);
        }
        self.request_frame();
    }

    /// Reads the page (for the JS helpers used by tests), if it is not busy.
    pub fn read<T>(&self, look: impl FnOnce(&Page) -> T) -> Option<T> {
        self.page.try_borrow().ok().map(|p| look(&p))
    }

    /// Asks for one animation frame unless one is pending.
    pub fn request_frame(&self) {
        if self.pending.get() {
            return;
        }
        let frame = self.frame.borrow();
        let (Some(window), Some(frame)) = (web_sys::window(), frame.as_ref()) else {
            return;
        };
        if window
            .request_animation_frame(frame.as_ref().unchecked_ref())
            .is_ok()
        {
            self.pending.set(true);
            REQUESTED.with(|r| r.set(r.get() + 1));
        }
    }

    fn on_frame(&self, timestamp: f64) {
        self.pending.set(false);
        let elapsed = self.last.get().map_or(0.0, |last| timestamp - last);
        let again = match self.page.try_borrow_mut() {
            Ok(mut page) => {
                let start = now();
                match page.frame(elapsed) {
                    Ok((painted, again)) => {
                        if painted {
                            record(now() - start);
                        }
                        again
                    }
                    Err(e) => {
                        web_sys::console::error_1(&e);
                        false
                    }
                }
            }
            // Busy (a handler is running): try again next frame.
            Err(_) => true,
        };
        self.last.set(again.then_some(timestamp));
        if again {
            self.request_frame();
        }
    }
}

/// Page-side benchmark figures: `{frames, medianMs, p99Ms, firstFrameMs,
/// requested}` over the painted frames so far (update + paint time per frame;
/// first frame since navigation start; animation frames requested since load).
#[wasm_bindgen(js_name = frameStats)]
pub fn frame_stats() -> js_sys::Object {
    let mut times = FRAME_MS.with(|f| f.borrow().clone());
    times.sort_by(f64::total_cmp);
    let pick = |q: f64| {
        if times.is_empty() {
            f64::NAN
        } else {
            times[((times.len() - 1) as f64 * q).round() as usize]
        }
    };
    let stats = js_sys::Object::new();
    let first = FIRST_FRAME_MS.with(|f| f.borrow().unwrap_or(f64::NAN));
    let requested = REQUESTED.with(|r| r.get()) as f64;
    for (key, value) in [
        ("frames", times.len() as f64),
        ("medianMs", pick(0.5)),
        ("p99Ms", pick(0.99)),
        ("firstFrameMs", first),
        ("requested", requested),
    ] {
        let _ = js_sys::Reflect::set(&stats, &key.into(), &value.into());
    }
    stats
}

/// Forgets the frame times measured so far (the first-frame time is kept).
#[wasm_bindgen(js_name = resetFrameStats)]
pub fn reset_frame_stats() {
    FRAME_MS.with(|f| f.borrow_mut().clear());
}
