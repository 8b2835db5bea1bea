#include "io/report/report_data.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>
#include <unordered_set>

namespace claimgraph::io::report {
namespace {

using engine::Claim;
using engine::ClaimLink;
using engine::Relation;

std::optional<std::chrono::sys_days> ParseDate(const std::string& s) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (s.size() < 10 || std::sscanf(s.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

std::string DescribeGap(long days) {
  if (days == 0) return "same day";
  if (days < 62) return std::to_string(days) + (days == 1 ? " day later" : " days later");
  const long months = std::lround(days / 30.4375);
  if (months < 24) return std::to_string(months) + " months later";
  const long years = months / 12, rest = months % 12;
  std::string out = std::to_string(years) + " years";
  if (rest) out += " " + std::to_string(rest) + (rest == 1 ? " month" : " months");
  return out + " later";
}

// The date a claim is placed at on a timeline: when it was made.
const std::string& DateOf(const Claim& c) { return c.date; }

}  // namespace

std::string SpeakerLabel(const Claim& c) {
  if (c.speaker.empty()) return "";
  if (c.speaker_role.empty()) return c.speaker;
  return c.speaker + " (" + c.speaker_role + ")";
}

std::string AboutLabel(const Claim& c) {
  std::string out;
  for (const engine::TimeRef& t : c.about) {
    if (!out.empty()) out += "; ";
    std::string range = t.begin;
    if (!t.end.empty() && t.end != t.begin) range += ".." + t.end;
    if (!t.text.empty()) {
      out += "\"" + t.text + "\"";
      if (!range.empty()) out += " (" + range + ")";
    } else {
      out += range;
    }
  }
  return out;
}

TimeRelation DescribeTimeRelation(const Claim& a, const Claim& b) {
  TimeRelation r;
  const bool b_first = !a.date.empty() && !b.date.empty() && b.date < a.date;
  r.earlier = b_first ? &b : &a;
  r.later = b_first ? &a : &b;
  const std::string e = r.earlier->date.empty() ? "undated" : r.earlier->date;
  const std::string l = r.later->date.empty() ? "undated" : r.later->date;
  r.text = e + " → " + l;
  const auto de = ParseDate(r.earlier->date), dl = ParseDate(r.later->date);
  if (de && dl) r.text += " (" + DescribeGap((*dl - *de).count()) + ")";
  const std::string ae = AboutLabel(*r.earlier), al = AboutLabel(*r.later);
  if (!ae.empty() || !al.empty()) {
    r.text += "; about " + (ae.empty() ? std::string("(no date)") : ae) + " vs " +
              (al.empty() ? std::string("(no date)") : al);
  }
  return r;
}

ReportData::ReportData(const engine::AnalysisResult& result) : result_(result) {
  // Claim ids are usually 1..n: those are found by index, any others through a hash map.
  const int64_t dense_limit = 2 * static_cast<int64_t>(result.claims.size()) + 16;
  for (const Claim& c : result.claims) {
    if (c.id >= 0 && c.id < dense_limit) {
      if (claims_dense_.size() <= static_cast<size_t>(c.id)) claims_dense_.resize(c.id + 1);
      if (!claims_dense_[c.id]) claims_dense_[c.id] = &c;
    } else {
      claims_.emplace(c.id, &c);
    }
  }
  for (const engine::Document& d : result.documents) documents_.emplace(d.id, &d);
  for (const engine::Proposition& p : result.propositions) propositions_.emplace(p.key, &p);
  for (const engine::CopyPair& cp : result.copies)
    copy_documents_.insert(std::minmax(cp.document_a, cp.document_b));

  for (const ClaimLink& l : result.links) {
    if (!claim(l.a) || !claim(l.b)) {
      ++dangling_links_;
      continue;
    }
    links_[l.relation].push_back(&l);
  }
  for (auto& [relation, v] : links_) {
    if (relation == Relation::kAgree || relation == Relation::kContradict) {
      std::stable_sort(v.begin(), v.end(),
                       [](const ClaimLink* x, const ClaimLink* y) { return x->score > y->score; });
    } else {
      // By the later claim's date, looked up once per link rather than once per comparison.
      std::vector<std::pair<std::string_view, const ClaimLink*>> keyed;
      keyed.reserve(v.size());
      for (const ClaimLink* l : v)
        keyed.emplace_back(std::max(DateOf(*claim(l->a)), DateOf(*claim(l->b))), l);
      std::stable_sort(keyed.begin(), keyed.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      for (size_t i = 0; i < v.size(); ++i) v[i] = keyed[i].second;
    }
  }

  // Evidence per source and speaker.
  std::unordered_map<std::string, size_t> speaker_index;
  auto entry = [](std::vector<Evidence>* v, std::unordered_map<std::string, size_t>* index,
                  const std::string& name) -> Evidence& {
    auto [it, added] = index->emplace(name, v->size());
    if (added) {
      Evidence e;
      e.name = name;
      v->push_back(std::move(e));
    }
    return (*v)[it->second];
  };
  for (const engine::ReliabilityScore& s : result.sources)
    entry(&sources_, &source_index_, s.name).score = &s;
  for (const engine::ReliabilityScore& s : result.speakers) {
    Evidence& e = entry(&speakers_, &speaker_index, s.name);
    e.score = &s;
    e.role = s.role;
  }
  for (const engine::Document& d : result.documents)
    if (!d.source.empty()) entry(&sources_, &source_index_, d.source);
  for (const Claim& c : result.claims) {
    if (!c.source.empty()) ++entry(&sources_, &source_index_, c.source).claims;
    if (!c.speaker.empty()) {
      Evidence& e = entry(&speakers_, &speaker_index, c.speaker);
      ++e.claims;
      if (e.role.empty()) e.role = c.speaker_role;
    }
  }
  // Links touching each source's and speaker's claims (a link inside one source counts once),
  // and per claim whether it is corroborated / contradicted (a claim counts once).
  std::unordered_map<int64_t, std::pair<bool, bool>> flags;  // corroborated, contradicted
  for (Relation r : {Relation::kContradict, Relation::kAgree}) {
    const bool agree = r == Relation::kAgree;
    for (const ClaimLink* l : links(r)) {
      const Claim& a = *claim(l->a);
      const Claim& b = *claim(l->b);
      for (const std::string* name : {&a.source, &b.source}) {
        if (name->empty() || (name == &b.source && b.source == a.source)) continue;
        Evidence& e = entry(&sources_, &source_index_, *name);
        (agree ? e.agreements : e.contradictions)++;
        (agree ? e.agreement_links : e.contradiction_links).push_back(l);
      }
      for (const std::string* name : {&a.speaker, &b.speaker}) {
        if (name->empty() || (name == &b.speaker && b.speaker == a.speaker)) continue;
        Evidence& e = entry(&speakers_, &speaker_index, *name);
        (agree ? e.agreements : e.contradictions)++;
        (agree ? e.agreement_links : e.contradiction_links).push_back(l);
      }
      if (agree && Independent(a, b)) flags[a.id].first = flags[b.id].first = true;
      if (!agree && a.source != b.source) flags[a.id].second = flags[b.id].second = true;
    }
  }
  for (const auto& [id, f] : flags) {
    const Claim& c = *claim(id);
    for (Evidence* e :
         {c.source.empty() ? nullptr : &entry(&sources_, &source_index_, c.source),
          c.speaker.empty() ? nullptr : &entry(&speakers_, &speaker_index, c.speaker)}) {
      if (!e) continue;
      e->corroborated += f.first;
      e->contradicted += f.second;
    }
  }
  auto by_claims = [](const Evidence& x, const Evidence& y) {
    return x.claims != y.claims ? x.claims > y.claims : x.name < y.name;
  };
  std::sort(sources_.begin(), sources_.end(), by_claims);
  std::sort(speakers_.begin(), speakers_.end(), by_claims);
  source_index_.clear();
  for (size_t i = 0; i < sources_.size(); ++i) source_index_.emplace(sources_[i].name, i);

  // Timelines.
  std::unordered_map<std::string, std::vector<const Claim*>> members;
  for (const Claim& c : result.claims)
    if (!c.proposition.empty()) members[c.proposition].push_back(&c);
  // Members listed only in Proposition::claims (not through Claim::proposition), once each.
  std::unordered_set<int64_t> listed;
  for (const engine::Proposition& p : result.propositions) {
    listed.clear();
    for (int64_t id : p.claims) {
      const Claim* c = claim(id);
      if (!c || c->proposition == p.key) continue;
      if (listed.insert(id).second) members[p.key].push_back(c);
    }
  }
  std::unordered_map<std::string, size_t> timeline_index;
  for (auto& [key, v] : members) {
    if (v.size() < 2) continue;
    std::stable_sort(v.begin(), v.end(), [](const Claim* x, const Claim* y) {
      return x->date != y->date ? x->date < y->date : x->id < y->id;
    });
    timeline_index.emplace(key, timelines_.size());
    timelines_.push_back({key, PropositionLabel(key), std::move(v)});
  }
  for (Relation r : {Relation::kContradict, Relation::kUpdate}) {
    for (const ClaimLink* l : links(r)) {
      const Claim& a = *claim(l->a);
      const Claim& b = *claim(l->b);
      if (a.proposition.empty() || a.proposition != b.proposition) continue;
      auto it = timeline_index.find(a.proposition);
      if (it == timeline_index.end()) continue;
      (r == Relation::kContradict ? timelines_[it->second].contradictions
                                  : timelines_[it->second].updates)++;
    }
  }
  std::sort(timelines_.begin(), timelines_.end(), [](const Timeline& x, const Timeline& y) {
    return x.claims.size() != y.claims.size() ? x.claims.size() > y.claims.size() : x.key < y.key;
  });

  std::vector<graph::SourcePairCount> pairs;
  pairs.reserve(result.source_windows.size());
  for (const engine::SourcePairWindow& w : result.source_windows)
    pairs.push_back({w.window, w.source_a, w.source_b, w.agreements, w.contradictions});
  network_ = graph::AnalyzeSourceNetwork(pairs);

  std::unordered_map<const Claim*, std::vector<const ClaimLink*>> in;
  for (const ClaimLink* l : links(Relation::kContradict)) {
    in[claim(l->a)].push_back(l);
    in[claim(l->b)].push_back(l);
  }
  for (auto& [c, v] : in)
    if (v.size() >= 2) contested_.push_back({c, static_cast<int>(v.size()), std::move(v)});
  std::sort(contested_.begin(), contested_.end(), [](const Contested& x, const Contested& y) {
    return x.contradictions != y.contradictions ? x.contradictions > y.contradictions
                                                : x.claim->id < y.claim->id;
  });
}

const Claim* ReportData::claim(int64_t id) const {
  if (id >= 0 && static_cast<size_t>(id) < claims_dense_.size()) return claims_dense_[id];
  auto it = claims_.find(id);
  return it == claims_.end() ? nullptr : it->second;
}

const engine::Document* ReportData::document(int64_t id) const {
  auto it = documents_.find(id);
  return it == documents_.end() ? nullptr : it->second;
}

std::string ReportData::PropositionLabel(const std::string& key) const {
  auto it = propositions_.find(key);
  if (it == propositions_.end() || it->second->label.empty()) return key;
  return it->second->label;
}

const std::vector<const ClaimLink*>& ReportData::links(Relation r) const {
  static const std::vector<const ClaimLink*> kNone;
  auto it = links_.find(r);
  return it == links_.end() ? kNone : it->second;
}

const Evidence* ReportData::source(const std::string& name) const {
  auto it = source_index_.find(name);
  return it == source_index_.end() ? nullptr : &sources_[it->second];
}

std::vector<std::string> ReportData::ReliabilityWindows() const {
  std::set<std::string> windows;
  for (const engine::ReliabilityScore& s : result_.sources)
    for (const engine::ReliabilityWindow& w : s.windows) windows.insert(w.window);
  return {windows.begin(), windows.end()};
}

bool ReportData::Independent(const Claim& a, const Claim& b) const {
  if (a.source == b.source) return false;
  return !copy_documents_.count(std::minmax(a.document, b.document));
}

}  // namespace claimgraph::io::report
