//! # Backprop Lab (反向传播实验室)
//!
//! Watch a neural network compute and learn, one step at a time.
//!
//! Layers — imports point one way, `engine ← app ← view ← web`, and `i18n` (the
//! string tables) is used by app, view and web; `tests/layers.rs` fails on a
//! `crate::…` path against this order:
//! - [`engine`]: the maths in f64, pure Rust, tested natively — activations,
//!   losses, the MLP and its presets, the phase-by-phase trainer, 1-D gradient
//!   descent; `engine::graph` (expressions, the computational graph, its stepping,
//!   nudges and chain-rule paths), `engine::image` (a picture as 12288 numbers:
//!   header sniffing, centre crop, resampling, both flatten orders) and
//!   `engine::cats` (the course's HDF5 reader, the drawn demo set, logistic and
//!   hidden-layer trainers).
//! - [`i18n`]: every visible string, one table per language (zh, en).
//! - [`app`]: the page's controller, pure Rust — one `App` owning every lab
//!   (`app::network`, `app::graph`, `app::cats`), the tab, the language and the
//!   link (`app::link`); what the learner is told (`app::message`).
//! - [`view`]: drawings and texts that only read snapshots (plotters backends),
//!   one folder per lab (`view::network`, `view::descent`, `view::graph`,
//!   `view::cats`) and the one renderer of messages (`view::message`).
//! - `web` (wasm32 only): the one runner and its frames, DOM, canvases, each
//!   lab's listeners and panels (`web::network`, `web::graph`, `web::cats`) and the
//!   JS API.

pub mod app;
pub mod engine;
pub mod i18n;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
