//! The parameter inspector's text: which weight or bias is selected, and the
//! check of its gradient by hand with every number filled in —
//! `ΔL/h = (L(θ + h) − L(θ))/h` beside the central difference and
//! backpropagation's `∂L/∂θ`, as the graph lab's nudge test shows them.

use crate::app::network::inspect::{CheckScope, Inspection};
use crate::engine::trainer::ParamRef;
use crate::i18n::{tf, Lang};
use crate::view::network::values::node_name;
use crate::view::network::NodeRef;
use crate::view::notation::{layer_tag, paren_sig, subscript};
use crate::view::number::{fmt_sig, LONG};

/// Digits of the losses: enough that L(θ ± h) visibly differs from L(θ).
const LOSS_DIGITS: usize = 12;

/// The symbol of a parameter: `w₁₂⁽¹⁾` (from x₁ to neuron 2 of layer 1) or `b₂⁽¹⁾`.
pub fn param_symbol(param: ParamRef) -> String {
    match param {
        ParamRef::Weight { layer, from, to } => {
            // Two-digit indices need a comma so that w₁₁₂ is not ambiguous.
            let sep = if from >= 9 || to >= 9 { "," } else { "" };
            format!(
                "w{}{sep}{}{}",
                subscript(from + 1),
                subscript(to + 1),
                layer_tag(layer)
            )
        }
        ParamRef::Bias { layer, neuron } => {
            format!("b{}{}", subscript(neuron + 1), layer_tag(layer))
        }
    }
}

/// "w₁₂⁽¹⁾ — the weight from x₁ to h₂" (or the bias of a neuron), for a network of `sizes`.
pub fn param_title(param: ParamRef, sizes: &[usize], lang: Lang) -> String {
    let symbol = param_symbol(param);
    match param {
        ParamRef::Weight { layer, from, to } => {
            let from = node_name(
                sizes,
                NodeRef {
                    layer: layer - 1,
                    index: from,
                },
            );
            let to = node_name(sizes, NodeRef { layer, index: to });
            tf(
                lang,
                "net.check.weight",
                &[("p", &symbol), ("from", &from), ("to", &to)],
            )
        }
        ParamRef::Bias { layer, neuron } => {
            let node = node_name(
                sizes,
                NodeRef {
                    layer,
                    index: neuron,
                },
            );
            tf(lang, "net.check.bias", &[("p", &symbol), ("node", &node)])
        }
    }
}

/// The check's lines: which loss, L(θ) and L(θ ± h), the forward and central
/// differences with their numbers, backpropagation's value and how well they agree.
/// `example` is the 1-based number of the example in the training set.
pub fn check_lines(ins: &Inspection, example: usize, lang: Lang) -> Vec<String> {
    let c = &ins.check;
    let p = param_symbol(ins.param);
    let long = |v: f64| fmt_sig(v, LOSS_DIGITS);
    let (theta, h) = (fmt_sig(ins.value, LONG), fmt_sig(c.h, LONG));
    let scope = match ins.scope {
        CheckScope::Example => tf(lang, "net.check.of-example", &[("k", &example.to_string())]),
        CheckScope::Batch => tf(
            lang,
            "net.check.of-batch",
            &[("n", &ins.examples.to_string())],
        ),
    };
    let relative = (c.central - c.backprop).abs()
        / c.central.abs().max(c.backprop.abs()).max(f64::MIN_POSITIVE);
    let value = |key: &str, v: String| tf(lang, key, &[("p", &p), ("v", &v)]);
    vec![
        scope,
        tf(
            lang,
            "net.check.loss",
            &[("l", &long(c.loss)), ("p", &p), ("theta", &theta)],
        ),
        tf(
            lang,
            "net.check.plus",
            &[("l", &long(c.loss_plus)), ("h", &h)],
        ),
        tf(lang, "net.check.minus", &[("l", &long(c.loss_minus))]),
        tf(
            lang,
            "net.check.forward",
            &[
                ("lp", &long(c.loss_plus)),
                ("l", &paren_sig(c.loss, LOSS_DIGITS)),
                ("hp", &paren_sig(c.h, LONG)),
                ("v", &fmt_sig(c.forward, LONG)),
            ],
        ),
        value("net.check.central", fmt_sig(c.central, LONG)),
        value("net.check.backprop", fmt_sig(c.backprop, LONG)),
        tf(lang, "net.check.agree", &[("rel", &fmt_sig(relative, 2))]),
    ]
}
