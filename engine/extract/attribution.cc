#include "engine/extract/attribution.h"

#include <algorithm>
#include <cctype>

#include "engine/text/tokenizer.h"

namespace claimgraph::engine {
namespace {

using Lex = std::vector<Lexeme>;

// Reporting verbs. `direct`: the content may follow directly ("said the US has ..."); `object`:
// a noun-phrase object makes it a report ("announced the end of ..."); otherwise the verb needs a
// complement (that / a quote / a colon / a comma / the sentence end) to be a report, so that "the
// US maintained a presence" and "continued to frame" are not.
struct Verb {
  std::string_view word;
  bool direct;
  bool object;
};
constexpr Verb kVerbs[] = {
    {"said", true, false},        {"says", true, false},       {"say", true, false},
    {"saying", true, false},      {"stated", true, false},     {"states", true, false},
    {"declared", true, true},     {"declares", true, true},    {"asserted", true, false},
    {"asserts", true, false},     {"told", true, false},       {"tells", true, false},
    {"confirmed", true, true},    {"confirms", true, true},    {"announced", true, true},
    {"announces", true, true},    {"denied", true, true},      {"denies", true, true},
    {"rejected", false, true},    {"rejects", false, true},    {"dismissed", false, true},
    {"refuted", false, true},     {"reported", true, false},   {"reports", true, false},
    {"revealed", true, true},     {"added", false, false},     {"adds", false, false},
    {"maintained", false, false}, {"maintains", false, false}, {"continued", false, false},
    {"continues", false, false},  {"noted", false, false},     {"notes", false, false},
    {"explained", false, false},  {"stressed", false, false},  {"emphasized", false, false},
    {"emphasised", false, false}, {"insisted", false, false},  {"insists", false, false},
    {"claimed", false, false},    {"claims", false, false},    {"warned", false, false},
    {"warns", false, false},      {"argued", false, false},    {"argues", false, false},
    {"believes", false, false},   {"believe", false, false},   {"believed", false, false},
    {"accept", false, false},     {"recalled", false, false},  {"wrote", false, false},
    {"tweeted", false, false},    {"affirmed", false, false},  {"acknowledged", false, true},
    {"admitted", false, false},   {"indicated", false, false}, {"predicted", false, false},
    {"expects", false, false},    {"concluded", false, false}, {"replied", false, false},
    {"responded", false, false},  {"commented", false, false}, {"threatened", false, true},
    {"promised", false, true},    {"pledged", false, true},    {"vowed", false, false},
    {"thinks", false, false},     {"considers", false, false}, {"observed", false, false},
};

const Verb* FindVerb(std::string_view w) {
  if (w.size() < 3) return nullptr;
  for (const Verb& v : kVerbs)
    if (v.word.size() == w.size() && v.word[0] == w[0] && v.word == w) return &v;
  return nullptr;
}

constexpr std::string_view kDenialVerbs[] = {"denied",    "denies",  "rejected", "rejects",
                                             "dismissed", "refuted", "deny",     "reject"};

// Nouns that can head a speaker phrase.
constexpr std::string_view kSpeakerNouns[] = {"official",
                                              "officials",
                                              "spokesperson",
                                              "spokesman",
                                              "spokeswoman",
                                              "source",
                                              "sources",
                                              "minister",
                                              "advisor",
                                              "adviser",
                                              "commander",
                                              "general",
                                              "expert",
                                              "experts",
                                              "researcher",
                                              "researchers",
                                              "analyst",
                                              "analysts",
                                              "president",
                                              "leader",
                                              "leaders",
                                              "member",
                                              "members",
                                              "government",
                                              "ministry",
                                              "agency",
                                              "office",
                                              "department",
                                              "diplomat",
                                              "diplomats",
                                              "ambassador",
                                              "envoy",
                                              "lawmaker",
                                              "lawmakers",
                                              "mp",
                                              "deputy",
                                              "secretary",
                                              "chief",
                                              "head",
                                              "director",
                                              "officer",
                                              "officers",
                                              "colonel",
                                              "lieutenant",
                                              "major",
                                              "captain",
                                              "senator",
                                              "representative",
                                              "professor",
                                              "specialist",
                                              "specialists",
                                              "investigators",
                                              "journalist",
                                              "reporter",
                                              "correspondent",
                                              "authorities",
                                              "army",
                                              "military",
                                              "coalition",
                                              "militia",
                                              "militias",
                                              "group",
                                              "groups",
                                              "faction",
                                              "factions",
                                              "committee",
                                              "council",
                                              "party",
                                              "movement",
                                              "embassy",
                                              "command",
                                              "media",
                                              "outlet",
                                              "newspaper",
                                              "agency",
                                              "resident",
                                              "residents",
                                              "witness",
                                              "witnesses",
                                              "activist",
                                              "activists",
                                              "observers",
                                              "politician",
                                              "politicians",
                                              "candidate",
                                              "administration",
                                              "parliament",
                                              "sheikh",
                                              "cleric",
                                              "parties",
                                              "authority",
                                              "engineer",
                                              "engineers",
                                              "scientist",
                                              "scientists",
                                              "doctor",
                                              "doctors",
                                              "police",
                                              "prosecutor",
                                              "prosecutors",
                                              "judge",
                                              "court",
                                              "company",
                                              "firm",
                                              "union",
                                              "spokespersons",
                                              "sources",
                                              "insider",
                                              "insiders",
                                              "negotiator",
                                              "negotiators",
                                              "governor",
                                              "mayor",
                                              "chairman",
                                              "ministers",
                                              "commanders",
                                              "representatives",
                                              "staff",
                                              "advisers",
                                              "advisors",
                                              "they",
                                              "he",
                                              "she",
                                              "we",
                                              "i",
                                              "spokespeople",
                                              "strategist",
                                              "scholar",
                                              "academic",
                                              "observer",
                                              "organization",
                                              "organisation",
                                              "forces"};

// Nouns for a report that speaks for its author ("The information states that ...").
constexpr std::string_view kDocumentNouns[] = {"information", "report", "reports",     "statement",
                                               "document",    "leaks",  "publication", "text"};

// Title words dropped from the front of a name and kept as the role.
constexpr std::string_view kTitles[] = {"president",
                                        "vice",
                                        "prime",
                                        "minister",
                                        "general",
                                        "lieutenant",
                                        "lt",
                                        "gen",
                                        "major",
                                        "maj",
                                        "colonel",
                                        "col",
                                        "captain",
                                        "capt",
                                        "sergeant",
                                        "sgt",
                                        "admiral",
                                        "adm",
                                        "commander",
                                        "director",
                                        "secretary",
                                        "adviser",
                                        "advisor",
                                        "national",
                                        "security",
                                        "defense",
                                        "defence",
                                        "foreign",
                                        "interior",
                                        "deputy",
                                        "chief",
                                        "spokesperson",
                                        "spokesman",
                                        "spokeswoman",
                                        "ambassador",
                                        "senator",
                                        "sen",
                                        "dr",
                                        "mr",
                                        "mrs",
                                        "ms",
                                        "prof",
                                        "professor",
                                        "sheikh",
                                        "sayyed",
                                        "king",
                                        "prince",
                                        "emir",
                                        "imam",
                                        "ayatollah",
                                        "pope",
                                        "governor",
                                        "mayor",
                                        "chairman",
                                        "head",
                                        "leader",
                                        "member",
                                        "mp",
                                        "retired",
                                        "former",
                                        "acting",
                                        "brigadier",
                                        "marshal",
                                        "staff",
                                        "state",
                                        "affairs",
                                        "counselor",
                                        "counsellor",
                                        "mister",
                                        "sir",
                                        "lord",
                                        "ministerial",
                                        "military",
                                        "political",
                                        "researcher",
                                        "analyst",
                                        "expert",
                                        "official",
                                        "commander-in-chief",
                                        "premier",
                                        "speaker",
                                        "chancellor",
                                        "envoy",
                                        "special"};

// Words that mark an organisation rather than a person.
constexpr std::string_view kOrgWords[] = {
    "movement",   "brigades",  "organization", "organisation", "council",  "committee",  "command",
    "department", "forces",    "agency",       "news",         "ministry", "government", "party",
    "center",     "centre",    "university",   "coalition",    "army",     "front",      "union",
    "office",     "institute", "times",        "post",         "press",    "network",    "channel",
    "radio",      "tv",        "group",        "house",        "court",    "parliament", "assembly",
    "authority",  "bank",      "company",      "corporation",  "board",    "framework",  "reuters",
    "newsweek",   "pentagon",  "alliance",     "mission",      "embassy",  "structures", "systems",
    "industries", "holdings",  "limited",      "ltd",          "inc",      "plc",        "llc"};

// Particles inside names ("Qais al-Khazali", "Abu Ala al Walai").
constexpr std::string_view kParticles[] = {"al",   "el", "bin", "ibn", "abu", "abd", "abdul",
                                           "de",   "la", "van", "von", "der", "du",  "da",
                                           "bint", "ul", "ed",  "as",  "ad"};

// Words that open an adverbial phrase, not a subject.
constexpr std::string_view kAdverbialStarts[] = {
    "in",        "on",        "at",         "after",       "before",    "during",    "since",
    "following", "when",      "while",      "although",    "though",    "despite",   "thus",
    "however",   "therefore", "earlier",    "later",       "meanwhile", "similarly", "moreover",
    "also",      "finally",   "yet",        "so",          "then",      "last",      "this",
    "according", "for",       "by",         "from",        "with",      "within",    "over",
    "under",     "as",        "prior",      "recently",    "again",     "still",     "now",
    "today",     "yesterday", "instead",    "furthermore", "besides",   "indeed",    "until",
    "once",      "if",        "because",    "and",         "but",       "of",        "to",
    "six",       "five",      "four",       "three",       "two",       "seven",     "eight",
    "nine",      "ten",       "several",    "weeks",       "months",    "days",      "years",
    "speaking",  "asked",     "addressing", "commenting",  "regarding", "who",       "which",
    "whose",     "where",     "quoted",     "cited",       "citing",    "writing",   "interviewed"};

constexpr std::string_view kDeterminers[] = {
    "the",  "a",     "an",    "some", "several", "many", "another", "other", "this",
    "that", "these", "those", "its",  "his",     "her",  "their",   "one",   "own"};

constexpr std::string_view kPrepositions[] = {
    "of", "from",   "for",   "at",    "in",   "with",    "on",    "to",
    "by", "within", "about", "under", "over", "against", "among", "between"};

// Words that open a subordinate clause: a reporting verb after one ("..., two years after the
// alliance declared X") reports inside that clause, not the sentence.
constexpr std::string_view kSubordinators[] = {"after",   "before",  "since", "when",     "until",
                                               "while",   "because", "once",  "although", "though",
                                               "whereas", "unless",  "if"};

constexpr std::string_view kAux[] = {
    "has",        "have",     "had",        "also",       "further",    "then",  "later",
    "previously", "recently", "again",      "reportedly", "once",       "still", "already",
    "repeatedly", "publicly", "would",      "will",       "did",        "does",  "do",
    "further",    "had",      "implicitly", "explicitly", "officially", "openly"};

template <size_t N>
bool In(const std::string_view (&table)[N], std::string_view w) {
  // Length and first letter first: most words differ there, and this runs for every word.
  for (std::string_view t : table)
    if (t.size() == w.size() && !w.empty() && t[0] == w[0] && t == w) return true;
  return false;
}

bool IsWord(const Lexeme& l) { return l.kind != Lexeme::kPunct; }

// A word that can be part of a personal or organisation name.
bool NameWord(const Lexeme& l, std::string_view text) {
  if (l.kind != Lexeme::kWord) return false;
  if (l.capital) return !IsStopword(l.folded) || l.folded == "us";
  // "al-Muhammadawi": a lower-case particle hyphenated to a capitalised part.
  const std::string_view raw = text.substr(l.begin, l.end - l.begin);
  const size_t hyphen = raw.find('-');
  if (hyphen != std::string_view::npos && hyphen + 1 < raw.size() &&
      std::isupper(static_cast<unsigned char>(raw[hyphen + 1])))
    return true;
  return false;
}

// A noun for a person by what they do: "researcher", "analyst", "historian", "consultant".
bool AgentNoun(std::string_view w) {
  for (std::string_view suffix : {"er", "or", "ist", "ian", "ant", "ent", "ive", "ee"})
    if (w.size() > suffix.size() + 2 && w.substr(w.size() - suffix.size()) == suffix) return true;
  return false;
}

bool IsPronoun(std::string_view w) {
  return w == "he" || w == "she" || w == "they" || w == "we" || w == "i";
}

std::string Raw(std::string_view text, size_t b, size_t e) {
  return std::string(text.substr(b, e - b));
}

// Trims determiners at the front of a phrase [b, e).
size_t SkipDeterminers(const Lex& lex, size_t b, size_t e) {
  while (b < e && IsWord(lex[b]) && In(kDeterminers, lex[b].folded)) ++b;
  return b;
}

std::string SurnameKey(std::string_view folded_last) {
  std::string s(folded_last);
  for (std::string_view p : {"al-", "el-", "al ", "ul-", "ad-", "as-"})
    if (s.rfind(p, 0) == 0) s = s.substr(p.size());
  return s;
}

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// The phrase analysed as a speaker.
struct Phrase {
  bool valid = false;
  std::string name;
  std::string role;
  bool person = false;
  bool pronoun = false;
  bool definite = false;  // "the spokesperson": refers back
  bool single = false;    // one-word name: may be a surname reference
  bool named = false;     // a proper name was found (not only a description)
  bool document = false;  // "the report", "the information": the last body quoted
  std::string head;       // folded head noun (NP) or last name word
};

class Parser {
 public:
  Parser(const Lex& lex, std::string_view text, const AliasTable& aliases)
      : lex_(lex), text_(text), aliases_(aliases) {}

