//! The phase panel on a mini-batch: the chosen example's numbers, the batch means, and
//! the Update written with each optimizer's own formula, against hand computations on
//! a one-weight network `o = w·x₁ + b` (w = 0.5, b = 0.1, squared error) and a batch of
//! the two examples (x₁ = 2, t = 1) and (x₁ = 1, t = 0):
//! - example 1: o = 1.1, ∂L/∂o = 0.1, ∂L/∂w = 0.2, ∂L/∂b = 0.1, L = ½·0.1² = 0.005;
//! - example 2: o = 0.6, ∂L/∂o = 0.6, ∂L/∂w = 0.6, ∂L/∂b = 0.6, L = ½·0.6² = 0.18;
//! - batch means: L = 0.0925, ḡ_w = 0.4, ḡ_b = 0.35; with r = 0.1 SGD gives
//!   w = 0.5 − 0.1·0.4 = 0.46 and b = 0.1 − 0.1·0.35 = 0.065.

mod formula_common;
use formula_common::assert_shows;

use backprop_lab::engine::activation::Activation;
use backprop_lab::engine::build::Init;
use backprop_lab::engine::data::Example;
use backprop_lab::engine::loss::LossKind;
use backprop_lab::engine::mlp::Mlp;
use backprop_lab::engine::optim::{Optimizer, Regularization, Schedule};
use backprop_lab::engine::snapshot::Phase;
use backprop_lab::engine::trainer::{TrainSettings, Trainer};
use backprop_lab::i18n::Lang;
use backprop_lab::view::network::formula::phase_panel;

fn trainer(optimizer: Optimizer, regularization: Regularization) -> Trainer {
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
    let ex = |x1: f64, label: f64| Example {
        x: [x1, 0.0],
        label,
    };
    let settings = TrainSettings {
        learning_rate: 0.1,
        batch_size: 2,
        optimizer,
        regularization,
        schedule: Schedule::Constant,
    };
    let train = vec![ex(2.0, 1.0), ex(1.0, 0.0)];
    Trainer::for_examples(mlp, "x1".parse().unwrap(), train, vec![], settings).unwrap()
}

/// Steps until `phase` is the phase just completed; returns the panel's text.
fn panel_after(t: &mut Trainer, phase: Phase, lang: Lang) -> String {
    while t.step().unwrap() != phase {}
    let panel = phase_panel(&t.snapshot(), lang);
    panel.lines.join("\n")
}

/// The panel line that contains `needle`.
fn line<'a>(text: &'a str, needle: &str) -> &'a str {
    let found = text.lines().find(|l| l.contains(needle));
    found.unwrap_or_else(|| panic!("no line with {needle:?} in {text}"))
}

#[test]
fn the_loss_shows_the_chosen_example_and_the_batch_mean() {
    let mut t = trainer(Optimizer::Sgd, Regularization::None);
    let text = panel_after(&mut t, Phase::Loss, Lang::En);
    assert!(text.contains("Mini-batch of 2"), "{text}");
    assert_shows(line(&text, "L = ½(ŷ − y)²"), 0.005);
    assert_shows(line(&text, "(1/n)·Σₛ Lₛ"), 0.0925);
    t.set_chosen(1);
    let text = phase_panel(&t.snapshot(), Lang::En).lines.join("\n");
    assert!(text.contains("example 2 of 2"), "{text}");
    assert_shows(line(&text, "L = ½(ŷ − y)²"), 0.18);
    assert_shows(line(&text, "(1/n)·Σₛ Lₛ"), 0.0925);
}

#[test]
fn the_backward_phase_shows_the_example_and_the_mean_gradient() {
    let mut t = trainer(Optimizer::Sgd, Regularization::None);
    let text = panel_after(&mut t, Phase::Backward { layer: 1 }, Lang::En);
    assert_shows(line(&text, "∂L/∂W⁽¹⁾ ="), 0.2);
    assert_shows(line(&text, "ḡ_W⁽¹⁾"), 0.4);
    assert_shows(line(&text, "ḡ_b⁽¹⁾"), 0.35);
    let zh = phase_panel(&t.snapshot(), Lang::Zh).lines.join("\n");
    assert!(zh.contains("平均梯度"), "{zh}");
}

#[test]
fn sgd_moves_by_the_mean_gradient() {
    let mut t = trainer(Optimizer::Sgd, Regularization::None);
    let text = panel_after(&mut t, Phase::Update, Lang::En);
    let w = line(&text, "W⁽¹⁾ ← W⁽¹⁾ − r·ḡ");
    for v in [0.5, 0.1, 0.4, 0.46] {
        assert_shows(w, v);
    }
    let b = line(&text, "b⁽¹⁾ ← b⁽¹⁾ − r·ḡ");
    for v in [0.1, 0.35, 0.065] {
        assert_shows(b, v);
    }
    assert_shows(line(&text, "mean loss of its 2 examples"), 0.0925);
}

