#include "io/truth/csv_scanner.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace claimgraph::io::truth {

CsvScanner::CsvScanner(std::string_view text, std::string name, char separator)
    : text_(text), name_(std::move(name)), sep_(separator) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

namespace {

// Bit 7 set in each byte of `word` equal to the byte repeated in `pattern` (exact: no false
// positives, unlike the usual has-zero-byte test).
inline uint64_t ByteMatches(uint64_t word, uint64_t pattern) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  const uint64_t x = word ^ pattern;
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

constexpr uint64_t Repeat(char c) { return 0x0101010101010101ull * static_cast<unsigned char>(c); }

}  // namespace

bool CsvScanner::NextPlain(std::vector<std::string_view>* fields, size_t* line) {
  // The record is the line up to the next LF; it is plain if it holds something, no quote, and
  // no CR but one right before the LF (CRLF files). Fields end at separators. Eight bytes at a
  // time while eight remain.
  const char* const text = text_.data();
  const size_t size = text_.size();
  const uint64_t sep = Repeat(sep_), quote = Repeat('"'), cr = Repeat('\r'), lf = Repeat('\n');
  size_t p = pos_, start = pos_;
  fields->clear();
  if constexpr (std::endian::native == std::endian::little) {
    for (; p + 8 <= size; p += 8) {
      uint64_t word;
      std::memcpy(&word, text + p, 8);
      uint64_t quotes = ByteMatches(word, quote), crs = ByteMatches(word, cr);
      uint64_t seps = ByteMatches(word, sep);
      const uint64_t end = ByteMatches(word, lf);
      if (end) {  // only the bytes before the LF belong to the record
        const uint64_t before = (end & (0 - end)) - 1;
        quotes &= before;
        crs &= before;
        seps &= before;
      }
      if (quotes) return false;
      if (crs) {  // one CR, and the LF right after it
        const uint64_t next_lf = end ? (end & (0 - end)) >> 8 : 0;
        const bool last_byte = crs == (1ull << 63) && p + 8 < size && text[p + 8] == '\n';
        if (crs != next_lf && !last_byte) return false;
      }
      for (; seps != 0; seps &= seps - 1) {
        const size_t b = p + static_cast<size_t>(std::countr_zero(seps)) / 8;
        fields->push_back(text_.substr(start, b - start));
        start = b + 1;
      }
      if (end) {
        p += static_cast<size_t>(std::countr_zero(end)) / 8;
        goto found;
      }
    }
  }
  for (; p < size && text[p] != '\n'; ++p) {
    const char c = text[p];
    if (c == '"' || (c == '\r' && !(p + 1 < size && text[p + 1] == '\n'))) return false;
    if (c == sep_) {
      fields->push_back(text_.substr(start, p - start));
      start = p + 1;
    }
  }
found : {
  size_t field_end = p;
  if (field_end > pos_ && text[field_end - 1] == '\r') --field_end;
  if (field_end == pos_) return false;  // a blank line: the general path skips it
  fields->push_back(text_.substr(start, field_end - start));
}
  *line = line_;
  if (p < size) ++line_;
  pos_ = p + 1;
  return true;
}

bool CsvScanner::Next(std::vector<std::string_view>* fields, size_t* line) {
  plain_ = NextPlain(fields, line);
  if (plain_) return true;
  fields->clear();
  spans_.clear();
  scratch_.clear();
  Field field{false, 0, 0};
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // current field began with a quote
  bool any = false;         // saw any character of this record
  size_t start_line = line_;
  const char* text = text_.data();
  const size_t size = text_.size();
  // Appends the character at text position p to the field: extends the view while the field's
  // characters are contiguous in the text, else copies.
  auto append = [&](size_t p) {
    if (!field.copied) {
      if (field.size == 0) {
        field.begin = p;
        field.size = 1;
        return;
      }
      if (field.begin + field.size == p) {
        ++field.size;
        return;
      }
      const size_t at = scratch_.size();
      scratch_.append(text + field.begin, field.size);
      field = {true, at, field.size};
    }
    scratch_.push_back(text[p]);
    ++field.size;
  };
  for (;;) {
    if (pos_ >= size) break;
    const size_t p = pos_++;
    const char c = text[p];
    if (quoted) {
      if (c == '"') {
        if (pos_ < size && text[pos_] == '"') {
          append(pos_);
          ++pos_;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line_;
        if (c == '\r' && pos_ < size && text[pos_] == '\n') continue;  // CRLF -> LF
        append(p);
      }
      continue;
    }
    if (c == '\r') continue;  // CR of CRLF, or a stray CR
    if (c == '\n') {
      ++line_;
      if (!any) {  // blank line: skip
        start_line = line_;
        continue;
      }
      break;
    }
    any = true;
    if (c == sep_) {
      spans_.push_back(field);
      field = {false, 0, 0};
      was_quoted = false;
    } else if (c == '"' && field.size == 0 && !was_quoted) {
      quoted = was_quoted = true;
    } else {
      append(p);
    }
  }
  if (quoted)
    throw std::runtime_error(name_ + ":" + std::to_string(start_line) +
                             ": quoted field is never closed");
  if (!any) return false;
  spans_.push_back(field);
  for (const Field& f : spans_)
    fields->push_back(f.copied ? std::string_view(scratch_).substr(f.begin, f.size)
                               : text_.substr(f.begin, f.size));
  *line = start_line;
  return true;
}

}  // namespace claimgraph::io::truth
