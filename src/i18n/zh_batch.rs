//! 小批量上的阶段面板的中文文字：显示哪个样本、批量平均值，以及各优化器和正则项的更新。

/// Keys `panel.batch.*`, `panel.loss.batch`, `panel.backward.batch`, `panel.update.*`
/// (beyond the tutorial's), `net.tip.*` of the batch mean, `net.batch.*` (the chooser).
pub const BATCH: &[(&str, &str)] = &[
    ("panel.batch.example", "小批量共 {n} 个训练样本（#{first}–#{last}）。每个阶段都对它们全部计算；下面的数值是其中第 {k}/{n} 个（#{index}）—— 用 ◀ ▶ 查看其他样本。"),
    ("panel.loss.batch", "本批 {n} 个样本的平均：L = (1/n)·Σₛ Lₛ = {loss}"),
    ("panel.backward.batch", "本批 {n} 个样本的平均梯度（更新所用、连线颜色所示）："),
    ("panel.update.what-batch", "每个权重和偏置都逆着它在本批 {n} 个样本上的平均梯度 ḡ = (1/n)·Σₛ ∂Lₛ/∂θ 移动，步长由学习率 r = {r} 决定。"),
    ("panel.update.momentum", "动量法（β = {beta}）：速度 v 累积历次梯度，v ← β·v + g，每个参数移动 −r·v；r = {r}，g 为本批 {n} 个样本的平均梯度 ḡ。"),
    ("panel.update.adam", "Adam（β₁ = {beta1}，β₂ = {beta2}，ε = {epsilon}，第 t = {t} 步）：m 和 v 是 g 与 g² 的滑动平均，m̂ 和 v̂ 修正它们从 0 起步的偏差，每个参数移动 −r·m̂/(√v̂ + ε)；r = {r}，g 为本批 {n} 个样本的平均梯度 ḡ（⊘ 与 √ 逐元素计算）。"),
    ("panel.update.l1", "L1 正则（λ = {lambda}）：每个权重的梯度加上 λ·sign(w)，偏置不加；用 SGD 时，若这一项会让权重越过 0，它就停在 0。"),
    ("panel.update.l2", "L2 正则（λ = {lambda}）：每个权重的梯度加上 λ·w，偏置不加。"),
    ("panel.update.example-of", "例如 {name}："),
    ("panel.update.done-batch", "第 {step} 次训练完成，本批 {n} 个样本的平均损失 L = {loss}。"),
    ("net.tip.grad_example", "这个样本的梯度 ∂Lₛ/∂w = {grad}"),
    ("net.tip.grad_mean", "本批的平均梯度（连线的颜色，更新所用）：ḡ = {mean}"),
    ("net.tip.grad_bias_mean", "本批的平均梯度（更新所用）：ḡ = {mean}"),
    ("net.batch.label", "第 {k}/{n} 个样本"),
    ("net.batch.prev", "查看本批的上一个样本"),
    ("net.batch.next", "查看本批的下一个样本"),
];
