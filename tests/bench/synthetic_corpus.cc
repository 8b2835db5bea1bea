// synthetic_corpus: writes a realistic synthetic news corpus for the speed benchmark
// (docs/EVALUATION.md, "Pipeline speed") and for stress tests of ingest and analysis.
//
// The corpus imitates the material claimgraph is built for: many outlets (some of them wires that
// others syndicate) report on many stories over several years; each story has facts that change
// over time (a status that flips, a count that moves, a deadline that slips), so later articles
// update earlier ones; outlets of lower reliability misreport facts (negated status, wrong numbers,
// wrong deadlines), which gives real contradictions; speakers are quoted directly and indirectly,
// deny, forecast and hedge; copies re-run a wire story under another outlet; and every page
// carries furniture (share and newsletter prompts, comment counters, "LATEST CONTENT" lists of
// unrelated headlines, a footer block repeated across the outlet's pages). Entity names are built
// from syllables so vocabulary grows with the corpus, as it does in real news.
//
// usage: synthetic_corpus --out DIR --articles N [--format text|jsonl] [--seed S]
//                         [--sources K] [--articles-per-story M]
// text: one front-matter file per article, DIR/<outlet>/<shard>/<n>.txt (1,000 per folder);
// jsonl: news-please records, DIR/articles-<shard>.jsonl (10,000 per file). The ground truth (each
// outlet's reliability and the true value of every fact per year) goes to DIR/.truth/, which the
// ingest walker skips (hidden folder).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "engine/extract/time_resolver.h"

