//! # Backprop Lab (反向传播实验室)
//!
//! Watch a neural network compute and learn, one step at a time.
//!
//! Layers (imports point one way: `engine ← app ← web`, `engine ← view ← web`):
//! - [`engine`]: the maths in f64 — activations, losses, the MLP and its presets,
//!   the phase-by-phase trainer, 1-D gradient descent. Pure Rust, tested natively.
//! - [`i18n`]: every visible string, one table per language (zh, en).
//! - [`app`]: the page's controller — state, commands, timing. Pure Rust.
//! - [`view`]: drawings and texts that only read snapshots (plotters backends).
//! - `web` (wasm32 only): DOM, canvas, the animation-frame loop and the JS API.

pub mod app;
pub mod engine;
pub mod i18n;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
