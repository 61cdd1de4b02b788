//! The page's one clock: milliseconds from a monotonic source. The web layer
//! gives the browser's `performance.now()`; native tests give their own. The
//! App uses it to measure how long a frame's training took.

/// A monotonic clock in milliseconds; `NaN` when there is none.
pub type Clock = fn() -> f64;

/// No clock: frames are not measured, so the training budget stays where it is.
pub fn no_clock() -> f64 {
    f64::NAN
}
