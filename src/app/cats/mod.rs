//! The cat lab's controller, pure Rust: the data set, the input-layer view, the
//! training run (idle → running ⇄ paused → done / stopped / diverged), the
//! prediction for a new picture, and the messages for the learner. The web layer
//! decodes files, turns events into [`CatCommand`]s and paints what [`CatController`] holds.
//! Refused input leaves the data and the trained model as they were.

use crate::app::clock::Clock;
use crate::app::message::Message;
use crate::engine::cats::{demo_set, CatData, TrainingSnapshot};
use crate::engine::image::Picture;

mod command;
mod data;
mod drop;
mod files;
mod input;
mod run;
mod training;

pub use command::{CatCommand, Prediction};
pub use data::{
    hdf5_role, is_hdf5, label_from_path, CatSet, Hdf5Offer, Set, Source, SPLIT_SEED, TEST_SHARE,
};
pub use drop::{plan, DropPlan, Zone};
pub use files::no_model;
pub use input::{Focus, InputLayer, Origin, Pointer, FIRST_FOCUS};

pub use run::{
    parse_hidden, parse_iterations, parse_rate, parse_seed, ModelKind, RunState, Settings,
    StepBudget, FRAME_BUDGET_MS, MAX_PER_FRAME,
};
pub use training::{Run, SNAPSHOTS_PER_RUN, UNITS_EVERY};

/// The cat lab's state.
#[derive(Default)]
pub struct CatController {
    set: CatSet,
    input: InputLayer,
    settings: Settings,
    run: Run,
    problems: Vec<Message>,
    note: Option<Message>,
    prediction: Option<Prediction>,
    /// The drawn pictures "next sample" walks through (made on first use).
    samples: Option<CatData>,
    next_sample: usize,
}

/// Seed of the drawn demo set (the data and the sample pictures).
pub const DEMO_SEED: u64 = 1;

impl CatController {
    /// No data, no picture, the course's logistic settings.
    pub fn new() -> CatController {
        CatController::default()
    }

    /// Carries out one command; a refusal becomes the message shown.
    pub fn apply(&mut self, cmd: CatCommand) {
        if let Err(problem) = self.try_apply(cmd) {
            self.problems = vec![problem];
        }
    }

    /// Carries out one command; a refusal is returned (and not shown).
    pub fn try_apply(&mut self, cmd: CatCommand) -> Result<(), Message> {
        match cmd {
            CatCommand::LoadDemo(seed) => {
                self.set.load_demo(seed);
                self.data_changed();
            }
            CatCommand::ClearOwn => {
                self.set.clear_own();
                self.data_changed();
            }
            CatCommand::Inspect(set, index) => self.inspect(set, index),
            CatCommand::SetOrder(order) => self.input.set_order(order),
            CatCommand::SetScaled(scaled) => self.input.set_scaled(scaled),
            CatCommand::Point(pointer) => {
                self.input.point(pointer);
            }
            CatCommand::NextSample => self.show_next_sample(),
            CatCommand::Refuse(message) => self.problems = vec![message],
            CatCommand::Dismiss => {
                self.problems.clear();
                self.note = None;
            }
            CatCommand::SetModel(kind) => self.settings = Settings::for_model(kind),
            CatCommand::SetRate(r) => self.edit(|s| s.learning_rate = r)?,
            CatCommand::SetIterations(n) => self.edit(|s| s.iterations = n)?,
            CatCommand::SetHidden(n) => self.edit(|s| s.hidden = n)?,
            CatCommand::SetInit(init) => self.edit(|s| s.init = init)?,
            CatCommand::SetSeed(seed) => self.edit(|s| s.seed = seed)?,
            CatCommand::Train => self.start()?,
            CatCommand::Pause => self.run.pause(),
            CatCommand::Resume => self.run.resume(),
            CatCommand::Stop => self.run.stop(),
        }
        Ok(())
    }

    /// Changes a setting if the result is valid (else the settings stay).
    fn edit(&mut self, change: impl Fn(&mut Settings)) -> Result<(), Message> {
        let mut next = self.settings;
        change(&mut next);
        next.config()?;
        self.settings = next;
        Ok(())
    }

    /// Replaces every setting at once (validated; on error nothing changes).
    pub fn set_settings(&mut self, settings: Settings) -> Result<(), Message> {
        settings.config()?;
        self.settings = settings;
        Ok(())
    }

    /// A new run on the current data with the current settings. On error (no data, an
    /// empty class, bad settings) the previous model stays.
    pub fn start(&mut self) -> Result<(), Message> {
        let config = self.settings.config()?;
        self.run.start(config, self.set.data())?;
        self.problems.clear();
        Ok(())
    }

