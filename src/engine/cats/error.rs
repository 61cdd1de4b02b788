//! What can go wrong in the cat lab: unreadable pictures, HDF5 files of the wrong
//! layout, bad training settings, a run that diverged.
//!
//! The page translates an error by its code with `tf(lang, "err.cats.<code>", &err.args())`;
//! [`Display`](fmt::Display) gives plain English for logs and tests.

use std::fmt;

/// An error of the cat lab, with the name of the file it concerns ("" when unknown).
#[derive(Clone, Debug, PartialEq)]
pub struct CatError {
    kind: Kind,
    file: String,
}

/// The distinct failures; the fields fill the placeholders of the page's messages.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Kind {
    /// No known picture signature (PNG, JPEG, GIF, WebP).
    NotAnImage,
    /// A known signature with a broken header, or pixels of the wrong length.
    ImageCorrupt,
    /// More than the megapixel limit (the picture's megapixels).
    ImageTooLarge { megapixels: f64, limit: f64 },
    /// Bytes that are not an HDF5 file, or one stored in a way the lab does not read
    /// (chunked or compressed datasets, groups in dense storage).
    NotHdf5,
    /// A dataset the course's layout needs is missing (its key).
    Hdf5Key { key: String },
    /// A dataset of the wrong shape or element type.
    Hdf5Shape {
        key: String,
        shape: String,
        expected: String,
    },
    /// Labels other than 0 and 1.
    Hdf5Labels,
    /// Pictures and labels of different counts.
    Hdf5Count,
    /// More pictures than the lab accepts (the limit).
    TooManyFiles { limit: usize },
    /// The training set has no picture of this class ("cat" or "non-cat").
    EmptyClass { class: &'static str },
    /// No training pictures at all.
    NoData,
    /// A learning rate that is not finite or not in (0, 10].
    BadRate,
    /// An iteration count outside 1..=limit.
    BadIterations { limit: usize },
    /// No hidden layer, more than `layers`, or a size outside 1..=limit.
    BadHidden { limit: usize, layers: usize },
    /// A network the page cannot train in reasonable time or memory: the estimate.
    TooBig { seconds: f64, megabytes: f64 },
    /// The cost became non-finite in this iteration.
    TrainingDiverged { iteration: usize },
}

impl CatError {
    pub(crate) fn new(kind: Kind) -> CatError {
        CatError {
            kind,
            file: String::new(),
        }
    }

    /// The same error naming `name` as the file it concerns.
    pub fn with_file(mut self, name: impl Into<String>) -> CatError {
        self.file = name.into();
        self
    }

    /// The file this error concerns ("" when unknown).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// A stable, kebab-case code the page translates ("not-an-image", "hdf5-key", …).
    pub fn code(&self) -> &'static str {
        match self.kind {
            Kind::NotAnImage => "not-an-image",
            Kind::ImageCorrupt => "image-corrupt",
            Kind::ImageTooLarge { .. } => "image-too-large",
            Kind::NotHdf5 => "not-hdf5",
            Kind::Hdf5Key { .. } => "hdf5-key",
            Kind::Hdf5Shape { .. } => "hdf5-shape",
            Kind::Hdf5Labels => "hdf5-labels",
            Kind::Hdf5Count => "hdf5-count",
            Kind::TooManyFiles { .. } => "too-many-files",
            Kind::EmptyClass { .. } => "empty-class",
            Kind::NoData => "no-data",
            Kind::BadRate => "bad-rate",
            Kind::BadIterations { .. } => "bad-iterations",
            Kind::BadHidden { .. } => "bad-hidden",
            Kind::TooBig { .. } => "too-big",
            Kind::TrainingDiverged { .. } => "training-diverged",
        }
    }

    /// The placeholder values of the page's message, names exactly as in its text.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let file = ("file", self.file.clone());
        match &self.kind {
            Kind::NotAnImage
            | Kind::ImageCorrupt
            | Kind::NotHdf5
            | Kind::Hdf5Labels
            | Kind::Hdf5Count => vec![file],
            Kind::ImageTooLarge { megapixels, limit } => vec![
                file,
                ("megapixels", format!("{megapixels:.1}")),
                ("limit", format!("{limit}")),
            ],
            Kind::Hdf5Key { key } => vec![file, ("key", key.clone())],
            Kind::Hdf5Shape {
                key,
                shape,
                expected,
            } => vec![
                file,
                ("key", key.clone()),
                ("shape", shape.clone()),
                ("expected", expected.clone()),
            ],
            Kind::TooManyFiles { limit } | Kind::BadIterations { limit } => {
                vec![("limit", limit.to_string())]
            }
            Kind::BadHidden { limit, layers } => {
                vec![("limit", limit.to_string()), ("layers", layers.to_string())]
            }
            Kind::TooBig { seconds, megabytes } => vec![
                ("seconds", format!("{seconds:.0}")),
                ("megabytes", format!("{megabytes:.0}")),
                ("max-seconds", format!("{}", super::limits::MAX_SECONDS)),
                ("max-megabytes", format!("{}", super::limits::MAX_MEGABYTES)),
            ],
            Kind::EmptyClass { class } => vec![("class", class.to_string())],
            Kind::NoData | Kind::BadRate => vec![],
            Kind::TrainingDiverged { iteration } => vec![("iteration", iteration.to_string())],
        }
    }
}

impl fmt::Display for CatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = if self.file.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.file)
        };
        match &self.kind {
            Kind::NotAnImage => write!(f, "{file}not a PNG, JPEG, GIF or WebP picture"),
            Kind::ImageCorrupt => write!(f, "{file}the picture is damaged"),
            Kind::ImageTooLarge { megapixels, limit } => write!(
                f,
                "{file}the picture has {megapixels:.1} megapixels, more than {limit}"
            ),
            Kind::NotHdf5 => write!(f, "{file}not an HDF5 file this lab can read"),
            Kind::Hdf5Key { key } => write!(f, "{file}the HDF5 file has no dataset \"{key}\""),
            Kind::Hdf5Shape {
                key,
                shape,
                expected,
            } => write!(
                f,
                "{file}dataset \"{key}\" has shape {shape}, expected {expected}"
            ),
            Kind::Hdf5Labels => write!(f, "{file}labels must be 0 (non-cat) or 1 (cat)"),
            Kind::Hdf5Count => write!(f, "{file}pictures and labels differ in number"),
            Kind::TooManyFiles { limit } => write!(f, "more than {limit} pictures"),
            Kind::EmptyClass { class } => {
                write!(f, "the training set has no picture of class \"{class}\"")
            }
            Kind::NoData => write!(f, "no training pictures"),
            Kind::BadRate => write!(f, "the learning rate must be a number in (0, 10]"),
            Kind::BadIterations { limit } => {
                write!(f, "the number of iterations must be between 1 and {limit}")
            }
            Kind::BadHidden { limit, layers } => write!(
                f,
                "1 to {layers} hidden layers of 1 to {limit} units each are possible"
            ),
            Kind::TooBig { seconds, megabytes } => write!(
                f,
                "this network would take about {seconds:.0} s and {megabytes:.0} MB to train"
            ),
            Kind::TrainingDiverged { iteration } => {
                write!(f, "the cost stopped being finite at iteration {iteration}")
            }
        }
    }
}

impl std::error::Error for CatError {}
