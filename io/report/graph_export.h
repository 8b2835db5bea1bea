// Graph exports of a ClaimGraph (built from a run by engine::BuildClaimGraph): GraphML (opens in
// Gephi, yEd, Cytoscape and boost::read_graphml), GEXF 1.3 with dynamic "start" dates on claim
// nodes and claim-claim edges (Gephi's timeline), and Graphviz DOT.
//
// Each writer streams node by node and edge by edge; nothing but the graph is held in memory.
// Node ids are "n<index>", edge ids "e<index>", in the graph's insertion order.
#pragma once

#include <ostream>

#include "graph/claim_graph.h"

namespace claimgraph::io::report {

// GraphML with typed <key> declarations. Nodes: kind, label, date, ref (Claim::id or 0), key.
// Edges: relation (agree|contradict|update|copy|said_by|published_by|states), score (double),
// reasons ("; "-joined), date.
void WriteGraphMl(const graph::ClaimGraph& g, std::ostream& out);

// GEXF 1.3 (http://gexf.net/1.3), mode="dynamic", timeformat="date". Claim nodes carry
// start="YYYY-MM-DD"; edges carry their date as start and their score as weight.
void WriteGexf(const graph::ClaimGraph& g, std::ostream& out);

// A Graphviz digraph: shapes and colours by kind and relation, claim labels cut to 80 characters
// with the full text as tooltip.
void WriteDot(const graph::ClaimGraph& g, std::ostream& out);

}  // namespace claimgraph::io::report
