// Sieve coreference for people and organisations (see coreference.h).
#include "engine/nlp/coreference.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <unordered_set>

#include "engine/nlp/nlp_models.h"

namespace claimgraph::engine::nlp {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Strip(std::string s) {
  std::erase(s, '.');
  return s;
}

bool IsNamed(const Token& t) { return t.ner == "PERSON" || t.ner == "ORGANIZATION"; }

// Gender of a personal pronoun: +1 he/him/his/himself, -1 she/her/hers/herself, 0 other.
int PronounGender(std::string_view lower) {
  if (lower == "he" || lower == "him" || lower == "his" || lower == "himself") return 1;
  if (lower == "she" || lower == "her" || lower == "hers" || lower == "herself") return -1;
  return 0;
}

// Titles and honorifics (a closed class): gender where the title gives it, and the role noun an
// abbreviation stands for, so that "the senator" finds "Sen. Kaine".
struct Title {
  std::string_view word;  // folded, without the full stop
  std::string_view noun;
  int gender;
};
constexpr Title kTitles[] = {{"mr", "", 1},
                             {"mrs", "", -1},
                             {"ms", "", -1},
                             {"miss", "", -1},
                             {"sen", "senator", 0},
                             {"rep", "representative", 0},
                             {"gov", "governor", 0},
                             {"lt", "lieutenant", 0},
                             {"gen", "general", 0},
                             {"col", "colonel", 0},
                             {"sgt", "sergeant", 0},
                             {"dr", "doctor", 0},
                             {"rev", "reverend", 0},
                             {"pres", "president", 0},
                             {"sec", "secretary", 0},
                             {"atty", "attorney", 0},
                             {"supt", "superintendent", 0}};

const Title* FindTitle(std::string_view lower_no_dot) {
  for (const Title& t : kTitles)
    if (t.word == lower_no_dot) return &t;
  return nullptr;
}

struct Work {
  CorefResult result;
  std::vector<std::set<std::string>> role_nouns;  // per entity: folded nouns of its roles
  std::vector<size_t> last_seen;                  // per entity: last sentence mentioned
  std::vector<size_t> recent;                     // entity ids, most recent last (bounded)
  size_t window = 40;

  void Touch(int e, size_t sentence) {
    last_seen[static_cast<size_t>(e)] = sentence;
    std::erase(recent, static_cast<size_t>(e));
    recent.push_back(static_cast<size_t>(e));
    if (recent.size() > window) recent.erase(recent.begin());
  }
  int NewEntity(const std::string& name, const std::string& type) {
    result.entities.push_back({name, type, "", 0});
    role_nouns.emplace_back();
    last_seen.push_back(0);
    return static_cast<int>(result.entities.size()) - 1;
  }
};

}  // namespace

