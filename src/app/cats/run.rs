//! Training settings the learner chooses, the states of a run, and the step
//! budget that keeps the page responsive: each animation frame runs `k`
//! iterations, `k` adapted so that a frame spends about [`FRAME_BUDGET_MS`].

use crate::engine::cats::{Init, Layers, Model, TrainConfig};

use crate::app::cats::CatCommand;
use crate::app::input::{parse_count, parse_number};
use crate::app::message::{Message, Topic};

/// Milliseconds of training per animation frame (a 60 Hz frame lasts 16.7 ms).
pub const FRAME_BUDGET_MS: f64 = 10.0;
/// Most iterations one frame may run, whatever the measurements say.
pub const MAX_PER_FRAME: usize = 1000;

/// The models of the course: logistic regression, or hidden layers (two-layer and
/// L-layer alike, by their sizes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ModelKind {
    /// ŷ = σ(wᵀx + b).
    #[default]
    Logistic,
    /// [LINEAR → ReLU] per hidden layer → LINEAR → sigmoid.
    Hidden,
}

impl ModelKind {
    /// `"logistic"` or `"hidden"` (select values, JS options).
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Logistic => "logistic",
            ModelKind::Hidden => "hidden",
        }
    }

    /// The kind called `name`.
    pub fn from_name(name: &str) -> Option<ModelKind> {
        [ModelKind::Logistic, ModelKind::Hidden]
            .into_iter()
            .find(|k| k.name() == name)
    }

    /// The course's settings for this model.
    pub fn defaults(self) -> TrainConfig {
        match self {
            ModelKind::Logistic => TrainConfig::logistic(),
            ModelKind::Hidden => TrainConfig::hidden(),
        }
    }
}

/// What the learner chose (possibly not yet valid; [`Settings::config`] checks).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Which model.
    pub model: ModelKind,
    /// Learning rate α.
    pub learning_rate: f64,
    /// Batch-GD iterations.
    pub iterations: usize,
    /// The hidden layers' sizes (used by the hidden model).
    pub hidden: Layers,
    /// How the hidden model's weights start.
    pub init: Init,
    /// The seed of [`Init::Seeded`].
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings::for_model(ModelKind::Logistic)
    }
}

/// The course's two-layer sizes, which the hidden model starts with.
fn course_layers() -> Layers {
    match TrainConfig::hidden().model {
        Model::Hidden(layers) => layers,
        Model::Logistic => Layers::one(7),
    }
}

impl Settings {
    /// The course's settings for `model` (hidden layers [7], the course's
    /// initialisation, seed 1).
    pub fn for_model(model: ModelKind) -> Settings {
        let config = model.defaults();
        Settings {
            model,
            learning_rate: config.learning_rate,
            iterations: config.iterations,
            hidden: course_layers(),
            init: config.init,
            seed: config.seed,
        }
    }

    /// The course's settings for hidden layers of these sizes: α = 0.0075, 2500
    /// iterations, the course's initialisation (the two-layer and the L-layer model
    /// share them).
    pub fn for_layers(hidden: Layers) -> Settings {
        Settings {
            hidden,
            ..Settings::for_model(ModelKind::Hidden)
        }
    }

    /// Whether these settings hold what `cmd` set (a refused setting leaves them
    /// as they were); commands that set nothing are held.
    pub fn hold(&self, cmd: &CatCommand) -> bool {
        match cmd {
            CatCommand::SetRate(r) => self.learning_rate == *r,
            CatCommand::SetIterations(n) => self.iterations == *n,
            CatCommand::SetHidden(n) => self.hidden == *n,
            CatCommand::SetModel(m) => self.model == *m,
            CatCommand::SetInit(i) => self.init == *i,
            CatCommand::SetSeed(seed) => self.seed == *seed,
            CatCommand::LoadDemo(_)
            | CatCommand::ClearOwn
            | CatCommand::NextSample
            | CatCommand::Inspect(..)
            | CatCommand::SetOrder(_)
            | CatCommand::SetScaled(_)
            | CatCommand::Point(_)
            | CatCommand::Train
            | CatCommand::Pause
            | CatCommand::Resume
            | CatCommand::Stop
            | CatCommand::Refuse(_)
            | CatCommand::Dismiss => true,
        }
    }

    /// The engine's configuration, validated (bad-rate, bad-iterations).
    pub fn config(&self) -> Result<TrainConfig, Message> {
        let mut config = self.model.defaults();
        config.learning_rate = self.learning_rate;
        config.iterations = self.iterations;
        config.init = self.init;
        config.seed = self.seed;
        if self.model == ModelKind::Hidden {
            config.model = Model::Hidden(self.hidden);
        }
        config.validate().map_err(Message::from)?;
        Ok(config)
    }
}

