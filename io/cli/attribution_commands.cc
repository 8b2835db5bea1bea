// `claimgraph eval attribution --format polnear DIR`: reads a PolNeAR split (text/,
// attributions/, metadata.tsv here or one level up), runs the engine's claim extraction on each
// article and scores the claims that have a speaker against the gold attributions
// (engine/attrib/attribution_metrics.h): span P/R/F1 per role (exact and overlap),
// attribution-level detection and the named-source-right rate. Ends with `attribution_f1: <0..1>`.
// Each article is read by the built-in linguistic layer (engine/nlp/annotator.h), as
// `claimgraph run` reads it; with `--annotations CONLL_DIR` by those annotations instead
// (CoreNLP's, io/nlp/conll_reader.h). The
// attribution model's own spans (engine/attrib/attribution_model.h, speakers through
// engine/nlp/coreference.h) are scored too.
//
// `claimgraph train attribution --polnear DIR --annotations CONLL_DIR [-o FILE]`: trains the
// attribution model on a PolNeAR split and its annotations; the same inputs give the same bytes.
#include <boost/program_options.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "engine/attrib/attribution_errors.h"
#include "engine/attrib/attribution_metrics.h"
#include "engine/attrib/attribution_model.h"
#include "engine/attrib/speaker_resolver.h"
#include "engine/document.h"
#include "engine/extract/claim_extractor.h"
#include "engine/nlp/annotator.h"
#include "engine/nlp/coreference.h"
#include "engine/nlp/nlp_models.h"
#include "io/attribution/polnear_reader.h"
#include "io/cli/command_line.h"
#include "io/cli/commands.h"
#include "io/nlp/conll_reader.h"

