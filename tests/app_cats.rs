//! The cat lab's controller without a browser: pixel ↔ index focus in both orders
//! (hand-computed indices), labels from folder names, the data set's limits and
//! the HDF5 pairing, the training state machine, the step budget, and refusals
//! that leave the data and the model as they were.

mod cats_hdf5_common;

use backprop_lab::app::cats::{
    hdf5_role, is_hdf5, label_from_path, parse_hidden, parse_iterations, parse_rate, CatCommand,
    CatController, CatSet, Focus, Hdf5Offer, InputLayer, ModelKind, Origin, Pointer, RunState, Set,
    Source, StepBudget, MAX_PER_FRAME,
};
use backprop_lab::app::message::{Message, Topic};
use backprop_lab::engine::cats::{Init, Sample, MAX_IMAGES};
use backprop_lab::engine::image::{Order, Picture, FEATURES};
use backprop_lab::i18n::{t, Lang};
use backprop_lab::view::message::render;
use cats_hdf5_common::course_file;

/// A picture whose every level is `level`.
fn picture(level: u8) -> Picture {
    Picture::from_pixels(vec![level; FEATURES]).unwrap_or_else(|e| panic!("{e}"))
}

/// Bright cats and black non-cats: separable by the mean level.
fn samples(cats: usize, others: usize) -> Vec<Sample> {
    let cat = (0..cats).map(|i| Sample {
        picture: picture(200 + i as u8),
        is_cat: true,
        name: format!("cat{i}.png"),
    });
    let other = (0..others).map(|i| Sample {
        picture: picture(0),
        is_cat: false,
        name: format!("other{i}.png"),
    });
    cat.chain(other).collect()
}

fn trained(iterations: usize) -> CatController {
    let mut cats = CatController::new();
    cats.add_pictures(samples(6, 6), Vec::new());
    cats.apply(CatCommand::SetIterations(iterations));
    // 12288 features near 0.8 make J steep: the course's α = 0.005 would overshoot.
    cats.apply(CatCommand::SetRate(0.0002));
    cats.apply(CatCommand::Train);
    assert_eq!(cats.state(), RunState::Running);
    while cats.state() == RunState::Running {
        cats.frame();
    }
    cats
}

#[test]
fn focus_maps_pixels_to_indices_in_both_orders() {
    let pixel = Pointer::Pixel {
        row: 10,
        col: 20,
        channel: 1,
    };
    // channel-first: 1·4096 + 10·64 + 20 = 4756; pixel-first: (10·64 + 20)·3 + 1 = 1981.
    let cf = Focus::of(pixel, Order::ChannelFirst).unwrap_or_else(|| panic!("inside"));
    assert_eq!(cf.index, 4756);
    let pf = Focus::of(pixel, Order::PixelFirst).unwrap_or_else(|| panic!("inside"));
    assert_eq!(pf.index, 1981);
    let back = Focus::of(Pointer::Index(4756), Order::ChannelFirst);
    assert_eq!(back, Some(cf));
    let back = Focus::of(Pointer::Index(1981), Order::PixelFirst);
    assert_eq!(back.map(|f| (f.row, f.col, f.channel)), Some((10, 20, 1)));
    // The last value: B of pixel (63, 63) is 12287 in both orders.
    let last = Focus::of(Pointer::Index(12287), Order::ChannelFirst);
    assert_eq!(last.map(|f| (f.row, f.col, f.channel)), Some((63, 63, 2)));
    assert_eq!(Focus::of(Pointer::Index(12288), Order::PixelFirst), None);
    let outside = Pointer::Pixel {
        row: 64,
        col: 0,
        channel: 0,
    };
    assert_eq!(Focus::of(outside, Order::ChannelFirst), None);
}

