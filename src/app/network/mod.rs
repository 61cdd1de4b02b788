//! Tab ①'s controller, pure Rust: the phase-by-phase trainer of the tutorial's
//! network (with the last finite state kept for "back"), the ½w² valley, their
//! play clocks, and the alert that explains a refused value or an explosion.

mod command;
pub mod dataset;
pub mod inspect;
mod play;
pub mod rates;
mod run;
mod settings;

use crate::app::message::{Arg, Message, Topic};
use crate::engine::activation::Activation;
use crate::engine::descent::Descent;
use crate::engine::snapshot::{DescentSnapshot, NetworkSnapshot};
use crate::engine::trainer::Trainer;
use crate::engine::EngineError;

use crate::engine::train_error::TrainError;
pub use command::{round_start, NetworkCommand, NetworkParams, HIDEABLE};
use inspect::{Inspection, Inspector};
pub use settings::one_hot;

/// Which view of tab ① an explosion happened in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lab {
    /// The network.
    Network,
    /// The 1-D descent.
    Descent,
}

/// Tab ①'s state.
#[derive(Clone, Debug)]
pub struct NetworkController {
    params: NetworkParams,
    trainer: Trainer,
    /// The trainer as it was before the last step, while that was finite.
    checkpoint: Trainer,
    descent: Descent,
    playing: bool,
    descent_playing: bool,
    /// Milliseconds of play not yet turned into phases / descent steps.
    clock_ms: f64,
    descent_clock_ms: f64,
    show_weights: bool,
    /// Test points are drawn on the data plot.
    show_test: bool,
    alert: Option<Message>,
    /// The view whose explosion the alert explains (it offers "back" and "start over").
    exploded: Option<Lab>,
    /// The weight or bias the learner picked, and its gradient check's settings.
    inspector: Inspector,
}

/// How many phases one frame may run at most, so a slow frame cannot freeze the page.
const MAX_PHASES_PER_FRAME: usize = 200;

impl Default for NetworkController {
    fn default() -> Self {
        NetworkController::new()
    }
}

impl NetworkController {
    /// The tutorial's regression network and the valley at their default settings.
    pub fn new() -> NetworkController {
        let params = NetworkParams::default();
        let trainer = Trainer::from_preset(params.preset);
        // Constants, not user input: valid by construction (a test builds them).
        let descent = Descent::new(params.w0, params.descent_rate)
            .expect("the default descent settings are valid");
        NetworkController {
            checkpoint: trainer.clone(),
            trainer,
            descent,
            params,
            playing: false,
            descent_playing: false,
            clock_ms: 0.0,
            descent_clock_ms: 0.0,
            show_weights: false,
            show_test: false,
            alert: None,
            exploded: None,
            inspector: Inspector::default(),
        }
    }

    /// Applies each setting of `params` through the commands a learner would give;
    /// returns what the engine refused, each naming its `key=value`.
    pub fn adopt(&mut self, params: &NetworkParams) -> Vec<(String, Message)> {
        let mut refused = Vec::new();
        for (cmd, pair) in self.link_commands(params) {
            self.apply(cmd);
            if let Some(message) = self.alert.take() {
                refused.push((pair, message));
            }
        }
        self.params.speed = params.speed;
        self.params.hide.clone_from(&params.hide);
        refused
    }

    /// The commands that take the network to `params`, each with the `key=value`
    /// that asked for it. A sample the link leaves out is the preset's own, so
    /// the preset is built again when the current sample was typed.
    fn link_commands(&mut self, params: &NetworkParams) -> Vec<(NetworkCommand, String)> {
        use crate::app::input::join_numbers;
        let now = &self.params;
        let mut cmds = Vec::new();
        let dropped_sample = (params.input.is_none() && now.input.is_some())
            || (params.target.is_none() && now.target.is_some());
        let rebuild =
            params.preset != now.preset || params.activation != now.activation || dropped_sample;
        if rebuild {
            self.params.activation = params.activation;
            cmds.push((NetworkCommand::SetPreset(params.preset), String::new()));
        }
        let now = &self.params;
        // A rebuilt preset starts from its own sample.
        let (input_now, target_now) = if rebuild {
            (None, None)
        } else {
            (now.input.as_ref(), now.target.as_ref())
        };
        let data_cmds = self.data_link_commands(&params.data, rebuild);
        let data_changed = !data_cmds.is_empty();
        cmds.extend(data_cmds);
        let now = &self.params;
        if params.learning_rate != now.learning_rate || data_changed {
            let r = params.learning_rate;
            cmds.push((NetworkCommand::SetLearningRate(r), format!("lr={r}")));
        }
        if let Some(x) = params.input.as_ref().filter(|x| input_now != Some(*x)) {
            let pair = format!("x={}", join_numbers(x));
            cmds.push((NetworkCommand::SetInput(x.clone()), pair));
        }
        if let Some(y) = params.target.as_ref().filter(|y| target_now != Some(*y)) {
            let pair = format!("y={}", join_numbers(y));
            cmds.push((NetworkCommand::SetTarget(y.clone()), pair));
        }
        let (r, w0) = (params.descent_rate, params.w0);
        if r != now.descent_rate {
            cmds.push((NetworkCommand::SetDescentRate(r), format!("rate={r}")));
        }
        if w0 != now.w0 {
            cmds.push((NetworkCommand::SetDescentStart(w0), format!("w0={w0}")));
        }
        cmds
    }

