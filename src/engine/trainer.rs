//! The stepwise trainer: an explicit phase machine over one MLP and a data set.
//!
//! One training step on a mini-batch is the cycle
//! `Forward{1} → … → Forward{L} → Loss → Backward{L} → … → Backward{1} → Update`;
//! [`Trainer::step`] computes exactly one phase for every example of the batch so
//! the page can show each number as it appears. Batches are runs of `batch_size`
//! consecutive training examples, in order; the last batch of an epoch holds what is
//! left (it may be shorter), so every epoch starts at example 0. The batch moves on
//! when the next step starts (`Forward{1}` after an Update), so the snapshot right
//! after an Update still shows the batch that step used. The tutorial's trainers are
//! the special case of one sample and batches of one.
//!
//! The phase machine is in `trainer/phases.rs`, the data-set settings in
//! `trainer/settings.rs`, the fast path in `trainer/fast.rs`, the gradient check in
//! `trainer/check.rs`; this file holds the state and the snapshot.

use super::batch::{BatchPass, OptState, Sample};
use super::data::{Example, FeatureSet};
use super::error::{check_learning_rate, is_exploded_value, EngineError};
use super::mlp::{Mlp, Preset};
use super::optim::{Optimizer, Regularization, Schedule};
use super::snapshot::{NetworkSnapshot, Phase, TrainingSnapshot};

mod check;
mod fast;
mod network;
mod phases;
mod settings;

pub use check::{GradCheck, GradScope, ParamRef};
pub use fast::{EpochReport, Grid};

/// The preset trainers' learning rate r.
pub const DEFAULT_LEARNING_RATE: f64 = 0.5;

/// How a data-set run trains.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainSettings {
    /// r₀ (> 0), before the schedule.
    pub learning_rate: f64,
    /// Examples per mini-batch (≥ 1; larger than the set means the whole set).
    pub batch_size: usize,
    pub optimizer: Optimizer,
    pub regularization: Regularization,
    pub schedule: Schedule,
}

impl Default for TrainSettings {
    /// The Playground's default: r = 0.03, batches of 10, SGD, no penalty, constant rate.
    fn default() -> TrainSettings {
        TrainSettings {
            learning_rate: 0.03,
            batch_size: 10,
            optimizer: Optimizer::Sgd,
            regularization: Regularization::None,
            schedule: Schedule::Constant,
        }
    }
}

/// The data-set side of a trainer: the points and the features the network reads.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Examples {
    pub features: FeatureSet,
    pub train: Vec<Example>,
    pub test: Vec<Example>,
}

