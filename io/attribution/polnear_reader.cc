// Reader for PolNeAR's brat standoff and metadata (see polnear_reader.h).
#include "io/attribution/polnear_reader.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "io/readers/fields.h"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using engine::Diagnostic;
using engine::Diagnostics;
using engine::attrib::AttributionSpan;
using engine::attrib::ByteRange;
using engine::attrib::ByteRanges;

bool ParseSize(std::string_view s, size_t* out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

void Report(Diagnostics* d, const std::string& file, size_t line, std::string message,
            Diagnostic::Severity severity = Diagnostic::Severity::kError) {
  if (d == nullptr) return;
  Diagnostic x;
  x.severity = severity;
  x.file = file;
  x.line = line;
  x.message = std::move(message);
  d->push_back(std::move(x));
}

// Byte offset of each code point index of `text` (one past the end included).
std::vector<size_t> CodePointOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  offsets.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  offsets.push_back(text.size());
  return offsets;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error(p.string() + ": cannot read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct MetadataRow {
  std::string annotators, publisher, date, author, title;
};

// metadata.tsv by file name; diagnostics for short rows.
std::map<std::string, MetadataRow> ReadMetadata(const fs::path& path, Diagnostics* d) {
  std::map<std::string, MetadataRow> rows;
  std::ifstream in(path, std::ios::binary);
  if (!in) return rows;
  std::string line;
  std::map<std::string, size_t> col;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto f = SplitFields(line, '\t');
    if (number == 1) {
      for (size_t i = 0; i < f.size(); ++i) col[std::string(f[i])] = i;
      if (!col.count("filename")) {
        Report(d, path.string(), 1, "metadata header has no 'filename' column");
        return rows;
      }
      continue;
    }
    if (line.empty()) continue;
    auto get = [&](const char* name) -> std::string {
      const auto it = col.find(name);
      return it != col.end() && it->second < f.size() ? std::string(f[it->second]) : "";
    };
    if (f.size() < col.size()) {
      Report(d, path.string(), number,
             "metadata row has " + std::to_string(f.size()) + " fields, expected " +
                 std::to_string(col.size()),
             Diagnostic::Severity::kWarning);
    }
    rows[get("filename")] = {get("annotators"), get("publisher"), get("publication_date"),
                             get("author"), get("title")};
  }
  return rows;
}

}  // namespace

std::vector<AttributionSpan> ParseBratAttributions(std::string_view ann, std::string_view text,
                                                   const std::string& name,
                                                   Diagnostics* diagnostics) {
  const std::vector<size_t> offsets = CodePointOffsets(text);
  struct TSpan {
    std::string type;
    ByteRanges ranges;
  };
  std::map<std::string, TSpan> spans;
  struct EventLine {
    size_t line;
    std::vector<std::pair<std::string, std::string>> args;  // role, T id
  };
  std::vector<EventLine> events;
  size_t number = 0;
  for (std::string_view line : SplitFields(ann, '\n')) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const auto f = SplitFields(line, '\t');
    if (line[0] == 'T') {
      if (f.size() < 2) {
        Report(diagnostics, name, number, "text-bound annotation without a type and offsets");
        continue;
      }
      const size_t space = f[1].find(' ');
      if (space == std::string_view::npos) {
        Report(diagnostics, name, number, "text-bound annotation without offsets");
        continue;
      }
      TSpan t;
      t.type = std::string(f[1].substr(0, space));
      bool ok = true;
      for (std::string_view piece : SplitFields(f[1].substr(space + 1), ';')) {
        const auto be = SplitFields(piece, ' ');
        size_t b = 0, e = 0;
        if (be.size() != 2 || !ParseSize(be[0], &b) || !ParseSize(be[1], &e) || e < b) {
          Report(diagnostics, name, number,
                 "bad offsets '" + std::string(piece) + "' (expected START END)");
          ok = false;
          break;
        }
        if (e >= offsets.size()) {
          Report(diagnostics, name, number,
                 "offset " + std::to_string(e) + " is past the end of the text (" +
                     std::to_string(offsets.size() - 1) + " characters)");
          ok = false;
          break;
        }
        t.ranges.push_back({offsets[b], offsets[e]});
      }
      if (!ok) continue;
      engine::attrib::Normalize(&t.ranges);
      spans[std::string(f[0])] = std::move(t);
    } else if (line[0] == 'E') {
      if (f.size() < 2) {
        Report(diagnostics, name, number, "event without arguments");
        continue;
      }
      EventLine e{number, {}};
      for (std::string_view arg : SplitFields(f[1], ' ')) {
        if (arg.empty()) continue;
        const size_t colon = arg.find(':');
        if (colon == std::string_view::npos) {
          Report(diagnostics, name, number,
                 "event argument '" + std::string(arg) + "' is not ROLE:ID");
          continue;
        }
        e.args.emplace_back(std::string(arg.substr(0, colon)), std::string(arg.substr(colon + 1)));
      }
      events.push_back(std::move(e));
    }
  }
  std::vector<AttributionSpan> out;
  for (const EventLine& e : events) {
    if (e.args.empty() || e.args[0].first.rfind("Attribution", 0) != 0) continue;
    AttributionSpan a;
    bool ok = true;
    for (size_t i = 1; i < e.args.size(); ++i) {
      const auto it = spans.find(e.args[i].second);
      if (it == spans.end()) {
        Report(diagnostics, name, e.line,
               "event refers to unknown span '" + e.args[i].second + "'");
        ok = false;
        break;
      }
      const std::string& role = e.args[i].first;
      ByteRanges* into = role.rfind("Source", 0) == 0    ? &a.source
                         : role.rfind("Cue", 0) == 0     ? &a.cue
                         : role.rfind("Content", 0) == 0 ? &a.content
                                                         : nullptr;
      if (into == nullptr) continue;
      into->insert(into->end(), it->second.ranges.begin(), it->second.ranges.end());
    }
    if (!ok) continue;
    engine::attrib::Normalize(&a.source);
    engine::attrib::Normalize(&a.cue);
    engine::attrib::Normalize(&a.content);
    if (a.content.empty() || a.cue.empty()) {
      Report(diagnostics, name, e.line, "attribution without a cue or a content",
             Diagnostic::Severity::kWarning);
      continue;
    }
    out.push_back(std::move(a));
  }
  return out;
}

