//! The operations of the graph, micrograd style: each one computes its value and
//! states its local derivatives ∂out/∂input right beside it.

use serde::Serialize;

/// What a node computes from its inputs (slot order as written: `a − b` has `a` in slot 0).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum Op {
    /// A variable; its value lives in the session.
    Var,
    /// A number written in the expression.
    Const(f64),
    Add,
    Sub,
    Mul,
    Div,
    Neg,
    /// `x^n` with a fixed numeric exponent n.
    Pow(f64),
    Exp,
    /// Natural logarithm.
    Log,
    Tanh,
    Sigmoid,
    Relu,
}

/// Why an operation has no (finite, differentiable) value at its inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Domain {
    /// A divisor of 0.
    DivisionByZero,
    /// log of a value ≤ 0.
    Log,
    /// A negative base with a non-integer exponent, 0 to a negative power, or 0 to a
    /// fractional power below 1 (where n·x^(n−1) is infinite).
    Pow,
    /// A value or local derivative that is not finite.
    Overflow,
}

/// σ(x) = 1/(1 + e^(−x)): the engine's one logistic function.
use crate::engine::activation::sigmoid;

impl Op {
    /// The value at inputs `x` (slot order) and the local derivatives ∂out/∂x[slot]
    /// (unused slots 0). Variables and constants are not computed here.
    pub(crate) fn forward(self, x: &[f64]) -> Result<(f64, [f64; 2]), Domain> {
        let a = x.first().copied().unwrap_or(0.0);
        let b = x.get(1).copied().unwrap_or(0.0);
        let (value, local) = match self {
            Op::Var | Op::Const(_) => (a, [0.0, 0.0]),
            Op::Add => (a + b, [1.0, 1.0]),
            Op::Sub => (a - b, [1.0, -1.0]),
            Op::Mul => (a * b, [b, a]),
            Op::Div if b == 0.0 => return Err(Domain::DivisionByZero),
            // d(a/b)/da = 1/b, d(a/b)/db = −a/b².
            Op::Div => (a / b, [1.0 / b, -a / (b * b)]),
            Op::Neg => (-a, [-1.0, 0.0]),
            Op::Pow(n) => power(a, n)?,
            Op::Exp => {
                let e = a.exp();
                (e, [e, 0.0])
            }
            Op::Log if a <= 0.0 => return Err(Domain::Log),
            Op::Log => (a.ln(), [1.0 / a, 0.0]),
            Op::Tanh => {
                let t = a.tanh();
                (t, [1.0 - t * t, 0.0])
            }
            Op::Sigmoid => {
                let s = sigmoid(a);
                (s, [s * (1.0 - s), 0.0])
            }
            Op::Relu => (a.max(0.0), [if a > 0.0 { 1.0 } else { 0.0 }, 0.0]),
        };
        if value.is_finite() && local.iter().all(|d| d.is_finite()) {
            Ok((value, local))
        } else {
            Err(Domain::Overflow)
        }
    }

    /// The function a name calls in the expression, if it is one.
    pub(crate) fn function(name: &str) -> Option<Op> {
        match name {
            "exp" => Some(Op::Exp),
            "log" => Some(Op::Log),
            "tanh" => Some(Op::Tanh),
            "sigmoid" => Some(Op::Sigmoid),
            "relu" => Some(Op::Relu),
            _ => None,
        }
    }

    /// Number of inputs: 0, 1 or 2.
    pub(crate) fn arity(self) -> usize {
        match self {
            Op::Var | Op::Const(_) => 0,
            Op::Add | Op::Sub | Op::Mul | Op::Div => 2,
            _ => 1,
        }
    }

    /// The op's name for the page: "var" "const" "add" … "relu".
    pub(crate) fn name(self) -> &'static str {
        match self {
            Op::Var => "var",
            Op::Const(_) => "const",
            Op::Add => "add",
            Op::Sub => "sub",
            Op::Mul => "mul",
            Op::Div => "div",
            Op::Neg => "neg",
            Op::Pow(_) => "pow",
            Op::Exp => "exp",
            Op::Log => "log",
            Op::Tanh => "tanh",
            Op::Sigmoid => "sigmoid",
            Op::Relu => "relu",
        }
    }

    /// The symbol drawn in the node: "+", "−", "×", "÷", "−", "^2", "exp", "log",
    /// "tanh", "σ", "ReLU" (variables and constants show their label instead).
    pub(crate) fn symbol(self) -> String {
        match self {
            Op::Var | Op::Const(_) => String::new(),
            Op::Add => "+".into(),
            Op::Sub | Op::Neg => "−".into(),
            Op::Mul => "×".into(),
            Op::Div => "÷".into(),
            Op::Pow(n) => format!("^{}", number_text(n)),
            Op::Exp => "exp".into(),
            Op::Log => "log".into(),
            Op::Tanh => "tanh".into(),
            Op::Sigmoid => "σ".into(),
            Op::Relu => "ReLU".into(),
        }
    }

    /// The right-hand side of the node's formula given its inputs' labels:
    /// "b × c", "σ(p)", "v^2", "−z".
    pub(crate) fn formula(self, inputs: &[&str]) -> String {
        let a = inputs.first().copied().unwrap_or("");
        let b = inputs.get(1).copied().unwrap_or("");
        match self {
            Op::Add | Op::Sub | Op::Mul | Op::Div => format!("{a} {} {b}", self.symbol()),
            Op::Neg => format!("−{a}"),
            Op::Pow(_) => format!("{a}{}", self.symbol()),
            Op::Var | Op::Const(_) => a.to_string(),
            _ => format!("{}({a})", self.symbol()),
        }
    }
}

