#include "engine/claim.h"

#include <array>
#include <utility>

namespace claimgraph::engine {
namespace {

constexpr std::array<std::pair<Polarity, std::string_view>, 2> kPolarityNames{{
    {Polarity::kAffirmed, "affirmed"},
    {Polarity::kNegated, "negated"},
}};
constexpr std::array<std::pair<Modality, std::string_view>, 6> kModalityNames{{
    {Modality::kAsserted, "asserted"},
    {Modality::kReported, "reported"},
    {Modality::kForecast, "forecast"},
    {Modality::kHedged, "hedged"},
    {Modality::kDenial, "denial"},
    {Modality::kQuestion, "question"},
}};
constexpr std::array<std::pair<Relation, std::string_view>, 4> kRelationNames{{
    {Relation::kAgree, "agree"},
    {Relation::kContradict, "contradict"},
    {Relation::kUpdate, "update"},
    {Relation::kCopy, "copy"},
}};

template <typename Enum, size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum e) {
  for (const auto& [value, name] : table)
    if (value == e) return name;
  return "unknown";
}

template <typename Enum, size_t N>
bool ValueOf(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name,
             Enum* out) {
  for (const auto& [value, n] : table)
    if (n == name) {
      *out = value;
      return true;
    }
  return false;
}

}  // namespace

std::string_view ToString(Polarity p) { return NameOf(kPolarityNames, p); }
std::string_view ToString(Modality m) { return NameOf(kModalityNames, m); }
std::string_view ToString(Relation r) { return NameOf(kRelationNames, r); }
bool ParsePolarity(std::string_view name, Polarity* out) {
  return ValueOf(kPolarityNames, name, out);
}
bool ParseModality(std::string_view name, Modality* out) {
  return ValueOf(kModalityNames, name, out);
}
bool ParseRelation(std::string_view name, Relation* out) {
  return ValueOf(kRelationNames, name, out);
}

}  // namespace claimgraph::engine
