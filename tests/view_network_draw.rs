//! SVG renderings of every phase of the tutorial network: the expected numbers,
//! stroke widths by gradient, labels that never overlap, big and broken inputs.
#![cfg(not(target_arch = "wasm32"))] // SVG rendering is a native dev feature

mod network_common;
#[allow(unused_imports)]
use network_common::*;

/// Phases stepped, the phase reached, texts drawn then, texts not drawn yet.
type Expected = (
    usize,
    Phase,
    &'static [&'static str],
    &'static [&'static str],
);

/// What the tutorial network's diagram shows after each phase.
const EXPECTED: [Expected; 7] = [
    (
        0,
        Phase::Ready,
        &["Ready", "loss L = ?", "x = [1, -1]"],
        &["0.9526"],
    ),
    (
        1,
        Phase::Forward { layer: 1 },
        &["0.9526", "0.04743", "Forward pass"],
        &["1.1"],
    ),
    (
        2,
        Phase::Forward { layer: 2 },
        &["1.1", "target y = 0.5"],
        &["0.18"],
    ),
    (
        3,
        Phase::Loss,
        &["loss L = 0.18", "squared error"],
        &["0.5715"],
    ),
    (
        4,
        Phase::Backward { layer: 2 },
        &["0.5715", "0.02846", "δ = 0.6"],
        &["0.02711"],
    ),
    (
        5,
        Phase::Backward { layer: 1 },
        &["0.02711", "-0.02711", "Backward pass"],
        &[],
    ),
    (
        6,
        Phase::Update,
        &["4 → 3.986", "4 → 4.014", "1 → 0.7142", "b = 0.1 → -0.2"],
        &[],
    ),
];

#[test]
fn each_phase_of_the_tutorial_draws_its_numbers() {
    for (phases, phase, present, absent) in EXPECTED {
        let snap = tutorial(REGRESSION, phases);
        assert_eq!(snap.phase, phase);
        let drawn = texts(&render(&snap, &style(Lang::En, EdgeLabel::Gradient, None)));
        for text in present {
            assert!(
                drawn.iter().any(|t| t.contains(text)),
                "{phase:?}: no {text} in {drawn:?}"
            );
        }
        for text in absent {
            assert!(
                !drawn.iter().any(|t| t.contains(text)),
                "{phase:?}: {text} drawn too early"
            );
        }
    }
}

#[test]
fn captions_and_headings_follow_the_language() {
    let snap = tutorial(REGRESSION, 1);
    let zh = texts(&render(&snap, &style(Lang::Zh, EdgeLabel::Gradient, None))).join("\n");
    let en = texts(&render(&snap, &style(Lang::En, EdgeLabel::Gradient, None))).join("\n");
    for text in [
        "前向传播",
        "隐藏层",
        "输入层",
        "输出层",
        "sigmoid",
        "identity",
        "x₁",
        "ŷ",
        "目标 y = 0.5",
    ] {
        assert!(zh.contains(text), "zh lacks {text}");
    }
    for text in [
        "Forward pass",
        "Hidden layer",
        "Input layer",
        "Output layer",
        "target y = 0.5",
    ] {
        assert!(en.contains(text) && !zh.contains(text), "{text}");
    }
}

#[test]
fn larger_gradients_get_thicker_edges() {
    let snap = tutorial(REGRESSION, 4);
    let layout = NetworkLayout::new(&snap.sizes, 760.0, 420.0, 1.0);
    let svg = render(&snap, &style(Lang::En, EdgeLabel::Gradient, None));
    let centre = |l, j| layout.node_center(node(l, j)).expect("node");
    // The thinnest line between two centres is the edge itself (a halo underneath is wider).
    let width = |a: (f64, f64), b: (f64, f64)| {
        let points = format!(
            "points=\"{},{} {},{} \"",
            a.0.round(),
            a.1.round(),
            b.0.round(),
            b.1.round()
        );
        let lines = elements(&svg, "<polyline")
            .into_iter()
            .filter(|p| p.contains(&points));
        lines
            .filter_map(|p| attr(p, "stroke-width"))
            .fold(f64::INFINITY, f64::min)
    };
    let (big, small) = (
        width(centre(1, 0), centre(2, 0)),
        width(centre(1, 1), centre(2, 0)),
    );
    let muted = width(centre(0, 0), centre(1, 0));
    assert!(
        big.is_finite() && small.is_finite() && muted.is_finite(),
        "all three edges drawn"
    );
    assert!(
        big >= small + 2.0,
        "∂L/∂w 0.5715 vs 0.02846: widths {big} and {small}"
    );
    assert!(
        small > muted,
        "a small gradient is still wider than an uncomputed edge"
    );
}

#[test]
fn edge_labels_never_overlap_each_other_or_the_neurons() {
    for (preset, phases) in [REGRESSION, CLASSIFICATION]
        .iter()
        .flat_map(|p| (0..=7).map(move |k| (*p, k)))
    {
        let snap = tutorial(preset, phases);
        for lang in Lang::ALL {
            for mode in [EdgeLabel::Gradient, EdgeLabel::Weight] {
                let svg = render(&snap, &style(lang, mode, Some(edge(1, 1, 0))));
                assert_tags_apart(
                    &svg,
                    &format!("{preset:?} after {phases} phases, {lang:?} {mode:?}"),
                );
            }
        }
    }
}