    /// Carries out one command. Refused input raises the alert and changes nothing else.
    pub fn apply(&mut self, cmd: NetworkCommand) {
        use NetworkCommand as C;
        let result = match cmd {
            C::StepPhase => self.network_step(|t| t.step().map(|_| ())),
            C::StepSample => self.network_step(Trainer::step_sample),
            C::TogglePlay => self.toggle_play(),
            C::Reset => self.reset(),
            C::Restore => self.restore(),
            C::StartOver => self.start_over(),
            C::DismissAlert => {
                self.alert = None;
                self.exploded = None;
                Ok(())
            }
            C::RejectField {
                field,
                text,
                reason,
            } => {
                self.reject_field(field, &text, reason);
                Ok(())
            }
            C::SetSpeed(s) => {
                self.params.speed = s.min(rates::SPEEDS.len() - 1);
                Ok(())
            }
            C::SetShowWeights(w) => {
                self.show_weights = w;
                Ok(())
            }
            C::DescentStep => self.descent_step(),
            C::DescentTogglePlay => self.toggle_descent_play(),
            C::DescentReset => {
                self.descent_reset();
                Ok(())
            }
            C::SetDescentRate(r) => self.set_descent_rate(r),
            C::SetDescentStart(w0) => self.set_descent_start(w0),
            C::PickStart(w) => self.set_descent_start(round_start(w)),
            C::SetLearningRate(r) => self.set_learning_rate(r),
            C::SetInput(x) => self.set_input(x),
            C::SetTarget(y) => self.set_target(y),
            C::SetTargetClass(class) => self.set_target_class(class),
            C::SetPreset(p) => {
                self.set_preset(p, self.params.activation);
                Ok(())
            }
            // Softmax belongs to an output layer: the hidden layers refuse it, as the link does.
            C::SetActivation(Activation::Softmax) => {
                self.alert = Some(Message::new(Topic::Param, "activation"));
                self.exploded = None;
                Ok(())
            }
            C::SetActivation(a) if self.data_mode() => {
                self.params.activation = a;
                self.edit_data(|d| d.activations = None)
            }
            C::SetActivation(a) => {
                self.set_preset(self.params.preset, a);
                Ok(())
            }
            C::SetDataSet(set) => self.set_data_set(set),
            C::SetNoise(v) => self.edit_data(|d| d.noise = v),
            C::SetTrainFraction(v) => self.edit_data(|d| d.train_fraction = v),
            C::SetCount(n) => self.edit_data(|d| d.count = n),
            C::SetDataSeed(seed) => self.edit_data(|d| d.seed = seed),
            C::Regenerate => self.edit_data(|d| d.seed = d.seed.wrapping_add(1)),
            C::SetFeature(f, on) => self.edit_data(|d| {
                d.features.retain(|&g| g != f);
                if on {
                    d.features.push(f);
                }
            }),
            C::AddPoint(x, label) => self.add_point(x, label),
            C::RemovePoint(x, radius) => self.remove_point(x, radius),
            C::LoadCsv(text) => self.load_csv(&text),
            C::SetPoints(points) => self.set_points(points),
            C::SetShape(features, hidden, activations) => self.edit_data(|d| {
                d.features = features;
                d.hidden = hidden;
                d.activations = activations;
            }),
            C::AddLayer => self.reshape(None, 1),
            C::RemoveLayer => self.reshape(None, -1),
            C::AddNeuron(k) => self.reshape(Some(k), 1),
            C::RemoveNeuron(k) => self.reshape(Some(k), -1),
            C::SetLayerActivation(k, a) => self.set_layer_activation(k, a),
            C::SetOutput(o) => self.edit_data(|d| d.output = o),
            C::SetInit(init) => self.edit_data(|d| d.init = init),
            C::Reinitialise => self.edit_data(|_| {}),
            C::SetParameter(param, v) => self.network_step(|t| t.set_parameter(param, v)),
            C::SelectParameter(param) => {
                self.inspector.selected = param;
                Ok(())
            }
            C::SetCheckNudge(h) => self.set_check_nudge(h),
            C::SetCheckScope(scope) => {
                self.inspector.scope = scope;
                Ok(())
            }
            C::SetBatchSize(n) => self.edit_data(|d| d.batch_size = n),
            C::SetOptimizer(o) => self.edit_data(|d| d.optimizer = o),
            C::SetRegularization(r) => self.edit_data(|d| d.regularization = r),
            C::SetSchedule(s) => self.edit_data(|d| d.schedule = s),
            C::StepExample => self.network_step(Trainer::step_example),
            C::StepEpoch => self.network_step(Trainer::step_epoch),
            C::ChooseExample(k) => {
                self.trainer.set_chosen(k);
                Ok(())
            }
            C::SetShowTest(on) => {
                self.show_test = on;
                Ok(())
            }
        };
        if let Err(err) = result {
            self.refuse(err);
        }
        self.inspector.fit(&self.trainer);
    }

