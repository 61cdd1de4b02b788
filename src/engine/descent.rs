//! One-dimensional gradient descent on `J(w) = ½(w·x − y)²` for one sample (x, y).
//! The tutorial's sample (1, 0) gives `J(w) = ½w²`, whose valley shows how the
//! learning rate r decides between crawling, converging, bouncing and exploding.
//!
//! Each step maps the error to `w_{k+1} − w* = q·(w_k − w*)` with `q = 1 − r·x²`
//! and `w* = y/x`, so `w_k = w* + q^k·(w₀ − w*)`: see [`regime`].

use super::error::{check_finite, check_learning_rate, is_exploded_value, EngineError};
use super::snapshot::{DescentSnapshot, Regime};

/// `|q|` or `|q + 1|` up to this counts as exactly 0 or −1 in [`regime`].
const REGIME_TOLERANCE: f64 = 1e-12;

/// The descent lab: a sample, a learning rate, a start and the path so far.
#[derive(Clone, Debug)]
pub struct Descent {
    /// The sample's input x (≠ 0).
    x: f64,
    /// The sample's target y.
    y: f64,
    /// Starting point w₀.
    w0: f64,
    /// Learning rate r (> 0).
    learning_rate: f64,
    /// `iterates[0] = w₀`, then one entry per step; never empty.
    iterates: Vec<f64>,
    /// True once the last iterate is non-finite or beyond the explosion limit.
    exploded: bool,
}

impl Descent {
    /// Descent on the tutorial's sample (x, y) = (1, 0), i.e. `J(w) = ½w²`.
    pub fn new(w0: f64, learning_rate: f64) -> Result<Descent, EngineError> {
        Descent::with_sample(1.0, 0.0, w0, learning_rate)
    }

    /// Descent on `J(w) = ½(w·x − y)²`. `x`, `y`, `w0` finite (`|w0| ≤ EXPLOSION_LIMIT`,
    /// else `Exploded`), `x ≠ 0` (else `InvalidShape`: there would be no valley), `r > 0`.
    pub fn with_sample(
        x: f64,
        y: f64,
        w0: f64,
        learning_rate: f64,
    ) -> Result<Descent, EngineError> {
        check_finite("x", &[x])?;
        check_finite("y", &[y])?;
        if x == 0.0 {
            return Err(EngineError::InvalidShape(
                "x = 0 makes J flat: no minimum to descend to".into(),
            ));
        }
        check_start(w0)?;
        check_learning_rate(learning_rate)?;
        Ok(Descent {
            x,
            y,
            w0,
            learning_rate,
            iterates: vec![w0],
            exploded: false,
        })
    }

    /// `J(w) = ½(w·x − y)²`.
    pub fn loss(&self, w: f64) -> f64 {
        0.5 * (w * self.x - self.y).powi(2)
    }

    /// `dJ/dw = x·(w·x − y)`.
    pub fn gradient(&self, w: f64) -> f64 {
        self.x * (w * self.x - self.y)
    }

    /// The current iterate.
    pub fn w(&self) -> f64 {
        self.iterates.last().copied().unwrap_or(self.w0)
    }

    /// True once the last iterate is non-finite or beyond the explosion limit.
    pub fn is_exploded(&self) -> bool {
        self.exploded
    }

    /// `w ← w − r·dJ/dw`. The new iterate is recorded even if it explodes (so the learner
    /// sees it) and returned; `Err(Exploded)` without change if already exploded.
    pub fn step(&mut self) -> Result<f64, EngineError> {
        if self.exploded {
            return Err(EngineError::Exploded);
        }
        let w = self.w();
        let next = w - self.learning_rate * self.gradient(w);
        self.iterates.push(next);
        self.exploded = is_exploded_value(next);
        Ok(next)
    }

    /// `n` steps; returns the last iterate, or `Err(Exploded)` from the first step
    /// attempted after an explosion (the exploding iterate stays recorded).
    pub fn run(&mut self, n: usize) -> Result<f64, EngineError> {
        for _ in 0..n {
            self.step()?;
        }
        Ok(self.w())
    }

    /// Back to the path `[w₀]`.
    pub fn reset(&mut self) {
        self.iterates = vec![self.w0];
        self.exploded = false;
    }

    /// Keeps the path up to (not including) the first iterate that is non-finite or beyond
    /// the explosion limit, and allows stepping again.
    pub fn rewind_to_finite(&mut self) {
        let keep = self
            .iterates
            .iter()
            .position(|&w| is_exploded_value(w))
            .unwrap_or(self.iterates.len());
        self.iterates.truncate(keep.max(1));
        self.exploded = false;
    }

    /// Sets r (finite, > 0) and restarts the path from w₀.
    pub fn set_learning_rate(&mut self, r: f64) -> Result<(), EngineError> {
        self.learning_rate = check_learning_rate(r)?;
        self.reset();
        Ok(())
    }

    /// Sets w₀ (finite, `|w₀| ≤ EXPLOSION_LIMIT`) and restarts the path from it.
    pub fn set_start(&mut self, w0: f64) -> Result<(), EngineError> {
        self.w0 = check_start(w0)?;
        self.reset();
        Ok(())
    }

    /// `q = 1 − r·x²`, the factor each step multiplies the error `w − w*` by.
    pub fn factor(&self) -> f64 {
        1.0 - self.learning_rate * self.x * self.x
    }

    /// Everything the descent view draws.
    pub fn snapshot(&self) -> DescentSnapshot {
        let w = self.w();
        DescentSnapshot {
            x: self.x,
            y: self.y,
            learning_rate: self.learning_rate,
            w0: self.w0,
            iterates: self.iterates.clone(),
            losses: self.iterates.iter().map(|&wk| self.loss(wk)).collect(),
            w,
            loss: self.loss(w),
            gradient: self.gradient(w),
            minimum: self.y / self.x,
            factor: self.factor(),
            regime: regime(self.factor()),
            exploded: self.exploded,
        }
    }
}

/// `Ok(w0)` for a finite start within the explosion limit.
fn check_start(w0: f64) -> Result<f64, EngineError> {
    check_finite("w0", &[w0])?;
    if is_exploded_value(w0) {
        return Err(EngineError::Exploded);
    }
    Ok(w0)
}

/// The regime of the factor `q = 1 − r·x²`: `q > 0.9` Slow, `0 < q ≤ 0.9` Monotone,
/// `q = 0` OneStep, `−1 < q < 0` Oscillating, `q = −1` Bouncing, `q < −1` Diverging
/// (and NaN). Exact comparisons, except that `|q| ≤ 1e-12` counts as 0 and
/// `|q + 1| ≤ 1e-12` as −1, so rounding (r·x² = 1.0000000000000002) still says OneStep.
pub fn regime(factor: f64) -> Regime {
    let q = factor;
    if q.abs() <= REGIME_TOLERANCE {
        Regime::OneStep
    } else if (q + 1.0).abs() <= REGIME_TOLERANCE {
        Regime::Bouncing
    } else if q > 0.9 {
        Regime::Slow
    } else if q > 0.0 {
        Regime::Monotone
    } else if q > -1.0 {
        Regime::Oscillating
    } else {
        Regime::Diverging
    }
}
