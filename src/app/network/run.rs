//! The data-set run's actions: every change of the data, the shape or the training
//! settings builds the trainer again from [`DataParams`] (the engine checks each
//! value; a refused one changes nothing), the learner's own points, and the epochs
//! played per frame.

use crate::app::message::{Arg, Message, Topic};
use crate::engine::activation::Activation;
use crate::engine::data::{parse_csv, DataSet, Example};
use crate::engine::mlp::Preset;
use crate::engine::EngineError;

use super::dataset::{
    DataParams, OutputKind, DATA_ACTIVATION, DATA_LEARNING_RATE, MAX_LAYERS, MAX_NEURONS,
};
use super::rates::{
    EpochPace, EPOCHS_PER_FRAME, EPOCH_BUDGET_MS, EPOCH_SPEEDS_FROM, MAX_EPOCHS_PER_FRAME,
};
use super::{Lab, NetworkCommand, NetworkController};
use crate::app::clock::Clock;

impl NetworkController {
    /// Whether tab ① trains on a data set (not the tutorial's one sample).
    pub fn data_mode(&self) -> bool {
        self.params.data.set != DataSet::Tutorial
    }

    /// Epochs each frame of play at the current speed, when the data mode plays
    /// whole epochs (the top speeds); `None` when it plays phases.
    pub fn epochs_per_frame(&self) -> Option<EpochPace> {
        let speed = self.params.speed;
        if !self.data_mode() || speed < EPOCH_SPEEDS_FROM {
            return None;
        }
        Some(match EPOCHS_PER_FRAME.get(speed - EPOCH_SPEEDS_FROM) {
            Some(&n) => EpochPace::Fixed(n),
            None => EpochPace::Budget,
        })
    }

    /// The learner's own points (the custom set).
    pub fn points(&self) -> &[Example] {
        &self.params.data.points
    }

    /// Builds the trainer for `data`; on success it becomes the run's settings and
    /// training starts at epoch 0. The tutorial's set brings back the preset (and
    /// forgets the other data-set settings).
    pub(super) fn rebuild(&mut self, data: DataParams) -> Result<(), EngineError> {
        if data.set == DataSet::Tutorial {
            // The tutorial's sample has no data-set settings (the link carries none):
            // the next set starts from the Playground's defaults again.
            self.params.data = DataParams::default();
            self.set_preset(self.params.preset, self.params.activation);
            return Ok(());
        }
        let trainer = data.trainer(self.params.activation, self.params.learning_rate)?;
        self.trainer = trainer;
        self.checkpoint.clone_from(&self.trainer);
        self.params.data = data;
        self.params.input = None;
        self.params.target = None;
        self.playing = false;
        self.dismiss_explosion(Lab::Network);
        Ok(())
    }

    /// `edit` applied to a copy of the settings, then [`Self::rebuild`].
    pub(super) fn edit_data(
        &mut self,
        edit: impl FnOnce(&mut DataParams),
    ) -> Result<(), EngineError> {
        let mut data = self.params.data.clone();
        edit(&mut data);
        self.rebuild(data)
    }

    /// Another set. Leaving the tutorial takes the Playground's rate (0.03) and tanh
    /// unless the learner changed them; a regression set takes an output that can fit its targets.
    pub(super) fn set_data_set(&mut self, set: DataSet) -> Result<(), EngineError> {
        let from_tutorial = !self.data_mode();
        if from_tutorial && set != DataSet::Tutorial {
            if self.params.learning_rate == 0.5 {
                self.params.learning_rate = DATA_LEARNING_RATE;
            }
            if self.params.activation == Activation::Sigmoid {
                self.params.activation = DATA_ACTIVATION;
            }
        }
        let own = (set == DataSet::Custom && self.params.data.points.is_empty())
            .then(|| self.run_points());
        if set == DataSet::Tutorial {
            // The tutorial's preset and its own rate, as the page first showed them.
            self.params.learning_rate = 0.5;
            self.params.preset = Preset::TutorialRegression;
            self.params.activation = Activation::Sigmoid;
        }
        self.edit_data(|d| {
            if let Some(points) = own {
                d.points = points;
            }
            d.set = set;
            if set.is_regression() && !d.output.fits_regression() {
                d.output = OutputKind::IdentitySquared;
            }
        })
    }

