//! What a learner can ask of tab ① — the network and the ½w² valley — and the
//! settings of that tab a link carries ([`NetworkParams`]).

use crate::app::message::Message;
use crate::engine::activation::Activation;
use crate::engine::build::Init;
use crate::engine::data::{DataSet, Example, Feature};
use crate::engine::mlp::Preset;
use crate::engine::optim::{Optimizer, Regularization, Schedule};
use crate::engine::trainer::ParamRef;

use super::dataset::{DataParams, OutputKind};
use super::inspect::CheckScope;

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
    /// Data: which set (`Tutorial` = the tutorial's one sample); the Playground's
    /// learning rate comes with the first set chosen.
    SetDataSet(DataSet),
    /// Data: noise 0..=0.5.
    SetNoise(f64),
    /// Data: share of training points 0.1..=0.9.
    SetTrainFraction(f64),
    /// Data: number of points 2..=2000.
    SetCount(usize),
    /// Data: the generator's seed.
    SetDataSeed(u64),
    /// Data: draw the set again with the next seed.
    Regenerate,
    /// Data: an input feature on or off (at least one stays on).
    SetFeature(Feature, bool),
    /// A point of the learner's own at (x₁, x₂) with `label` (the set becomes custom).
    AddPoint([f64; 2], f64),
    /// Removes the training point nearest to (x₁, x₂) within `radius` (plot units).
    RemovePoint([f64; 2], f64),
    /// The custom set becomes these points (what a link's `points=` holds).
    SetPoints(Vec<Example>),
    /// The learner's CSV of `x1,x2,label` lines: the good lines become the custom set,
    /// each bad one is named by its line number.
    LoadCsv(String),
    /// Network: the input features, the hidden layers' sizes and (if given) their
    /// activations, at once (what a link holds).
    SetShape(Vec<Feature>, Vec<usize>, Option<Vec<Activation>>),
    /// Network: a hidden layer more (of 2 neurons), at the end.
    AddLayer,
    /// Network: the last hidden layer removed.
    RemoveLayer,
    /// Network: one neuron more in hidden layer k (0-based).
    AddNeuron(usize),
    /// Network: one neuron fewer in hidden layer k (0-based).
    RemoveNeuron(usize),
    /// Network: hidden layer k's (0-based) activation.
    SetLayerActivation(usize, Activation),
    /// Network: the output layer and its loss.
    SetOutput(OutputKind),
    /// Network: the initialisation (a seed, or zero); the weights are drawn again.
    SetInit(Init),
    /// Network: the weights drawn again from the same seed, training from epoch 0.
    Reinitialise,
    /// One weight or bias set to a value (the boundary follows).
    SetParameter(ParamRef, f64),
    /// The inspector shows this weight or bias (`None` closes it).
    SelectParameter(Option<ParamRef>),
    /// The inspector's nudge h (finite, 0 < |h| ≤ 1).
    SetCheckNudge(f64),
    /// The inspector nudges the chosen example's loss or the batch's mean loss.
    SetCheckScope(CheckScope),
    /// Training: examples per mini-batch.
    SetBatchSize(usize),
    /// Training: the optimizer and its hyper-parameters.
    SetOptimizer(Optimizer),
    /// Training: the penalty and its rate.
    SetRegularization(Regularization),
    /// Training: the learning-rate schedule.
    SetSchedule(Schedule),
    /// Training: the phases up to the next example's numbers (see `Trainer::step_example`).
    StepExample,
    /// Training: the rest of the current epoch.
    StepEpoch,
    /// Which example of the batch the formula panel shows (offset in the batch).
    ChooseExample(usize),
    /// Test points drawn on the data plot.
    SetShowTest(bool),
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
                | NetworkCommand::SetDataSet(_)
                | NetworkCommand::Regenerate
                | NetworkCommand::LoadCsv(_)
                | NetworkCommand::SetPoints(_)
                | NetworkCommand::AddPoint(..)
                | NetworkCommand::RemovePoint(..)
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
    /// The data set, the network's shape and the training settings of a data-set run.
    pub data: DataParams,
    /// Control groups a teacher hid (`hide=data,optimizer`), by [`HIDEABLE`] name.
    pub hide: Vec<String>,
}

/// The control groups a link can hide.
pub const HIDEABLE: [&str; 8] = [
    "data",
    "features",
    "shape",
    "output",
    "training",
    "optimizer",
    "regularization",
    "check",
];

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
            data: DataParams::default(),
            hide: Vec::new(),
        }
    }
}
