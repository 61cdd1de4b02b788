//! The trainer's phase machine: order of phases, what each snapshot holds, the
//! multi-phase commands, edits that restart a step, data sets and explosion.

use backprop_lab::engine::activation::Activation;
use backprop_lab::engine::loss::LossKind;
use backprop_lab::engine::mlp::{Mlp, Preset};
use backprop_lab::engine::snapshot::{NetworkSnapshot, Phase};
use backprop_lab::engine::trainer::Trainer;
use backprop_lab::engine::EngineError;

const R: f64 = 0.3;

/// A 3-layer `[2, 3, 2, 1]` network (tanh, sigmoid, identity; squared error).
fn three_layer() -> Trainer {
    let acts = [Activation::Tanh, Activation::Sigmoid, Activation::Identity];
    let mlp = Mlp::random(&[2, 3, 2, 1], &acts, LossKind::SquaredError, 7).unwrap();
    Trainer::new(mlp, vec![0.5, -1.5], vec![0.25], R).unwrap()
}

/// The expected cycle for L = 3.
fn cycle() -> Vec<Phase> {
    use Phase::*;
    vec![
        Forward { layer: 1 },
        Forward { layer: 2 },
        Forward { layer: 3 },
        Loss,
        Backward { layer: 3 },
        Backward { layer: 2 },
        Backward { layer: 1 },
        Update,
    ]
}

/// How far through the cycle `phase` is: (forward layers, loss?, backward down to).
fn reached(phase: Phase) -> (usize, bool, usize) {
    match phase {
        Phase::Ready => (0, false, 4),
        Phase::Forward { layer } => (layer, false, 4),
        Phase::Loss => (3, true, 4),
        Phase::Backward { layer } => (3, true, layer),
        Phase::Update => (3, true, 1),
    }
}

/// Checks which optional fields are filled after `phase`, and that u = a_prev·W + b.
fn check_snapshot(snap: &NetworkSnapshot, phase: Phase) {
    let (fwd, loss, bwd) = reached(phase);
    assert_eq!(snap.phase, phase);
    assert_eq!(snap.loss.is_some(), loss, "loss after {phase:?}");
    let mut input = snap.input.clone();
    for (l0, layer) in snap.layers.iter().enumerate() {
        let l = l0 + 1;
        assert_eq!(
            layer.u.is_some(),
            l <= fwd,
            "u of layer {l} after {phase:?}"
        );
        assert_eq!(
            layer.a.is_some(),
            l <= fwd,
            "a of layer {l} after {phase:?}"
        );
        assert_eq!(
            layer.delta.is_some(),
            l >= bwd,
            "δ of layer {l} after {phase:?}"
        );
        assert_eq!(layer.grad_weights.is_some(), l >= bwd);
        assert_eq!(layer.grad_biases.is_some(), l >= bwd);
        let updated = phase == Phase::Update;
        assert_eq!(
            layer.old_weights.is_some(),
            updated,
            "old W after {phase:?}"
        );
        assert_eq!(layer.old_biases.is_some(), updated);
        if let (Some(u), false) = (&layer.u, updated) {
            let want = layer.biases.iter().enumerate().map(|(j, b)| {
                b + input
                    .iter()
                    .zip(&layer.weights)
                    .map(|(x, row)| x * row[j])
                    .sum::<f64>()
            });
            want.zip(u)
                .for_each(|(w, g)| assert!((w - g).abs() < 1e-14));
            input = layer.a.clone().unwrap();
        }
    }
}

/// At Update: new θ = old θ − r·∂L/∂θ for every weight and bias.
fn check_update(snap: &NetworkSnapshot) {
    for layer in &snap.layers {
        let (old_w, gw) = (
            layer.old_weights.as_ref().unwrap(),
            layer.grad_weights.as_ref().unwrap(),
        );
        for ((new, old), g) in layer
            .weights
            .iter()
            .flatten()
            .zip(old_w.iter().flatten())
            .zip(gw.iter().flatten())
        {
            assert!(
                (new - (old - R * g)).abs() < 1e-15,
                "w: {new} vs {old} − {R}·{g}"
            );
        }
        let (old_b, gb) = (
            layer.old_biases.as_ref().unwrap(),
            layer.grad_biases.as_ref().unwrap(),
        );
        for ((new, old), g) in layer.biases.iter().zip(old_b).zip(gb) {
            assert!(
                (new - (old - R * g)).abs() < 1e-15,
                "b: {new} vs {old} − {R}·{g}"
            );
        }
    }
}

#[test]
fn two_full_steps_go_through_the_phases_in_order() {
    let mut t = three_layer();
    assert_eq!(
        (t.phase(), t.next_phase()),
        (Phase::Ready, Phase::Forward { layer: 1 })
    );
    check_snapshot(&t.snapshot(), Phase::Ready);
    for step in 0..2 {
        for want in cycle() {
            assert_eq!(t.snapshot().next_phase, want);
            assert_eq!(t.step().unwrap(), want);
            let snap = t.snapshot();
            check_snapshot(&snap, want);
            let done_steps = step + usize::from(want == Phase::Update);
            assert_eq!(snap.step, done_steps, "step count after {want:?}");
            assert_eq!(
                snap.loss_history.len(),
                done_steps,
                "history kept across steps"
            );
            if want == Phase::Update {
                check_update(&snap);
                assert_eq!(snap.loss_history.last().copied(), snap.loss);
            }
        }
    }
    assert_eq!(t.next_phase(), Phase::Forward { layer: 1 });
}

