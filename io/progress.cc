#include "io/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace claimgraph::io {

ProgressReporter::ProgressReporter(std::ostream& out, bool enabled, bool terminal, Clock clock)
    : out_(out), enabled_(enabled), terminal_(terminal), clock_(std::move(clock)) {}

ProgressReporter ProgressReporter::ForStderr(bool quiet) {
  return ProgressReporter(std::cerr, !quiet, isatty(STDERR_FILENO) == 1);
}

ProgressReporter::~ProgressReporter() { EndStage(); }

double ProgressReporter::SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string ProgressReporter::Grouped(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string ProgressReporter::TimeLeft(double elapsed, double fraction) {
  if (!(fraction > 0.01) || fraction >= 1 || !(elapsed > 0.5)) return "";
  const long left = std::lround(elapsed * (1 - fraction) / fraction);
  if (left < 60) return "about " + std::to_string(std::max(1L, left)) + " s left";
  if (left < 3600)
    return "about " + std::to_string(left / 60) + " min " + std::to_string(left % 60) + " s left";
  return "about " + std::to_string(left / 3600) + " h " + std::to_string(left % 3600 / 60) +
         " min left";
}

void ProgressReporter::Update(std::string_view stage, size_t done, size_t total,
                              std::string_view unit) {
  if (!enabled_) return;
  if (stage != stage_) {
    EndStage();
    stage_ = stage;
    unit_ = unit;
    started_ = clock_();
    drawn_ = -1;
  }
  done_ = done;
  total_ = total;
  if (!terminal_) return;
  const double now = clock_();
  if (drawn_ >= 0 && now - drawn_ < 0.2) return;
  drawn_ = now;
  Draw(false);
}

void ProgressReporter::EndStage() {
  if (!enabled_ || stage_.empty()) return;
  Draw(true);
  stage_.clear();
}

void ProgressReporter::Draw(bool final_line) {
  const double elapsed = clock_() - started_;
  std::string line = stage_ + ": " + Grouped(done_);
  if (total_ && !final_line) line += " of " + Grouped(total_);
  if (!unit_.empty()) line += " " + unit_;
  char buf[64];
  if (total_ && !final_line) {
    std::snprintf(buf, sizeof buf, " (%.0f%%)", 100.0 * std::min(done_, total_) / total_);
    line += buf;
  }
  if (elapsed > 0.05 && done_ > 0) {
    std::snprintf(buf, sizeof buf, ", %.0f/s", done_ / elapsed);
    line += buf;
  }
  if (final_line) {
    std::snprintf(buf, sizeof buf, ", %.1f s", elapsed);
    line += buf;
  } else if (total_) {
    const std::string left =
        TimeLeft(elapsed, static_cast<double>(std::min(done_, total_)) / total_);
    if (!left.empty()) line += ", " + left;
  }
  if (terminal_)
    out_ << "\r\033[K" << line << (final_line ? "\n" : "") << std::flush;
  else
    out_ << line << "\n" << std::flush;
}

void AttachProgress(ProgressReporter* reporter, size_t documents,
                    engine::PipelineOptions* options) {
  options->expected_documents = documents;
  options->progress = [reporter](std::string_view stage, size_t done, size_t total) {
    const bool per_document = stage == "boilerplate" || stage == "extract";
    reporter->Update(stage, done, total,
                     per_document       ? "documents"
                     : stage == "graph" ? "links"
                                        : "claims");
  };
}

void AttachProgress(ProgressReporter* reporter, const std::vector<std::string>& paths,
                    IngestOptions* options) {
  namespace fs = std::filesystem;
  size_t total = 0;
  std::error_code ec;
  for (const std::string& p : paths) {
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
           it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    } else {
      total += fs::file_size(p, ec);
    }
    ec.clear();
  }
  struct State {
    std::string last_path;
    size_t bytes = 0;
    size_t documents = 0;
  };
  auto state = std::make_shared<State>();
  options->on_document = [reporter, state, total, chained = options->on_document](
                             const engine::Document& d, PutStatus status) {
    if (chained) chained(d, status);
    ++state->documents;
    // A JSONL record's path ends in ":line"; its file counts once, when its first record is read.
    std::string file = d.path;
    const size_t colon = file.rfind(':');
    if (colon != std::string::npos && colon + 1 < file.size() &&
        file.find_first_not_of("0123456789", colon + 1) == std::string::npos)
      file.resize(colon);
    if (file != state->last_path) {
      state->last_path = file;
      std::error_code size_ec;
      const auto size = fs::file_size(file, size_ec);
      if (!size_ec) state->bytes += size;
    }
    // Progress by bytes when the files could be sized, else by documents.
    if (total)
      reporter->Update("ingest", state->bytes / 1000, total / 1000, "kB");
    else
      reporter->Update("ingest", state->documents, 0, "documents");
  };
}

}  // namespace claimgraph::io