#[test]
fn the_input_layer_keeps_its_pixel_when_the_order_changes() {
    let mut input = InputLayer::default();
    assert!(!input.point(Pointer::Index(5)), "no picture: no focus");
    let origin = Origin {
        name: "a.png".into(),
        width: 640,
        height: 480,
    };
    assert_eq!(origin.crop(), (80, 0, 480));
    input.show(picture(100), origin);
    assert_eq!(input.focus().map(|f| f.index), Some(4756));
    assert!(input.point(Pointer::Index(4096 + 64 + 2))); // G of pixel (1, 2)
    input.set_order(Order::PixelFirst);
    let f = input.focus().unwrap_or_else(|| panic!("focus"));
    assert_eq!(
        (f.row, f.col, f.channel, f.index),
        (1, 2, 1, (64 + 2) * 3 + 1)
    );
    assert!(
        !input.point(Pointer::Index(99_999)),
        "off the vector keeps the focus"
    );
    assert_eq!(input.focus(), Some(f));
}

#[test]
fn labels_come_from_folder_names_then_from_the_box() {
    assert!(label_from_path("pets/cats/a.jpg", false));
    assert!(!label_from_path("pets/non-cat/b.jpg", true));
    assert!(
        !label_from_path("cats/noncat/c.jpg", true),
        "the nearest folder decides"
    );
    assert!(!label_from_path("photos/not_cats/d.png", true));
    assert!(label_from_path("photos/e.png", true));
    assert!(!label_from_path("e.png", false));
    assert_eq!(hdf5_role("train_catvnoncat.h5"), Some(Set::Train));
    assert_eq!(hdf5_role("data/TEST_catvnoncat.h5"), Some(Set::Test));
    assert_eq!(hdf5_role("cats.h5"), None);
    assert!(is_hdf5("x.H5", &[]));
    assert!(is_hdf5("x.bin", b"\x89HDF\r\n\x1a\nrest"));
    assert!(!is_hdf5("x.png", b"\x89PNG\r\n\x1a\n"));
}

#[test]
fn own_pictures_are_split_per_class_and_limited() {
    let mut set = CatSet::new();
    set.add_own(samples(8, 4))
        .unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(set.source(), &Source::Own);
    // round(8·0.25) = 2 cats and round(4·0.25) = 1 non-cat go to the test set.
    let c = set.counts();
    assert_eq!(
        (c.train_cats, c.train_other, c.test_cats, c.test_other),
        (6, 3, 2, 1)
    );
    let refused = set.check_room(MAX_IMAGES - 12 + 1).err();
    let problem = refused.unwrap_or_else(|| panic!("over the limit"));
    assert_eq!(problem.code, "too-many-files");
    assert_eq!(problem.arg_text("limit").as_deref(), Some("2000"));
    assert!(set.check_room(MAX_IMAGES - 12).is_ok());
    assert_eq!(set.own_count(), 12);
}

#[test]
fn hdf5_files_pair_up_and_errors_name_the_file() {
    let train = course_file(&samples(3, 2), "train");
    let test = course_file(&samples(1, 1), "test");
    let mut set = CatSet::new();
    let first = set.offer_hdf5("test_catvnoncat.h5", test.clone());
    assert_eq!(
        first,
        Ok(Hdf5Offer::Waiting {
            missing: Set::Train
        })
    );
    assert_eq!(set.pending_hdf5(), Some((Set::Test, "test_catvnoncat.h5")));
    let second = set.offer_hdf5("mine.h5", train);
    assert_eq!(second, Ok(Hdf5Offer::Loaded));
    let c = set.counts();
    assert_eq!(
        (c.train_cats, c.train_other, c.test_cats, c.test_other),
        (3, 2, 1, 1)
    );
    // A damaged training file: the message names it, the data stays.
    let _ = set.offer_hdf5("train_bad.h5", b"not an hdf5 file".to_vec());
    let err = set.offer_hdf5("test_catvnoncat.h5", test);
    let problem = err.err().unwrap_or_else(|| panic!("refused"));
    assert_eq!(problem.code, "not-hdf5");
    assert_eq!(problem.arg_text("file").as_deref(), Some("train_bad.h5"));
    assert!(render(&problem, Lang::Zh).contains("train_bad.h5"));
    assert_eq!(set.counts(), c);
}