  // Analyses lexemes [b, e) as a speaker phrase: a name with titles, or a noun phrase.
  // Like Analyse, but any noun phrase counts as a speaker: used where the construction itself
  // says that someone speaks ("“...,” the engineer said", "according to the port authority").
  Phrase AnalyseLenient(size_t b, size_t e) const {
    Phrase p = Analyse(b, e);
    if (p.valid) return p;
    while (e > b && lex_[e - 1].kind == Lexeme::kPunct) --e;
    const size_t det_end = SkipDeterminers(lex_, b, e);
    if (det_end >= e || e - det_end > 8) return p;
    for (size_t i = det_end; i < e; ++i)
      if (lex_[i].kind == Lexeme::kWord && !lex_[i].capital && FindVerb(lex_[i].folded)) return p;
    p.valid = true;
    p.definite = det_end > b && lex_[b].folded == "the";
    p.name = Raw(text_, lex_[det_end].begin, lex_[e - 1].end);
    p.head = lex_[e - 1].folded;
    p.person = p.head.empty() || p.head.back() != 's';
    return p;
  }

  Phrase Analyse(size_t b, size_t e) const {
    Phrase p;
    // Drop parentheses and trailing punctuation.
    while (e > b && lex_[e - 1].kind == Lexeme::kPunct && !lex_[e - 1].IsPunct(')')) --e;
    if (b >= e) return p;
    if (e - b == 1 && IsPronoun(lex_[b].folded)) {
      p.valid = true;
      p.pronoun = true;
      p.head = lex_[b].folded;
      return p;
    }
    const size_t det_end = SkipDeterminers(lex_, b, e);
    p.definite = det_end > b && (lex_[b].folded == "the" || lex_[b].folded == "this");
    if (det_end >= e) return p;
    // A partitive ("some of their leaders", "one of the officials"): the quantifier stays.
    if (det_end > b && lex_[det_end].Is("of")) {
      if (!IsWord(lex_[e - 1]) || !In(kSpeakerNouns, lex_[e - 1].folded)) return p;
      p.valid = true;
      p.definite = false;
      p.head = lex_[e - 1].folded;
      p.name = Raw(text_, lex_[b].begin, lex_[e - 1].end);
      p.person = p.head.back() != 's';
      return p;
    }
    // An organisation and then a name in one capitalised run ("the member of Dawn Party Karim
    // Saleh"): the name is the speaker, the rest their role.
    if (NameWord(lex_[e - 1], text_) && !In(kOrgWords, lex_[e - 1].folded)) {
      size_t run = e - 1;
      while (run > det_end &&
             (NameWord(lex_[run - 1], text_) ||
              (lex_[run - 1].kind == Lexeme::kWord && In(kParticles, lex_[run - 1].folded))))
        --run;
      size_t org = e;
      for (size_t i = run; i + 1 < e; ++i)
        if (In(kOrgWords, lex_[i].folded)) org = i;
      if (org < e) {
        bool name_only = true;
        for (size_t i = org + 1; i < e; ++i)
          if (In(kOrgWords, lex_[i].folded) || In(kTitles, lex_[i].folded)) name_only = false;
        if (name_only) {
          p.valid = true;
          p.named = true;
          p.person = true;
          p.name = Raw(text_, lex_[org + 1].begin, lex_[e - 1].end);
          p.role = Raw(text_, lex_[det_end].begin, lex_[org].end);
          p.single = org + 2 == e;
          p.head = lex_[e - 1].folded;
          return p;
        }
      }
    }
    // The head: last word before the first preposition.
    size_t pre_end = e;
    for (size_t i = det_end + 1; i < e; ++i) {
      if (lex_[i].kind == Lexeme::kPunct && lex_[i].IsPunct('(')) {
        pre_end = i;
        break;
      }
      if (IsWord(lex_[i]) && !lex_[i].capital && In(kPrepositions, lex_[i].folded)) {
        pre_end = i;
        break;
      }
    }
    size_t head = pre_end - 1;
    while (head > det_end && lex_[head].kind == Lexeme::kPunct) --head;
    if (!IsWord(lex_[head])) return p;
    if (NameWord(lex_[head], text_) && (!lex_[head].possessive || head + 1 == e)) {
      // Maximal name run ending at the head.
      size_t run = head;
      while (run > det_end) {
        const Lexeme& prev = lex_[run - 1];
        if (prev.possessive) break;
        if (NameWord(prev, text_) || (prev.kind == Lexeme::kWord && In(kParticles, prev.folded))) {
          --run;
          continue;
        }
        // Initial: "F" "." before the next name word.
        if (prev.IsPunct('.') && run - 1 > det_end && lex_[run - 2].kind == Lexeme::kWord &&
            lex_[run - 2].folded.size() == 1) {
          run -= 1;
          continue;
        }
        break;
      }
      while (run <= head && lex_[run].kind == Lexeme::kPunct) ++run;
      // Strip titles and known places or nationalities at the front of the run.
      size_t name_b = run;
      while (name_b <= head) {
        const Lexeme& l = lex_[name_b];
        if (l.kind == Lexeme::kPunct) {
          ++name_b;
          continue;
        }
        // An organisation keeps its title words ("State Department", "Defense Ministry").
        const bool title = In(kTitles, l.folded) && !In(kOrgWords, lex_[head].folded);
        const std::string canon = aliases_.Canonical(Raw(text_, l.begin, l.end));
        const bool place = !canon.empty() && name_b < head;
        if (!(title || place)) break;
        ++name_b;
      }
      if (name_b > head) {
        // Only titles ("the Prime Minister"): a description, resolved by its head.
        p.valid = true;
        p.head = lex_[head].folded;
        p.name = Raw(text_, lex_[det_end].begin, lex_[e - 1].end);
        return p;
      }
      p.valid = true;
      p.named = true;
      p.name = Raw(text_, lex_[name_b].begin, lex_[head].end);
      p.single = name_b == head;
      p.head = lex_[head].folded;
      bool org = false;
      for (size_t i = name_b; i <= head; ++i)
        if (In(kOrgWords, lex_[i].folded)) org = true;
      const std::string canon = aliases_.Canonical(p.name);
      if (!canon.empty()) p.name = canon;
      p.person = !org && (canon.empty() || IsKnownPerson(canon));
      if (run > det_end || name_b > run) {
        // Words before the name: the role ("Iraqi Defense Minister", "political researcher"),
        // from after the last "and" ("President X and Prime Minister Y": Y's role is "Prime
        // Minister"), and only if it ends in a role word ("His findings contradict Brennick
        // Structures" gives no role).
        size_t role_b = det_end;
        for (size_t i = det_end; i < name_b; ++i)
          if (lex_[i].Is("and") || lex_[i].Is("or") || lex_[i].IsPunct(',')) role_b = i + 1;
        size_t last_word = name_b - 1;  // "Gen. Kenneth McKenzie": the word before the '.'
        while (last_word > role_b && !IsWord(lex_[last_word])) --last_word;
        const Lexeme& last = lex_[last_word];
        const bool role_word = last.capital || In(kTitles, last.folded) ||
                               In(kSpeakerNouns, last.folded) || AgentNoun(last.folded);
        if (role_b < name_b && role_word)
          p.role = Raw(text_, lex_[role_b].begin, lex_[name_b - 1].end);
        if (!org && canon.empty()) p.person = true;
      }
      return p;
    }
    // A common-noun head: "Iraqi security sources", "the advisor of the Prime Minister".
    p.head = lex_[head].folded;
    if (p.definite && In(kDocumentNouns, p.head) && pre_end == e) {
      // "The information states that ...": the report of the last body quoted.
      p.valid = true;
      p.document = true;
      return p;
    }
    if (!In(kSpeakerNouns, p.head)) return p;
    p.valid = true;
    p.name = Raw(text_, lex_[det_end].begin, lex_[e - 1].end);
    p.person = !In(kOrgWords, p.head) && (p.head.back() != 's' || p.head == "he");
    return p;
  }

