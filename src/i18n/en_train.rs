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
