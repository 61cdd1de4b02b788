//! Tab ①'s parameter inspector without a browser: a selected weight's gradient
//! checked by hand against the tutorial's hand-derived numbers, an edited weight
//! (the loss follows), the batch's check against the mean of its examples' checks,
//! a refused h, and a selection that a new shape no longer has.

use backprop_lab::app::link::Params;
use backprop_lab::app::network::inspect::CheckScope;
use backprop_lab::app::network::NetworkCommand as N;
use backprop_lab::app::{App, Command};
use backprop_lab::engine::data::DataSet;
use backprop_lab::engine::trainer::ParamRef;
use backprop_lab::i18n::Lang;
use backprop_lab::view::network::check::check_lines;

fn app_for(query: &str) -> App {
    let (params, errors) = Params::from_query(query);
    App::new(params, errors, Lang::En)
}

fn net(app: &mut App, cmd: N) {
    app.apply(Command::Network(cmd));
}

fn sigmoid(u: f64) -> f64 {
    1.0 / (1.0 + (-u).exp())
}

const W11: ParamRef = ParamRef::Weight {
    layer: 1,
    from: 0,
    to: 0,
};

#[test]
fn the_tutorial_weight_checks_against_the_hand_derived_gradient() {
    let mut app = app_for("");
    net(&mut app, N::SelectParameter(Some(W11)));
    let ins = match app.network().inspection() {
        Some(Ok(ins)) => ins,
        other => panic!("no inspection: {other:?}"),
    };
    // x = (1, −1): u₁ = 4 − 4 + 3 = 3, u₂ = 4 − 4 − 3 = −3, ŷ = σ(3) + σ(−3) + 0.1 = 1.1,
    // L = ½(1.1 − 0.5)² = 0.18, δ_out = 0.6, ∂L/∂w₁₁ = x₁·δ_out·w·σ'(3) = 0.6·σ(3)·σ(−3).
    let hand = 0.6 * sigmoid(3.0) * sigmoid(-3.0);
    assert_eq!(ins.value, 4.0);
    assert!((ins.check.loss - 0.18).abs() < 1e-12, "{}", ins.check.loss);
    assert!(
        (ins.check.backprop - hand).abs() < 1e-12,
        "{}",
        ins.check.backprop
    );
    // Central difference: error O(h²) with h = 0.001; the forward difference O(h).
    assert!((ins.check.central - hand).abs() < 1e-7 * hand.abs().max(1.0));
    assert!((ins.check.forward - hand).abs() < 1e-4);
    // L(θ + h) by hand: u₁ = 3.001.
    let plus = 0.5 * (sigmoid(3.001) + sigmoid(-3.0) + 0.1 - 0.5_f64).powi(2);
    assert!((ins.check.loss_plus - plus).abs() < 1e-12);
    let lines = check_lines(&ins, 1, Lang::En).join("\n");
    assert!(lines.contains("0.027106"), "{lines}");
    assert!(lines.contains("w₁₁⁽¹⁾"), "{lines}");
    let zh = check_lines(&ins, 1, Lang::Zh).join("\n");
    assert!(zh.contains("反向传播") && zh.contains("0.027106"), "{zh}");
}

#[test]
fn an_edited_weight_moves_the_loss() {
    let mut app = app_for("");
    net(&mut app, N::SelectParameter(Some(W11)));
    net(&mut app, N::SetParameter(W11, 2.0));
    let ins = app.network().inspection().and_then(Result::ok);
    let ins = ins.expect("the weight is still there");
    // u₁ = 2 − 4 + 3 = 1: ŷ = σ(1) + σ(−3) + 0.1.
    let loss = 0.5 * (sigmoid(1.0) + sigmoid(-3.0) + 0.1 - 0.5_f64).powi(2);
    assert_eq!(ins.value, 2.0);
    assert!((ins.check.loss - loss).abs() < 1e-12);
    let bias = ParamRef::Bias {
        layer: 2,
        neuron: 0,
    };
    net(&mut app, N::SelectParameter(Some(bias)));
    let ins = app.network().inspection().and_then(Result::ok);
    // ∂L/∂b_out = δ_out = ŷ − y.
    let yhat = sigmoid(1.0) + sigmoid(-3.0) + 0.1;
    assert!((ins.expect("bias").check.backprop - (yhat - 0.5)).abs() < 1e-12);
}

#[test]
fn the_batch_check_is_the_mean_of_its_examples() {
    let mut app = app_for("data=xor&batch=4&shape=3");
    assert!(app.network().data_mode());
    let param = ParamRef::Weight {
        layer: 2,
        from: 1,
        to: 0,
    };
    net(&mut app, N::SelectParameter(Some(param)));
    net(&mut app, N::SetCheckScope(CheckScope::Batch));
    // h = 10⁻⁴: the central difference's O(h²) error is then ~10⁻⁸ relative, while
    // rounding adds only ~ε·L/h ≈ 10⁻¹².
    net(&mut app, N::SetCheckNudge(1e-4));
    let batch = app.network().inspection().and_then(Result::ok);
    let batch = batch.expect("batch check");
    assert_eq!(batch.examples, 4);
    let rel = |a: f64, b: f64| (a - b).abs() / a.abs().max(b.abs()).max(1e-12);
    assert!(
        rel(batch.check.central, batch.check.backprop) < 1e-6,
        "{:?}",
        batch.check
    );
    net(&mut app, N::SetCheckScope(CheckScope::Example));
    let mut sum = 0.0;
    for k in 0..4 {
        net(&mut app, N::ChooseExample(k));
        let one = app.network().inspection().and_then(Result::ok);
        let one = one.expect("example check");
        assert_eq!(one.examples, 1);
        assert!(rel(one.check.central, one.check.backprop) < 1e-6);
        sum += one.check.backprop;
    }
    assert!(rel(sum / 4.0, batch.check.backprop) < 1e-12);
}

#[test]
fn a_bad_nudge_is_refused_and_a_vanished_parameter_forgotten() {
    let mut app = app_for("");
    net(&mut app, N::SelectParameter(Some(W11)));
    for h in [0.0, f64::NAN, 2.0] {
        net(&mut app, N::SetCheckNudge(h));
        assert!(app.network().alert().is_some(), "h = {h}");
        assert_eq!(app.network().inspector().nudge, 1e-3);
        net(&mut app, N::DismissAlert);
    }
    net(&mut app, N::SetCheckNudge(-1e-4));
    assert_eq!(app.network().inspector().nudge, -1e-4);
    net(&mut app, N::SetDataSet(DataSet::Circle));
    let far = ParamRef::Weight {
        layer: 3,
        from: 1,
        to: 0,
    };
    net(&mut app, N::SelectParameter(Some(far)));
    assert_eq!(app.network().inspector().selected, Some(far));
    net(&mut app, N::RemoveLayer);
    assert_eq!(app.network().inspector().selected, None);
}
