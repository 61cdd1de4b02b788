//! The cat recognizer: the course's closing project. Pictures labelled cat /
//! non-cat (the course's HDF5 files, the learner's own pictures, or a drawn demo
//! set) train logistic regression ŷ = σ(wᵀx + b) or the course's deep models
//! [LINEAR→RELU] × (L−1) → LINEAR→SIGMOID by batch gradient descent, starting from
//! the course's own weights (numpy's seed 1) if the learner wishes.

mod basis;
mod batch;
mod canvas;
mod config;
mod dataset;
mod demo;
mod demo_scenes;
pub(crate) mod error;
mod examples;
#[cfg(test)]
mod gradcheck;
mod hdf5;
mod init;
pub mod limits;
mod network;
pub mod numpy_log;
pub mod numpy_random;
mod sigmoid;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd128;
mod training;
mod units;

pub use config::{
    Init, Layers, Model, TrainConfig, MAX_HIDDEN, MAX_ITERATIONS, MAX_LAYERS, MAX_RATE,
};
pub use dataset::{check_count, split, split_counts, CatData, Counts, Sample, MAX_IMAGES};
pub use demo::{demo_set, DEMO_TEST, DEMO_TRAIN};
pub use error::CatError;
pub use hdf5::load_hdf5;
pub use training::{Misclassified, Training, TrainingSnapshot};
