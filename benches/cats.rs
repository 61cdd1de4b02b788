//! The cat lab's three models at the course's size, 209 pictures × 12288 features:
//! logistic regression (2000 iterations, α = 0.005), the two-layer model
//! [12288, 7, 1] and the L-layer model [12288, 20, 7, 5, 1] (2500 iterations,
//! α = 0.0075), both from the course's initialisation (numpy's seed 1). Each run
//! includes preparing the pictures' products (the Gram matrix XᵀX).
//!
//! The pixels are synthetic and deterministic, from a generator that
//! `benches/cats_numpy.py` reproduces exactly, so both programs train on the same
//! numbers:
//!   level(i, j) = (37·i + 11·j + 5·((i·j) mod 13)) mod 256   (picture i, feature j)
//!   is_cat(i)   = (7·i mod 5) < 2
//! with feature j in pixel-first order (j = (row·64 + col)·3 + channel).
//!
//! Run: `cargo bench --bench cats` (criterion), or `CATS_BENCH_ONCE=1 cargo bench
//! --bench cats` for one timed run of each model (median of 3) that prints the
//! seconds and the final cost, and — when `python3 benches/cats_numpy.py` has
//! written target/cats-numpy-costs.json — the largest relative difference of the
//! lab's cost from numpy's over every iteration. `CATS_BENCH_DIRECT=1` also times
//! 20 iterations of each model on the direct path of tests/cats_reference (W⁽¹⁾
//! held in full, matrix by matrix, as numpy does) for comparison.

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/cats_reference/mod.rs"]
mod cats_reference;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use backprop_lab::engine::cats::{CatData, Sample, TrainConfig, Training};
    use backprop_lab::engine::image::{Picture, FEATURES};
    use criterion::Criterion;

    use super::cats_reference;

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

    /// The three models: name (as in cats_numpy.py) and settings.
    pub fn models() -> [(&'static str, TrainConfig); 3] {
        [
            ("logistic", TrainConfig::logistic()),
            ("two-layer", TrainConfig::hidden()),
            ("l-layer", TrainConfig::deep()),
        ]
    }

    /// Trains to the end; returns every cost.
    fn train(config: TrainConfig, data: &CatData) -> Vec<f64> {
        let mut t = Training::new(config, data).expect("valid data");
        t.step(config.iterations).expect("finite run");
        t.snapshot().costs
    }

    /// numpy's costs of `name` from target/cats-numpy-costs.json, if written.
    fn numpy_costs(name: &str) -> Option<Vec<f64>> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/target/cats-numpy-costs.json");
        let text = std::fs::read_to_string(path).ok()?;
        let start = text.find(&format!("\"{name}\": ["))? + name.len() + 5;
        let end = start + text[start..].find(']')?;
        text[start..end]
            .split(',')
            .map(|v| v.trim().parse().ok())
            .collect()
    }

    /// One timed run of each model (median of 3): seconds, final cost, agreement.
    pub fn once() {
        let data = data();
        for (name, config) in models() {
            let mut seconds = Vec::new();
            let mut costs = Vec::new();
            for _ in 0..3 {
                let start = Instant::now();
                costs = train(config, &data);
                seconds.push(start.elapsed().as_secs_f64());
            }
            seconds.sort_by(f64::total_cmp);
            let last = costs[costs.len() - 1];
            let dims = config.model.dims();
            let agreement = match numpy_costs(name) {
                Some(numpy) => format!(
                    ", largest relative difference from numpy over {} iterations {:.1e}",
                    numpy.len(),
                    cats_reference::worst_relative(&costs, &numpy)
                ),
                None => String::new(),
            };
            println!(
                "rust-native {name} {dims:?} {} iterations: {:.3} s (runs {:.3}, {:.3}, {:.3}), final cost {last:.9}{agreement}",
                config.iterations, seconds[1], seconds[0], seconds[1], seconds[2]
            );
        }
        if std::env::var_os("CATS_BENCH_DIRECT").is_some() {
            direct(&data);
        }
        test_predictions(&data);
    }

    /// The L-layer model with 50 test pictures: a snapshot (train and test
    /// predictions through G and K = XᵀX_test) against rebuilding W⁽¹⁾ once
    /// (W⁽¹⁾(0) + C·Xᵀ, as drawing the units does).
    fn test_predictions(data: &CatData) {
        let mut with_test = data.clone();
        with_test.test = data.train[..50].to_vec();
        let config = TrainConfig {
            iterations: 10,
            ..TrainConfig::deep()
        };
        let mut t = Training::new(config, &with_test).expect("valid data");
        let start = Instant::now();
        t.step(10).expect("finite run");
        let prepare_and_ten = start.elapsed().as_secs_f64();
        let time = |f: &dyn Fn()| {
            let start = Instant::now();
            (0..5).for_each(|_| f());
            start.elapsed().as_secs_f64() / 5.0 * 1e3
        };
        let snapshot = time(&|| {
            black_box(t.snapshot());
        });
        let rebuild = time(&|| {
            black_box(t.first_layer_weights());
        });
        println!(
            "l-layer with 50 test pictures: preparing + 10 iterations {prepare_and_ten:.3} s; a snapshot (209 + 50 predictions through XᵀX and XᵀX_test) {snapshot:.2} ms; rebuilding W1 = W1(0) + C·Xᵀ once {rebuild:.2} ms"
        );
    }

    /// 20 iterations of each model on the direct path, seconds per iteration.
    fn direct(data: &CatData) {
        let (x, y) = cats_reference::matrix(&data.train);
        for (name, config) in models() {
            let dims = config.model.dims();
            let mut layers = cats_reference::course_init(&dims, false);
            let start = Instant::now();
            cats_reference::train(&mut layers, &x, &y, config.learning_rate, 20);
            let each = start.elapsed().as_secs_f64() / 20.0;
            println!("direct f64 path {name}: {:.1} ms per iteration", each * 1e3);
        }
    }

    fn bench(c: &mut Criterion) {
        let data = data();
        let mut group = c.benchmark_group("cats");
        for (name, config) in models() {
            let label = format!(
                "{name} {:?}, {} iterations",
                config.model.dims(),
                config.iterations
            );
            group.bench_function(label, |b| b.iter(|| black_box(train(config, &data))));
        }
        group.finish();
    }

    criterion::criterion_group! {
        name = benches;
        config = Criterion::default()
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(10));
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
