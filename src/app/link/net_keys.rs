//! The link's keys of a data-set run (`data`, `seed`, `count`, `noise`, `train`,
//! `features`, `shape`, `acts`, `out`, `init`, `batch`, `opt`, `reg`, `schedule`,
//! `points` of the custom set)
//! and the teacher's `hide`: reading each value's form (the engine checks ranges
//! when the value is applied) and writing them back, so a link reproduces a run.

use std::str::FromStr;

use crate::app::input::{parse_count, parse_number};
use crate::app::message::{Message, Topic};
use crate::app::network::dataset::{DataParams, OutputKind};
use crate::app::network::HIDEABLE;
use crate::engine::activation::Activation;
use crate::engine::build::Init;
use crate::engine::data::{DataSet, Example, FeatureSet};
use crate::engine::optim::{Optimizer, Regularization, Schedule};

fn param(code: &'static str) -> Message {
    Message::new(Topic::Param, code)
}

/// Sets the data-set key `key` of `d` from `value`; `Ok(false)` if `key` is not one of them.
pub fn set_data_key(d: &mut DataParams, key: &str, value: &str) -> Result<bool, Message> {
    match key {
        "data" => d.set = DataSet::from_str(value).map_err(|_| param("data"))?,
        "seed" => d.seed = parse_seed(value)?,
        "count" => d.count = parse_count(value)?,
        "noise" => d.noise = parse_number(value)?,
        "train" => d.train_fraction = parse_number(value)?,
        "features" => {
            let set = FeatureSet::from_str(value).map_err(|_| param("features"))?;
            d.features = set.features().to_vec();
        }
        "shape" => d.hidden = parse_sizes(value)?,
        "acts" => d.activations = Some(parse_activations(value)?),
        "out" => d.output = OutputKind::from_name(value).ok_or_else(|| param("out"))?,
        "init" => d.init = parse_init(value)?,
        "batch" => d.batch_size = parse_count(value)?,
        "opt" => d.optimizer = parse_optimizer(value)?,
        "reg" => d.regularization = parse_regularization(value)?,
        "schedule" => d.schedule = parse_schedule(value)?,
        "points" => d.points = parse_points(value)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// `hide=data,optimizer`: names from [`HIDEABLE`].
pub fn parse_hide(value: &str) -> Result<Vec<String>, Message> {
    let names: Vec<String> = value
        .split(',')
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect();
    if names.iter().all(|n| HIDEABLE.contains(&n.as_str())) {
        Ok(names)
    } else {
        Err(param("hide"))
    }
}

/// The data-set keys of `d`, each `key=value` (none for the tutorial's sample).
pub fn data_pairs(d: &DataParams) -> Vec<String> {
    if d.set == DataSet::Tutorial {
        return Vec::new();
    }
    let features = FeatureSet::new(&d.features).map_or_else(|_| String::new(), |f| f.names());
    let mut parts = vec![
        format!("data={}", d.set.name()),
        format!("seed={}", d.seed),
        format!("count={}", d.count),
        format!("noise={}", d.noise),
        format!("train={}", d.train_fraction),
        format!("features={features}"),
        format!("shape={}", join(&d.hidden)),
    ];
    if let Some(acts) = &d.activations {
        let names: Vec<&str> = acts.iter().map(|a| a.name()).collect();
        parts.push(format!("acts={}", names.join(",")));
    }
    parts.push(format!("out={}", d.output.name()));
    parts.push(format!("init={}", init_text(d.init)));
    parts.push(format!("batch={}", d.batch_size));
    parts.push(format!("opt={}", optimizer_text(d.optimizer)));
    parts.push(format!("reg={}", regularization_text(d.regularization)));
    parts.push(format!("schedule={}", schedule_text(d.schedule)));
    if d.set == DataSet::Custom {
        parts.push(format!("points={}", points_text(&d.points)));
    }
    parts
}

fn join<T: ToString>(v: &[T]) -> String {
    v.iter().map(T::to_string).collect::<Vec<_>>().join(",")
}

fn parse_seed(value: &str) -> Result<u64, Message> {
    value.trim().parse::<u64>().map_err(|_| param("seed"))
}

/// `4,2` → [4, 2]; empty → no hidden layer.
fn parse_sizes(value: &str) -> Result<Vec<usize>, Message> {
    value
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| match s.trim().parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(param("shape")),
        })
        .collect()
}

fn parse_activations(value: &str) -> Result<Vec<Activation>, Message> {
    value
        .split(',')
        .map(|s| match Activation::from_name(s.trim()) {
            Some(Activation::Softmax) | None => Err(param("activation")),
            Some(a) => Ok(a),
        })
        .collect()
}

