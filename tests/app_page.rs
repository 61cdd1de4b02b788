//! The whole page's App without a browser: one command tree for the three labs,
//! hiding a tab pauses its work, the link carries every lab and round-trips, a
//! followed link applies what differs and names what it ignored.

use backprop_lab::app::cats::{CatCommand, ModelKind, RunState, Settings, DEMO_SEED};
use backprop_lab::app::graph::{GraphCommand, GraphParams};
use backprop_lab::app::link::Params;
use backprop_lab::app::message::Message;
use backprop_lab::app::network::{NetworkCommand, NetworkParams};
use backprop_lab::app::{App, Command, Tab};
use backprop_lab::engine::activation::Activation;
use backprop_lab::engine::cats::{Init, Layers};
use backprop_lab::engine::mlp::Preset;
use backprop_lab::engine::snapshot::Phase;
use backprop_lab::i18n::Lang;
use backprop_lab::view::message::render_link;

fn app_for(query: &str) -> App {
    let (params, errors) = Params::from_query(query);
    App::new(params, errors, Lang::En)
}

fn codes(messages: &[Message]) -> Vec<String> {
    messages
        .iter()
        .map(|m| match m.arg("reason") {
            Some(backprop_lab::app::message::Arg::Message(r)) => r.key(),
            _ => m.key(),
        })
        .collect()
}

