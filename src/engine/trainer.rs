//! The stepwise trainer: an explicit phase machine over one MLP and a data set.
//!
//! One training step on sample `(x, y)` is the cycle
//! `Forward{1} → … → Forward{L} → Loss → Backward{L} → … → Backward{1} → Update`;
//! [`Trainer::step`] computes exactly one phase so the page can show each number
//! as it appears. Steps take the samples of the data set in order, cyclically;
//! the sample moves on when the next step starts (`Forward{1}` after an Update), so
//! the snapshot right after an Update still shows the sample that step used.
//! The phase machine is in `trainer/phases.rs`, the maths of each phase in
//! [`super::pass`]; this file holds the state, the settings and the snapshot.

use super::error::{check_learning_rate, is_exploded_value, EngineError};
use super::mlp::{Mlp, Preset};
use super::pass::Pass;
use super::snapshot::{NetworkSnapshot, Phase};

mod phases;

/// The preset trainers' learning rate r.
pub const DEFAULT_LEARNING_RATE: f64 = 0.5;

/// A network, its data set and the progress of the current training step.
#[derive(Clone, Debug)]
pub struct Trainer {
    /// The network as it is now.
    mlp: Mlp,
    /// The network as it was built, for [`Trainer::reset`].
    initial: Mlp,
    /// Samples `(x, y)`; never empty, lengths checked against `mlp`.
    data: Vec<(Vec<f64>, Vec<f64>)>,
    /// Index into `data` of the current step's sample.
    sample: usize,
    /// Learning rate r (> 0).
    learning_rate: f64,
    /// The phase just completed.
    phase: Phase,
    /// Completed steps (Updates).
    step: usize,
    /// The current step's intermediate values.
    pass: Pass,
    /// Loss of each completed step, oldest first.
    loss_history: Vec<f64>,
}

impl Trainer {
    /// A trainer on one sample `(x, y)` with learning rate `r`, after checking the network's
    /// shapes and finiteness, `x` (length `sizes[0]`), `y` (length `sizes[L]`) and `r > 0`.
    pub fn new(
        mlp: Mlp,
        x: Vec<f64>,
        y: Vec<f64>,
        learning_rate: f64,
    ) -> Result<Trainer, EngineError> {
        mlp.validate()?;
        mlp.check_input(&x)?;
        mlp.check_target(&y)?;
        check_learning_rate(learning_rate)?;
        Ok(Trainer::build(mlp, vec![(x, y)], learning_rate))
    }

    /// The preset's network on its default sample, with `r = 0.5`.
    pub fn from_preset(p: Preset) -> Trainer {
        let (x, y) = p.default_sample();
        Trainer::build(Mlp::preset(p), vec![(x, y)], DEFAULT_LEARNING_RATE)
    }

    /// Assembles a trainer from values already known to be valid.
    fn build(mlp: Mlp, data: Vec<(Vec<f64>, Vec<f64>)>, learning_rate: f64) -> Trainer {
        Trainer {
            initial: mlp.clone(),
            mlp,
            data,
            sample: 0,
            learning_rate,
            phase: Phase::Ready,
            step: 0,
            pass: Pass::default(),
            loss_history: Vec::new(),
        }
    }

    /// Back to the start: the initial weights, phase Ready, step 0, no loss history.
    /// Keeps the data set (from its first sample) and the learning rate.
    pub fn reset(&mut self) {
        self.mlp = self.initial.clone();
        self.sample = 0;
        self.step = 0;
        self.loss_history.clear();
        self.restart_step();
    }

    /// Drops what the current step computed and goes back to Ready (weights kept).
    fn restart_step(&mut self) {
        self.pass = Pass::default();
        self.phase = Phase::Ready;
    }

    /// Replaces the current sample's input x (length `sizes[0]`, finite) and restarts
    /// the current step at Ready; the weights are kept.
    pub fn set_input(&mut self, x: Vec<f64>) -> Result<(), EngineError> {
        self.mlp.check_input(&x)?;
        self.data[self.sample].0 = x;
        self.restart_step();
        Ok(())
    }

    /// Replaces the current sample's target y (length `sizes[L]`, finite) and restarts
    /// the current step at Ready; the weights are kept.
    pub fn set_target(&mut self, y: Vec<f64>) -> Result<(), EngineError> {
        self.mlp.check_target(&y)?;
        self.data[self.sample].1 = y;
        self.restart_step();
        Ok(())
    }

    /// Replaces the data set (non-empty; every x and y checked) and restarts the current
    /// step at Ready on the first sample; weights, step count and history are kept.
    pub fn set_data(&mut self, samples: Vec<(Vec<f64>, Vec<f64>)>) -> Result<(), EngineError> {
        if samples.is_empty() {
            return Err(EngineError::InvalidShape("the data set is empty".into()));
        }
        for (x, y) in &samples {
            self.mlp.check_input(x)?;
            self.mlp.check_target(y)?;
        }
        self.data = samples;
        self.sample = 0;
        self.restart_step();
        Ok(())
    }

    /// Sets the learning rate r (finite, > 0) used by the next Update; the phase is kept.
    pub fn set_learning_rate(&mut self, r: f64) -> Result<(), EngineError> {
        self.learning_rate = check_learning_rate(r)?;
        Ok(())
    }

    /// The learning rate r.
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    /// The phase just completed (`Ready` if none of the current step).
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// True if any weight, bias, `u`, `a` or the loss is non-finite or has
    /// `|v| > EXPLOSION_LIMIT`; stepping is then refused until a reset or an edit.
    pub fn is_exploded(&self) -> bool {
        let mut params = self.mlp.layers.iter().flat_map(|l| l.parameters());
        params.any(is_exploded_value) || self.pass.is_exploded()
    }

    /// The network as it is now.
    pub fn mlp(&self) -> &Mlp {
        &self.mlp
    }

    /// The data set, samples `(x, y)` in training order.
    pub fn data(&self) -> &[(Vec<f64>, Vec<f64>)] {
        &self.data
    }

    /// Index into [`Trainer::data`] of the current step's sample.
    pub fn sample_index(&self) -> usize {
        self.sample
    }

    /// Everything the page shows, after the last phase.
    pub fn snapshot(&self) -> NetworkSnapshot {
        let (x, y) = &self.data[self.sample];
        NetworkSnapshot {
            sizes: self.mlp.sizes(),
            phase: self.phase,
            next_phase: self.next_phase(),
            step: self.step,
            learning_rate: self.learning_rate,
            loss_kind: self.mlp.loss,
            input: x.clone(),
            target: y.clone(),
            layers: (0..self.mlp.layers.len())
                .map(|l0| self.pass.layer_snapshot(&self.mlp, l0))
                .collect(),
            loss: self.pass.loss(),
            loss_history: self.loss_history.clone(),
        }
    }
}
