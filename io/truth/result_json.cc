// The JSON result of `claimgraph truth -o` (result_json.h).
#include "io/truth/result_json.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include "engine/truth/accu.h"
#include "engine/truth/source_report.h"
#include "io/report/json_writer.h"

namespace claimgraph::io::truth {
namespace {

namespace et = engine::truth;

// JSON numbers must be finite.
double Finite(double x) { return std::isfinite(x) ? x : 0.0; }

// Indices 0..n-1 in the order of names[i] (JSON objects are written with sorted keys, as
// nlohmann::json writes them).
std::vector<int> SortedBy(const std::vector<std::string>& names, int n) {
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](int a, int b) { return names[a] < names[b]; });
  return order;
}

// The chosen value of object o, as ChosenValue without a copy.
std::string_view Chosen(const et::ClaimMatrix& m, const et::TruthResult& r, int o) {
  if (o < static_cast<int>(r.built_values.size()) && !r.built_values[o].empty())
    return r.built_values[o];
  return r.truth[o] >= 0 ? std::string_view(m.values[r.truth[o]]) : std::string_view();
}

// A file written in chunks through a temporary beside it, renamed into place by Commit (the
// destructor removes an uncommitted temporary): the output appears whole or not at all.
class ChunkedFile {
 public:
  explicit ChunkedFile(std::string path) : path_(std::move(path)), temporary_(path_ + ".tmp") {
    fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) throw std::runtime_error(path_ + ": cannot write: " + std::strerror(errno));
  }
  ~ChunkedFile() {
    if (fd_ >= 0) {
      ::close(fd_);
      std::remove(temporary_.c_str());
    }
  }
  ChunkedFile(const ChunkedFile&) = delete;
  ChunkedFile& operator=(const ChunkedFile&) = delete;

  // Writes *buffer once it holds `threshold` bytes or more, and empties it.
  void Flush(std::string* buffer, size_t threshold = 0) {
    if (buffer->size() < threshold || buffer->empty()) return;
    const char* p = buffer->data();
    size_t left = buffer->size();
    while (left > 0) {
      const ssize_t n = ::write(fd_, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw std::runtime_error(path_ + ": write failed: " + std::strerror(errno));
      p += n;
      left -= static_cast<size_t>(n);
    }
    written_ += buffer->size();
    buffer->clear();
  }
  // Writes the rest of *buffer and renames the temporary into place. Returns the bytes written.
  size_t Commit(std::string* buffer) {
    Flush(buffer);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
      std::remove(temporary_.c_str());
      throw std::runtime_error(path_ + ": write failed");
    }
    if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
      std::remove(temporary_.c_str());
      throw std::runtime_error(path_ + ": cannot replace");
    }
    return written_;
  }

 private:
  std::string path_, temporary_;
  int fd_ = -1;
  size_t written_ = 0;
};

}  // namespace

size_t WriteTruthResultJson(const std::string& path, const et::ClaimMatrix& m,
                            const et::TruthAlgorithm& method, const et::TruthResult& result,
                            const Eigen::VectorXd& sd, const std::vector<et::WindowTrust>* years,
                            const std::vector<int8_t>& known,
                            const et::CalibrationOptions& calibration) {
  constexpr size_t kChunk = 256 << 10;
  ChunkedFile file(path);
  std::string out;
  out.reserve(kChunk + 64 * 1024);
  io::report::JsonWriter w(&out);
  const std::vector<int> sources = SortedBy(m.sources, m.num_sources());
  const std::vector<int> objects = SortedBy(m.objects, m.num_objects());
  const auto evidence = et::CountEvidence(m, &result);
  const std::vector<et::ReliabilityEvidence> support = et::MatrixEvidence(m, result, known);
  const double prior = et::PriorMean(support, calibration);
  const auto* accu = dynamic_cast<const et::Accu*>(&method);
  w.BeginObject();
  // Members in nlohmann's (sorted) order.
  w.Key("belief").BeginObject();
  std::vector<int> claims;
  for (int o : objects) {
    w.Key(m.objects[o]).BeginObject();
    claims.clear();
    for (int c = m.object_begin[o]; c < m.object_begin[o + 1]; ++c) claims.push_back(c);
    std::sort(claims.begin(), claims.end(),
              [&](int a, int b) { return m.values[a] < m.values[b]; });
    for (int c : claims) w.Key(m.values[c]).Double(Finite(result.belief[c]));
    w.EndObject();
    file.Flush(&out, kChunk);
  }
  w.EndObject();
  w.Key("converged").Bool(result.converged);
  if (accu) {
    w.Key("dependent_sources").BeginArray();
    for (const et::Accu::Dependence& d : accu->dependences())
      w.BeginObject()
          .Key("a")
          .String(m.sources[d.a])
          .Key("b")
          .String(m.sources[d.b])
          .Key("probability")
          .Double(Finite(d.probability))
          .EndObject();
    w.EndArray();
  }
  w.Key("iterations").Int(result.iterations);
  w.Key("method").String(result.method);
  w.Key("objects").BeginObject();
  for (int o : objects) {
    if (result.truth[o] < 0) continue;
    w.Key(m.objects[o])
        .BeginObject()
        .Key("confidence")
        .Double(Finite(result.confidence[o]))
        .Key("value")
        .String(Chosen(m, result, o))
        .EndObject();
    file.Flush(&out, kChunk);
  }
  w.EndObject();
  w.Key("residual").Double(Finite(result.residual));
  w.Key("sources").BeginArray();
  for (int s = 0; s < m.num_sources(); ++s) {
    const et::CalibratedReliability r = et::Calibrate(support[s], prior, calibration);
    w.BeginObject()
        .Key("chosen")
        .Int(evidence[s].chosen)
        .Key("claims")
        .Int(evidence[s].claims)
        .Key("contradicted")
        .Int(evidence[s].contradicted)
        .Key("corroborated")
        .Int(evidence[s].corroborated)
        .Key("evidence")
        .Int(r.evidence)
        .Key("interval")
        .BeginArray()
        .Double(Finite(r.low))
        .Double(Finite(r.high))
        .EndArray()
        .Key("name")
        .String(m.sources[s])
        .Key("reliability")
        .Double(Finite(r.reliability))
        .Key("trust")
        .Double(Finite(result.trust[s]))
        .Key("uncertainty")
        .Double(sd.size() ? Finite(sd[s]) : 0.0)
        .Key("verdicts")
        .Int(r.verdicts)
        .EndObject();
    file.Flush(&out, kChunk);
  }
  w.EndArray();
  w.Key("trust").BeginObject();
  for (int s : sources) w.Key(m.sources[s]).Double(Finite(result.trust[s]));
  w.EndObject();
  w.Key("truth").BeginObject();
  for (int o : objects) {
    if (result.truth[o] >= 0) w.Key(m.objects[o]).String(Chosen(m, result, o));
    file.Flush(&out, kChunk);
  }
  w.EndObject();
  if (years) {
    w.Key("windows").BeginObject();
    for (const et::WindowTrust& window : *years) {
      w.Key(window.window).BeginObject();
      for (int s : sources)
        if (window.claims[s] > 0) w.Key(m.sources[s]).Double(Finite(window.trust[s]));
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndObject();
  out.push_back('\n');
  return file.Commit(&out);
}

}  // namespace claimgraph::io::truth
