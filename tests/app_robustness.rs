//! Thousands of random command sequences — including NaN, infinities, huge and
//! negative rates, wrong lengths and explosions — never panic the App, and it
//! keeps its promises after each one: an exploded lab is stopped and explained,
//! the snapshots keep their shapes, and Restore always gets back to finite values.

use backprop_lab::app::link::Params;
use backprop_lab::app::network::{NetworkCommand, NetworkController};
use backprop_lab::app::{App, Command};
use backprop_lab::engine::activation::Activation;
use backprop_lab::engine::error::EXPLOSION_LIMIT;
use backprop_lab::engine::mlp::Preset;
use backprop_lab::engine::rng::Rng;
use backprop_lab::i18n::Lang;
use backprop_lab::view::message::{render, render_link};

/// A value a learner (or a bad link) might produce.
fn wild(rng: &mut Rng) -> f64 {
    const SPECIAL: [f64; 9] = [
        f64::NAN,
        f64::INFINITY,
        -f64::INFINITY,
        0.0,
        -0.0,
        1e300,
        -1e-300,
        2.0,
        1.0,
    ];
    match rng.next_u64() % 3 {
        0 => SPECIAL[(rng.next_u64() % SPECIAL.len() as u64) as usize],
        1 => rng.uniform(-5.0, 5.0),
        _ => 10f64.powf(rng.uniform(-4.0, 3.0)),
    }
}

fn vector(rng: &mut Rng) -> Vec<f64> {
    (0..rng.next_u64() % 4).map(|_| wild(rng)).collect()
}

fn command(rng: &mut Rng) -> Command {
    use NetworkCommand as N;
    let n = match rng.next_u64() % 20 {
        0..=2 => N::StepPhase,
        3 => N::StepSample,
        4 => N::TogglePlay,
        5 => N::Reset,
        6 => N::SetLearningRate(wild(rng)),
        7 => N::SetInput(vector(rng)),
        8 => N::SetTarget(vector(rng)),
        9 => N::SetPreset(Preset::ALL[(rng.next_u64() % 2) as usize]),
        10 => N::SetSpeed((rng.next_u64() % 12) as usize),
        11 => N::Restore,
        12 => N::DescentStep,
        13 => N::DescentTogglePlay,
        14 => N::SetDescentRate(wild(rng)),
        15 => N::SetDescentStart(wild(rng)),
        16 => N::SetActivation(Activation::ALL[(rng.next_u64() % 5) as usize]),
        17 => N::StartOver,
        18 => N::PickStart(wild(rng)),
        _ => return Command::SetLang(Lang::ALL[(rng.next_u64() % 2) as usize]),
    };
    Command::Network(n)
}

fn check_invariants(app: &App) {
    check_network(app.network());
    if !app.link_messages().is_empty() {
        for lang in Lang::ALL {
            let text = render_link(app.link_messages(), lang);
            assert!(!text.contains('{') && !text.contains('?'), "{text}");
        }
    }
}

fn check_network(app: &NetworkController) {
    let snap = app.network();
    assert_eq!(snap.layers.len() + 1, snap.sizes.len());
    assert_eq!(snap.input.len(), snap.sizes[0]);
    assert_eq!(snap.target.len(), *snap.sizes.last().unwrap_or(&0));
    assert!(snap.learning_rate.is_finite() && snap.learning_rate > 0.0);
    let descent = app.descent();
    assert!(!descent.iterates.is_empty());
    assert!(descent.learning_rate.is_finite() && descent.learning_rate > 0.0);
    if descent.exploded {
        assert!(
            !app.descent_playing(),
            "an exploded descent must not keep playing"
        );
    }
    if let Some(alert) = app.alert() {
        for lang in Lang::ALL {
            let text = render(alert, lang);
            assert!(!text.is_empty() && !text.contains('{'), "{text}");
        }
    }
}

fn all_finite(app: &App) -> bool {
    let snap = app.network().network();
    snap.layers
        .iter()
        .flat_map(|l| l.weights.iter().flatten().chain(&l.biases))
        .all(|w| w.is_finite() && w.abs() <= EXPLOSION_LIMIT)
}

#[test]
fn random_command_sequences_never_panic_and_keep_the_invariants() {
    let mut rng = Rng::new(2026);
    for _run in 0..300 {
        let mut app = App::new(Params::default(), Vec::new(), Lang::En);
        for _ in 0..60 {
            let cmd = command(&mut rng);
            app.apply(cmd);
            app.advance(rng.uniform(0.0, 300.0));
            check_invariants(&app);
        }
        app.apply(Command::Network(NetworkCommand::Restore));
        assert!(all_finite(&app), "Restore must get back to finite weights");
        assert!(app.network().exploded().is_none());
    }
}

#[test]
fn random_links_never_panic() {
    let keys = [
        "preset", "lr", "x", "y", "rate", "w0", "lang", "speed", "zz", "",
    ];
    let values = [
        "",
        "1",
        "-1,1",
        "nan",
        "1e999",
        "tutorial-classification",
        "zh",
        "7",
        "%2C",
        "=",
        "1,2,3",
    ];
    let mut rng = Rng::new(7);
    for _ in 0..2000 {
        let pairs: Vec<String> = (0..rng.next_u64() % 6)
            .map(|_| {
                let k = keys[(rng.next_u64() % keys.len() as u64) as usize];
                let v = values[(rng.next_u64() % values.len() as u64) as usize];
                format!("{k}={v}")
            })
            .collect();
        let (params, errors) = Params::from_query(&format!("#{}", pairs.join("&")));
        let app = App::new(params, errors, Lang::Zh);
        check_invariants(&app);
    }
}

