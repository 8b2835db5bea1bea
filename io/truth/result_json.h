// The JSON result of `claimgraph truth -o` (DESIGN.md): beliefs per object and value, the chosen
// values with their confidence, each source's trust, calibrated reliability and evidence, and,
// when asked for, bootstrap uncertainty and trust per year. Written straight from the matrix and
// the result into a buffer of a few hundred KB that goes to the file a chunk at a time (no JSON
// tree: a Weather result is 7 MB of text), through a temporary file renamed into place, so the
// output appears whole or not at all. Keys come sorted, as nlohmann::json writes them; numbers
// in nlohmann's shortest round-trip form (io/report/json_writer.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/truth/calibrated_reliability.h"
#include "engine/truth/source_report.h"
#include "engine/truth/truth_discovery.h"

namespace claimgraph::io::truth {

// Writes the result of `method` on `m` to `path`. `sd`: bootstrap standard deviation of each
// source's trust, or empty (0 written); `years`: trust per year, or null (no "windows" member);
// `known`: the known verdicts per claim (TruthOptions::known), for the calibrated reliability.
// Returns the bytes written. Throws std::runtime_error naming the file if it cannot be written
// (no partial file is left).
size_t WriteTruthResultJson(const std::string& path, const engine::truth::ClaimMatrix& m,
                            const engine::truth::TruthAlgorithm& method,
                            const engine::truth::TruthResult& result, const Eigen::VectorXd& sd,
                            const std::vector<engine::truth::WindowTrust>* years,
                            const std::vector<int8_t>& known,
                            const engine::truth::CalibrationOptions& calibration);

}  // namespace claimgraph::io::truth
