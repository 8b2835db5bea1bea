// Token feature atoms for the taggers.
#include "engine/nlp/word_features.h"

#include <cctype>

#include "engine/nlp/linear_model.h"

namespace claimgraph::engine::nlp {
namespace {

// Byte length of the last n code points of s (or all of s).
size_t TailBytes(std::string_view s, size_t n) {
  size_t end = s.size();
  while (n > 0 && end > 0) {
    --end;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    --n;
  }
  return s.size() - end;
}
size_t HeadBytes(std::string_view s, size_t n) {
  size_t pos = 0;
  while (n > 0 && pos < s.size()) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    --n;
  }
  return pos;
}

enum AtomTemplate : uint64_t {
  kForm = 1,
  kWord,
  kPrefix1,
  kPrefix3,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kShape,
};

}  // namespace

std::string NormalizeWord(std::string_view form) {
  bool digit = false, other = false;
  for (char c : form) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else if (c != ',' && c != '.' && c != ':' && c != '-' && c != '/') {
      other = true;
    }
  }
  if (digit && !other)
    return form.size() == 4 && form.find_first_not_of("0123456789") == std::string_view::npos
               ? "!YEAR"
               : "!DIGITS";
  std::string out(form);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string WordShape(std::string_view form) {
  std::string out;
  char last = 0;
  for (size_t i = 0; i < form.size() && out.size() < 8; ++i) {
    const unsigned char c = static_cast<unsigned char>(form[i]);
    char k;
    if (std::isupper(c)) {
      k = 'X';
    } else if (std::islower(c)) {
      k = 'x';
    } else if (std::isdigit(c)) {
      k = 'd';
    } else if (c >= 0x80) {
      k = 'u';
      while (i + 1 < form.size() && (static_cast<unsigned char>(form[i + 1]) & 0xC0) == 0x80) ++i;
    } else {
      k = static_cast<char>(c);
    }
    if (k != last) out.push_back(k);
    last = k;
  }
  return out;
}

void ComputeAtoms(const std::vector<Token>& tokens, size_t first, size_t count,
                  std::vector<WordAtoms>* atoms) {
  atoms->clear();
  atoms->resize(count + 2 * kAtomPadding);
  for (size_t k = 0; k < kAtomPadding; ++k) {
    for (WordAtoms* a : {&(*atoms)[k], &(*atoms)[count + kAtomPadding + k]}) {
      const std::string_view pad =
          a == &(*atoms)[k] ? (k == 0 ? "-START2-" : "-START-") : (k == 0 ? "-END-" : "-END2-");
      a->form = a->word = a->prefix1 = a->prefix3 = a->suffix2 = a->suffix3 = a->suffix4 =
          a->shape = FeatureHash(kForm, pad);
    }
  }
  for (size_t i = 0; i < count; ++i) {
    const std::string& form = tokens[first + i].form;
    WordAtoms& a = (*atoms)[i + kAtomPadding];
    const std::string word = NormalizeWord(form);
    a.form = FeatureHash(kForm, form);
    a.word = FeatureHash(kWord, word);
    a.prefix1 = FeatureHash(kPrefix1, std::string_view(form).substr(0, HeadBytes(form, 1)));
    a.prefix3 = FeatureHash(kPrefix3, std::string_view(word).substr(0, HeadBytes(word, 3)));
    a.suffix2 =
        FeatureHash(kSuffix2, std::string_view(word).substr(word.size() - TailBytes(word, 2)));
    a.suffix3 =
        FeatureHash(kSuffix3, std::string_view(word).substr(word.size() - TailBytes(word, 3)));
    a.suffix4 =
        FeatureHash(kSuffix4, std::string_view(word).substr(word.size() - TailBytes(word, 4)));
    a.shape = FeatureHash(kShape, WordShape(form));
    a.capitalized = !form.empty() && std::isupper(static_cast<unsigned char>(form[0]));
    a.has_digit = form.find_first_of("0123456789") != std::string::npos;
    a.has_hyphen = form.find('-') != std::string::npos && form.size() > 1;
  }
}

}  // namespace claimgraph::engine::nlp
