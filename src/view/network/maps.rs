//! The neurons' heat maps in data mode: what each neuron computes over the plane
//! [−6, 6]², read from the one `Grid` of `Trainer::predict_grid` the data plot's
//! boundary also uses, on the Playground's orange–blue scale ([`scale_rgba`]).
//! Pure: values in, RGBA for `ImageData` out; the web layer blits it into the
//! neurons' squares (all small maps as one strip, [`paint_strip`]) and into the enlarged map.

use crate::engine::activation::Activation;
use crate::engine::data::Feature;
use crate::engine::mlp::Mlp;
use crate::engine::trainer::Grid;
use crate::view::network::boundary::{scale_rgba, table_rgba};
use crate::view::network::NodeRef;

/// How a neuron's value v becomes a point of the diverging scale's [−1, 1]
/// (−1 orange, 0 grey, +1 blue).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapScale {
    /// tanh, identity and the output's score: v itself, clamped to [−1, 1].
    Signed,
    /// sigmoid, ReLU and softmax, whose values start at 0: [0, 1] stretched onto the
    /// scale, `2·clamp(v, 0, 1) − 1` (0 orange, ½ grey, 1 blue; ReLU above 1 stays blue).
    Unit,
    /// An input feature: `v / m` with m > 0 its largest |v| over the plane, so 0 stays
    /// grey and the feature's extremes are the scale's ends (x₁: m = 6, x₁²: m = 36).
    Peak(f64),
}

impl MapScale {
    /// The scale of a neuron computing `act`.
    pub fn of(act: Activation) -> MapScale {
        match act {
            Activation::Tanh | Activation::Identity => MapScale::Signed,
            Activation::Sigmoid | Activation::Relu | Activation::Softmax => MapScale::Unit,
        }
    }

    /// The scale of an input feature's `values`: [`MapScale::Peak`] of their largest
    /// magnitude (1 when they are all 0 or not finite).
    pub fn peak(values: &[f64]) -> MapScale {
        let m = values
            .iter()
            .filter(|v| v.is_finite())
            .fold(0.0_f64, |m, v| m.max(v.abs()));
        MapScale::Peak(if m > 0.0 { m } else { 1.0 })
    }

    /// Where `v` falls on [−1, 1] (NaN stays NaN: [`table_rgba`] paints it grey).
    #[inline(always)]
    pub fn apply(self, v: f64) -> f64 {
        match self {
            MapScale::Signed => v.clamp(-1.0, 1.0),
            MapScale::Unit => 2.0 * v.clamp(0.0, 1.0) - 1.0,
            MapScale::Peak(m) => (v / m).clamp(-1.0, 1.0),
        }
    }

    /// The i18n key of the line that explains the scale (`{m}`: the peak).
    pub fn legend_key(self) -> &'static str {
        match self {
            MapScale::Signed => "net.map.signed",
            MapScale::Unit => "net.map.unit",
            MapScale::Peak(_) => "net.map.peak",
        }
    }
}

/// A neuron's values over the grid (`n × n`, row 0 at the top) and their scale: an
/// input's feature values, a hidden neuron's activations, a single output's score
/// (the boundary's values), each output of several by its activation. `None` for a
/// neuron the grid or the network does not have.
pub fn neuron_map<'g>(grid: &'g Grid, mlp: &Mlp, node: NodeRef) -> Option<(&'g [f64], MapScale)> {
    let values = grid.layers.get(node.layer)?.get(node.index)?;
    if node.layer == 0 {
        return Some((values, MapScale::peak(values)));
    }
    let layer = mlp.layers.get(node.layer - 1)?;
    let is_output = node.layer == mlp.layers.len();
    if is_output && layer.biases.len() == 1 {
        return Some((&grid.score, MapScale::Signed));
    }
    Some((values, MapScale::of(layer.activation)))
}

/// Side of a map that takes every `step`-th point of an `n × n` grid: ⌈n / step⌉.
pub fn sampled_side(n: usize, step: usize) -> usize {
    n.div_ceil(step.max(1))
}

