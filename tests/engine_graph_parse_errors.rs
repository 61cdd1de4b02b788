//! Every parse error of the expression language with its code, 1-based character
//! column and placeholders; the length, depth, node and variable limits; and
//! inputs built to overflow a naive recursive parser.

use backprop_lab::engine::graph::GraphSession;

mod engine_graph_common;
use engine_graph_common::*;

#[test]
fn syntax_errors_with_their_columns() {
    let none: &[(&str, f64)] = &[];
    let x = &[("x", 1.0), ("a", 1.0), ("b", 1.0)];
    fails("", none, "empty", None, &[]);
    fails("  \t ", none, "empty", None, &[]);
    fails(
        &"x".repeat(201),
        none,
        "too-long",
        None,
        &[("limit", "200")],
    );
    fails(
        "a $ b",
        x,
        "unexpected-char",
        Some(3),
        &[("column", "3"), ("token", "$")],
    );
    fails(
        "a·b²",
        x,
        "unexpected-char",
        Some(4),
        &[("column", "4"), ("token", "²")],
    );
    fails(
        "a + * b",
        x,
        "unexpected-token",
        Some(5),
        &[("column", "5"), ("token", "*")],
    );
    fails(
        "3 4",
        none,
        "unexpected-token",
        Some(3),
        &[("column", "3"), ("token", "4")],
    );
    fails(
        "a b",
        x,
        "unexpected-token",
        Some(3),
        &[("column", "3"), ("token", "b")],
    );
    fails(
        "()",
        none,
        "unexpected-token",
        Some(2),
        &[("column", "2"), ("token", ")")],
    );
    fails("a +", x, "unexpected-end", Some(4), &[("column", "4")]);
    fails("a +   ", x, "unexpected-end", Some(4), &[("column", "4")]);
    fails("x^", x, "unexpected-end", Some(3), &[("column", "3")]);
    fails("(a + b", x, "unclosed-paren", Some(1), &[("column", "1")]);
    fails("exp((x)", x, "unclosed-paren", Some(4), &[("column", "4")]);
    fails("a + b)", x, "unmatched-paren", Some(6), &[("column", "6")]);
    fails("a + )", x, "unmatched-paren", Some(5), &[("column", "5")]);
    fails(
        "2·foo(x)",
        x,
        "unknown-function",
        Some(3),
        &[("column", "3"), ("name", "foo")],
    );
    fails(
        "a(x)",
        x,
        "unknown-function",
        Some(1),
        &[("column", "1"), ("name", "a")],
    );
    fails(
        "1 + exp x",
        x,
        "function-needs-paren",
        Some(5),
        &[("column", "5"), ("name", "exp")],
    );
    fails(
        "log",
        none,
        "function-needs-paren",
        Some(1),
        &[("column", "1"), ("name", "log")],
    );
    fails("x^a", x, "exponent-not-number", Some(2), &[("column", "2")]);
    fails(
        "x^(2+a)",
        x,
        "exponent-not-number",
        Some(2),
        &[("column", "2")],
    );
    fails(
        "x ^ -a",
        x,
        "exponent-not-number",
        Some(3),
        &[("column", "3")],
    );
    // A folded exponent follows the rules of a power: (−1)^0.5 and 0^−1 have no value.
    let col2 = &[("column", "2")];
    fails("x^(-1)^0.5", x, "pow-domain", Some(2), col2);
    fails("x^0^-1", x, "pow-domain", Some(2), col2);
    fails("x^10^400", x, "overflow", Some(2), col2);
    fails(
        "x + 1.2.3",
        x,
        "bad-number",
        Some(5),
        &[("column", "5"), ("token", "1.2.3")],
    );
    fails(
        "1e",
        none,
        "bad-number",
        Some(1),
        &[("column", "1"), ("token", "1e")],
    );
    fails(
        "1e999",
        none,
        "bad-number",
        Some(1),
        &[("column", "1"), ("token", "1e999")],
    );
}

#[test]
fn errors_are_reported_in_reading_order() {
    let x = &[("x", 1.0)];
    // The misplaced "*" (column 5) comes before the bad character (column 9).
    fails(
        "x + * x $",
        x,
        "unexpected-token",
        Some(5),
        &[("column", "5"), ("token", "*")],
    );
    fails(
        "x + x $ *",
        x,
        "unexpected-char",
        Some(7),
        &[("column", "7"), ("token", "$")],
    );
}

#[test]
fn nesting_deeper_than_32_is_refused_without_overflowing_the_stack() {
    let nest = |d: usize| format!("{}x{}", "(".repeat(d), ")".repeat(d));
    assert_eq!(j(&nest(32), &[("x", 2.0)]), 2.0);
    fails(
        &nest(33),
        &[("x", 1.0)],
        "too-deep",
        Some(33),
        &[("column", "33"), ("limit", "32")],
    );
    let calls = format!("{}x{}", "exp(".repeat(33), ")".repeat(33));
    // The 33rd call starts at column 4·32 + 1 = 129; its "(" (the 33rd level) is column 132.
    fails(
        &calls,
        &[("x", 1.0)],
        "too-deep",
        Some(132),
        &[("column", "132"), ("limit", "32")],
    );
    // 200 characters of open parentheses or of minus signs are fine for the stack.
    assert_eq!(new(&"(".repeat(200), &[]).unwrap_err().code(), "too-deep");
    let minus = format!("{}x", "-".repeat(199));
    assert_eq!(
        new(&minus, &[("x", 2.0)]).unwrap_err().code(),
        "too-many-nodes"
    ); // 199 negations
    assert_eq!(j(&format!("{}x", "-".repeat(79)), &[("x", 2.0)]), -2.0); // 79 signs: odd, so −x
    assert_eq!(j(&format!("x^{}2", "-".repeat(100)), &[("x", 2.0)]), 4.0);
}

#[test]
fn limits_on_nodes_and_variables() {
    // 41 ones and 40 additions: 81 nodes in 81 characters.
    let ones = vec!["1"; 41].join("+");
    fails(&ones, &[], "too-many-nodes", None, &[("limit", "80")]);
    assert!(GraphSession::new(&vec!["1"; 40].join("+"), &[]).is_ok()); // 79 nodes
    let names: Vec<String> = (0..17).map(|i| format!("x{i}")).collect();
    let given: Vec<(String, f64)> = names.iter().map(|n| (n.clone(), 1.0)).collect();
    let e = GraphSession::new(&names.join("+"), &given).unwrap_err();
    assert_eq!(
        (e.code(), e.args()),
        ("too-many-variables", vec![("limit", "16".to_string())])
    );
    assert!(GraphSession::new(&names[..16].join("+"), &given).is_ok());
    // Exactly 200 characters is allowed.
    assert!(GraphSession::new(&format!("x{}", " ".repeat(199)), &values(&[("x", 1.0)])).is_ok());
}
