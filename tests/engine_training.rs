//! The data-set trainer: every update rule against hand-computed numbers on a one-weight
//! network, every activation/loss against finite differences, the phase path against
//! the fast path, initialisation, schedules, labels, explosions and the grid.

use backprop_lab::engine::activation::Activation;
use backprop_lab::engine::build::Init;
use backprop_lab::engine::data::{generate, DataSpec, Example, FeatureSet};
use backprop_lab::engine::loss::LossKind;
use backprop_lab::engine::mlp::Mlp;
use backprop_lab::engine::optim::{Optimizer, Regularization, Schedule};
use backprop_lab::engine::trainer::{GradScope, ParamRef, TrainSettings, Trainer};
use backprop_lab::engine::EngineError;

const W: ParamRef = ParamRef::Weight {
    layer: 1,
    from: 0,
    to: 0,
};

/// `o = w·x₁ + b` (features x₁ only), w = 0.5, b = 0.1, on (x₁ = 2, target 1):
/// o = 1.1, ∂L/∂o = 0.1, ∂L/∂w = 0.2, ∂L/∂b = 0.1.
fn one_weight(settings: TrainSettings) -> Trainer {
    let mut mlp = Mlp::build(
        &[1, 1],
        &[],
        Activation::Identity,
        LossKind::SquaredError,
        Init::Zero,
    )
    .unwrap();
    mlp.layers[0].weights[0][0] = 0.5;
    mlp.layers[0].biases[0] = 0.1;
    let ex = Example {
        x: [2.0, 7.0],
        label: 1.0,
    };
    Trainer::for_examples(mlp, "x1".parse().unwrap(), vec![ex], vec![], settings).unwrap()
}

fn wb(t: &Trainer) -> (f64, f64) {
    (t.mlp().layers[0].weights[0][0], t.mlp().layers[0].biases[0])
}

fn rule(optimizer: Optimizer, regularization: Regularization) -> TrainSettings {
    TrainSettings {
        learning_rate: 0.1,
        batch_size: 1,
        optimizer,
        regularization,
        schedule: Schedule::Constant,
    }
}

fn close(a: f64, b: f64, tol: f64, what: &str) {
    assert!((a - b).abs() <= tol, "{what}: {a} vs {b}");
}

#[test]
fn sgd_and_the_penalties_by_hand() {
    let mut t = one_weight(rule(Optimizer::Sgd, Regularization::None));
    t.step_batch().unwrap();
    close(wb(&t).0, 0.5 - 0.1 * 0.2, 1e-15, "w");
    close(wb(&t).1, 0.1 - 0.1 * 0.1, 1e-15, "b");
    // L2 λ = 0.5: w ← 0.48 − (0.1·0.5)·0.5; the bias is not penalised
    let mut t = one_weight(rule(Optimizer::Sgd, Regularization::L2(0.5)));
    t.step_batch().unwrap();
    close(wb(&t).0, 0.455, 1e-15, "L2 w");
    close(wb(&t).1, 0.09, 1e-15, "L2 b");
    // L1 λ = 0.5: w ← 0.48 − 0.05·sign(0.5)
    let mut t = one_weight(rule(Optimizer::Sgd, Regularization::L1(0.5)));
    t.step_batch().unwrap();
    close(wb(&t).0, 0.43, 1e-15, "L1 w");
    // L1 that would carry the weight across zero leaves it at exactly 0
    let mut t = one_weight(rule(Optimizer::Sgd, Regularization::L1(9.0)));
    t.step_batch().unwrap();
    assert_eq!(wb(&t).0, 0.0);
}