/// Where a training run is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RunState {
    /// No run yet (or the data changed since).
    #[default]
    Idle,
    /// Iterations run on every animation frame.
    Running,
    /// Waiting; resume continues from the same iteration.
    Paused,
    /// Stopped by the learner before the last iteration; the model is kept.
    Stopped,
    /// Every iteration ran.
    Done,
    /// The cost stopped being finite; the last finite parameters are kept.
    Diverged,
}

impl RunState {
    /// A stable name for styles and tests (`data-state`).
    pub fn name(self) -> &'static str {
        match self {
            RunState::Idle => "idle",
            RunState::Running => "running",
            RunState::Paused => "paused",
            RunState::Stopped => "stopped",
            RunState::Done => "done",
            RunState::Diverged => "diverged",
        }
    }

    /// A run exists whose model can be shown and used.
    pub fn has_model(self) -> bool {
        !matches!(self, RunState::Idle)
    }
}

/// How many iterations the next frame runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepBudget {
    per_frame: usize,
    budget_ms: f64,
}

impl Default for StepBudget {
    fn default() -> Self {
        StepBudget::new(FRAME_BUDGET_MS)
    }
}

impl StepBudget {
    /// Starts at one iteration per frame, aiming at `budget_ms` per frame.
    pub fn new(budget_ms: f64) -> StepBudget {
        StepBudget {
            per_frame: 1,
            budget_ms,
        }
    }

    /// Iterations for the next frame.
    pub fn per_frame(&self) -> usize {
        self.per_frame
    }

    /// After a frame ran `ran` iterations in `elapsed_ms`: k ← k·budget/elapsed,
    /// at most doubled and at least halved per frame (a single slow frame, such as a
    /// garbage collection, should not swing it), between 1 and [`MAX_PER_FRAME`].
    pub fn record(&mut self, ran: usize, elapsed_ms: f64) {
        if ran == 0 || !(elapsed_ms.is_finite() && elapsed_ms >= 0.0) {
            return;
        }
        let ideal = ran as f64 * self.budget_ms / elapsed_ms.max(0.01);
        let lo = (ran / 2).max(1) as f64;
        let hi = (ran * 2) as f64;
        let next = ideal.clamp(lo, hi).floor() as usize;
        self.per_frame = next.clamp(1, MAX_PER_FRAME);
    }
}

/// A learning rate typed by the learner: a number (read by the page's one number
/// reader), else bad-rate with the engine's limits; the range is checked when
/// the settings are.
pub fn parse_rate(text: &str) -> Result<f64, Message> {
    parse_number(text).map_err(|_| bad_config("bad-rate", |c| c.learning_rate = f64::NAN))
}

/// An iteration count typed by the learner: a whole number, else bad-iterations.
pub fn parse_iterations(text: &str) -> Result<usize, Message> {
    parse_count(text).map_err(|_| bad_config("bad-iterations", |c| c.iterations = 0))
}

/// Hidden-layer sizes typed by the learner: whole numbers separated by commas
/// (or spaces, or "，"), e.g. `20,7,5`; else bad-hidden with the engine's limits.
pub fn parse_hidden(text: &str) -> Result<Layers, Message> {
    let parts: Result<Vec<usize>, Message> = text
        .split([',', '，', ' '])
        .filter(|p| !p.trim().is_empty())
        .map(parse_count)
        .collect();
    let refused = |_| match Layers::new(&[]) {
        Err(e) => Message::cats(&e),
        Ok(_) => Message::new(Topic::Cats, "bad-hidden"),
    };
    Layers::new(&parts.map_err(refused)?).map_err(|e| Message::cats(&e))
}

/// A seed typed by the learner: a whole number, else bad-seed.
pub fn parse_seed(text: &str) -> Result<u64, Message> {
    text.trim()
        .parse::<u64>()
        .map_err(|_| Message::new(Topic::Cats, "bad-seed"))
}

/// The engine's own refusal of a configuration spoiled by `spoil`, so the message and
/// its limit come from the one place that checks them (`code` if it accepted it).
fn bad_config(code: &'static str, spoil: impl Fn(&mut TrainConfig)) -> Message {
    let mut config = TrainConfig::hidden();
    spoil(&mut config);
    match config.validate() {
        Err(e) => Message::cats(&e),
        Ok(()) => Message::new(Topic::Cats, code),
    }
}
