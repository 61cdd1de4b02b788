//! Tab ①'s actions: stepping, playing, resetting and restoring the network and
//! the valley, their settings, and the clock that turns elapsed milliseconds into
//! phases while playing.

use crate::app::clock::Clock;
use crate::app::message::{Arg, Message, Topic};
use crate::engine::activation::Activation;
use crate::engine::error::EXPLOSION_LIMIT;
use crate::engine::mlp::{Mlp, Preset};
use crate::engine::trainer::Trainer;
use crate::engine::EngineError;

use super::rates::SPEEDS;
use super::{Lab, NetworkCommand, NetworkController, MAX_PHASES_PER_FRAME};

impl NetworkController {
    /// Runs `op` on the trainer, keeping the state before it as the checkpoint
    /// while that state is finite. An explosion stops play and raises the alert.
    pub(super) fn network_step(
        &mut self,
        op: impl FnOnce(&mut Trainer) -> Result<(), EngineError>,
    ) -> Result<(), EngineError> {
        if !self.trainer.is_exploded() {
            self.checkpoint.clone_from(&self.trainer);
        }
        op(&mut self.trainer)?;
        if self.trainer.is_exploded() {
            self.playing = false;
            self.raise_explosion(Lab::Network);
        }
        Ok(())
    }

    /// The alert that explains an explosion with its numbers: the rate, when, and
    /// (descent) the factor q = 1 − r·x² whose size above 1 makes every step worse.
    pub(super) fn raise_explosion(&mut self, lab: Lab) {
        let (code, rate, step, factor) = match lab {
            Lab::Network => (
                "network",
                self.trainer.learning_rate(),
                self.trainer.snapshot().step,
                f64::NAN,
            ),
            Lab::Descent => {
                let snap = self.descent.snapshot();
                let step = snap.iterates.len().saturating_sub(1);
                ("descent", snap.learning_rate, step, snap.factor)
            }
        };
        let message = Message::new(Topic::Exploded, code)
            .with("rate", Arg::Number(rate))
            .with("step", Arg::Count(step))
            .with("limit", Arg::Number(EXPLOSION_LIMIT))
            .with("factor", Arg::Number(factor))
            .with("abs", Arg::Number(factor.abs()));
        self.alert = Some(message);
        self.exploded = Some(lab);
    }

    pub(super) fn toggle_play(&mut self) -> Result<(), EngineError> {
        if self.trainer.is_exploded() {
            return Err(EngineError::Exploded);
        }
        self.playing = !self.playing;
        self.clock_ms = 0.0;
        Ok(())
    }

    pub(super) fn reset(&mut self) -> Result<(), EngineError> {
        self.trainer.reset();
        self.checkpoint.clone_from(&self.trainer);
        self.playing = false;
        self.dismiss_explosion(Lab::Network);
        Ok(())
    }

    /// Back to the last finite state of whichever lab exploded.
    pub(super) fn restore(&mut self) -> Result<(), EngineError> {
        if self.trainer.is_exploded() {
            self.trainer.clone_from(&self.checkpoint);
        }
        if self.descent.is_exploded() {
            self.descent.rewind_to_finite();
        }
        self.alert = None;
        self.exploded = None;
        Ok(())
    }

    /// After an explosion: the view that exploded starts over.
    pub(super) fn start_over(&mut self) -> Result<(), EngineError> {
        match self.exploded {
            Some(Lab::Descent) => self.descent_reset(),
            Some(Lab::Network) | None => self.reset()?,
        }
        Ok(())
    }

    pub(super) fn dismiss_explosion(&mut self, lab: Lab) {
        if self.exploded == Some(lab) {
            self.alert = None;
            self.exploded = None;
        }
    }