#[test]
fn momentum_and_adam_by_hand() {
    let mut t = one_weight(rule(
        Optimizer::Momentum { beta: 0.9 },
        Regularization::None,
    ));
    t.step_batch().unwrap(); // v = 0.2, w = 0.48
    close(wb(&t).0, 0.48, 1e-15, "momentum 1");
    let v = t.snapshot().layers[0]
        .moments
        .clone()
        .unwrap()
        .velocity
        .unwrap();
    close(v.weights[0][0], 0.2, 1e-15, "velocity");
    // second step: o = 0.48·2 + 0.09 = 1.05, g_w = 0.1, v = 0.9·0.2 + 0.1 = 0.28
    t.step_batch().unwrap();
    close(wb(&t).0, 0.48 - 0.1 * 0.28, 1e-15, "momentum 2");

    let adam = Optimizer::Adam {
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-8,
    };
    let mut t = one_weight(rule(adam, Regularization::None));
    t.step_batch().unwrap(); // m̂ = g, v̂ = g²: w ← w − r·g/(|g| + ε)
    close(wb(&t).0, 0.5 - 0.1 * 0.2 / (0.2 + 1e-8), 1e-15, "adam w");
    close(wb(&t).1, 0.1 - 0.1 * 0.1 / (0.1 + 1e-8), 1e-15, "adam b");
    let m = t.snapshot().layers[0].moments.clone().unwrap();
    close(m.m.unwrap().weights[0][0], 0.1 * 0.2, 1e-15, "m");
    close(m.v.unwrap().weights[0][0], 0.001 * 0.04, 1e-18, "v");
    close(m.m_hat.unwrap().weights[0][0], 0.2, 1e-14, "m hat");
    close(m.v_hat.unwrap().weights[0][0], 0.04, 1e-14, "v hat");
    assert_eq!(t.snapshot().training.t, 1);
}

#[test]
fn schedules_by_hand() {
    let step = Schedule::StepDecay {
        every: 10,
        factor: 0.1,
    };
    assert_eq!((step.rate(0.3, 9), step.rate(0.3, 10)), (0.3, 0.3 * 0.1));
    close(step.rate(0.3, 25), 0.3 * 0.01, 1e-17, "step decay");
    assert_eq!(Schedule::InverseTime { decay: 0.5 }.rate(1.0, 4), 1.0 / 3.0);
    assert_eq!(Schedule::Constant.rate(0.7, 1000), 0.7);
    assert!(Schedule::StepDecay {
        every: 0,
        factor: 0.5
    }
    .checked()
    .is_err());
}

/// Circle points, a network with the given hidden activation and output/loss pair.
fn trainer(
    hidden: Activation,
    output: Activation,
    loss: LossKind,
    settings: TrainSettings,
) -> Trainer {
    let split = generate(&DataSpec {
        count: 60,
        noise: 0.1,
        ..DataSpec::default()
    })
    .unwrap();
    let n_out = if loss == LossKind::SoftmaxCrossEntropy {
        2
    } else {
        1
    };
    let mlp = Mlp::build(
        &[3, 4, 3, n_out],
        &[hidden, hidden],
        output,
        loss,
        Init::Seeded(9),
    )
    .unwrap();
    let features = FeatureSet::new(&[
        backprop_lab::engine::data::Feature::X1,
        backprop_lab::engine::data::Feature::X2,
        backprop_lab::engine::data::Feature::X1X2,
    ])
    .unwrap();
    Trainer::for_examples(mlp, features, split.train, split.test, settings).unwrap()
}

const PAIRS: [(Activation, LossKind); 4] = [
    (Activation::Tanh, LossKind::SquaredError),
    (Activation::Identity, LossKind::SquaredError),
    (Activation::Sigmoid, LossKind::BinaryCrossEntropy),
    (Activation::Softmax, LossKind::SoftmaxCrossEntropy),
];
const HIDDEN: [Activation; 4] = [
    Activation::Tanh,
    Activation::Sigmoid,
    Activation::Relu,
    Activation::Identity,
];

