//! Tab ③'s pictures and texts: the input layer (channel images, the vector strip,
//! pixel ↔ index geometry and their texts) and the cat recognizer (the cost curve,
//! the run's texts).

pub mod cost;
pub mod pixels;
pub mod pixels_text;
pub mod table;
pub mod text;