  bool IsKnownPerson(const std::string& canonical) const {
    // Entries of the alias table written as two or more capitalised words with no org word are
    // persons ("Joe Biden"); single places are not.
    static constexpr std::string_view kPersons[] = {
        "Mohammed Shia al-Sudani", "Mustafa al-Kadhimi",    "Joe Biden",
        "Qasem Soleimani",         "Abu Mahdi al-Muhandis", "Kenneth McKenzie",
        "Qasim al-Araji",          "Qais al-Khazali",       "Kamala Harris"};
    for (std::string_view p : kPersons)
      if (p == canonical) return true;
    return false;
  }

 private:
  const Lex& lex_;
  std::string_view text_;
  const AliasTable& aliases_;
};

}  // namespace

void SpeakerMemory::Add(KnownSpeaker s) {
  if (s.name.empty()) return;
  auto [found, added] = by_name_.try_emplace(s.name, entries_.size());
  const size_t i = found->second;
  if (added) {
    entries_.push_back({});
  } else {
    // The same speaker again: move them to the front of attention, keeping what was known.
    const Entry& old = entries_[i];
    if (!old.speaker.role.empty())
      s.role = old.speaker.role;  // the first, fuller introduction wins
    s.person = s.person || old.speaker.person;
    persons_.erase(old.stamp);
    groups_.erase(old.stamp);
    bodies_.erase(old.stamp);
  }
  Entry& e = entries_[i];
  // Words join once: a speaker mentioned a thousand times keeps one copy of each word of their
  // descriptions (the text of the descriptions only ever served ByHead's word match), and at most
  // kMaxWords in all (name and role first), so that a mention costs the same however often the
  // speaker was described before, in however many different words.
  constexpr size_t kMaxWords = 48;
  std::string new_words;
  for (std::string& w : TokenStrings(s.name + " " + s.role + " " + s.description)) {
    if (e.words.size() >= kMaxWords) break;
    if (!e.words.insert(w).second) continue;
    if (!new_words.empty()) new_words += ' ';
    new_words += w;
  }
  if (!added) {
    s.description = e.speaker.description;
    if (!new_words.empty()) s.description += (s.description.empty() ? "" : " ") + new_words;
  }
  if (s.person && e.surname.empty()) {
    const std::vector<std::string> name_words = TokenStrings(s.name);
    if (!name_words.empty()) e.surname = SurnameKey(name_words.back());
  }
  e.speaker = std::move(s);
  e.stamp = ++clock_;
  for (const std::string& w : e.words) by_word_[w] = i;
  if (e.speaker.person) {
    persons_[e.stamp] = i;
    if (!e.surname.empty()) by_surname_[e.surname] = i;
  }
  if (e.speaker.group) groups_[e.stamp] = i;
  if (!e.speaker.person && !e.speaker.group) bodies_[e.stamp] = i;
}

const KnownSpeaker* SpeakerMemory::LastPerson() const {
  return persons_.empty() ? nullptr : &entries_[persons_.rbegin()->second].speaker;
}

const KnownSpeaker* SpeakerMemory::ByName(std::string_view name) const {
  const auto it = by_name_.find(std::string(name));
  return it == by_name_.end() ? nullptr : &entries_[it->second].speaker;
}

const KnownSpeaker* SpeakerMemory::LastBody() const {
  return bodies_.empty() ? nullptr : &entries_[bodies_.rbegin()->second].speaker;
}

const KnownSpeaker* SpeakerMemory::LastGroup() const {
  return groups_.empty() ? nullptr : &entries_[groups_.rbegin()->second].speaker;
}

const KnownSpeaker* SpeakerMemory::BySurname(std::string_view word) const {
  const std::string key = SurnameKey(FoldCase(word));
  if (key.size() < 3) return nullptr;
  if (const auto it = by_surname_.find(key); it != by_surname_.end()) {
    return &entries_[it->second].speaker;
  }
  // Up to two edits: the most recent persons first. Only the last kFuzzyPersons are tried, so the
  // cost per sentence does not grow with the document (a real article names far fewer).
  constexpr int kFuzzyPersons = 64;
  int tried = 0;
  for (auto it = persons_.rbegin(); it != persons_.rend() && tried < kFuzzyPersons; ++it, ++tried) {
    const std::string& last = entries_[it->second].surname;
    if (last.size() < 4) continue;
    const int allowed = last.size() >= 5 ? 2 : 1;
    if (last[0] == key[0] && EditDistance(last, key) <= allowed)
      return &entries_[it->second].speaker;
  }
  return nullptr;
}

const KnownSpeaker* SpeakerMemory::ByHead(std::string_view head) const {
  if (head.empty()) return nullptr;
  const auto it = by_word_.find(std::string(head));
  return it == by_word_.end() ? nullptr : &entries_[it->second].speaker;
}

bool IsDenialVerb(std::string_view word) { return In(kDenialVerbs, word); }

std::string CanonicalPersonName(std::string_view name) {
  // Drop initials "F." and collapse spaces.
  std::string out;
  size_t i = 0;
  while (i < name.size()) {
    size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    std::string_view word = name.substr(i, j - i);
    const bool initial =
        (word.size() == 2 && word[1] == '.' && std::isupper(static_cast<unsigned char>(word[0]))) ||
        (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0])));
    if (!word.empty() && !initial) {
      if (!out.empty()) out.push_back(' ');
      out += word;
    }
    i = j + 1;
  }
  return out;
}

