//! Batch gradient descent for any model, with a way back: the parameters before
//! the last update are kept, so a run whose cost explodes — stops being finite, or
//! passes [`EXPLODED`] — ends on the last parameters whose cost was sane.

/// A cost past this has exploded. J is a mean cross-entropy: ln 2 for a model that
/// knows nothing, below 1 once it learns; J = 10⁶ means pictures classified wrongly
/// with |z| ≈ 10⁶, which only an exploding step gives. (The course's ln a would
/// already be −∞ there; the lab's cost stays finite far beyond, see `sigmoid.rs`,
/// and a ReLU network can keep a huge cost finite for ever.)
pub(crate) const EXPLODED: f64 = 1e6;

/// What a model's parameters must offer to be trained by batch gradient descent.
pub(crate) trait Parameters: Clone {
    /// What one iteration reads (the training pictures in some form).
    type Data<'a>;
    /// J at these parameters; the gradient, of the same shape, goes into `grad`.
    fn cost_and_gradient(&self, data: &Self::Data<'_>, grad: &mut Self) -> f64;
    /// θ ← θ − α·dθ.
    fn descend(&mut self, grad: &Self, rate: f64);
    /// True when every parameter is finite.
    fn is_finite(&self) -> bool;
}

/// Why an iteration could not go through.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Breakdown {
    /// J was not finite or past [`EXPLODED`]; the parameters went back to those
    /// before the last update.
    Cost,
    /// J (given) was finite but the update made a parameter non-finite; the
    /// parameters stayed as they were.
    Update(f64),
}

/// The current parameters θ, those before the last update, and a gradient buffer.
#[derive(Clone, Debug)]
pub(crate) struct BatchDescent<P: Parameters> {
    pub(crate) current: P,
    previous: P,
    grad: P,
}

impl<P: Parameters> BatchDescent<P> {
    /// Starts at `initial`; `grad` is any value of the same shape (overwritten).
    pub(crate) fn new(initial: P, grad: P) -> BatchDescent<P> {
        BatchDescent {
            previous: initial.clone(),
            current: initial,
            grad,
        }
    }

    /// One batch step: J and dθ at θ over all examples, then θ ← θ − α·dθ.
    pub(crate) fn iterate(&mut self, data: &P::Data<'_>, rate: f64) -> Result<f64, Breakdown> {
        let cost = self.current.cost_and_gradient(data, &mut self.grad);
        if !(cost.is_finite() && cost <= EXPLODED) {
            self.current.clone_from(&self.previous);
            return Err(Breakdown::Cost);
        }
        self.previous.clone_from(&self.current);
        self.current.descend(&self.grad, rate);
        if self.current.is_finite() {
            Ok(cost)
        } else {
            self.current.clone_from(&self.previous);
            Err(Breakdown::Update(cost))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// θ with cost J = θ·10⁻³⁰⁰ (below [`EXPLODED`] while θ is finite) and gradient
    /// −θ: each step multiplies θ by 1 + α, so a huge α overflows within a few steps.
    /// `checks` says whether is_finite looks at θ.
    #[derive(Clone, Debug, PartialEq)]
    struct Growth {
        theta: f64,
        checks: bool,
    }

    impl Parameters for Growth {
        type Data<'a> = ();
        fn cost_and_gradient(&self, _: &(), grad: &mut Self) -> f64 {
            grad.theta = -self.theta;
            self.theta * 1e-300
        }
        fn descend(&mut self, grad: &Self, rate: f64) {
            self.theta -= rate * grad.theta;
        }
        fn is_finite(&self) -> bool {
            !self.checks || self.theta.is_finite()
        }
    }

    fn run(checks: bool) -> (BatchDescent<Growth>, Vec<Result<f64, Breakdown>>) {
        let start = Growth { theta: 1.0, checks };
        let mut d = BatchDescent::new(start.clone(), start);
        let outcomes = (0..5).map(|_| d.iterate(&(), 1e100)).collect();
        (d, outcomes)
    }

    #[test]
    fn an_update_to_a_non_finite_value_is_undone() {
        // θ: 1 → 1e100 → 1e200 → ≈1e300 → ∞ (refused, θ stays ≈1e300).
        let (d, outcomes) = run(true);
        let thetas = [1.0, 1.0 + 1e100, (1.0 + 1e100) * (1.0 + 1e100)];
        let costs: Vec<_> = thetas.iter().map(|t| Ok(t * 1e-300)).collect();
        assert_eq!(outcomes[..3], costs[..]);
        let last = (1.0 + 1e100) * (1.0 + 1e100) * (1.0 + 1e100);
        assert_eq!(outcomes[3], Err(Breakdown::Update(last * 1e-300)));
        assert_eq!(d.current.theta, last);
    }

    #[test]
    fn a_non_finite_cost_goes_back_to_the_parameters_before_the_last_update() {
        // Without the check θ becomes ∞ after step 4; step 5 sees J = ∞ and goes back
        // to θ of step 4, whose cost (≈1e300) was the last finite one.
        let (d, outcomes) = run(false);
        assert!(outcomes[..4].iter().all(|o| o.is_ok()));
        assert_eq!(outcomes[4], Err(Breakdown::Cost));
        assert_eq!(Ok(d.current.theta * 1e-300), outcomes[3]);
    }

    #[test]
    fn a_finite_cost_past_the_explosion_limit_goes_back_too() {
        // α = 1 doubles θ: J = 4·10⁵, 8·10⁵, then 1.6·10⁶ — finite, but exploded.
        let start = Growth {
            theta: 4e305,
            checks: true,
        };
        let mut d = BatchDescent::new(start.clone(), start);
        assert_eq!(d.iterate(&(), 1.0), Ok(4e305 * 1e-300));
        assert_eq!(d.iterate(&(), 1.0), Ok(8e305 * 1e-300));
        assert_eq!(d.iterate(&(), 1.0), Err(Breakdown::Cost));
        assert_eq!(d.current.theta, 8e305, "back to the last sane parameters");
    }
}
