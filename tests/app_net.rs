//! Tab ①'s data-set run without a browser: picking a set, changing the shape and
//! the training settings through commands, training until the boundary separates
//! the circle, points of the learner's own, a CSV with a bad line, and the link
//! (every setting round-trips; bad values are named, the rest applies; `hide`).

use backprop_lab::app::link::Params;
use backprop_lab::app::network::dataset::{DataParams, OutputKind};
use backprop_lab::app::network::NetworkCommand as N;
use backprop_lab::app::{App, Command};
use backprop_lab::engine::activation::Activation;
use backprop_lab::engine::build::Init;
use backprop_lab::engine::data::{DataSet, Feature};
use backprop_lab::engine::optim::{Optimizer, Regularization, Schedule};
use backprop_lab::engine::snapshot::Phase;
use backprop_lab::i18n::Lang;
use backprop_lab::view::message::{render, render_link};

fn app_for(query: &str) -> App {
    let (params, errors) = Params::from_query(query);
    App::new(params, errors, Lang::En)
}

fn net(app: &mut App, cmd: N) {
    app.apply(Command::Network(cmd));
}

#[test]
fn the_default_is_still_the_tutorial_sample() {
    let app = app_for("");
    assert!(!app.network().data_mode());
    assert_eq!(app.network().sizes(), vec![2, 2, 1]);
    let query = app.params().to_query();
    assert!(!query.contains("data="), "{query}");
}

#[test]
fn a_data_set_and_a_shape_train_through_the_engine() {
    let mut app = app_for("");
    net(&mut app, N::SetDataSet(DataSet::Circle));
    let lab = app.network();
    assert!(lab.data_mode());
    assert_eq!(lab.sizes(), vec![2, 4, 2, 1]);
    // The Playground's rate comes with the first set; 500 points, half for training.
    assert_eq!(lab.params().learning_rate, 0.03);
    let (train, test) = lab.trainer().examples();
    assert_eq!((train.len(), test.len()), (250, 250));
    net(&mut app, N::AddLayer);
    net(&mut app, N::AddNeuron(2));
    net(&mut app, N::RemoveNeuron(0));
    assert_eq!(app.network().sizes(), vec![2, 3, 2, 3, 1]);
    for _ in 0..9 {
        net(&mut app, N::AddNeuron(0));
    }
    assert_eq!(
        app.network().sizes()[1],
        8,
        "at most 8 neurons from the buttons"
    );
    net(
        &mut app,
        N::SetShape(vec![Feature::X1, Feature::X2], vec![4, 2], None),
    );
    net(&mut app, N::SetLearningRate(0.3));
    // r = 0.3 (0.1 reaches 87 % in as many epochs); 300 epochs of the fast path (10 a frame).
    net(&mut app, N::SetSpeed(6));
    net(&mut app, N::TogglePlay);
    for _ in 0..30 {
        app.advance(16.0);
    }
    let snap = app.network().network();
    assert_eq!(snap.training.epoch, 300);
    let (train, test) = (snap.training.train_accuracy, snap.training.test_accuracy);
    assert!(train.is_some_and(|a| a > 0.95), "{train:?}");
    assert!(test.is_some_and(|a| a > 0.9), "{test:?}");
}

/// A clock that moves 0.5 ms each time it is read.
fn ticking_clock() -> f64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static TICKS: AtomicU64 = AtomicU64::new(0);
    TICKS.fetch_add(1, Ordering::Relaxed) as f64 * 0.5
}

#[test]
fn the_top_speed_trains_as_many_epochs_as_fit_in_its_budget() {
    // The first epoch takes 0.5 ms by this clock, so the 2 ms budget holds
    // ⌊(2 − 0.5)/0.5⌋ = 3 more: 4 a frame. Without a clock (NaN) one a frame.
    let mut app = app_for("data=circle").with_clock(ticking_clock);
    net(&mut app, N::SetSpeed(7));
    net(&mut app, N::TogglePlay);
    app.advance(16.0);
    assert_eq!(app.network().network().training.epoch, 4);
    app.advance(16.0);
    assert_eq!(app.network().network().training.epoch, 8);
    let mut app = app_for("data=circle");
    net(&mut app, N::SetSpeed(7));
    net(&mut app, N::TogglePlay);
    app.advance(16.0);
    assert_eq!(app.network().network().training.epoch, 1);
}

