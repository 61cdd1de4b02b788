//! The phase panel's Update: every layer's parameters moved by the optimizer's own
//! rule from the mini-batch's mean gradient `ḡ = (1/n)·Σₛ ∂Lₛ/∂θ`, then one weight
//! worked out step by step ([`worked_example`]: momentum's velocity; Adam's m, v,
//! m̂, v̂), with the penalty's term when there is one. Every number written is the engine's: the old
//! and new parameters, the batch means and the optimizer's memory before and after
//! the Update come from the snapshot; the formulas only place them.

use crate::engine::optim::{Optimizer, Regularization};
use crate::engine::snapshot::{LayerMoments, LayerSnapshot, NetworkSnapshot, ParamValues};
use crate::i18n::{tf, Lang};

use crate::view::network::formula_example::worked_example;
use crate::view::notation::{layer_tag, mat_text, opt_mat, opt_vec, vec_text};
use crate::view::number::fmt;

/// One parameter group of a layer (its weights or its biases) as the formulas need it.
struct Group<'a> {
    /// `W⁽ˡ⁾` or `b⁽ˡ⁾`.
    name: String,
    /// Weights take the penalty, biases do not.
    is_weight: bool,
    old: String,
    mean: String,
    new: String,
    /// The optimizer's memory of the layer after and before the Update.
    after: Option<&'a LayerMoments>,
    before: Option<&'a LayerMoments>,
}

/// The Update panel lines: the rule in words with its hyper-parameters, every
/// layer's parameters moved by it, one weight worked out, the step's loss.
pub(crate) fn update_lines(snap: &NetworkSnapshot, lang: Lang) -> Vec<String> {
    let tr = &snap.training;
    let r = fmt(tr.update_rate.unwrap_or(tr.rate_now));
    let n = tr.batch.len().max(1);
    let mut lines = what_lines(snap, &r, n, lang);
    for (i, ls) in snap.layers.iter().enumerate() {
        for group in groups(ls, i + 1) {
            lines.extend(group_lines(&group, tr.optimizer, tr.regularization, &r, n));
        }
    }
    lines.extend(worked_example(snap, &r, n, lang));
    if let Some(loss) = snap.loss {
        let key = if n > 1 {
            "panel.update.done-batch"
        } else {
            "panel.update.done"
        };
        let (step, n) = (snap.step.to_string(), n.to_string());
        let args = [("step", step.as_str()), ("loss", &fmt(loss)), ("n", &n)];
        lines.push(tf(lang, key, &args));
    }
    lines
}

/// What the Update does, in words: the optimizer with its hyper-parameters, the
/// batch mean, the penalty. One sample with plain SGD keeps the tutorial's sentence.
fn what_lines(snap: &NetworkSnapshot, r: &str, n: usize, lang: Lang) -> Vec<String> {
    let tr = &snap.training;
    let n_text = n.to_string();
    let mut lines = vec![match tr.optimizer {
        Optimizer::Sgd if n == 1 => tf(lang, "panel.update.what", &[("r", r)]),
        Optimizer::Sgd => tf(lang, "panel.update.what-batch", &[("r", r), ("n", &n_text)]),
        Optimizer::Momentum { beta } => tf(
            lang,
            "panel.update.momentum",
            &[("r", r), ("n", &n_text), ("beta", &fmt(beta))],
        ),
        Optimizer::Adam {
            beta1,
            beta2,
            epsilon,
        } => tf(
            lang,
            "panel.update.adam",
            &[
                ("r", r),
                ("n", &n_text),
                ("beta1", &fmt(beta1)),
                ("beta2", &fmt(beta2)),
                ("epsilon", &fmt(epsilon)),
                ("t", &tr.t.to_string()),
            ],
        ),
    }];
    let lambda = fmt(tr.regularization.rate());
    match tr.regularization {
        Regularization::None => {}
        Regularization::L1(_) => lines.push(tf(lang, "panel.update.l1", &[("lambda", &lambda)])),
        Regularization::L2(_) => lines.push(tf(lang, "panel.update.l2", &[("lambda", &lambda)])),
    }
    lines
}

