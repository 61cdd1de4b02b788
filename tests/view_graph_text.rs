//! The graph lab's texts with their live numbers, against hand-derived values:
//! the tutorial's forward formulas, the chain rule along each path and summed
//! over several paths, the nudge as a ratio of changes, the update line by line,
//! J's history, the caret under an error's column; both languages.

use backprop_lab::engine::graph::GraphSession;
use backprop_lab::i18n::Lang;
use backprop_lab::view::graph::{
    caret, chain_lines, gradient_lines, history_lines, node_rows, nudge_lines, status_line,
    update_lines,
};

fn tutorial() -> GraphSession {
    GraphSession::tutorial()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

#[test]
fn forward_writes_each_formula_with_its_numbers() {
    let mut s = tutorial();
    let ready = status_line(&s.snapshot(), Lang::En);
    assert!(ready.contains("u = b × c"), "{ready}");
    let expected = [
        "Forward 1/3: u = b × c = 3 × 2 = 6.",
        "Forward 2/3: v = a + u = 5 + 6 = 11.",
        "Forward 3/3: J = 3 × v = 3 × 11 = 33. Forward is complete: J = 33.",
    ];
    for line in expected {
        s.forward_step();
        let status = status_line(&s.snapshot(), Lang::En);
        assert!(status.starts_with(line), "{status}");
    }
    let zh = status_line(&s.snapshot(), Lang::Zh);
    assert!(
        zh.starts_with("前向 3/3：J = 3 × v = 3 × 11 = 33。"),
        "{zh}"
    );
    let rows = node_rows(&s.snapshot());
    let u = rows.iter().find(|r| r.label == "u").expect("u");
    assert_eq!(
        (u.value, u.gradient, u.kind),
        (Some(6.0), None, "operation")
    );
    assert_eq!(u.text, "u = b × c = 3 × 2 = 6");
    assert_eq!(rows[0].text, "3", "a constant is its own label");
}

#[test]
fn backward_says_what_each_node_sends_back() {
    let mut s = tutorial();
    s.forward_all();
    s.backward_step();
    let root = status_line(&s.snapshot(), Lang::En);
    assert!(root.contains("starts at J with dJ/dJ = 1"), "{root}");
    assert!(root.contains("3: 1 · 11 = 11; v: 1 · 3 = 3"), "{root}");
    s.backward_step();
    s.backward_step();
    let u = status_line(&s.snapshot(), Lang::En);
    assert!(u.contains("b: 3 · 2 = 6; c: 3 · 3 = 9"), "{u}");
    s.backward_all();
    let done = status_line(&s.snapshot(), Lang::En);
    assert!(done.contains("dJ/da = 3; dJ/db = 6; dJ/dc = 9"), "{done}");
    let zh = status_line(&s.snapshot(), Lang::Zh);
    assert!(
        has_cjk(&zh) && zh.contains("dJ/da = 3；dJ/db = 6；dJ/dc = 9"),
        "{zh}"
    );
}

#[test]
fn the_chain_rule_multiplies_along_the_path() {
    let mut s = tutorial();
    s.backward_all();
    let snap = s.snapshot();
    let b = snap.nodes.iter().find(|n| n.label == "b").expect("b");
    assert_eq!(
        chain_lines(&snap, b, Lang::En),
        vec!["dJ/db = dJ/dv · dv/du · du/db = 3 · 1 · 2 = 6"]
    );
    // Once backward is done, the panel shows every variable's chain.
    let lines = gradient_lines(&snap, None, Lang::En);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], "dJ/da = dJ/dv · dv/da = 3 · 1 = 3");
    assert_eq!(lines[2], "dJ/dc = dJ/dv · dv/du · du/dc = 3 · 1 · 3 = 9");
    let j = snap.nodes.last().expect("J");
    assert_eq!(chain_lines(&snap, j, Lang::En), vec!["dJ/dJ = 1"]);
    // A node whose gradient is not known yet says so.
    let fresh = tutorial().snapshot();
    let pending = gradient_lines(&fresh, Some(2), Lang::En);
    assert!(
        pending[0].starts_with("dJ/db is not known yet"),
        "{pending:?}"
    );
    assert!(has_cjk(&gradient_lines(&fresh, Some(2), Lang::Zh)[0]));
}