    /// Runs up to `n` iterations of the current run (whatever its state, unless it
    /// diverged); returns how many ran.
    pub fn run(&mut self, n: usize) -> Result<usize, Message> {
        self.run.run(n)
    }

    /// One animation frame of a running run: the budget's number of iterations;
    /// a divergence becomes the message shown. Returns how many ran.
    pub fn frame(&mut self) -> usize {
        self.run.frame().unwrap_or_else(|problem| {
            self.problems = vec![problem];
            0
        })
    }

    /// Tells the budget how long the last frame's iterations took.
    pub fn record_frame(&mut self, ran: usize, elapsed_ms: f64) {
        self.run.record_frame(ran, elapsed_ms);
    }

    /// The lab was hidden: a running run pauses, so nothing runs unseen.
    pub fn pause_unseen(&mut self) {
        self.run.pause();
    }

    /// Shows the next of the drawn samples in the input layer (cats and other
    /// things alternate in the set).
    fn show_next_sample(&mut self) {
        let samples = self.samples.get_or_insert_with(|| demo_set(DEMO_SEED));
        let count = samples.train.len().max(1);
        if let Some(sample) = samples.train.get(self.next_sample % count) {
            self.input
                .show(sample.picture.clone(), Origin::native(&sample.name));
            self.next_sample += 1;
        }
    }

    /// One animation frame of the lab: a running run gets its budget of
    /// iterations, timed by `clock`; the first frame shows a sample picture so the
    /// input layer is never empty. Returns whether anything changed.
    pub fn advance(&mut self, clock: Clock) -> bool {
        let mut changed = false;
        if self.input.picture().is_none() {
            self.show_next_sample();
            changed = true;
        }
        if self.training() {
            let start = clock();
            let ran = self.frame();
            self.record_frame(ran, clock() - start);
            changed = true;
        }
        changed
    }

    /// Whether a run is running (it needs the next frame).
    pub fn training(&self) -> bool {
        self.state() == RunState::Running
    }

    /// New data: the run (and what its model said of a picture) no longer applies.
    fn data_changed(&mut self) {
        self.run.clear();
        self.prediction = None;
        self.problems.clear();
    }

    fn inspect(&mut self, set: Set, index: usize) {
        if let Some(sample) = self.set.sample(set, index) {
            self.input
                .show(sample.picture.clone(), Origin::native(&sample.name));
        }
    }
}

impl CatController {
    /// The data set.
    pub fn set(&self) -> &CatSet {
        &self.set
    }
    /// The input layer.
    pub fn input(&self) -> &InputLayer {
        &self.input
    }
    /// The settings.
    pub fn settings(&self) -> Settings {
        self.settings
    }
    /// The run's state.
    pub fn state(&self) -> RunState {
        self.run.state()
    }
    /// Iterations run so far and asked for (0, 0 without a run).
    pub fn progress(&self) -> (usize, usize) {
        self.run.progress()
    }
    /// The last snapshot of the run (refreshed [`SNAPSHOTS_PER_RUN`] times a run).
    pub fn snapshot(&self) -> Option<&TrainingSnapshot> {
        self.run.snapshot()
    }
    /// A snapshot of the run as it is now (one forward pass over all pictures).
    pub fn fresh_snapshot(&self) -> Option<TrainingSnapshot> {
        self.run.fresh_snapshot()
    }
    /// The logistic model's weights as a 64×64 RGBA picture (grey = 0).
    pub fn template(&self) -> Option<Vec<u8>> {
        self.run.template()
    }
    /// The first layer's units as the run is now (one W⁽¹⁾ reconstruction).
    pub fn fresh_units(&self) -> Option<Vec<Vec<u8>>> {
        self.run.fresh_units()
    }
    /// The first layer's units as 64×64 RGBA pictures and the iteration they show.
    pub fn unit_pictures(&self) -> Option<(usize, &[Vec<u8>])> {
        self.run.unit_pictures()
    }
    /// The model's p(cat) for `picture`, without recording it.
    pub fn p_cat(&self, picture: &Picture) -> Option<f64> {
        self.run.p_cat(picture)
    }
    /// The messages (one line each).
    pub fn problems(&self) -> &[Message] {
        &self.problems
    }
    /// A neutral note (pictures added, an HDF5 file waiting for its partner).
    pub fn note(&self) -> Option<&Message> {
        self.note.as_ref()
    }
    /// The last prediction.
    pub fn prediction(&self) -> Option<&Prediction> {
        self.prediction.as_ref()
    }
    /// Iterations the next frame will run.
    pub fn per_frame(&self) -> usize {
        self.run.per_frame()
    }
    /// Pictures prepared and to prepare before the first iteration (`None` once
    /// the run can iterate, or without a run).
    pub fn preparation(&self) -> Option<(usize, usize)> {
        self.run.preparation()
    }
}