/// `x^n` and its derivative n·x^(n−1), refusing the points where either is undefined.
fn power(x: f64, n: f64) -> Result<(f64, [f64; 2]), Domain> {
    let integer = n.fract() == 0.0;
    if (x < 0.0 && !integer) || (x == 0.0 && n < 0.0) {
        return Err(Domain::Pow);
    }
    if x == 0.0 && n > 0.0 && n < 1.0 {
        return Err(Domain::Pow);
    }
    // n = 0: x^0 = 1 everywhere, derivative 0 (0·x^(−1) would be NaN at x = 0).
    let local = if n == 0.0 { 0.0 } else { n * x.powf(n - 1.0) };
    Ok((x.powf(n), [local, 0.0]))
}

/// The shortest readable text of a number: "3", "0.5", "-2", "1e-7" (plain decimal
/// unless the exponent form is much shorter).
pub(crate) fn number_text(v: f64) -> String {
    let plain = format!("{v}");
    let exponent = format!("{v:e}");
    if plain.len() > 8 && exponent.len() < plain.len() {
        exponent
    } else {
        plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Central difference of slot `slot` of `op` at `x`.
    fn central(op: Op, x: &[f64], slot: usize) -> f64 {
        let h = 1e-6;
        let mut up = x.to_vec();
        let mut down = x.to_vec();
        up[slot] += h;
        down[slot] -= h;
        let f = |p: &[f64]| op.forward(p).map(|r| r.0).unwrap_or(f64::NAN);
        (f(&up) - f(&down)) / (2.0 * h)
    }

    #[test]
    fn every_local_derivative_matches_a_central_difference() {
        let cases: [(Op, &[f64]); 13] = [
            (Op::Add, &[1.5, -2.0]),
            (Op::Sub, &[1.5, -2.0]),
            (Op::Mul, &[1.5, -2.0]),
            (Op::Div, &[1.5, -2.0]),
            (Op::Neg, &[0.7]),
            (Op::Pow(3.0), &[-1.3]),
            (Op::Pow(0.5), &[2.0]),
            (Op::Pow(-2.0), &[0.8]),
            (Op::Exp, &[0.3]),
            (Op::Log, &[2.5]),
            (Op::Tanh, &[0.4]),
            (Op::Sigmoid, &[-0.6]),
            (Op::Relu, &[0.9]),
        ];
        for (op, x) in cases {
            let (_, local) = op.forward(x).unwrap();
            for (slot, d) in local.iter().enumerate().take(op.arity()) {
                let fd = central(op, x, slot);
                assert!((d - fd).abs() < 1e-8, "{op:?} slot {slot}: {d} vs {fd}");
            }
        }
    }

    #[test]
    fn domain_edges_are_refused() {
        assert_eq!(Op::Div.forward(&[1.0, 0.0]), Err(Domain::DivisionByZero));
        assert_eq!(Op::Log.forward(&[0.0]), Err(Domain::Log));
        assert_eq!(Op::Pow(0.5).forward(&[-1.0]), Err(Domain::Pow));
        assert_eq!(Op::Pow(-1.0).forward(&[0.0]), Err(Domain::Pow));
        assert_eq!(Op::Pow(0.5).forward(&[0.0]), Err(Domain::Pow));
        assert_eq!(Op::Exp.forward(&[1000.0]), Err(Domain::Overflow));
        // x^0 at 0 is 1 with derivative 0; x^2 at a negative base is fine.
        assert_eq!(Op::Pow(0.0).forward(&[0.0]), Ok((1.0, [0.0, 0.0])));
        assert_eq!(Op::Pow(2.0).forward(&[-3.0]), Ok((9.0, [-6.0, 0.0])));
        // σ far out saturates without NaN; ReLU at 0 takes the derivative 0.
        assert_eq!(Op::Sigmoid.forward(&[-800.0]).map(|r| r.0), Ok(0.0));
        assert_eq!(Op::Relu.forward(&[0.0]), Ok((0.0, [0.0, 0.0])));
    }

    #[test]
    fn number_text_is_short() {
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(0.5), "0.5");
        assert_eq!(number_text(-2.0), "-2");
        assert_eq!(number_text(1e-7), "1e-7");
        assert_eq!(number_text(1e21), "1e21");
        assert_eq!(number_text(123456.75), "123456.75");
    }
}
