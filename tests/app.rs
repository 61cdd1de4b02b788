//! The page's controller without a browser: commands, the play clock, alerts
//! and the way back after an explosion, checked against hand-derived numbers.

use backprop_lab::app::clock::no_clock;
use backprop_lab::app::link::Params;
use backprop_lab::app::message::{Arg, Message, Topic};
use backprop_lab::app::network::{Lab, NetworkCommand as Command, NetworkController};
use backprop_lab::app::App;
use backprop_lab::engine::activation::Activation;
use backprop_lab::engine::mlp::Preset;
use backprop_lab::engine::snapshot::Phase;
use backprop_lab::i18n::Lang;
use backprop_lab::view::message::{render, render_link};

fn app() -> NetworkController {
    NetworkController::new()
}

fn alert_text(app: &NetworkController, lang: Lang) -> String {
    app.alert().map(|a| render(a, lang)).unwrap_or_default()
}

#[test]
fn step_advances_one_phase_in_the_tutorials_order() {
    let mut app = app();
    let mut phases = Vec::new();
    for _ in 0..7 {
        app.apply(Command::StepPhase);
        phases.push(app.network().phase);
    }
    use Phase::*;
    assert_eq!(
        phases,
        [
            Forward { layer: 1 },
            Forward { layer: 2 },
            Loss,
            Backward { layer: 2 },
            Backward { layer: 1 },
            Update,
            Forward { layer: 1 }
        ]
    );
    // ŷ = σ(3) + σ(−3) + 0.1 = 1.1, L = ½(1.1 − 0.5)² = 0.18 was recorded at the update.
    let history = app.network().loss_history;
    assert_eq!(history.len(), 1);
    assert!((history[0] - 0.18).abs() < 1e-12, "{history:?}");
}

#[test]
fn the_clock_runs_phases_at_the_chosen_speed() {
    let mut app = app();
    app.apply(Command::SetSpeed(2)); // 4 phases per second
    app.apply(Command::TogglePlay);
    assert!(!app.advance(200.0, no_clock), "0.8 phases are not due yet");
    assert!(app.advance(100.0, no_clock), "1.2 phases: one is due");
    assert_eq!(app.network().phase, Phase::Forward { layer: 1 });
    // A long pause (a background tab) counts as at most 250 ms: one phase, not forty.
    app.advance(10_000.0, no_clock);
    assert_eq!(app.network().phase, Phase::Forward { layer: 2 });
    app.apply(Command::TogglePlay);
    assert!(!app.playing());
    assert!(!app.advance(1000.0, no_clock));
}

#[test]
fn an_exploding_network_stops_and_restores_the_last_finite_state() {
    let mut app = app();
    app.apply(Command::SetLearningRate(50.0));
    app.apply(Command::SetSpeed(7));
    app.apply(Command::TogglePlay);
    for _ in 0..200 {
        app.advance(16.0, no_clock);
        if app.alert().is_some() {
            break;
        }
    }
    assert_eq!(app.exploded(), Some(Lab::Network), "{:?}", app.alert());
    let rate = app.alert().and_then(|a| a.arg("rate").cloned());
    assert_eq!(rate, Some(Arg::Number(50.0)));
    assert!(!app.playing());
    let en = alert_text(&app, Lang::En);
    let zh = alert_text(&app, Lang::Zh);
    assert!(
        en.contains("r = 50") && zh.contains("r = 50") && en != zh,
        "{en} / {zh}"
    );
    // Stepping again is refused, with a message, and changes nothing.
    let before = app.network();
    app.apply(Command::StepPhase);
    assert_eq!(app.network(), before);
    app.apply(Command::Restore);
    assert!(app.alert().is_none());
    let snap = app.network();
    let finite = snap
        .layers
        .iter()
        .flat_map(|l| l.weights.iter().flatten().chain(&l.biases));
    assert!(finite.clone().all(|w| w.is_finite() && w.abs() <= 1e6));
}

#[test]
fn diverging_descent_explains_the_factor_and_rewinds() {
    let mut app = app();
    app.apply(Command::SetDescentRate(2.5));
    app.apply(Command::DescentTogglePlay);
    for _ in 0..2000 {
        app.advance(50.0, no_clock);
        if !app.descent_playing() {
            break;
        }
    }
    let message = alert_text(&app, Lang::En);
    assert_eq!(app.exploded(), Some(Lab::Descent));
    // 1 − r = −1.5 multiplies the error each step; |w| = 1.5·1.5^k passes 1e6 at k = 34.
    assert!(
        message.contains("-1.5") && message.contains("34"),
        "{message}"
    );
    let snap = app.descent();
    assert!(
        snap.exploded && snap.iterates.len() == 35,
        "{}",
        snap.iterates.len()
    );
    app.apply(Command::Restore);
    let snap = app.descent();
    assert!(!snap.exploded && snap.iterates.iter().all(|w| w.abs() <= 1e6));
    assert_eq!(snap.iterates.len(), 34);
}