#[test]
fn commands_run_to_their_phase_and_no_further() {
    let mut t = three_layer();
    t.forward().unwrap();
    assert_eq!(t.phase(), Phase::Loss);
    t.forward().unwrap(); // already past it: no-op
    assert_eq!(t.phase(), Phase::Loss);
    t.backward().unwrap();
    assert_eq!(t.phase(), Phase::Backward { layer: 1 });
    t.forward().unwrap();
    t.backward().unwrap();
    assert_eq!(t.phase(), Phase::Backward { layer: 1 });
    t.update().unwrap();
    assert_eq!((t.phase(), t.snapshot().step), (Phase::Update, 1));
    // After an Update the step is over: each command starts the next one.
    t.backward().unwrap(); // runs forward first
    assert_eq!(
        (t.phase(), t.snapshot().step),
        (Phase::Backward { layer: 1 }, 1)
    );
    t.update().unwrap();
    t.update().unwrap();
    assert_eq!(t.snapshot().step, 3);
    t.step().unwrap();
    t.step_sample().unwrap(); // finishes the started step
    assert_eq!((t.phase(), t.snapshot().step), (Phase::Update, 4));
}

#[test]
fn commands_give_the_same_numbers_as_single_steps() {
    let (mut a, mut b) = (three_layer(), three_layer());
    a.step_sample().unwrap();
    (0..8).for_each(|_| assert!(b.step().is_ok()));
    assert_eq!(a.snapshot(), b.snapshot());
}

#[test]
fn editing_x_or_y_restarts_the_step_and_keeps_the_weights() {
    let mut t = Trainer::from_preset(Preset::TutorialRegression);
    t.step_sample().unwrap();
    t.forward().unwrap();
    let weights = t.mlp().clone();
    t.set_input(vec![0.0, 0.0]).unwrap();
    let snap = t.snapshot();
    assert_eq!((snap.phase, snap.step, snap.loss), (Phase::Ready, 1, None));
    assert!(snap
        .layers
        .iter()
        .all(|l| l.u.is_none() && l.delta.is_none()));
    assert_eq!(t.mlp(), &weights);
    assert_eq!(snap.input, vec![0.0, 0.0]);
    t.set_target(vec![1.0]).unwrap();
    t.forward().unwrap();
    let y_hat = t.mlp().predict(&[0.0, 0.0]).unwrap()[0];
    let want = 0.5 * (y_hat - 1.0) * (y_hat - 1.0);
    assert!((t.snapshot().loss.unwrap() - want).abs() < 1e-15);
}

#[test]
fn reset_restores_the_initial_network_and_keeps_data_and_rate() {
    let mut t = Trainer::from_preset(Preset::TutorialRegression);
    t.set_learning_rate(0.1).unwrap();
    t.set_input(vec![0.5, 0.25]).unwrap();
    (0..3).for_each(|_| t.step_sample().unwrap());
    t.step().unwrap();
    t.reset();
    let snap = t.snapshot();
    assert_eq!(
        (snap.phase, snap.step, snap.loss_history.len()),
        (Phase::Ready, 0, 0)
    );
    assert_eq!(t.mlp(), &Mlp::preset(Preset::TutorialRegression));
    assert_eq!((snap.input, t.learning_rate()), (vec![0.5, 0.25], 0.1));
}

#[test]
fn steps_take_the_samples_of_the_data_set_in_order() {
    let mut t = Trainer::from_preset(Preset::TutorialRegression);
    let data = vec![
        (vec![1.0, -1.0], vec![0.5]),
        (vec![0.0, 0.0], vec![0.0]),
        (vec![0.5, 0.25], vec![1.0]),
    ];
    t.set_data(data.clone()).unwrap();
    let mut seen = Vec::new();
    for _ in 0..4 {
        t.step().unwrap(); // Forward{1}: the sample is the one this step uses
        seen.push(t.snapshot().input);
        t.step_sample().unwrap();
        assert_eq!(
            t.snapshot().input,
            *seen.last().unwrap(),
            "Update shows its own sample"
        );
    }
    assert_eq!(
        seen,
        vec![
            data[0].0.clone(),
            data[1].0.clone(),
            data[2].0.clone(),
            data[0].0.clone()
        ]
    );
    // An epoch from a fresh start is exactly one step per sample.
    t.reset();
    t.step_epoch().unwrap();
    assert_eq!((t.snapshot().step, t.sample_index()), (3, 2));
    assert_eq!(t.data(), &data[..]);
}

#[test]
fn an_exploded_trainer_refuses_to_step_until_reset() {
    let mut t = Trainer::from_preset(Preset::TutorialRegression);
    t.set_learning_rate(1e7).unwrap(); // b_mo ← 0.1 − 1e7·0.6 = −6e6
    t.step_sample().unwrap();
    assert!(t.is_exploded());
    let before = t.snapshot();
    assert_eq!(t.step(), Err(EngineError::Exploded));
    assert_eq!(t.step_sample(), Err(EngineError::Exploded));
    assert_eq!(t.snapshot(), before, "a refused step changes nothing");
    t.reset();
    assert!(!t.is_exploded());
    assert!(t.step().is_ok());
}

#[test]
fn a_huge_input_explodes_the_forward_pass() {
    let mut t = Trainer::from_preset(Preset::TutorialRegression);
    t.set_input(vec![1e6, 0.0]).unwrap(); // u1 = 4e6 + b
    assert_eq!(t.step(), Ok(Phase::Forward { layer: 1 }));
    assert!(t.is_exploded());
    assert_eq!(t.step(), Err(EngineError::Exploded));
    t.set_input(vec![1.0, 0.0]).unwrap(); // an edit drops the exploded values
    assert!(!t.is_exploded());
    assert!(t.step_sample().is_ok());
}