    /// A new preset with the given hidden activation: its weights and sample,
    /// the current learning rate kept.
    pub(super) fn set_preset(&mut self, preset: Preset, activation: Activation) {
        let (x, y) = preset.default_sample();
        let mlp = Mlp::preset(preset).with_hidden_activation(activation);
        // A preset's own sample and an already validated rate: this cannot fail,
        // but should it, the plain preset is still a working lab.
        self.trainer = Trainer::new(mlp, x, y, self.params.learning_rate)
            .unwrap_or_else(|_| Trainer::from_preset(preset));
        self.params.preset = preset;
        self.params.activation = activation;
        self.params.input = None;
        self.params.target = None;
        self.playing = false;
        self.checkpoint.clone_from(&self.trainer);
        self.dismiss_explosion(Lab::Network);
    }

    /// One descent step. Stepping an exploded path is refused by the engine; either
    /// way an exploded path stops play and raises the explanation.
    pub(super) fn descent_step(&mut self) -> Result<(), EngineError> {
        match self.descent.step() {
            Ok(_) | Err(EngineError::Exploded) => {}
            Err(e) => return Err(e),
        }
        if self.descent.is_exploded() {
            self.descent_playing = false;
            self.raise_explosion(Lab::Descent);
        }
        Ok(())
    }

    pub(super) fn toggle_descent_play(&mut self) -> Result<(), EngineError> {
        if self.descent.is_exploded() {
            self.raise_explosion(Lab::Descent);
            return Ok(());
        }
        self.descent_playing = !self.descent_playing;
        self.descent_clock_ms = 0.0;
        Ok(())
    }

    pub(super) fn descent_reset(&mut self) {
        self.descent.reset();
        self.descent_playing = false;
        self.dismiss_explosion(Lab::Descent);
    }

    pub(super) fn set_descent_rate(&mut self, r: f64) -> Result<(), EngineError> {
        self.descent.set_learning_rate(r)?;
        self.params.descent_rate = r;
        self.dismiss_explosion(Lab::Descent);
        Ok(())
    }

    pub(super) fn set_descent_start(&mut self, w0: f64) -> Result<(), EngineError> {
        self.descent.set_start(w0)?;
        self.params.w0 = w0;
        self.dismiss_explosion(Lab::Descent);
        Ok(())
    }

    /// Moves the clock by `elapsed_ms` (time since the last frame) and runs the
    /// phases and descent steps that fall due; the top speed on a data set trains
    /// for a budget measured by `clock` (ms). Returns whether anything changed.
    pub fn advance(&mut self, elapsed_ms: f64, clock: Clock) -> bool {
        let elapsed = if elapsed_ms.is_finite() {
            elapsed_ms.clamp(0.0, 250.0)
        } else {
            0.0
        };
        let per_ms = SPEEDS[self.params.speed.min(SPEEDS.len() - 1)] / 1000.0;
        let mut changed = false;
        if let Some(epochs) = self.epochs_per_frame().filter(|_| self.playing) {
            changed |= self.play_epochs(epochs, clock);
        } else if self.playing {
            self.clock_ms += elapsed;
            let due = ((self.clock_ms * per_ms) as usize).min(MAX_PHASES_PER_FRAME);
            self.clock_ms -= due as f64 / per_ms;
            self.clock_ms = self.clock_ms.min(1.0 / per_ms);
            for _ in 0..due {
                self.apply(NetworkCommand::StepPhase);
                changed = true;
                if !self.playing {
                    break;
                }
            }
        }
        if self.descent_playing {
            changed |= self.advance_descent(elapsed, per_ms);
        }
        changed
    }

    fn advance_descent(&mut self, elapsed: f64, per_ms: f64) -> bool {
        // The descent view is a picture to follow with the eye: at most 8 steps a second.
        let per_ms = per_ms.min(8.0 / 1000.0);
        self.descent_clock_ms += elapsed;
        let due = (self.descent_clock_ms * per_ms) as usize;
        self.descent_clock_ms -= due as f64 / per_ms;
        for _ in 0..due {
            self.apply(NetworkCommand::DescentStep);
            if !self.descent_playing {
                break;
            }
        }
        due > 0
    }
}
