// Would link-grammar (Sleator & Temperley 1991; Debian liblink-grammar) read news better than
// our trained parser? A quick comparison on the first sentences of the PolNeAR dev articles
// (up to 40 words each), both measured against CoreNLP's parses:
//  - arc recall: the share of CoreNLP's arcs (punctuation and the root left out) that the
//    system links, direction and label ignored (link-grammar's links are undirected and its
//    labels are not Stanford relations, so this is the fairest common ground);
//  - link precision: the share of the system's links between two words that are CoreNLP arcs;
//  - complete parses: sentences link-grammar links without null (skipped) words;
//  - words per CPU second.
// Link-grammar gets the CoreNLP words joined by spaces and tokenises them itself; its words map
// back to CoreNLP words by byte offset. Our parser gets CoreNLP's POS tags.
// usage: link_grammar_compare [DIR] [SENTENCES] [PARSER_MODEL]
//        (default polnear-corenlp/dev, 300, the built-in model)
#include <link-grammar/link-includes.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/nlp/dependency_parser.h"
#include "io/nlp/conll_reader.h"

namespace {

using claimgraph::engine::nlp::AnnotatedDocument;
using SentenceSpan = claimgraph::engine::nlp::Sentence;
using Arc = std::pair<int, int>;  // (smaller index, larger index)

bool IsPunctuation(const std::string& pos) {
  return pos == "," || pos == "." || pos == ":" || pos == "``" || pos == "''" || pos == "-LRB-" ||
         pos == "-RRB-";
}

std::set<Arc> Arcs(const AnnotatedDocument& doc, const SentenceSpan& s, bool skip_punct) {
  std::set<Arc> arcs;
  for (size_t i = 0; i < s.count; ++i) {
    const auto& t = doc.tokens[s.first + i];
    if (t.head < 0 || (skip_punct && IsPunctuation(t.pos))) continue;
    const int a = static_cast<int>(i);
    arcs.insert({std::min(a, t.head), std::max(a, t.head)});
  }
  return arcs;
}

struct Tally {
  size_t gold = 0, found = 0, links = 0, correct_links = 0, sentences = 0, complete = 0, words = 0;
  double cpu = 0;
  void Print(const char* name) const {
    std::printf("%s: arc recall %.4f, link precision %.4f, complete %zu/%zu, %.0f words/CPU-s\n",
                name, gold ? static_cast<double>(found) / gold : 0.0,
                links ? static_cast<double>(correct_links) / links : 0.0, complete, sentences,
                cpu > 0 ? words / cpu : 0.0);
  }
  void Add(const std::set<Arc>& gold_arcs, const std::set<Arc>& system) {
    gold += gold_arcs.size();
    for (const Arc& a : gold_arcs) found += system.count(a);
    links += system.size();
    for (const Arc& a : system) correct_links += gold_arcs.count(a);
  }
};

}  // namespace

int main(int argc, char** argv) {
  using namespace claimgraph;
  const std::string dir = argc > 1 ? argv[1] : "../shared/data/syntax/polnear-corenlp/dev";
  const size_t limit = argc > 2 ? std::stoul(argv[2]) : 300;
  const auto docs = io::ReadConllDirectory(dir).documents;

  Dictionary dict = dictionary_create_lang("en");
  if (!dict) {
    std::fprintf(stderr, "link-grammar: no English dictionary\n");
    return 1;
  }
  Parse_Options opts = parse_options_create();
  parse_options_set_verbosity(opts, 0);
  parse_options_set_linkage_limit(opts, 100);
  parse_options_set_max_parse_time(opts, 10);
  parse_options_set_min_null_count(opts, 0);
  parse_options_set_max_null_count(opts, 40);

  Tally lg, ours;
  engine::nlp::ParserModel model;
  if (argc > 3) {
    std::ifstream in(argv[3], std::ios::binary);
    model = engine::nlp::ParserModel::Deserialize(
        std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
  } else {
    model = engine::nlp::DefaultParserModel();
  }
  for (const AnnotatedDocument& source : docs) {
    for (size_t si = 0; si < source.sentences.size() && lg.sentences < limit; ++si) {
      const SentenceSpan& s = source.sentences[si];
      if (s.count < 3 || s.count > 40) continue;
      const std::set<Arc> gold = Arcs(source, s, true);
      // Our parser.
      AnnotatedDocument doc;
      doc.tokens.assign(source.tokens.begin() + s.first, source.tokens.begin() + s.first + s.count);
      doc.sentences.push_back({0, s.count, 0, 0});
      std::clock_t c0 = std::clock();
      engine::nlp::ParseSentence(model, doc, 0);
      ours.cpu += static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
      std::set<Arc> our_arcs = Arcs(doc, doc.sentences[0], false);
      ++ours.sentences;
      ++ours.complete;
      ours.words += s.count;
      ours.Add(gold, our_arcs);

      // Link-grammar on the same words.
      std::string text;
      std::vector<size_t> starts;
      for (size_t i = 0; i < s.count; ++i) {
        if (i) text += ' ';
        starts.push_back(text.size());
        text += source.tokens[s.first + i].form;
      }
      const auto token_at = [&](size_t byte) {
        size_t k = 0;
        while (k + 1 < starts.size() && starts[k + 1] <= byte) ++k;
        return static_cast<int>(k);
      };
      c0 = std::clock();
      ::Sentence sent = sentence_create(text.c_str(), dict);
      std::set<Arc> links;
      bool complete = false;
      if (sentence_parse(sent, opts) > 0) {
        Linkage linkage = linkage_create(0, sent, opts);
        if (linkage) {
          complete = sentence_null_count(sent) == 0;
          const size_t words = linkage_get_num_words(linkage);
          for (size_t l = 0; l < linkage_get_num_links(linkage); ++l) {
            const size_t a = linkage_get_link_lword(linkage, l);
            const size_t b = linkage_get_link_rword(linkage, l);
            // Leave out the walls.
            if (a == 0 || b == 0 || a + 1 >= words || b + 1 >= words) continue;
            const int ta = token_at(linkage_get_word_byte_start(linkage, a));
            const int tb = token_at(linkage_get_word_byte_start(linkage, b));
            if (ta != tb) links.insert({std::min(ta, tb), std::max(ta, tb)});
          }
          linkage_delete(linkage);
        }
      }
      sentence_delete(sent);
      lg.cpu += static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
      ++lg.sentences;
      lg.complete += complete;
      lg.words += s.count;
      lg.Add(gold, links);
    }
  }
  ours.Print("claimgraph parser");
  lg.Print("link-grammar 5.12");
  parse_options_delete(opts);
  dictionary_delete(dict);
  return 0;
}
