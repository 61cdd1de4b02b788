//! The 2-D data sets of the network lab, after TensorFlow Playground's
//! (dataset.ts): four classification sets with labels ±1 and two regression
//! sets with targets in [−1, 1], all in the square [−6, 6]², drawn from our
//! seeded [`Rng`](super::rng::Rng) so that a seed reproduces a set. Also the
//! learner's own points from CSV text ([`csv`]) and the input features ([`features`]).

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::error::EngineError;
use super::rng::Rng;
use super::train_error::{check_range, TrainError};

pub mod csv;
pub mod features;
mod generators;

pub use csv::{parse_csv, CsvRead};
pub use features::{Feature, FeatureSet};

/// Which data set the lab trains on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DataSet {
    /// The tutorial's one sample (x = [1, −1], target 0.5).
    Tutorial,
    /// Positives in a disc of radius 2.5, negatives in the ring 3.5..5.
    Circle,
    /// The four quadrants: label = sign(x₁·x₂).
    Xor,
    /// Two Gaussian blobs around (2, 2) (+1) and (−2, −2) (−1).
    Gauss,
    /// Two interleaved spirals.
    Spiral,
    /// Regression: target (x₁ + x₂)/10.
    Plane,
    /// Regression: six signed Gaussian bumps.
    MultiGauss,
    /// The learner's own points (clicked or read from CSV).
    Custom,
}

impl DataSet {
    /// Every data set, in menu order.
    pub const ALL: [DataSet; 8] = [
        DataSet::Tutorial,
        DataSet::Circle,
        DataSet::Xor,
        DataSet::Gauss,
        DataSet::Spiral,
        DataSet::Plane,
        DataSet::MultiGauss,
        DataSet::Custom,
    ];

    /// The stable name: "tutorial" | "circle" | "xor" | "gauss" | "spiral" | "plane" |
    /// "multi-gauss" | "custom".
    pub fn name(self) -> &'static str {
        match self {
            DataSet::Tutorial => "tutorial",
            DataSet::Circle => "circle",
            DataSet::Xor => "xor",
            DataSet::Gauss => "gauss",
            DataSet::Spiral => "spiral",
            DataSet::Plane => "plane",
            DataSet::MultiGauss => "multi-gauss",
            DataSet::Custom => "custom",
        }
    }

    /// True for the regression sets (plane, multi-gauss): targets anywhere in [−1, 1].
    pub fn is_regression(self) -> bool {
        matches!(self, DataSet::Plane | DataSet::MultiGauss)
    }
}

impl FromStr for DataSet {
    type Err = EngineError;

    fn from_str(s: &str) -> Result<DataSet, EngineError> {
        DataSet::ALL
            .into_iter()
            .find(|d| d.name() == s)
            .ok_or_else(|| {
                TrainError::UnknownName {
                    what: "data set",
                    name: s.to_string(),
                }
                .into()
            })
    }
}

/// One point of a data set: its two coordinates and its label.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Example {
    /// `(x₁, x₂)`, in [−6, 6]² for the generated sets.
    pub x: [f64; 2],
    /// Classification: −1 or +1 (the Playground's); regression: the target, in [−1, 1]
    /// without noise (the plane's noisy targets may pass ±1, as in the Playground).
    pub label: f64,
}

/// How to draw a data set.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataSpec {
    /// Which set.
    pub set: DataSet,
    /// Number of points, 2..=2000 (the Playground draws 500, 1200 for regression).
    pub count: usize,
    /// Noise 0..=0.5 (the Playground's slider 0–50 %).
    pub noise: f64,
    /// Share of the points used for training, 0.1..=0.9; the rest are test points.
    pub train_fraction: f64,
    /// Seed of the generator and of the shuffle.
    pub seed: u64,
}

impl Default for DataSpec {
    /// The Playground's start: circle, 500 points, no noise, half for training, seed 1.
    fn default() -> DataSpec {
        DataSpec {
            set: DataSet::Circle,
            count: 500,
            noise: 0.0,
            train_fraction: 0.5,
            seed: 1,
        }
    }
}

/// A data set cut into training and test points.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Split {
    /// Training points, in the order an epoch visits them.
    pub train: Vec<Example>,
    /// Test points (only measured, never trained on).
    pub test: Vec<Example>,
}

/// Draws the set of `spec` with its seed, shuffles it (Fisher–Yates, the same generator)
/// and splits it at `⌊count·train_fraction⌋` as the Playground does. The tutorial's set is
/// its one sample (training only); a custom set has no generator (`NoExamples`).
pub fn generate(spec: &DataSpec) -> Result<Split, EngineError> {
    check_range("count", spec.count as f64, 2.0, 2000.0, "2..=2000")?;
    check_range("noise", spec.noise, 0.0, 0.5, "0..=0.5")?;
    check_range("train fraction", spec.train_fraction, 0.1, 0.9, "0.1..=0.9")?;
    let mut rng = Rng::new(spec.seed);
    let (n, noise) = (spec.count, spec.noise);
    let mut points = match spec.set {
        DataSet::Tutorial => {
            return Ok(Split {
                train: vec![Example {
                    x: [1.0, -1.0],
                    label: 0.5,
                }],
                test: Vec::new(),
            })
        }
        DataSet::Custom => return Err(TrainError::NoExamples.into()),
        DataSet::Circle => generators::circle(&mut rng, n, noise),
        DataSet::Xor => generators::xor(&mut rng, n, noise),
        DataSet::Gauss => generators::two_gauss(&mut rng, n, noise),
        DataSet::Spiral => generators::spiral(&mut rng, n, noise),
        DataSet::Plane => generators::plane(&mut rng, n, noise),
        DataSet::MultiGauss => generators::multi_gauss(&mut rng, n, noise),
    };
    shuffle(&mut rng, &mut points);
    let cut = ((n as f64) * spec.train_fraction).floor() as usize;
    let test = points.split_off(cut.clamp(1, n - 1));
    Ok(Split {
        train: points,
        test,
    })
}

/// Fisher–Yates from the end, as dataset.ts's `shuffle`: pick `⌊u·counter⌋`, swap it
/// with the last unshuffled element.
fn shuffle(rng: &mut Rng, points: &mut [Example]) {
    for counter in (1..=points.len()).rev() {
        let index = ((rng.next_f64() * counter as f64) as usize).min(counter - 1);
        points.swap(counter - 1, index);
    }
}