/// RGBA (full colour, opaque) of the `n × n` `values` on `scale`, taking every
/// `step`-th point of every `step`-th row: `sampled_side(n, step)²` pixels.
pub fn map_rgba(values: &[f64], n: usize, step: usize, scale: MapScale) -> Vec<u8> {
    let side = sampled_side(n, step);
    let mut rgba = vec![0; side * side * 4];
    paint_map(&mut rgba, side * 4, (values, n, step), scale);
    rgba
}

/// Writes the sampled map of `values` (`n × n`, every `step`-th point) into `out`,
/// whose rows are `stride` bytes apart (a strip holds several maps side by side).
fn paint_map(out: &mut [u8], stride: usize, map: (&[f64], usize, usize), scale: MapScale) {
    // One loop per scale, so the scale's case is not decided again at each point.
    match scale {
        MapScale::Signed => paint_with(out, stride, map, |v| MapScale::Signed.apply(v)),
        MapScale::Unit => paint_with(out, stride, map, |v| MapScale::Unit.apply(v)),
        MapScale::Peak(m) => paint_with(out, stride, map, |v| MapScale::Peak(m).apply(v)),
    }
}

/// [`paint_map`] with the scale's `place`; a missing row or point is grey (NaN).
fn paint_with(
    out: &mut [u8],
    stride: usize,
    (values, n, step): (&[f64], usize, usize),
    place: impl Fn(f64) -> f64,
) {
    let (table, step) = (scale_rgba(), step.max(1));
    let side = sampled_side(n, step);
    for (row, i) in (0..n).step_by(step).enumerate() {
        let src = values.get(i * n..(i + 1) * n).unwrap_or_default();
        let line = out.get_mut(row * stride..).unwrap_or_default();
        let points = src.iter().step_by(step).chain(std::iter::repeat(&f64::NAN));
        for (px, &v) in line.chunks_exact_mut(4).take(side).zip(points) {
            px.copy_from_slice(&table_rgba(table, place(v)));
        }
    }
}

/// Every neuron's small map side by side in `strip`, `side` high and
/// `nodes.len()·side` wide (neuron t at x = t·side), so one `putImageData` serves
/// the whole diagram. The inputs' maps (their features over the plane, which no
/// weight changes) are painted only when `inputs` or when the strip is new or of
/// another size. A neuron without a map is left grey.
pub fn paint_strip(
    strip: &mut Vec<u8>,
    grid: &Grid,
    mlp: &Mlp,
    nodes: &[NodeRef],
    step: usize,
    inputs: bool,
) {
    let side = sampled_side(grid.n, step);
    let stride = nodes.len() * side * 4;
    let fresh = strip.len() != stride * side;
    if fresh {
        *strip = vec![0; stride * side];
    }
    for (t, &node) in nodes.iter().enumerate() {
        if node.layer == 0 && !(inputs || fresh) {
            continue;
        }
        let (values, scale) = neuron_map(grid, mlp, node).unwrap_or((&[], MapScale::Signed));
        let out = strip.get_mut(t * side * 4..).unwrap_or_default();
        paint_map(out, stride, (values, grid.n, step), scale);
    }
}

