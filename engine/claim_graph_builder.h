// BuildClaimGraph: turns one analysis run (engine::AnalysisResult) into the graph::ClaimGraph that
// graph algorithms and the graph exports (GraphML, GEXF, DOT) read.
//
// Nodes: every source (outlet) of a document or claim, every named speaker, every proposition,
// every claim. Edges: claim -> source (published_by), claim -> speaker (said_by, only for claims
// with a named speaker; the outlet's own claims have none), claim -> proposition (states), the
// linker's claim-claim links (agree, contradict, update, copy; an update points from the earlier
// claim to the later one), and source -> source copy edges for documents marked as copies.
#pragma once

#include "engine/analysis.h"
#include "graph/claim_graph.h"

namespace claimgraph::engine {

// Node keys: claims by decimal Claim::id, propositions by Proposition::key, speakers and sources
// by name. Links that name a claim missing from result.claims are skipped. O(N log N) in the
// number of claims, links and documents.
graph::ClaimGraph BuildClaimGraph(const AnalysisResult& result);

}  // namespace claimgraph::engine