CorefResult ResolveCoreference(const AnnotatedDocument& doc, const CorefOptions& options) {
  Work w;
  w.window = options.window;
  w.result.entity_of_token.assign(doc.tokens.size(), -1);
  // Headline verbs: in a title-case headline the NER tagger reads "Obama Says" as one name. A
  // capitalised word inside a name run that reads as the third person of a verb the document
  // uses elsewhere ("Says" -> "say", as in "said") ends the name there, and is no name itself.
  std::unordered_set<std::string> verbs;
  for (const Token& t : doc.tokens)
    if (t.pos.rfind("VB", 0) == 0 && !t.lemma.empty()) verbs.insert(Lower(t.lemma));
  const Lemmatizer& lemmatizer = DefaultNlpModels().lemmatizer;
  auto verb_in_name = [&](const Token& t) {
    if (t.form.size() < 3 || !std::isupper(static_cast<unsigned char>(t.form[0]))) return false;
    const std::string lower = Lower(t.form);
    if (lower.back() != 's') return false;
    const std::string lemma = lemmatizer.Lemmatize(lower, "VBZ");
    return lemma != lower && verbs.count(lemma) > 0;
  };
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    auto tok = [&](size_t local) -> const Token& { return doc.tokens[s.first + local]; };
    auto head_of = [&](size_t local) -> long {
      const int h = tok(local).head;
      return h >= 0 && static_cast<size_t>(h) < s.count ? h : -1;
    };
    size_t i = 0;
    while (i < s.count) {
      const Token& t = tok(i);
      const std::string lower = Lower(t.form);
      // 1-2. Named mentions: a run of PERSON or ORGANIZATION tokens.
      if (IsNamed(t) && i > 0 && tok(i - 1).ner == t.ner && verb_in_name(t)) {
        ++i;  // the verb that ended the name before it ("Obama Says")
        continue;
      }
      if (IsNamed(t)) {
        size_t j = i;
        while (j + 1 < s.count && tok(j + 1).ner == t.ner && !verb_in_name(tok(j + 1))) ++j;
        // The run's head: the token whose head lies outside the run (else the last).
        size_t head = j;
        for (size_t k = i; k <= j; ++k) {
          const long h = head_of(k);
          if (h < static_cast<long>(i) || h > static_cast<long>(j)) {
            head = k;
            break;
          }
        }
        // Titles the NER tagger put inside a person's name ("Dr Tomas Varga", "Sen. Kaine"
        // tagged PERSON throughout) are the role, not the name.
        size_t b = i;
        while (b < j && t.ner == "PERSON" && FindTitle(Strip(Lower(tok(b).form)))) ++b;
        std::string name;
        for (size_t k = b; k <= j; ++k) {
          if (tok(k).form == "'s" || tok(k).form == "’s") break;
          if (!name.empty()) name += ' ';
          name += tok(k).form;
        }
        const std::vector<std::string> words = [&] {
          std::vector<std::string> v;
          for (size_t k = b; k <= j; ++k) v.push_back(Lower(tok(k).form));
          return v;
        }();
        // Title tokens just before the name ("Sen.", "President", "Mr.").
        std::string title;
        int title_gender = 0;
        std::vector<std::string> title_nouns;
        for (size_t k = i; k < b; ++k) {
          const Title* tt = FindTitle(Strip(Lower(tok(k).form)));
          if (tt->gender) title_gender = tt->gender;
          if (!tt->noun.empty()) title_nouns.emplace_back(tt->noun);
          title += (title.empty() ? "" : " ") + tok(k).form;
        }
        for (size_t k = i; k-- > 0;) {
          const Token& p = tok(k);
          if (p.ner != "O" && !p.ner.empty() && p.ner != "TITLE") break;
          if (p.pos != "NNP" && p.pos != "NN") break;
          const std::string f = Strip(Lower(p.form));
          if (const Title* tt = FindTitle(f)) {
            if (tt->gender) title_gender = tt->gender;
            if (!tt->noun.empty()) title_nouns.emplace_back(tt->noun);
          } else {
            title_nouns.push_back(f);
          }
          title = p.form + (title.empty() ? "" : " " + title);
          if (k + 3 < i) break;
        }
        // Find the entity: same type, full name equal, or a surname / first name / shorter form.
        int entity = -1;
        for (size_t r = w.recent.size(); r-- > 0 && entity < 0;) {
          const int e = static_cast<int>(w.recent[r]);
          const CorefEntity& ce = w.result.entities[static_cast<size_t>(e)];
          if (ce.type != t.ner) continue;
          const std::string en = Lower(ce.name);
          const std::string mn = Lower(name);
          if (en == mn)
            entity = e;
          else if (t.ner == "PERSON" && words.size() == 1) {
            const size_t sp = en.rfind(' ');
            if (sp != std::string::npos &&
                (en.substr(sp + 1) == words[0] || en.substr(0, en.find(' ')) == words[0]))
              entity = e;
          } else if (t.ner == "ORGANIZATION" && mn.size() >= 3 &&
                     (en.ends_with(" " + mn) || en.rfind(mn + " ", 0) == 0)) {
            entity = e;
          } else if (t.ner == "PERSON" && words.size() > 1) {
            // A longer name of a person first named by surname: "Trump" then "Donald Trump".
            const size_t sp = mn.rfind(' ');
            if (en.find(' ') == std::string::npos && mn.substr(sp + 1) == en) entity = e;
          }
        }
        if (entity < 0) entity = w.NewEntity(name, t.ner);
        CorefEntity& ce = w.result.entities[static_cast<size_t>(entity)];
        if (name.size() > ce.name.size() && std::count(name.begin(), name.end(), ' ') >=
                                                std::count(ce.name.begin(), ce.name.end(), ' '))
          ce.name = name;
        if (title_gender) ce.gender = title_gender;
        for (std::string& n : title_nouns) w.role_nouns[static_cast<size_t>(entity)].insert(n);
        if (!title.empty() && ce.role.empty() && !title_nouns.empty()) ce.role = title;
        // An apposition of the head: "Jennifer Palmieri, the campaign's spokeswoman".
        for (size_t k = j + 1; k < s.count; ++k) {
          if (head_of(k) != static_cast<long>(head) || tok(k).deprel != "appos") continue;
          w.role_nouns[static_cast<size_t>(entity)].insert(
              Lower(tok(k).lemma.empty() ? tok(k).form : tok(k).lemma));
          if (ce.role.empty()) {
            // The apposition's words as written: its whole subtree from its leftmost word
            // ("the city's chief engineer") through what modifies it up to the next
            // punctuation ("the commander of Iraq's Joint Operations Command", not the
            // "(JOC) - a body which ..." after it).
            auto under_k = [&](size_t m) {
              if (m == k) return true;
              for (long h = head_of(m), steps = 0; h >= 0 && steps < 64;
                   h = head_of(static_cast<size_t>(h)), ++steps)
                if (h == static_cast<long>(k)) return true;
              return false;
            };
            auto punct = [&](size_t m) {
              const std::string& p = tok(m).pos;
              return p.empty() || !std::isalpha(static_cast<unsigned char>(p[0])) || p == "HYPH";
            };
            size_t b = k;
            for (size_t m = j + 1; m < k; ++m)
              if (!punct(m) && under_k(m)) {
                b = m;
                break;
              }
            size_t e = k;
            while (e + 1 < s.count && !punct(e + 1) && under_k(e + 1)) ++e;
            std::string role;
            if (tok(b).begin < tok(e).end && tok(e).end <= doc.text.size()) {
              for (size_t c = tok(b).begin; c < tok(e).end; ++c) {
                const char ch = doc.text[c];
                if (std::isspace(static_cast<unsigned char>(ch))) {
                  if (!role.empty() && role.back() != ' ') role += ' ';
                } else {
                  role += ch;
                }
              }
            } else {  // no text (training data): the token forms
              for (size_t m = b; m <= e; ++m) {
                if (!role.empty() && tok(m).form != "'s" && tok(m).form != "’s") role += ' ';
                role += tok(m).form;
              }
            }
            ce.role = role;
          }
          break;
        }
        w.result.mentions.push_back(
            {s.first + i, s.first + j, s.first + head, entity, CorefMention::kName});
        for (size_t k = i; k <= j; ++k) w.result.entity_of_token[s.first + k] = entity;
        w.Touch(entity, si);
        i = j + 1;
        continue;
      }
      // 4. Pronouns.
      if (t.pos == "PRP" || t.pos == "PRP$") {
        const int gender = PronounGender(lower);
        if (gender != 0) {
          int best = -1;
          int best_score = -1000;
          for (size_t r = w.recent.size(); r-- > 0;) {
            const int e = static_cast<int>(w.recent[r]);
            const CorefEntity& ce = w.result.entities[static_cast<size_t>(e)];
            if (ce.type != "PERSON" || (ce.gender != 0 && ce.gender != gender)) continue;
            const size_t seen = w.last_seen[static_cast<size_t>(e)];
            if (si - seen > options.pronoun_sentences) continue;
            // Recency first (sentence distance, then order), a known gender as tie-break.
            const int score = -static_cast<int>(si - seen) * 10 + static_cast<int>(r) -
                              static_cast<int>(w.recent.size()) + (ce.gender == gender ? 3 : 0);
            if (score > best_score) {
              best_score = score;
              best = e;
            }
          }
          if (best >= 0) {
            w.result.entities[static_cast<size_t>(best)].gender = gender;
            w.result.mentions.push_back(
                {s.first + i, s.first + i, s.first + i, best, CorefMention::kPronoun});
            w.result.entity_of_token[s.first + i] = best;
            w.Touch(best, si);
          }
        }
        ++i;
        continue;
      }
      // 3. Definite descriptions: "the senator", "the former secretary of state".
      if ((t.pos == "NN") && t.ner != "PERSON") {
        bool definite = false;
        size_t first = i;
        for (size_t k = 0; k < i; ++k)
          if (head_of(k) == static_cast<long>(i) && tok(k).deprel == "det" &&
              Lower(tok(k).form) == "the") {
            definite = true;
            first = k;
          }
        if (definite) {
          const std::string noun = Lower(t.lemma.empty() ? t.form : t.lemma);
          for (size_t r = w.recent.size(); r-- > 0;) {
            const int e = static_cast<int>(w.recent[r]);
            if (!w.role_nouns[static_cast<size_t>(e)].count(noun)) continue;
            w.result.mentions.push_back(
                {s.first + first, s.first + i, s.first + i, e, CorefMention::kNominal});
            for (size_t k = first; k <= i; ++k) w.result.entity_of_token[s.first + k] = e;
            w.Touch(e, si);
            break;
          }
        }
      }
      ++i;
    }
  }
  return std::move(w.result);
}

