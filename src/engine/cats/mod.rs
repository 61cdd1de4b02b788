//! The cat recognizer: the course's closing project. Pictures labelled cat /
//! non-cat (the course's HDF5 files, the learner's own pictures, or a drawn demo
//! set) train logistic regression ŷ = σ(wᵀx + b) or a two-layer network
//! LINEAR→RELU→LINEAR→SIGMOID by batch gradient descent.

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
mod hidden;
mod kernel;
mod logistic;
mod sigmoid;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd128;
mod training;

pub use config::{Model, TrainConfig, MAX_HIDDEN, MAX_ITERATIONS, MAX_RATE};
pub use dataset::{check_count, split, CatData, Counts, Sample, MAX_IMAGES};
pub use demo::{demo_set, DEMO_TEST, DEMO_TRAIN};
pub use error::CatError;
pub use hdf5::load_hdf5;
pub use training::{Misclassified, Training, TrainingSnapshot};