#[test]
fn one_phase_works_on_the_whole_batch() {
    let mut app = app_for("data=xor&batch=5");
    net(&mut app, N::StepPhase);
    let snap = app.network().network();
    assert_eq!(snap.phase, Phase::Forward { layer: 1 });
    assert_eq!(snap.training.batch, vec![0, 1, 2, 3, 4]);
    net(&mut app, N::StepEpoch);
    assert_eq!(app.network().network().training.epoch, 1);
}

#[test]
fn the_learners_points_are_added_and_removed() {
    let mut app = app_for("data=gauss&count=10");
    net(&mut app, N::AddPoint([1.0, 1.0], 1.0));
    // The run's 10 points became the learner's own, with the new one: all for training.
    assert_eq!(app.network().params().data.set, DataSet::Custom);
    assert_eq!(app.network().trainer().examples().0.len(), 11);
    net(&mut app, N::RemovePoint([1.05, 0.98], 0.2));
    assert_eq!(app.network().trainer().examples().0.len(), 10);
    // Nothing that close: nothing removed.
    net(&mut app, N::RemovePoint([5.9, -5.9], 0.01));
    assert_eq!(app.network().points().len(), 10);
}

#[test]
fn a_bad_csv_line_is_named_and_the_rest_loads() {
    let mut app = app_for("data=circle");
    net(
        &mut app,
        N::LoadCsv("x1,x2,label\n1,2,1\n3,oops,-1\n-1,-2,-1\n".into()),
    );
    assert_eq!(app.network().trainer().examples().0.len(), 2);
    let alert = app.network().alert().cloned();
    let en = alert
        .as_ref()
        .map(|m| render(m, Lang::En))
        .unwrap_or_default();
    let zh = alert
        .as_ref()
        .map(|m| render(m, Lang::Zh))
        .unwrap_or_default();
    assert!(en.contains("1 line(s)") && en.contains("line 3"), "{en}");
    assert!(zh.contains("1 行") && zh.contains('3'), "{zh}");
}

#[test]
fn every_data_setting_round_trips_through_the_link() {
    let mut params = Params::default();
    params.network.learning_rate = 0.1;
    params.network.activation = Activation::Relu;
    params.network.hide = vec!["optimizer".into(), "check".into()];
    params.network.data = DataParams {
        set: DataSet::Spiral,
        count: 300,
        noise: 0.25,
        train_fraction: 0.7,
        seed: 42,
        features: vec![Feature::X1, Feature::X2, Feature::SinX1],
        hidden: vec![8, 8, 3],
        activations: Some(vec![
            Activation::Tanh,
            Activation::Relu,
            Activation::Sigmoid,
        ]),
        output: OutputKind::SigmoidBce,
        init: Init::Zero,
        batch_size: 25,
        optimizer: Optimizer::Adam {
            beta1: 0.8,
            beta2: 0.99,
            epsilon: 1e-7,
        },
        regularization: Regularization::L2(0.003),
        schedule: Schedule::StepDecay {
            every: 40,
            factor: 0.5,
        },
        points: Vec::new(),
    };
    let query = params.to_query();
    let (back, errors) = Params::from_query(&query);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(back, params, "{query}");
    // A whole App opened with it holds the same settings and the same network.
    let app = App::new(back, Vec::new(), Lang::En);
    assert_eq!(app.params(), params, "{query}");
    assert_eq!(app.network().sizes(), vec![3, 8, 8, 3, 1]);
    assert!(app.link_messages().is_empty());
}

#[test]
fn bad_data_values_are_named_and_the_rest_applies() {
    let app =
        app_for("data=circle&count=99999&noise=0.2&shape=3,x&opt=rmsprop&batch=5&hide=data,nope");
    let text = render_link(app.link_messages(), Lang::En);
    for pair in ["count=99999", "shape=3,x", "opt=rmsprop", "hide=data,nope"] {
        assert!(text.contains(pair), "{pair} in {text}");
    }
    let d = &app.network().params().data;
    assert_eq!(
        (d.set, d.noise, d.batch_size, d.count),
        (DataSet::Circle, 0.2, 5, 500)
    );
    assert_eq!(app.network().sizes(), vec![2, 4, 2, 1]);
}

