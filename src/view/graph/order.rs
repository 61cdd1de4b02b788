//! Where the nodes of a computational graph go, in grid units (no pixels yet):
//! columns by the longest path from the inputs (each variable or constant one
//! column before its first use), a waypoint in every column an edge passes over,
//! and the order within each column by barycenter sweeps that remove crossings.
//! The heights that straighten the edges are in `graph_straighten`.

/// Sweeps of the barycenter heuristic (each down and up).
const SWEEPS: usize = 12;

/// A place in the grid: a node of the graph, or a waypoint of an edge.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Vertex {
    /// Column (0 = left).
    pub column: usize,
    /// The graph node it stands for; `None` for a waypoint of an edge.
    pub node: Option<usize>,
    /// Height in grid units (1 = a node's height plus its gap); the top is 0.
    pub y: f64,
}

/// The arrangement of a graph: vertices (nodes first, in id order, then waypoints),
/// each edge's chain of vertices, and the top-to-bottom order of each column.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Arrangement {
    pub vertices: Vec<Vertex>,
    /// For each edge: vertex ids from its source node through its waypoints to its target.
    pub routes: Vec<Vec<usize>>,
    /// For each column: vertex ids, top first.
    pub columns: Vec<Vec<usize>>,
}

impl Arrangement {
    /// Arranges nodes given by their inputs (`inputs[i]`: ids of node i's inputs,
    /// every id smaller than i) and the edges `(from, to)`.
    pub fn new(inputs: &[Vec<usize>], edges: &[(usize, usize)]) -> Arrangement {
        let columns = node_columns(inputs);
        let mut vertices: Vec<Vertex> = columns
            .iter()
            .enumerate()
            .map(|(i, &column)| Vertex {
                column,
                node: Some(i),
                y: 0.0,
            })
            .collect();
        let routes = edges
            .iter()
            .map(|&(from, to)| route(&mut vertices, from, to))
            .collect();
        let width = vertices.iter().map(|v| v.column + 1).max().unwrap_or(0);
        let mut by_column = vec![Vec::new(); width];
        for (id, v) in vertices.iter().enumerate() {
            by_column[v.column].push(id);
        }
        let mut arrangement = Arrangement {
            vertices,
            routes,
            columns: by_column,
        };
        arrangement.order();
        arrangement.straighten();
        arrangement
    }

    /// Pairs of vertices joined by a segment, left end first.
    pub fn links(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.routes
            .iter()
            .flat_map(|r| r.windows(2).map(|w| (w[0], w[1])))
    }

    /// How many pairs of segments cross (between each pair of neighbouring columns).
    pub fn crossings(&self) -> usize {
        let rank = self.ranks();
        (0..self.columns.len())
            .map(|k| self.gap_crossings(k, &rank))
            .sum()
    }

    /// Crossings between column `k` and column `k + 1`: two segments cross when
    /// their ends are in opposite orders in the two columns.
    fn gap_crossings(&self, k: usize, rank: &[usize]) -> usize {
        let links: Vec<(usize, usize)> = self
            .links()
            .filter(|&(a, _)| self.vertices[a].column == k)
            .map(|(a, b)| (rank[a], rank[b]))
            .collect();
        let mut count = 0;
        for (i, &(a, b)) in links.iter().enumerate() {
            count += links[i + 1..]
                .iter()
                .filter(|&&(c, d)| (a < c && b > d) || (a > c && b < d))
                .count();
        }
        count
    }

