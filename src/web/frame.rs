//! The animation-frame loop: one self-rescheduling `requestAnimationFrame`
//! callback, only one request pending. It also measures the time each painted
//! frame spends in update + render, for the page-side benchmark (`frameStats()`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::controls::Listeners;
use super::page::Page;

/// Painted-frame durations kept for the statistics (the newest).
const KEPT_FRAMES: usize = 4000;

thread_local! {
    static FRAME_MS: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
    static FIRST_FRAME_MS: RefCell<Option<f64>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
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

type FrameClosure = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

fn request(holder: &FrameClosure) {
    if let (Some(window), Some(closure)) = (web_sys::window(), holder.borrow().as_ref()) {
        let _ = window.request_animation_frame(closure.as_ref().unchecked_ref());
    }
}

/// Starts the loop; it owns the page and its listeners from now on.
pub fn run(page: Rc<RefCell<Page>>, listeners: Listeners) {
    let holder: FrameClosure = Rc::new(RefCell::new(None));
    let next = holder.clone();
    let mut last: Option<f64> = None;
    *holder.borrow_mut() = Some(Closure::new(move |timestamp: f64| {
        let _keep_alive = &listeners;
        let elapsed = last.map_or(0.0, |l| timestamp - l);
        last = Some(timestamp);
        if let Ok(mut p) = page.try_borrow_mut() {
            let start = now();
            match p.frame(elapsed) {
                Ok(true) => record(now() - start),
                Ok(false) => {}
                Err(e) => web_sys::console::error_1(&e),
            }
        }
        request(&next);
    }));
    request(&holder);
}

/// Page-side benchmark figures: `{frames, medianMs, p99Ms, firstFrameMs}` over the
/// painted frames so far (update + render time per frame; first frame since navigation start).
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
    for (key, value) in [
        ("frames", times.len() as f64),
        ("medianMs", pick(0.5)),
        ("p99Ms", pick(0.99)),
        ("firstFrameMs", first),
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