#[test]
fn a_teacher_hides_control_groups() {
    let app = app_for("data=xor&hide=optimizer,regularization");
    assert_eq!(
        app.network().params().hide,
        vec!["optimizer", "regularization"]
    );
    assert!(app
        .params()
        .to_query()
        .contains("hide=optimizer,regularization"));
}

#[test]
fn a_data_link_without_a_rate_trains_at_the_playgrounds_rate() {
    let app = app_for("data=circle");
    assert_eq!(app.network().params().learning_rate, 0.03);
    assert_eq!(app.network().trainer().learning_rate(), 0.03);
    let app = app_for("data=circle&lr=0.3");
    assert_eq!(app.network().trainer().learning_rate(), 0.3);
    // The tutorial keeps its own 0.5, and a page-written link names its rate.
    assert_eq!(app_for("").network().trainer().learning_rate(), 0.5);
    assert!(app_for("data=xor").params().to_query().contains("lr=0.03"));
    // Its hidden layers are the Playground's tanh unless the link says otherwise.
    let acts = |q: &str| app_for(q).network().network().layers[0].activation;
    assert_eq!(acts("data=xor"), Activation::Tanh);
    assert_eq!(acts("data=xor&act=relu"), Activation::Relu);
    assert_eq!(acts(""), Activation::Sigmoid);
}

#[test]
fn leaving_the_tutorial_takes_tanh_and_coming_back_sigmoid() {
    let mut app = app_for("");
    net(&mut app, N::SetDataSet(DataSet::Spiral));
    assert_eq!(
        app.network().network().layers[0].activation,
        Activation::Tanh
    );
    net(&mut app, N::SetDataSet(DataSet::Tutorial));
    let snap = app.network().network();
    assert_eq!(snap.layers[0].activation, Activation::Sigmoid);
    // The tutorial's numbers again: ŷ = σ(3) + σ(−3) + 0.1 = 1.1 after the forward pass.
    net(&mut app, N::StepSample);
    let first = app.network().network().loss_history[0];
    assert!((first - 0.18).abs() < 1e-12, "{first}");
}

#[test]
fn the_accuracies_are_known_before_any_training() {
    let app = app_for("data=circle");
    let lab = app.network();
    let tr = lab.network().training;
    // By hand: the share of training points whose tanh output has the label's sign
    // (the default features x₁, x₂ are the point itself).
    let (train, _) = lab.trainer().examples();
    let right = train
        .iter()
        .filter(|e| {
            let out = lab.trainer().mlp().predict(&e.x).unwrap_or_default();
            (out[0] > 0.0) == (e.label > 0.0)
        })
        .count();
    let expected = right as f64 / train.len() as f64;
    assert_eq!(tr.train_accuracy, Some(expected));
    assert!(tr.test_accuracy.is_some());
}

#[test]
fn a_data_run_that_explodes_stops_explains_and_goes_back() {
    use backprop_lab::app::network::Lab;
    let mut app = app_for("data=spiral&lr=50&shape=8,8&acts=relu,relu&out=identity-squared");
    let mut epochs = 0;
    while app.network().alert().is_none() && epochs < 200 {
        net(&mut app, N::StepEpoch);
        epochs += 1;
    }
    let lab = app.network();
    assert_eq!(
        lab.exploded(),
        Some(Lab::Network),
        "no explosion in {epochs} epochs"
    );
    assert!(!lab.playing());
    let text = render(lab.alert().expect("the alert"), Lang::En);
    assert!(text.contains("50"), "{text}");
    net(&mut app, N::Restore);
    let snap = app.network().network();
    assert!(app.network().alert().is_none());
    assert!(all_finite(&snap.layers), "back to the last finite weights");
}

/// Plays `app` 10 epochs a frame until it explodes (at most 40 frames); returns the
/// weights of the frame before.
fn play_until_it_explodes(app: &mut App) -> Vec<backprop_lab::engine::snapshot::LayerSnapshot> {
    use backprop_lab::app::network::Lab;
    net(app, N::SetSpeed(6));
    net(app, N::TogglePlay);
    let mut before = app.network().network().layers;
    for _ in 0..40 {
        app.advance(16.0);
        if app.network().exploded() == Some(Lab::Network) {
            return before;
        }
        before = app.network().network().layers;
    }
    panic!("no explosion in 400 epochs");
}