#[test]
fn a_run_goes_running_paused_stopped_and_done() {
    let mut cats = CatController::new();
    cats.add_pictures(samples(4, 4), Vec::new());
    cats.apply(CatCommand::SetIterations(40));
    cats.apply(CatCommand::Train);
    assert_eq!(cats.state(), RunState::Running);
    // First the pictures' products (XᵀX), a budget of pictures per frame: 6 training
    // and 2 test pictures, one in the first frame, then as the frames' times allow.
    assert_eq!(cats.preparation(), Some((0, 8)));
    assert_eq!(
        cats.frame(),
        1,
        "the budget starts at one picture per frame"
    );
    assert_eq!(cats.preparation(), Some((1, 8)));
    assert!(
        cats.snapshot().is_none(),
        "no snapshot before the products are ready"
    );
    cats.record_frame(1, 2.0); // 2 ms a picture: at most doubled, to 2
    assert_eq!(cats.frame(), 2);
    while cats.preparation().is_some() {
        cats.record_frame(1, 1.0);
        cats.frame();
    }
    assert_eq!(cats.progress(), (0, 40), "no iteration ran yet");
    let first = cats.snapshot().map(|s| s.train_predictions.len());
    assert_eq!(
        first,
        Some(6),
        "the snapshot comes once the products are ready"
    );
    assert_eq!(
        cats.frame(),
        1,
        "the budget starts at one iteration per frame"
    );
    cats.apply(CatCommand::Pause);
    assert_eq!(cats.state(), RunState::Paused);
    assert_eq!(cats.frame(), 0, "a paused run does not advance");
    cats.apply(CatCommand::Resume);
    cats.record_frame(1, 1.0); // 1 ms per iteration: at most doubled, to 2
    assert_eq!(cats.frame(), 2);
    assert_eq!(cats.progress(), (3, 40));
    cats.apply(CatCommand::Stop);
    assert_eq!(cats.state(), RunState::Stopped);
    let snap = cats
        .snapshot()
        .unwrap_or_else(|| panic!("stopped runs keep a snapshot"));
    assert_eq!(snap.iteration, 3);
    assert_eq!(snap.costs.len(), 3);
    // w, b start at 0: every p(cat) is σ(0) = ½, so J₀ = −ln ½ = ln 2.
    assert!(
        (snap.costs[0] - std::f64::consts::LN_2).abs() < 1e-9,
        "{}",
        snap.costs[0]
    );
    let done = trained(30);
    assert_eq!(done.state(), RunState::Done);
    assert_eq!(done.progress(), (30, 30));
    let snap = done.snapshot().unwrap_or_else(|| panic!("snapshot"));
    assert!(snap.costs.windows(2).all(|w| w[1] < w[0]), "the cost falls");
    assert_eq!(snap.train_accuracy, 1.0);
    assert_eq!(done.template().map(|t| t.len()), Some(64 * 64 * 4));
    let units = done.unit_pictures().map(|(i, u)| (i, u.len(), u[0].len()));
    assert_eq!(
        units,
        Some((30, 1, 64 * 64 * 4)),
        "logistic regression: w, at the end"
    );
}

#[test]
fn adding_pictures_one_by_one_gives_the_counts_of_one_split() {
    // The split is made when the data is next needed; the counts before it are the
    // split's own (of each class round(n/4) to the test set, at least one in train).
    let mut one_by_one = CatController::new();
    let all = samples(13, 6);
    for (k, sample) in all.iter().enumerate() {
        one_by_one.add_own(vec![sample.clone()]).expect("room");
        let mut at_once = CatController::new();
        at_once.add_own(all[..=k].to_vec()).expect("room");
        let counts = one_by_one.set().counts();
        let split = at_once.set().data().counts();
        assert_eq!(counts, split, "after {} pictures", k + 1);
    }
    let mut at_once = CatController::new();
    at_once.add_own(all).expect("room");
    assert_eq!(
        one_by_one.set().data(),
        at_once.set().data(),
        "the same split"
    );
}

