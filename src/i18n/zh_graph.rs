//! The Chinese strings of the computational-graph lab (tab "graph").

/// Keys `graph.*` and `err.graph.*`.
pub const GRAPH: &[(&str, &str)] = &[];
