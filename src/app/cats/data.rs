//! The cat lab's data: where the pictures came from (the drawn demo set, the
//! course's two HDF5 files, or the learner's own pictures) and the train/test
//! sets built from them. Bad input is refused with a [`Message`] and leaves the
//! data as it was.

use crate::engine::cats::MAX_IMAGES;
use std::cell::OnceCell;

use crate::engine::cats::{
    demo_set, load_hdf5, split, split_counts, CatData, CatError, Counts, Sample,
};

use crate::app::message::{Arg, Message, Topic};

/// Share of each class of the learner's own pictures that goes to the test set.
pub const TEST_SHARE: f64 = 0.25;
/// Seed of the split of the learner's own pictures (the same pictures split the same way).
pub const SPLIT_SEED: u64 = 7;

/// Where the current data set came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Source {
    /// Nothing loaded yet.
    #[default]
    Empty,
    /// The lab's own drawn pictures (synthetic, not photos).
    Demo {
        /// The generator's seed.
        seed: u64,
    },
    /// The course's files.
    Course {
        /// Name of the training file.
        train: String,
        /// Name of the test file.
        test: String,
    },
    /// The learner's own pictures, split by [`split`].
    Own,
}

/// Which of the two sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Set {
    /// The training set.
    Train,
    /// The test set.
    Test,
}

impl Set {
    /// `"train"` or `"test"`, as in the engine's snapshots and the HDF5 keys.
    pub fn name(self) -> &'static str {
        match self {
            Set::Train => "train",
            Set::Test => "test",
        }
    }

    /// The set called `name` (`"train"` / `"test"`).
    pub fn from_name(name: &str) -> Option<Set> {
        [Set::Train, Set::Test]
            .into_iter()
            .find(|s| s.name() == name)
    }

    fn other(self) -> Set {
        match self {
            Set::Train => Set::Test,
            Set::Test => Set::Train,
        }
    }
}

/// What happened to an HDF5 file offered to the lab.
#[derive(Clone, Debug, PartialEq)]
pub enum Hdf5Offer {
    /// Both files are in: the course's data is loaded.
    Loaded,
    /// This file is kept; the other one (`missing`) is still needed.
    Waiting {
        /// The file still needed.
        missing: Set,
    },
}

/// The data set and its origin.
#[derive(Clone, Debug, Default)]
pub struct CatSet {
    /// The demo or course data (empty while the learner's own pictures are shown).
    data: CatData,
    source: Source,
    /// The learner's own pictures, before the split (kept while other data is shown).
    own: Vec<Sample>,
    /// Their split, made when first needed after a change: adding n pictures one by
    /// one costs O(n) in all, not a copy and a split per picture.
    own_split: OnceCell<CatData>,
    /// How many of `own` are cats.
    own_cats: usize,
    /// One HDF5 file waiting for its partner: (role, file name, bytes).
    pending: Option<(Set, String, Vec<u8>)>,
}

impl CatSet {
    /// No data.
    pub fn new() -> CatSet {
        CatSet::default()
    }

    /// The built-in drawn demo set (160 train + 50 test), deterministic for `seed`.
    pub fn load_demo(&mut self, seed: u64) {
        self.data = demo_set(seed);
        self.source = Source::Demo { seed };
    }

    /// Loads the course's two files; errors name the file that failed.
    pub fn load_hdf5(
        &mut self,
        (train_name, train): (&str, &[u8]),
        (test_name, test): (&str, &[u8]),
    ) -> Result<(), Message> {
        let data = load_hdf5(train, test).map_err(|e| rename(e, train_name, test_name))?;
        self.data = data;
        self.source = Source::Course {
            train: train_name.to_string(),
            test: test_name.to_string(),
        };
        Ok(())
    }

    /// Takes one HDF5 file. Its role comes from its name (`train…` / `test…`); a name
    /// with neither takes the role still missing. Two files in: they are loaded.
    pub fn offer_hdf5(&mut self, name: &str, bytes: Vec<u8>) -> Result<Hdf5Offer, Message> {
        let waiting = self.pending.as_ref().map(|(role, _, _)| *role);
        let role = hdf5_role(name)
            .or(waiting.map(Set::other))
            .unwrap_or(Set::Train);
        match self.pending.take() {
            Some((other, other_name, other_bytes)) if other != role => {
                let ((train_name, train), (test_name, test)) = match role {
                    Set::Train => ((name, bytes), (other_name.as_str(), other_bytes)),
                    Set::Test => ((other_name.as_str(), other_bytes), (name, bytes)),
                };
                self.load_hdf5((train_name, &train), (test_name, &test))?;
                Ok(Hdf5Offer::Loaded)
            }
            _ => {
                self.pending = Some((role, name.to_string(), bytes));
                Ok(Hdf5Offer::Waiting {
                    missing: role.other(),
                })
            }
        }
    }

