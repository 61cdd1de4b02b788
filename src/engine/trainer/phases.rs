//! The phase machine of [`Trainer`]: which phase comes next, computing one phase,
//! and the commands that run several (a sample, an epoch, forward/backward/update).
//!
//! One step on sample `(x, y)` is the cycle
//! `Forward{1} → … → Forward{L} → Loss → Backward{L} → … → Backward{1} → Update`.

use super::Trainer;
use crate::engine::error::EngineError;
use crate::engine::pass::Pass;
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
            // A new step starts: the previous step's numbers go, the next sample comes.
            self.pass = Pass::default();
            self.sample = (self.sample + 1) % self.data.len();
        }
        let (x, y) = &self.data[self.sample];
        match next {
            Phase::Ready => {}
            Phase::Forward { .. } => self.pass.forward_layer(&self.mlp, x),
            Phase::Loss => self.pass.compute_loss(&self.mlp, y),
            Phase::Backward { .. } => self.pass.backward_layer(&self.mlp, x, y),
            Phase::Update => self.finish_step(),
        }
        self.phase = next;
        Ok(next)
    }

    /// The Update phase: every parameter moves by `−r·∂L/∂θ`; the step's loss is recorded.
    fn finish_step(&mut self) {
        self.pass.update(&mut self.mlp, self.learning_rate);
        self.step += 1;
        self.loss_history.extend(self.pass.loss());
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

    /// One epoch: `m` calls of [`Trainer::step_sample`] for a data set of `m` samples, so
    /// each sample is used once, in order (starting with the current step's sample).
    pub fn step_epoch(&mut self) -> Result<(), EngineError> {
        (0..self.data.len()).try_for_each(|_| self.step_sample())
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
