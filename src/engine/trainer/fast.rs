//! The fast path: whole epochs without per-phase records, and every neuron's
//! output over a grid of the plane, both on the [`Packed`] network. An epoch is
//! the same run of mini-batches the phase path takes, with the same numbers.

use serde::{Deserialize, Serialize};

use super::Trainer;
use crate::engine::batch::Sample;
use crate::engine::error::{check_finite, is_exploded_value, EngineError};
use crate::engine::packed::{Packed, CHUNK};
use crate::engine::snapshot::Phase;
use crate::engine::train_error::check_range;

/// Where training stands after [`Trainer::train_epochs`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EpochReport {
    /// Completed epochs.
    pub epoch: usize,
    /// Mean loss over the training examples.
    pub train_loss: f64,
    /// Mean loss over the test examples (None without test examples).
    pub test_loss: Option<f64>,
}

/// Every neuron's value over an `n × n` grid of the plane.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Grid {
    /// Points per side.
    pub n: usize,
    /// `layers[l][k][i·n + j]`: neuron k of layer l (layer 0 = the input features) at
    /// `x₁ = x_min + j·(x_max − x_min)/(n − 1)`, `x₂ = y_max − i·(y_max − y_min)/(n − 1)`.
    pub layers: Vec<Vec<Vec<f64>>>,
    /// The output on the labels' scale [−1, 1] (see `Packed::scores`): what the decision
    /// boundary shows.
    pub score: Vec<f64>,
}

impl Trainer {
    /// True when the next step starts an epoch (nothing of the epoch is done yet):
    /// [`Trainer::train_epochs`] then runs only the fast path.
    pub fn at_epoch_start(&self) -> bool {
        match self.phase {
            Phase::Ready => self.sample == 0,
            Phase::Update => self.sample + self.batch_len() == self.data.len(),
            _ => false,
        }
    }

    /// `n` epochs (1..=10000) on the fast path. An epoch begun by phases is first finished
    /// by phases (it counts as one). Afterwards the trainer is at Ready on the first batch.
    /// If the values explode, the trainer goes back to the weights before that epoch and
    /// the result is `Err(Exploded)`.
    pub fn train_epochs(&mut self, n: usize) -> Result<EpochReport, EngineError> {
        check_range("epochs", n as f64, 1.0, 10000.0, "1..=10000")?;
        if self.is_exploded() {
            return Err(EngineError::Exploded);
        }
        let mut left = n;
        if !self.at_epoch_start() {
            self.step_epoch()?;
            left -= 1;
        }
        let mut packed = Packed::new(&self.mlp);
        // The checkpoint of each epoch, its storage reused: no allocation per epoch.
        let (mut saved, mut saved_opt) = ((Vec::new(), Vec::new()), self.opt.clone());
        for _ in 0..left {
            packed.save_params(&mut saved);
            saved_opt.clone_from(&self.opt);
            self.fast_epoch(&mut packed);
            let m = self.measure(&mut packed);
            if packed.is_exploded() || is_exploded_value(m.train_loss) {
                packed.restore_params(&saved);
                self.opt.clone_from(&saved_opt);
                packed.store(&mut self.mlp);
                self.restart_step();
                self.sample = 0;
                return Err(EngineError::Exploded);
            }
            self.epoch += 1;
            self.push_measure(m);
        }
        packed.store(&mut self.mlp);
        self.restart_step();
        self.sample = 0;
        Ok(EpochReport {
            epoch: self.epoch,
            train_loss: self.train_losses.last().copied().unwrap_or(f64::NAN),
            test_loss: self.test_losses.last().copied(),
        })
    }

    /// One epoch of mini-batches from example 0, each batch computed in blocks of [`CHUNK`].
    fn fast_epoch(&mut self, packed: &mut Packed) {
        let rule = self.update_rule(self.batch_size);
        for batch in self.data.chunks(self.batch_size) {
            for block in batch.chunks(CHUNK) {
                packed.load_block(block);
                packed.forward(block.len());
                packed.backward(block.len());
            }
            packed.update(rule, &mut self.opt);
            self.step += 1;
        }
    }

    /// Every neuron's value at `n × n` points (2..=400 per side) of the rectangle
    /// `[x_min, x_max] × [y_min, y_max]` (finite, min < max); see [`Grid`].
    pub fn predict_grid(&self, n: usize, bounds: [f64; 4]) -> Result<Grid, EngineError> {
        let mut grid = Grid::default();
        self.predict_grid_into(n, bounds, &mut grid)?;
        Ok(grid)
    }

