//! The heights of an arrangement's vertices: each column stacked, then every
//! vertex pulled towards the mean height of its neighbours, so edges run as
//! straight as the order of the columns allows (the order never changes, so the
//! barycenter sweeps' crossing count stays what it was).

use crate::view::graph::order::Arrangement;

/// Room a waypoint takes in a column, in node heights.
const WAYPOINT: f64 = 0.4;
/// Rounds of straightening (each sweeps every column).
const ROUNDS: usize = 12;

impl Arrangement {
    /// Heights: each column stacked, then moved towards the mean height of each
    /// vertex's neighbours, keeping the order and the gaps ([`fit_in_order`]).
    pub(crate) fn straighten(&mut self) {
        for column in &self.columns {
            let mut y = 0.0;
            for (i, &v) in column.iter().enumerate() {
                if i > 0 {
                    y += self.gap(column[i - 1], v);
                }
                self.vertices[v].y = y;
            }
        }
        self.centre_columns();
        for round in 0..ROUNDS {
            for k in 0..self.columns.len() {
                let k = if round % 2 == 0 {
                    k
                } else {
                    self.columns.len() - 1 - k
                };
                self.pull_column(k);
            }
        }
        let top = self
            .vertices
            .iter()
            .map(|v| v.y)
            .fold(f64::INFINITY, f64::min);
        if top.is_finite() {
            for v in &mut self.vertices {
                v.y -= top;
            }
        }
    }

    /// The distance two neighbours of a column keep between their centres.
    fn gap(&self, a: usize, b: usize) -> f64 {
        let size = |v: usize| {
            if self.vertices[v].node.is_some() {
                1.0
            } else {
                WAYPOINT
            }
        };
        (size(a) + size(b)) / 2.0
    }

    /// Every column centred on the tallest one's middle.
    fn centre_columns(&mut self) {
        let spans: Vec<f64> = self
            .columns
            .iter()
            .map(|c| c.last().map_or(0.0, |&v| self.vertices[v].y))
            .collect();
        let tallest = spans.iter().copied().fold(0.0, f64::max);
        for (column, span) in self.columns.iter().zip(spans) {
            for &v in column {
                self.vertices[v].y += (tallest - span) / 2.0;
            }
        }
    }

    fn pull_column(&mut self, k: usize) {
        let column = self.columns[k].clone();
        let desired: Vec<f64> = column
            .iter()
            .map(|&v| {
                let mut near = self.neighbours(v, true);
                near.extend(self.neighbours(v, false));
                if near.is_empty() {
                    self.vertices[v].y
                } else {
                    near.iter().map(|&n| self.vertices[n].y).sum::<f64>() / near.len() as f64
                }
            })
            .collect();
        let gaps: Vec<f64> = (0..column.len())
            .map(|i| {
                if i == 0 {
                    0.0
                } else {
                    self.gap(column[i - 1], column[i])
                }
            })
            .collect();
        for (&v, y) in column.iter().zip(fit_in_order(&desired, &gaps)) {
            self.vertices[v].y = y;
        }
    }
}

/// The heights closest (least squares) to `desired` that keep their order with at
/// least `gaps[i]` between item i − 1 and item i. With `G_i = Σ_{j≤i} gaps_j`,
/// `y_i − G_i` must be non-decreasing: pool-adjacent-violators on `desired_i − G_i`.
pub(crate) fn fit_in_order(desired: &[f64], gaps: &[f64]) -> Vec<f64> {
    let offsets: Vec<f64> = gaps
        .iter()
        .scan(0.0, |sum, g| {
            *sum += g;
            Some(*sum)
        })
        .collect();
    // Blocks of (mean, count) of z_i = desired_i − G_i.
    let mut blocks: Vec<(f64, usize)> = Vec::new();
    for (d, g) in desired.iter().zip(&offsets) {
        blocks.push((d - g, 1));
        while blocks.len() > 1 {
            let (m2, n2) = blocks[blocks.len() - 1];
            let (m1, n1) = blocks[blocks.len() - 2];
            if m1 <= m2 {
                break;
            }
            blocks.truncate(blocks.len() - 2);
            let n = n1 + n2;
            blocks.push(((m1 * n1 as f64 + m2 * n2 as f64) / n as f64, n));
        }
    }
    let z = blocks
        .iter()
        .flat_map(|&(m, n)| std::iter::repeat(m).take(n));
    z.zip(&offsets).map(|(z, g)| z + g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_keeps_order_and_gaps() {
        let y = fit_in_order(&[0.0, 0.0, 0.0], &[0.0, 1.0, 1.0]);
        assert_eq!(y, vec![-1.0, 0.0, 1.0]);
        let y = fit_in_order(&[0.0, 5.0], &[0.0, 1.0]);
        assert_eq!(y, vec![0.0, 5.0]);
        let y = fit_in_order(&[3.0, 0.0], &[0.0, 1.0]);
        assert_eq!(y, vec![1.0, 2.0]);
    }
}