namespace {

// Resolves a phrase to a speaker, using and updating the memory.
bool Resolve(const Phrase& p, const AliasTable& aliases, SpeakerMemory* memory, Attribution* a) {
  if (!p.valid) return false;
  if (p.document) {
    if (const KnownSpeaker* k = memory->LastBody()) {
      a->speaker = k->name;
      a->role = k->role;
      return true;
    }
    return false;
  }
  if (p.pronoun) {
    if (p.head == "he" || p.head == "she") {
      if (const KnownSpeaker* k = memory->LastPerson()) {
        a->speaker = k->name;
        a->role = k->role;
        a->person = true;
        return true;
      }
    }
    if (p.head == "they") {
      if (const KnownSpeaker* k = memory->LastGroup()) {
        a->speaker = k->name;
        a->role = k->role;
        a->group = true;
        return true;
      }
    }
    return false;  // "we", "I" without an antecedent we can trust
  }
  if (p.single || (p.definite && !p.named)) {
    if (p.single) {
      if (const KnownSpeaker* k = memory->BySurname(p.head)) {
        a->speaker = k->name;
        a->role = p.role.empty() ? k->role : k->role.empty() ? p.role : k->role;
        a->person = true;
        return true;
      }
    }
    if (p.definite) {
      if (const KnownSpeaker* k = memory->ByHead(p.head)) {
        a->speaker = k->name;
        a->role = k->role;
        a->person = k->person;
        a->group = k->group;
        return true;
      }
    }
  }
  std::string name = p.person ? CanonicalPersonName(p.name) : p.name;
  if (const std::string canon = aliases.Canonical(name); !canon.empty()) name = canon;
  a->speaker = name;
  // A speaker introduced earlier keeps the role given then ("In the words of Kenneth F.
  // McKenzie" after "Kenneth F. McKenzie, commander of ...").
  if (a->role.empty() && p.role.empty())
    if (const KnownSpeaker* k = memory->ByName(name)) a->role = k->role;
  a->description = p.role + " " + a->role;
  if (a->role.empty()) a->role = p.role;
  a->person = p.person;
  a->group = !p.person && !p.named && !p.head.empty() && p.head.back() == 's';
  return true;
}

// Index of the next lexeme at or after i that is not a quote mark or in a quotation.
bool IsQuoteMark(const Lexeme& l) { return l.IsPunct('"'); }

// A noun phrase after position i (after "said", "by", "according to", "of"): ends at a comma,
// stop punctuation, a non-name preposition, or a participle. Returns its end.
size_t ForwardPhraseEnd(const Lex& lex, std::string_view text, size_t i, size_t end) {
  size_t j = i;
  while (j < end) {
    const Lexeme& l = lex[j];
    if (l.kind == Lexeme::kPunct) {
      // Initials keep the phrase going: "Kenneth F. McKenzie".
      if (l.IsPunct('.') && j > i && lex[j - 1].kind == Lexeme::kWord &&
          lex[j - 1].folded.size() == 1 && j + 1 < end && NameWord(lex[j + 1], text)) {
        ++j;
        continue;
      }
      break;
    }
    if (l.in_quote) break;
    if (!l.capital && j > i) {
      const std::string& w = l.folded;
      if (w != "of" && w != "the" && w != "and" && w != "for" && !In(kParticles, w) &&
          !NameWord(l, text)) {
        // Participles end the phrase when a function word follows ("based on", "collected
        // by"); as adjectives they stay ("armed groups").
        const bool participle =
            w.size() > 4 &&
            (w.compare(w.size() - 2, 2, "ed") == 0 || w.compare(w.size() - 3, 3, "ing") == 0) &&
            (j + 1 >= end || lex[j + 1].kind == Lexeme::kPunct || IsStopword(lex[j + 1].folded));
        if (In(kPrepositions, w) || w == "who" || w == "which" || w == "that" || w == "when" ||
            w == "while" || IsStopword(w) || participle)
          break;
      }
    }
    ++j;
  }
  // Drop a trailing "of"/"the"/"and".
  while (j > i && IsWord(lex[j - 1]) &&
         (lex[j - 1].folded == "of" || lex[j - 1].folded == "the" || lex[j - 1].folded == "and"))
    --j;
  return j;
}

// An apposition after a forward phrase: ", the commander of X (JOC) – ..." -> [b, e).
bool Apposition(const Lex& lex, size_t i, size_t end, size_t* b, size_t* e) {
  if (i >= end || !lex[i].IsPunct(',')) return false;
  size_t j = i + 1;
  if (j >= end || !IsWord(lex[j]) || lex[j].in_quote) return false;
  const std::string& w = lex[j].folded;
  // Starts like a role: determiner, lower-case noun, or title.
  if (!(In(kDeterminers, w) || In(kTitles, w) || !lex[j].capital)) return false;
  if (w == "who" || w == "which" || w == "that" || In(kPrepositions, w) || w == "and" ||
      w == "but" || w == "as" || w == "when" || w == "while" || w == "will" || w == "would")
    return false;
  size_t k = j;
  while (k < end && !(lex[k].kind == Lexeme::kPunct &&
                      (lex[k].IsPunct(',') || lex[k].IsPunct('(') || lex[k].IsPunct('-') ||
                       lex[k].IsPunct('.') || lex[k].IsPunct(';') || lex[k].IsPunct(':') ||
                       IsQuoteMark(lex[k]))))
    ++k;
  if (k == j || (k < end && IsQuoteMark(lex[k]))) return false;
  *b = j;
  *e = k;
  return true;
}

}  // namespace

