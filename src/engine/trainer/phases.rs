//! The phase machine of [`Trainer`]: which phase comes next, computing one phase,
//! and the commands that run several (a batch, an epoch, forward/backward/update).
//!
//! One step on a mini-batch is the cycle
//! `Forward{1} → … → Forward{L} → Loss → Backward{L} → … → Backward{1} → Update`.

use super::Trainer;
use crate::engine::batch::{BatchPass, Sample};
use crate::engine::error::EngineError;
use crate::engine::optim::UpdateRule;
use crate::engine::snapshot::Phase;

impl Trainer {
    /// Computes exactly one phase (the one [`Trainer::next_phase`] names) and returns it.
    /// `Err(Exploded)` without any change if [`Trainer::is_exploded`].
    pub fn step(&mut self) -> Result<Phase, EngineError> {
        if self.is_exploded() {
            return Err(EngineError::Exploded);
        }
        let next = self.next_phase();
        self.pass.clear_old();
        if self.phase == Phase::Update {
            // A new step starts: the previous step's numbers go, the next batch comes.
            self.sample = (self.sample + self.batch_len()) % self.data.len();
        }
        if next == (Phase::Forward { layer: 1 }) {
            self.pass = BatchPass::new(self.batch_len());
        }
        let end = self.sample + self.batch_len();
        let batch: Vec<&Sample> = self.data[self.sample..end].iter().collect();
        match next {
            Phase::Ready => {}
            Phase::Forward { .. } => self.pass.forward_layer(&self.mlp, &batch),
            Phase::Loss => self.pass.compute_loss(&self.mlp, &batch),
            Phase::Backward { .. } => self.pass.backward_layer(&self.mlp, &batch),
            Phase::Update => self.finish_step(),
        }
        self.phase = next;
        Ok(next)
    }

    /// The rule of the next Update: optimizer, penalty, the scheduled rate, the batch size.
    pub(super) fn update_rule(&self, n: usize) -> UpdateRule {
        UpdateRule {
            optimizer: self.optimizer,
            regularization: self.regularization,
            rate: self.rate_now(),
            n,
            t: self.opt.t,
        }
    }

    /// The Update phase: every parameter moves by the optimizer's rule; the step's loss is
    /// recorded; after the last batch of the training set the epoch is counted and the
    /// training and test losses are measured.
    fn finish_step(&mut self) {
        let rule = self.update_rule(self.batch_len());
        self.pass.update(&mut self.mlp, rule, &mut self.opt);
        self.step += 1;
        self.loss_history.extend(self.pass.loss());
        if self.sample + self.batch_len() == self.data.len() {
            self.epoch += 1;
            self.record_epoch_losses();
        }
    }

    /// The phase the next [`Trainer::step`] computes: `Forward{1}` after Ready or Update,
    /// then on through the cycle.
    pub fn next_phase(&self) -> Phase {
        let layers = self.mlp.layers.len();
        match self.phase {
            Phase::Ready | Phase::Update => Phase::Forward { layer: 1 },
            Phase::Forward { layer } if layer < layers => Phase::Forward { layer: layer + 1 },
            Phase::Forward { .. } => Phase::Loss,
            Phase::Loss => Phase::Backward { layer: layers },
            Phase::Backward { layer } if layer > 1 => Phase::Backward { layer: layer - 1 },
            Phase::Backward { .. } => Phase::Update,
        }
    }

    /// Phases until `target` is the phase just completed (at most one cycle).
    fn run_until(&mut self, target: Phase) -> Result<(), EngineError> {
        while self.step()? != target {}
        Ok(())
    }

    /// Position of `phase` within a step: Ready and Update (a finished step) count as 0,
    /// then `Forward{l}` = l, `Loss` = L + 1, `Backward{l}` = 2L + 2 − l.
    fn progress(&self, phase: Phase) -> usize {
        let layers = self.mlp.layers.len();
        match phase {
            Phase::Ready | Phase::Update => 0,
            Phase::Forward { layer } => layer,
            Phase::Loss => layers + 1,
            Phase::Backward { layer } => 2 * layers + 2 - layer,
        }
    }

    /// Phases until the next Update is done (a whole step, or the rest of one).
    pub fn step_sample(&mut self) -> Result<(), EngineError> {
        self.run_until(Phase::Update)
    }

    /// The same as [`Trainer::step_sample`]: the rest of the current mini-batch's step.
    pub fn step_batch(&mut self) -> Result<(), EngineError> {
        self.step_sample()
    }

    /// One example of the batch: the first call runs the phases up to `Backward{1}` (the
    /// forward pass, loss and backward pass, one layer at a time for every example of the
    /// batch); each further call shows the batch's next example (its numbers are already
    /// computed); after the batch's last example, the Update, and the next call starts
    /// the next batch at its first example.
    pub fn step_example(&mut self) -> Result<(), EngineError> {
        let back = Phase::Backward { layer: 1 };
        if self.progress(self.phase) < self.progress(back) {
            return self.run_until(back);
        }
        if self.chosen + 1 < self.batch_len() {
            self.chosen += 1;
            return Ok(());
        }
        self.step_sample()?;
        self.chosen = 0;
        Ok(())
    }

    /// The rest of the current epoch: steps until the batch that ends the training set
    /// is updated (from a fresh start, one step per batch, so each sample is used once,
    /// in order). Right after the epoch's last Update, a whole new epoch.
    pub fn step_epoch(&mut self) -> Result<(), EngineError> {
        loop {
            self.step_sample()?;
            if self.sample + self.batch_len() == self.data.len() {
                return Ok(());
            }
        }
    }

    /// Phases until Loss is done; a no-op if this step is already past Loss.
    /// After an Update the step is over, so this starts the next one.
    pub fn forward(&mut self) -> Result<(), EngineError> {
        self.run_to(Phase::Loss)
    }

    /// Phases until Backward{1} is done (running the forward pass first if needed);
    /// a no-op if already there. After an Update this starts the next step.
    pub fn backward(&mut self) -> Result<(), EngineError> {
        self.run_to(Phase::Backward { layer: 1 })
    }

    /// Phases until Update is done, running whatever of the step is missing. After an
    /// Update the step is over, so this is a whole new step (the same as `step_sample`).
    pub fn update(&mut self) -> Result<(), EngineError> {
        self.step_sample()
    }

    /// Runs until `target` unless the current step has already reached it.
    fn run_to(&mut self, target: Phase) -> Result<(), EngineError> {
        if self.progress(self.phase) < self.progress(target) {
            self.run_until(target)
        } else {
            Ok(())
        }
    }
}
