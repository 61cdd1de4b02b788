//! Domain errors while evaluating, and bad input to a session's methods: each with
//! its code, column and placeholders, and a session left exactly as it was.

use backprop_lab::engine::graph::GraphSession;

mod engine_graph_common;
use engine_graph_common::*;

#[test]
fn domain_errors_point_at_their_operation() {
    check(
        new("a/(b-1)", &[("a", 1.0), ("b", 1.0)]),
        "division-by-zero",
        Some(2),
        &[("column", "2")],
    );
    check(
        new("1 + log(x)", &[("x", 0.0)]),
        "log-domain",
        Some(5),
        &[("column", "5")],
    );
    check(
        new("1 + log(x)", &[("x", -2.0)]),
        "log-domain",
        Some(5),
        &[("column", "5")],
    );
    check(
        new("x^0.5", &[("x", -1.0)]),
        "pow-domain",
        Some(2),
        &[("column", "2")],
    );
    check(
        new("x^-1", &[("x", 0.0)]),
        "pow-domain",
        Some(2),
        &[("column", "2")],
    );
    // e^(e^7) = e^1096.6… is past f64's largest value (≈ e^709.78).
    check(
        new("2 * exp(exp(x))", &[("x", 7.0)]),
        "overflow",
        Some(5),
        &[("column", "5")],
    );
    check(
        new("x^400", &[("x", 10.0)]),
        "overflow",
        Some(2),
        &[("column", "2")],
    );
    // A negative base with an integer exponent is fine: (−2)³ = −8.
    let mut s = session("x^3", &[("x", -2.0)]);
    s.forward_all();
    assert_eq!(s.snapshot().output, Some(-8.0));
}

#[test]
fn values_must_be_given_finite_and_within_a_million() {
    check(
        new("a + b", &[("a", 1.0)]),
        "missing-value",
        None,
        &[("name", "b")],
    );
    check(
        new("a + b", &[("a", f64::NAN), ("b", 1.0)]),
        "bad-value",
        None,
        &[("name", "a")],
    );
    check(
        new("a + b", &[("a", 1.0), ("b", f64::INFINITY)]),
        "bad-value",
        None,
        &[("name", "b")],
    );
    check(
        new("a", &[("a", -1.000_001e6)]),
        "bad-value",
        None,
        &[("name", "a")],
    );
    assert!(new("a", &[("a", -1e6)]).is_ok());
    // Unused values are ignored; a repeated one takes its last value.
    let mut s = session("a", &[("zz", f64::NAN), ("a", 1.0), ("a", 2.0)]);
    s.forward_all();
    assert_eq!(s.snapshot().output, Some(2.0));
}

#[test]
fn bad_labels_steps_and_rates() {
    let mut s = GraphSession::tutorial();
    check(
        s.nudge("zz", 0.1),
        "unknown-variable",
        None,
        &[("name", "zz")],
    );
    check(
        s.set_value("zz", 1.0),
        "unknown-variable",
        None,
        &[("name", "zz")],
    );
    // "u" is a node but not a variable: it cannot be set.
    check(
        s.set_value("u", 1.0),
        "unknown-variable",
        None,
        &[("name", "u")],
    );
    check(
        s.set_value("a", f64::NAN),
        "bad-value",
        None,
        &[("name", "a")],
    );
    check(s.set_value("a", 2e6), "bad-value", None, &[("name", "a")]);
    for h in [0.0, f64::NAN, f64::INFINITY] {
        check(s.nudge("a", h), "bad-step", None, &[]);
    }
    for r in [0.0, -0.1, f64::NAN, f64::INFINITY] {
        check(s.update(r), "bad-rate", None, &[]);
    }
    check(
        s.output_at(&values(&[("a", f64::NAN)])),
        "bad-value",
        None,
        &[("name", "a")],
    );
    assert_eq!(s.snapshot(), GraphSession::tutorial().snapshot());
}

#[test]
fn a_failed_update_leaves_the_session_unchanged() {
    // J = log(x) at x = 0.5: dJ/dx = 1/x = 2; with r = 1, x' = 0.5 − 2 = −1.5: log-domain.
    let mut s = session("log(x)", &[("x", 0.5)]);
    s.forward_step();
    let before = s.snapshot();
    check(s.update(1.0), "log-domain", Some(1), &[("column", "1")]);
    assert_eq!(s.snapshot(), before);
    // With r = 0.1, x' = 0.5 − 0.2 = 0.3 is fine.
    s.update(0.1).unwrap();
    assert!((s.snapshot().variables[0].value - 0.3).abs() < 1e-15);

    // J = x² at x = 1000: x' = 1000 − 1000·2000 leaves ±1e6: bad-value.
    let mut s = session("x^2", &[("x", 1000.0)]);
    let before = s.snapshot();
    check(s.update(1000.0), "bad-value", None, &[("name", "x")]);
    assert_eq!(s.snapshot(), before);

    // J = exp(x) at 700: dJ/dx ≈ 1.0e304; r·dJ/dx with r = 1e10 is not finite: overflow at x.
    let mut s = session("exp(x)", &[("x", 700.0)]);
    check(s.update(1e10), "overflow", Some(5), &[("column", "5")]);
}

#[test]
fn failed_nudges_and_settings_change_nothing() {
    let mut s = session("log(x)", &[("x", 0.0005)]);
    s.nudge("x", 0.001).unwrap();
    let before = s.snapshot();
    check(
        s.nudge("x", -0.001),
        "log-domain",
        Some(1),
        &[("column", "1")],
    );
    check(
        s.set_value("x", -1.0),
        "log-domain",
        Some(1),
        &[("column", "1")],
    );
    check(
        s.output_at(&values(&[("x", 0.0)])),
        "log-domain",
        Some(1),
        &[("column", "1")],
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn messages_are_plain_english() {
    let e = new("a + * b", &[]).unwrap_err();
    assert_eq!(e.to_string(), "column 5: \"*\" cannot stand here");
    let e: Box<dyn std::error::Error> = Box::new(new("a", &[]).unwrap_err());
    assert_eq!(e.to_string(), "no starting value for \"a\"");
}
