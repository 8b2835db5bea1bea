// Gold standards for truth discovery and the accuracy of a result against them. Formats:
//   csv         `object,value` with a header (DESIGN.md);
//   dafna       the DAFNA claim format (Weather's truth/ files): object = objectId|property;
//   population  Pasternack & Roth's popAnswersOut.txt, `city, state, year, population` with no
//               header: object = "city, state|population<year>", as in the DAFNA claims;
//   book        Book's book_golden.csv, quoted `isbn,property,authors` with no header: object =
//               isbn|property, value = the author list (read with ValueKind::kAuthorList);
//   auto        guessed from the first line.
// Values are normalised as the claims are (values.h). Bad lines are diagnostics with file and
// line; a file that cannot be opened throws std::runtime_error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/truth/claim_matrix.h"
#include "engine/truth/truth_discovery.h"
#include "io/truth/values.h"

namespace claimgraph::io::truth {

enum class GoldFormat { kAuto, kCsv, kDafna, kPopulation, kBook };

// Returns false if `name` is not auto, csv, dafna, population or book.
bool ParseGoldFormat(std::string_view name, GoldFormat* out);

struct GoldValue {
  std::string object;  // object key, as ObjectKey() builds it
  std::string value;   // normalised value key
  size_t line = 0;
};

struct Gold {
  std::string file;
  std::vector<GoldValue> values;
};

// `values` says how to normalise the gold values; Book gold is always read as author lists.
Gold ReadGold(const std::string& path, GoldFormat format, ValueKind values,
              engine::Diagnostics* diagnostics);
Gold ParseGold(std::string_view text, std::string_view name, GoldFormat format, ValueKind values,
               engine::Diagnostics* diagnostics);

// Known verdicts for semi-supervised truth discovery (TruthOptions::known): per claim of `m`, +1
// for the claim of each object's known value, -1 for the object's other claims (if the known value
// is none of the object's claims, they are all -1), 0 elsewhere. A known object without claims
// and an object given two different values (contradictory: left unknown) are warnings with file
// and line. *objects_known (may be null) = the objects that got a verdict.
std::vector<int8_t> KnownFromGold(const engine::truth::ClaimMatrix& m, const Gold& known,
                                  engine::Diagnostics* diagnostics, int* objects_known);

struct Accuracy {
  double accuracy = 0;  // correct / evaluated; 0 when nothing was evaluated
  int evaluated = 0;    // gold objects that have claims
  int correct = 0;
  int unknown_objects = 0;  // gold objects nobody made a claim about
  // Set values (author lists): the chosen items against the gold items over all evaluated
  // objects (micro-averaged), the figure that sets of names are usually scored by. Zero otherwise.
  bool items = false;
  long true_items = 0, false_items = 0, missed_items = 0;
  double item_precision = 0, item_recall = 0;
};

// Compares the chosen value of each gold object (engine::truth::ChosenValue) with the gold value.
// Gold objects without claims are counted in unknown_objects and reported once as a diagnostic
// (with the first few names). With `set_values`, values are sets of space-separated items and the
// item counts and precision / recall are filled in as well.
Accuracy MeasureAccuracy(const engine::truth::ClaimMatrix& m,
                         const engine::truth::TruthResult& result, const Gold& gold,
                         engine::Diagnostics* diagnostics, bool set_values = false);

}  // namespace claimgraph::io::truth