    /// The HDF5 file waiting for its partner: (role, name).
    pub fn pending_hdf5(&self) -> Option<(Set, &str)> {
        self.pending.as_ref().map(|(r, n, _)| (*r, n.as_str()))
    }

    /// Refuses `n` more of the learner's pictures when they would pass [`MAX_IMAGES`].
    pub fn check_room(&self, n: usize) -> Result<(), Message> {
        if self.own.len().saturating_add(n) > MAX_IMAGES {
            let message = Message::new(Topic::Cats, "too-many-files");
            return Err(message.with("limit", Arg::Count(MAX_IMAGES)));
        }
        Ok(())
    }

    /// Adds the learner's pictures and splits all of them again (about
    /// [`TEST_SHARE`] of each class to the test set); they become the data shown.
    pub fn add_own(&mut self, samples: Vec<Sample>) -> Result<(), Message> {
        self.check_room(samples.len())?;
        self.own_cats += samples.iter().filter(|s| s.is_cat).count();
        self.own.extend(samples);
        self.own_split = OnceCell::new();
        self.data = CatData::default();
        self.source = Source::Own;
        Ok(())
    }

    /// The learner's pictures added so far.
    pub fn own_count(&self) -> usize {
        self.own.len()
    }

    /// Forgets the learner's own pictures (the data shown is emptied if it was theirs).
    pub fn clear_own(&mut self) {
        self.own.clear();
        self.own_cats = 0;
        self.own_split = OnceCell::new();
        if self.source == Source::Own {
            self.data = CatData::default();
            self.source = Source::Empty;
        }
    }

    /// The train and test sets.
    pub fn data(&self) -> &CatData {
        if self.source == Source::Own {
            self.own_split
                .get_or_init(|| split(self.own.clone(), TEST_SHARE, SPLIT_SEED))
        } else {
            &self.data
        }
    }

    /// Where they came from.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// Cats and non-cats per set.
    pub fn counts(&self) -> Counts {
        match (&self.source, self.own_split.get()) {
            (Source::Own, None) => {
                split_counts(self.own_cats, self.own.len() - self.own_cats, TEST_SHARE)
            }
            _ => self.data().counts(),
        }
    }

    /// Picture `index` of `set`.
    pub fn sample(&self, set: Set, index: usize) -> Option<&Sample> {
        match set {
            Set::Train => self.data().train.get(index),
            Set::Test => self.data().test.get(index),
        }
    }
}

/// The engine names the course's files "train" / "test": the learner sees their names.
fn rename(err: CatError, train_name: &str, test_name: &str) -> Message {
    let err = match err.file() {
        "train" => err.with_file(train_name),
        "test" => err.with_file(test_name),
        _ => err,
    };
    Message::cats(&err)
}

/// The role of an HDF5 file from its name: "train_catvnoncat.h5" → train.
pub fn hdf5_role(name: &str) -> Option<Set> {
    let lower = name.to_ascii_lowercase();
    let file = lower.rsplit(['/', '\\']).next().unwrap_or(&lower);
    match (file.contains("train"), file.contains("test")) {
        (true, false) => Some(Set::Train),
        (false, true) => Some(Set::Test),
        _ => None,
    }
}

/// HDF5 by signature (`\x89HDF\r\n\x1a\n` at the start) or by extension (.h5, .hdf5).
pub fn is_hdf5(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    bytes.starts_with(b"\x89HDF\r\n\x1a\n") || lower.ends_with(".h5") || lower.ends_with(".hdf5")
}

/// The label of a picture from the folders in its path ("pets/cats/a.jpg"): a folder
/// whose name holds "non" or "not" means not a cat, else one holding "cat" means a
/// cat; with neither (or no folder) the box it was dropped in decides (`fallback`).
pub fn label_from_path(path: &str, fallback: bool) -> bool {
    let folders: Vec<String> = path
        .split(['/', '\\'])
        .rev()
        .skip(1)
        .map(str::to_ascii_lowercase)
        .collect();
    for folder in folders {
        if folder.contains("non") || folder.contains("not") {
            return false;
        }
        if folder.contains("cat") {
            return true;
        }
    }
    fallback
}
