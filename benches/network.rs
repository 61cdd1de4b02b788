//! The network lab's fast path on the Playground's default: circle (500 points, 250 for
//! training, seed 1), `[2, 4, 2, 1]` tanh, squared error, batches of 10, r = 0.03.
//! `train_epochs(1)` (an epoch with its training and test loss) and `predict_grid(100)`
//! (every neuron over 100×100 points).
//!
//! Run: `cargo bench --bench network`.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use backprop_lab::engine::activation::Activation;
    use backprop_lab::engine::build::Init;
    use backprop_lab::engine::data::{generate, DataSpec, FeatureSet};
    use backprop_lab::engine::loss::LossKind;
    use backprop_lab::engine::mlp::Mlp;
    use backprop_lab::engine::trainer::{TrainSettings, Trainer};
    use criterion::Criterion;

    fn trainer() -> Trainer {
        let split = generate(&DataSpec::default()).expect("the default spec is valid");
        let hidden = [Activation::Tanh, Activation::Tanh];
        let mlp = Mlp::build(
            &[2, 4, 2, 1],
            &hidden,
            Activation::Tanh,
            LossKind::SquaredError,
            Init::Seeded(1),
        )
        .expect("valid shape");
        Trainer::for_examples(
            mlp,
            FeatureSet::default(),
            split.train,
            split.test,
            TrainSettings::default(),
        )
        .expect("valid data")
    }

    pub fn run() {
        let mut c = Criterion::default()
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .configure_from_args();
        let mut t = trainer();
        c.bench_function("playground default: one epoch (train_epochs(1))", |b| {
            b.iter(|| black_box(t.train_epochs(1).expect("finite")))
        });
        let t = trainer();
        c.bench_function("predict_grid(100), every neuron", |b| {
            b.iter(|| {
                black_box(
                    t.predict_grid(100, [-6.0, 6.0, -6.0, 6.0])
                        .expect("valid grid"),
                )
            })
        });
        c.final_summary();
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}
