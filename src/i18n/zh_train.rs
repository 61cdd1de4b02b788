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

/// Keys `err.api.*` of the network lab's data-set methods.
pub const TRAIN_API: &[(&str, &str)] = &[
    (
        "err.api.sizes",
        "网络形状必须是各层大小组成的数组，输入层在前，例如 [2, 4, 2, 1]",
    ),
    (
        "err.api.examples",
        "数据点必须是由 [x1, x2, 标签] 数字数组组成的数组",
    ),
    (
        "err.api.data-options",
        "选项必须是由数字组成的对象 { count, noise, trainFraction, seed }",
    ),
    (
        "err.api.optimizer-options",
        "选项必须是对象，例如 { beta } 或 { beta1, beta2, epsilon }",
    ),
    (
        "err.api.schedule-options",
        "选项必须是对象，例如 { every, factor } 或 { decay }",
    ),
    (
        "err.api.layers",
        "权重的格式必须与 snapshot().layers 相同：[{ weights, biases }, …]",
    ),
    (
        "err.api.features",
        "特征必须是名称组成的数组，例如 ['x1', 'x2', 'x1sq']",
    ),
    (
        "err.api.bounds",
        "范围必须是数组 [xMin, xMax, yMin, yMax]，元素为数字",
    ),
    (
        "err.api.param",
        "参数必须是 { kind: 'weight', layer, from, to } 或 { kind: 'bias', layer, neuron }",
    ),
];

/// Keys `term.*`: the engine's names of settings, as the error messages write them.
pub const TERMS: &[(&str, &str)] = &[
    ("term.data set", "数据集"),
    ("term.feature", "特征"),
    ("term.activation", "激活函数"),
    ("term.loss", "损失函数"),
    ("term.optimizer", "优化器"),
    ("term.regularization", "正则化"),
    ("term.schedule", "学习率计划"),
    ("term.beta", "β"),
    ("term.beta1", "β₁"),
    ("term.beta2", "β₂"),
    ("term.epsilon", "ε"),
    ("term.decay factor", "衰减因子"),
    ("term.decay interval", "衰减间隔"),
    ("term.decay", "衰减率"),
    ("term.example index", "样本序号"),
    ("term.h", "微调量 h"),
    ("term.hidden layer", "隐藏层"),
    ("term.neurons per layer", "每层神经元数"),
    ("term.number of features", "特征数"),
    ("term.batch size", "批量大小"),
    ("term.count", "点数"),
    ("term.epochs", "轮数"),
    ("term.grid size", "网格大小"),
    ("term.noise", "噪声"),
    ("term.regularization rate", "正则化率"),
    ("term.train fraction", "训练集比例"),
    ("term.learning rate", "学习率"),
];