/// A command of any lab or of the page, with wild values.
fn page_command(rng: &mut Rng) -> Command {
    use backprop_lab::app::cats::{CatCommand as K, ModelKind, Pointer, Set, DEMO_SEED};
    use backprop_lab::app::graph::{GraphCommand as G, GraphPreset};
    use backprop_lab::app::Tab;
    const EXPRESSIONS: [&str; 6] = [
        "3*(a+b*c)",
        "log(x)",
        "1/(x-1)",
        "sigmoid(w*x+b)",
        "(",
        "x^2",
    ];
    let pick = |rng: &mut Rng, n: usize| (rng.next_u64() % n as u64) as usize;
    match rng.next_u64() % 16 {
        0..=3 => command(rng),
        4 => Command::Graph(match pick(rng, 8) {
            0 => G::ForwardStep,
            1 => G::BackwardStep,
            2 => G::BackwardAll,
            3 => G::Update,
            4 => G::SetRate(wild(rng)),
            5 => G::SetNudge(wild(rng)),
            6 => G::Nudge(["a", "x", "v", "J", "zz"][pick(rng, 5)].into()),
            _ => G::Reset,
        }),
        5 => Command::Graph(G::SetExpression(EXPRESSIONS[pick(rng, 6)].into())),
        6 => Command::Graph(G::SetValue(["a", "x", "w"][pick(rng, 3)].into(), wild(rng))),
        7 => Command::Graph(G::LoadPreset(GraphPreset::ALL[pick(rng, 6)])),
        8 => Command::Cats(match pick(rng, 9) {
            0 => K::LoadDemo(DEMO_SEED),
            1 => K::Train,
            2 => K::Pause,
            3 => K::Resume,
            4 => K::Stop,
            5 => K::NextSample,
            6 => K::SetRate(wild(rng)),
            7 => K::Inspect(Set::Test, pick(rng, 60)),
            _ => K::Point(Pointer::Index(pick(rng, 20000))),
        }),
        9 => Command::Cats(K::SetModel(
            [ModelKind::Logistic, ModelKind::Hidden][pick(rng, 2)],
        )),
        10 => Command::Cats(K::SetIterations(pick(rng, 40))),
        11..=12 => Command::SetTab(Tab::ALL[pick(rng, 3)]),
        13 => Command::FollowLink(
            [
                "#tab=cats",
                "#lr=abc&tab=graph",
                "#expr=log(0*x)&values=x:1",
                "",
                "#cat-model=hidden&cat-iterations=5",
            ][pick(rng, 5)]
            .into(),
        ),
        14 => Command::DismissLinkMessage,
        _ => Command::SetLang(Lang::ALL[pick(rng, 2)]),
    }
}

#[test]
fn random_sessions_across_the_labs_never_panic_and_nothing_runs_unseen() {
    use backprop_lab::app::cats::RunState;
    use backprop_lab::app::Tab;
    let mut rng = Rng::new(88);
    for _run in 0..40 {
        let mut app = App::new(Params::default(), Vec::new(), Lang::En);
        for _ in 0..80 {
            let cmd = page_command(&mut rng);
            app.apply(cmd);
            app.advance(rng.uniform(0.0, 100.0));
            check_invariants(&app);
            let tab = app.tab();
            if tab != Tab::Network {
                assert!(!app.network().playing() && !app.network().descent_playing());
            }
            if tab != Tab::Cats {
                assert_ne!(app.cats().state(), RunState::Running, "a hidden run trains");
            }
            // The page's own link always reads back to its settings.
            let (read, errors) = Params::from_query(&app.params().to_query());
            assert!(errors.is_empty(), "{errors:?}");
            assert_eq!(read, app.params());
            if let Some(err) = app.graph().error() {
                for lang in Lang::ALL {
                    assert!(!render(&err.message, lang).contains("{"));
                }
            }
        }
    }
}

#[test]
fn a_setting_out_of_range_is_named_in_the_page_language() {
    use backprop_lab::app::message::Message;
    use backprop_lab::engine::optim::Optimizer;
    use backprop_lab::engine::EngineError;
    let adam = Optimizer::Adam {
        beta1: 1.5,
        beta2: 0.999,
        epsilon: 1e-8,
    };
    let err: EngineError = adam.checked().unwrap_err();
    let message = Message::from(&err);
    let (zh, en) = (render(&message, Lang::Zh), render(&message, Lang::En));
    assert!(zh.contains("β₁") && zh.contains("1.5"), "{zh}");
    assert!(!zh.contains("beta1"), "{zh}");
    assert!(en.contains("β₁ must be in [0, 1)"), "{en}");
    let mut lab = NetworkController::new();
    lab.apply(NetworkCommand::SetDataSet(
        backprop_lab::engine::data::DataSet::Circle,
    ));
    lab.apply(NetworkCommand::SetBatchSize(0));
    let alert = lab.alert().map(|m| render(m, Lang::Zh)).unwrap_or_default();
    assert!(alert.contains("批量大小"), "{alert}");
}
