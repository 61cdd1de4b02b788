//! The page's controller, pure Rust: the labs' state, the commands a learner
//! gives, and the clock that plays them. The web layer turns DOM events into
//! [`Command`]s and paints what [`App`] holds after each animation frame.

pub mod alert;
pub mod cats;
mod cats_command;
mod cats_data;
mod cats_input;
mod cats_problem;
mod cats_run;
mod cats_training;
pub mod graph;
mod graph_command;
mod graph_presets;
pub mod params;
mod play;
pub mod rates;

use crate::engine::activation::Activation;
use crate::engine::descent::Descent;
use crate::engine::mlp::Preset;
use crate::engine::snapshot::{DescentSnapshot, NetworkSnapshot};
use crate::engine::trainer::Trainer;
use crate::engine::EngineError;
use crate::i18n::Lang;

pub use alert::{Alert, Lab};
pub use params::{ParamError, Params, Tab};

/// Everything a learner can ask of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Network: advance exactly one phase.
    Step,
    /// Network: finish the current training step (through Update).
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
    /// Network: another preset (its sample, weights and step 0).
    SetPreset(Preset),
    /// Network: the hidden layers' activation (the preset is rebuilt, step 0).
    SetActivation(Activation),
    /// Play speed: index into [`rates::SPEEDS`].
    SetSpeed(usize),
    /// Edges show weights (`true`) or gradients.
    SetShowWeights(bool),
    /// Page language.
    SetLang(Lang),
    /// After an explosion: back to the last finite state.
    Restore,
    /// Close the alert.
    DismissAlert,
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
    /// Show another lab of the page (pauses the network and the descent).
    SetTab(Tab),
}

/// The page's state.
#[derive(Clone, Debug)]
pub struct App {
    params: Params,
    lang: Lang,
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
    alert: Option<Alert>,
}

/// How many phases one frame may run at most, so a slow frame cannot freeze the page.
const MAX_PHASES_PER_FRAME: usize = 200;

impl App {
    /// The page for `params`; `browser` is the browser's language, used unless the
    /// params name one. Bad params fall back to defaults and raise an alert.
    pub fn new(params: Params, errors: Vec<ParamError>, browser: Lang) -> App {
        let lang = params.lang.unwrap_or(browser);
        let trainer = Trainer::from_preset(params.preset);
        let descent = default_descent();
        let mut app = App {
            checkpoint: trainer.clone(),
            trainer,
            descent,
            params: Params::default(),
            lang,
            playing: false,
            descent_playing: false,
            clock_ms: 0.0,
            descent_clock_ms: 0.0,
            show_weights: false,
            alert: None,
        };
        let mut errors = errors;
        errors.extend(app.adopt(params));
        if !errors.is_empty() {
            app.alert = Some(Alert::Params(errors));
        }
        app
    }

    /// Applies each setting of `params` through the commands a learner would give;
    /// returns the settings that the engine refused.
    fn adopt(&mut self, params: Params) -> Vec<ParamError> {
        let mut refused = Vec::new();
        let mut try_cmd = |app: &mut App, cmd: Command, pair: String| {
            app.apply(cmd);
            if let Some(Alert::Invalid { reason, .. }) = app.alert.take() {
                refused.push(ParamError { pair, reason });
            }
        };
        // The activation was validated by the URL parser; SetPreset builds the network with it.
        self.params.activation = params.activation;
        try_cmd(self, Command::SetPreset(params.preset), String::new());
        let rate = params.learning_rate;
        try_cmd(self, Command::SetLearningRate(rate), format!("lr={rate}"));
        if let Some(x) = params.input.clone() {
            let pair = format!("x={}", params::join_numbers(&x));
            try_cmd(self, Command::SetInput(x), pair);
        }
        if let Some(y) = params.target.clone() {
            let pair = format!("y={}", params::join_numbers(&y));
            try_cmd(self, Command::SetTarget(y), pair);
        }
        try_cmd(
            self,
            Command::SetDescentRate(params.descent_rate),
            "rate".into(),
        );
        try_cmd(self, Command::SetDescentStart(params.w0), "w0".into());
        self.params.lang = params.lang;
        self.params.speed = params.speed;
        self.params.tab = params.tab;
        refused
    }