    /// The inspector's h: finite, non-zero and at most 1 in size (a larger nudge
    /// measures a secant, not the slope).
    fn set_check_nudge(&mut self, h: f64) -> Result<(), EngineError> {
        if !(h.is_finite() && h != 0.0 && h.abs() <= 1.0) {
            return Err(TrainError::OutOfRange {
                what: "h",
                value: h,
                range: "0 < |h| ≤ 1",
            }
            .into());
        }
        self.inspector.nudge = h;
        Ok(())
    }

    fn refuse(&mut self, err: EngineError) {
        self.playing = false;
        self.descent_playing = false;
        match err {
            EngineError::Exploded => self.raise_explosion(Lab::Network),
            other => {
                self.alert = Some(Message::engine(&other));
                self.exploded = None;
            }
        }
    }

    fn reject_field(&mut self, field: &'static str, text: &str, reason: Message) {
        let text: String = text.chars().take(40).collect();
        let message = Message::new(Topic::Input, "field")
            .text("field", field)
            .text("text", text)
            .with("reason", Arg::Message(Box::new(reason)));
        self.alert = Some(message);
        self.exploded = None;
    }
}

impl NetworkController {
    /// Stops both plays (the tab was hidden).
    pub fn pause(&mut self) {
        self.playing = false;
        self.descent_playing = false;
    }
    /// The network's snapshot (what the views draw).
    pub fn network(&self) -> NetworkSnapshot {
        self.trainer.snapshot()
    }
    /// Neurons per layer of the network, input first.
    pub fn sizes(&self) -> Vec<usize> {
        self.trainer.mlp().sizes()
    }
    /// Points per side of the plane's grid to draw now (see [`rates::grid_side`]).
    pub fn grid_side(&self) -> usize {
        rates::grid_side(&self.sizes(), self.playing)
    }
    /// The descent view's snapshot.
    pub fn descent(&self) -> DescentSnapshot {
        self.descent.snapshot()
    }
    /// The settings a link carries.
    pub fn params(&self) -> &NetworkParams {
        &self.params
    }
    /// Whether the network is playing.
    pub fn playing(&self) -> bool {
        self.playing
    }
    /// Whether the descent view is playing.
    pub fn descent_playing(&self) -> bool {
        self.descent_playing
    }
    /// Edges show weights instead of gradients.
    pub fn show_weights(&self) -> bool {
        self.show_weights
    }
    /// Test points are drawn on the data plot.
    pub fn show_test(&self) -> bool {
        self.show_test
    }
    /// The trainer (the data plot reads its points and its grid).
    pub fn trainer(&self) -> &Trainer {
        &self.trainer
    }
    /// The message the tab shows, if any.
    pub fn alert(&self) -> Option<&Message> {
        self.alert.as_ref()
    }
    /// The view whose explosion the alert explains: the page offers "start over"
    /// and, for the network, "back to the last finite state".
    pub fn exploded(&self) -> Option<Lab> {
        self.exploded
    }
    /// The inspector's settings (the selected parameter, h, the scope).
    pub fn inspector(&self) -> &Inspector {
        &self.inspector
    }
    /// The selected parameter's value and gradient check (None if none is selected).
    pub fn inspection(&self) -> Option<Result<Inspection, EngineError>> {
        self.inspector.inspect(&self.trainer)
    }
}
