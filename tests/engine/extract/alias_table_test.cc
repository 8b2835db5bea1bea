#include "engine/extract/alias_table.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace claimgraph::engine;

namespace {

std::vector<std::string> Canonicals(const AliasTable& t, const std::string& text) {
  std::vector<std::string> out;
  for (const EntityMention& m : t.Find(text)) out.push_back(m.canonical);
  return out;
}

}  // namespace

TEST_CASE("AliasTable normalises spelling variants to one canonical name",
          "[engine][extract][alias]") {
  const AliasTable t = AliasTable::Default();
  struct Case {
    const char* phrase;
    const char* canonical;
  };
  const Case cases[] = {
      {"Ain al-Asad", "Ain al-Asad"},
      {"Ain al Asad", "Ain al-Asad"},
      {"Ain Al-Assad", "Ain al-Asad"},
      {"Al-Asad airbase", "Ain al-Asad"},
      {"Daesh", "Islamic State"},
      {"ISIS", "Islamic State"},
      {"Islamic State", "Islamic State"},
      {"US", "United States"},
      {"United States", "United States"},
      {"USA", "United States"},
      {"American", "United States"},
      {"U.S.", "United States"},
      {"Washington", "United States"},
      {"Baghdad", "Iraq"},
      {"Iraqi", "Iraq"},
      {"Kataeb Hezbollah", "Kataib Hezbollah"},
      {"Kurdistan Region", "Kurdistan Region"},
  };
  for (const Case& c : cases) {
    INFO(c.phrase);
    CHECK(t.Canonical(c.phrase) == c.canonical);
  }
  CHECK(t.Canonical("Harbour Bridge").empty());
}

TEST_CASE("AliasTable::Find matches longest aliases and reads capitals by context",
          "[engine][extract][alias]") {
  const AliasTable t = AliasTable::Default();
  CHECK(Canonicals(t, "Troops left Ain Al-Assad and the Al-Asad airbase.") ==
        std::vector<std::string>{"Ain al-Asad", "Ain al-Asad"});
  CHECK(Canonicals(t, "Washington and Baghdad agreed.") ==
        std::vector<std::string>{"United States", "Iraq"});
  // After a locative preposition the capital is the city.
  CHECK(Canonicals(t, "soldiers from Baghdad") == std::vector<std::string>{"Baghdad"});
  // Short aliases must be written in capitals: "us" the pronoun is not the country.
  CHECK(Canonicals(t, "they want us there").empty());
  // Added aliases.
  AliasTable custom;
  custom.Add("Harbour Bridge", "harbor bridge");
  CHECK(custom.Canonical("Harbor Bridge") == "Harbour Bridge");
}