    /// Carries out one command. Refused input raises an [`Alert::Invalid`] and
    /// changes nothing else.
    pub fn apply(&mut self, cmd: Command) {
        let result = match cmd {
            Command::Step => self.network_step(|t| t.step().map(|_| ())),
            Command::StepSample => self.network_step(Trainer::step_sample),
            Command::TogglePlay => self.toggle_play(),
            Command::Reset => self.reset(),
            Command::Restore => self.restore(),
            Command::DescentStep => self.descent_step(),
            Command::DescentTogglePlay => self.toggle_descent_play(),
            other => self.apply_setting(other),
        };
        if let Err(err) = result {
            self.refuse(err);
        }
    }

    fn apply_setting(&mut self, cmd: Command) -> Result<(), EngineError> {
        match cmd {
            Command::DismissAlert => self.alert = None,
            Command::SetSpeed(s) => self.params.speed = s.min(rates::SPEEDS.len() - 1),
            Command::SetShowWeights(w) => self.show_weights = w,
            Command::SetLang(lang) => self.set_lang(lang),
            Command::SetTab(tab) => self.set_tab(tab),
            Command::DescentReset => self.descent_reset(),
            Command::SetDescentRate(r) => self.set_descent_rate(r)?,
            Command::SetDescentStart(w0) => {
                self.descent.set_start(w0)?;
                self.params.w0 = w0;
            }
            other => return self.apply_network_setting(other),
        }
        Ok(())
    }

    /// Settings of the network. They reach the checkpoint too: a finite state
    /// becomes the checkpoint; after an explosion the last finite state gets the
    /// same edit, so "back" keeps what the learner just chose (say a lower r).
    fn apply_network_setting(&mut self, cmd: Command) -> Result<(), EngineError> {
        match cmd {
            Command::SetLearningRate(r) => {
                self.edit_network(|t| t.set_learning_rate(r))?;
                self.params.learning_rate = r;
            }
            Command::SetInput(x) => {
                self.edit_network(|t| t.set_input(x.clone()))?;
                self.params.input = Some(x);
            }
            Command::SetTarget(y) => {
                self.edit_network(|t| t.set_target(y.clone()))?;
                self.params.target = Some(y);
            }
            Command::SetPreset(p) => {
                self.set_preset(p, self.params.activation);
                self.checkpoint.clone_from(&self.trainer);
            }
            Command::SetActivation(a) => {
                self.set_preset(self.params.preset, a);
                self.checkpoint.clone_from(&self.trainer);
            }
            _ => {}
        }
        Ok(())
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

    fn refuse(&mut self, err: EngineError) {
        self.playing = false;
        self.descent_playing = false;
        self.alert = Some(match err {
            EngineError::Exploded => self.explosion_alert(Lab::Network),
            other => Alert::invalid(&other),
        });
    }
}

fn default_descent() -> Descent {
    let p = Params::default();
    // Constants, not user input: valid by construction (a test builds them).
    Descent::new(p.w0, p.descent_rate).expect("the default descent settings are valid")
}

impl App {
    /// The network lab's snapshot (what the views draw).
    pub fn network(&self) -> NetworkSnapshot {
        self.trainer.snapshot()
    }
    /// Neurons per layer of the network, input first.
    pub fn sizes(&self) -> Vec<usize> {
        self.trainer.mlp().sizes()
    }
    /// The descent lab's snapshot.
    pub fn descent(&self) -> DescentSnapshot {
        self.descent.snapshot()
    }
    /// Current language.
    pub fn lang(&self) -> Lang {
        self.lang
    }
    /// The lab shown.
    pub fn tab(&self) -> Tab {
        self.params.tab
    }
    /// Another lab is shown: what plays in a hidden lab stops, so nothing runs unseen.
    fn set_tab(&mut self, tab: Tab) {
        if tab != Tab::Network {
            self.playing = false;
            self.descent_playing = false;
        }
        self.params.tab = tab;
    }
    /// Current settings (what the URL carries).
    pub fn params(&self) -> &Params {
        &self.params
    }
    /// Whether the network lab is playing.
    pub fn playing(&self) -> bool {
        self.playing
    }
    /// Whether the descent lab is playing.
    pub fn descent_playing(&self) -> bool {
        self.descent_playing
    }
    /// Edges show weights instead of gradients.
    pub fn show_weights(&self) -> bool {
        self.show_weights
    }
    /// Shows why a typed value was refused; nothing else changes.
    pub fn reject_field(&mut self, field: &str, text: &str, reason: &'static str) {
        self.alert = Some(Alert::Field {
            field: field.to_string(),
            text: text.chars().take(40).collect(),
            reason,
        });
    }
    /// The message the page shows, if any.
    pub fn alert(&self) -> Option<&Alert> {
        self.alert.as_ref()
    }
}