/// Layer `layer`'s weights and biases with their texts and the optimizer's memory.
fn groups(ls: &LayerSnapshot, layer: usize) -> [Group<'_>; 2] {
    let s = layer_tag(layer);
    let (after, before) = (ls.moments.as_ref(), ls.old_moments.as_ref());
    let mean_w = ls.batch_grad_weights.as_ref().or(ls.grad_weights.as_ref());
    let mean_b = ls.batch_grad_biases.as_ref().or(ls.grad_biases.as_ref());
    [
        Group {
            name: format!("W{s}"),
            is_weight: true,
            old: opt_mat(ls.old_weights.as_deref()),
            mean: opt_mat(mean_w.map(Vec::as_slice)),
            new: mat_text(&ls.weights),
            after,
            before,
        },
        Group {
            name: format!("b{s}"),
            is_weight: false,
            old: opt_vec(ls.old_biases.as_deref()),
            mean: opt_vec(mean_b.map(Vec::as_slice)),
            new: vec_text(&ls.biases),
            after,
            before,
        },
    ]
}

/// The weights' matrix or the biases' vector of one field of the optimizer's memory
/// (`pick` chooses it); `or` when the memory is not there (0 before the first Update).
fn state_text(
    moments: Option<&LayerMoments>,
    pick: fn(&LayerMoments) -> Option<&ParamValues>,
    is_weight: bool,
    or: &str,
) -> String {
    match moments.and_then(pick) {
        Some(v) if is_weight => mat_text(&v.weights),
        Some(v) => vec_text(&v.biases),
        None => or.to_string(),
    }
}

/// The penalty's term in a weight's gradient, `+ λ·W` / `+ λ·sign(W)`: as a formula
/// of `symbol` and with the numbers of `value` (the old parameters). Empty for biases.
pub(super) fn penalty_term(
    reg: Regularization,
    is_weight: bool,
    symbol: &str,
    value: &str,
) -> [String; 2] {
    let lambda = fmt(reg.rate());
    if !is_weight {
        return [String::new(), String::new()];
    }
    match reg {
        Regularization::None => [String::new(), String::new()],
        Regularization::L1(_) => [
            format!(" + λ·sign({symbol})"),
            format!(" + {lambda}·sign({value})"),
        ],
        Regularization::L2(_) => [format!(" + λ·{symbol}"), format!(" + {lambda}·{value}")],
    }
}

/// One group's lines: SGD's `θ ← θ − r·(ḡ + λ·R'(θ))`, momentum's velocity and move,
/// Adam's move by `m̂ ⊘ (√v̂ + ε)`.
fn group_lines(
    g: &Group<'_>,
    optimizer: Optimizer,
    reg: Regularization,
    r: &str,
    n: usize,
) -> Vec<String> {
    let name = &g.name;
    let grad = if n == 1 {
        format!("∂L/∂{name}")
    } else {
        format!("ḡ_{name}")
    };
    let [pen, pen_num] = penalty_term(reg, g.is_weight, name, &g.old);
    let state = |m, pick, or| state_text(m, pick, g.is_weight, or);
    match optimizer {
        Optimizer::Sgd if pen.is_empty() => vec![format!(
            "{name} ← {name} − r·{grad} = {} − {r}·{} = {}",
            g.old, g.mean, g.new
        )],
        Optimizer::Sgd => vec![format!(
            "{name} ← {name} − r·({grad}{pen}) = {} − {r}·({}{pen_num}) = {}",
            g.old, g.mean, g.new
        )],
        Optimizer::Momentum { beta } => {
            let v_old = state(g.before, |m| m.velocity.as_ref(), "0");
            let v_new = state(g.after, |m| m.velocity.as_ref(), "—");
            vec![
                format!(
                    "v_{name} ← β·v_{name} + {grad}{pen} = {}·{v_old} + {}{pen_num} = {v_new}",
                    fmt(beta),
                    g.mean
                ),
                format!(
                    "{name} ← {name} − r·v_{name} = {} − {r}·{v_new} = {}",
                    g.old, g.new
                ),
            ]
        }
        Optimizer::Adam { epsilon, .. } => {
            let m_hat = state(g.after, |m| m.m_hat.as_ref(), "—");
            let v_hat = state(g.after, |m| m.v_hat.as_ref(), "—");
            vec![format!(
                "{name} ← {name} − r·m̂ ⊘ (√v̂ + ε) = {} − {r}·{m_hat} ⊘ (√{v_hat} + {}) = {}",
                g.old,
                fmt(epsilon),
                g.new
            )]
        }
    }
}
