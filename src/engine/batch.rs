//! One phase for a whole mini-batch: every example of the batch runs its own
//! [`Pass`]; the backward phase of layer k also sums the examples' `∂L/∂W`, `∂L/∂b`
//! in batch order (as nn.ts accumulates them), and the Update moves every
//! parameter by [`update_param`] from those sums.

use super::mlp::Mlp;
use super::optim::{adam_hats, update_param, Moments, Optimizer, UpdateRule};
use super::pass::Pass;
use super::snapshot::{LayerMoments, LayerSnapshot, ParamValues};

/// A sample `(x, y)`: features in, target out.
pub type Sample = (Vec<f64>, Vec<f64>);

/// Per layer: the sums `Σ_s ∂L_s/∂W` (`[n_in][n_out]`) and `Σ_s ∂L_s/∂b`.
type Sums = (Vec<Vec<f64>>, Vec<f64>);

/// The optimizer's memory: one [`Moments`] per weight (`[i·n_out + j]`) and per bias
/// of every layer, and Adam's step count.
#[derive(Debug, Default, PartialEq)]
pub struct OptState {
    /// Updates made with the current optimizer (Adam's t).
    pub t: usize,
    /// `layers[l0] = (weights, biases)`.
    pub layers: Vec<(Vec<Moments>, Vec<Moments>)>,
}

/// Written out so that `clone_from` reuses the moments' storage (the fast path keeps a
/// checkpoint of them every epoch; the derived one would allocate every vector anew).
impl Clone for OptState {
    fn clone(&self) -> OptState {
        OptState {
            t: self.t,
            layers: self.layers.clone(),
        }
    }

    fn clone_from(&mut self, from: &OptState) {
        self.t = from.t;
        self.layers.truncate(from.layers.len());
        for ((mw, mb), (fw, fb)) in self.layers.iter_mut().zip(&from.layers) {
            mw.clone_from(fw);
            mb.clone_from(fb);
        }
        let kept = self.layers.len();
        self.layers.extend_from_slice(&from.layers[kept..]);
    }
}

impl OptState {
    /// All zero for `mlp`'s shapes.
    pub fn zero(mlp: &Mlp) -> OptState {
        OptState {
            t: 0,
            layers: mlp
                .layers
                .iter()
                .map(|l| {
                    (
                        vec![Moments::default(); l.n_in() * l.n_out()],
                        vec![Moments::default(); l.n_out()],
                    )
                })
                .collect(),
        }
    }

    /// Every weight and bias of `mlp` moved by `rule` from the batch sums (layer `l0`'s
    /// sums in `sums(l0)`); the step count t is advanced first.
    pub fn apply<'a>(
        &mut self,
        mlp: &mut Mlp,
        mut rule: UpdateRule,
        sums: impl Fn(usize) -> (&'a [Vec<f64>], &'a [f64]),
    ) {
        self.t += 1;
        rule.t = self.t;
        for (l0, (layer, (mw, mb))) in mlp.layers.iter_mut().zip(&mut self.layers).enumerate() {
            let (sw, sb) = sums(l0);
            let n_out = layer.biases.len();
            for j in 0..n_out {
                layer.biases[j] = update_param(&rule, layer.biases[j], sb[j], false, &mut mb[j]);
                for (i, row) in layer.weights.iter_mut().enumerate() {
                    row[j] = update_param(&rule, row[j], sw[i][j], true, &mut mw[i * n_out + j]);
                }
            }
        }
    }

    /// What the snapshot shows of layer `l0`'s memory under `optimizer` (None for SGD).
    pub fn layer_moments(&self, optimizer: Optimizer, l0: usize) -> Option<LayerMoments> {
        let (mw, mb) = self.layers.get(l0)?;
        let n_out = mb.len();
        let grid = |f: &dyn Fn(Moments) -> f64| ParamValues {
            weights: mw
                .chunks(n_out.max(1))
                .map(|row| row.iter().map(|&m| f(m)).collect())
                .collect(),
            biases: mb.iter().map(|&m| f(m)).collect(),
        };
        match optimizer {
            Optimizer::Sgd => None,
            Optimizer::Momentum { .. } => Some(LayerMoments {
                velocity: Some(grid(&|m| m.first)),
                m: None,
                v: None,
                m_hat: None,
                v_hat: None,
            }),
            Optimizer::Adam { beta1, beta2, .. } => Some(LayerMoments {
                velocity: None,
                m: Some(grid(&|m| m.first)),
                v: Some(grid(&|m| m.second)),
                m_hat: Some(grid(&|m| adam_hats(beta1, beta2, self.t, m).0)),
                v_hat: Some(grid(&|m| adam_hats(beta1, beta2, self.t, m).1)),
            }),
        }
    }
}

/// The intermediate values of the current step for every example of the batch.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct BatchPass {
    /// One pass per example, in batch order.
    items: Vec<Pass>,
    /// Batch sums of the layers reached backward, output layer first.
    sums: Vec<Sums>,
    /// Mean loss over the batch, once computed.
    loss: Option<f64>,
    /// `(W, b)` of every layer before the last Update; empty otherwise.
    old: Vec<(Vec<Vec<f64>>, Vec<f64>)>,
    /// The optimizer's memory before the last Update and the rule it used (only
    /// right after one), so the panel can show both sides of `v ← β·v + g`.
    before: Option<(OptState, UpdateRule)>,
}