namespace claimgraph::cli {
namespace {

namespace po = boost::program_options;
using engine::attrib::AttributionScores;
using engine::attrib::AttributionSpan;
using engine::attrib::PrfCounts;

void PrintPrf(const char* name, const PrfCounts& c) {
  std::printf("%-18s P %.4f  R %.4f  F1 %.4f  (gold %zu, predicted %zu)\n", name, c.precision(),
              c.recall(), c.f1(), c.gold, c.predicted);
}

engine::Document ToDocument(const io::PolnearDocument& p) {
  engine::Document d;
  d.source = p.publisher.empty() ? "unknown" : p.publisher;
  d.date = p.date;
  d.title = p.title;
  d.language = "en";
  d.text = p.text;
  d.path = p.name;
  if (!p.author.empty()) d.authors.push_back(p.author);
  return d;
}

// The claims of the pipeline as predicted attributions: each claim with a speaker is one, its
// text the content.
std::vector<AttributionSpan> ClaimsAsAttributions(const std::vector<engine::Claim>& claims) {
  std::vector<AttributionSpan> out;
  for (const engine::Claim& c : claims) {
    if (c.speaker.empty()) continue;
    AttributionSpan a;
    a.content.push_back({c.byte_begin, c.byte_end});
    a.resolved_source = c.speaker;
    out.push_back(std::move(a));
  }
  return out;
}

// The annotated documents of `conll_dir` by name, with offsets in bytes of the articles in
// `polnear_dir`/text.
std::map<std::string, engine::nlp::AnnotatedDocument> ReadAnnotations(
    const std::string& conll_dir, const std::string& polnear_dir) {
  io::ConllDocuments conll = io::ReadConllDirectory(conll_dir, polnear_dir + "/text");
  for (const auto& d : conll.diagnostics) std::cerr << d.ToString() << "\n";
  std::map<std::string, engine::nlp::AnnotatedDocument> out;
  for (auto& d : conll.documents) {
    std::string name = d.name;
    const size_t slash = name.find_last_of('/');
    if (slash != std::string::npos) name = name.substr(slash + 1);
    if (name.size() > 6 && name.ends_with(".conll")) name.resize(name.size() - 6);
    out.emplace(std::move(name), std::move(d));
  }
  return out;
}

engine::attrib::AttributionModel LoadModel(const std::string& path) {
  if (path.empty()) return engine::attrib::AttributionModel::Default();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::ostringstream s;
  s << in.rdbuf();
  return engine::attrib::AttributionModel::Parse(s.str(), path);
}

// Text of byte ranges on one line (white space folded), at most `limit` bytes.
std::string OneLine(std::string_view text, const engine::attrib::ByteRanges& r, size_t limit) {
  std::string out;
  for (const engine::attrib::ByteRange& x : r) {
    if (x.end > text.size()) break;
    if (!out.empty()) out += " | ";
    out += text.substr(x.begin, x.size());
  }
  for (char& c : out)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  if (out.size() > limit) out = out.substr(0, limit) + "...";
  return out;
}

// The misses of one article as TSV lines, counted into `table`.
void WriteErrors(const io::PolnearDocument& p, const std::vector<AttributionSpan>& model,
                 const engine::ExtractionResult& extracted,
                 engine::attrib::AttributionErrorTable* table, std::ostream& out) {
  std::vector<engine::attrib::ClaimExtent> claims;
  for (const engine::Claim& c : extracted.claims)
    claims.push_back({{c.byte_begin, c.byte_end}, !c.speaker.empty()});
  std::vector<engine::attrib::SentenceVerdict> sentences;
  for (const engine::SentenceTrace& t : extracted.trace)
    sentences.push_back({{t.byte_begin, t.byte_end}, t.verdict});
  engine::attrib::AttributionErrorInput in;
  in.text = p.text;
  in.gold = &p.attributions;
  in.model = &model;
  in.claims = &claims;
  in.sentences = &sentences;
  const engine::attrib::AttributionErrors e = engine::attrib::AnalyseAttributionErrors(in);
  table->Add(e);
  for (const engine::attrib::AttributionMiss& m : e.misses) {
    const AttributionSpan& g = p.attributions[m.gold];
    char cover[64];
    std::snprintf(cover, sizeof cover, "%.2f\t%.2f", m.model_cover, m.claims_cover);
    out << p.name << '\t' << m.cause << '\t' << m.detail << '\t' << cover << '\t'
        << OneLine(p.text, g.source, 80) << '\t' << OneLine(p.text, g.cue, 40) << '\t'
        << OneLine(p.text, g.content, 200);
    if (m.model_best >= 0) {
      const AttributionSpan& b = model[static_cast<size_t>(m.model_best)];
      out << '\t' << OneLine(p.text, b.source, 80) << '\t' << b.resolved_source << '\t'
          << OneLine(p.text, b.cue, 40) << '\t' << OneLine(p.text, b.content, 200);
    } else {
      out << "\t\t\t\t";
    }
    out << '\n';
  }
  // Wrong claims with a speaker: cause "wrong claim", the speaker as source, the claim as content.
  for (size_t ci : e.wrong) {
    const engine::Claim& c = extracted.claims[ci];
    const size_t inside = engine::attrib::OverlapSize({{c.byte_begin, c.byte_end}}, [&] {
      engine::attrib::ByteRanges g;
      for (const AttributionSpan& a : p.attributions)
        g.insert(g.end(), a.content.begin(), a.content.end());
      engine::attrib::Normalize(&g);
      return g;
    }());
    out << p.name << "\twrong claim\t" << (inside ? "partly inside gold" : "outside gold")
        << "\t\t\t" << c.speaker << '\t' << c.cue << '\t'
        << OneLine(p.text, {{c.byte_begin, c.byte_end}}, 200) << "\t\t\t\t\n";
  }
}

void PrintErrorTable(const engine::attrib::AttributionErrorTable& t) {
  std::printf("missed gold attributions: %zu\n", t.misses());
  for (const auto& [cause, n] : t.causes()) {
    std::printf("  %-28s %5zu\n", cause.c_str(), n);
    for (const auto& [detail, k] : t.details())
      if (detail.rfind(cause + " / ", 0) == 0)
        std::printf("    %-40s %5zu\n", detail.substr(cause.size() + 3).c_str(), k);
  }
  std::printf("wrong claims with a speaker: %zu outside gold content, %zu partly inside\n",
              t.wrong_outside(), t.wrong_partial());
}

}  // namespace

int TrainAttributionCommand(const std::vector<std::string>& args) {
  const std::string usage =
      "claimgraph train attribution --polnear DIR --annotations CONLL_DIR [-o FILE]";
  std::string polnear, annotations, output = "attribution_model.bin";
  engine::attrib::AttributionTrainOptions options;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("polnear", po::value(&polnear), "PolNeAR training split (text/, attributions/)")
      ("annotations", po::value(&annotations),
       "CoNLL annotations of the same articles (../shared/data/syntax/polnear-corenlp/train)")
      ("output,o", po::value(&output)->default_value(output), "model file to write")
      ("epochs", po::value(&options.epochs)->default_value(options.epochs), "training epochs")
      ("seed", po::value(&options.seed)->default_value(options.seed), "document order seed");
  // clang-format on
  const po::variables_map vm =
      ParseCommandLine(std::vector<std::string>(args.begin() + 1, args.end()), desc);
  if (vm.count("help")) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  if (polnear.empty() || annotations.empty())
    throw UsageError("--polnear and --annotations are required");
  const io::PolnearCorpus corpus = io::ReadPolnearDirectory(polnear);
  for (const auto& d : corpus.diagnostics) std::cerr << d.ToString() << "\n";
  const auto docs = ReadAnnotations(annotations, polnear);
  engine::attrib::AttributionTrainingSet set;
  for (const io::PolnearDocument& p : corpus.documents) {
    const auto it = docs.find(p.name);
    if (it == docs.end() || it->second.text.empty()) continue;
    set.documents.push_back({&it->second, &p.attributions});
  }
  if (set.documents.empty()) throw std::runtime_error(polnear + ": no annotated articles");
  const engine::attrib::AttributionModel model =
      engine::attrib::TrainAttributionModel(set, options);
  const std::string bytes = model.Serialize();
  std::ofstream out(output, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error(output + ": cannot write");
  std::printf("articles: %zu\nmodel: %s (%zu bytes)\n", set.documents.size(), output.c_str(),
              bytes.size());
  return 0;
}

int EvalAttributionCommand(const std::vector<std::string>& args) {
  const std::string usage = "claimgraph eval attribution --format polnear DIR";
  std::string format, dir, annotations, model_path;
  std::string trace_path, errors_path;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("format", po::value(&format), "polnear (text/, attributions/*.ann, metadata.tsv)")
      ("dir", po::value(&dir), "the split's folder")
      ("annotations", po::value(&annotations),
       "score the attribution model on these CoNLL annotations of the articles")
      ("model", po::value(&model_path), "attribution model file (default: the built-in one)")
      ("trace", po::value(&trace_path),
       "write every sentence's verdict (claim, speaker, or why it was dropped) to this TSV")
      ("errors", po::value(&errors_path),
       "write every missed gold attribution with its cause to this TSV and print the table of "
       "causes (engine/attrib/attribution_errors.h)");
  // clang-format on
  po::positional_options_description pos;
  pos.add("dir", 1);
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  const po::variables_map vm = ParseCommandLine(rest, desc, &pos);
  if (vm.count("help")) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  if (format != "polnear") throw UsageError("--format polnear is the only format");
  if (dir.empty()) throw UsageError("give the PolNeAR split folder: " + usage);
  const io::PolnearCorpus corpus = io::ReadPolnearDirectory(dir);
  for (const auto& d : corpus.diagnostics) std::cerr << d.ToString() << "\n";
  engine::attrib::AttributionScorer scorer;  // what the claims say
  engine::attrib::AttributionScorer spans;   // the model's own spans
  const engine::attrib::AttributionModel model = LoadModel(model_path);
  engine::ExtractorOptions extractor_options;
  extractor_options.attribution_model = &model;
  const engine::ClaimExtractor extractor(extractor_options);
  std::map<std::string, engine::nlp::AnnotatedDocument> docs;
  if (!annotations.empty()) docs = ReadAnnotations(annotations, dir);
  std::ofstream trace_out;
  if (!trace_path.empty()) {
    trace_out.open(trace_path);
    if (!trace_out) throw std::runtime_error(trace_path + ": cannot write");
  }
  std::ofstream errors_out;
  engine::attrib::AttributionErrorTable errors;
  if (!errors_path.empty()) {
    errors_out.open(errors_path);
    if (!errors_out) throw std::runtime_error(errors_path + ": cannot write");
    errors_out << "article\tcause\tdetail\tmodel_cover\tclaims_cover\tsource\tcue\tcontent\t"
                  "model_source\tmodel_speaker\tmodel_cue\tmodel_content\n";
  }
  size_t missing = 0, not_english = 0;
  for (const io::PolnearDocument& p : corpus.documents) {
    const engine::Document doc = ToDocument(p);
    // The given annotations of this article, else the built-in layer's (as `claimgraph run`).
    engine::nlp::AnnotatedDocument own;
    const engine::nlp::AnnotatedDocument* annotated = nullptr;
    if (const auto it = docs.find(p.name); it != docs.end() && !it->second.text.empty()) {
      annotated = &it->second;
    } else {
      if (!annotations.empty()) ++missing;
      own = engine::nlp::Annotate(p.text, engine::nlp::DefaultNlpModels());
      own.name = p.name;
      annotated = &own;
    }
    std::vector<AttributionSpan> predicted;
    if (annotated->language == "und") {
      ++not_english;
    } else {
      const engine::nlp::CorefResult coref = engine::nlp::ResolveCoreference(*annotated);
      for (auto& a : model.Predict(*annotated)) {
        a.spans.resolved_source = engine::attrib::ResolveSpeaker(*annotated, coref, a).name;
        predicted.push_back(std::move(a.spans));
      }
    }
    spans.Add(p.text, p.attributions, predicted);
    engine::ExtractionResult extracted = extractor.ExtractWithTrace(doc, annotated);
    for (const engine::SentenceTrace& t : extracted.trace) {
      if (!trace_out.is_open()) break;
      std::string line = t.text;
      for (char& c : line)
        if (c == '\n' || c == '\t') c = ' ';
      trace_out << p.name << '\t' << t.verdict << '\t' << line << '\n';
    }
    scorer.Add(p.text, p.attributions, ClaimsAsAttributions(extracted.claims));
    if (errors_out.is_open()) WriteErrors(p, predicted, extracted, &errors, errors_out);
  }
  if (missing)
    std::fprintf(stderr, "%zu articles have no annotations: the built-in layer read them\n",
                 missing);
  if (not_english) std::fprintf(stderr, "%zu articles not read as English\n", not_english);
  std::printf("documents: %zu\n", corpus.documents.size());
  std::printf("linguistic layer: %s\n", annotations.empty() ? "built-in" : annotations.c_str());
  {
    const AttributionScores& m = spans.scores();
    std::printf("model spans:\n");
    PrintPrf("source exact", m.source_exact);
    PrintPrf("source overlap", m.source_overlap);
    PrintPrf("cue exact", m.cue_exact);
    PrintPrf("cue overlap", m.cue_overlap);
    PrintPrf("content exact", m.content_exact);
    PrintPrf("content overlap", m.content_overlap);
    PrintPrf("attribution", m.attribution);
    std::printf("named_source_right: %.4f (%zu of %zu)\n", m.named_source_right(), m.named_right,
                m.named_sources);
  }
  const AttributionScores& s = scorer.scores();
  std::printf("claims (the pipeline's claims with a speaker; content = the claim):\n");
  PrintPrf("content exact", s.content_exact);
  PrintPrf("content overlap", s.content_overlap);
  PrintPrf("attribution", s.attribution);
  std::printf("named_source_right: %.4f (%zu of %zu)\n", s.named_source_right(), s.named_right,
              s.named_sources);
  if (errors_out.is_open()) PrintErrorTable(errors);
  std::printf("attribution_f1: %.4f\n", s.attribution.f1());
  return 0;
}

int EvalCoreferenceCommand(const std::vector<std::string>& args) {
  const std::string usage = "claimgraph eval coreference --format conll DIR";
  std::string format, dir;
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", "show this help")
      ("format", po::value(&format), "conll (CoreNLP's annotations with coreference chains)")
      ("dir", po::value(&dir), "folder of .conll files");
  // clang-format on
  po::positional_options_description pos;
  pos.add("dir", 1);
  const po::variables_map vm =
      ParseCommandLine(std::vector<std::string>(args.begin() + 1, args.end()), desc, &pos);
  if (vm.count("help")) {
    std::cout << "usage: " << usage << "\n\n" << desc;
    return 0;
  }
  if (format != "conll") throw UsageError("--format conll is the only format");
  if (dir.empty()) throw UsageError("give the folder of .conll files: " + usage);
  const io::ConllDocuments conll = io::ReadConllDirectory(dir);
  for (const auto& d : conll.diagnostics) std::cerr << d.ToString() << "\n";
  engine::nlp::CorefScores s;
  for (const auto& doc : conll.documents)
    engine::nlp::ScoreCoreference(doc, engine::nlp::ResolveCoreference(doc), &s);
  const double p = s.linked ? static_cast<double>(s.right) / s.linked : 0.0;
  const double r = s.reference ? static_cast<double>(s.found) / s.reference : 0.0;
  std::printf("documents: %zu\n", conll.documents.size());
  std::printf("linked pronoun/nominal mentions: %zu, right %zu (precision %.4f)\n", s.linked,
              s.right, p);
  std::printf("reference pronoun/definite mentions of named chains: %zu, found %zu (recall %.4f)\n",
              s.reference, s.found, r);
  std::printf("coref_f1: %.4f\n", p + r > 0 ? 2 * p * r / (p + r) : 0.0);
  return 0;
}

}  // namespace claimgraph::cli
