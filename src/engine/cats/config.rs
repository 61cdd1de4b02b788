//! Training settings: which model (logistic regression or hidden ReLU layers of the
//! learner's sizes), how its weights start, learning rate, iterations — and their limits.

use std::fmt;

use serde::{Serialize, Serializer};

use super::error::{CatError, Kind};

/// Most iterations one training run may ask for.
pub const MAX_ITERATIONS: usize = 100_000;
/// Most units of one hidden layer.
pub const MAX_HIDDEN: usize = 1000;
/// Most hidden layers.
pub const MAX_LAYERS: usize = 8;
/// Largest learning rate accepted.
pub const MAX_RATE: f64 = 10.0;

/// The sizes of the hidden layers, first (next to the pixels) to last: 1 to
/// [`MAX_LAYERS`] layers of 1 to [`MAX_HIDDEN`] units. Serialised as a list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Layers {
    sizes: [usize; MAX_LAYERS],
    depth: usize,
}

impl Layers {
    /// The layers `sizes`; bad-hidden when there are none, too many, or a size is
    /// 0 or over [`MAX_HIDDEN`].
    pub fn new(sizes: &[usize]) -> Result<Layers, CatError> {
        let bad = || {
            CatError::new(Kind::BadHidden {
                limit: MAX_HIDDEN,
                layers: MAX_LAYERS,
            })
        };
        if sizes.is_empty() || sizes.len() > MAX_LAYERS {
            return Err(bad());
        }
        if sizes.iter().any(|&n| !(1..=MAX_HIDDEN).contains(&n)) {
            return Err(bad());
        }
        let mut layers = Layers {
            sizes: [0; MAX_LAYERS],
            depth: sizes.len(),
        };
        layers.sizes[..sizes.len()].copy_from_slice(sizes);
        Ok(layers)
    }

    /// One hidden layer of `units` (the course's two-layer model has 7); units are
    /// clamped to 1..=[`MAX_HIDDEN`].
    pub fn one(units: usize) -> Layers {
        let mut sizes = [0; MAX_LAYERS];
        sizes[0] = units.clamp(1, MAX_HIDDEN);
        Layers { sizes, depth: 1 }
    }

    /// The sizes, first hidden layer first.
    pub fn sizes(&self) -> &[usize] {
        &self.sizes[..self.depth]
    }
}

impl fmt::Debug for Layers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.sizes())
    }
}

/// "20,7,5": the sizes as the link and the settings field write them.
impl fmt::Display for Layers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text: Vec<String> = self.sizes().iter().map(usize::to_string).collect();
        f.write_str(&text.join(","))
    }
}

impl Serialize for Layers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.sizes().serialize(s)
    }
}

/// The model trained on the 12288 features.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum Model {
    /// ŷ = σ(wᵀx + b): w of 12288, b scalar, both starting at 0.
    Logistic,
    /// [LINEAR→RELU] per hidden layer, then LINEAR→SIGMOID.
    Hidden(Layers),
}

impl Model {
    /// The layer sizes n⁽⁰⁾ = 12288, n⁽¹⁾, …, n⁽ᴸ⁾ = 1.
    pub fn dims(&self) -> Vec<usize> {
        let mut dims = vec![crate::engine::image::FEATURES];
        if let Model::Hidden(layers) = self {
            dims.extend_from_slice(layers.sizes());
        }
        dims.push(1);
        dims
    }
}

/// How the weights of the hidden model start (the biases start at 0; logistic
/// regression starts at w = 0 whatever this says).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Init {
    /// The course's: `np.random.seed(1)`, then for one hidden layer
    /// `W = randn(n_l, n_{l−1})·0.01` (two_layer_model), for more
    /// `W = randn(n_l, n_{l−1}) / √n_{l−1}` (L_layer_model).
    #[default]
    Course,
    /// `np.random.seed(1)` and the L-layer recipe `/ √n_{l−1}` at any depth.
    CourseDeep,
    /// The lab's own generator from the run's seed, with the course's recipe for
    /// the depth.
    Seeded,
}

impl Init {
    /// `"course"`, `"course-deep"` or `"seeded"` (link, JS options, select values).
    pub fn name(self) -> &'static str {
        match self {
            Init::Course => "course",
            Init::CourseDeep => "course-deep",
            Init::Seeded => "seeded",
        }
    }

    /// Every choice, in the order the page lists them.
    pub const ALL: [Init; 3] = [Init::Course, Init::CourseDeep, Init::Seeded];

    /// The choice called `name`.
    pub fn from_name(name: &str) -> Option<Init> {
        Init::ALL.into_iter().find(|i| i.name() == name)
    }
}

/// How to train: model, initialisation, learning rate α (dimensionless), batch-GD
/// iterations, and the seed of [`Init::Seeded`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainConfig {
    pub model: Model,
    pub init: Init,
    pub learning_rate: f64,
    pub iterations: usize,
    pub seed: u64,
}

impl TrainConfig {
    /// The course's logistic regression: α = 0.005, 2000 iterations.
    pub fn logistic() -> TrainConfig {
        TrainConfig {
            model: Model::Logistic,
            init: Init::Course,
            learning_rate: 0.005,
            iterations: 2000,
            seed: 1,
        }
    }

    /// The course's two-layer model: 7 hidden units, α = 0.0075, 2500 iterations,
    /// the course's initialisation.
    pub fn hidden() -> TrainConfig {
        TrainConfig {
            model: Model::Hidden(Layers::one(7)),
            ..TrainConfig::deep()
        }
    }

    /// The course's L-layer model [12288, 20, 7, 5, 1]: α = 0.0075, 2500 iterations.
    pub fn deep() -> TrainConfig {
        TrainConfig {
            model: Model::Hidden(Layers {
                sizes: [20, 7, 5, 0, 0, 0, 0, 0],
                depth: 3,
            }),
            init: Init::Course,
            learning_rate: 0.0075,
            iterations: 2500,
            seed: 1,
        }
    }

    /// bad-rate unless α is finite in (0, 10]; bad-iterations unless 1..=100000
    /// (the layer sizes were checked when they were made).
    pub fn validate(&self) -> Result<(), CatError> {
        let rate = self.learning_rate;
        if !(rate.is_finite() && rate > 0.0 && rate <= MAX_RATE) {
            return Err(CatError::new(Kind::BadRate));
        }
        if !(1..=MAX_ITERATIONS).contains(&self.iterations) {
            return Err(CatError::new(Kind::BadIterations {
                limit: MAX_ITERATIONS,
            }));
        }
        Ok(())
    }
}
