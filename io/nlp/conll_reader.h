// Reader for the CoNLL-style files of ../shared/data/syntax/polnear-corenlp (Stanford CoreNLP's
// annotations of the PolNeAR articles): one token a line, tab-separated
//   ID FORM LEMMA POS NER START END HEAD DEPREL
// (1-based ids, HEAD 0 for the root, START/END character offsets into the article text),
// sentences separated by blank lines, "# sent_id = N" comments, and coreference chains as
//   # coref = SENT:START-END:HEAD | SENT:START-END:HEAD | ...
// (1-based sentence numbers; START-END the mention's 1-based token ids, END exclusive; HEAD the
// head token's id; representative mention first). The result uses AnnotatedDocument's 0-based
// document-wide token indices.
//
// Malformed lines (too few fields, a non-number where a number belongs, a head outside the
// sentence) are diagnostics naming the file and line; the sentence they are in is dropped and
// reading goes on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/nlp/annotation.h"

namespace claimgraph::io {

struct ConllDocuments {
  std::vector<engine::nlp::AnnotatedDocument> documents;
  engine::Diagnostics diagnostics;
};

// Parses one file's content; `name` stands in for its path in diagnostics and becomes the
// document's name. START/END are character (code point) offsets; when `text` is given (the
// article the offsets point into) they are converted to byte offsets and the document keeps the
// text; otherwise they stay as written and AnnotatedDocument::text is empty.
engine::nlp::AnnotatedDocument ParseConll(std::string_view content, const std::string& name,
                                          engine::Diagnostics* diagnostics,
                                          std::string_view text = {});

// Reads every *.conll file of `dir` (not recursive), in file-name order. With `text_dir`, the
// article NAME.txt there is read for each NAME.conll (a missing one is a diagnostic; offsets then
// stay in characters). Throws std::runtime_error if `dir` is not a readable directory.
ConllDocuments ReadConllDirectory(const std::string& dir, const std::string& text_dir = "");

}  // namespace claimgraph::io
