// `claimgraph runs --db FILE [--format text|json]`: the runs recorded in a store, newest first,
// with when they ran, the program version, the configuration and the corpus counts.
#include <boost/program_options.hpp>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/store/store.h"

namespace claimgraph::cli {

namespace po = boost::program_options;

namespace {

// "window=year, stance=on, threads=2" from the recorded options.
std::string ConfigSummary(const std::string& config_json) {
  const nlohmann::json j = nlohmann::json::parse(config_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return "";
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (j.contains("window") && j["window"].is_string())
    add("window=" + j["window"].get<std::string>());
  if (j.contains("use_stance_model") && j["use_stance_model"].is_boolean())
    add(std::string("stance=") + (j["use_stance_model"].get<bool>() ? "on" : "off"));
  if (j.contains("threads") && j["threads"].is_number_integer())
    add("threads=" + std::to_string(j["threads"].get<int>()));
  return out;
}

}  // namespace

int RunsCommand(const std::vector<std::string>& args) {
  po::options_description visible(
      "usage: claimgraph runs --db FILE [--format text|json]\n\n"
      "Lists the analysis runs recorded in the store, newest first: id, time (UTC), program\n"
      "version, documents, claims and links, the reliability method and the main options.\n"
      "`claimgraph diff` compares two of them.\n\noptions");
  std::string db, format = "text";
  visible.add_options()("help,h", "show this help")("db", po::value(&db)->value_name("FILE"),
                                                    "the store")(
      "format", po::value(&format)->value_name("FMT"), "text (default) or json");
  const po::variables_map vm = ParseCommandLine(args, visible);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (db.empty()) throw UsageError("--db FILE is required");
  if (format != "text" && format != "json")
    throw UsageError("unknown --format '" + format + "' (text, json)");
  if (!std::filesystem::exists(db)) throw std::runtime_error(db + ": no such store");
  const std::vector<io::RunInfo> runs = io::OpenStore(db)->ListRuns();
  if (format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const io::RunInfo& r : runs) {
      nlohmann::json config = nlohmann::json::parse(r.config_json, nullptr, false);
      if (config.is_discarded()) config = r.config_json;
      list.push_back({{"id", r.id},
                      {"created_at", r.created_at},
                      {"program_version", r.program_version},
                      {"reliability_method", r.reliability_method},
                      {"documents", r.documents},
                      {"claims", r.claims},
                      {"links", r.links},
                      {"config", config}});
    }
    std::cout << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  if (runs.empty()) {
    std::cout << db << ": no runs recorded (`claimgraph analyze --db " << db << "` records one)\n";
    return 0;
  }
  std::cout << std::left << std::setw(6) << "run" << std::setw(22) << "created (UTC)"
            << std::setw(10) << "version" << std::right << std::setw(10) << "documents"
            << std::setw(10) << "claims" << std::setw(10) << "links"
            << "  method, options\n";
  for (const io::RunInfo& r : runs) {
    std::cout << std::left << std::setw(6) << r.id << std::setw(22) << r.created_at << std::setw(10)
              << r.program_version << std::right << std::setw(10) << r.documents << std::setw(10)
              << r.claims << std::setw(10) << r.links << "  "
              << (r.reliability_method.empty() ? "(not scored)" : r.reliability_method);
    const std::string config = ConfigSummary(r.config_json);
    if (!config.empty()) std::cout << ", " << config;
    std::cout << "\n";
  }
  return 0;
}

}  // namespace claimgraph::cli
