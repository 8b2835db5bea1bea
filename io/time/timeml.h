// TimeML documents (TempEval-3's .tml files): the document creation time from <DCT>, the text of
// <TEXT> with its markup stripped and entities decoded, and the gold TIMEX3 expressions inside it
// as byte spans of that text. WriteTimeml puts a system's own TIMEX3 tags into the same document:
// everything outside <TEXT> as read, the text unchanged, only the system's tags inside it.
//
// A document without a DCT, without a TEXT element, or with unbalanced or malformed tags inside
// TEXT is a diagnostic naming the file and line; a TIMEX3 without a value is read with an empty
// value and a warning.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/time/timex.h"

namespace claimgraph::io {

struct TimemlDocument {
  std::string name;
  std::string dct;   // "YYYY-MM-DD" (the DCT's value cut to a day)
  std::string text;  // TEXT's character data, entities decoded
  std::vector<engine::time::Timex> gold;
  std::string before_text;  // the file up to and including <TEXT>
  std::string after_text;   // from </TEXT> to the end
};

// Returns false (with a diagnostic) when the document cannot be used.
bool ParseTimeml(std::string_view content, const std::string& name, TimemlDocument* doc,
                 engine::Diagnostics* diagnostics);

// The document with `system`'s TIMEX3 tags (tid t1, t2, ...; the DCT keeps t0) inside TEXT.
std::string WriteTimeml(const TimemlDocument& doc, const std::vector<engine::time::Timex>& system);

// Every *.tml file under `dir`, recursively, in path order.
std::vector<std::string> ListTimemlFiles(const std::string& dir);

}  // namespace claimgraph::io