#[test]
fn backprop_matches_finite_differences_for_every_activation_and_loss() {
    for hidden in HIDDEN {
        for (output, loss) in PAIRS {
            let settings = TrainSettings {
                batch_size: 7,
                ..TrainSettings::default()
            };
            let mut t = trainer(hidden, output, loss, settings);
            t.step_batch().unwrap(); // move off the start
            let sizes = t.mlp().sizes();
            for layer in 1..sizes.len() {
                let params = (0..sizes[layer - 1])
                    .map(|from| ParamRef::Weight { layer, from, to: 0 })
                    .chain([ParamRef::Bias { layer, neuron: 0 }]);
                for p in params {
                    for scope in [GradScope::Example(3), GradScope::Batch] {
                        let c = t.check_gradient(p, 1e-5, scope).unwrap();
                        let tol = 1e-6 * (1.0 + c.backprop.abs());
                        assert!(
                            (c.central - c.backprop).abs() <= tol,
                            "{hidden:?} {output:?} {p:?} {scope:?}: {c:?}"
                        );
                        assert!((c.forward - c.backprop).abs() <= 1e-3 * (1.0 + c.backprop.abs()));
                    }
                }
            }
        }
    }
}

fn params(t: &Trainer) -> Vec<f64> {
    t.mlp()
        .layers
        .iter()
        .flat_map(|l| l.parameters().collect::<Vec<_>>())
        .collect()
}

#[test]
fn the_fast_path_gives_the_phase_path_numbers() {
    let adam = Optimizer::Adam {
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-8,
    };
    let settings = [
        (
            Optimizer::Momentum { beta: 0.9 },
            Regularization::L2(0.01),
            Schedule::StepDecay {
                every: 2,
                factor: 0.5,
            },
        ),
        (
            adam,
            Regularization::L1(0.003),
            Schedule::InverseTime { decay: 0.3 },
        ),
        (Optimizer::Sgd, Regularization::L1(0.01), Schedule::Constant),
    ];
    for (k, (optimizer, regularization, schedule)) in settings.into_iter().enumerate() {
        let (output, loss) = PAIRS[k % 4];
        // 30 training points in batches of 7: the last batch of each epoch has 2
        let s = TrainSettings {
            learning_rate: 0.05,
            batch_size: 7,
            optimizer,
            regularization,
            schedule,
        };
        let mut phases = trainer(HIDDEN[k], output, loss, s);
        let mut fast = phases.clone();
        for _ in 0..3 {
            phases.step_epoch().unwrap();
        }
        let report = fast.train_epochs(3).unwrap();
        for (a, b) in params(&phases).iter().zip(params(&fast)) {
            assert!(
                (a - b).abs() <= 1e-12 * (1.0 + a.abs()),
                "{optimizer:?}: {a} vs {b}"
            );
        }
        let (sp, sf) = (phases.snapshot().training, fast.snapshot().training);
        assert_eq!((sp.epoch, sf.epoch, phases.snapshot().step), (3, 3, 15));
        assert_eq!(fast.snapshot().step, 15);
        for (a, b) in sp
            .train_loss
            .iter()
            .zip(&sf.train_loss)
            .chain(sp.test_loss.iter().zip(&sf.test_loss))
        {
            assert!((a - b).abs() <= 1e-12 * (1.0 + a.abs()));
        }
        assert_eq!(report.train_loss, *sf.train_loss.last().unwrap());
    }
}

#[test]
fn zero_init_keeps_hidden_units_equal_and_seeds_reproduce() {
    let mut t = trainer(
        Activation::Tanh,
        Activation::Tanh,
        LossKind::SquaredError,
        TrainSettings::default(),
    );
    t.reinitialise(Init::Zero);
    t.train_epochs(5).unwrap();
    let l1 = &t.mlp().layers[0];
    for row in &l1.weights {
        assert!(row.iter().all(|w| *w == row[0]), "{row:?}");
    }
    assert!(l1.biases.iter().all(|b| *b == l1.biases[0]));
    t.reinitialise(Init::Seeded(9));
    let again = trainer(
        Activation::Tanh,
        Activation::Tanh,
        LossKind::SquaredError,
        TrainSettings::default(),
    );
    assert_eq!(t.mlp(), again.mlp());
    assert!(params(&again)
        .iter()
        .all(|v| (-0.5..0.5).contains(v) || *v == 0.1));
    assert!(again
        .mlp()
        .layers
        .iter()
        .all(|l| l.biases.iter().all(|b| *b == 0.1)));
}