void ScoreCoreference(const AnnotatedDocument& reference, const CorefResult& system,
                      CorefScores* scores) {
  // Reference chain of each head token.
  std::map<size_t, size_t> chain_of;
  for (size_t c = 0; c < reference.coref.size(); ++c)
    for (const Mention& m : reference.coref[c].mentions) chain_of[m.head] = c;
  // Named-mention heads of each system entity.
  std::map<int, std::vector<size_t>> named_heads;
  for (const CorefMention& m : system.mentions)
    if (m.kind == CorefMention::kName) named_heads[m.entity].push_back(m.head);
  auto right = [&](const CorefMention& m) {
    const auto c = chain_of.find(m.head);
    if (c == chain_of.end()) return false;
    for (size_t h : named_heads[m.entity]) {
      if (h >= m.head) continue;  // antecedents only
      const auto d = chain_of.find(h);
      if (d != chain_of.end() && d->second == c->second) return true;
    }
    return false;
  };
  std::map<size_t, const CorefMention*> by_head;
  for (const CorefMention& m : system.mentions) {
    if (m.kind == CorefMention::kName) continue;
    ++scores->linked;
    scores->right += right(m);
    by_head[m.head] = &m;
  }
  for (const CorefChain& chain : reference.coref) {
    bool named = false;
    for (const Mention& m : chain.mentions) named = named || IsNamed(reference.tokens[m.head]);
    if (!named) continue;
    for (const Mention& m : chain.mentions) {
      const Token& t = reference.tokens[m.head];
      const bool pronoun = (t.pos == "PRP" || t.pos == "PRP$") && PronounGender(Lower(t.form));
      bool definite = false;
      if (t.pos == "NN" && m.first < m.head && Lower(reference.tokens[m.first].form) == "the")
        definite = true;
      if (!pronoun && !definite) continue;
      ++scores->reference;
      const auto it = by_head.find(m.head);
      if (it != by_head.end() && right(*it->second)) ++scores->found;
    }
  }
}

}  // namespace claimgraph::engine::nlp
