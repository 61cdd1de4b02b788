//! The graph lab's controller against hand-derived numbers: the tutorial's
//! J = 3(a + b·c) stepped, nudged and updated; typed expressions keeping their
//! variables' values; refused input leaving the graph as it was; the presets,
//! the whole-network one checked against the network lab's trainer to 1e-12.

use backprop_lab::app::graph::{
    GraphCommand as C, GraphController, GraphField, GraphPreset, DEFAULT_RATE,
};
use backprop_lab::app::message::{Message, Topic};
use backprop_lab::engine::graph::{Direction, GraphSnapshot};
use backprop_lab::engine::mlp::Preset;
use backprop_lab::engine::trainer::Trainer;

const TOL: f64 = 1e-12;

fn node<'a>(snap: &'a GraphSnapshot, label: &str) -> &'a backprop_lab::engine::graph::NodeSnapshot {
    snap.nodes
        .iter()
        .find(|n| n.label == label)
        .unwrap_or_else(|| panic!("no node {label} in {:?}", snap.expression))
}

fn value(snap: &GraphSnapshot, label: &str) -> f64 {
    node(snap, label).value.unwrap_or(f64::NAN)
}

fn gradient(snap: &GraphSnapshot, label: &str) -> f64 {
    node(snap, label).gradient.unwrap_or(f64::NAN)
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

#[test]
fn the_tutorial_steps_forward_and_backward_node_by_node() {
    let mut lab = GraphController::new();
    assert_eq!(lab.preset(), Some(GraphPreset::Tutorial));
    assert_eq!(
        lab.fields(),
        &[("a".into(), 5.0), ("b".into(), 3.0), ("c".into(), 2.0)]
    );
    // Forward: u = b·c = 6, then v = a + u = 11, then J = 3v = 33, one node per step.
    for (label, expected) in [("u", 6.0), ("v", 11.0), ("J", 33.0)] {
        assert!(lab
            .snapshot()
            .nodes
            .iter()
            .find(|n| n.label == label)
            .unwrap()
            .value
            .is_none());
        lab.apply(C::ForwardStep);
        assert_eq!(value(&lab.snapshot(), label), expected);
    }
    lab.apply(C::BackwardAll);
    let snap = lab.snapshot();
    assert_eq!(snap.direction, Direction::Done);
    // dJ/dv = 3, dJ/du = 3·1, dJ/da = 3·1, dJ/db = 3·1·c = 6, dJ/dc = 3·1·b = 9.
    for (label, g) in [
        ("J", 1.0),
        ("v", 3.0),
        ("u", 3.0),
        ("a", 3.0),
        ("b", 6.0),
        ("c", 9.0),
    ] {
        assert!((gradient(&snap, label) - g).abs() < TOL, "{label}");
    }
    assert_eq!(node(&snap, "b").chain[0].factors, vec![3.0, 1.0, 2.0]);
}

#[test]
fn nudging_v_moves_j_by_three_times_h() {
    let mut lab = GraphController::new();
    lab.apply(C::Nudge("v".into()));
    let nudge = lab.snapshot().last_nudge.expect("a nudge");
    assert!((nudge.value_after - 11.001).abs() < 1e-12);
    assert!((nudge.output_after - 33.003).abs() < 1e-9);
    assert!((nudge.ratio - 3.0).abs() < 1e-6);
    // Nudging does not move the session's values.
    lab.apply(C::ForwardAll);
    assert_eq!(value(&lab.snapshot(), "v"), 11.0);
    assert!(lab.error().is_none());
}

#[test]
fn an_update_writes_its_numbers_and_j_falls() {
    let mut lab = GraphController::new();
    assert_eq!(lab.rate(), DEFAULT_RATE);
    lab.apply(C::Update);
    let record = lab.last_update().expect("an update").clone();
    // a' = 5 − 0.01·3, b' = 3 − 0.01·6, c' = 2 − 0.01·9.
    let expected = [
        ("a", 5.0, 3.0, 4.97),
        ("b", 3.0, 6.0, 2.94),
        ("c", 2.0, 9.0, 1.91),
    ];
    for (row, (name, before, g, after)) in record.rows.iter().zip(expected) {
        assert_eq!(row.name, name);
        assert_eq!((row.before, row.gradient), (before, g));
        assert!((row.after - after).abs() < TOL, "{name}");
    }
    // J' = 3(4.97 + 2.94·1.91) = 3·10.5854 = 31.7562.
    let j = 3.0 * (4.97 + 2.94 * 1.91);
    assert!((record.output_after - j).abs() < 1e-9);
    let history = lab.snapshot().history;
    assert_eq!(history.len(), 2);
    assert!(history[1] < history[0]);
    lab.apply(C::Reset);
    assert_eq!(value(&lab.snapshot(), "a"), 5.0);
    assert!(lab.last_update().is_none());
}

#[test]
fn refused_expressions_keep_the_graph_and_say_where() {
    let cases = [
        ("3*(a+", "err.graph.unexpected-end", Some(6)),
        ("foo(x)", "err.graph.unknown-function", Some(1)),
        ("log(a-5)", "err.graph.log-domain", Some(1)),
        ("1/(a-a)", "err.graph.division-by-zero", Some(2)),
        ("a + * b", "err.graph.unexpected-token", Some(5)),
        ("", "err.graph.empty", None),
    ];
    for (text, key, column) in cases {
        let mut lab = GraphController::new();
        lab.apply(C::ForwardStep);
        let before = lab.snapshot();
        lab.apply(C::SetExpression(text.into()));
        let err = lab.error().unwrap_or_else(|| panic!("{text:?} accepted"));
        assert_eq!(err.message.key(), key, "{text:?}");
        assert_eq!(err.column, column, "{text:?}");
        assert_eq!(err.expression, text);
        assert_eq!(err.field, GraphField::Expression);
        assert_eq!(lab.snapshot(), before, "{text:?} changed the graph");
        assert_eq!(lab.expression(), text, "the field keeps what was typed");
        // The old graph still steps.
        lab.apply(C::ForwardStep);
        assert_eq!(value(&lab.snapshot(), "v"), 11.0);
        assert!(lab.error().is_none());
    }
    let mut lab = GraphController::new();
    lab.apply(C::SetExpression("x".repeat(201)));
    assert_eq!(
        lab.error().map(|e| e.message.key()).as_deref(),
        Some("err.graph.too-long")
    );
}

#[test]
fn typed_expressions_keep_known_values_and_start_new_ones_at_one() {
    let mut lab = GraphController::new();
    lab.apply(C::SetExpression("a*b + z".into()));
    assert!(lab.error().is_none());
    assert_eq!(lab.preset(), None);
    assert_eq!(
        lab.fields(),
        &[("a".into(), 5.0), ("b".into(), 3.0), ("z".into(), 1.0)]
    );
    lab.apply(C::ForwardAll);
    assert_eq!(lab.snapshot().output, Some(16.0));
    lab.apply(C::SetExpression("sigmoid(w*x + b)".into()));
    lab.apply(C::ForwardAll);
    // w = x = 1 (new), b = 3 (kept): σ(1·1 + 3).
    let out = lab.snapshot().output.unwrap_or(f64::NAN);
    assert!((out - sigmoid(4.0)).abs() < TOL);
}

#[test]
fn a_value_that_breaks_the_expression_can_be_fixed_in_its_field() {
    let mut lab = GraphController::new();
    lab.apply(C::SetExpression("log(z - 1)".into()));
    assert_eq!(
        lab.error().map(|e| e.message.key()).as_deref(),
        Some("err.graph.log-domain")
    );
    assert_eq!(
        lab.fields(),
        &[("z".into(), 1.0)],
        "only the typed expression's variable"
    );
    assert_eq!(lab.snapshot().expression, "3(a + b·c)");
    lab.apply(C::SetValue("z".into(), 3.0));
    assert!(lab.error().is_none());
    lab.apply(C::ForwardAll);
    assert!((lab.snapshot().output.unwrap_or(f64::NAN) - 2f64.ln()).abs() < TOL);
    // A value out of range is refused with its field named.
    lab.apply(C::SetValue("z".into(), 1e7));
    let err = lab.error().expect("refused");
    assert_eq!(err.message.key(), "err.graph.bad-value");
    assert_eq!(err.field, GraphField::Value("z".into()));
    assert_eq!(lab.fields(), &[("z".into(), 3.0)]);
}

#[test]
fn bad_rates_steps_and_fields_are_refused_without_change() {
    let mut lab = GraphController::new();
    for r in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        lab.apply(C::SetRate(r));
        assert_eq!(
            lab.error().map(|e| e.message.key()).as_deref(),
            Some("err.graph.bad-rate")
        );
        assert_eq!(lab.rate(), DEFAULT_RATE);
    }
    lab.apply(C::SetNudge(0.0));
    assert_eq!(
        lab.error().map(|e| e.field.clone()),
        Some(GraphField::Nudge)
    );
    lab.apply(C::RejectField(
        GraphField::Rate,
        Message::new(Topic::Input, "not-number"),
    ));
    assert_eq!(
        lab.error().map(|e| e.message.key()).as_deref(),
        Some("err.input.not-number")
    );
    lab.apply(C::Nudge("nope".into()));
    assert_eq!(
        lab.error().map(|e| e.message.key()).as_deref(),
        Some("err.graph.unknown-variable")
    );
    lab.apply(C::DismissError);
    assert!(lab.error().is_none());
    // An update into log's forbidden zone: x' = 0.5 − 1·(1/0.5) = −1.5.
    lab.apply(C::SetExpression("log(x)".into()));
    lab.apply(C::SetValue("x".into(), 0.5));
    lab.apply(C::SetRate(1.0));
    let before = lab.snapshot().variables;
    lab.apply(C::Update);
    assert_eq!(
        lab.error().map(|e| e.message.key()).as_deref(),
        Some("err.graph.log-domain")
    );
    assert_eq!(lab.snapshot().variables, before);
}

