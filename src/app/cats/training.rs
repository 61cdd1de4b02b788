//! A training run of the cat recognizer as a state machine: idle → running ⇄
//! paused → done / stopped / diverged. It owns the engine's `Training`, the step
//! budgets of each animation frame (one for preparing the pictures' products, one
//! for iterations), and the latest snapshot (refreshed [`SNAPSHOTS_PER_RUN`] times a
//! run: each costs about one forward pass).

use crate::engine::cats::{CatData, TrainConfig, Training, TrainingSnapshot};
use crate::engine::image::Picture;

use super::run::{RunState, StepBudget};
use crate::app::message::Message;

/// Snapshots (accuracies, predictions) taken per run while it is running, at most.
pub const SNAPSHOTS_PER_RUN: usize = 50;
/// While running, the unit pictures are remade at every this many snapshots.
pub const UNITS_EVERY: usize = 5;

/// The current run (or none).
#[derive(Default)]
pub struct Run {
    training: Option<Training>,
    state: RunState,
    budget: StepBudget,
    /// Pictures prepared per frame before the first iteration.
    prepare_budget: StepBudget,
    /// Whether the last frame prepared (its time goes to `prepare_budget`).
    prepared_last: bool,
    snapshot: Option<TrainingSnapshot>,
    snapped_at: usize,
    /// The first layer's unit pictures and the iteration they show (each costs
    /// n₁·m·12288 products: while running, remade every [`UNITS_EVERY`] snapshots).
    units: Option<(usize, Vec<Vec<u8>>)>,
    snapshots_taken: usize,
    /// Iterations the run asked for.
    planned: usize,
}

impl Run {
    /// A new run; on error (no data, an empty class) the previous one stays.
    pub fn start(&mut self, config: TrainConfig, data: &CatData) -> Result<(), Message> {
        let training = Training::new(config, data).map_err(Message::from)?;
        *self = Run {
            training: Some(training),
            state: RunState::Running,
            planned: config.iterations,
            ..Run::default()
        };
        // The first snapshot waits for the pictures' products (see `frame`).
        Ok(())
    }

    /// Forgets the run (the data changed).
    pub fn clear(&mut self) {
        *self = Run::default();
    }

    /// Runs up to `n` iterations (whatever the state, unless the cost diverged);
    /// returns how many ran. Divergence ends the run with its message.
    pub fn run(&mut self, n: usize) -> Result<usize, Message> {
        let Some(training) = self.training.as_mut() else {
            return Ok(0);
        };
        if self.state == RunState::Diverged {
            return Ok(0);
        }
        let result = training.step(n);
        let done = training.done();
        match result {
            Ok(ran) => {
                if done {
                    self.state = RunState::Done;
                }
                self.refresh_if_due();
                Ok(ran)
            }
            Err(err) => {
                self.state = RunState::Diverged;
                self.take_snapshot();
                Err(Message::from(err))
            }
        }
    }

    /// One animation frame of a running run: the budget's number of pictures
    /// prepared while the products are not all computed, then of iterations.
    /// Returns how many of either ran.
    pub fn frame(&mut self) -> Result<usize, Message> {
        if self.state != RunState::Running {
            return Ok(0);
        }
        self.prepared_last = false;
        if let Some(training) = self.training.as_mut() {
            let (done, total) = training.preparation();
            if done < total {
                self.prepared_last = true;
                let ran = training.prepare(self.prepare_budget.per_frame());
                if done + ran >= total {
                    self.take_snapshot();
                }
                return Ok(ran);
            }
        }
        self.run(self.budget.per_frame())
    }

    /// Tells the budget how long the last frame's work took.
    pub fn record_frame(&mut self, ran: usize, elapsed_ms: f64) {
        if self.prepared_last {
            self.prepare_budget.record(ran, elapsed_ms);
        } else {
            self.budget.record(ran, elapsed_ms);
        }
    }

    /// Pictures prepared and to prepare while a run is getting ready, else `None`.
    pub fn preparation(&self) -> Option<(usize, usize)> {
        let (done, total) = self.training.as_ref()?.preparation();
        (done < total).then_some((done, total))
    }

    /// Running → paused.
    pub fn pause(&mut self) {
        if self.state == RunState::Running {
            self.state = RunState::Paused;
        }
    }

    /// Paused → running.
    pub fn resume(&mut self) {
        if self.state == RunState::Paused {
            self.state = RunState::Running;
        }
    }

    /// Running or paused → stopped, keeping the model as it is.
    pub fn stop(&mut self) {
        if matches!(self.state, RunState::Running | RunState::Paused) {
            self.state = RunState::Stopped;
            self.take_snapshot();
        }
    }

    fn refresh_if_due(&mut self) {
        let Some(training) = self.training.as_ref() else {
            return;
        };
        let every = (self.planned / SNAPSHOTS_PER_RUN).max(1);
        let ended = self.state != RunState::Running;
        if ended || training.iteration() >= self.snapped_at + every {
            self.take_snapshot();
        }
    }

    fn take_snapshot(&mut self) {
        if let Some(training) = self.training.as_ref() {
            self.snapped_at = training.iteration();
            self.snapshot = Some(training.snapshot());
            let due = self.snapshots_taken % UNITS_EVERY == 0 || self.state != RunState::Running;
            if due && self.units.as_ref().map(|u| u.0) != Some(self.snapped_at) {
                self.units = Some((self.snapped_at, training.unit_pictures()));
            }
            self.snapshots_taken += 1;
        }
    }

    /// Where the run is.
    pub fn state(&self) -> RunState {
        self.state
    }

    /// Iterations run so far and asked for (0, 0 without a run).
    pub fn progress(&self) -> (usize, usize) {
        match self.training.as_ref() {
            Some(t) => (t.iteration(), self.planned),
            None => (0, 0),
        }
    }

    /// The latest snapshot.
    pub fn snapshot(&self) -> Option<&TrainingSnapshot> {
        self.snapshot.as_ref()
    }

    /// A snapshot as the run is now.
    pub fn fresh_snapshot(&self) -> Option<TrainingSnapshot> {
        self.training.as_ref().map(Training::snapshot)
    }

    /// The logistic model's weights as 64×64 RGBA.
    pub fn template(&self) -> Option<Vec<u8>> {
        self.training.as_ref().and_then(Training::template)
    }

    /// The first layer's units as the run is now (see [`Training::unit_pictures`]).
    pub fn fresh_units(&self) -> Option<Vec<Vec<u8>>> {
        self.training.as_ref().map(Training::unit_pictures)
    }

    /// The first layer's units as 64×64 RGBA pictures (logistic regression: w) and
    /// the iteration they show, as of the last snapshot that remade them.
    pub fn unit_pictures(&self) -> Option<(usize, &[Vec<u8>])> {
        self.units.as_ref().map(|(i, u)| (*i, &u[..]))
    }

    /// The model's p(cat) for `picture`.
    pub fn p_cat(&self, picture: &Picture) -> Option<f64> {
        self.training.as_ref().map(|t| t.predict(picture))
    }

    /// Iterations the next frame will run.
    pub fn per_frame(&self) -> usize {
        self.budget.per_frame()
    }
}
