//! The output unit of both models: σ(z), and the cross-entropy of its prediction.

/// σ(z) = 1 / (1 + e^(−z)), computed without overflow for either sign of z (the
/// engine's one logistic function, shared with the network lab).
pub(crate) use crate::engine::activation::sigmoid;

/// The cross-entropy −[y ln a + (1 − y) ln(1 − a)] of a = σ(z), written as
/// y·softplus(−z) + (1 − y)·softplus(z) with softplus(t) = ln(1 + eᵗ): the same
/// number, but finite even where a rounds to exactly 0 or 1 (where the course's
/// formula gives ln 0 = −∞, and 0·(−∞) = NaN for a correct, confident prediction).
pub(crate) fn cross_entropy(z: f64, y: f64) -> f64 {
    y * softplus(-z) + (1.0 - y) * softplus(z)
}

/// ln(1 + eᵗ) = max(t, 0) + ln(1 + e^(−|t|)).
fn softplus(t: f64) -> f64 {
    t.max(0.0) + (-t.abs()).exp().ln_1p()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_entropy_equals_the_course_formula() {
        for &(z, y) in &[
            (0.0, 1.0),
            (2.5, 0.0),
            (-3.0, 1.0),
            (0.7, 1.0),
            (-30.0, 1.0),
        ] {
            let a = 1.0 / (1.0 + f64::exp(-z));
            let course = -(y * f64::ln(a) + (1.0 - y) * f64::ln(1.0 - a));
            let ours = cross_entropy(z, y);
            assert!(
                (ours - course).abs() <= 1e-12 * course,
                "{z} {y}: {ours} {course}"
            );
            assert!((sigmoid(z) - a).abs() < 1e-15);
        }
        // Where the course's a rounds to 1, its ln(1 − a) is −∞; ours stays finite: ≈ z.
        assert!((cross_entropy(40.0, 0.0) - 40.0).abs() < 1e-12);
        assert_eq!(
            f64::ln(1.0 - 1.0 / (1.0 + f64::exp(-40.0))),
            f64::NEG_INFINITY
        );
        // ln 2 at z = 0 whatever the label: the course's first printed cost, 0.693147.
        assert!((cross_entropy(0.0, 0.0) - std::f64::consts::LN_2).abs() < 1e-16);
    }
}
