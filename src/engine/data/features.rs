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

impl Feature {
    /// The feature at every point `(x1[s], x2[s])` into `out[s]`, as [`Feature::apply`]
    /// gives it. The choice is made once for all points, so only this feature is computed
    /// (inlined per point, the optimiser computes every feature, sines included, and
    /// then picks one).
    pub fn apply_each(self, x1: &[f64], x2: &[f64], out: &mut [f64]) {
        let points = out.iter_mut().zip(x1.iter().zip(x2));
        match self {
            Feature::X1 => points.for_each(|(o, (&a, _))| *o = a),
            Feature::X2 => points.for_each(|(o, (_, &b))| *o = b),
            Feature::X1Squared => points.for_each(|(o, (&a, _))| *o = a * a),
            Feature::X2Squared => points.for_each(|(o, (_, &b))| *o = b * b),
            Feature::X1X2 => points.for_each(|(o, (&a, &b))| *o = a * b),
            Feature::SinX1 => points.for_each(|(o, (&a, _))| *o = a.sin()),
            Feature::SinX2 => points.for_each(|(o, (_, &b))| *o = b.sin()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_feature_over_points_is_its_value_at_each_point() {
        let (x1, x2) = ([3.0, -0.5, 2.0], [2.0, 4.0, -1.5]);
        // by hand at (3, 2), (−0.5, 4), (2, −1.5)
        let want: [(Feature, [f64; 3]); 7] = [
            (Feature::X1, [3.0, -0.5, 2.0]),
            (Feature::X2, [2.0, 4.0, -1.5]),
            (Feature::X1Squared, [9.0, 0.25, 4.0]),
            (Feature::X2Squared, [4.0, 16.0, 2.25]),
            (Feature::X1X2, [6.0, -2.0, -3.0]),
            (
                Feature::SinX1,
                [
                    0.141_120_008_059_867_2,
                    -0.479_425_538_604_203,
                    0.909_297_426_825_681_7,
                ],
            ),
            (
                Feature::SinX2,
                [
                    0.909_297_426_825_681_7,
                    -0.756_802_495_307_928_2,
                    -0.997_494_986_604_054_4,
                ],
            ),
        ];
        for (f, values) in want {
            let mut out = [0.0; 3];
            f.apply_each(&x1, &x2, &mut out);
            for s in 0..3 {
                assert!(
                    (out[s] - values[s]).abs() <= 1e-15,
                    "{f:?} at {s}: {}",
                    out[s]
                );
                assert_eq!(out[s], f.apply([x1[s], x2[s]]), "{f:?} at {s}");
            }
        }
    }
}
