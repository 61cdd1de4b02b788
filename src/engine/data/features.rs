//! The input features the network may read, as the Playground offers them:
//! x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::engine::error::EngineError;
use crate::engine::train_error::TrainError;

/// One input feature computed from a point `(x₁, x₂)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Feature {
    X1,
    X2,
    X1Squared,
    X2Squared,
    X1X2,
    SinX1,
    SinX2,
}

impl Feature {
    /// Every feature, in the Playground's order.
    pub const ALL: [Feature; 7] = [
        Feature::X1,
        Feature::X2,
        Feature::X1Squared,
        Feature::X2Squared,
        Feature::X1X2,
        Feature::SinX1,
        Feature::SinX2,
    ];

    /// The stable name: "x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2".
    pub fn name(self) -> &'static str {
        match self {
            Feature::X1 => "x1",
            Feature::X2 => "x2",
            Feature::X1Squared => "x1sq",
            Feature::X2Squared => "x2sq",
            Feature::X1X2 => "x1x2",
            Feature::SinX1 => "sinx1",
            Feature::SinX2 => "sinx2",
        }
    }

    /// The feature's value at the point `x = (x₁, x₂)`.
    pub fn apply(self, x: [f64; 2]) -> f64 {
        match self {
            Feature::X1 => x[0],
            Feature::X2 => x[1],
            Feature::X1Squared => x[0] * x[0],
            Feature::X2Squared => x[1] * x[1],
            Feature::X1X2 => x[0] * x[1],
            Feature::SinX1 => x[0].sin(),
            Feature::SinX2 => x[1].sin(),
        }
    }
}

/// An ordered, duplicate-free, non-empty choice of features: the network's inputs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureSet(Vec<Feature>);

impl Default for FeatureSet {
    /// x₁ and x₂ (the Playground's start).
    fn default() -> FeatureSet {
        FeatureSet(vec![Feature::X1, Feature::X2])
    }
}

impl FeatureSet {
    /// The set of `features` (kept in [`Feature::ALL`] order, duplicates dropped);
    /// `OutOfRange` if none.
    pub fn new(features: &[Feature]) -> Result<FeatureSet, EngineError> {
        let set: Vec<Feature> = Feature::ALL
            .into_iter()
            .filter(|f| features.contains(f))
            .collect();
        if set.is_empty() {
            return Err(TrainError::OutOfRange {
                what: "number of features",
                value: 0.0,
                range: "1..=7",
            }
            .into());
        }
        Ok(FeatureSet(set))
    }

    /// The features, in input order.
    pub fn features(&self) -> &[Feature] {
        &self.0
    }

    /// Number of inputs (the network's `sizes[0]`).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Never true (a set has at least one feature); here for clippy's `len` rule.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The network's input vector at the point `x`.
    pub fn inputs(&self, x: [f64; 2]) -> Vec<f64> {
        self.0.iter().map(|f| f.apply(x)).collect()
    }

    /// The names joined by commas, e.g. "x1,x2" (what [`FromStr`] reads).
    pub fn names(&self) -> String {
        let names: Vec<&str> = self.0.iter().map(|f| f.name()).collect();
        names.join(",")
    }
}

impl FromStr for FeatureSet {
    type Err = EngineError;

    /// Comma-separated [`Feature::name`]s, e.g. "x1,x2,x1sq".
    fn from_str(s: &str) -> Result<FeatureSet, EngineError> {
        let features = s
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|n| {
                Feature::ALL
                    .into_iter()
                    .find(|f| f.name() == n)
                    .ok_or_else(|| TrainError::UnknownName {
                        what: "feature",
                        name: n.to_string(),
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        FeatureSet::new(&features)
    }
}
