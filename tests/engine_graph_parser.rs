//! The expression language of the graph lab: precedence, associativity, implicit
//! multiplication, Unicode operator synonyms, node structure and
//! labels. Reference values are worked by hand in the comments.

mod engine_graph_common;
use engine_graph_common::*;

#[test]
fn power_is_right_associative_and_binds_tighter_than_unary_minus() {
    assert_eq!(j("2^3^2", &[]), 512.0); // 2^(3^2) = 2^9, not (2^3)^2 = 64
    assert_eq!(labels("2^3^2", &[]), ["2", "J"]); // the exponent folds into the op: "^9"
    assert_eq!(session("2^3^2", &[]).snapshot().nodes[1].symbol, "^9");
    assert_eq!(j("-x^2", &[("x", 3.0)]), -9.0); // −(3²)
    assert_eq!(j("(-x)^2", &[("x", 3.0)]), 9.0);
    assert_eq!(j("x^-1", &[("x", 4.0)]), 0.25);
    assert_eq!(j("x^(0.5)", &[("x", 9.0)]), 3.0);
    assert_eq!(j("x^-(2)", &[("x", 2.0)]), 0.25);
    assert_eq!(j("2^-2^2", &[]), 1.0 / 16.0); // 2^(−(2²))
}

#[test]
fn subtraction_and_division_are_left_associative() {
    let abc = [("a", 12.0), ("b", 3.0), ("c", 2.0)];
    assert_eq!(j("a-b-c", &abc), 7.0); // (12 − 3) − 2, not 12 − (3 − 2) = 11
    assert_eq!(j("a/b/c", &abc), 2.0); // (12 / 3) / 2, not 12 / (3 / 2) = 8
    assert_eq!(j("a - b * c", &abc), 6.0);
    assert_eq!(j("a / b * c", &abc), 8.0);
    assert_eq!(j("a - -b", &abc), 15.0);
}

#[test]
fn implicit_multiplication_after_a_number_or_a_parenthesis() {
    let abc = [("a", 5.0), ("b", 3.0), ("c", 2.0)];
    assert_eq!(j("3(a+b*c)", &abc), 33.0);
    assert_eq!(j("2x", &[("x", 4.0)]), 8.0);
    assert_eq!(j("2x^2", &[("x", 3.0)]), 18.0); // 2·(x²)
    assert_eq!(j("(a+b)(c-1)", &abc), 8.0);
    assert_eq!(j("6/2(a)", &abc), 15.0); // same level as ×: (6/2)·a
    assert_eq!(j("exp(0)(a)", &abc), 5.0);
    assert_eq!(j("-3a", &abc), -15.0);
}

#[test]
fn unicode_operator_synonyms() {
    let v = [("a", 6.0), ("b", 4.0), ("c", 3.0), ("d", 8.0), ("e", 1.0)];
    // a·b×c÷d−e = 6·4·3/8 − 1 = 8.
    assert_eq!(j("a·b×c÷d−e", &v), 8.0);
    assert_eq!(j("−a", &v), -6.0);
    let snap = session("a·b×c÷d−e", &v).snapshot();
    let symbols: Vec<&str> = snap
        .nodes
        .iter()
        .filter(|n| !n.inputs.is_empty())
        .map(|n| n.symbol.as_str())
        .collect();
    assert_eq!(symbols, ["×", "×", "÷", "−"]);
    // Columns count characters: "−" (3 bytes) is column 8.
    assert_eq!(snap.nodes.last().unwrap().column, 8);
}

#[test]
fn functions_symbols_and_formulas() {
    let snap = session("relu(tanh(log(sigmoid(exp(x)))))", &[("x", 0.3)]).snapshot();
    let rows: Vec<(&str, &str, &str, usize)> = snap
        .nodes
        .iter()
        .map(|n| {
            (
                n.op.as_str(),
                n.symbol.as_str(),
                n.formula.as_str(),
                n.column,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("var", "x", "x", 27),
            ("exp", "exp", "u = exp(x)", 23),
            ("sigmoid", "σ", "v = σ(u)", 15),
            ("log", "log", "p = log(v)", 11),
            ("tanh", "tanh", "q = tanh(p)", 6),
            ("relu", "ReLU", "J = ReLU(q)", 1),
        ]
    );
    let n = session("-z + (x - y)^2 / 2", &[("x", 1.0), ("y", 2.0), ("z", 3.0)]).snapshot();
    let formulas: Vec<&str> = n
        .nodes
        .iter()
        .filter(|n| !n.inputs.is_empty())
        .map(|n| n.formula.as_str())
        .collect();
    assert_eq!(
        formulas,
        ["u = −z", "v = x − y", "p = v^2", "q = p ÷ 2", "J = u + q"]
    );
}

#[test]
fn a_minus_on_a_number_folds_into_one_constant() {
    assert_eq!(labels("-3*x", &[("x", 1.0)]), ["-3", "x", "J"]);
    assert_eq!(labels("x*-0.5", &[("x", 1.0)]), ["x", "-0.5", "J"]);
    // Not when the number is raised to a power: −(3²).
    assert_eq!(labels("-3^2", &[]), ["3", "u", "J"]);
    assert_eq!(j("-3^2", &[]), -9.0);
    // A constant-only expression and a lone variable are graphs too.
    assert_eq!(labels("-3", &[]), ["-3"]);
    assert_eq!(j("x", &[("x", 4.0)]), 4.0);
}

#[test]
fn labels_avoid_variable_names_and_j() {
    // Operations are u, v, p, … skipping names the learner used; a variable J pushes the root to "out".
    assert_eq!(
        labels("u*v + J", &[("u", 1.0), ("v", 1.0), ("J", 1.0)]),
        ["u", "v", "p", "J", "out"]
    );
    let many = "((((((((((((x+1)+1)+1)+1)+1)+1)+1)+1)+1)+1)+1)+1)+1";
    let got = labels(many, &[("x", 0.0)]);
    let ops: Vec<&str> = got
        .iter()
        .filter(|l| *l != "x" && *l != "1")
        .map(|s| s.as_str())
        .collect();
    assert_eq!(
        ops,
        ["u", "v", "p", "q", "s", "t", "g", "k", "m", "n", "u1", "u2", "J"]
    );
    assert_eq!(j(many, &[("x", 0.0)]), 13.0);
}