#[test]
fn labels_must_fit_the_loss_and_bad_settings_change_nothing() {
    let mut t = trainer(
        Activation::Tanh,
        Activation::Softmax,
        LossKind::SoftmaxCrossEntropy,
        TrainSettings::default(),
    );
    let before = t.snapshot();
    let regression = vec![Example {
        x: [0.0, 1.0],
        label: 0.3,
    }];
    assert_eq!(
        t.set_examples(regression, vec![]).unwrap_err().code(),
        "label"
    );
    assert_eq!(t.set_batch_size(0).unwrap_err().code(), "out-of-range");
    assert!(t
        .set_optimizer(Optimizer::Adam {
            beta1: 1.0,
            beta2: 0.9,
            epsilon: 1e-8
        })
        .is_err());
    assert!(t.set_regularization(Regularization::L2(-1.0)).is_err());
    assert!(t
        .set_parameter(
            ParamRef::Bias {
                layer: 9,
                neuron: 0
            },
            1.0
        )
        .is_err());
    assert_eq!(t.snapshot(), before);
    assert!(Mlp::build(
        &[2, 4, 1],
        &[Activation::Tanh],
        Activation::Sigmoid,
        LossKind::SquaredError,
        Init::Zero
    )
    .is_err());
    assert!(Mlp::build(
        &[2, 17, 1],
        &[Activation::Tanh],
        Activation::Tanh,
        LossKind::SquaredError,
        Init::Zero
    )
    .is_err());
}

#[test]
fn an_exploding_run_stops_at_the_last_finite_weights() {
    let s = TrainSettings {
        learning_rate: 1e6,
        batch_size: 1,
        ..TrainSettings::default()
    };
    let mut t = trainer(
        Activation::Relu,
        Activation::Identity,
        LossKind::SquaredError,
        s,
    );
    assert_eq!(t.train_epochs(50), Err(EngineError::Exploded));
    assert!(params(&t).iter().all(|v| v.is_finite()));
    let epochs = t.epoch();
    assert!(epochs < 50, "it should have exploded before epoch 50");
    assert_eq!(t.snapshot().training.train_loss.len(), epochs + 1);
    // The rollback restores exactly the weights after the last finite epoch.
    let mut fresh = trainer(
        Activation::Relu,
        Activation::Identity,
        LossKind::SquaredError,
        s,
    );
    if epochs > 0 {
        fresh.train_epochs(epochs).unwrap();
    }
    assert_eq!(params(&fresh), params(&t));
}

#[test]
fn the_grid_holds_every_neuron_at_the_stated_points() {
    let t = trainer(
        Activation::Tanh,
        Activation::Sigmoid,
        LossKind::BinaryCrossEntropy,
        TrainSettings::default(),
    );
    let g = t.predict_grid(5, [-6.0, 6.0, -4.0, 4.0]).unwrap();
    assert_eq!(
        g.layers.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![3, 4, 3, 1]
    );
    // i = 1, j = 3: x₁ = −6 + 3·12/4 = 3, x₂ = 4 − 1·8/4 = 2
    let p = 5 + 3;
    assert_eq!(
        (g.layers[0][0][p], g.layers[0][1][p], g.layers[0][2][p]),
        (3.0, 2.0, 6.0)
    );
    let out = t.mlp().predict(&[3.0, 2.0, 6.0]).unwrap();
    close(g.layers[3][0][p], out[0], 1e-15, "output");
    close(g.score[p], 2.0 * out[0] - 1.0, 1e-15, "score");
    assert!(t.predict_grid(1, [0.0, 1.0, 0.0, 1.0]).is_err());
    assert!(t.predict_grid(10, [1.0, 0.0, 0.0, 1.0]).is_err());
    // Into a grid of another shape and size, and again into the same: the fresh
    // grid's numbers; a refused grid leaves it as it was.
    let mut reused = t.predict_grid(9, [-1.0, 1.0, -1.0, 1.0]).unwrap();
    reused.layers.push(vec![vec![7.0; 3]]);
    for n in [5, 5] {
        t.predict_grid_into(n, [-6.0, 6.0, -4.0, 4.0], &mut reused)
            .unwrap();
        assert_eq!(reused, g);
    }
    assert!(t
        .predict_grid_into(0, [-6.0, 6.0, -4.0, 4.0], &mut reused)
        .is_err());
    assert_eq!(reused, g);
}

