//! The learner's own points as text: one `x1,x2,label` per line (commas,
//! semicolons, tabs or spaces between the numbers). A first line that is not
//! numbers is taken as a header; blank lines and lines starting with `#` are
//! skipped. A bad line is named by its 1-based number and the rest still loads.

use super::Example;
use crate::engine::train_error::TrainError;

/// What a CSV text gave: the points read, and one error per line that could not be.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvRead {
    /// The points of the good lines, in file order.
    pub examples: Vec<Example>,
    /// One `TrainError::CsvLine { line, problem }` per bad line, in file order.
    pub errors: Vec<TrainError>,
}

/// Reads `x1,x2,label` lines (see the module header). Coordinates and labels must be
/// finite; whether a label fits the loss is checked when training starts.
pub fn parse_csv(text: &str) -> CsvRead {
    let mut read = CsvRead::default();
    let mut seen_data = false;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_line(line) {
            Ok(example) => read.examples.push(example),
            Err(_) if !seen_data && read.errors.is_empty() && looks_like_header(line) => {}
            Err(problem) => read.errors.push(TrainError::CsvLine {
                line: i + 1,
                problem,
            }),
        }
        seen_data = true;
    }
    read
}

fn looks_like_header(line: &str) -> bool {
    line.chars().any(|c| c.is_alphabetic())
}

fn parse_line(line: &str) -> Result<Example, &'static str> {
    let fields: Vec<&str> = line
        .split([',', ';', '\t', ' '])
        .filter(|f| !f.is_empty())
        .collect();
    if fields.len() != 3 {
        return Err("expected three numbers x1, x2, label");
    }
    let mut v = [0.0; 3];
    for (slot, field) in v.iter_mut().zip(&fields) {
        *slot = field.parse::<f64>().map_err(|_| "not a number")?;
        if !slot.is_finite() {
            return Err("not a finite number");
        }
    }
    Ok(Example {
        x: [v[0], v[1]],
        label: v[2],
    })
}