    /// Swaps neighbours within a column while that removes crossings on either side
    /// of it (the sweeps leave some that a single swap undoes).
    fn transpose(&mut self) {
        for _ in 0..SWEEPS {
            let mut improved = false;
            for k in 0..self.columns.len() {
                for i in 0..self.columns[k].len().saturating_sub(1) {
                    let around = |a: &Arrangement| {
                        let rank = a.ranks();
                        a.gap_crossings(k, &rank)
                            + k.checked_sub(1).map_or(0, |j| a.gap_crossings(j, &rank))
                    };
                    let before = around(self);
                    self.columns[k].swap(i, i + 1);
                    if around(self) < before {
                        improved = true;
                    } else {
                        self.columns[k].swap(i, i + 1);
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// Position of each vertex within its column.
    fn ranks(&self) -> Vec<usize> {
        let mut rank = vec![0; self.vertices.len()];
        for column in &self.columns {
            for (r, &v) in column.iter().enumerate() {
                rank[v] = r;
            }
        }
        rank
    }

    /// The vertices joined to `v` in the column before (`left`) or after.
    pub(crate) fn neighbours(&self, v: usize, left: bool) -> Vec<usize> {
        self.links()
            .filter_map(|(a, b)| match left {
                true if b == v => Some(a),
                false if a == v => Some(b),
                _ => None,
            })
            .collect()
    }

    /// Barycenter sweeps: each column sorted by the mean rank of its neighbours in
    /// the column just swept; the order with the fewest crossings is kept.
    fn order(&mut self) {
        let mut best = (self.crossings(), self.columns.clone());
        for sweep in 0..2 * SWEEPS {
            let down = sweep % 2 == 0;
            let width = self.columns.len();
            let order: Vec<usize> = if down {
                (1..width).collect()
            } else {
                (0..width.saturating_sub(1)).rev().collect()
            };
            for k in order {
                self.sort_column(k, down);
            }
            let crossings = self.crossings();
            if crossings < best.0 {
                best = (crossings, self.columns.clone());
            }
            if best.0 == 0 {
                break;
            }
        }
        self.columns = best.1;
        self.transpose();
    }

    fn sort_column(&mut self, k: usize, from_left: bool) {
        let rank = self.ranks();
        let key = |v: usize| {
            let near = self.neighbours(v, from_left);
            if near.is_empty() {
                rank[v] as f64
            } else {
                near.iter().map(|&n| rank[n] as f64).sum::<f64>() / near.len() as f64
            }
        };
        let mut keyed: Vec<(f64, usize)> = self.columns[k].iter().map(|&v| (key(v), v)).collect();
        keyed.sort_by(|p, q| p.0.total_cmp(&q.0));
        self.columns[k] = keyed.into_iter().map(|(_, v)| v).collect();
    }
}

/// Column of each node: an operation one right of its rightmost input (the longest
/// path from the inputs); a leaf one left of its leftmost user (0 if unused).
fn node_columns(inputs: &[Vec<usize>]) -> Vec<usize> {
    let mut column = vec![0usize; inputs.len()];
    for (i, ins) in inputs.iter().enumerate() {
        if let Some(deepest) = ins.iter().filter_map(|&j| column.get(j)).max() {
            column[i] = deepest + 1;
        }
    }
    for (i, ins) in inputs.iter().enumerate() {
        if ins.is_empty() {
            let users = inputs.iter().enumerate().filter(|(_, u)| u.contains(&i));
            let first_use = users.map(|(u, _)| column[u]).min();
            column[i] = first_use.map_or(0, |c| c.saturating_sub(1));
        }
    }
    column
}

/// The vertices of edge `from → to`: the two nodes and a new waypoint in every
/// column strictly between them.
fn route(vertices: &mut Vec<Vertex>, from: usize, to: usize) -> Vec<usize> {
    let (Some(a), Some(b)) = (vertices.get(from), vertices.get(to)) else {
        return Vec::new();
    };
    let (start, end) = (a.column, b.column);
    let mut chain = vec![from];
    for column in start + 1..end {
        vertices.push(Vertex {
            column,
            node: None,
            y: 0.0,
        });
        chain.push(vertices.len() - 1);
    }
    chain.push(to);
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_stand_one_column_before_their_first_use() {
        // 3·(a + b·c): 3, a, b, c, u = b·c, v = a + u, J = 3·v.
        let inputs = vec![
            vec![],
            vec![],
            vec![],
            vec![],
            vec![2, 3],
            vec![1, 4],
            vec![0, 5],
        ];
        assert_eq!(node_columns(&inputs), vec![2, 1, 0, 0, 1, 2, 3]);
    }

    #[test]
    fn long_edges_get_waypoints_and_crossings_are_removed() {
        // x·y + x used at two depths: p = x·y (col 1), q = p + x (col 2).
        let inputs = vec![vec![], vec![], vec![0, 1], vec![2, 0]];
        let edges = [(0, 2), (1, 2), (2, 3), (0, 3)];
        let a = Arrangement::new(&inputs, &edges);
        assert_eq!(a.routes[3].len(), 3, "x → q passes column 1");
        assert_eq!(a.crossings(), 0);
    }
}