#[test]
fn selection_is_checked_against_the_graph() {
    let mut lab = GraphController::new();
    lab.apply(C::Select(Some(4)));
    assert_eq!(lab.selected(), Some(4));
    lab.apply(C::Select(Some(99)));
    assert_eq!(lab.selected(), None);
    lab.apply(C::Select(Some(2)));
    let generation = lab.generation();
    lab.apply(C::LoadPreset(GraphPreset::LogLoss));
    assert_eq!(lab.selected(), None, "a new graph drops the selection");
    assert_eq!(lab.generation(), generation + 1);
}

#[test]
fn every_preset_builds_and_names_its_menu_entry() {
    for p in GraphPreset::ALL {
        let mut lab = GraphController::new();
        lab.apply(C::LoadPreset(p));
        assert!(lab.error().is_none(), "{p:?}");
        assert_eq!(lab.preset(), Some(p));
        assert_eq!(GraphPreset::from_name(p.name()), Some(p));
        assert!(p.key().ends_with(p.name()));
        lab.apply(C::Update);
        let history = lab.snapshot().history;
        assert!(history[1] < history[0], "{p:?}: one small step lowers J");
    }
}

#[test]
fn the_neuron_preset_is_h1_of_the_network_tab() {
    let mut s = GraphPreset::Neuron.session().expect("builds");
    s.forward_all();
    let snap = s.snapshot();
    let sigma = snap
        .nodes
        .iter()
        .find(|n| n.op == "sigmoid")
        .and_then(|n| n.value);
    // h₁ = σ(4·1 + 4·(−1) + 3) = σ(3) = 0.9526, as the network tab shows.
    assert!((sigma.unwrap_or(f64::NAN) - sigmoid(3.0)).abs() < TOL);
    let j = (sigmoid(3.0) - 0.5).powi(2) / 2.0;
    assert!((snap.output.unwrap_or(f64::NAN) - j).abs() < TOL);
}

