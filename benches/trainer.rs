//! Throughput of one training step (forward + loss + backward + update, phase by
//! phase through the trainer) on a `[2, 8, 8, 1]` network: tanh hidden layers,
//! identity output, squared error. Reported as samples per second.
//!
//! Run: `cargo bench --bench trainer`.

// criterion does not build for wasm32, where this bench is an empty program
// (so `cargo clippy --all-targets --target wasm32-unknown-unknown` still checks the rest).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use backprop_lab::engine::activation::Activation;
    use backprop_lab::engine::loss::LossKind;
    use backprop_lab::engine::mlp::Mlp;
    use backprop_lab::engine::trainer::Trainer;
    use criterion::{Criterion, Throughput};

    /// Steps per benchmark iteration (one pass over the 4-sample data set × 64).
    const SAMPLES_PER_ITER: u64 = 256;

    /// The benchmarked trainer: XOR-like data on a seeded `[2, 8, 8, 1]` network, r = 0.05.
    fn trainer() -> Trainer {
        let acts = [Activation::Tanh, Activation::Tanh, Activation::Identity];
        let mlp =
            Mlp::random(&[2, 8, 8, 1], &acts, LossKind::SquaredError, 42).expect("valid sizes");
        let mut t = Trainer::new(mlp, vec![0.0, 0.0], vec![0.0], 0.05).expect("valid sample");
        let data = [
            ([0.0, 0.0], 0.0),
            ([0.0, 1.0], 1.0),
            ([1.0, 0.0], 1.0),
            ([1.0, 1.0], 0.0),
        ];
        t.set_data(data.iter().map(|(x, y)| (x.to_vec(), vec![*y])).collect())
            .expect("valid data");
        t
    }

    fn bench_step(c: &mut Criterion) {
        let mut group = c.benchmark_group("trainer");
        group.throughput(Throughput::Elements(SAMPLES_PER_ITER));
        group.bench_function("step_sample [2,8,8,1] tanh/identity/SE", |b| {
            let mut t = trainer();
            b.iter(|| {
                for _ in 0..SAMPLES_PER_ITER {
                    if t.step_sample().is_err() {
                        t.reset(); // not expected at r = 0.05; keeps the loop honest if it happens
                    }
                }
                black_box(t.snapshot().loss)
            })
        });
        group.finish();
    }

    criterion::criterion_group! {
        name = benches;
        config = Criterion::default()
            .sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3));
        targets = bench_step
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