/// The feature's symbol as the Playground writes it: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂.
pub fn feature_symbol(f: Feature) -> &'static str {
    match f {
        Feature::X1 => "x₁",
        Feature::X2 => "x₂",
        Feature::X1Squared => "x₁²",
        Feature::X2Squared => "x₂²",
        Feature::X1X2 => "x₁x₂",
        Feature::SinX1 => "sin x₁",
        Feature::SinX2 => "sin x₂",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_range_lands_on_the_scale() {
        // tanh: −0.5 is halfway to orange; identity 3 saturates at blue.
        assert_eq!(MapScale::of(Activation::Tanh).apply(-0.5), -0.5);
        assert_eq!(MapScale::of(Activation::Identity).apply(3.0), 1.0);
        // sigmoid ½ is grey, 0.75 is halfway to blue; ReLU 0 (off) is orange, 4 is blue.
        assert_eq!(MapScale::of(Activation::Sigmoid).apply(0.5), 0.0);
        assert_eq!(MapScale::of(Activation::Sigmoid).apply(0.75), 0.5);
        assert_eq!(MapScale::of(Activation::Relu).apply(0.0), -1.0);
        assert_eq!(MapScale::of(Activation::Relu).apply(4.0), 1.0);
        // x₁² over the plane peaks at 36: 9 is a quarter of the way to blue.
        let scale = MapScale::peak(&[0.0, 9.0, 36.0, f64::NAN]);
        assert_eq!(scale, MapScale::Peak(36.0));
        assert_eq!(scale.apply(9.0), 0.25);
        assert_eq!(MapScale::peak(&[0.0, 0.0]), MapScale::Peak(1.0));
    }

    #[test]
    fn a_small_grid_becomes_its_pixels() {
        // 3 × 3 tanh values, every second point: (0,0), (0,2), (2,0), (2,2) → 2 × 2.
        let values = [-1.0, 9.0, 0.0, 9.0, 9.0, 9.0, 1.0, 9.0, 0.5];
        assert_eq!(sampled_side(3, 2), 2);
        let rgba = map_rgba(&values, 3, 2, MapScale::Signed);
        // −1 orange, 0 grey, +1 blue, ½: (232 + 8)/2 = 120, (234 + 119)/2 → 177, (235 + 189)/2 = 212.
        let want = [
            245, 147, 34, 255, 232, 234, 235, 255, 8, 119, 189, 255, 120, 177, 212, 255,
        ];
        assert_eq!(rgba, want);
    }

    #[test]
    fn the_strip_puts_neuron_t_at_column_t() {
        let mlp = Mlp::preset(crate::engine::mlp::Preset::TutorialRegression);
        // 2 × 2 grid; input x₁ (peak 2), hidden sigmoid h₁, output's score.
        let grid = Grid {
            n: 2,
            layers: vec![
                vec![vec![-2.0, 2.0, -2.0, 2.0], vec![0.0; 4]],
                vec![vec![0.5, 1.0, 0.0, 0.5], vec![0.0; 4]],
                vec![vec![0.0; 4]],
            ],
            score: vec![1.0, 1.0, -1.0, -1.0],
        };
        let nodes = [
            NodeRef { layer: 0, index: 0 },
            NodeRef { layer: 1, index: 0 },
        ];
        // A new strip paints the inputs too, though they are not asked for.
        let mut strip = Vec::new();
        paint_strip(&mut strip, &grid, &mlp, &nodes, 1, false);
        // Row 0 (4 px wide): x₁ = −2 → orange, 2 → blue; h₁ = ½ → grey, 1 → blue.
        assert_eq!(&strip[0..4], &[245, 147, 34, 255]);
        assert_eq!(&strip[4..8], &[8, 119, 189, 255]);
        assert_eq!(&strip[8..12], &[232, 234, 235, 255]);
        assert_eq!(&strip[12..16], &[8, 119, 189, 255]);
        // Row 1, h₁ = 0 → orange (sigmoid's 0 is the scale's −1).
        assert_eq!(&strip[24..28], &[245, 147, 34, 255]);
        let out = NodeRef { layer: 2, index: 0 };
        let (values, scale) = neuron_map(&grid, &mlp, out).unwrap_or((&[], MapScale::Unit));
        assert_eq!((values, scale), (&grid.score[..], MapScale::Signed));
        // Painted again without `inputs`: x₁'s map stays, h₁'s follows its values.
        let mut moved = grid.clone();
        moved.layers[0][0] = vec![2.0, -2.0, 2.0, -2.0];
        moved.layers[1][0] = vec![1.0; 4];
        paint_strip(&mut strip, &moved, &mlp, &nodes, 1, false);
        assert_eq!(&strip[0..4], &[245, 147, 34, 255]);
        assert_eq!(&strip[8..12], &[8, 119, 189, 255]);
        paint_strip(&mut strip, &moved, &mlp, &nodes, 1, true);
        assert_eq!(&strip[0..4], &[8, 119, 189, 255]);
    }
}
