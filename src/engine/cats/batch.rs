//! Batch gradient descent for either model, with a way back: the parameters before
//! the last update are kept, so a run whose numbers stop being finite ends on the
//! last parameters whose cost was finite.

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
    /// J was not finite; the parameters went back to those before the last update.
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
        if !cost.is_finite() {
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

    /// θ with cost J = θ and gradient −θ: each step multiplies θ by 1 + α, so a huge α
    /// overflows within a few steps. `checks` says whether is_finite looks at θ.
    #[derive(Clone, Debug, PartialEq)]
    struct Growth {
        theta: f64,
        checks: bool,
    }

    impl Parameters for Growth {
        type Data<'a> = ();
        fn cost_and_gradient(&self, _: &(), grad: &mut Self) -> f64 {
            grad.theta = -self.theta;
            self.theta
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
        assert_eq!(
            outcomes[..3],
            [Ok(1.0), Ok(1.0 + 1e100), Ok((1.0 + 1e100) * (1.0 + 1e100))]
        );
        let last = (1.0 + 1e100) * (1.0 + 1e100) * (1.0 + 1e100);
        assert_eq!(outcomes[3], Err(Breakdown::Update(last)));
        assert_eq!(d.current.theta, last);
    }

    #[test]
    fn a_non_finite_cost_goes_back_to_the_parameters_before_the_last_update() {
        // Without the check θ becomes ∞ after step 4; step 5 sees J = ∞ and goes back
        // to θ of step 4, whose cost (≈1e300) was the last finite one.
        let (d, outcomes) = run(false);
        assert!(outcomes[..4].iter().all(|o| o.is_ok()));
        assert_eq!(outcomes[4], Err(Breakdown::Cost));
        assert_eq!(Ok(d.current.theta), outcomes[3]);
    }
}
