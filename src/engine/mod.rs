//! The teaching engine: pure Rust, f64, no browser. Everything the page shows is
//! computed here.

pub mod activation;
mod batch;
pub mod build;
pub mod cats;
pub mod data;
pub mod descent;
pub mod error;
pub mod fastmath;
pub mod graph;
pub mod image;
mod lanes;
pub mod layer;
pub mod loss;
pub mod mlp;
pub mod names;
pub mod optim;
mod packed;
mod pass;
pub mod rng;
pub mod snapshot;
pub mod train_error;
pub mod trainer;

pub use error::{EngineError, EXPLOSION_LIMIT};
