// `claimgraph eval X ...` and `claimgraph train X ...`: each is a table {name, help, handler} of
// what it measures or trains (ninja's subcommand table); a new evaluation or model adds one row
// here and its handler in its own file.
#include "io/cli/subcommands.h"

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "io/cli/commands.h"

namespace claimgraph::cli {
namespace {

struct Subcommand {
  const char* name;
  const char* help;
  CommandHandler handler;
};

// The parser's handlers read their options after the subcommand's name.
std::vector<std::string> WithName(const char* name, const std::vector<std::string>& args) {
  std::vector<std::string> out{name};
  out.insert(out.end(), args.begin(), args.end());
  return out;
}

constexpr Subcommand kEvalSubcommands[] = {
    {"stance", "the stance model on FNC-1 or Emergent files", EvalStanceCommand},
    {"syntax", "tokens, sentences, POS, lemmas, NER against CoreNLP CoNLL files",
     EvalSyntaxCommand},
    {"time", "TIMEX3 time expressions against TimeML (TempEval-3) files", EvalTimeCommand},
    {"parser", "the dependency parser's UAS / LAS against CoreNLP CoNLL files",
     [](const std::vector<std::string>& a) { return EvalParserCommand(WithName("parser", a)); }},
    {"attribution", "attribution (PolNeAR): source, cue and content spans, attributions",
     [](const std::vector<std::string>& a) {
       return EvalAttributionCommand(WithName("attribution", a));
     }},
    {"coreference", "coreference chains against CoreNLP CoNLL files",
     [](const std::vector<std::string>& a) {
       return EvalCoreferenceCommand(WithName("coreference", a));
     }},
    {"pairs", "the claim-pair relation model on SICK or the team's TSV of real news pairs",
     [](const std::vector<std::string>& a) { return EvalPairsCommand(WithName("pairs", a)); }},
};

constexpr Subcommand kTrainSubcommands[] = {
    {"stance", "the stance model from FNC-1 (and Emergent) files", TrainStanceCommand},
    {"nlp", "the POS tagger, lemma table and NER tagger from CoreNLP CoNLL files", TrainNlpCommand},
    {"parser", "the dependency parser from CoreNLP CoNLL files",
     [](const std::vector<std::string>& a) { return TrainParserCommand(WithName("parser", a)); }},
    {"attribution", "the attribution model from PolNeAR train files",
     [](const std::vector<std::string>& a) {
       return TrainAttributionCommand(WithName("attribution", a));
     }},
    {"pairs", "the claim-pair relation model",
     [](const std::vector<std::string>& a) { return TrainPairsCommand(WithName("pairs", a)); }},
};

template <size_t N>
int Dispatch(const char* command, const Subcommand (&table)[N],
             const std::vector<std::string>& args) {
  auto usage = [&](std::ostream& out) {
    out << "usage: claimgraph " << command << " WHAT [options]\n\n";
    for (const Subcommand& s : table) {
      out << "  " << s.name << std::string(10 - std::strlen(s.name), ' ') << s.help << "\n";
    }
    out << "\n`claimgraph " << command << " WHAT --help` describes its options.\n";
  };
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  for (const Subcommand& s : table) {
    if (args[0] == s.name) return s.handler(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  std::string names;
  for (const Subcommand& s : table) names += std::string(names.empty() ? "" : ", ") + s.name;
  throw UsageError("unknown `" + std::string(command) + " " + args[0] + "` (one of: " + names +
                   ")");
}

}  // namespace

int EvalCommand(const std::vector<std::string>& args) {
  return Dispatch("eval", kEvalSubcommands, args);
}

int TrainCommand(const std::vector<std::string>& args) {
  return Dispatch("train", kTrainSubcommands, args);
}

}  // namespace claimgraph::cli
