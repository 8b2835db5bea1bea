// Input options shared by `claimgraph ingest` and `claimgraph run`: format, default source and
// date, --strict, and the CSV column mapping.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "io/ingest.h"

namespace claimgraph::cli {

struct IngestFlags {
  std::string format = "auto";
  std::string source;
  std::string date;
  bool strict = false;
  std::vector<std::string> columns;

  void Add(boost::program_options::options_description* desc);
  // Throws UsageError for a bad value.
  io::IngestOptions ToOptions() const;
};

}  // namespace claimgraph::cli