    /// [`Trainer::predict_grid`] into `grid`, whose storage is reused when it has the
    /// shape already (a page paints one grid a frame: some 700 KB for [2, 4, 2, 1]).
    /// On an error `grid` is left as it was.
    pub fn predict_grid_into(
        &self,
        n: usize,
        bounds: [f64; 4],
        grid: &mut Grid,
    ) -> Result<(), EngineError> {
        check_range("grid size", n as f64, 2.0, 400.0, "2..=400")?;
        check_finite("grid bounds", &bounds)?;
        let [x_min, x_max, y_min, y_max] = bounds;
        if x_min >= x_max || y_min >= y_max {
            return Err(EngineError::InvalidShape(
                "grid bounds need min < max".into(),
            ));
        }
        let features = self.features();
        grid.shape(n, &self.mlp.sizes());
        let Grid { layers, score, .. } = grid;
        let mut packed = Packed::new(&self.mlp);
        let step = |lo: f64, hi: f64, k: usize| (hi - lo) * k as f64 / (n - 1) as f64;
        let (mut x1, mut x2) = ([0.0; CHUNK], [0.0; CHUNK]);
        for start in (0..n * n).step_by(CHUNK) {
            // the block's points are consecutive: one slice per neuron
            let m = CHUNK.min(n * n - start);
            let block = start..start + m;
            for (s, p) in block.clone().enumerate() {
                x1[s] = x_min + step(x_min, x_max, p % n);
                x2[s] = y_max - step(y_min, y_max, p / n);
            }
            for (k, f) in features.features().iter().enumerate() {
                let column = &mut layers[0][k][block.clone()];
                f.apply_each(&x1[..m], &x2[..m], column);
                packed.set_inputs(k, column);
            }
            packed.forward(m);
            for (l, layer) in layers.iter_mut().enumerate().skip(1) {
                for (k, neuron) in layer.iter_mut().enumerate() {
                    neuron[block.clone()].copy_from_slice(packed.activations(l - 1, k, m));
                }
            }
            packed.scores(&mut score[block]);
        }
        Ok(())
    }
}

impl Grid {
    /// Makes the grid `n × n` for layers of `sizes`, keeping storage of that shape
    /// (every value is written again by the prediction).
    fn shape(&mut self, n: usize, sizes: &[usize]) {
        self.n = n;
        self.layers.resize_with(sizes.len(), Vec::new);
        for (layer, &size) in self.layers.iter_mut().zip(sizes) {
            layer.resize_with(size, Vec::new);
            for neuron in layer.iter_mut() {
                neuron.resize(n * n, 0.0);
            }
        }
        self.score.resize(n * n, 0.0);
    }
}

/// Mean loss and share classified right of some samples.
#[derive(Clone, Copy, Debug)]
pub(super) struct Measure {
    pub train_loss: f64,
    pub test_loss: f64,
    pub accuracy: [Option<f64>; 2],
}

impl Trainer {
    /// The mean losses and accuracies of the training and test samples under `packed`.
    pub(super) fn measure(&self, packed: &mut Packed) -> Measure {
        let classify = self.is_classification();
        let (train_loss, train_acc) = evaluate(packed, &self.data, classify);
        let (test_loss, test_acc) = evaluate(packed, &self.test, classify);
        Measure {
            train_loss,
            test_loss,
            accuracy: [train_acc, test_acc],
        }
    }

    /// Appends a measure to the loss curves (the test curve only with test samples).
    pub(super) fn push_measure(&mut self, m: Measure) {
        self.train_losses.push(m.train_loss);
        if !self.test.is_empty() {
            self.test_losses.push(m.test_loss);
        }
        self.accuracy = m.accuracy;
    }
}

/// `(1/m)·Σ L` over `samples`, added in order (NaN if there are none), and, when
/// `classify`, the share whose output's score has the sign of the target's.
fn evaluate(packed: &mut Packed, samples: &[Sample], classify: bool) -> (f64, Option<f64>) {
    let (mut total, mut right) = (0.0, 0);
    for block in samples.chunks(CHUNK) {
        packed.load_block(block);
        packed.forward(block.len());
        packed.add_losses(block.len(), &mut total);
        if classify {
            right += packed.count_right(block.len());
        }
    }
    let n = samples.len() as f64;
    let accuracy = (classify && !samples.is_empty()).then(|| right as f64 / n);
    (total / n, accuracy)
}
