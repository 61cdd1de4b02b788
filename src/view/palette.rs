//! The lab's colours, shared by every drawing so the page reads as one piece.
//! Sign convention everywhere: blue = positive, orange = negative (as in
//! TensorFlow Playground), grey = not yet computed.

use plotters::style::RGBColor;

/// Page background of the canvases.
pub const BACKGROUND: RGBColor = RGBColor(255, 255, 255);
/// Main ink for text and axes.
pub const INK: RGBColor = RGBColor(33, 37, 41);
/// Secondary text, grid lines and not-yet-computed things.
pub const MUTED: RGBColor = RGBColor(134, 142, 150);
/// Faint fills (inactive layers, grid).
pub const FAINT: RGBColor = RGBColor(233, 236, 239);
/// Positive values.
pub const POSITIVE: RGBColor = RGBColor(37, 99, 235);
/// Negative values.
pub const NEGATIVE: RGBColor = RGBColor(234, 88, 12);
/// The layer or point being computed now (forward pass).
pub const FORWARD: RGBColor = RGBColor(22, 163, 74);
/// The layer being computed now (backward pass).
pub const BACKWARD: RGBColor = RGBColor(192, 38, 211);
/// Curves (parabola, loss history).
pub const CURVE: RGBColor = RGBColor(71, 85, 105);
/// Alerts (divergence).
pub const ALERT: RGBColor = RGBColor(220, 38, 38);

/// Colour for a signed value: [`POSITIVE`] or [`NEGATIVE`] (zero counts as positive).
pub fn signed(v: f64) -> RGBColor {
    if v < 0.0 {
        NEGATIVE
    } else {
        POSITIVE
    }
}

/// Mix `c` towards white: `t = 0` keeps `c`, `t = 1` gives white.
pub fn lighten(c: RGBColor, t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let mix = |x: u8| (x as f64 + (255.0 - x as f64) * t).round() as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// The Update phase (every parameter moves).
pub const UPDATE: RGBColor = RGBColor(13, 148, 136);
/// The element under the pointer (a highlighter-pen yellow, distinct from the sign colours).
pub const HOVER: RGBColor = RGBColor(250, 204, 21);

/// The path of the descent iterates and their dots.
pub const PATH: RGBColor = RGBColor(79, 70, 229);
/// The tangent at the current descent iterate.
pub const TANGENT: RGBColor = RGBColor(217, 119, 6);

/// The thin dark line inside a cell's frame, for contrast on light pictures.
pub const FRAME_INNER: RGBColor = RGBColor(17, 24, 39);
/// Veils the part of the original picture outside the crop square (with [`VEIL_ALPHA`]).
pub const VEIL: RGBColor = BACKGROUND;
/// Opacity of [`VEIL`].
pub const VEIL_ALPHA: f64 = 0.6;

/// A colour as CSS text (`#rrggbb`), for canvases painted without plotters.
pub fn css(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// A colour with an opacity as CSS text (`rgba(r, g, b, a)`).
pub fn css_alpha(c: RGBColor, alpha: f64) -> String {
    format!("rgba({}, {}, {}, {alpha})", c.0, c.1, c.2)
}