#[test]
fn refused_input_changes_nothing_and_says_why() {
    let mut app = app();
    let before = app.network();
    app.apply(Command::SetInput(vec![1.0]));
    assert_eq!(app.network(), before);
    let en = alert_text(&app, Lang::En);
    assert!(en.contains("input neuron"), "{en}");
    app.apply(Command::DismissAlert);
    app.apply(Command::RejectField {
        field: "x₁",
        text: "abc".into(),
        reason: Message::new(Topic::Input, "not-number"),
    });
    let zh = alert_text(&app, Lang::Zh);
    assert!(
        zh.contains("x₁") && zh.contains("abc") && zh.contains("不是"),
        "{zh}"
    );
}

#[test]
fn bad_url_parameters_fall_back_to_defaults_with_a_message() {
    let (params, errors) =
        Params::from_query("#lr=abc&preset=tutorial-classification&x=1,2,3&lang=zh");
    let app = App::new(params, errors, Lang::En);
    assert_eq!(app.lang(), Lang::Zh);
    assert_eq!(app.params().network.preset, Preset::TutorialClassification);
    assert_eq!(app.network().network().sizes, vec![2, 2, 2]);
    assert_eq!(
        app.network().network().input,
        vec![1.0, -1.0],
        "x=1,2,3 does not fit two inputs"
    );
    let message = render_link(app.link_messages(), Lang::Zh);
    assert!(
        message.contains("lr=abc") && message.contains("x"),
        "{message}"
    );
}

#[test]
fn a_preset_change_keeps_the_rate_and_loads_its_sample() {
    let mut app = app();
    app.apply(Command::SetLearningRate(0.1));
    app.apply(Command::SetPreset(Preset::TutorialClassification));
    let snap = app.network();
    assert_eq!(snap.learning_rate, 0.1);
    assert_eq!(snap.target, vec![1.0, 0.0]);
    assert_eq!(app.params().preset, Preset::TutorialClassification);
}

#[test]
fn a_rate_chosen_after_an_explosion_survives_the_way_back() {
    let mut app = app();
    app.apply(Command::SetLearningRate(50.0));
    for _ in 0..400 {
        app.apply(Command::StepPhase);
        if app.exploded().is_some() {
            break;
        }
    }
    assert_eq!(app.exploded(), Some(Lab::Network));
    app.apply(Command::SetLearningRate(0.1));
    app.apply(Command::Restore);
    let snap = app.network();
    assert_eq!(snap.learning_rate, 0.1);
    let weights = snap.layers.iter().flat_map(|l| l.weights.iter().flatten());
    assert!(weights.clone().all(|w| w.abs() <= 1e6));
    // The last finite state may be wild already; a reset starts over with the new rate.
    app.apply(Command::Reset);
    assert_eq!(app.network().learning_rate, 0.1);
    for _ in 0..70 {
        app.apply(Command::StepPhase);
    }
    assert!(app.alert().is_none(), "{:?}", app.alert());
}

#[test]
fn the_hidden_activation_can_be_chosen() {
    let mut app = app();
    app.apply(Command::SetActivation(Activation::Tanh));
    app.apply(Command::StepPhase);
    // u = [3, −3] as before; a = tanh(u).
    let a = app.network().layers[0].a.clone().unwrap_or_default();
    assert!(
        (a[0] - 3f64.tanh()).abs() < 1e-15 && (a[1] + 3f64.tanh()).abs() < 1e-15,
        "{a:?}"
    );
    assert_eq!(app.network().layers[1].activation, Activation::Identity);
    assert_eq!(app.params().activation, Activation::Tanh);
    // A preset change keeps the chosen activation.
    app.apply(Command::SetPreset(Preset::TutorialClassification));
    assert_eq!(app.network().layers[0].activation, Activation::Tanh);
    assert_eq!(app.network().layers[1].activation, Activation::Softmax);
    let (params, errors) = Params::from_query("act=relu");
    let app = App::new(params, errors, Lang::En);
    assert_eq!(
        app.network().network().layers[0].activation,
        Activation::Relu
    );
}
