//! What arrives from files: the learner's decoded pictures, the course's HDF5
//! files (one at a time or both), a picture to ask the model about, and the
//! messages for refused files.

use crate::app::message::{Arg, Message, Topic};
use crate::engine::cats::Sample;
use crate::engine::image::Picture;

use super::{CatController, Hdf5Offer, Origin, Prediction, Set};

impl CatController {
    /// The learner's pictures after decoding: the accepted ones join their data set,
    /// and each refused file gets one line. Too many pictures refuses the whole batch.
    pub fn add_pictures(&mut self, accepted: Vec<Sample>, refused: Vec<Message>) {
        let mut problems = refused;
        let added = accepted.len();
        if added > 0 {
            match self.set.add_own(accepted) {
                Ok(()) => {
                    self.data_changed();
                    self.note = Some(note("added", added));
                }
                Err(p) => problems.insert(0, p),
            }
        }
        self.problems = problems;
    }

    /// Loads the course's two files (named for the messages); the run is reset.
    pub fn load_hdf5(&mut self, train: (&str, &[u8]), test: (&str, &[u8])) -> Result<(), Message> {
        self.set.load_hdf5(train, test)?;
        self.data_changed();
        Ok(())
    }

    /// Adds the learner's pictures (all or none); the run is reset.
    pub fn add_own(&mut self, samples: Vec<Sample>) -> Result<(), Message> {
        self.set.add_own(samples)?;
        self.data_changed();
        Ok(())
    }

    /// An HDF5 file: kept until its partner arrives, then both are loaded.
    pub fn offer_hdf5(&mut self, name: &str, bytes: Vec<u8>) {
        match self.set.offer_hdf5(name, bytes) {
            Ok(Hdf5Offer::Loaded) => {
                self.data_changed();
                self.note = None;
            }
            Ok(Hdf5Offer::Waiting { missing }) => {
                self.problems.clear();
                let code = match missing {
                    Set::Train => "h5-waiting-train",
                    Set::Test => "h5-waiting-test",
                };
                self.note = Some(Message::new(Topic::CatsNote, code).text("file", name));
            }
            Err(problem) => self.problems = vec![problem],
        }
    }

    /// Messages to show (replacing the current ones).
    pub fn refuse(&mut self, problems: Vec<Message>) {
        self.problems = problems;
    }

    /// Shows a decoded picture in the input layer.
    pub fn show_picture(&mut self, picture: Picture, origin: Origin) {
        self.input.show(picture, origin);
    }

    /// p(cat) of `picture` with the current model, shown as the prediction; before
    /// any training `None`, and the lab says to train first.
    pub fn predict(&mut self, picture: Picture, name: &str) -> Option<f64> {
        let Some(p_cat) = self.run.p_cat(&picture) else {
            self.problems = vec![no_model(name)];
            return None;
        };
        self.problems.clear();
        self.prediction = Some(Prediction {
            name: name.to_string(),
            picture,
            p_cat,
        });
        Some(p_cat)
    }
}

/// The note for a picture asked about before any model was trained.
pub fn no_model(name: &str) -> Message {
    Message::new(Topic::CatsNote, "no-model").text("file", name)
}

/// A neutral note with a count.
fn note(code: &'static str, n: usize) -> Message {
    Message::new(Topic::CatsNote, code).with("n", Arg::Count(n))
}
