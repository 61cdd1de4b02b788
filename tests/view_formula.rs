//! The phase panel and the descent texts carry the right numbers: every phase of the
//! tutorial network's first step, the softmax classification's loss and output δ, and
//! gradient descent on J(w) = ½w² at five learning rates, against references derived
//! by hand below (σ(3) = 1/(1 + e⁻³) = 0.952574, σ(−3) = 0.047426, σ'(±3) = σ(3)σ(−3) = 0.045177).

use backprop_lab::engine::descent::Descent;
use backprop_lab::engine::mlp::Preset;
use backprop_lab::engine::snapshot::{NetworkSnapshot, Phase, Regime};
use backprop_lab::engine::trainer::Trainer;
use backprop_lab::i18n::Lang;
use backprop_lab::view::network::formula::{
    descent_lines, next_phase_line, phase_panel, regime_name,
};

mod formula_common;
use formula_common::{assert_shows, numbers};

/// The tutorial network after each of the first step's phases, in order.
fn first_step(preset: Preset) -> Vec<NetworkSnapshot> {
    let mut trainer = Trainer::from_preset(preset);
    let mut snaps = vec![trainer.snapshot()];
    for _ in 0..6 {
        assert!(trainer.step().is_ok());
        snaps.push(trainer.snapshot());
    }
    snaps
}

fn panel_text(snap: &NetworkSnapshot, lang: Lang) -> String {
    let panel = phase_panel(snap, lang);
    format!("{}\n{}", panel.title, panel.lines.join("\n"))
}

#[test]
fn every_phase_of_the_tutorial_step_shows_its_numbers() {
    let snaps = first_step(Preset::TutorialRegression);
    let phases: Vec<Phase> = snaps.iter().map(|s| s.phase).collect();
    assert_eq!(phases[1], Phase::Forward { layer: 1 });
    assert_eq!(phases[6], Phase::Update);
    // Forward 1: u = x·W + b = [1·4 − 1·4 + 3, 1·4 − 1·4 − 3] = [3, −3]; a = σ(u).
    let f1 = panel_text(&snaps[1], Lang::En);
    assert!(
        f1.contains("[1, -1]·[[4, 4], [4, 4]] + [3, -3] = [3, -3]"),
        "{f1}"
    );
    assert!(f1.contains("σ(u⁽¹⁾)"), "{f1}");
    [0.952574, 0.047426]
        .iter()
        .for_each(|&v| assert_shows(&f1, v));
    // Forward 2: u = 0.952574·1 + 0.047426·1 + 0.1 = 1.1 = ŷ (identity).
    let f2 = panel_text(&snaps[2], Lang::En);
    assert!(
        f2.contains("u⁽²⁾ = a⁽¹⁾·W⁽²⁾ + b⁽²⁾") && f2.contains("[1.1]"),
        "{f2}"
    );
    // Loss: ½(1.1 − 0.5)² = ½·0.36 = 0.18.
    let loss = panel_text(&snaps[3], Lang::En);
    assert!(loss.contains("½(1.1 − 0.5)²"), "{loss}");
    assert_shows(&loss, 0.18);
    // Backward 2: δ = (ŷ − y)·1 = 0.6; ∂L/∂W = a⁽¹⁾ᵀ·δ = [[0.571544], [0.028456]].
    let b2 = panel_text(&snaps[4], Lang::En);
    [0.6, 0.571544, 0.028456]
        .iter()
        .for_each(|&v| assert_shows(&b2, v));
    // Backward 1: δ·Wᵀ = [0.6, 0.6]; δ⁽¹⁾ = 0.6·0.045177 = 0.027106; ∂L/∂W = xᵀ·δ = ±0.027106.
    let b1 = panel_text(&snaps[5], Lang::En);
    assert!(b1.contains("δ⁽¹⁾ = (δ⁽²⁾·W⁽²⁾ᵀ) ⊙ σ'(u⁽¹⁾)"), "{b1}");
    [0.045177, 0.027106, -0.027106]
        .iter()
        .for_each(|&v| assert_shows(&b1, v));
    // Update (r = 0.5): 4 − 0.5·0.027106 = 3.986447, 4 + 0.013553 = 4.013553,
    // 3 − 0.013553 = 2.986447; W⁽²⁾: 1 − 0.5·0.571544 = 0.714228, 1 − 0.014228 = 0.985772;
    // b⁽²⁾ = 0.1 − 0.5·0.6 = −0.2.
    let up = panel_text(&snaps[6], Lang::En);
    for v in [3.986447, 4.013553, 2.986447, 0.714228, 0.985772, -0.2, 0.18] {
        assert_shows(&up, v);
    }
    assert!(up.contains("4 − 0.5·0.02711 = 3.986"), "{up}");
}

#[test]
fn ready_and_next_lines_name_the_phases() {
    let snaps = first_step(Preset::TutorialRegression);
    let ready = panel_text(&snaps[0], Lang::En);
    assert!(
        ready.contains("[1, -1]") && ready.contains("[0.5]"),
        "{ready}"
    );
    assert_eq!(
        next_phase_line(&snaps[0], Lang::En),
        "Next: forward pass, layer 1"
    );
    assert_eq!(
        next_phase_line(&snaps[3], Lang::En),
        "Next: backward pass, layer 2"
    );
    let after_update = next_phase_line(&snaps[6], Lang::En);
    assert!(
        after_update.contains("step 2") && after_update.contains("layer 1"),
        "{after_update}"
    );
    assert!(next_phase_line(&snaps[3], Lang::Zh).contains("第 2 层的反向传播"));
}

