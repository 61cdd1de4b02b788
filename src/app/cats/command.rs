//! What a learner can ask of the cat lab ([`CatCommand`]; files arrive through
//! the controller's methods) and the answer to "is it a cat?" ([`Prediction`]).

use crate::app::message::Message;
use crate::engine::cats::{Init, Layers};
use crate::engine::image::{Order, Picture};

use super::data::Set;
use super::input::Pointer;
use super::run::ModelKind;

/// Everything a learner can ask of the cat lab (files arrive through methods).
#[derive(Clone, Debug, PartialEq)]
pub enum CatCommand {
    /// The drawn demo set with this seed becomes the data.
    LoadDemo(u64),
    /// Forget the learner's own pictures.
    ClearOwn,
    /// Show the next of the drawn sample pictures in the input layer.
    NextSample,
    /// Show picture `index` of a set in the input layer.
    Inspect(Set, usize),
    /// Unroll the vector in this order.
    SetOrder(Order),
    /// Show values ÷ 255.
    SetScaled(bool),
    /// The pointer is over a pixel or a vector cell.
    Point(Pointer),
    /// Choose the model (its course settings are filled in).
    SetModel(ModelKind),
    /// Learning rate α.
    SetRate(f64),
    /// Iterations.
    SetIterations(usize),
    /// The hidden layers' sizes.
    SetHidden(Layers),
    /// How the hidden model's weights start.
    SetInit(Init),
    /// The seed of the lab's own initialisation.
    SetSeed(u64),
    /// Start a new run with the current settings.
    Train,
    /// Pause the run.
    Pause,
    /// Continue a paused run.
    Resume,
    /// End the run early, keeping the model.
    Stop,
    /// Show this message (a typed setting that was refused before reaching the lab).
    Refuse(Message),
    /// Close the messages.
    Dismiss,
}

/// The p(cat) of a picture the learner dropped on the predict box.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// File name.
    pub name: String,
    /// The 64×64 picture the model saw.
    pub picture: Picture,
    /// p(cat) in [0, 1].
    pub p_cat: f64,
}