#[test]
fn every_setting_round_trips_through_the_link() {
    let params = Params {
        tab: Tab::Graph,
        lang: Some(Lang::Zh),
        network: NetworkParams {
            preset: Preset::TutorialClassification,
            activation: Activation::Tanh,
            learning_rate: 0.25,
            input: Some(vec![1.0, -0.5]),
            target: Some(vec![0.0, 1.0]),
            descent_rate: 1.5,
            w0: -2.0,
            speed: 4,
            ..NetworkParams::default()
        },
        graph: GraphParams {
            expression: "(y - tanh(w*x + b))^2 / 2 & σ".into(),
            values: vec![("y".into(), 0.5), ("w".into(), -1.25), ("x".into(), 2.0)],
            rate: 0.1,
            nudge: 1e-4,
        },
        cats: Settings {
            model: ModelKind::Hidden,
            learning_rate: 0.01,
            iterations: 300,
            hidden: Layers::new(&[12, 5]).expect("two layers"),
            init: Init::Seeded,
            seed: 9,
        },
    };
    let query = params.to_query();
    let (back, errors) = Params::from_query(&format!("#{query}"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(back, params, "{query}");
    // Defaults of the other labs stay out of the link.
    let short = Params::default().to_query();
    assert!(
        !short.contains("expr=") && !short.contains("cat-"),
        "{short}"
    );
}

#[test]
fn bad_pairs_are_skipped_named_and_the_rest_applies() {
    let (params, errors) = Params::from_query(
        "lr=abc&rate=-1&x=1,1e9&preset=cats&lang=fr&speed=99&zzz=1&w0=2&act=softmax&tab=x\
         &values=a5&cat-model=deep&cat-iterations=2.5&h=0&expr=%zz&graph-rate=0.5",
    );
    assert_eq!(params.network.w0, 2.0);
    assert_eq!(params.graph.rate, 0.5);
    assert_eq!(
        params.network.learning_rate,
        NetworkParams::default().learning_rate
    );
    assert_eq!(
        codes(&errors),
        [
            "err.input.not-number",
            "err.input.rate",
            "err.input.too-large",
            "err.param.preset",
            "err.param.lang",
            "err.param.speed",
            "err.param.unknown",
            "err.param.activation",
            "err.param.tab",
            "err.param.values",
            "err.param.model",
            "err.input.not-count",
            "err.graph.bad-step",
            "err.param.encoding",
        ]
    );
    assert_eq!(errors[0].arg_text("pair").as_deref(), Some("lr=abc"));
    for lang in Lang::ALL {
        let text = render_link(&errors, lang);
        assert!(text.contains("“lr=abc”") && !text.contains('{') && !text.contains('?'));
    }
}

#[test]
fn a_link_opens_every_lab_with_its_settings() {
    let app = app_for("tab=graph&expr=sigmoid(w*x%20%2B%20b)&values=w:2,x:1,b:-1&graph-rate=0.1&h=0.01&cat-model=hidden&cat-hidden=5&lang=zh");
    assert_eq!(app.tab(), Tab::Graph);
    assert_eq!(app.lang(), Lang::Zh);
    assert!(app.link_messages().is_empty(), "{:?}", app.link_messages());
    let graph = app.graph().params();
    assert_eq!(graph.expression, "sigmoid(w*x + b)");
    assert_eq!(
        graph.values,
        [("w".into(), 2.0), ("x".into(), 1.0), ("b".into(), -1.0)]
    );
    assert_eq!((graph.rate, graph.nudge), (0.1, 0.01));
    let cats = app.cats().settings();
    assert_eq!(
        (
            cats.model,
            cats.hidden.sizes(),
            cats.learning_rate,
            cats.iterations
        ),
        (ModelKind::Hidden, &[5][..], 0.0075, 2500)
    );
    // The page's link says it back.
    let again = app_for(&app.params().to_query());
    assert_eq!(again.params(), app.params());
}

#[test]
fn the_link_carries_several_hidden_layers_the_init_and_the_seed() {
    let app = app_for("tab=cats&cat-model=hidden&cat-hidden=20,7,5&cat-init=seeded&cat-seed=42");
    assert!(app.link_messages().is_empty(), "{:?}", app.link_messages());
    let cats = app.cats().settings();
    assert_eq!(
        (cats.hidden.sizes(), cats.init, cats.seed),
        (&[20, 7, 5][..], Init::Seeded, 42)
    );
    let query = app.params().to_query();
    assert!(
        query.contains("cat-hidden=20,7,5&cat-init=seeded&cat-seed=42"),
        "{query}"
    );
    assert_eq!(app_for(&query).params(), app.params());
    // A bad size or init is named; the rest of the link applies.
    let bad = app_for("cat-model=hidden&cat-hidden=7,0&cat-init=numpy&cat-rate=0.01");
    let codes: Vec<String> = bad.link_messages().iter().map(|m| m.key()).collect();
    assert_eq!(codes.len(), 2, "{codes:?}");
    let cats = bad.cats().settings();
    assert_eq!(
        (cats.hidden.sizes(), cats.init, cats.learning_rate),
        (&[7][..], Init::Course, 0.01)
    );
}

#[test]
fn a_refused_expression_is_named_and_the_rest_of_the_link_applies() {
    let app = app_for("expr=log(0*x)&values=x:1&lr=0.1&cat-iterations=0");
    assert_eq!(app.graph().params(), GraphParams::default());
    assert!(app.graph().error().is_none(), "the link's notice says it");
    assert_eq!(app.network().params().learning_rate, 0.1);
    assert_eq!(
        codes(app.link_messages()),
        ["err.graph.log-domain", "err.cats.bad-iterations"]
    );
    let text = render_link(app.link_messages(), Lang::En);
    assert!(
        text.contains("expr=log(0*x)") && text.contains("cat-iterations=0"),
        "{text}"
    );
}

#[test]
fn following_a_link_changes_only_what_differs() {
    let mut app = app_for("");
    for _ in 0..3 {
        app.apply(Command::Network(NetworkCommand::StepPhase));
    }
    let query = app.params().to_query();
    app.apply(Command::FollowLink(format!("#{query}&tab=cats")));
    assert_eq!(app.tab(), Tab::Cats);
    // The network was not rebuilt: its phase is where the learner left it.
    assert_eq!(app.network().network().phase, Phase::Loss);
    app.apply(Command::FollowLink(format!("#{query}&lr=0.2")));
    assert_eq!(app.tab(), Tab::Network);
    assert_eq!(app.network().network().learning_rate, 0.2);
    assert_eq!(app.network().network().phase, Phase::Loss);
    app.apply(Command::FollowLink("#lr=zero".into()));
    assert_eq!(codes(app.link_messages()), ["err.input.not-number"]);
    app.apply(Command::DismissLinkMessage);
    assert!(app.link_messages().is_empty());
}

#[test]
fn hiding_a_tab_pauses_its_work() {
    let mut app = app_for("");
    app.apply(Command::Network(NetworkCommand::TogglePlay));
    app.apply(Command::Network(NetworkCommand::DescentTogglePlay));
    assert!(app.animating());
    app.apply(Command::SetTab(Tab::Graph));
    assert!(!app.network().playing() && !app.network().descent_playing());
    assert!(!app.animating());
    assert!(!app.advance(1000.0), "nothing moves on the graph tab");

    app.apply(Command::SetTab(Tab::Cats));
    app.apply(Command::Cats(CatCommand::LoadDemo(DEMO_SEED)));
    app.apply(Command::Cats(CatCommand::Train));
    assert_eq!(app.cats().state(), RunState::Running);
    assert!(app.advance(16.0) && app.animating());
    // The first frames prepare the pictures' products, then iterations run.
    while app.cats().preparation().is_some() {
        assert!(app.advance(16.0));
    }
    assert!(app.advance(16.0));
    assert!(app.cats().progress().0 >= 1);
    app.apply(Command::SetTab(Tab::Network));
    assert_eq!(app.cats().state(), RunState::Paused);
    assert!(!app.animating());
    let done = app.cats().progress().0;
    app.advance(16.0);
    assert_eq!(app.cats().progress().0, done, "a hidden run does not train");
}

#[test]
fn the_cat_tab_shows_a_sample_picture_on_its_first_frame() {
    let mut app = app_for("tab=cats");
    assert!(app.cats().input().picture().is_none());
    assert!(app.advance(0.0));
    let first = app.cats().input().version();
    assert!(app.cats().input().picture().is_some());
    app.apply(Command::Cats(CatCommand::NextSample));
    assert_ne!(app.cats().input().version(), first);
}

#[test]
fn the_graph_tab_commands_reach_the_graph_and_the_link_follows() {
    let mut app = app_for("");
    app.apply(Command::Graph(GraphCommand::SetRate(0.05)));
    app.apply(Command::SetLang(Lang::Zh));
    let query = app.params().to_query();
    assert!(
        query.contains("graph-rate=0.05") && query.contains("lang=zh"),
        "{query}"
    );
}

#[test]
fn commands_that_change_settings_from_outside_refill_the_fields() {
    use backprop_lab::app::cats::ModelKind as M;
    assert!(Command::Network(NetworkCommand::Reset).refills_fields());
    assert!(Command::Network(NetworkCommand::PickStart(0.3)).refills_fields());
    assert!(Command::FollowLink("#lr=1".into()).refills_fields());
    assert!(Command::Cats(CatCommand::SetModel(M::Hidden)).refills_fields());
    // What the learner typed stays as typed.
    assert!(!Command::Network(NetworkCommand::SetLearningRate(0.1)).refills_fields());
    assert!(!Command::Cats(CatCommand::SetRate(0.1)).refills_fields());
    assert!(!Command::SetTab(Tab::Graph).refills_fields());
}

#[test]
fn a_clicked_start_is_rounded_to_a_readable_number() {
    let mut app = app_for("");
    app.apply(Command::Network(NetworkCommand::PickStart(1.2372)));
    assert_eq!(app.network().descent().w0, 1.25);
    assert_eq!(app.params().network.w0, 1.25);
    app.apply(Command::Network(NetworkCommand::PickStart(-0.024)));
    assert_eq!(app.network().descent().w0, 0.0);
}

#[test]
fn a_class_becomes_a_one_hot_target_and_a_missing_class_is_refused() {
    let mut app = app_for("preset=tutorial-classification");
    app.apply(Command::Network(NetworkCommand::SetTargetClass(1)));
    assert_eq!(app.network().network().target, vec![0.0, 1.0]);
    app.apply(Command::Network(NetworkCommand::SetTargetClass(2)));
    assert_eq!(app.network().network().target, vec![0.0, 1.0]);
    assert_eq!(
        app.network().alert().map(|m| m.key()).as_deref(),
        Some("err.input.y-length")
    );
}

#[test]
fn every_message_the_app_makes_has_its_string_in_both_languages() {
    use backprop_lab::app::message::{Message, Topic};
    use backprop_lab::engine::EngineError as E;
    use backprop_lab::i18n::t_code;
    let engine = [
        E::UnknownPreset("x".into()),
        E::InputLength {
            expected: 2,
            got: 3,
        },
        E::TargetLength {
            expected: 1,
            got: 2,
        },
        E::NotFinite { what: "x" },
        E::LearningRate(-1.0),
        E::Exploded,
        E::InvalidShape("ragged".into()),
    ];
    let mut messages: Vec<Message> = engine.iter().map(Message::engine).collect();
    for (topic, codes) in [
        (
            Topic::Input,
            &[
                "not-number",
                "not-finite",
                "too-large",
                "rate",
                "not-count",
                "field",
            ][..],
        ),
        (
            Topic::Param,
            &[
                "item",
                "encoding",
                "model",
                "values",
                "preset",
                "activation",
                "lang",
                "tab",
                "speed",
                "unknown",
            ],
        ),
        (Topic::Exploded, &["network", "descent", "refused"]),
        (
            Topic::CatsNote,
            &["added", "h5-waiting-train", "h5-waiting-test", "no-model"],
        ),
        (Topic::Api, &["numbers", "graph-values"]),
        (
            Topic::Cats,
            &["api-model", "too-many-files", "image-corrupt", "not-hdf5"],
        ),
        (Topic::Graph, &["bad-step", "bad-rate"]),
    ] {
        messages.extend(codes.iter().map(|&c| Message::new(topic, c)));
    }
    for m in &messages {
        for lang in Lang::ALL {
            assert_ne!(t_code(lang, m.topic.prefix(), m.code), "?", "{}", m.key());
        }
    }
}

#[test]
fn back_to_a_link_without_a_typed_sample_brings_the_presets_sample_back() {
    let mut app = app_for("");
    let plain = app.params().to_query();
    app.apply(Command::Network(NetworkCommand::SetInput(vec![2.0, 0.5])));
    assert_eq!(app.network().network().input, vec![2.0, 0.5]);
    app.apply(Command::FollowLink(format!("#{plain}")));
    assert_eq!(app.network().network().input, vec![1.0, -1.0]);
    // A new preset and a typed sample in one link: both apply.
    app.apply(Command::FollowLink(
        "#preset=tutorial-classification&x=0.5,0.25&y=0,1".into(),
    ));
    let snap = app.network().network();
    assert_eq!((snap.input, snap.target), (vec![0.5, 0.25], vec![0.0, 1.0]));
    assert!(app.link_messages().is_empty(), "{:?}", app.link_messages());
}

#[test]
fn any_variable_name_the_graph_accepts_goes_through_the_link() {
    let name = "s".to_string() + &"B".repeat(41);
    let app = app_for(&format!("tab=graph&expr={name}*2&values={name}:1.5"));
    assert!(app.link_messages().is_empty(), "{:?}", app.link_messages());
    assert_eq!(app.graph().params().values, [(name, 1.5)]);
    let (read, errors) = Params::from_query(&app.params().to_query());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(read, app.params());
}
