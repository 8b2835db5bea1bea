// Reader for CoreNLP's annotations in CoNLL form (see conll_reader.h).
#include "io/nlp/conll_reader.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "io/readers/fields.h"

namespace claimgraph::io {
namespace {

using engine::Diagnostic;
using engine::Diagnostics;
using engine::nlp::AnnotatedDocument;
using engine::nlp::CorefChain;
using engine::nlp::Mention;
using engine::nlp::Sentence;
using engine::nlp::Token;

bool ParseNumber(std::string_view s, long* out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

void Report(Diagnostics* diagnostics, const std::string& file, size_t line, std::string message) {
  if (diagnostics == nullptr) return;
  Diagnostic d;
  d.file = file;
  d.line = line;
  d.message = std::move(message);
  diagnostics->push_back(std::move(d));
}

// Byte offset of each code point index of `text` (one past the end included).
std::vector<size_t> CodePointOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  offsets.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

struct PendingCoref {
  std::string_view spec;
  size_t line = 0;
};

}  // namespace

AnnotatedDocument ParseConll(std::string_view content, const std::string& name,
                             Diagnostics* diagnostics, std::string_view text) {
  AnnotatedDocument doc;
  doc.name = name;
  std::vector<size_t> sentence_start;  // document token index of each parsed sentence, by number
  std::vector<bool> sentence_ok;
  std::vector<Token> current;
  bool current_ok = true;
  std::vector<PendingCoref> corefs;

  auto flush = [&] {
    if (current.empty()) return;
    sentence_start.push_back(doc.tokens.size());
    sentence_ok.push_back(current_ok);
    if (current_ok) {
      Sentence s;
      s.first = doc.tokens.size();
      s.count = current.size();
      s.begin = current.front().begin;
      s.end = current.back().end;
      doc.sentences.push_back(s);
      for (auto& t : current) doc.tokens.push_back(std::move(t));
    }
    current.clear();
    current_ok = true;
  };

  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    const size_t nl = content.find('\n', pos);
    std::string_view line =
        content.substr(pos, nl == std::string_view::npos ? content.npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) {
      flush();
      continue;
    }
    if (line.front() == '#') {
      constexpr std::string_view kCoref = "# coref =";
      if (line.substr(0, kCoref.size()) == kCoref) {
        corefs.push_back({line.substr(kCoref.size()), line_no});
      }
      continue;
    }
    const auto f = SplitFields(line, '\t');
    long id = 0, start = 0, end = 0, head = 0;
    if (f.size() < 9 || !ParseNumber(f[0], &id) || !ParseNumber(f[5], &start) ||
        !ParseNumber(f[6], &end) || !ParseNumber(f[7], &head) || start < 0 || end < start ||
        head < 0) {
      Report(diagnostics, name, line_no,
             "expected ID FORM LEMMA POS NER START END HEAD DEPREL with numbers in ID, START, "
             "END, HEAD; sentence dropped");
      current_ok = false;
      current.push_back(Token{});  // keeps the sentence's token count for coref numbering
      continue;
    }
    if (id != static_cast<long>(current.size()) + 1) {
      Report(diagnostics, name, line_no, "token id out of sequence; sentence dropped");
      current_ok = false;
    }
    Token t;
    t.form = std::string(f[1]);
    t.lemma = std::string(f[2]);
    t.pos = std::string(f[3]);
    t.ner = std::string(f[4]);
    t.begin = static_cast<size_t>(start);
    t.end = static_cast<size_t>(end);
    t.head = head == 0 ? -2 : static_cast<int>(head - 1);
    t.deprel = std::string(f[8]);
    current.push_back(std::move(t));
  }
  flush();

  // Heads must fall inside their sentence.
  for (const Sentence& s : doc.sentences) {
    for (size_t i = s.first; i < s.first + s.count; ++i) {
      if (doc.tokens[i].head >= static_cast<int>(s.count)) doc.tokens[i].head = -1;
    }
  }

  // Coreference: SENT:START-END:HEAD with 1-based sentence numbers and token ids, END exclusive.
  for (const PendingCoref& pc : corefs) {
    CorefChain chain;
    bool ok = true;
    for (std::string_view part : SplitFields(pc.spec, '|')) {
      part = Trim(part);
      const auto colon = SplitFields(part, ':');
      long sent = 0, first = 0, last = 0, head = 0;
      const auto dash =
          colon.size() == 3 ? SplitFields(colon[1], '-') : std::vector<std::string_view>{};
      if (colon.size() != 3 || dash.size() != 2 || !ParseNumber(colon[0], &sent) ||
          !ParseNumber(dash[0], &first) || !ParseNumber(dash[1], &last) ||
          !ParseNumber(colon[2], &head) || sent < 1 ||
          static_cast<size_t>(sent) > sentence_start.size() || first < 1 || last <= first ||
          head < first || head >= last) {
        ok = false;
        break;
      }
      if (!sentence_ok[sent - 1]) continue;  // the sentence was dropped
      // Index of the sentence among the kept ones.
      const size_t base = sentence_start[sent - 1];
      const auto it = std::find_if(doc.sentences.begin(), doc.sentences.end(),
                                   [&](const Sentence& s) { return s.first == base; });
      if (it == doc.sentences.end() || static_cast<size_t>(last - 1) > it->count) {
        ok = false;
        break;
      }
      chain.mentions.push_back(Mention{base + static_cast<size_t>(first - 1),
                                       base + static_cast<size_t>(last - 2),
                                       base + static_cast<size_t>(head - 1)});
    }
    if (!ok) {
      Report(diagnostics, name, pc.line, "malformed coreference chain; chain dropped");
      continue;
    }
    if (chain.mentions.size() >= 2) doc.coref.push_back(std::move(chain));
  }

  if (!text.empty()) {
    const std::vector<size_t> offsets = CodePointOffsets(text);
    const size_t n = offsets.size() - 1;
    for (Token& t : doc.tokens) {
      t.begin = offsets[std::min(t.begin, n)];
      t.end = offsets[std::min(t.end, n)];
    }
    for (Sentence& s : doc.sentences) {
      s.begin = doc.tokens[s.first].begin;
      s.end = doc.tokens[s.first + s.count - 1].end;
    }
    doc.text = std::string(text);
  }
  return doc;
}

ConllDocuments ReadConllDirectory(const std::string& dir, const std::string& text_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw std::runtime_error(dir + ": not a readable directory");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".conll") files.push_back(entry.path());
  }
  if (ec) throw std::runtime_error(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  auto slurp = [](const fs::path& p, std::string* out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *out = ss.str();
    return true;
  };
  ConllDocuments result;
  for (const fs::path& p : files) {
    std::string content, text;
    if (!slurp(p, &content)) {
      Report(&result.diagnostics, p.string(), 0, "cannot read file");
      continue;
    }
    if (!text_dir.empty()) {
      const fs::path tp = fs::path(text_dir) / (p.stem().string() + ".txt");
      if (!slurp(tp, &text)) {
        Report(&result.diagnostics, tp.string(), 0,
               "article text missing; offsets left in characters");
      }
    }
    auto doc = ParseConll(content, p.string(), &result.diagnostics, text);
    doc.name = p.stem().string();
    result.documents.push_back(std::move(doc));
  }
  return result;
}

}  // namespace claimgraph::io