fn parse_init(value: &str) -> Result<Init, Message> {
    if value == "zero" {
        return Ok(Init::Zero);
    }
    parse_seed(value).map(Init::Seeded)
}

fn init_text(init: Init) -> String {
    match init {
        Init::Seeded(seed) => seed.to_string(),
        Init::Zero => "zero".into(),
    }
}

/// `name` or `name:a,b,c` → the name and the numbers.
fn split_args(value: &str) -> Result<(&str, Vec<f64>), Message> {
    let (name, args) = value.split_once(':').unwrap_or((value, ""));
    let numbers = args
        .split(',')
        .filter(|s| !s.is_empty())
        .map(parse_number)
        .collect::<Result<Vec<f64>, Message>>()?;
    Ok((name, numbers))
}

/// `sgd`, `momentum:0.9`, `adam:0.9,0.999,1e-8` (missing numbers take the usual defaults).
fn parse_optimizer(value: &str) -> Result<Optimizer, Message> {
    let (name, a) = split_args(value)?;
    let at = |i: usize, default: f64| a.get(i).copied().unwrap_or(default);
    match name {
        "sgd" => Ok(Optimizer::Sgd),
        "momentum" => Ok(Optimizer::Momentum { beta: at(0, 0.9) }),
        "adam" => Ok(Optimizer::Adam {
            beta1: at(0, 0.9),
            beta2: at(1, 0.999),
            epsilon: at(2, 1e-8),
        }),
        _ => Err(param("opt")),
    }
}

fn optimizer_text(o: Optimizer) -> String {
    match o {
        Optimizer::Sgd => "sgd".into(),
        Optimizer::Momentum { beta } => format!("momentum:{beta}"),
        Optimizer::Adam {
            beta1,
            beta2,
            epsilon,
        } => format!("adam:{beta1},{beta2},{epsilon}"),
    }
}

/// `none`, `l1:0.001`, `l2:0.001`.
fn parse_regularization(value: &str) -> Result<Regularization, Message> {
    let (name, a) = split_args(value)?;
    let rate = a.first().copied().unwrap_or(0.001);
    match name {
        "none" => Ok(Regularization::None),
        "l1" => Ok(Regularization::L1(rate)),
        "l2" => Ok(Regularization::L2(rate)),
        _ => Err(param("reg")),
    }
}

fn regularization_text(r: Regularization) -> String {
    match r {
        Regularization::None => "none".into(),
        Regularization::L1(rate) => format!("l1:{rate}"),
        Regularization::L2(rate) => format!("l2:{rate}"),
    }
}

/// `constant`, `step:50,0.5` (every 50 epochs × 0.5), `inverse-time:0.01`.
fn parse_schedule(value: &str) -> Result<Schedule, Message> {
    let (name, a) = split_args(value)?;
    match (name, a.as_slice()) {
        ("constant", []) => Ok(Schedule::Constant),
        ("step", [every, factor]) if *every >= 1.0 && every.fract() == 0.0 => {
            Ok(Schedule::StepDecay {
                every: *every as usize,
                factor: *factor,
            })
        }
        ("inverse-time", [decay]) => Ok(Schedule::InverseTime { decay: *decay }),
        _ => Err(param("schedule")),
    }
}

fn schedule_text(s: Schedule) -> String {
    match s {
        Schedule::Constant => "constant".into(),
        Schedule::StepDecay { every, factor } => format!("step:{every},{factor}"),
        Schedule::InverseTime { decay } => format!("inverse-time:{decay}"),
    }
}

/// The most points a link may carry (the largest set the page generates).
const MAX_POINTS: usize = 2000;

/// `points=1.5,-2,1;0.25,3,-1`: `x1,x2,label` per point, `;` between points.
fn parse_points(value: &str) -> Result<Vec<Example>, Message> {
    let points: Result<Vec<Example>, Message> = value
        .split(';')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let v: Vec<f64> = p
                .split(',')
                .map(parse_number)
                .collect::<Result<_, _>>()
                .map_err(|_| param("points"))?;
            match v.as_slice() {
                [a, b, label] => Ok(Example {
                    x: [*a, *b],
                    label: *label,
                }),
                _ => Err(param("points")),
            }
        })
        .collect();
    let points = points?;
    if points.len() > MAX_POINTS {
        return Err(param("points"));
    }
    Ok(points)
}

/// The points as [`parse_points`] reads them (shortest round-trip decimals).
fn points_text(points: &[Example]) -> String {
    let items: Vec<String> = points
        .iter()
        .map(|e| format!("{},{},{}", e.x[0], e.x[1], e.label))
        .collect();
    items.join(";")
}
