//! The English strings of the data-set trainer's errors (network tab and JS API).

/// Keys `err.train.*`, one per `TrainError::code()`.
pub const TRAIN: &[(&str, &str)] = &[
    ("err.train.unknown-name", "there is no {what} called “{name}”."),
    ("err.train.out-of-range", "{what} must be in {range} (got {value})."),
    ("err.train.label", "example {index} has the label {label}, which the loss {loss} cannot use (classification labels are −1 or +1)."),
    ("err.train.no-examples", "there is no training example: add points or choose a data set."),
    ("err.train.no-parameter", "the network has no such weight or bias ({what})."),
    ("err.train.csv-line", "line {line}: {problem}; the other lines were loaded."),
];

/// Keys `err.api.*` of the network lab's data-set methods.
pub const TRAIN_API: &[(&str, &str)] = &[
    ("err.api.sizes", "the shape must be an array of layer sizes, inputs first, e.g. [2, 4, 2, 1]"),
    ("err.api.examples", "the points must be an array of [x1, x2, label] arrays of numbers"),
    ("err.api.data-options", "the options must be an object { count, noise, trainFraction, seed } of numbers"),
    ("err.api.optimizer-options", "the options must be an object such as { beta } or { beta1, beta2, epsilon }"),
    ("err.api.schedule-options", "the options must be an object such as { every, factor } or { decay }"),
    ("err.api.layers", "the weights must be laid out as snapshot().layers: [{ weights, biases }, …]"),
    ("err.api.features", "the features must be an array of names such as ['x1', 'x2', 'x1sq']"),
    ("err.api.bounds", "the bounds must be an array [xMin, xMax, yMin, yMax] of numbers"),
    ("err.api.param", "the parameter must be { kind: 'weight', layer, from, to } or { kind: 'bias', layer, neuron }"),
];

/// Keys `term.*`: the engine's names of settings, as the error messages write them.
pub const TERMS: &[(&str, &str)] = &[
    ("term.data set", "data set"),
    ("term.feature", "feature"),
    ("term.activation", "activation"),
    ("term.loss", "loss"),
    ("term.optimizer", "optimizer"),
    ("term.regularization", "regularization"),
    ("term.schedule", "learning-rate schedule"),
    ("term.beta", "β"),
    ("term.beta1", "β₁"),
    ("term.beta2", "β₂"),
    ("term.epsilon", "ε"),
    ("term.decay factor", "decay factor"),
    ("term.decay interval", "decay interval"),
    ("term.decay", "decay"),
    ("term.example index", "example index"),
    ("term.h", "the nudge h"),
    ("term.hidden layer", "hidden layer"),
    ("term.neurons per layer", "neurons per layer"),
    ("term.number of features", "number of features"),
    ("term.batch size", "batch size"),
    ("term.count", "count"),
    ("term.epochs", "epochs"),
    ("term.grid size", "grid size"),
    ("term.noise", "noise"),
    ("term.regularization rate", "regularization rate"),
    ("term.train fraction", "training fraction"),
    ("term.learning rate", "learning rate"),
];
