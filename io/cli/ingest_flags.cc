#include "io/cli/ingest_flags.h"

#include "io/cli/commands.h"
#include "io/readers/date_normalize.h"

namespace po = boost::program_options;

namespace claimgraph::cli {

void IngestFlags::Add(po::options_description* desc) {
  desc->add_options()("format", po::value(&format)->value_name("FMT"),
                      "auto (by extension), text (front matter), newsplease (JSON / JSONL) or csv")(
      "source", po::value(&source)->value_name("NAME"),
      "source of documents that name none (else inferred from the text)")(
      "date", po::value(&date)->value_name("YYYY-MM-DD"),
      "date of documents that carry none (else inferred from the text)")(
      "strict", po::bool_switch(&strict), "exit 1 if any input was skipped")(
      "column", po::value(&columns)->value_name("FIELD=NAME")->composing(),
      "CSV: take FIELD (title, text, date, source, url, language, authors) from column NAME");
}

io::IngestOptions IngestFlags::ToOptions() const {
  io::IngestOptions options;
  options.strict = strict;
  if (!io::ParseInputFormat(format, &options.reader.format)) {
    throw UsageError("unknown --format '" + format + "' (auto, text, newsplease, csv)");
  }
  options.reader.default_source = source;
  if (!date.empty()) {
    std::string why;
    auto iso = io::NormalizeDate(date, &why);
    if (!iso) throw UsageError("--date '" + date + "': " + why);
    options.reader.default_date = *iso;
  }
  for (const std::string& c : columns) {
    const size_t eq = c.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == c.size()) {
      throw UsageError("--column takes FIELD=NAME, got '" + c + "'");
    }
    const std::string field = c.substr(0, eq);
    if (!io::DefaultCsvColumns().count(field)) {
      throw UsageError("--column: unknown field '" + field +
                       "' (title, text, date, source, url, language, authors)");
    }
    options.reader.csv_columns[field] = c.substr(eq + 1);
  }
  return options;
}

}  // namespace claimgraph::cli
