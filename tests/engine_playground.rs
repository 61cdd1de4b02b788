//! Playground exactness: from the same start, the engine's weights after each of the
//! first ten epochs equal those of an independent JavaScript implementation of the
//! Playground's training loop (tests/e2e/playground-reference.mjs, which wrote
//! tests/fixtures/playground_reference.txt), to 1e-9 relative, on the phase path and on
//! the fast path. Labels ±1, tanh everywhere, ½(o − t)², plain SGD, examples in order.

use backprop_lab::engine::activation::Activation;
use backprop_lab::engine::build::Init;
use backprop_lab::engine::data::{Example, FeatureSet};
use backprop_lab::engine::loss::LossKind;
use backprop_lab::engine::mlp::Mlp;
use backprop_lab::engine::trainer::{TrainSettings, Trainer};

struct Run {
    name: String,
    sizes: Vec<usize>,
    features: FeatureSet,
    batch: usize,
    rate: f64,
    points: Vec<Example>,
    /// `weights[e]`: every weight then bias of each layer after epoch e (0 = start).
    weights: Vec<Vec<f64>>,
    losses: Vec<f64>,
}

fn numbers(s: &str) -> Vec<f64> {
    s.split_whitespace().map(|v| v.parse().unwrap()).collect()
}

fn runs() -> Vec<Run> {
    let text = include_str!("fixtures/playground_reference.txt");
    let mut runs: Vec<Run> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (tag, rest) = line.split_once(' ').unwrap();
        if tag == "run" {
            let f: Vec<&str> = rest.split(" | ").collect();
            runs.push(Run {
                name: f[0].into(),
                sizes: f[1].split(',').map(|v| v.parse().unwrap()).collect(),
                features: f[2].parse().unwrap(),
                batch: f[3].parse().unwrap(),
                rate: f[4].parse().unwrap(),
                points: Vec::new(),
                weights: Vec::new(),
                losses: Vec::new(),
            });
            continue;
        }
        let run = runs.last_mut().unwrap();
        let v = numbers(rest);
        match tag {
            "p" => run.points.push(Example {
                x: [v[0], v[1]],
                label: v[2],
            }),
            t if t.starts_with("loss") => run.losses.push(v[0]),
            _ => run.weights.push(v),
        }
    }
    runs
}

fn flat(mlp: &Mlp) -> Vec<f64> {
    mlp.layers
        .iter()
        .flat_map(|l| {
            l.weights
                .iter()
                .flatten()
                .chain(&l.biases)
                .copied()
                .collect::<Vec<_>>()
        })
        .collect()
}

fn start(run: &Run) -> Trainer {
    let hidden = vec![Activation::Tanh; run.sizes.len() - 2];
    let mut mlp = Mlp::build(
        &run.sizes,
        &hidden,
        Activation::Tanh,
        LossKind::SquaredError,
        Init::Zero,
    )
    .unwrap();
    let mut it = run.weights[0].iter().copied();
    for layer in &mut mlp.layers {
        for row in &mut layer.weights {
            row.iter_mut().for_each(|w| *w = it.next().unwrap());
        }
        layer
            .biases
            .iter_mut()
            .for_each(|b| *b = it.next().unwrap());
    }
    let settings = TrainSettings {
        learning_rate: run.rate,
        batch_size: run.batch,
        ..TrainSettings::default()
    };
    Trainer::for_examples(
        mlp,
        run.features.clone(),
        run.points.clone(),
        Vec::new(),
        settings,
    )
    .unwrap()
}

fn assert_close(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        let rel = (g - w).abs() / w.abs().max(1e-3);
        assert!(
            rel <= 1e-9,
            "{what}, parameter {k}: engine {g}, reference {w} (rel {rel:e})"
        );
    }
}

#[test]
fn phase_path_equals_the_playground_loop_for_ten_epochs() {
    let runs = runs();
    assert_eq!(runs.len(), 4);
    for run in &runs {
        assert_eq!(run.points.len(), 250);
        let mut t = start(run);
        assert_eq!(flat(t.mlp()), run.weights[0]);
        for e in 1..=10 {
            t.step_epoch().unwrap();
            assert_eq!(t.epoch(), e);
            assert_close(
                &flat(t.mlp()),
                &run.weights[e],
                &format!("{} epoch {e}", run.name),
            );
            let loss = *t.snapshot().training.train_loss.last().unwrap();
            assert!(
                (loss - run.losses[e - 1]).abs() <= 1e-9 * run.losses[e - 1],
                "{}: loss {loss}",
                run.name
            );
        }
        assert_eq!(t.snapshot().step, 10 * 250usize.div_ceil(run.batch));
    }
}

#[test]
fn fast_path_equals_the_playground_loop_for_ten_epochs() {
    for run in &runs() {
        let mut t = start(run);
        for e in 1..=10 {
            let report = t.train_epochs(1).unwrap();
            assert_eq!(report.epoch, e);
            assert_close(
                &flat(t.mlp()),
                &run.weights[e],
                &format!("{} fast epoch {e}", run.name),
            );
            assert!((report.train_loss - run.losses[e - 1]).abs() <= 1e-9 * run.losses[e - 1]);
        }
        let mut ten = start(run);
        ten.train_epochs(10).unwrap();
        assert_eq!(
            flat(ten.mlp()),
            flat(t.mlp()),
            "{}: 10 at once = 10 times 1",
            run.name
        );
    }
}