impl BatchPass {
    /// A fresh pass for a batch of `n` examples.
    pub fn new(n: usize) -> BatchPass {
        BatchPass {
            items: vec![Pass::default(); n],
            ..BatchPass::default()
        }
    }

    /// The mean loss of the batch, once computed.
    pub fn loss(&self) -> Option<f64> {
        self.loss
    }

    /// The loss of example `k` of the batch, once computed.
    pub fn item_loss(&self, k: usize) -> Option<f64> {
        self.items.get(k).and_then(Pass::loss)
    }

    /// Forgets the parameters saved by the last Update (they show for one phase only).
    pub fn clear_old(&mut self) {
        self.old.clear();
        self.before = None;
    }

    /// The optimizer's memory before the last Update and that Update's rule (with the
    /// step count t it used), only right after an Update.
    pub fn before_update(&self) -> Option<&(OptState, UpdateRule)> {
        self.before.as_ref()
    }

    /// Forward through the next layer for every example.
    pub fn forward_layer(&mut self, mlp: &Mlp, batch: &[&Sample]) {
        for (pass, (x, _)) in self.items.iter_mut().zip(batch) {
            pass.forward_layer(mlp, x);
        }
    }

    /// Every example's loss, and their mean `(1/n)·Σ_s L_s`.
    pub fn compute_loss(&mut self, mlp: &Mlp, batch: &[&Sample]) {
        let mut total = 0.0;
        for (pass, (_, y)) in self.items.iter_mut().zip(batch) {
            pass.compute_loss(mlp, y);
            total += pass.loss().unwrap_or(0.0);
        }
        self.loss = Some(total / self.items.len().max(1) as f64);
    }

    /// Backward through the next layer down for every example, then the batch sums of
    /// that layer's gradients, added in batch order.
    pub fn backward_layer(&mut self, mlp: &Mlp, batch: &[&Sample]) {
        let layers = mlp.layers.len();
        let l0 = layers - 1 - self.sums.len();
        let layer = &mlp.layers[l0];
        let mut sum: Sums = (
            vec![vec![0.0; layer.n_out()]; layer.n_in()],
            vec![0.0; layer.n_out()],
        );
        for (pass, (x, y)) in self.items.iter_mut().zip(batch) {
            pass.backward_layer(mlp, x, y);
            if let Some((gw, gb)) = pass.grads(layers, l0) {
                add_into(&mut sum, gw, gb);
            }
        }
        self.sums.push(sum);
    }

    /// The Update: every parameter moved by `rule` from the batch sums; the old values
    /// are kept for the snapshot.
    pub fn update(&mut self, mlp: &mut Mlp, rule: UpdateRule, state: &mut OptState) {
        self.old = mlp
            .layers
            .iter()
            .map(|layer| (layer.weights.clone(), layer.biases.clone()))
            .collect();
        self.before = Some((
            state.clone(),
            UpdateRule {
                t: state.t + 1,
                ..rule
            },
        ));
        let layers = mlp.layers.len();
        let sums = &self.sums;
        state.apply(mlp, rule, |l0| {
            let (w, b) = &sums[layers - 1 - l0];
            (w.as_slice(), b.as_slice())
        });
    }

    /// True if any example's `u`, `a` or loss is exploded.
    pub fn is_exploded(&self) -> bool {
        self.items.iter().any(Pass::is_exploded)
    }

    /// Layer `l0 + 1` as the learner sees it: example `chosen`'s numbers, the batch means,
    /// the old parameters right after an Update.
    pub fn layer_snapshot(&self, mlp: &Mlp, l0: usize, chosen: usize) -> LayerSnapshot {
        let mut snap = match self.items.get(chosen) {
            Some(pass) => pass.layer_snapshot(mlp, l0),
            None => Pass::default().layer_snapshot(mlp, l0),
        };
        let n = self.items.len().max(1) as f64;
        if let Some((w, b)) = self.sums.get(mlp.layers.len() - 1 - l0) {
            snap.batch_grad_weights = Some(
                w.iter()
                    .map(|row| row.iter().map(|v| v / n).collect())
                    .collect(),
            );
            snap.batch_grad_biases = Some(b.iter().map(|v| v / n).collect());
        }
        if let Some((w, b)) = self.old.get(l0) {
            snap.old_weights = Some(w.clone());
            snap.old_biases = Some(b.clone());
        }
        snap
    }
}

/// `sum += (gw, gb)` elementwise.
fn add_into(sum: &mut Sums, gw: &[Vec<f64>], gb: &[f64]) {
    for (srow, grow) in sum.0.iter_mut().zip(gw) {
        for (s, g) in srow.iter_mut().zip(grow) {
            *s += g;
        }
    }
    for (s, g) in sum.1.iter_mut().zip(gb) {
        *s += g;
    }
}
