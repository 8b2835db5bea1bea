// Progress of a long command on standard error: `run`, `ingest` and `analyze` report each stage's
// work done, its rate and an estimate of the time left. On a terminal it is one line rewritten
// in place (at most five times a second); otherwise (a log file, a pipe) one line per stage when
// the stage ends, so logs stay short. `--quiet` turns it off.
//
// Thread safety: one thread calls a reporter at a time.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/pipeline.h"
#include "io/ingest.h"

namespace claimgraph::io {

class ProgressReporter {
 public:
  // Seconds since some fixed point; tests pass a fake clock.
  using Clock = std::function<double()>;

  // Writes to `out`; `terminal` chooses the updating line. A disabled reporter writes nothing.
  ProgressReporter(std::ostream& out, bool enabled, bool terminal, Clock clock = SteadySeconds);
  // To standard error: enabled unless `quiet`, updating when standard error is a terminal.
  static ProgressReporter ForStderr(bool quiet);
  ~ProgressReporter();

  // `done` of `total` `unit`s of `stage` (total 0: unknown, no estimate). A stage name other than
  // the current one ends the current stage first.
  void Update(std::string_view stage, size_t done, size_t total, std::string_view unit);
  // Ends the current stage: its final line (count, seconds, rate).
  void EndStage();

  // "1,234,567"
  static std::string Grouped(size_t n);
  // "about 3 min 20 s left" from the elapsed seconds and the share done (0..1); "" when unknown.
  static std::string TimeLeft(double elapsed, double fraction);

 private:
  static double SteadySeconds();
  void Draw(bool final_line);

  std::ostream& out_;
  bool enabled_;
  bool terminal_;
  Clock clock_;
  std::string stage_;
  std::string unit_;
  size_t done_ = 0;
  size_t total_ = 0;
  double started_ = 0;
  double drawn_ = -1;  // when the line was last drawn
};

// Reports the pipeline's stages through `reporter` (which must outlive the analysis), expecting
// `documents` documents (0: unknown).
void AttachProgress(ProgressReporter* reporter, size_t documents, engine::PipelineOptions* options);
// Reports an ingest of `paths` through `reporter` by the bytes of the input files read so far
// (the files are sized first, which costs one directory walk).
void AttachProgress(ProgressReporter* reporter, const std::vector<std::string>& paths,
                    IngestOptions* options);

}  // namespace claimgraph::io
