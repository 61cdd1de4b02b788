//! The Update panel's worked example: one weight of layer 1 moved by hand with every
//! intermediate of its optimizer — SGD's `w − r·(ḡ + λ·R'(w))`, momentum's velocity,
//! Adam's m, v, m̂, v̂ — each number the engine's (old and new weight, batch mean,
//! the optimizer's memory before and after the Update).

use crate::engine::optim::Optimizer;
use crate::engine::snapshot::{LayerSnapshot, NetworkSnapshot, ParamValues};
use crate::engine::trainer::ParamRef;
use crate::i18n::{tf, Lang};

use crate::view::network::check::param_symbol;
use crate::view::network::formula_update::penalty_term;
use crate::view::notation::paren;
use crate::view::number::fmt;

/// Layer 1's weight with the largest batch-mean gradient (the first on ties), so the
/// worked example shows a real move: `(from, to, ḡ)`.
fn example_weight(ls: &LayerSnapshot) -> Option<(usize, usize, f64)> {
    let grad = ls
        .batch_grad_weights
        .as_ref()
        .or(ls.grad_weights.as_ref())?;
    let mut best: Option<(usize, usize, f64)> = None;
    for (i, row) in grad.iter().enumerate() {
        for (j, &g) in row.iter().enumerate() {
            if best.map_or(true, |(_, _, b)| g.abs() > b.abs() * (1.0 + 1e-9)) {
                best = Some((i, j, g));
            }
        }
    }
    best
}

/// One weight of layer 1 moved by hand with every intermediate of its optimizer.
pub(super) fn worked_example(snap: &NetworkSnapshot, r: &str, n: usize, lang: Lang) -> Vec<String> {
    let Some(ls) = snap.layers.first() else {
        return Vec::new();
    };
    let (Some((i, j, g)), Some(old)) = (example_weight(ls), ls.old_weights.as_ref()) else {
        return Vec::new();
    };
    let (Some(&w_old), Some(&w_new)) = (
        old.get(i).and_then(|row| row.get(j)),
        ls.weights.get(i).and_then(|row| row.get(j)),
    ) else {
        return Vec::new();
    };
    let name = param_symbol(ParamRef::Weight {
        layer: 1,
        from: i,
        to: j,
    });
    let tr = &snap.training;
    let [pen, pen_num] = penalty_term(tr.regularization, true, "w", &paren(w_old));
    let gbar = if n == 1 { "∂L/∂w" } else { "ḡ" };
    let (g, old, new) = (paren(g), fmt(w_old), fmt(w_new));
    let at = |values: Option<&ParamValues>| values.and_then(|v| v.weights.get(i)?.get(j).copied());
    let (after, before) = (ls.moments.as_ref(), ls.old_moments.as_ref());
    let mut lines = match tr.optimizer {
        Optimizer::Sgd if pen.is_empty() => {
            let expr = format!("{name} ← {old} − {r}·{g} = {new}");
            return vec![tf(lang, "panel.update.example", &[("expr", &expr)])];
        }
        Optimizer::Sgd => vec![format!(
            "w ← w − r·({gbar}{pen}) = {old} − {r}·({g}{pen_num}) = {new}"
        )],
        Optimizer::Momentum { beta } => {
            let v_old = at(before.and_then(|m| m.velocity.as_ref())).unwrap_or(0.0);
            let Some(v_new) = at(after.and_then(|m| m.velocity.as_ref())) else {
                return Vec::new();
            };
            vec![
                format!(
                    "v ← β·v + {gbar}{pen} = {}·{} + {g}{pen_num} = {}",
                    fmt(beta),
                    paren(v_old),
                    fmt(v_new)
                ),
                format!("w ← w − r·v = {old} − {r}·{} = {new}", paren(v_new)),
            ]
        }
        Optimizer::Adam {
            beta1,
            beta2,
            epsilon,
        } => {
            let Some(after) = after else {
                return Vec::new();
            };
            let get = |v: Option<&ParamValues>| at(v).unwrap_or(f64::NAN);
            let adam = AdamNumbers {
                m_old: before.map_or(0.0, |b| get(b.m.as_ref())),
                v_old: before.map_or(0.0, |b| get(b.v.as_ref())),
                m: get(after.m.as_ref()),
                v: get(after.v.as_ref()),
                m_hat: get(after.m_hat.as_ref()),
                v_hat: get(after.v_hat.as_ref()),
            };
            let g_text = if pen.is_empty() {
                g.clone()
            } else {
                format!("({g}{pen_num})")
            };
            adam_lines(
                &adam,
                [beta1, beta2, epsilon],
                tr.t,
                &g_text,
                [r, &old, &new],
            )
        }
    };
    let head = tf(lang, "panel.update.example-of", &[("name", &name)]);
    lines.insert(0, head);
    lines
}

/// One weight's Adam numbers from the engine: memory before and after, the corrections.
struct AdamNumbers {
    m_old: f64,
    v_old: f64,
    m: f64,
    v: f64,
    m_hat: f64,
    v_hat: f64,
}

/// Adam's five lines for one weight: m, v, m̂, v̂ and the move.
fn adam_lines(
    a: &AdamNumbers,
    [beta1, beta2, epsilon]: [f64; 3],
    t: usize,
    g: &str,
    [r, old, new]: [&str; 3],
) -> Vec<String> {
    let (b1, b2) = (fmt(beta1), fmt(beta2));
    // 1 − β is only written out; the moments themselves are the engine's.
    let (c1, c2) = (fmt(1.0 - beta1), fmt(1.0 - beta2));
    let t = t.to_string();
    vec![
        format!(
            "m ← β₁·m + (1 − β₁)·g = {b1}·{} + {c1}·{g} = {}",
            paren(a.m_old),
            fmt(a.m)
        ),
        format!(
            "v ← β₂·v + (1 − β₂)·g² = {b2}·{} + {c2}·{g}² = {}",
            paren(a.v_old),
            fmt(a.v)
        ),
        format!(
            "m̂ = m/(1 − β₁ᵗ) = {}/(1 − {b1}^{t}) = {}",
            paren(a.m),
            fmt(a.m_hat)
        ),
        format!(
            "v̂ = v/(1 − β₂ᵗ) = {}/(1 − {b2}^{t}) = {}",
            fmt(a.v),
            fmt(a.v_hat)
        ),
        format!(
            "w ← w − r·m̂/(√v̂ + ε) = {old} − {r}·{}/(√{} + {}) = {new}",
            paren(a.m_hat),
            fmt(a.v_hat),
            fmt(epsilon)
        ),
    ]
}
