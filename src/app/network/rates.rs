//! The stops of the learning-rate sliders, the play speeds, and how fine the
//! plane's grid is while playing.
//!
//! A log slider whose positions are `10^(k/n)` can never land on exactly 2, and
//! the regimes at r = 1 (one step) and r = 2 (bouncing) are the lesson, so the
//! slider walks a list of "nice" decimal values instead: 1, 1.2, 1.5, 1.8, 2,
//! 2.5, 3, 4, … in every decade. Each value is parsed from its decimal text, so
//! `0.0012` is the f64 nearest to 0.0012 and `1` and `2` are exact.

/// Mantissas of the stops in each decade (roughly even on a log scale).
const MANTISSAS: [&str; 13] = [
    "1", "1.2", "1.5", "1.8", "2", "2.5", "3", "4", "5", "6", "7", "8", "9",
];

/// The slider's stops from `min` to `max` inclusive (both should be stops themselves,
/// e.g. 0.001 and 3), ascending.
pub fn rate_stops(min: f64, max: f64) -> Vec<f64> {
    let (lo, hi) = (min.log10().floor() as i32, max.log10().ceil() as i32);
    (lo..=hi)
        .flat_map(|e| MANTISSAS.iter().map(move |m| format!("{m}e{e}")))
        .filter_map(|s| s.parse::<f64>().ok())
        .filter(|&r| r >= min * (1.0 - 1e-12) && r <= max * (1.0 + 1e-12))
        .collect()
}

/// The descent view's slider: 0.001 … 3.
pub fn descent_stops() -> Vec<f64> {
    rate_stops(0.001, 3.0)
}

/// The network's learning-rate slider: 0.001 … 50 (high enough to make it explode).
pub fn network_stops() -> Vec<f64> {
    rate_stops(0.001, 50.0)
}

/// Index of the stop nearest to `r` on a log scale (0 for non-positive `r`).
pub fn nearest_stop(stops: &[f64], r: f64) -> usize {
    if r.is_nan() || r <= 0.0 {
        return 0;
    }
    let target = r.ln();
    stops
        .iter()
        .enumerate()
        .min_by(|a, b| {
            let da = (a.1.ln() - target).abs();
            let db = (b.1.ln() - target).abs();
            da.total_cmp(&db)
        })
        .map(|(i, _)| i)
        .unwrap_or(0)
}

/// Play speeds, in phases per second; the last runs many phases per frame.
pub const SPEEDS: [f64; 8] = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 600.0];

/// On a data set, the speeds from this index on play whole epochs each frame
/// (the fast path), [`EPOCHS_PER_FRAME`] of them, and the top speed as many as
/// fit in [`EPOCH_BUDGET_MS`]; the slower ones play phases.
pub const EPOCH_SPEEDS_FROM: usize = 4;

/// Epochs per frame of the speeds from [`EPOCH_SPEEDS_FROM`] on, below the top speed.
pub const EPOCHS_PER_FRAME: [usize; 3] = [1, 3, 10];

/// At the top speed a frame trains epochs until this many milliseconds are used
/// (at least one epoch), so a deep network keeps its frames short.
pub const EPOCH_BUDGET_MS: f64 = 2.0;

/// Most epochs one frame of the top speed runs, however fast they are.
pub const MAX_EPOCHS_PER_FRAME: usize = 1000;

/// How many epochs a frame of play on a data set runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EpochPace {
    /// This many.
    Fixed(usize),
    /// As many as fit in [`EPOCH_BUDGET_MS`] by the App's clock (one without a clock).
    Budget,
}

/// The default speed's index into [`SPEEDS`] (4 phases per second).
pub const DEFAULT_SPEED: usize = 2;

/// Points per side of the plane's grid (the boundary and the neurons' maps) when
/// the network stands still.
pub const GRID: usize = 100;

/// While Play runs, the grid costs at most about this many multiply-adds a point on
/// `GRID × GRID` points (the Playground's default [2, 4, 2, 1] needs 18).
const PLAY_WORK: f64 = 100.0;

/// The fewest points per side while playing: the boundary still reads at 40.
const MIN_PLAY_GRID: usize = 40;

/// Points per side of the grid for a network of `sizes` (input first): [`GRID`] when
/// still; while `playing`, fewer on a big network, so that computing it stays within
/// [`PLAY_WORK`] multiply-adds a point of the full grid (the grid is redone every
/// frame then; a pause draws it fine again). 6 hidden layers of 8 (344 a point) play at 54.
pub fn grid_side(sizes: &[usize], playing: bool) -> usize {
    let work: usize = sizes.windows(2).map(|w| w[0] * w[1]).sum();
    if !playing || work as f64 <= PLAY_WORK {
        return GRID;
    }
    let side = GRID as f64 * (PLAY_WORK / work as f64).sqrt();
    (side.round() as usize).clamp(MIN_PLAY_GRID, GRID)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descent_stops_span_the_range_and_hit_one_and_two_exactly() {
        let stops = descent_stops();
        assert_eq!(stops.first().copied(), Some(0.001));
        assert_eq!(stops.last().copied(), Some(3.0));
        assert!(stops.contains(&1.0) && stops.contains(&2.0) && stops.contains(&1.5));
        assert!(stops.contains(&0.01) && stops.contains(&0.5) && stops.contains(&2.5));
        assert!(stops.windows(2).all(|w| w[0] < w[1]));
        // Neighbouring stops are never more than a factor 1.34 apart (4/3 is the widest).
        assert!(stops.windows(2).all(|w| w[1] / w[0] <= 1.34));
    }

    #[test]
    fn nearest_stop_finds_exact_values_and_rounds_others() {
        let stops = descent_stops();
        assert_eq!(stops[nearest_stop(&stops, 2.0)], 2.0);
        assert_eq!(stops[nearest_stop(&stops, 0.31)], 0.3);
        assert_eq!(stops[nearest_stop(&stops, 100.0)], 3.0);
        assert_eq!(nearest_stop(&stops, -1.0), 0);
        assert_eq!(nearest_stop(&stops, f64::NAN), 0);
    }

    #[test]
    fn network_stops_reach_fifty() {
        let stops = network_stops();
        assert_eq!(stops.last().copied(), Some(50.0));
        assert!(stops.contains(&0.5));
    }

    #[test]
    fn the_grid_is_coarser_only_for_a_big_network_at_play() {
        let default = [2, 4, 2, 1];
        assert_eq!(grid_side(&default, true), GRID);
        let deep = [2, 8, 8, 8, 8, 8, 8, 1];
        // 16 + 5·64 + 8 = 344 multiply-adds a point: 100·√(100/344) = 53.9 → 54.
        assert_eq!(grid_side(&deep, true), 54);
        assert_eq!(grid_side(&deep, false), GRID);
        // 7 features into 6 layers of 16: 112 + 5·256 + 16 = 1408 → 26.6, held at 40.
        let widest = [7, 16, 16, 16, 16, 16, 16, 1];
        assert_eq!(grid_side(&widest, true), MIN_PLAY_GRID);
    }
}
