//! Pictures as the trainers read them: an m × 12288 matrix of levels (u8,
//! pixel-first rows — the course's `reshape(m, -1)`) and labels y ∈ {0, 1}.
//!
//! The division by 255 is folded into the trainers' arithmetic, so X stays 1 byte
//! per feature: 209 pictures are 2.5 MB instead of 20 MB of f64.

use super::dataset::Sample;
use crate::engine::image::FEATURES;

/// m pictures (rows of 12288 levels) and their labels (1.0 = cat, 0.0 = non-cat).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Examples {
    levels: Vec<u8>,
    labels: Vec<f64>,
}

impl Examples {
    /// The pictures and labels of `samples`, in order.
    pub(crate) fn new(samples: &[Sample]) -> Examples {
        let mut levels = Vec::with_capacity(samples.len() * FEATURES);
        for s in samples {
            levels.extend_from_slice(s.picture.pixels());
        }
        Examples {
            levels,
            labels: samples
                .iter()
                .map(|s| f64::from(u8::from(s.is_cat)))
                .collect(),
        }
    }

    /// m, the number of examples.
    pub(crate) fn len(&self) -> usize {
        self.labels.len()
    }

    /// Row i of X: 12288 levels 0–255.
    pub(crate) fn row(&self, i: usize) -> &[u8] {
        &self.levels[i * FEATURES..(i + 1) * FEATURES]
    }

    /// yᵢ: 1.0 for a cat, 0.0 otherwise.
    pub(crate) fn label(&self, i: usize) -> f64 {
        self.labels[i]
    }

    /// y, one label per example.
    pub(crate) fn labels(&self) -> &[f64] {
        &self.labels
    }
}