void NotePersons(const std::vector<Lexeme>& lex, std::string_view text, const AliasTable& aliases,
                 SpeakerMemory* memory, size_t order) {
  // A title word followed by a capitalised run: "Prime Minister Mustafa Al-Kadhimi".
  Parser parser(lex, text, aliases);
  for (size_t i = 0; i + 1 < lex.size(); ++i) {
    if (!IsWord(lex[i]) || !lex[i].capital || !In(kTitles, lex[i].folded)) continue;
    size_t j = i;
    while (j < lex.size() && IsWord(lex[j]) &&
           (NameWord(lex[j], text) || In(kParticles, lex[j].folded)) && !lex[j].possessive)
      ++j;
    if (j < lex.size() && lex[j].possessive && NameWord(lex[j], text)) ++j;
    if (j - i < 2) continue;
    Phrase p = parser.Analyse(i, j);
    if (p.valid && p.person && !p.name.empty() && !p.single) {
      KnownSpeaker k;
      k.name = CanonicalPersonName(p.name);
      if (const std::string c = aliases.Canonical(k.name); !c.empty()) k.name = c;
      k.role = p.role;
      k.person = true;
      k.order = order;
      memory->Add(std::move(k));
    }
    i = j;
  }
  for (size_t i = 0; i + 1 < lex.size(); ++i) {
    if (!lex[i].Is("by") || lex[i].in_quote) continue;
    const size_t e = ForwardPhraseEnd(lex, text, i + 1, lex.size());
    Phrase p = parser.Analyse(i + 1, e);
    if (!p.valid || p.named || p.pronoun || p.head.empty() || p.head.back() != 's') continue;
    KnownSpeaker k;
    k.name = p.name;
    k.group = true;
    k.order = order;
    memory->Add(std::move(k));
  }
}