PolnearCorpus ReadPolnearDirectory(const std::string& dir) {
  PolnearCorpus corpus;
  fs::path root = fs::path(dir).lexically_normal();
  if (root.filename().empty()) root = root.parent_path();  // "dev/"
  const fs::path text_dir = root / "text";
  std::error_code ec;
  if (!fs::is_directory(text_dir, ec))
    throw std::runtime_error(text_dir.string() + ": not a readable directory");
  fs::path meta = root / "metadata.tsv";
  if (!fs::exists(meta, ec)) meta = root.parent_path() / "metadata.tsv";
  const auto metadata = ReadMetadata(meta, &corpus.diagnostics);
  // .ann files by article name.
  std::map<std::string, std::vector<std::pair<std::string, fs::path>>> anns;
  if (fs::is_directory(root / "attributions", ec)) {
    for (const auto& entry : fs::directory_iterator(root / "attributions")) {
      const fs::path& p = entry.path();
      if (p.extension() != ".ann") continue;
      const std::string stem = p.stem().string();
      const size_t us = stem.rfind('_');
      if (us == std::string::npos) continue;
      anns[stem.substr(0, us)].emplace_back(stem.substr(us + 1), p);
    }
  }
  std::vector<fs::path> texts;
  for (const auto& entry : fs::directory_iterator(text_dir))
    if (entry.path().extension() == ".txt") texts.push_back(entry.path());
  std::sort(texts.begin(), texts.end());
  for (const fs::path& t : texts) {
    PolnearDocument doc;
    doc.name = t.stem().string();
    doc.text = ReadFile(t);
    const auto m = metadata.find(doc.name);
    std::string preferred;
    if (m != metadata.end()) {
      doc.publisher = m->second.publisher;
      doc.date = m->second.date;
      doc.title = m->second.title;
      doc.author = m->second.author;
      preferred = m->second.annotators.substr(0, m->second.annotators.find_first_of(",; "));
    }
    auto it = anns.find(doc.name);
    if (it == anns.end()) {
      Report(&corpus.diagnostics, t.string(), 0, "no attribution file for this article",
             Diagnostic::Severity::kWarning);
    } else {
      auto files = it->second;
      std::sort(files.begin(), files.end());
      auto pick = files.begin();
      for (auto f = files.begin(); f != files.end(); ++f)
        if (f->first == preferred) pick = f;
      doc.annotator = pick->first;
      doc.attributions = ParseBratAttributions(ReadFile(pick->second), doc.text,
                                               pick->second.string(), &corpus.diagnostics);
    }
    corpus.documents.push_back(std::move(doc));
  }
  return corpus;
}

}  // namespace claimgraph::io