#[test]
fn refusals_keep_the_data_and_the_model() {
    let mut cats = trained(20);
    let before = cats.snapshot().cloned();
    let bad = Message::new(Topic::Cats, "not-an-image").text("file", "notes.txt");
    cats.add_pictures(Vec::new(), vec![bad]);
    assert_eq!(cats.state(), RunState::Done);
    assert_eq!(cats.snapshot().cloned(), before);
    let lines: Vec<String> = cats
        .problems()
        .iter()
        .map(|p| render(p, Lang::En))
        .collect();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("notes.txt:"), "{lines:?}");
    // Bad settings are refused with the engine's limits; the old ones stay.
    let settings = cats.settings();
    cats.apply(CatCommand::SetRate(0.0));
    assert_eq!(cats.problems()[0].code, "bad-rate");
    cats.apply(CatCommand::SetIterations(100_001));
    assert_eq!(
        cats.problems()[0].arg_text("limit").as_deref(),
        Some("100000")
    );
    assert_eq!(cats.settings(), settings);
    // Training on a set without non-cats: empty-class, nothing runs.
    let mut fresh = CatController::new();
    fresh.apply(CatCommand::Train);
    assert_eq!(fresh.problems()[0].code, "no-data");
    fresh.add_pictures(samples(3, 0), Vec::new());
    fresh.apply(CatCommand::Train);
    assert_eq!(fresh.problems()[0].code, "empty-class");
    assert_eq!(
        fresh.problems()[0].arg_text("class").as_deref(),
        Some("non-cat")
    );
    assert_eq!(fresh.state(), RunState::Idle);
}

#[test]
fn the_model_choice_fills_in_the_course_settings() {
    let mut cats = CatController::new();
    let s = cats.settings();
    assert_eq!(
        (s.model, s.learning_rate, s.iterations),
        (ModelKind::Logistic, 0.005, 2000)
    );
    cats.apply(CatCommand::SetModel(ModelKind::Hidden));
    let s = cats.settings();
    assert_eq!(
        (s.learning_rate, s.iterations, s.hidden.sizes(), s.init),
        (0.0075, 2500, &[7][..], Init::Course)
    );
    // Sizes as the learner types them; 0, too large or too many layers are refused
    // with the limits, and the settings stay.
    let deep = parse_hidden(" 20, 7，5 ").expect("three layers");
    assert_eq!(deep.sizes(), [20, 7, 5]);
    cats.apply(CatCommand::SetHidden(deep));
    assert_eq!(cats.settings().hidden.to_string(), "20,7,5");
    for text in ["0", "7,0", "1001", "", "1,2,3,4,5,6,7,8,9", "7;5"] {
        let refused = parse_hidden(text).expect_err(text);
        assert_eq!(refused.key(), "err.cats.bad-hidden", "{text}");
        assert_eq!(refused.arg_text("limit").as_deref(), Some("1000"));
        assert_eq!(refused.arg_text("layers").as_deref(), Some("8"));
    }
    assert_eq!(cats.settings().hidden, deep);
    assert_eq!(parse_rate(" 0.01 "), Ok(0.01));
    assert_eq!(
        parse_rate("fast").map_err(|p| p.key()),
        Err("err.cats.bad-rate".into())
    );
    assert_eq!(
        parse_rate("inf").map_err(|p| p.key()),
        Err("err.cats.bad-rate".into())
    );
    let half = parse_iterations("2.5").err().map(|p| p.arg_text("limit"));
    assert_eq!(half, Some(Some("100000".into())));
    assert_eq!(
        parse_hidden("-3").err().map(|p| p.key()),
        Some("err.cats.bad-hidden".into())
    );
}