Attribution Attribute(const std::vector<Lexeme>& lex, std::string_view text,
                      const AliasTable& aliases, SpeakerMemory* memory, size_t order) {
  Attribution a;
  const size_t n = lex.size();
  Parser parser(lex, text, aliases);
  auto finish = [&](Attribution& out) {
    // "Its chief executive, Graham Ashdown": "its" is the organisation that spoke last.
    for (std::string_view its : {"Its ", "its "}) {
      if (out.role.rfind(its, 0) != 0) continue;
      if (const KnownSpeaker* body = memory->LastBody(); body && !body->name.empty())
        out.role = out.role.substr(its.size()) + " of " + body->name;
    }
    KnownSpeaker k;
    k.name = out.speaker;
    k.role = out.role;
    k.person = out.person;
    k.group = out.group;
    k.description = out.description;
    k.order = order;
    memory->Add(std::move(k));
  };

  // 1. Reporting verbs outside quotations.
  for (size_t v = 0; v < n; ++v) {
    const Lexeme& lv = lex[v];
    if (lv.kind != Lexeme::kWord || lv.in_quote || lv.capital) continue;
    size_t verb_end = v + 1;
    std::string verb_word = lv.folded;
    const Verb* verb = FindVerb(lv.folded);
    // Multi-word cues: "went on to say", "is of the opinion", "was quoted as saying".
    if (!verb && lv.folded == "is" && v + 3 < n && lex[v + 1].Is("of") && lex[v + 2].Is("the") &&
        lex[v + 3].Is("opinion")) {
      static constexpr Verb kOpinion{"is of the opinion", false, false};
      verb = &kOpinion;
      verb_end = v + 4;
      verb_word = "is of the opinion";
    }
    if (!verb) continue;
    if (v + 1 < n && (lv.folded == "say" || lv.folded == "saying")) {
      // "went on to say", "quoted as saying" are fine; bare "say" needs a subject.
    }
    // Passive: "was confirmed by X", "as confirmed by X".
    const bool after_aux =
        v > 0 && IsWord(lex[v - 1]) &&
        (lex[v - 1].Is("was") || lex[v - 1].Is("were") || lex[v - 1].Is("been") ||
         lex[v - 1].Is("is") || lex[v - 1].Is("be") || lex[v - 1].Is("as") ||
         lex[v - 1].Is("are") ||
         (lex[v - 1].Is("also") && v > 1 && (lex[v - 2].Is("was") || lex[v - 2].Is("is"))));
    const bool participle =
        lv.folded.size() > 2 && lv.folded.compare(lv.folded.size() - 2, 2, "ed") == 0;
    if (after_aux && participle) {
      if (verb_end < n && lex[verb_end].Is("by")) {
        const size_t np_b = verb_end + 1;
        const size_t np_e = ForwardPhraseEnd(lex, text, np_b, n);
        Phrase p = parser.Analyse(np_b, np_e);
        if (p.valid && !p.pronoun) {
          Attribution out;
          size_t ab, ae;
          if (Apposition(lex, np_e, n, &ab, &ae))
            out.role = Raw(text, lex[ab].begin, lex[ae - 1].end);
          if (Resolve(p, aliases, memory, &out)) {
            out.kind = Attribution::kPassive;
            out.verb = verb_word;
            out.cue = v;
            // ", as confirmed by X." at the end: the content is what comes before.
            size_t cb = 0, ce = n;
            if (v > 1 && lex[v - 1].Is("as") && lex[v - 2].IsPunct(','))
              ce = v - 2;
            else if (v > 0 && lex[v - 1].Is("as"))
              ce = v - 1;
            out.content_begin = cb;
            out.content_end = ce;
            finish(out);
            return out;
          }
        }
      }
      continue;
    }
    // "is said to", "are expected to": not reports.
    const bool promise_to = lv.folded == "threatened" || lv.folded == "promised" ||
                            lv.folded == "pledged" || lv.folded == "vowed";
    // "is said to", "continued to frame": not reports; "confirmed to the agency" is.
    if (verb_end < n && lex[verb_end].Is("to") && !promise_to) {
      const bool object = verb_end + 1 < n && IsWord(lex[verb_end + 1]) &&
                          (lex[verb_end + 1].capital || In(kDeterminers, lex[verb_end + 1].folded));
      if (!verb->direct || !object) continue;
    }
    // What follows the verb (skipping short prepositional phrases) decides the form.
    const bool post_quote_position = [&] {
      // Is there a closing quote before the verb with only a short phrase between?
      size_t k = v;
      size_t words = 0;
      while (k > 0) {
        const Lexeme& l = lex[k - 1];
        if (IsQuoteMark(l) && l.in_quote) return words <= 8;
        if (l.in_quote) return words <= 8;
        if (l.IsPunct('.') || l.IsPunct(';')) return false;
        if (IsWord(l)) ++words;
        --k;
      }
      return false;
    }();
    // Complement check for verbs that need one.
    bool complement = verb->direct || post_quote_position;
    size_t that_at = n, colon_at = n, quote_at = n;
    for (size_t k = verb_end; k < n && k < verb_end + 30; ++k) {
      const Lexeme& l = lex[k];
      if (IsQuoteMark(l) && quote_at == n && k <= verb_end + 8) {
        // The quotation follows the verb directly, after punctuation or "that", or after a
        // prepositional phrase ("announced on his Twitter account “...”").
        const bool direct = k == verb_end || lex[verb_end].kind == Lexeme::kPunct ||
                            lex[verb_end].Is("that") || In(kPrepositions, lex[verb_end].folded);
        if (direct) quote_at = k;
      }
      if (l.in_quote) continue;
      if (l.Is("that") && that_at == n && colon_at == n) that_at = k;
      if (l.IsPunct(':') && colon_at == n && k <= verb_end + 12) colon_at = k;
    }
    if (!complement) {
      if (verb_end >= n)
        complement = true;
      else {
        const Lexeme& nx = lex[verb_end];
        complement = nx.Is("that") || nx.IsPunct(',') || nx.IsPunct(':') || nx.IsPunct('.') ||
                     IsQuoteMark(nx) || nx.in_quote;
        // "rejected Baghdad's wish": object verbs take a noun phrase.
        if (!complement && verb->object) complement = true;
      }
    }
    if (!complement) continue;

    // Subject before the verb, from the clause start.
    size_t clause = v;
    while (clause > 0) {
      const Lexeme& l = lex[clause - 1];
      if (l.in_quote || IsQuoteMark(l) || l.IsPunct(';') || l.IsPunct(':') || l.Is("that")) break;
      if ((l.Is("and") || l.Is("but")) && clause >= 2 && lex[clause - 2].IsPunct(',')) break;
      --clause;
    }
    // Skip auxiliaries and adverbs just before the verb.
    size_t subj_end = v;
    while (subj_end > clause && IsWord(lex[subj_end - 1]) &&
           (In(kAux, lex[subj_end - 1].folded) ||
            (lex[subj_end - 1].folded.size() > 4 &&
             lex[subj_end - 1].folded.rfind("ly") == lex[subj_end - 1].folded.size() - 2 &&
             !lex[subj_end - 1].capital)))
      --subj_end;
    // "went on to say": the subject is before "went on to".
    if (lv.folded == "say" && subj_end >= clause + 3 && lex[subj_end - 1].Is("to") &&
        lex[subj_end - 2].Is("on") && lex[subj_end - 3].Is("went"))
      subj_end -= 3;
    if (lv.folded == "saying" && subj_end >= clause + 3 && lex[subj_end - 1].Is("as") &&
        lex[subj_end - 2].Is("quoted")) {
      subj_end -= 2;
      while (subj_end > clause && IsWord(lex[subj_end - 1]) &&
             (lex[subj_end - 1].Is("was") || lex[subj_end - 1].Is("is") ||
              lex[subj_end - 1].Is("were") || lex[subj_end - 1].Is("been")))
        --subj_end;
    }
    Attribution out;
    bool got = false;
    bool subject_before = false;
    bool skip_verb = false;
    // "She put the bill at £38 million and said ...": the subject of a second verb joined by
    // "and" is the clause's first phrase, and the whole sentence is what they said.
    bool conjoined = false;
    if (subj_end > clause + 2 && lex[subj_end - 1].Is("and") && !post_quote_position) {
      bool comma = false;
      for (size_t k = clause; k < subj_end; ++k) comma |= lex[k].IsPunct(',');
      size_t run = clause;
      while (run < subj_end && (NameWord(lex[run], text) || (lex[run].kind == Lexeme::kWord &&
                                                             In(kParticles, lex[run].folded))))
        ++run;
      if (!comma && IsPronoun(lex[clause].folded)) run = clause + 1;
      if (!comma && run > clause && run < subj_end - 1) {
        Phrase p = parser.Analyse(clause, run);
        if (p.valid && (p.pronoun || p.named) && Resolve(p, aliases, memory, &out)) {
          got = true;
          subject_before = true;
          conjoined = true;
        }
      }
    }
    // Chunks of the subject segment, split at commas and dashes, walked from the verb back.
    if (!got) {
      std::vector<std::pair<size_t, size_t>> chunks;
      size_t s = clause;
      for (size_t k = clause; k <= subj_end; ++k) {
        if (k == subj_end || lex[k].IsPunct(',') || lex[k].IsPunct('-')) {
          // Drop a parenthesis inside the chunk: "the International Coalition (US)".
          size_t e = k;
          for (size_t q = s; q < e; ++q)
            if (lex[q].IsPunct('(')) {
              e = q;
              break;
            }
          chunks.push_back({s, e});
          s = k + 1;
        }
      }
      size_t role_b = 0, role_e = 0;
      bool have_role = false;
      int examined = 0;
      for (size_t c = chunks.size(); c-- > 0 && examined < 5;) {
        auto [b, e] = chunks[c];
        while (b < e && IsWord(lex[b]) && (lex[b].Is("and") || lex[b].Is("but"))) ++b;
        if (b >= e) continue;
        ++examined;
        const std::string& first = lex[b].folded;
        if (c + 1 == chunks.size() && !post_quote_position) {
          // "..., two years after the alliance declared X": the verb reports inside a
          // subordinate clause, not the sentence.
          bool subordinate = false;
          for (size_t k = b + 1; k < e; ++k)
            if (IsWord(lex[k]) && !lex[k].capital && In(kSubordinators, lex[k].folded))
              subordinate = true;
          if (subordinate) {
            skip_verb = true;
            break;
          }
        }
        // "a former colonel who runs Horizon Institute": an apposition with a relative clause is
        // a role, whatever names it contains.
        if (In(kDeterminers, first) && !have_role) {
          bool relative = false;
          for (size_t k = b + 1; k < e; ++k)
            if (IsWord(lex[k]) && (lex[k].Is("who") || lex[k].Is("which") || lex[k].Is("whose")))
              relative = true;
          if (relative) {
            have_role = true;
            role_b = b;
            role_e = e;
            continue;
          }
        }
        Phrase p = post_quote_position && c + 1 == chunks.size() ? parser.AnalyseLenient(b, e)
                                                                 : parser.Analyse(b, e);
        const bool adverbial = In(kAdverbialStarts, first) && !IsPronoun(first);
        if (adverbial && !(p.valid && p.pronoun)) {
          // An adverbial chunk ("Thus", "on December 9", "also on Friday January 7"): the
          // subject is further back.
          continue;
        }
        const bool is_name = p.valid && p.named;
        if (is_name || p.pronoun) {
          if (have_role && out.role.empty())
            out.role = Raw(text, lex[role_b].begin, lex[role_e - 1].end);
          else if (!p.pronoun && p.role.empty() && c > 0 && out.role.empty()) {
            // "The member of the X Committee, Ali Nema Al Bandawi, declared": role before.
            auto [pb, pe] = chunks[c - 1];
            if (pb < pe && IsWord(lex[pb]) && In(kDeterminers, lex[pb].folded))
              out.role = Raw(text, lex[pb].begin, lex[pe - 1].end);
          }
          got = Resolve(p, aliases, memory, &out);
          if (got && !p.role.empty() && out.role.empty()) out.role = p.role;
          break;
        }
        if (p.valid) {
          // A description: either an apposition (keep looking for a name) or the subject.
          if (!have_role) {
            have_role = true;
            role_b = b;
            role_e = e;
          }
          continue;
        }
        // Neither name nor speaker noun: an apposition ("a Hikma Movement member and one of
        // ...") is a role; anything else ends the search.
        if (In(kDeterminers, first) && !have_role) {
          have_role = true;
          role_b = b;
          role_e = e;
          continue;
        }
        break;
      }
      if (skip_verb) continue;
      if (!got && have_role) {
        Phrase p = parser.Analyse(role_b, role_e);
        got = p.valid && Resolve(p, aliases, memory, &out);
      }
      subject_before = got;
    }
    // No subject before: the speaker follows the verb ("said X, ROLE", "added the advisor").
    if (!got) {
      if (subj_end != clause && !post_quote_position) {
        // There is a phrase before the verb that is not a speaker ("The withdrawal, added X,").
        const bool inverted = v > 0 && lex[v - 1].IsPunct(',');
        if (!inverted) continue;
      }
      const size_t np_b = verb_end;
      const size_t np_e = ForwardPhraseEnd(lex, text, np_b, n);
      if (np_e <= np_b) continue;
      Phrase p = parser.Analyse(np_b, np_e);
      if (!p.valid) continue;
      size_t ab, ae;
      if (Apposition(lex, np_e, n, &ab, &ae)) out.role = Raw(text, lex[ab].begin, lex[ae - 1].end);
      if (!Resolve(p, aliases, memory, &out)) continue;
      got = true;
      out.kind = post_quote_position ? Attribution::kPostQuote : Attribution::kInverted;
      out.content_begin = 0;
      out.content_end = post_quote_position ? v : n;
    }
    if (!got) continue;
    out.verb = verb_word;
    out.cue = v;
    if (subject_before) {
      if (post_quote_position) {
        out.kind = Attribution::kPostQuote;
        out.content_begin = 0;
        out.content_end = clause;
      } else if (quote_at < n && quote_at <= verb_end + 8 &&
                 (that_at == n || quote_at < that_at || quote_at == that_at + 1) &&
                 (colon_at == n || quote_at == colon_at + 1 || quote_at < colon_at)) {
        out.kind = Attribution::kVerbQuote;
        out.content_begin = quote_at;
        out.content_end = n;
      } else if (colon_at < n && (that_at == n || colon_at < that_at)) {
        out.kind = Attribution::kVerbColon;
        out.content_begin = colon_at + 1;
        out.content_end = n;
      } else if (that_at < n) {
        out.kind = Attribution::kVerbThat;
        out.content_begin = that_at + 1;
        // "said US troops had not left and that Washington had no plan": the first clause has no
        // "that"; what was said starts right after the verb.
        if (that_at > verb_end + 1 && (lex[that_at - 1].Is("and") || lex[that_at - 1].Is("but")))
          out.content_begin = verb_end;
        out.content_end = n;
      } else if (verb->object) {
        out.kind = Attribution::kVerbObject;
        out.content_begin = 0;
        out.content_end = n;
      } else {
        out.kind = Attribution::kVerbThat;
        out.content_begin = verb_end;
        // "X told Y" with no clause: keep the whole sentence.
        if (lv.folded == "told" || lv.folded == "tells") out.content_begin = 0;
        out.content_end = n;
      }
      if (conjoined) out.content_begin = 0;
    }
    finish(out);
    return out;
  }

  // 2. "X, ROLE, provides the following explanation: “...”": a quotation introduced by a colon;
  // the speaker is the first name in the clause before the colon.
  for (size_t k = 1; k + 1 < n; ++k) {
    if (!lex[k].IsPunct(':') || lex[k].in_quote || !IsQuoteMark(lex[k + 1])) continue;
    size_t s = k;
    while (s > 0 && !lex[s - 1].in_quote && !IsQuoteMark(lex[s - 1]) && !lex[s - 1].IsPunct(';'))
      --s;
    std::vector<std::pair<size_t, size_t>> chunks;
    size_t b = s;
    for (size_t q = s; q <= k; ++q)
      if (q == k || lex[q].IsPunct(',')) {
        chunks.push_back({b, q});
        b = q + 1;
      }
    for (size_t c = 0; c < chunks.size(); ++c) {
      auto [cb, ce] = chunks[c];
      if (cb >= ce || In(kAdverbialStarts, lex[cb].folded)) continue;
      Phrase p = parser.Analyse(cb, ce);
      if (!p.valid || !p.named) continue;
      Attribution out;
      if (c + 1 < chunks.size()) {
        auto [rb, re] = chunks[c + 1];
        if (rb < re && !In(kAdverbialStarts, lex[rb].folded) && c + 2 < chunks.size())
          out.role = Raw(text, lex[rb].begin, lex[re - 1].end);
      }
      if (!Resolve(p, aliases, memory, &out)) break;
      out.kind = Attribution::kVerbQuote;
      out.verb = ":";
      out.cue = k;
      out.content_begin = k + 1;
      out.content_end = n;
      finish(out);
      return out;
    }
    break;
  }

  // 3. "according to X", "in the words of X", "citing X".
  for (size_t i = 0; i + 2 < n; ++i) {
    if (lex[i].in_quote) continue;
    size_t np_b = 0;
    std::string cue;
    if (lex[i].Is("according") && lex[i + 1].Is("to")) {
      np_b = i + 2;
      cue = "according to";
    } else if (lex[i].Is("in") && i + 3 < n && lex[i + 1].Is("the") && lex[i + 2].Is("words") &&
               lex[i + 3].Is("of")) {
      np_b = i + 4;
      cue = "in the words of";
    } else {
      continue;
    }
    size_t np_e = ForwardPhraseEnd(lex, text, np_b, n);
    Phrase p = parser.Analyse(np_b, np_e);
    if (p.document) p = Phrase{};  // "according to the statement collected by X": look for X
    if (!p.valid && np_e < n && !lex[np_e].IsPunct(',') && !lex[np_e].IsPunct('.')) {
      // "according to the statement collected by the INA agency"
      for (size_t k = np_e; k + 1 < n && k < np_e + 3; ++k) {
        if (lex[k].Is("by")) {
          np_b = k + 1;
          np_e = ForwardPhraseEnd(lex, text, np_b, n);
          p = parser.Analyse(np_b, np_e);
          break;
        }
      }
    }
    if (!p.valid && np_b < np_e && lex[np_b].possessive) {
      // "according to al-Araji's publication"
      p = parser.Analyse(np_b, np_b + 1);
      if (p.valid) p.single = true;
    }
    if (!p.valid) {
      // "al-Araji's publication" where the name run is at the front.
      for (size_t k = np_b; k < np_e; ++k)
        if (lex[k].possessive && NameWord(lex[k], text)) {
          p = parser.Analyse(np_b, k + 1);
          break;
        }
    }
    if (!p.valid) p = parser.AnalyseLenient(np_b, np_e);
    if (!p.valid || p.document) continue;
    Attribution out;
    size_t ab, ae;
    if (Apposition(lex, np_e, n, &ab, &ae)) out.role = Raw(text, lex[ab].begin, lex[ae - 1].end);
    if (!Resolve(p, aliases, memory, &out)) continue;
    out.kind = Attribution::kAccordingTo;
    out.verb = cue;
    out.cue = i;
    if (i <= 2) {
      // Content after the comma that ends the phrase.
      size_t k = np_e;
      while (k < n && !lex[k].IsPunct(',') && !IsQuoteMark(lex[k])) ++k;
      out.content_begin = k < n ? k + (lex[k].IsPunct(',') ? 1 : 0) : np_e;
      out.content_end = n;
    } else {
      out.content_begin = 0;
      out.content_end = (i > 0 && lex[i - 1].IsPunct(',')) ? i - 1 : i;
      // Phrase in the middle: keep everything.
      if (np_e + 1 < n && !lex[np_e].IsPunct('.')) {
        size_t k = np_e;
        while (k < n && lex[k].kind == Lexeme::kPunct) ++k;
        if (k < n && (lex[np_e].IsPunct(',') || IsQuoteMark(lex[np_e]))) {
          out.content_begin = 0;
          out.content_end = n;
        }
      }
    }
    finish(out);
    return out;
  }
  return a;
}

}  // namespace claimgraph::engine