#[test]
fn the_network_preset_has_the_network_tabs_gradients() {
    let mut s = GraphPreset::Network.session().expect("builds");
    s.backward_all();
    let snap = s.snapshot();
    assert_eq!(snap.variables.len(), 12);
    let mut trainer = Trainer::from_preset(Preset::TutorialRegression);
    trainer.backward().expect("the tutorial network is finite");
    let net = trainer.snapshot();
    assert!((snap.output.unwrap_or(f64::NAN) - net.loss.unwrap_or(f64::NAN)).abs() < TOL);
    let (hidden, output) = (&net.layers[0], &net.layers[1]);
    let (gw1, gb1) = (
        hidden.grad_weights.clone().unwrap(),
        hidden.grad_biases.clone().unwrap(),
    );
    let (gw2, gb2) = (
        output.grad_weights.clone().unwrap(),
        output.grad_biases.clone().unwrap(),
    );
    let expected = [
        ("w1", gw1[0][0]),
        ("w2", gw1[1][0]),
        ("w3", gw1[0][1]),
        ("w4", gw1[1][1]),
        ("b1", gb1[0]),
        ("b2", gb1[1]),
        ("w5", gw2[0][0]),
        ("w6", gw2[1][0]),
        ("b3", gb2[0]),
    ];
    for (name, g) in expected {
        let v = snap.variables.iter().find(|v| v.name == name).expect(name);
        assert!(
            (v.gradient.unwrap_or(f64::NAN) - g).abs() < TOL,
            "{name}: {:?} vs {g}",
            v.gradient
        );
        let weight = match name {
            "w1" => hidden.weights[0][0],
            "w2" => hidden.weights[1][0],
            "w3" => hidden.weights[0][1],
            "w4" => hidden.weights[1][1],
            "b1" => hidden.biases[0],
            "b2" => hidden.biases[1],
            "w5" => output.weights[0][0],
            "w6" => output.weights[1][0],
            _ => output.biases[0],
        };
        assert_eq!(v.start, weight, "{name} starts at the network's value");
    }
    // The hand-derived ∂L/∂w5 = (ŷ − y)·σ(3) = 0.6·σ(3).
    let w5 = snap
        .variables
        .iter()
        .find(|v| v.name == "w5")
        .and_then(|v| v.gradient);
    assert!((w5.unwrap_or(f64::NAN) - 0.6 * sigmoid(3.0)).abs() < TOL);
}
