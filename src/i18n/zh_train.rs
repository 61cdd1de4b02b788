//! The Chinese strings of the data-set trainer's errors (network tab and JS API).

/// Keys `err.train.*`, one per `TrainError::code()`.
pub const TRAIN: &[(&str, &str)] = &[
    ("err.train.unknown-name", "没有名为“{name}”的{what}。"),
    (
        "err.train.out-of-range",
        "{what} 必须在 {range} 之内（收到 {value}）。",
    ),
    (
        "err.train.label",
        "第 {index} 个样本的标签是 {label}，损失 {loss} 不能使用它（分类标签只能是 −1 或 +1）。",
    ),
    (
        "err.train.no-examples",
        "没有训练样本：请添加数据点或选择一个数据集。",
    ),
    (
        "err.train.no-parameter",
        "网络中没有这个权重或偏置（{what}）。",
    ),
    (
        "err.train.csv-line",
        "第 {line} 行：{problem}；其余各行已读入。",
    ),
];