#[test]
fn the_step_budget_aims_at_ten_milliseconds_per_frame() {
    let mut b = StepBudget::new(10.0);
    assert_eq!(b.per_frame(), 1);
    b.record(1, 2.0); // ideal 1·10/2 = 5, at most doubled → 2
    assert_eq!(b.per_frame(), 2);
    b.record(2, 4.0); // ideal 5, limit 4 → 4
    assert_eq!(b.per_frame(), 4);
    b.record(4, 7.0); // ideal 4·10/7 = 5.71 → 5
    assert_eq!(b.per_frame(), 5);
    b.record(5, 100.0); // ideal 0.5, at least halved → 2
    assert_eq!(b.per_frame(), 2);
    b.record(0, 5.0);
    b.record(2, f64::NAN);
    assert_eq!(b.per_frame(), 2, "nothing measured, nothing changed");
    let mut fast = StepBudget::new(10.0);
    for _ in 0..20 {
        let k = fast.per_frame();
        fast.record(k, 0.0);
    }
    assert_eq!(fast.per_frame(), MAX_PER_FRAME);
}

#[test]
fn predictions_need_a_model_and_every_message_exists() {
    let mut cats = CatController::new();
    assert_eq!(cats.predict(picture(220), "new.png"), None);
    let mut cats_trained = trained(50);
    let bright = cats_trained.predict(picture(220), "new.png");
    let dark = cats_trained.p_cat(&picture(0));
    let (bright, dark) = (bright.unwrap_or(f64::NAN), dark.unwrap_or(f64::NAN));
    assert!(
        bright > 0.5 && dark < 0.5 && (0.0..=1.0).contains(&bright),
        "{bright} {dark}"
    );
    let shown = cats_trained.prediction().map(|p| (p.name.clone(), p.p_cat));
    assert_eq!(shown, Some(("new.png".into(), bright)));
    // Notes and messages the controller raises exist in both languages.
    cats.offer_hdf5("train_catvnoncat.h5", b"\x89HDF\r\n\x1a\n".to_vec());
    cats.add_pictures(samples(1, 1), Vec::new());
    cats.apply(CatCommand::SetIterations(0));
    for lang in Lang::ALL {
        for p in cats.problems().iter().chain(cats.note()) {
            assert_ne!(t(lang, &p.key()), "?", "{}", p.key());
        }
        assert_ne!(t(lang, "cats.note.h5-waiting-train"), "?");
        assert_ne!(t(lang, "cats.note.h5-waiting-test"), "?");
        assert_ne!(t(lang, "cats.note.no-model"), "?");
    }
}

#[test]
fn asking_before_training_says_to_train_and_after_training_gives_p_cat() {
    let mut fresh = CatController::new();
    assert_eq!(fresh.predict(picture(200), "mine.png"), None);
    let note = &fresh.problems()[0];
    assert_eq!(
        (note.key(), note.arg_text("file")),
        ("cats.note.no-model".into(), Some("mine.png".into()))
    );
    assert!(fresh.prediction().is_none());
    let mut cats = trained(20);
    let p = cats.predict(picture(200), "mine.png");
    assert!(p.is_some_and(|p| (0.0..=1.0).contains(&p)), "{p:?}");
    assert!(cats.problems().is_empty());
    assert_eq!(cats.prediction().map(|q| q.p_cat), p);
}

#[test]
fn settings_hold_what_was_set_and_not_what_was_refused() {
    let mut cats = CatController::new();
    cats.apply(CatCommand::SetRate(0.01));
    assert!(cats.settings().hold(&CatCommand::SetRate(0.01)));
    cats.apply(CatCommand::SetIterations(0));
    assert!(!cats.settings().hold(&CatCommand::SetIterations(0)));
    assert!(cats.settings().hold(&CatCommand::Train));
}