#[test]
fn l2_adds_lambda_w_to_the_weights_only() {
    // w = 0.5 − 0.1·(0.4 + 0.01·0.5) = 0.4595; b as without the penalty, 0.065.
    let mut t = trainer(Optimizer::Sgd, Regularization::L2(0.01));
    let text = panel_after(&mut t, Phase::Update, Lang::En);
    assert!(text.contains("L2 penalty (λ = 0.01)"), "{text}");
    let w = line(&text, "W⁽¹⁾ ← W⁽¹⁾ − r·(ḡ_W⁽¹⁾ + λ·W⁽¹⁾)");
    assert_shows(w, 0.4595);
    assert_shows(line(&text, "w ← w − r·(ḡ + λ·w)"), 0.4595);
    assert_shows(line(&text, "b⁽¹⁾ ← b⁽¹⁾ − r·ḡ"), 0.065);
}

#[test]
fn l1_adds_lambda_sign_w() {
    // w = 0.5 − 0.1·(0.4 + 0.1·sign(0.5)) = 0.45.
    let mut t = trainer(Optimizer::Sgd, Regularization::L1(0.1));
    let text = panel_after(&mut t, Phase::Update, Lang::En);
    assert_shows(line(&text, "λ·sign(W⁽¹⁾)"), 0.45);
}

#[test]
fn momentum_shows_the_velocity_before_and_after() {
    // Step 1: v = 0.9·0 + 0.4 = 0.4, w = 0.5 − 0.1·0.4 = 0.46, b = 0.065.
    // Step 2 from w = 0.46, b = 0.065: o₁ = 0.985, ∂L/∂w₁ = 2·(−0.015) = −0.03;
    // o₂ = 0.525, ∂L/∂w₂ = 0.525; ḡ = 0.2475; v = 0.9·0.4 + 0.2475 = 0.6075;
    // w = 0.46 − 0.1·0.6075 = 0.39925.
    let mut t = trainer(Optimizer::Momentum { beta: 0.9 }, Regularization::None);
    let text = panel_after(&mut t, Phase::Update, Lang::En);
    assert!(text.contains("Momentum (β = 0.9)"), "{text}");
    assert_shows(line(&text, "v ← β·v + ḡ ="), 0.4);
    let text = panel_after(&mut t, Phase::Update, Lang::En);
    let v = line(&text, "v ← β·v + ḡ =");
    for x in [0.9, 0.4, 0.2475, 0.6075] {
        assert_shows(v, x);
    }
    assert_shows(line(&text, "w ← w − r·v"), 0.39925);
    assert_shows(line(&text, "v_W⁽¹⁾ ← β·v_W⁽¹⁾"), 0.6075);
}

#[test]
fn adam_shows_m_v_and_their_corrections() {
    // t = 1, g = 0.4: m = 0.1·0.4 = 0.04, v = 0.001·0.16 = 1.6e-4, m̂ = 0.04/0.1 = 0.4,
    // v̂ = 1.6e-4/0.001 = 0.16, w = 0.5 − 0.1·0.4/(√0.16 + 1e-8) = 0.4 (to 1e-8).
    let adam = Optimizer::Adam {
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-8,
    };
    let mut t = trainer(adam, Regularization::None);
    let text = panel_after(&mut t, Phase::Update, Lang::En);
    assert!(text.contains("step t = 1"), "{text}");
    assert_shows(line(&text, "m ← β₁·m"), 0.04);
    assert_shows(line(&text, "v ← β₂·v"), 1.6e-4);
    assert_shows(line(&text, "m̂ = m/(1 − β₁ᵗ)"), 0.4);
    assert_shows(line(&text, "v̂ = v/(1 − β₂ᵗ)"), 0.16);
    assert_shows(line(&text, "w ← w − r·m̂/(√v̂ + ε)"), 0.4);
    let zh = phase_panel(&t.snapshot(), Lang::Zh).lines.join("\n");
    assert!(zh.contains("滑动平均"), "{zh}");
}

#[test]
fn the_tutorial_sample_keeps_its_update_text() {
    let mut t = Trainer::from_preset(backprop_lab::engine::mlp::Preset::TutorialRegression);
    let text = panel_after(&mut t, Phase::Update, Lang::En);
    assert!(text.starts_with("Every weight and bias moves against its gradient"));
    assert!(text.contains("W⁽¹⁾ ← W⁽¹⁾ − r·∂L/∂W⁽¹⁾"), "{text}");
    assert!(!text.contains("ḡ"), "{text}");
    assert!(!text.contains("Mini-batch"), "{text}");
}