#[test]
fn both_languages_give_different_non_empty_panels() {
    for snap in first_step(Preset::TutorialRegression) {
        let (zh, en) = (phase_panel(&snap, Lang::Zh), phase_panel(&snap, Lang::En));
        assert!(!zh.title.is_empty() && !en.title.is_empty() && !zh.lines.is_empty());
        assert_ne!(zh, en, "{:?}", snap.phase);
        let all = format!(
            "{}{}",
            panel_text(&snap, Lang::Zh),
            panel_text(&snap, Lang::En)
        );
        assert!(
            !all.contains('?') && !all.contains("panel."),
            "untranslated key: {all}"
        );
        assert!(
            !all.contains("(not computed yet)") && !all.contains("尚未计算"),
            "{all}"
        );
    }
}

#[test]
fn softmax_classification_shows_cross_entropy_and_y_hat_minus_y() {
    // u⁽²⁾ = [σ(3) − σ(−3) + 0.1, −(…)] = [1.005148, −1.005148]; ŷ = softmax(u)
    // = [1/(1 + e^(−2.010296)), …] = [0.881874, 0.118126]; L = −ln 0.881874 = 0.125706;
    // δ⁽²⁾ = ŷ − y = [−0.118126, 0.118126].
    let snaps = first_step(Preset::TutorialClassification);
    let loss = panel_text(&snaps[3], Lang::En);
    assert!(loss.contains("L = −Σⱼ yⱼ·ln ŷⱼ = −(1·ln 0.8819)"), "{loss}");
    assert_shows(&loss, 0.125706);
    let b2 = panel_text(&snaps[4], Lang::En);
    assert!(b2.contains("δ⁽²⁾ = ŷ − y"), "{b2}");
    [-0.118126, 0.118126]
        .iter()
        .for_each(|&v| assert_shows(&b2, v));
    // Hidden: δ·Wᵀ = [−0.118126 − 0.118126, 0.118126 + 0.118126] = [−0.236252, 0.236252];
    // δ⁽¹⁾ = that ⊙ 0.045177 = [−0.010673, 0.010673].
    let b1 = panel_text(&snaps[5], Lang::En);
    [-0.236252, 0.010673]
        .iter()
        .for_each(|&v| assert_shows(&b1, v));
}

#[test]
fn descent_lines_follow_w_k_equals_q_to_the_k_times_w0() {
    // J(w) = ½w², dJ/dw = w: w_{k+1} = w_k − r·w_k = (1 − r)·w_k, so w_k = 1.5·q^k.
    let cases = [
        (0.5, 0.5, Regime::Monotone, "steady descent"),
        (1.0, 0.0, Regime::OneStep, "one step to the minimum"),
        (1.5, -0.5, Regime::Oscillating, "oscillating, converging"),
        (2.0, -1.0, Regime::Bouncing, "bouncing for ever"),
        (2.5, -1.5, Regime::Diverging, "diverging"),
    ];
    for (r, q, regime, name) in cases {
        let mut descent = Descent::new(1.5, r).unwrap_or_else(|e| panic!("r = {r}: {e}"));
        for _ in 0..3 {
            assert!(descent.step().is_ok());
        }
        let snap = descent.snapshot();
        assert_eq!(snap.regime, regime);
        assert_eq!(regime_name(regime, Lang::En), name);
        let text = descent_lines(&snap, Lang::En).join("\n");
        let (w2, w3) = (1.5 * q * q, 1.5 * q * q * q);
        // Step 3: w₃ = w₂ − r·w₂ with the numbers, then J(w₃) = ½w₃².
        assert!(text.contains("w₃ = w₂ − r·dJ/dw(w₂)"), "{text}");
        for v in [1.5, 1.5 * q, w2, w3, r, q, 0.5 * w3 * w3] {
            assert_shows(&text, v);
        }
        assert!(text.contains(name), "{text}");
        let zh = descent_lines(&snap, Lang::Zh).join("\n");
        assert!(zh.contains(regime_name(regime, Lang::Zh)), "{zh}");
        assert_ne!(zh, text);
    }
    assert_eq!(regime_name(Regime::Oscillating, Lang::Zh), "振荡收敛");
}

#[test]
fn descent_lines_before_any_step_and_after_an_explosion() {
    let start = Descent::new(1.5, 2.5).map(|d| d.snapshot());
    let lines = start
        .map(|s| descent_lines(&s, Lang::En))
        .unwrap_or_default();
    // J(1.5) = ½·2.25 = 1.125, slope 1.5.
    assert_shows(&lines.join("\n"), 1.125);
    let mut descent = Descent::new(1.5, 2.5).unwrap_or_else(|e| panic!("{e}"));
    while descent.step().is_ok() {}
    let text = descent_lines(&descent.snapshot(), Lang::En).join("\n");
    assert!(text.contains("explosion limit"), "{text}");
}

#[test]
fn the_number_reader_reads_what_the_panel_writes() {
    assert_eq!(
        numbers("[1, -1]·w₁₂⁽¹⁾ = 3.662e-4 − 2"),
        vec![1.0, -1.0, 3.662e-4, 2.0]
    );
}