namespace {

namespace fs = std::filesystem;

using Rng = std::mt19937_64;

int Uniform(Rng& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
double Real(Rng& rng) { return std::uniform_real_distribution<double>(0, 1)(rng); }
template <class T>
const T& Pick(Rng& rng, const std::vector<T>& v) {
  return v[static_cast<size_t>(Uniform(rng, 0, static_cast<int>(v.size()) - 1))];
}

const std::vector<std::string> kSyllables = {
    "al",  "ba",  "dar", "el",  "fa",  "gor", "ha",  "is",  "ka",  "lo",  "mar", "na",  "or", "pa",
    "qa",  "ra",  "sa",  "tor", "ul",  "va",  "wen", "ya",  "zan", "bel", "cor", "dun", "en", "fir",
    "gal", "hin", "ir",  "jor", "kel", "lin", "mor", "nel", "os",  "per", "rin", "sul", "tan"};

std::string Capitalize(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string MakeName(Rng& rng, int min_syl, int max_syl) {
  std::string s;
  const int n = Uniform(rng, min_syl, max_syl);
  for (int i = 0; i < n; ++i) s += Pick(rng, kSyllables);
  return Capitalize(s);
}

const std::vector<std::string> kMonths = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
const std::vector<std::string> kWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};

struct Date {
  int y, m, d;
};

// Days since 1970-01-01 <-> civil date, through the engine's calendar helpers.
int64_t DaysFromCivil(int y, int m, int d) { return claimgraph::engine::DaysFromCivil(y, m, d); }
Date CivilFromDays(int64_t z) {
  Date out{};
  claimgraph::engine::CivilFromDays(static_cast<long>(z), &out.y, &out.m, &out.d);
  return out;
}
std::string Iso(const Date& d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
  return buf;
}
std::string Long(const Date& d) {
  return kMonths[d.m - 1] + " " + std::to_string(d.d) + ", " + std::to_string(d.y);
}

std::string WithCommas(int64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

struct Outlet {
  std::string name;
  std::string slug;
  double reliability;
  bool wire;
  std::string footer;  // repeated on every page of the outlet
  std::vector<std::string> prompts;
};

struct Speaker {
  std::string name;
  std::string role;
  double honesty;  // probability of stating the true status
};

// One story: a process at a place run by an actor, with a status, a count and a deadline that
// move over time.
struct Story {
  int kind;
  std::string place, actor, site, process, unit, object;
  int64_t start_day;      // when the story begins
  int64_t flip_day;       // status becomes "done" on this day
  int64_t base_count;     // count at the start; drops after the flip
  int64_t deadline_day;   // first announced deadline
  int64_t deadline_slip;  // deadline announced after the slip day
  int64_t slip_day;
  std::vector<Speaker> speakers;
  std::string headline_noun;
};

struct Kind {
  const char* process;  // "withdrawal of {actor} forces from {place}"
  const char* unit;
  const char* done;      // status sentence when done
  const char* not_done;  // status sentence when not done
  const char* site_word;
  const char* headline;
};

const std::vector<Kind> kKinds = {
    {"withdrawal", "troops", "has completed the withdrawal of its forces from",
     "has not withdrawn its forces from", "Air Base", "withdrawal"},
    {"construction of the bridge", "workers", "has opened the new bridge in",
     "has not opened the new bridge in", "Bridge", "bridge"},
    {"evacuation", "residents", "has completed the evacuation of", "has not evacuated", "District",
     "evacuation"},
    {"ceasefire", "fighters", "has agreed to a ceasefire in", "has rejected a ceasefire in",
     "Front", "ceasefire"},
    {"vaccination campaign", "health workers", "has finished the vaccination campaign in",
     "has not finished the vaccination campaign in", "Clinic", "vaccination campaign"},
    {"port expansion", "dockers", "has opened the expanded port of",
     "has not opened the expanded port of", "Harbour", "port expansion"},
};

const std::vector<std::string> kRoles = {"spokesperson for",   "commander of",
                                         "minister in",        "adviser to",
                                         "senior official of", "analyst covering"};
const std::vector<std::string> kFirst = {"Qais",  "Maria", "John",  "Leila", "Omar",  "Anna",
                                         "Samir", "Helen", "Yusuf", "Clara", "Karim", "Ines",
                                         "David", "Noor",  "Pavel", "Amira", "Tomas", "Sara"};

std::string Weekday(int64_t day) { return kWeekdays[static_cast<size_t>((day + 3) % 7)]; }

class Generator {
 public:
  Generator(uint64_t seed, int n_articles, int n_sources, int per_story)
      : rng_(seed), n_articles_(n_articles) {
    for (int i = 0; i < n_sources; ++i) {
      Outlet o;
      const bool wire = i < std::max(2, n_sources / 10);
      static const std::vector<std::string> kNouns = {"Ledger",  "Courier", "Observer",  "Post",
                                                      "Herald",  "Times",   "Review",    "Gazette",
                                                      "Monitor", "Voice",   "Chronicle", "Journal"};
      const std::string stem = MakeName(rng_, 2, 3);
      o.name = wire ? stem + " Press Agency" : "The " + stem + " " + Pick(rng_, kNouns);
      o.slug.clear();
      for (char c : o.name) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
          o.slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
      }
      o.wire = wire;
      o.reliability = wire ? 0.85 + 0.1 * Real(rng_) : 0.35 + 0.6 * Real(rng_);
      o.footer = "About " + o.name + " | Contact | Privacy policy | Terms of use\n\xC2\xA9 " +
                 std::to_string(Uniform(rng_, 2010, 2020)) + " " + o.name +
                 ". All rights reserved.";
      o.prompts = {"Share this article",
                   "Follow us on social media",
                   "Subscribe to our newsletter",
                   std::to_string(Uniform(rng_, 0, 40)) + " Comments",
                   "Suscr\xC3\xAD"
                   "bete a nuestro bolet\xC3\xADn",
                   "Read more",
                   "Advertisement"};
      outlets_.push_back(std::move(o));
    }
    const int n_stories = std::max(5, n_articles / std::max(1, per_story));
    for (int i = 0; i < n_stories; ++i) stories_.push_back(MakeStory());
  }

  void Write(const fs::path& out, bool jsonl) {
    fs::create_directories(out / ".truth");
    WriteTruth(out / ".truth");
    std::ofstream jfile;
    int64_t bytes = 0;
    for (int i = 0; i < n_articles_; ++i) {
      Article a = MakeArticle(i);
      if (jsonl) {
        if (i % 10000 == 0) {
          jfile.close();
          char name[64];
          std::snprintf(name, sizeof name, "articles-%03d.jsonl", i / 10000);
          jfile.open(out / name, std::ios::binary);
        }
        nlohmann::json j = {{"title", a.title},
                            {"maintext", a.body},
                            {"date_publish", Iso(a.date) + " " + a.time},
                            {"source_domain", a.outlet->slug + ".example"},
                            {"url", a.url},
                            {"language", "en"},
                            {"authors", a.authors}};
        const std::string line = j.dump() + "\n";
        bytes += static_cast<int64_t>(line.size());
        jfile << line;
      } else {
        char shard[16], file[32];
        std::snprintf(shard, sizeof shard, "%04d", i / 1000);
        std::snprintf(file, sizeof file, "%07d.txt", i);
        const fs::path dir = out / a.outlet->slug / shard;
        fs::create_directories(dir);
        std::string text = FrontMatter(a) + a.body + "\n";
        if (Real(rng_) < 0.05) {  // some files come with Windows line ends
          std::string crlf;
          for (char c : text) {
            if (c == '\n') crlf += '\r';
            crlf += c;
          }
          text.swap(crlf);
        }
        bytes += static_cast<int64_t>(text.size());
        std::ofstream(dir / file, std::ios::binary) << text;
      }
    }
    std::cerr << "wrote " << n_articles_ << " articles (" << bytes / 1000000.0 << " MB) from "
              << outlets_.size() << " outlets on " << stories_.size() << " stories to "
              << out.string() << "\n";
  }

 private:
  struct Article {
    const Outlet* outlet;
    Date date;
    std::string time;
    std::string title, url, body;
    std::vector<std::string> authors;
    bool copy = false;
  };

  Story MakeStory() {
    Story s;
    s.kind = Uniform(rng_, 0, static_cast<int>(kKinds.size()) - 1);
    const Kind& k = kKinds[static_cast<size_t>(s.kind)];
    s.place = MakeName(rng_, 2, 3);
    s.actor = "the " + MakeName(rng_, 2, 2) + " " +
              Pick(rng_, std::vector<std::string>{"coalition", "government", "authority",
                                                  "alliance", "ministry", "council"});
    s.site = MakeName(rng_, 2, 3) + " " + k.site_word;
    s.process = k.process;
    s.unit = k.unit;
    s.headline_noun = k.headline;
    s.start_day = DaysFromCivil(2015, 1, 1) + Uniform(rng_, 0, 365 * 9);
    s.flip_day = s.start_day + Uniform(rng_, 200, 1400);
    s.base_count = static_cast<int64_t>(Uniform(rng_, 2, 60)) * 100;
    s.deadline_day = s.start_day + Uniform(rng_, 180, 900);
    s.slip_day = s.start_day + Uniform(rng_, 100, 800);
    s.deadline_slip = s.deadline_day + Uniform(rng_, 180, 700);
    const int n = Uniform(rng_, 3, 6);
    for (int i = 0; i < n; ++i) {
      Speaker sp;
      sp.name = Pick(rng_, kFirst) + " " + (Real(rng_) < 0.4 ? "al-" : "") + MakeName(rng_, 2, 3);
      sp.role = Pick(rng_, kRoles) + " " + (i % 2 ? s.actor : "the " + s.place + " administration");
      sp.honesty = 0.5 + 0.5 * Real(rng_);
      s.speakers.push_back(std::move(sp));
    }
    return s;
  }

  // The truth about a story on a day.
  bool Done(const Story& s, int64_t day) const { return day >= s.flip_day; }
  int64_t Count(const Story& s, int64_t day) const {
    if (Done(s, day)) return std::max<int64_t>(4, s.base_count / 20);
    const int64_t years = (day - s.start_day) / 365;
    return s.base_count - years * (s.base_count / 10);
  }
  int64_t Deadline(const Story& s, int64_t day) const {
    return day >= s.slip_day ? s.deadline_slip : s.deadline_day;
  }

  std::string MonthYear(int64_t day) const {
    const Date d = CivilFromDays(day);
    return kMonths[static_cast<size_t>(d.m - 1)] + " " + std::to_string(d.y);
  }

  std::string Furniture(const Outlet& o, const Story& current) {
    std::string f = Pick(rng_, o.prompts) + "\n\nLATEST CONTENT\n";
    for (int i = 0; i < 3; ++i) {
      const Story& other =
          stories_[static_cast<size_t>(Uniform(rng_, 0, static_cast<int>(stories_.size()) - 1))];
      if (&other == &current) continue;
      f += Capitalize(other.headline_noun) + " in " + other.place + ": what we know so far\n";
    }
    return f;
  }

  std::string StatusSentence(const Story& s, bool done) const {
    const Kind& k = kKinds[static_cast<size_t>(s.kind)];
    return Capitalize(s.actor) + " " + (done ? k.done : k.not_done) + " " + s.place;
  }

  Article MakeArticle(int index) {
    Article a;
    // Syndication: one in ten articles re-runs a recent wire story under another outlet.
    if (!recent_wire_.empty() && Real(rng_) < 0.10) {
      const Article& w = recent_wire_[static_cast<size_t>(
          Uniform(rng_, 0, static_cast<int>(recent_wire_.size()) - 1))];
      a = w;
      do {
        a.outlet =
            &outlets_[static_cast<size_t>(Uniform(rng_, 0, static_cast<int>(outlets_.size()) - 1))];
      } while (a.outlet->wire);
      const int64_t day = DaysFromCivil(w.date.y, w.date.m, w.date.d) + Uniform(rng_, 0, 2);
      a.date = CivilFromDays(day);
      a.url = "https://" + a.outlet->slug + ".example/" + Iso(a.date) + "/wire-" +
              std::to_string(index);
      // Another page around the same wire text.
      const size_t cut = a.body.rfind("\n\n" + w.outlet->footer);
      std::string core = cut == std::string::npos ? a.body : a.body.substr(0, cut);
      a.body = core + "\n\n" + Pick(rng_, a.outlet->prompts) + "\n\n" + a.outlet->footer;
      a.copy = true;
      return a;
    }
    const Story& s =
        stories_[static_cast<size_t>(Uniform(rng_, 0, static_cast<int>(stories_.size()) - 1))];
    a.outlet =
        &outlets_[static_cast<size_t>(Uniform(rng_, 0, static_cast<int>(outlets_.size()) - 1))];
    const Outlet& o = *a.outlet;
    const int64_t day = s.start_day + Uniform(rng_, 0, 365 * 3);
    a.date = CivilFromDays(day);
    char t[16];
    std::snprintf(t, sizeof t, "%02d:%02d:00", Uniform(rng_, 6, 22), Uniform(rng_, 0, 59));
    a.time = t;
    const bool truthful = Real(rng_) < o.reliability;
    const bool done = truthful ? Done(s, day) : !Done(s, day);
    const int64_t count =
        truthful ? Count(s, day) : Count(s, day) * (Real(rng_) < 0.5 ? 2 : 1) / 2 + 100;
    const int64_t deadline = truthful ? Deadline(s, day) : Deadline(s, day) + 365;
    const Speaker& sp1 = Pick(rng_, s.speakers);
    const Speaker& sp2 = Pick(rng_, s.speakers);
    const Speaker& sp3 = Pick(rng_, s.speakers);
    const Outlet& other = Pick(rng_, outlets_);

    a.title = Capitalize(s.headline_noun) + " in " + s.place + ": " +
              (done ? "officials say it is over" : "officials say it goes on");
    a.url = "https://" + o.slug + ".example/" + Iso(a.date) + "/" + std::to_string(index);
    a.authors = {Pick(rng_, kFirst) + " " + MakeName(rng_, 2, 3)};

    std::string b;
    if (Real(rng_) < 0.5) b += "News Desk - " + o.name + "\n\n";
    b += s.place + ", " + Long(a.date) + " \xE2\x80\x94 " + StatusSentence(s, done) + ", " +
         sp1.name + ", the " + sp1.role + ", said on " + Weekday(day - Uniform(rng_, 0, 6)) +
         ".\n\n";
    const bool sp2_true = Real(rng_) < sp2.honesty ? done : !done;
    b += "\xE2\x80\x9C" + StatusSentence(s, sp2_true) + ", and the " + s.process +
         (sp2_true ? " is complete" : " will continue") + ",\xE2\x80\x9D said " + sp2.name +
         ", the " + sp2.role + ".\n\n";
    b += "About " + WithCommas(count) + " " + s.unit + " remain at the " + s.site +
         ", according to " + sp3.name + ".\n\n";
    if (!done) {
      b += sp1.name + " told " + other.name + " that the " + s.process + " would be complete by " +
           MonthYear(deadline) + ".\n\n";
    }
    if (Real(rng_) < 0.4) {
      b += sp3.name + " denied that the " + s.process + " in " + s.place + " had " +
           (done ? "failed" : "ended") +
           ", calling the reports \xE2\x80\x9Cpropaganda\xE2\x80\x9D.\n\n";
    }
    if (Real(rng_) < 0.3) {
      b += "The " + s.process + " could reportedly be delayed until " + MonthYear(deadline + 365) +
           ", officials familiar with the talks said.\n\n";
    }
    // Background and analysis paragraphs: length and vocabulary of a real article, each kind at
    // most once per article.
    std::vector<int> kinds = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    std::shuffle(kinds.begin(), kinds.end(), rng_);
    kinds.resize(static_cast<size_t>(Uniform(rng_, 6, 10)));
    for (int kind : kinds) {
      const std::string who = MakeName(rng_, 2, 3);
      const std::string year = std::to_string(CivilFromDays(s.start_day).y);
      switch (kind) {
        case 0:
          b += Capitalize(s.actor) + " has been involved in " + s.place + " since " + year +
               ", when the " + s.process + " was first discussed by the " + who + " committee.\n\n";
          break;
        case 1:
          b += "Residents of " + who + ", a town near the " + s.site +
               ", said they had seen convoys on the main road in recent weeks, but the "
               "authorities gave no details about the numbers involved or the schedule.\n\n";
          break;
        case 2:
          b += "Analysts at the " + who + " Institute note that the " + s.process +
               " depends on talks between " + s.actor +
               " and local leaders, which have stalled "
               "several times over funding, security guarantees and the role of the " +
               who + " brigade.\n\n";
          break;
        case 3:
          b += "In " + std::to_string(a.date.y - 1) + ", a similar plan for " + who +
               " was announced and later abandoned, and critics warn that the same could happen "
               "in " +
               s.place + " if the budget for the " + s.site + " is not approved.\n\n";
          break;
        case 4:
          b += "Opposition members in the " + who +
               " assembly have asked for a public "
               "inquiry into the " +
               s.process +
               ", saying that parliament was not consulted "
               "before the decision was taken.\n\n";
          break;
        case 5:
          b += "The " + s.site + " was built in the " + std::to_string(Uniform(rng_, 195, 200)) +
               "0s and was expanded twice, most recently with money from the " + who +
               " development fund, which has since been audited by the finance ministry.\n\n";
          break;
        case 6:
          b += "Local media in " + s.place + " have followed the " + s.process +
               " closely, and several reporters from the " + who +
               " Daily were briefly "
               "detained last year while filming near the " +
               s.site + ".\n\n";
          break;
        case 7:
          b += "Diplomats from " + MakeName(rng_, 2, 3) + " and " + MakeName(rng_, 2, 3) +
               " met in " + who + " last month to discuss the wider region, and the " + s.process +
               " was reportedly on the agenda alongside trade and energy.\n\n";
          break;
        case 8:
          b += "A report by the " + who + " Foundation estimated the cost of the " + s.process +
               " at " + WithCommas(Uniform(rng_, 20, 900)) + " million dollars, a figure that " +
               s.actor + " has not disputed in public.\n\n";
          break;
        default:
          b += "Since " + year + ", more than " + WithCommas(Uniform(rng_, 2, 90) * 1000) +
               " people have left the area around the " + s.site +
               ", according to figures "
               "published by the " +
               who + " statistics office.\n\n";
          break;
      }
    }
    b += Furniture(o, s) + "\n" + o.footer;
    a.body = std::move(b);
    if (o.wire) {
      if (recent_wire_.size() >= 64) recent_wire_.erase(recent_wire_.begin());
      recent_wire_.push_back(a);
    }
    return a;
  }

  std::string FrontMatter(const Article& a) {
    std::string h = "---\n";
    const double r = Real(rng_);
    if (r >= 0.02) h += "source: " + a.outlet->name + "\n";  // 2%: left to inference
    if (Real(rng_) < 0.1) {
      h += "date: " + Long(a.date) + "\n";
    } else {
      h += "date: " + Iso(a.date) + "\n";
    }
    h += "title: " + a.title + "\n";
    h += "url: " + a.url + "\n";
    h += "language: en\n---\n";
    if (r < 0.02) h += "News Desk - " + a.outlet->name + "\n\n";
    return h;
  }

  void WriteTruth(const fs::path& dir) {
    std::ofstream src(dir / "sources.csv");
    src << "source,domain,reliability,wire\n";
    for (const Outlet& o : outlets_) {
      src << "\"" << o.name << "\"," << o.slug << ".example," << o.reliability << ","
          << (o.wire ? 1 : 0) << "\n";
    }
    std::ofstream truth(dir / "truth.csv");
    truth << "object,value\n";
    for (const Story& s : stories_) {
      const Date flip = CivilFromDays(s.flip_day);
      truth << "\"" << s.process << " in " << s.place << "|done_on\"," << Iso(flip) << "\n";
    }
  }

  Rng rng_;
  int n_articles_;
  std::vector<Outlet> outlets_;
  std::vector<Story> stories_;
  std::vector<Article> recent_wire_;
};

[[noreturn]] void Usage(const char* why) {
  std::cerr << "synthetic_corpus: " << why
            << "\nusage: synthetic_corpus --out DIR --articles N [--format text|jsonl] "
               "[--seed S] [--sources K] [--articles-per-story M]\n";
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string out, format = "text";
  long articles = -1, sources = 40, per_story = 50;
  uint64_t seed = 42;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(("missing value for " + a).c_str());
      return argv[++i];
    };
    if (a == "--out") {
      out = value();
    } else if (a == "--articles") {
      articles = std::stol(value());
    } else if (a == "--format") {
      format = value();
    } else if (a == "--seed") {
      seed = std::stoull(value());
    } else if (a == "--sources") {
      sources = std::stol(value());
    } else if (a == "--articles-per-story") {
      per_story = std::stol(value());
    } else if (a == "--help" || a == "-h") {
      Usage("writes a synthetic news corpus");
    } else {
      Usage(("unknown option " + a).c_str());
    }
  }
  if (out.empty() || articles <= 0) Usage("--out and --articles are required");
  if (format != "text" && format != "jsonl") Usage("--format is text or jsonl");
  if (sources < 2) Usage("--sources must be at least 2");
  Generator g(seed, static_cast<int>(articles), static_cast<int>(sources),
              static_cast<int>(per_story));
  g.Write(out, format == "jsonl");
  return 0;
}
