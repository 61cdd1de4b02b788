//! The network's settings: learning rate, sample and target. They reach the
//! checkpoint too: a finite state becomes the checkpoint; after an explosion the
//! last finite state gets the same edit, so "back" keeps what the learner just
//! chose (say a lower r).

use crate::engine::trainer::Trainer;
use crate::engine::EngineError;

use super::NetworkController;

impl NetworkController {
    pub(super) fn set_learning_rate(&mut self, r: f64) -> Result<(), EngineError> {
        self.edit_network(|t| t.set_learning_rate(r))?;
        self.params.learning_rate = r;
        Ok(())
    }

    pub(super) fn set_input(&mut self, x: Vec<f64>) -> Result<(), EngineError> {
        self.edit_network(|t| t.set_input(x.clone()))?;
        self.params.input = Some(x);
        Ok(())
    }

    pub(super) fn set_target(&mut self, y: Vec<f64>) -> Result<(), EngineError> {
        self.edit_network(|t| t.set_target(y.clone()))?;
        self.params.target = Some(y);
        Ok(())
    }

    /// Classification: the target is `class`, one-hot over the output neurons
    /// (a class past the last neuron is refused by the engine's length check).
    pub(super) fn set_target_class(&mut self, class: usize) -> Result<(), EngineError> {
        let outputs = self.trainer.mlp().sizes().last().copied().unwrap_or(0);
        if class >= outputs {
            return Err(EngineError::TargetLength {
                expected: outputs,
                got: class + 1,
            });
        }
        self.set_target(one_hot(class, outputs))
    }

    fn edit_network(
        &mut self,
        edit: impl Fn(&mut Trainer) -> Result<(), EngineError>,
    ) -> Result<(), EngineError> {
        edit(&mut self.trainer)?;
        if self.trainer.is_exploded() {
            // The same validation passed on the trainer, so it passes here.
            edit(&mut self.checkpoint)
        } else {
            self.checkpoint.clone_from(&self.trainer);
            Ok(())
        }
    }
}

/// `[0, …, 1, …, 0]`: 1 at `class`, `outputs` numbers.
pub fn one_hot(class: usize, outputs: usize) -> Vec<f64> {
    (0..outputs)
        .map(|k| if k == class { 1.0 } else { 0.0 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_hot_marks_one_class() {
        assert_eq!(one_hot(1, 2), vec![0.0, 1.0]);
        assert_eq!(one_hot(0, 3), vec![1.0, 0.0, 0.0]);
        assert_eq!(one_hot(5, 2), vec![0.0, 0.0]);
    }
}
