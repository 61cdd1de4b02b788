//! The English strings of the phase panel on a mini-batch: which example it shows,
//! the batch means, and each optimizer's and penalty's Update.

/// Keys `panel.batch.*`, `panel.loss.batch`, `panel.backward.batch`, `panel.update.*`
/// (beyond the tutorial's), `net.tip.*` of the batch mean, `net.batch.*` (the chooser).
pub const BATCH: &[(&str, &str)] = &[
    ("panel.batch.example", "Mini-batch of {n} training examples (#{first}–#{last}). Each phase computes all of them; the numbers below are example {k} of {n} (#{index}) — ◀ ▶ shows another."),
    ("panel.loss.batch", "Mean over the batch's {n} examples: L = (1/n)·Σₛ Lₛ = {loss}"),
    ("panel.backward.batch", "Mean over the batch's {n} examples (what the Update uses and the edges show):"),
    ("panel.update.what-batch", "Every weight and bias moves against its mean gradient over the batch's {n} examples, ḡ = (1/n)·Σₛ ∂Lₛ/∂θ, scaled by the learning rate r = {r}."),
    ("panel.update.momentum", "Momentum (β = {beta}): a velocity v keeps a running sum of the gradients, v ← β·v + g, and each parameter moves by −r·v; r = {r}, g = the mean gradient ḡ over the batch's {n} examples."),
    ("panel.update.adam", "Adam (β₁ = {beta1}, β₂ = {beta2}, ε = {epsilon}, step t = {t}): m and v are running means of g and g², m̂ and v̂ correct their start at 0, and each parameter moves by −r·m̂/(√v̂ + ε); r = {r}, g = the mean gradient ḡ over the batch's {n} examples (⊘ and √ entry by entry)."),
    ("panel.update.l1", "L1 penalty (λ = {lambda}): each weight's gradient gets + λ·sign(w), the biases' does not; with SGD a weight that this would push across 0 stops at 0."),
    ("panel.update.l2", "L2 penalty (λ = {lambda}): each weight's gradient gets + λ·w, the biases' does not."),
    ("panel.update.example-of", "For example, {name}:"),
    ("panel.update.done-batch", "Training step {step} done; the mean loss of its {n} examples was L = {loss}."),
    ("net.tip.grad_example", "this example's gradient ∂Lₛ/∂w = {grad}"),
    ("net.tip.grad_mean", "the batch's mean gradient (the edge's colour, what the Update uses): ḡ = {mean}"),
    ("net.tip.grad_bias_mean", "the batch's mean gradient (what the Update uses): ḡ = {mean}"),
    ("net.batch.label", "Example {k} of {n}"),
    ("net.batch.prev", "Show the batch's previous example"),
    ("net.batch.next", "Show the batch's next example"),
];
