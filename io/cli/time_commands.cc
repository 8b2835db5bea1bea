// `claimgraph eval time`: finds and normalises the time expressions of TimeML documents with the
// engine's TIMEX3 module (engine/time/timex.h), the document creation time as the publication
// date and the gold TIMEX3 tags ignored, optionally writes each document back with the system's
// own tags, and scores against the gold as TempEval-3 does (engine/time/timex_metrics.h).
// `--split dev` / `--split train` select the project's fixed split of the TempEval-3 training
// documents (every fifth file in path order is dev), the one the module was tuned by.
#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine/time/timex.h"
#include "engine/time/timex_metrics.h"
#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/cli/subcommands.h"
#include "io/time/timeml.h"

namespace claimgraph::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;
using engine::time::Timex;

constexpr size_t kDevEvery = 5;

void PrintPrf(const char* name, const engine::time::PrfCounts& c) {
  std::printf("%-8s precision %.4f  recall %.4f  F1 %.4f  (%zu of %zu system, %zu of %zu gold)\n",
              name, c.Precision(), c.Recall(), c.F1(), c.correct_system, c.system, c.correct_gold,
              c.gold);
}

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

}  // namespace

int EvalTimeCommand(const std::vector<std::string>& args) {
  const std::string usage =
      "claimgraph eval time --format timeml DIR [--output OUT] [--split all|train|dev]";
  std::string format, dir, output, split = "all";
  size_t show_errors = 0;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("format", po::value(&format), "timeml (TempEval-3 .tml files)")
      ("input", po::value(&dir), "directory of .tml files (searched recursively)")
      ("output,o", po::value(&output), "write each document with the system's TIMEX3 tags here")
      ("split", po::value(&split)->default_value(split),
       "all, or the project's fixed split of the files: dev (every fifth in path order) or train")
      ("errors", po::value(&show_errors)->default_value(0),
       "print up to N gold expressions the system missed or valued differently");
  // clang-format on
  po::positional_options_description positional;
  positional.add("input", 1);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  const po::variables_map vm = ParseCommandLine(args, desc, &positional);
  if (format != "timeml") throw UsageError("--format timeml is required: " + usage);
  if (dir.empty()) throw UsageError("a directory of TimeML files is required: " + usage);
  if (split != "all" && split != "dev" && split != "train")
    throw UsageError("--split is all, train or dev");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::cerr << dir << ": not a directory\n";
    return 1;
  }
  if (!output.empty()) fs::create_directories(output, ec);

  const std::vector<std::string> files = io::ListTimemlFiles(dir);
  engine::time::TimexScores scores;
  size_t documents = 0, skipped = 0, shown = 0;
  for (size_t f = 0; f < files.size(); ++f) {
    const bool dev = f % kDevEvery == 0;
    if ((split == "dev" && !dev) || (split == "train" && dev)) continue;
    std::ifstream in(files[f], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    engine::Diagnostics diags;
    io::TimemlDocument doc;
    const bool ok = io::ParseTimeml(ss.str(), files[f], &doc, &diags);
    for (const auto& d : diags) std::cerr << d.ToString() << "\n";
    if (!ok) {
      ++skipped;
      continue;
    }
    ++documents;
    const std::vector<Timex> system = engine::time::FindTimexes(doc.text, doc.dct);
    engine::time::ScoreDocument(doc.gold, system, &scores);
    if (!output.empty()) {
      std::ofstream(fs::path(output) / fs::path(files[f]).filename(), std::ios::binary)
          << io::WriteTimeml(doc, system);
    }
    for (const Timex& s : system) {
      if (shown >= show_errors) break;
      bool hit = false;
      for (const Timex& g : doc.gold) hit |= s.begin < g.end && g.begin < s.end;
      if (hit) continue;
      ++shown;
      const size_t ctx = s.begin > 40 ? s.begin - 40 : 0;
      std::cerr << "SPURIOUS '" << doc.text.substr(s.begin, s.end - s.begin) << "' "
                << engine::time::ToString(s.type) << " " << s.value << " | ..."
                << OneLine(doc.text.substr(ctx, s.end + 40 - ctx)) << "\n";
    }
    for (const Timex& g : doc.gold) {
      if (shown >= show_errors) break;
      const Timex* hit = nullptr;
      for (const Timex& s : system)
        if (s.begin < g.end && g.begin < s.end) hit = &s;
      if (hit && hit->value == g.value) continue;
      ++shown;
      const size_t ctx = g.begin > 40 ? g.begin - 40 : 0;
      std::cerr << fs::path(files[f]).filename().string() << " dct " << doc.dct << ": '"
                << doc.text.substr(g.begin, g.end - g.begin) << "' gold "
                << engine::time::ToString(g.type) << " " << g.value << " | system "
                << (hit ? std::string(engine::time::ToString(hit->type)) + " " + hit->value + " '" +
                              doc.text.substr(hit->begin, hit->end - hit->begin) + "'"
                        : std::string("-"))
                << " | ..." << OneLine(doc.text.substr(ctx, g.end + 40 - ctx)) << "\n";
    }
  }
  std::printf("documents: %zu (skipped %zu)\n", documents, skipped);
  PrintPrf("strict", scores.strict);
  PrintPrf("relaxed", scores.relaxed);
  PrintPrf("type", scores.type);
  PrintPrf("value", scores.value);
  std::printf("value_f1: %.4f\n", scores.value.F1());
  return documents == 0 ? 1 : 0;
}

}  // namespace claimgraph::cli