/// Whether every weight and bias of `layers` is finite.
fn all_finite(layers: &[backprop_lab::engine::snapshot::LayerSnapshot]) -> bool {
    let mut values = layers
        .iter()
        .flat_map(|l| l.weights.iter().flatten().chain(&l.biases));
    values.all(|w| w.is_finite())
}

#[test]
fn playing_epochs_into_an_explosion_stops_at_the_last_finite_weights() {
    // At r = 50 the first epoch explodes.
    let query = "data=spiral&lr=50&shape=8,8&acts=relu,relu&out=identity-squared";
    // From an epoch's start the fast path keeps the weights of the last finite epoch.
    let mut app = app_for(query);
    let before = play_until_it_explodes(&mut app);
    assert!(!app.network().playing());
    net(&mut app, N::Restore);
    let after = app.network().network();
    assert!(app.network().alert().is_none());
    assert_eq!(after.training.epoch, 0);
    assert_eq!(
        after.layers, before,
        "the weights before the exploding epoch"
    );
    // One phase first: the frame finishes that epoch by phases, so an explosion
    // there goes back to the checkpoint taken before it.
    let mut app = app_for(query);
    net(&mut app, N::StepPhase);
    let before = play_until_it_explodes(&mut app);
    net(&mut app, N::Restore);
    let after = app.network().network().layers;
    assert!(all_finite(&after));
    assert_eq!(after, before, "the checkpoint of the exploding frame");
}

#[test]
fn the_learners_own_points_travel_in_the_link() {
    let mut app = app_for("data=gauss&count=10&seed=3");
    net(&mut app, N::AddPoint([1.23456, -2.0049], 1.0));
    net(&mut app, N::AddPoint([-0.004, 5.555], -1.0));
    let lab = app.network();
    // The ten generated points became the learner's own, the clicks rounded to 0.01.
    let points = lab.points().to_vec();
    assert_eq!(points.len(), 12);
    assert_eq!(points[10].x, [1.23, -2.0]);
    assert_eq!(points[11].x, [0.0, 5.56]);
    let query = app.params().to_query();
    assert!(
        query.contains("data=custom") && query.contains("points="),
        "{query}"
    );
    // The link opens the same set and the same network, trained the same way.
    let mut back = app_for(&query);
    assert!(
        back.link_messages().is_empty(),
        "{:?}",
        back.link_messages()
    );
    assert_eq!(back.network().points(), points.as_slice());
    for a in [&mut app, &mut back] {
        net(a, N::StepEpoch);
    }
    assert_eq!(
        back.network().network().layers,
        app.network().network().layers
    );
}

#[test]
fn bad_points_in_a_link_are_named() {
    let app = app_for("data=custom&points=1,2,1;3,oops,-1&noise=0.1");
    let text = render_link(app.link_messages(), Lang::En);
    assert!(text.contains("points=1,2,1;3,oops,-1"), "{text}");
    assert!(text.contains("x1,x2,label"), "{text}");
    let zh = render_link(app.link_messages(), Lang::Zh);
    assert!(zh.contains("分号"), "{zh}");
}

#[test]
fn a_link_whose_set_is_refused_leaves_a_page_its_link_describes() {
    // Found by fuzzing: the custom set's points were bad, so the set stayed the
    // tutorial's, but the shape of the refused set was kept where no link shows it.
    let app = app_for("data=custom&points=1,2,-&shape=3&acts=relu&hide=check");
    assert!(!app.network().data_mode());
    let own = app.params();
    let (read, errors) = Params::from_query(&own.to_query());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(read, own);
    // Back on the tutorial's sample a new set starts from the Playground's defaults.
    let mut app = app_for("data=circle&shape=3");
    net(&mut app, N::SetDataSet(DataSet::Tutorial));
    net(&mut app, N::SetDataSet(DataSet::Xor));
    assert_eq!(app.network().sizes(), vec![2, 4, 2, 1]);
}

#[test]
fn data_keys_without_a_data_set_do_not_linger() {
    // Found by fuzzing: `shape=3` without `data=` was kept where no link shows it.
    let (params, _) = Params::from_query("shape=3&acts=relu&tab=graph");
    let (again, errors) = Params::from_query(&params.to_query());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(again, params);
    assert_eq!(params.network.data, DataParams::default());
}
