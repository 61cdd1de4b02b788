//! Paths as a backend strokes them, in integer pixels: the points of a polyline
//! that change nothing of its stroke can be left out (a long chart line has
//! many repeats and straight runs once it flattens).

/// A backend pixel (x, y).
pub type Point = (i32, i32);

/// `path` without repeated points and without the inner points of straight runs
/// (a point on the segment between its neighbours, going the same way).
pub fn straightened(path: impl IntoIterator<Item = Point>) -> Vec<Point> {
    let mut kept: Vec<Point> = Vec::new();
    for p in path {
        match kept.as_slice() {
            [.., last] if *last == p => continue,
            [.., a, b] if on_the_way(*a, *b, p) => {
                if let Some(b) = kept.last_mut() {
                    *b = p;
                }
            }
            _ => kept.push(p),
        }
    }
    kept
}

/// Whether `b` lies on the straight way from `a` to `c`, ahead of `a` and before `c`
/// (the cross product is 0 and `b − a`, `c − b` point the same way).
fn on_the_way(a: Point, b: Point, c: Point) -> bool {
    let (u, v) = (
        (i64::from(b.0 - a.0), i64::from(b.1 - a.1)),
        (i64::from(c.0 - b.0), i64::from(c.1 - b.1)),
    );
    u.0 * v.1 == u.1 * v.0 && u.0 * v.0 + u.1 * v.1 > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_and_straight_runs_go_corners_stay() {
        let flat = [
            (0, 5),
            (0, 5),
            (1, 5),
            (1, 5),
            (2, 5),
            (3, 5),
            (3, 7),
            (3, 9),
            (4, 8),
        ];
        assert_eq!(straightened(flat), vec![(0, 5), (3, 5), (3, 9), (4, 8)]);
        // a diagonal run is one segment; a turn back is kept (it is not on the way)
        assert_eq!(straightened([(0, 0), (2, 2), (4, 4)]), vec![(0, 0), (4, 4)]);
        assert_eq!(
            straightened([(0, 0), (4, 0), (2, 0)]),
            vec![(0, 0), (4, 0), (2, 0)]
        );
        // a corner that is not collinear
        assert_eq!(
            straightened([(0, 0), (1, 2), (2, 3)]),
            vec![(0, 0), (1, 2), (2, 3)]
        );
        assert_eq!(straightened([(1, 1)]), vec![(1, 1)]);
        assert!(straightened([]).is_empty());
    }
}
