// SpeakerMemory (issue 13, defect 3): look-ups answer as the reverse scans they replace did (the
// most recently mentioned speaker of each kind, by name, surname and head word), and a speaker
// mentioned again and again keeps one copy of each word of their descriptions, so memory and
// per-sentence work do not grow with the number of mentions.
#include <catch2/catch.hpp>
#include <string>

#include "engine/extract/attribution.h"

using namespace claimgraph::engine;

namespace {

KnownSpeaker Speaker(std::string name, std::string role, bool person, bool group = false,
                     std::string description = "") {
  KnownSpeaker k;
  k.name = std::move(name);
  k.role = std::move(role);
  k.person = person;
  k.group = group;
  k.description = std::move(description);
  return k;
}

}  // namespace

TEST_CASE("speaker memory answers with the most recent speaker of each kind",
          "[engine][extract][harden]") {
  SpeakerMemory m;
  CHECK(m.LastPerson() == nullptr);
  m.Add(Speaker("Kenneth McKenzie", "the commander of US Central Command", true));
  m.Add(Speaker("US State Department", "", false));
  m.Add(Speaker("some Shiite political groups", "", false, true));
  m.Add(Speaker("Laila Haddad", "the defence minister", true));
  REQUIRE(m.LastPerson() != nullptr);
  CHECK(m.LastPerson()->name == "Laila Haddad");
  CHECK(m.LastBody()->name == "US State Department");
  CHECK(m.LastGroup()->name == "some Shiite political groups");
  CHECK(m.ByName("Kenneth McKenzie")->role == "the commander of US Central Command");
  CHECK(m.ByName("Nobody") == nullptr);
  CHECK(m.BySurname("McKenzie")->name == "Kenneth McKenzie");
  CHECK(m.BySurname("McKenzi")->name == "Kenneth McKenzie");  // one edit
  CHECK(m.BySurname("Smith") == nullptr);
  CHECK(m.ByHead("minister")->name == "Laila Haddad");
  CHECK(m.ByHead("commander")->name == "Kenneth McKenzie");
  CHECK(m.ByHead("general") == nullptr);
  // A new mention makes McKenzie the most recent person; the first, fuller role is kept.
  m.Add(Speaker("Kenneth McKenzie", "general", true, false, "the general"));
  CHECK(m.LastPerson()->name == "Kenneth McKenzie");
  CHECK(m.LastPerson()->role == "the commander of US Central Command");
  CHECK(m.ByHead("general")->name == "Kenneth McKenzie");
  // Two persons share a word: the more recent one answers.
  m.Add(Speaker("Omar Haddad", "a second minister", true));
  CHECK(m.ByHead("minister")->name == "Omar Haddad");
  CHECK(m.BySurname("Haddad")->name == "Omar Haddad");
  m.Add(Speaker("Laila Haddad", "", true));
  CHECK(m.ByHead("minister")->name == "Laila Haddad");
  CHECK(m.BySurname("Haddad")->name == "Laila Haddad");
  // A body that becomes a group leaves the bodies.
  m.Add(Speaker("US State Department", "", false, true));
  CHECK(m.LastGroup()->name == "US State Department");
  CHECK(m.LastBody() == nullptr);
  CHECK(m.size() == 5);
}

TEST_CASE("a speaker mentioned 10,000 times keeps one copy of each description word",
          "[engine][extract][harden]") {
  // The old memory appended every mention's description to the last, and ByHead re-tokenised
  // all of it for every sentence: quadratic in the length of a one-paragraph document.
  SpeakerMemory m;
  for (int i = 0; i < 10000; ++i) {
    m.Add(Speaker("Kenneth McKenzie", "general", true, false, "the lieutenant general"));
    m.Add(Speaker("Speaker " + std::to_string(i), "spokesperson", true));
  }
  CHECK(m.size() == 10001);
  REQUIRE(m.ByName("Kenneth McKenzie") != nullptr);
  CHECK(m.ByName("Kenneth McKenzie")->description.size() < 64);
  CHECK(m.ByHead("lieutenant")->name == "Kenneth McKenzie");
  CHECK(m.ByHead("spokesperson")->name == "Speaker 9999");
}