    /// A hidden layer more or less; neurons of hidden layer k more or less.
    pub(super) fn reshape(
        &mut self,
        layer: Option<usize>,
        delta: isize,
    ) -> Result<(), EngineError> {
        self.edit_data(|d| match layer {
            None if delta > 0 && d.hidden.len() < MAX_LAYERS => {
                d.hidden.push(2);
                if let Some(a) = d.activations.as_mut() {
                    a.push(a.last().copied().unwrap_or(Activation::Tanh));
                }
            }
            None if delta < 0 => {
                d.hidden.pop();
                if let Some(a) = d.activations.as_mut() {
                    a.truncate(d.hidden.len());
                }
            }
            None => {}
            Some(k) => {
                if let Some(n) = d.hidden.get_mut(k) {
                    *n = n.saturating_add_signed(delta).clamp(1, MAX_NEURONS);
                }
            }
        })
    }

    /// Hidden layer k's activation (the others keep theirs).
    pub(super) fn set_layer_activation(
        &mut self,
        k: usize,
        a: Activation,
    ) -> Result<(), EngineError> {
        let all = self.params.activation;
        self.edit_data(|d| {
            let mut acts = d.hidden_activations(all);
            if let Some(slot) = acts.get_mut(k) {
                *slot = a;
            }
            d.activations = Some(acts);
        })
    }

    /// A point of the learner's own: the current points (training and test) become the
    /// custom set if they were not already, and the new one joins them. The point is
    /// rounded to 0.01 (finer than a pixel of the plot), so the link stays short.
    pub(super) fn add_point(&mut self, x: [f64; 2], label: f64) -> Result<(), EngineError> {
        let mut points = self.own_points();
        let round = |v: f64| (v * 100.0).round() / 100.0 + 0.0;
        points.push(Example {
            x: [round(x[0]), round(x[1])],
            label,
        });
        self.set_points(points)
    }

    /// Removes the point nearest to `x` within `radius`; nothing if none is that close.
    pub(super) fn remove_point(&mut self, x: [f64; 2], radius: f64) -> Result<(), EngineError> {
        let mut points = self.own_points();
        let dist = |e: &Example| (e.x[0] - x[0]).hypot(e.x[1] - x[1]);
        let nearest = (0..points.len())
            .filter(|&i| dist(&points[i]) <= radius)
            .min_by(|&a, &b| dist(&points[a]).total_cmp(&dist(&points[b])));
        if let Some(i) = nearest {
            points.remove(i);
        }
        self.set_points(points)
    }

    /// The custom set becomes `points` (refused, with nothing changed, if the engine
    /// cannot train on them).
    pub(super) fn set_points(&mut self, points: Vec<Example>) -> Result<(), EngineError> {
        self.edit_data(|d| {
            d.points = points;
            d.set = DataSet::Custom;
        })
    }

    /// The learner's points: the custom set's, or the current run's training and test
    /// points when leaving a generated set.
    fn own_points(&self) -> Vec<Example> {
        if self.params.data.set == DataSet::Custom {
            self.params.data.points.clone()
        } else {
            self.run_points()
        }
    }

    /// The current run's training and test points, in that order.
    fn run_points(&self) -> Vec<Example> {
        let (train, test) = self.trainer.examples();
        train.iter().chain(test).copied().collect()
    }

    /// A CSV's good lines become the custom set; the first bad line (and how many
    /// there were) is named in the alert, in the learner's language.
    pub(super) fn load_csv(&mut self, text: &str) -> Result<(), EngineError> {
        let read = parse_csv(text);
        let bad = read.errors.len();
        if !read.examples.is_empty() {
            self.set_points(read.examples)?;
        }
        if let Some(first) = read.errors.into_iter().next() {
            let message =
                Message::engine(&EngineError::from(first)).with("more", Arg::Count(bad - 1));
            self.alert = Some(
                Message::new(Topic::Train, "csv-summary")
                    .with("first", Arg::Message(Box::new(message)))
                    .with("count", Arg::Count(bad)),
            );
            self.exploded = None;
        }
        Ok(())
    }