/// White tags (edge labels, δ tags) share no area with each other or with a neuron.
fn assert_tags_apart(svg: &str, what: &str) {
    let rects = elements(svg, "<rect")
        .into_iter()
        .filter(|r| r.contains("fill=\"#FFFFFF\""));
    let boxes = rects.filter_map(|r| {
        Some([
            attr(r, "x")?,
            attr(r, "y")?,
            attr(r, "width")?,
            attr(r, "height")?,
        ])
    });
    // The background and the loss box are taller than a tag.
    let tags: Vec<[f64; 4]> = boxes.filter(|t| t[3] < 30.0).collect();
    assert!(
        tags.len() >= 4,
        "{what}: expected edge labels, found {}",
        tags.len()
    );
    for (k, a) in tags.iter().enumerate() {
        for b in &tags[k + 1..] {
            let apart = a[0] + a[2] <= b[0]
                || b[0] + b[2] <= a[0]
                || a[1] + a[3] <= b[1]
                || b[1] + b[3] <= a[1];
            assert!(apart, "{what}: tags {a:?} and {b:?} overlap");
        }
    }
    let discs = elements(svg, "<circle")
        .into_iter()
        .filter(|c| c.contains("stroke=\"none\""));
    for c in discs.filter_map(|c| Some((attr(c, "cx")?, attr(c, "cy")?, attr(c, "r")?))) {
        for t in &tags {
            let nearest = (c.0.clamp(t[0], t[0] + t[2]), c.1.clamp(t[1], t[1] + t[3]));
            let gap = (nearest.0 - c.0).hypot(nearest.1 - c.1);
            assert!(
                gap >= c.2 - 1.0,
                "{what}: tag {t:?} covers the neuron at {c:?}"
            );
        }
    }
}

#[test]
fn big_networks_draw_without_edge_numbers_except_the_hovered_one() {
    let acts = [Activation::Tanh, Activation::Relu, Activation::Softmax];
    let mlp =
        Mlp::random(&[4, 8, 8, 3], &acts, LossKind::SoftmaxCrossEntropy, 3).expect("valid shape");
    let mut trainer =
        Trainer::new(mlp, vec![0.5, -0.2, 0.1, 0.9], vec![0.0, 1.0, 0.0], 0.5).expect("valid");
    // Forward 1–3, Loss, Backward 3–1.
    for _ in 0..7 {
        trainer.step().expect("no explosion");
    }
    let snap = trainer.snapshot();
    assert_eq!(snap.phase, Phase::Backward { layer: 1 });
    let plain = render(&snap, &style(Lang::En, EdgeLabel::Gradient, None));
    let count = plain.matches("<text").count();
    assert!(
        count < 60,
        "120 edges drawn without numbers, got {count} texts"
    );
    let hovered = render(
        &snap,
        &style(Lang::En, EdgeLabel::Gradient, Some(edge(2, 3, 5))),
    );
    assert_eq!(
        hovered.matches("<text").count(),
        count + 1,
        "the hovered edge gets its number"
    );
}

#[test]
fn a_short_or_mismatched_snapshot_draws_without_panicking() {
    let mut snap = tutorial(REGRESSION, 5);
    snap.layers[0].weights.pop();
    snap.layers[1].grad_weights = Some(vec![]);
    snap.layers[0].a = Some(vec![0.5]);
    snap.input.clear();
    snap.target.clear();
    let svg = render(
        &snap,
        &style(Lang::Zh, EdgeLabel::Weight, Some(edge(1, 1, 1))),
    );
    assert!(svg.contains("<circle"));
    assert!(!edge_tooltip(&snap, edge(1, 1, 1), Lang::En).is_empty());
    assert!(!node_tooltip(&snap, node(0, 0), Lang::En).is_empty());
    let shapeless = NetworkLayout::new(&[], 760.0, 420.0, 1.0);
    assert_eq!(shapeless.hit_edge(10.0, 10.0), None);
}

#[test]
fn a_crowded_network_draws_each_neurons_plain_edges_as_one_stroke() {
    use backprop_lab::engine::activation::Activation;
    use backprop_lab::engine::build::Init;
    use backprop_lab::engine::loss::LossKind;
    use backprop_lab::engine::mlp::Mlp;
    use backprop_lab::engine::trainer::Trainer;
    // [2, 8, 8, 1]: 16 + 64 + 8 = 88 edges, none computed yet (all muted alike).
    let sizes = [2, 8, 8, 1];
    let hidden = [Activation::Tanh; 2];
    let mlp = Mlp::build(
        &sizes,
        &hidden,
        Activation::Tanh,
        LossKind::SquaredError,
        Init::Seeded(1),
    )
    .expect("a valid shape");
    let snap = Trainer::new(mlp, vec![0.5, -0.5], vec![1.0], 0.03)
        .expect("a valid sample")
        .snapshot();
    let layout = NetworkLayout::new(&snap.sizes, 760.0, 420.0, 1.0);
    let svg = render(&snap, &style(Lang::En, EdgeLabel::Gradient, None));
    let centre = |l, j| {
        let (x, y) = layout.node_center(node(l, j)).expect("node");
        format!("{},{}", x.round(), y.round())
    };
    // One polyline per source neuron (2 + 8 + 8 = 18), each from the source to every
    // target and back: a → b₁ → a → b₂ → … → a.
    let stars: Vec<&str> = elements(&svg, "<polyline")
        .into_iter()
        .filter(|p| attr(p, "stroke-width").is_some())
        .collect();
    for (l, (&n_in, &n_out)) in sizes.iter().zip(&sizes[1..]).enumerate() {
        for i in 0..n_in {
            let mut want = vec![centre(l, i)];
            for j in 0..n_out {
                want.extend([centre(l + 1, j), centre(l, i)]);
            }
            let points = format!("points=\"{} \"", want.join(" "));
            assert_eq!(
                stars.iter().filter(|p| p.contains(&points)).count(),
                1,
                "layer {l}, neuron {i}: {points}"
            );
        }
    }
}