#[test]
fn a_mini_batch_step_shows_one_example_and_the_batch_mean() {
    let s = TrainSettings {
        batch_size: 4,
        ..TrainSettings::default()
    };
    let mut t = trainer(
        Activation::Tanh,
        Activation::Tanh,
        LossKind::SquaredError,
        s,
    );
    t.set_chosen(2);
    t.step_example().unwrap(); // up to Backward{1}
    let snap = t.snapshot();
    assert_eq!(
        (snap.training.batch.clone(), snap.training.chosen),
        (vec![0, 1, 2, 3], 2)
    );
    let mean: f64 = (0..4)
        .map(|i| {
            t.check_gradient(W, 1e-6, GradScope::Example(i))
                .unwrap()
                .backprop
        })
        .sum::<f64>()
        / 4.0;
    close(
        snap.layers[0].batch_grad_weights.as_ref().unwrap()[0][0],
        mean,
        1e-15,
        "batch mean",
    );
    let own = t
        .check_gradient(W, 1e-6, GradScope::Example(2))
        .unwrap()
        .backprop;
    close(
        snap.layers[0].grad_weights.as_ref().unwrap()[0][0],
        own,
        1e-15,
        "chosen",
    );
    t.step_example().unwrap(); // example 3 shown, no update yet
    assert_eq!((t.snapshot().training.chosen, t.snapshot().step), (3, 0));
    t.step_example().unwrap(); // the Update
    assert_eq!(t.snapshot().step, 1);
    t.step_example().unwrap();
    assert_eq!(t.snapshot().training.batch, vec![4, 5, 6, 7]);
}

#[test]
fn accuracy_is_the_share_of_points_on_the_right_side() {
    // each classifying output and loss, with the side read off the network's own
    // prediction: o > 0 (squared error on ±1), p > ½ (cross-entropy), p₁ > p₀ (softmax)
    type Side = fn(&[f64]) -> bool;
    let sides: [(Activation, LossKind, Side); 3] = [
        (Activation::Tanh, LossKind::SquaredError, |o| o[0] > 0.0),
        (Activation::Sigmoid, LossKind::BinaryCrossEntropy, |o| {
            o[0] > 0.5
        }),
        (Activation::Softmax, LossKind::SoftmaxCrossEntropy, |o| {
            o[1] > o[0]
        }),
    ];
    for (output, loss, positive) in sides {
        let mut t = trainer(Activation::Tanh, output, loss, TrainSettings::default());
        t.train_epochs(20).unwrap();
        let (train, test) = t.examples();
        let share = |points: &[Example]| {
            let right = points
                .iter()
                .filter(|e| {
                    let x = t.features().inputs(e.x);
                    let out = t.mlp().predict(&x).unwrap();
                    positive(&out) == (e.label > 0.0)
                })
                .count();
            right as f64 / points.len() as f64
        };
        let snap = t.snapshot().training;
        assert_eq!(snap.train_accuracy, Some(share(train)), "{loss:?}");
        assert_eq!(snap.test_accuracy, Some(share(test)), "{loss:?}");
        assert!(share(train) > 0.5, "{loss:?}: {}", share(train));
    }
    let plane = generate(&DataSpec {
        set: backprop_lab::engine::data::DataSet::Plane,
        ..DataSpec::default()
    })
    .unwrap();
    let mut r = trainer(
        Activation::Tanh,
        Activation::Tanh,
        LossKind::SquaredError,
        TrainSettings::default(),
    );
    r.set_examples(plane.train, plane.test).unwrap();
    assert_eq!(
        r.snapshot().training.train_accuracy,
        None,
        "no accuracy for regression"
    );
}

