//! The starting weights of a model with layer sizes n⁽⁰⁾ = 12288, n⁽¹⁾, …, n⁽ᴸ⁾ = 1,
//! biases 0:
//! - logistic regression (L = 1): w = 0, as the course starts it;
//! - [`Init::Course`]: `np.random.seed(1)`, then layer by layer
//!   `W⁽ˡ⁾ = randn(n⁽ˡ⁾, n⁽ˡ⁻¹⁾)·0.01` for one hidden layer (the course's
//!   `initialize_parameters`) or `randn(n⁽ˡ⁾, n⁽ˡ⁻¹⁾) / √n⁽ˡ⁻¹⁾` for more
//!   (`initialize_parameters_deep`);
//! - [`Init::CourseDeep`]: the same generator and the `/ √n⁽ˡ⁻¹⁾` recipe at any depth;
//! - [`Init::Seeded`]: the lab's own generator from the seed, with the recipe
//!   [`Init::Course`] picks for the depth.

use super::config::Init;
use super::network::Dense;
use super::numpy_random::NumpyRandom;
use crate::engine::rng::Rng;

/// The course's scale of a two-layer model's weights.
const TWO_LAYER_SCALE: f64 = 0.01;

/// W⁽¹⁾(0) (n⁽¹⁾ × n⁽⁰⁾, row-major) and the layers after the first, for `dims`.
pub(crate) fn initial(dims: &[usize], init: Init, seed: u64) -> (Vec<f64>, Vec<Dense>) {
    let layers = dims.len() - 1;
    if layers == 1 {
        return (vec![0.0; dims[0] * dims[1]], Vec::new());
    }
    let deep = init == Init::CourseDeep || layers > 2;
    let mut numpy = NumpyRandom::seed(1);
    let mut own = Rng::new(seed);
    let mut weights = dims.windows(2).map(|pair| {
        let (n_in, n_out) = (pair[0], pair[1]);
        let normal: Vec<f64> = match init {
            Init::Course | Init::CourseDeep => numpy.randn(n_out, n_in),
            Init::Seeded => (0..n_out * n_in).map(|_| own.normal()).collect(),
        };
        let root = (n_in as f64).sqrt();
        if deep {
            normal.into_iter().map(|v| v / root).collect()
        } else {
            normal.into_iter().map(|v| v * TWO_LAYER_SCALE).collect()
        }
    });
    let first = weights.next().unwrap_or_default();
    let dense = weights
        .zip(&dims[2..])
        .map(|(w, &n)| Dense { w, b: vec![0.0; n] })
        .collect();
    (first, dense)
}