    /// The commands that take the run to `data`, each with its link pair, the set
    /// first (it may bring the tutorial back, or a rate). After a preset is rebuilt
    /// (`rebuilt`) the run is on the tutorial's sample again.
    pub(super) fn data_link_commands(
        &self,
        data: &DataParams,
        rebuilt: bool,
    ) -> Vec<(NetworkCommand, String)> {
        use NetworkCommand as C;
        let mut now = self.params.data.clone();
        if rebuilt {
            now.set = DataSet::Tutorial;
        }
        if data.set == DataSet::Tutorial {
            return if now.set == DataSet::Tutorial {
                Vec::new()
            } else {
                vec![(C::SetDataSet(DataSet::Tutorial), "data=tutorial".into())]
            };
        }
        let pairs = crate::app::link::data_pairs(data);
        let pair = |key: &str| {
            let prefix = format!("{key}=");
            pairs
                .iter()
                .find(|p| p.starts_with(&prefix))
                .cloned()
                .unwrap_or_default()
        };
        let mut cmds = Vec::new();
        let mut field = |differs: bool, cmd: NetworkCommand, key: &str| {
            if differs {
                cmds.push((cmd, pair(key)));
            }
        };
        // The set first, then each setting (each rebuild checks one value, so a
        // refused one leaves the rest applied).
        if data.set == DataSet::Custom && data.points != now.points {
            field(true, C::SetPoints(data.points.clone()), "points");
        } else {
            field(data.set != now.set, C::SetDataSet(data.set), "data");
        }
        field(data.seed != now.seed, C::SetDataSeed(data.seed), "seed");
        field(data.count != now.count, C::SetCount(data.count), "count");
        field(data.noise != now.noise, C::SetNoise(data.noise), "noise");
        let fraction = data.train_fraction;
        field(
            fraction != now.train_fraction,
            C::SetTrainFraction(fraction),
            "train",
        );
        field(data.output != now.output, C::SetOutput(data.output), "out");
        field(data.init != now.init, C::SetInit(data.init), "init");
        field(
            data.batch_size != now.batch_size,
            C::SetBatchSize(data.batch_size),
            "batch",
        );
        field(
            data.optimizer != now.optimizer,
            C::SetOptimizer(data.optimizer),
            "opt",
        );
        let reg = data.regularization;
        field(reg != now.regularization, C::SetRegularization(reg), "reg");
        field(
            data.schedule != now.schedule,
            C::SetSchedule(data.schedule),
            "schedule",
        );
        let shape = data.features != now.features
            || data.hidden != now.hidden
            || data.activations != now.activations;
        field(
            shape,
            C::SetShape(
                data.features.clone(),
                data.hidden.clone(),
                data.activations.clone(),
            ),
            "shape",
        );
        cmds
    }

    /// Plays one frame's epochs at `pace`: a fixed number, or as many as fit in
    /// [`EPOCH_BUDGET_MS`] of `clock` at the pace of the frame's first epoch
    /// (exactly one when the clock is NaN).
    pub(super) fn play_epochs(&mut self, pace: EpochPace, clock: Clock) -> bool {
        // The fast path goes back by itself to the weights before an epoch that
        // explodes, so the trainer stays its own last finite state; only an epoch
        // begun by phases (finished by the phase path) can leave it exploded, and only
        // then is the checkpoint (a copy of the whole trainer) taken.
        if !self.trainer.is_exploded() && !self.trainer.at_epoch_start() {
            self.checkpoint.clone_from(&self.trainer);
        }
        let result = match pace {
            EpochPace::Fixed(n) => self.trainer.train_epochs(n),
            EpochPace::Budget => {
                // One epoch measures the pace; the rest of the budget goes to one fast
                // call (no clock, NaN: exactly one epoch, so native runs are repeatable).
                let start = clock();
                let first = self.trainer.train_epochs(1);
                let per = clock() - start;
                // A browser's clock may tick in 0.1 ms: a faster epoch counts as 0.1 ms.
                let more = ((EPOCH_BUDGET_MS - per) / per.max(0.1)).floor();
                match (first, more >= 1.0) {
                    (Ok(_), true) => {
                        let more = (more as usize).min(MAX_EPOCHS_PER_FRAME - 1);
                        self.trainer.train_epochs(more)
                    }
                    (first, _) => first,
                }
            }
        };
        match result {
            Ok(_) => true,
            Err(EngineError::Exploded) => {
                self.playing = false;
                self.raise_explosion(Lab::Network);
                true
            }
            Err(other) => {
                self.playing = false;
                self.alert = Some(Message::engine(&other));
                true
            }
        }
    }
}
