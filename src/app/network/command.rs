//! What a learner can ask of tab ① — the network and the ½w² valley — and the
//! settings of that tab a link carries ([`NetworkParams`]).

use crate::app::message::Message;
use crate::engine::activation::Activation;
use crate::engine::mlp::Preset;

use super::rates::DEFAULT_SPEED;

/// Everything a learner can ask of the network and the descent view.
#[derive(Clone, Debug, PartialEq)]
pub enum NetworkCommand {
    /// Network: advance exactly one phase (forward layer k, loss, backward layer k, update).
    StepPhase,
    /// Network: finish the current training step — every phase through Update.
    StepSample,
    /// Network: play or pause.
    TogglePlay,
    /// Network: back to the preset's weights, step 0.
    Reset,
    /// Network: learning rate r.
    SetLearningRate(f64),
    /// Network: input x (length = input layer).
    SetInput(Vec<f64>),
    /// Network: target y (length = output layer).
    SetTarget(Vec<f64>),
    /// Network (classification): the target is this class, one-hot.
    SetTargetClass(usize),
    /// Network: another preset (its sample, weights and step 0).
    SetPreset(Preset),
    /// Network: the hidden layers' activation (the preset is rebuilt, step 0).
    SetActivation(Activation),
    /// Play speed: index into [`super::rates::SPEEDS`].
    SetSpeed(usize),
    /// Edges show weights (`true`) or gradients.
    SetShowWeights(bool),
    /// After an explosion: back to the last finite state.
    Restore,
    /// After an explosion: start the lab that exploded over.
    StartOver,
    /// Close the alert.
    DismissAlert,
    /// A typed value was refused: say which field, what was typed and why.
    RejectField {
        /// The field's name as shown (`x₁`, `y`, `r`).
        field: &'static str,
        /// What was typed.
        text: String,
        /// Why it was refused.
        reason: Message,
    },
    /// Descent: one step w ← w − r·dJ/dw.
    DescentStep,
    /// Descent: play or pause.
    DescentTogglePlay,
    /// Descent: back to w₀.
    DescentReset,
    /// Descent: learning rate r (restarts from w₀).
    SetDescentRate(f64),
    /// Descent: starting point w₀ (restarts).
    SetDescentStart(f64),
    /// Descent: the learner clicked the curve at w; w₀ becomes w rounded to 0.05
    /// so the numbers that follow stay readable.
    PickStart(f64),
}

impl NetworkCommand {
    /// Whether the page must write the settings back into the input fields after
    /// this command (it changed them from outside the fields).
    pub fn refills_fields(&self) -> bool {
        matches!(
            self,
            NetworkCommand::Reset
                | NetworkCommand::SetPreset(_)
                | NetworkCommand::SetActivation(_)
                | NetworkCommand::Restore
                | NetworkCommand::StartOver
                | NetworkCommand::PickStart(_)
        )
    }
}

/// Rounds a clicked w to the nearest multiple of 0.05.
pub fn round_start(w: f64) -> f64 {
    // + 0.0 turns −0 into 0, so the link and the field never say "-0".
    (w * 20.0).round() / 20.0 + 0.0
}

/// The settings of tab ① that a link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkParams {
    /// Which network (`preset=tutorial-regression`).
    pub preset: Preset,
    /// The hidden layer's activation (`act=tanh`); the tutorial's is sigmoid.
    pub activation: Activation,
    /// The network's learning rate r (`lr=0.5`).
    pub learning_rate: f64,
    /// Input x (`x=1,-1`); `None` = the preset's sample.
    pub input: Option<Vec<f64>>,
    /// Target y (`y=0.5`); `None` = the preset's sample.
    pub target: Option<Vec<f64>>,
    /// The descent view's learning rate (`rate=1.5`).
    pub descent_rate: f64,
    /// The descent view's starting point w₀ (`w0=1.5`).
    pub w0: f64,
    /// Index into the play speeds (`speed=2`).
    pub speed: usize,
}

impl Default for NetworkParams {
    fn default() -> Self {
        NetworkParams {
            preset: Preset::TutorialRegression,
            activation: Activation::Sigmoid,
            learning_rate: 0.5,
            input: None,
            target: None,
            descent_rate: 0.3,
            w0: 1.5,
            speed: DEFAULT_SPEED,
        }
    }
}