#[test]
fn shape_output_and_features_change_the_network_as_a_learner_expects() {
    use backprop_lab::engine::mlp::Preset;
    let mut t = Trainer::from_preset(Preset::TutorialRegression);
    t.set_shape(&[2, 3, 5, 1], Init::Seeded(4)).unwrap();
    // the tutorial's sample becomes the data set; the hidden sigmoid is kept and extended
    assert_eq!(
        t.examples().0,
        &[Example {
            x: [1.0, -1.0],
            label: 0.5
        }]
    );
    let acts: Vec<Activation> = t.mlp().layers.iter().map(|l| l.activation).collect();
    assert_eq!(
        acts,
        vec![
            Activation::Sigmoid,
            Activation::Sigmoid,
            Activation::Identity
        ]
    );
    t.set_hidden_activation(Activation::Relu, Some(2)).unwrap();
    assert_eq!(t.mlp().layers[1].activation, Activation::Relu);
    t.set_output(
        Activation::Softmax,
        LossKind::SoftmaxCrossEntropy,
        Init::Seeded(4),
    )
    .err()
    .unwrap(); // label 0.5
    assert_eq!(
        t.mlp().sizes(),
        vec![2, 3, 5, 1],
        "a refused change keeps the network"
    );
    let split = generate(&DataSpec::default()).unwrap();
    t.set_examples(split.train, split.test).unwrap();
    t.set_output(
        Activation::Softmax,
        LossKind::SoftmaxCrossEntropy,
        Init::Seeded(4),
    )
    .unwrap();
    assert_eq!(t.mlp().sizes(), vec![2, 3, 5, 2]);
    t.set_features("x1,x2,x1sq,x2sq".parse().unwrap(), Init::Seeded(4))
        .unwrap();
    assert_eq!(t.mlp().sizes(), vec![4, 3, 5, 2]);
    assert!(
        t.set_shape(&[2, 3, 2], Init::Seeded(4)).is_err(),
        "inputs must equal the features"
    );
    assert!(t.set_hidden_activation(Activation::Tanh, Some(3)).is_err());
    assert_eq!(t.mlp().sizes(), vec![4, 3, 5, 2]);
}

#[test]
fn names_read_what_the_settings_are_called() {
    use backprop_lab::engine::names::{self, Hyper};
    for (name, h) in [
        ("constant", Hyper::default()),
        (
            "step",
            Hyper {
                every: Some(5.0),
                factor: Some(0.5),
                ..Hyper::default()
            },
        ),
        (
            "inverse-time",
            Hyper {
                decay: Some(0.2),
                ..Hyper::default()
            },
        ),
    ] {
        assert_eq!(names::schedule(name, h).unwrap().name(), name);
    }
    for name in ["sgd", "momentum", "adam"] {
        assert_eq!(
            names::optimizer(name, Hyper::default()).unwrap().name(),
            name
        );
    }
    assert_eq!(
        names::regularization("l1", 0.1).unwrap(),
        Regularization::L1(0.1)
    );
    assert_eq!(
        names::loss(names::loss_name(LossKind::BinaryCrossEntropy)).unwrap(),
        LossKind::BinaryCrossEntropy
    );
    assert!(names::schedule(
        "step",
        Hyper {
            every: Some(1.5),
            ..Hyper::default()
        }
    )
    .is_err());
    assert_eq!(
        names::optimizer("rmsprop", Hyper::default())
            .unwrap_err()
            .code(),
        "unknown-name"
    );
}