#[test]
fn a_variable_used_several_times_adds_its_paths() {
    // J = x·x + x at x = 3: dJ/dx = x + x + 1 = 7 over three paths.
    let mut s = GraphSession::new("x*x + x", &[("x".into(), 3.0)]).expect("builds");
    s.backward_all();
    let snap = s.snapshot();
    let x = snap.nodes.iter().find(|n| n.label == "x").expect("x");
    let lines = chain_lines(&snap, x, Lang::En);
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines.iter().filter(|l| l.starts_with("Path ")).count(), 3);
    assert!(lines
        .iter()
        .any(|l| l.ends_with("= 3 · 3 = 9") || l.ends_with(" = 1 · 3 = 3")));
    let sum = &lines[3];
    assert!(
        sum.contains("dJ/dx = ") && sum.contains(" = 7 (3 paths)"),
        "{sum}"
    );
    let total: f64 = x.chain.iter().map(|t| t.product).sum();
    assert_eq!(total, 7.0);
    let zh = chain_lines(&snap, x, Lang::Zh);
    assert!(zh[0].starts_with("路径 1："), "{zh:?}");
}

#[test]
fn a_nudge_reads_as_a_ratio_of_changes() {
    let mut s = tutorial();
    assert!(nudge_lines(&s.snapshot(), Lang::En)[0].contains("Nudge"));
    s.nudge("v", 0.001).expect("v exists");
    let lines = nudge_lines(&s.snapshot(), Lang::En);
    assert_eq!(
        lines[0],
        "v: 11 → 11.001 makes J 33 → 33.003, so dJ/dv ≈ ΔJ/Δv = 0.003/0.001 = 3"
    );
    assert!(
        lines[1].starts_with("Step backward to get dJ/dv"),
        "{lines:?}"
    );
    s.backward_all();
    s.nudge("a", 0.001).expect("a exists");
    let lines = nudge_lines(&s.snapshot(), Lang::En);
    assert!(
        lines[0].starts_with("a: 5 → 5.001 makes J 33 → 33.003"),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with("The chain rule gives dJ/da = 3;"),
        "{lines:?}"
    );
    let zh = nudge_lines(&s.snapshot(), Lang::Zh);
    assert!(
        zh[0].contains("使 J 从 33 变为 33.003") && zh[1].contains("链式法则"),
        "{zh:?}"
    );
}

#[test]
fn an_update_is_written_variable_by_variable() {
    let rows = [
        ("a", 5.0, 3.0, 4.97),
        ("b", 3.0, 6.0, 2.94),
        ("c", 2.0, 9.0, 1.91),
    ];
    let j_after = 3.0 * (4.97 + 2.94 * 1.91);
    let lines = update_lines("J", 0.01, &rows, (33.0, j_after), Lang::En);
    assert_eq!(lines[0], "a′ = a − r · dJ/da = 5 − 0.01 · 3 = 4.97");
    assert_eq!(lines[1], "b′ = b − r · dJ/db = 3 − 0.01 · 6 = 2.94");
    assert_eq!(
        lines[3],
        "Forward again at the new values: J = 33 → 31.7562, down by 1.244."
    );
    let rose = update_lines("J", 5.0, &[("w", 1.0, -2.0, 11.0)], (0.5, 60.5), Lang::Zh);
    assert_eq!(rose[0], "w′ = w − r · dJ/dw = 1 − 5 · (-2) = 11");
    assert!(rose[1].contains("上升了 60"), "{rose:?}");
}

#[test]
fn history_and_caret() {
    let mut s = tutorial();
    s.update(0.01).expect("finite");
    let lines = history_lines(&s.snapshot(), Lang::En);
    assert_eq!(
        lines,
        vec!["J₀ = 33 (start)".to_string(), "J₁ = 31.76".to_string()]
    );
    assert_eq!(history_lines(&s.snapshot(), Lang::Zh)[0], "J₀ = 33（初始）");
    assert_eq!(caret(1), "^");
    assert_eq!(caret(6), "     ^");
    assert_eq!(caret(0), "^");
}
