//! Training examples as the trainers read them: an m × 12288 matrix of levels (u8,
//! pixel-first rows — the course's `reshape(m, -1)`), its transpose for the
//! gradient sums, and labels y ∈ {0, 1}.
//!
//! The division by 255 is folded into the trainers' arithmetic, so X stays 1 byte
//! per feature: 209 pictures are 2.5 MB (5 MB with the transpose) instead of 20 MB
//! of f64.

use super::dataset::Sample;
use super::kernel::PAD;
use crate::engine::image::FEATURES;

/// m pictures (rows of 12288 levels) and their labels (1.0 = cat, 0.0 = non-cat).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Examples {
    levels: Vec<u8>,
    /// The transpose: 12288 rows of [`Examples::padded`] levels (zeros past m); empty
    /// for a set that is never trained on.
    columns: Vec<u8>,
    labels: Vec<f64>,
}

impl Examples {
    /// The pictures and labels of `samples`, in order, for predictions only.
    pub(crate) fn new(samples: &[Sample]) -> Examples {
        Examples {
            levels: samples
                .iter()
                .flat_map(|s| s.picture.pixels().iter().copied())
                .collect(),
            columns: Vec::new(),
            labels: samples
                .iter()
                .map(|s| f64::from(u8::from(s.is_cat)))
                .collect(),
        }
    }

    /// The same with the transposed matrix, for training.
    pub(crate) fn with_columns(samples: &[Sample]) -> Examples {
        let mut examples = Examples::new(samples);
        let padded = examples.padded();
        examples.columns = vec![0; FEATURES * padded];
        for (i, row) in examples.levels.chunks_exact(FEATURES).enumerate() {
            for (j, &level) in row.iter().enumerate() {
                examples.columns[j * padded + i] = level;
            }
        }
        examples
    }

    /// m, the number of examples.
    pub(crate) fn len(&self) -> usize {
        self.labels.len()
    }

    /// m rounded up to a multiple of [`PAD`]: the length of a column.
    pub(crate) fn padded(&self) -> usize {
        self.len().div_ceil(PAD) * PAD
    }

    /// Row i of X: 12288 levels 0–255.
    pub(crate) fn row(&self, i: usize) -> &[u8] {
        &self.levels[i * FEATURES..(i + 1) * FEATURES]
    }

    /// X: m rows of 12288 levels.
    pub(crate) fn levels(&self) -> &[u8] {
        &self.levels
    }

    /// The transposed levels: feature j's [`Examples::padded`] levels start at j·padded.
    pub(crate) fn columns(&self) -> &[u8] {
        &self.columns
    }

    /// yᵢ: 1.0 for a cat, 0.0 otherwise.
    pub(crate) fn label(&self, i: usize) -> f64 {
        self.labels[i]
    }
}
