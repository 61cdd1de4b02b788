//! The cat lab's logistic regression at the course's size: 2000 batch iterations
//! over 209 pictures × 12288 features (α = 0.005), plus 100 iterations of the
//! two-layer model (n_h = 7, α = 0.0075).
//!
//! The pixels are synthetic and deterministic, from a generator that
//! `benches/cats_numpy.py` reproduces exactly, so both programs train on the same
//! numbers and must print the same final cost:
//!   level(i, j) = (37·i + 11·j + 5·((i·j) mod 13)) mod 256   (picture i, feature j)
//!   is_cat(i)   = (7·i mod 5) < 2
//! with feature j in pixel-first order (j = (row·64 + col)·3 + channel).
//!
//! Run: `cargo bench --bench cats` (criterion), or
//! `CATS_BENCH_ONCE=1 cargo bench --bench cats` for one timed run that prints the
//! seconds and the final cost (used by `scripts/bench-cats`).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use backprop_lab::engine::cats::{CatData, Sample, TrainConfig, Training};
    use backprop_lab::engine::image::{Picture, FEATURES};
    use criterion::Criterion;

    /// Pictures in the course's training file.
    const M: usize = 209;

    /// The synthetic training set described in the file header (no test set).
    pub fn data() -> CatData {
        let train = (0..M)
            .map(|i| {
                let levels = (0..FEATURES)
                    .map(|j| ((37 * i + 11 * j + 5 * ((i * j) % 13)) % 256) as u8)
                    .collect();
                Sample {
                    picture: Picture::from_pixels(levels).expect("12288 levels"),
                    is_cat: (7 * i) % 5 < 2,
                    name: format!("train #{i}"),
                }
            })
            .collect();
        CatData {
            train,
            test: Vec::new(),
        }
    }

    /// Trains to the end; returns the last recorded cost.
    fn train(config: TrainConfig, data: &CatData) -> f64 {
        let mut t = Training::new(config, data).expect("valid data");
        t.step(config.iterations).expect("finite run");
        *t.snapshot().costs.last().expect("at least one cost")
    }

    /// One timed run of the course's logistic regression: "seconds final-cost".
    pub fn once() {
        let data = data();
        let start = Instant::now();
        let cost = train(TrainConfig::logistic(), &data);
        let seconds = start.elapsed().as_secs_f64();
        println!("rust-native logistic 2000 iterations: {seconds:.3} s, final cost {cost:.9}");
    }

    fn bench(c: &mut Criterion) {
        let data = data();
        let mut group = c.benchmark_group("cats");
        group.bench_function("logistic 209x12288, 2000 iterations", |b| {
            b.iter(|| black_box(train(TrainConfig::logistic(), &data)))
        });
        let hidden = TrainConfig {
            iterations: 100,
            ..TrainConfig::hidden()
        };
        group.bench_function("two-layer n_h=7 209x12288, 100 iterations", |b| {
            b.iter(|| black_box(train(hidden, &data)))
        });
        group.finish();
    }

    criterion::criterion_group! {
        name = benches;
        config = Criterion::default()
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(20));
        targets = bench
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if std::env::var_os("CATS_BENCH_ONCE").is_some() {
        native::once();
        return;
    }
    native::benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