/// A network, its data set and the progress of the current training step.
#[derive(Clone, Debug)]
pub struct Trainer {
    /// The network as it is now.
    mlp: Mlp,
    /// The network as it was built, for [`Trainer::reset`].
    initial: Mlp,
    /// Training samples `(x, y)`; never empty, lengths checked against `mlp`.
    data: Vec<Sample>,
    /// Test samples (measured only).
    test: Vec<Sample>,
    /// The points behind `data` and `test`, for data-set runs.
    examples: Option<Examples>,
    /// Index into `data` of the current batch's first sample.
    sample: usize,
    /// Offset within the batch of the example the snapshot shows.
    chosen: usize,
    /// r₀ (> 0).
    learning_rate: f64,
    batch_size: usize,
    optimizer: Optimizer,
    regularization: Regularization,
    schedule: Schedule,
    /// The optimizer's memory.
    opt: OptState,
    /// The phase just completed.
    phase: Phase,
    /// Completed steps (Updates).
    step: usize,
    /// Completed epochs.
    epoch: usize,
    /// The current step's intermediate values.
    pass: BatchPass,
    /// Loss of each completed step, oldest first.
    loss_history: Vec<f64>,
    /// Mean training / test loss after each epoch (index 0: before training).
    train_losses: Vec<f64>,
    test_losses: Vec<f64>,
    /// Training and test accuracy when the losses were last measured (classification only).
    accuracy: [Option<f64>; 2],
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
        let settings = TrainSettings {
            learning_rate,
            batch_size: 1,
            ..TrainSettings::default()
        };
        Ok(Trainer::build(
            mlp,
            (vec![(x, y)], Vec::new()),
            None,
            settings,
        ))
    }

    /// The preset's network on its default sample, with `r = 0.5`.
    pub fn from_preset(p: Preset) -> Trainer {
        let (x, y) = p.default_sample();
        let settings = TrainSettings {
            learning_rate: DEFAULT_LEARNING_RATE,
            batch_size: 1,
            ..TrainSettings::default()
        };
        Trainer::build(Mlp::preset(p), (vec![(x, y)], Vec::new()), None, settings)
    }

    /// Assembles a trainer from values already known to be valid: the encoded
    /// training and test samples and, for a data-set run, its points (their labels
    /// decide whether the first measure counts accuracies).
    fn build(
        mlp: Mlp,
        (data, test): (Vec<Sample>, Vec<Sample>),
        examples: Option<Examples>,
        s: TrainSettings,
    ) -> Trainer {
        let mut t = Trainer {
            initial: mlp.clone(),
            opt: OptState::zero(&mlp),
            mlp,
            data,
            test,
            examples,
            sample: 0,
            chosen: 0,
            learning_rate: s.learning_rate,
            batch_size: s.batch_size.max(1),
            optimizer: s.optimizer,
            regularization: s.regularization,
            schedule: s.schedule,
            phase: Phase::Ready,
            step: 0,
            epoch: 0,
            pass: BatchPass::default(),
            loss_history: Vec::new(),
            train_losses: Vec::new(),
            test_losses: Vec::new(),
            accuracy: [None, None],
        };
        t.record_epoch_losses();
        t
    }

    /// Back to the start: the initial weights, phase Ready, step and epoch 0, no history,
    /// the optimizer's memory cleared. Keeps the data set and the settings.
    pub fn reset(&mut self) {
        self.mlp = self.initial.clone();
        self.restart_training();
    }

    /// Step 0, epoch 0, first batch, optimizer memory and histories cleared (weights kept).
    fn restart_training(&mut self) {
        self.opt = OptState::zero(&self.mlp);
        self.sample = 0;
        self.step = 0;
        self.epoch = 0;
        self.loss_history.clear();
        self.train_losses.clear();
        self.test_losses.clear();
        self.record_epoch_losses();
        self.restart_step();
    }

    /// Drops what the current step computed and goes back to Ready (weights kept).
    fn restart_step(&mut self) {
        self.pass = BatchPass::default();
        self.phase = Phase::Ready;
    }

    /// Appends the mean training and test losses of the network as it is now, and keeps
    /// its accuracies.
    fn record_epoch_losses(&mut self) {
        let mut packed = super::packed::Packed::new(&self.mlp);
        let m = self.measure(&mut packed);
        self.push_measure(m);
    }

    /// Replaces the current sample's input x (length `sizes[0]`, finite) and restarts
    /// the current step at Ready; the weights are kept.
    pub fn set_input(&mut self, x: Vec<f64>) -> Result<(), EngineError> {
        self.mlp.check_input(&x)?;
        let i = self.sample_index();
        self.data[i].0 = x;
        self.restart_step();
        Ok(())
    }

    /// Replaces the current sample's target y (length `sizes[L]`, finite) and restarts
    /// the current step at Ready; the weights are kept.
    pub fn set_target(&mut self, y: Vec<f64>) -> Result<(), EngineError> {
        self.mlp.check_target(&y)?;
        let i = self.sample_index();
        self.data[i].1 = y;
        self.restart_step();
        Ok(())
    }

    /// Replaces the data set (non-empty; every x and y checked) and restarts the current
    /// step at Ready on the first sample; weights, step count and history are kept.
    pub fn set_data(&mut self, samples: Vec<Sample>) -> Result<(), EngineError> {
        if samples.is_empty() {
            return Err(EngineError::InvalidShape("the data set is empty".into()));
        }
        for (x, y) in &samples {
            self.mlp.check_input(x)?;
            self.mlp.check_target(y)?;
        }
        self.data = samples;
        self.examples = None;
        self.sample = 0;
        self.chosen = 0;
        self.restart_step();
        Ok(())
    }

    /// Sets the learning rate r₀ (finite, > 0) used by the next Update; the phase is kept.
    pub fn set_learning_rate(&mut self, r: f64) -> Result<(), EngineError> {
        self.learning_rate = check_learning_rate(r)?;
        Ok(())
    }

    /// The learning rate r₀ (before the schedule).
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    /// The learning rate of the current epoch: the schedule applied to r₀.
    pub fn rate_now(&self) -> f64 {
        self.schedule.rate(self.learning_rate, self.epoch)
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

    /// The training samples `(x, y)` (features, encoded targets) in training order.
    pub fn data(&self) -> &[Sample] {
        &self.data
    }

    /// Index into [`Trainer::data`] of the example the snapshot shows (the current
    /// batch's chosen example).
    pub fn sample_index(&self) -> usize {
        self.sample + self.chosen.min(self.batch_len() - 1)
    }

    /// The current batch's length: `data[sample .. sample + len]` (the last batch
    /// of an epoch may be shorter than the batch size).
    pub fn batch_len(&self) -> usize {
        self.batch_size.min(self.data.len() - self.sample).max(1)
    }

    /// Completed epochs.
    pub fn epoch(&self) -> usize {
        self.epoch
    }

    /// Everything the page shows, after the last phase.
    pub fn snapshot(&self) -> NetworkSnapshot {
        let i = self.sample_index();
        let chosen = i - self.sample;
        let (x, y) = &self.data[i];
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
                .map(|l0| {
                    let mut layer = self.pass.layer_snapshot(&self.mlp, l0, chosen);
                    layer.moments = self.opt.layer_moments(self.optimizer, l0);
                    layer.old_moments = self
                        .pass
                        .before_update()
                        .and_then(|(old, _)| old.layer_moments(self.optimizer, l0));
                    layer
                })
                .collect(),
            loss: self.pass.loss(),
            example_loss: self.pass.item_loss(chosen),
            loss_history: self.loss_history.clone(),
            training: self.training_snapshot(i),
        }
    }

    fn training_snapshot(&self, chosen: usize) -> TrainingSnapshot {
        TrainingSnapshot {
            batch: (self.sample..self.sample + self.batch_len()).collect(),
            chosen,
            batch_size: self.batch_size,
            epoch: self.epoch,
            rate_now: self.rate_now(),
            optimizer: self.optimizer,
            regularization: self.regularization,
            schedule: self.schedule,
            t: self.opt.t,
            update_rate: self.pass.before_update().map(|(_, rule)| rule.rate),
            train_loss: self.train_losses.clone(),
            test_loss: self.test_losses.clone(),
            train_accuracy: self.accuracy[0],
            test_accuracy: self.accuracy[1],
        }
    }
}
