//! The chain rule spelled out: every path from the root J down to a node, with the
//! local derivative of each edge along it. Summed over all paths, the products
//! give dJ/d(node); a variable used in several places has one path per use.

use super::build::Graph;
use super::snapshot::ChainTerm;

/// Most paths listed for one node.
pub(crate) const MAX_TERMS: usize = 32;

/// The paths from the root down to `id` (at most [`MAX_TERMS`]), root side first,
/// using the local derivatives `locals[user][slot]`.
pub(crate) fn chain_terms(graph: &Graph, locals: &[[f64; 2]], id: usize) -> Vec<ChainTerm> {
    let mut terms = Vec::new();
    if id == graph.root() {
        terms.push(ChainTerm {
            path: vec![id],
            factors: Vec::new(),
            product: 1.0,
        });
        return terms;
    }
    for &(user, slot) in &graph.users[id] {
        for mut term in chain_terms(graph, locals, user) {
            if terms.len() == MAX_TERMS {
                return terms;
            }
            let local = locals[user][slot];
            term.path.push(id);
            term.factors.push(local);
            term.product *= local;
            terms.push(term);
        }
    }
    terms
}
