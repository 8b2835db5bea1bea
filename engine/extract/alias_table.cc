#include "engine/extract/alias_table.h"

#include <algorithm>

#include "engine/text/tokenizer.h"

namespace claimgraph::engine {
namespace {

// Words joined by ' ' after folding; hyphens and punctuation are word breaks ("Al-Asad" ->
// "al asad").
std::string Key(std::string_view phrase) {
  std::string out;
  for (const Token& t : Tokenize(phrase)) {
    if (!out.empty()) out.push_back(' ');
    out += t.text;
  }
  return out;
}

struct Row {
  const char* canonical;
  const char* city;  // metonym city, or ""
  std::initializer_list<const char*> aliases;
};

// The built-in table. Places and bodies of the seed story and of international news generally.
const Row kRows[] = {
    {"United States",
     "Washington",
     {"United States", "US", "U.S.", "USA", "U.S.A.", "United States of America", "America",
      "American", "Americans", "Washington", "North American", "Estados Unidos", "EEUU",
      "US administration", "US government", "American government", "American side", "US side"}},
    {"Iraq",
     "Baghdad",
     {"Iraq", "Iraqi", "Iraqis", "Irak", "Baghdad", "Iraqi government", "government of Iraq",
      "Iraquí", "Iraqi side"}},
    {"Iran",
     "Tehran",
     {"Iran", "Iranian", "Iranians", "Tehran", "Islamic Republic", "Islamic Republic of Iran"}},
    {"Syria", "Damascus", {"Syria", "Syrian", "Damascus"}},
    {"Israel", "", {"Israel", "Israeli", "Zionist regime", "Tel Aviv"}},
    {"Kuwait", "", {"Kuwait"}},
    {"Jordan", "", {"Jordan", "Jordanian"}},
    {"Gaza", "", {"Gaza", "Gaza Strip"}},
    {"Kurdistan Region",
     "",
     {"Kurdistan", "Kurdistan Region", "Kurdistan region of Iraq", "Iraqi Kurdistan", "KRG",
      "Kurdistan Regional Government"}},
    {"Erbil", "", {"Erbil", "Arbil", "Hawler"}},
    {"Anbar", "", {"Anbar", "Al Anbar", "Anbar province"}},
    {"Ain al-Asad",
     "",
     {"Ain al-Asad", "Ain al Asad", "Ain Al-Assad", "Ain al Assad", "Ain al-Assad", "Ayn al-Asad",
      "Al-Asad", "Al Asad", "Al-Asad airbase", "Al-Asad air base", "Al Asad air base",
      "Al Asad airbase", "Ain al-Asad base", "Ain al-Asad airbase", "Ain al-Asad air base",
      "Ain al Asad base", "Ain Al-Assad base"}},
    {"Victoria base",
     "",
     {"Victoria", "Victoria base", "Victoria Air Base", "Victory base", "Camp Victory",
      "Victoria Secondary Air Base"}},
    {"Al-Harir base",
     "",
     {"Harir", "Al-Harir", "Al Harir", "Harir base", "Al-Harir base", "Harir air base"}},
    {"Islamic State",
     "",
     {"Islamic State", "ISIS", "ISIL", "IS group", "Daesh", "Daech", "Islamic State group",
      "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant",
      "Estado Islámico"}},
    {"International Coalition",
     "",
     {"International Coalition",
      "coalition",
      "US-led coalition",
      "Global Coalition",
      "Global Coalition to Defeat Daesh",
      "Global Coalition against Daesh",
      "International Coalition against Daesh",
      "International Coalition against ISIS",
      "International Coalition against Islamic State",
      "coalition forces",
      "international coalition forces",
      "CJTF-OIR",
      "Combined Joint Task Force",
      "Operation Inherent Resolve",
      "Inherent Resolve",
      "Inherent resolution operation",
      "Joint intervention force",
      "international forces",
      "US-led international forces",
      "US-led coalition forces",
      "worldwide alliance",
      "international alliance"}},
    {"US forces",
     "",
     {"US forces", "US troops", "American forces", "American troops", "US military",
      "American military", "US soldiers", "American soldiers", "US military forces",
      "North American forces", "US powers", "US-led forces"}},
    {"Iraqi security forces",
     "",
     {"Iraqi security forces", "ISF", "Iraqi forces", "Iraqi Security Forces",
      "Iraqi armed forces"}},
    {"Popular Mobilization Forces",
     "",
     {"Popular Mobilization Forces", "Popular Mobilisation Forces", "PMF", "PMU",
      "Popular Mobilization Units", "Hashd al-Shaabi", "Hashd", "popular mobilization forces",
      "Fpopular mobilization Urs", "FMP"}},
    {"Kataib Hezbollah",
     "",
     {"Kataib Hezbollah", "Kataeb Hezbollah", "Kata'ib Hezbollah", "Kataib Hizbollah",
      "Kata'ib Hizballah", "Hezbollah Brigades"}},
    {"Asa'ib Ahl al-Haq",
     "",
     {"Asa'ib Ahl al-Haq", "Asaib Ahl al-Haq", "Asa’ib Ahl al-Haq", "League of the Righteous"}},
    {"Kataib Sayyid al-Shuhada",
     "",
     {"Kataib Sayyid al-Shuhada", "Sayyid al-Shuhada Brigades", "Kata'ib Sayyid al-Shuhada"}},
    {"Harakat al-Nujaba", "", {"Harakat al-Nujaba", "Al-Nujaba Movement", "Nujaba", "al-Nujaba"}},
    {"Badr Organization", "", {"Badr Organization", "Badr Organisation", "Badr"}},
    {"Coordination Framework", "", {"Coordination Framework"}},
    {"Hikma Movement", "", {"Hikma Movement", "Hikma", "National Wisdom Movement"}},
    {"Joint Operations Command", "", {"Joint Operations Command", "JOC"}},
    {"US State Department",
     "",
     {"State Department", "US State Department", "Department of State", "U.S. State Department"}},
    {"Pentagon",
     "",
     {"Pentagon", "Department of Defense", "US Department of Defense", "Defense Department"}},
    {"US Central Command",
     "",
     {"US Central Command", "Central Command", "CENTCOM", "U.S. Central Command"}},
    {"White House", "", {"White House"}},
    {"NATO", "", {"NATO", "North Atlantic Treaty Organization", "OTAN"}},
    {"European Union", "", {"European Union", "EU"}},
    {"Iraqi parliament", "", {"Iraqi parliament", "Council of Representatives", "parliament"}},
    {"Quds Force", "", {"Quds Force", "Qods Force"}},
    {"Strategic Framework Agreement",
     "",
     {"Strategic Framework Agreement", "strategic framework agreement"}},
    {"Shafaq News", "", {"Shafaq News", "Shafaq"}},
    {"Iraqi News Agency", "", {"Iraqi News Agency", "INA", "INA agency"}},
    {"Reuters", "", {"Reuters"}},
    {"Associated Press", "", {"Associated Press", "AP"}},
    {"Newsweek", "", {"Newsweek"}},
    {"Mohammed Shia al-Sudani",
     "",
     {"Mohammed Shia al-Sudani", "Mohamed Shia Al Sudani", "Mohammed Shia al Sudani", "al-Sudani",
      "Al Sudani", "Sudani", "Mohamed Shia Al Sudaniit"}},
    {"Mustafa al-Kadhimi",
     "",
     {"Mustafa al-Kadhimi", "Mustafa Al-Kadhimi", "al-Kadhimi", "Kadhimi", "Mustafa al-Kazemi",
      "al-Kazemi"}},
    {"Joe Biden", "", {"Joe Biden", "Biden", "President Biden"}},
    {"Qasem Soleimani",
     "",
     {"Qasem Soleimani", "Qassem Soleimani", "Soleimani", "Sardar Soleimani"}},
    {"Abu Mahdi al-Muhandis",
     "",
     {"Abu Mahdi al-Muhandis", "Abu Mahdi Al-Muhandes", "al-Muhandis"}},
    {"Kenneth McKenzie",
     "",
     {"Kenneth McKenzie", "Kenneth F. McKenzie", "Frank McKenzie", "General McKenzie",
      "Gen. McKenzie", "McKenzie"}},
    {"Qasim al-Araji", "", {"Qasim al-Araji", "Qassim al-Araji", "al-Araji", "Araji"}},
    {"Qais al-Khazali", "", {"Qais al-Khazali", "Qais Khazali", "al-Khazali", "Khazali"}},
    {"Kamala Harris", "", {"Kamala Harris", "Harris"}},
};

// Words after which a capital names the city, not its government.
bool IsLocative(std::string_view w) {
  return w == "in" || w == "from" || w == "near" || w == "at" || w == "around" || w == "outside" ||
         w == "inside" || w == "into" || w == "to" || w == "of" || w == "across";
}

}  // namespace

AliasTable AliasTable::Default() {
  AliasTable table;
  for (const Row& row : kRows) {
    table.Add(row.canonical, row.canonical);
    for (const char* alias : row.aliases) {
      // Only the capital itself takes the city reading.
      const bool capital = *row.city && Key(alias) == Key(row.city);
      table.Add(row.canonical, alias, capital ? std::string_view(row.city) : std::string_view());
    }
  }
  return table;
}

void AliasTable::Add(std::string_view canonical, std::string_view alias,
                     std::string_view metonym_city) {
  const std::string key = Key(alias);
  if (key.empty()) return;
  Target& t = aliases_[key];
  t.canonical = std::string(canonical);
  if (!metonym_city.empty()) t.city = std::string(metonym_city);
  const size_t words = std::count(key.begin(), key.end(), ' ') + 1;
  max_words_ = std::max(max_words_, words);
  for (size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1))
    ++prefixes_[key.substr(0, sp)];
}

std::string AliasTable::Canonical(std::string_view phrase) const {
  auto it = aliases_.find(Key(phrase));
  return it == aliases_.end() ? std::string() : it->second.canonical;
}

std::vector<EntityMention> AliasTable::Find(std::string_view text) const {
  std::vector<EntityMention> out;
  const std::vector<Token> tokens = Tokenize(text);
  std::string key;
  for (size_t i = 0; i < tokens.size();) {
    size_t matched = 0;
    const Target* target = nullptr;
    key.clear();
    for (size_t n = 1; n <= max_words_ && i + n <= tokens.size(); ++n) {
      if (n > 1) {
        // Words of one alias are separated by spaces or hyphens only, not by other punctuation.
        const std::string_view gap =
            text.substr(tokens[i + n - 2].end, tokens[i + n - 1].begin - tokens[i + n - 2].end);
        if (gap.find_first_not_of(" -.") != std::string_view::npos) break;
        key.push_back(' ');
      }
      key += tokens[i + n - 1].text;
      auto it = aliases_.find(key);
      if (it != aliases_.end()) {
        matched = n;
        target = &it->second;
      }
      // Stop as soon as no longer alias starts with these words.
      if (prefixes_.find(key) == prefixes_.end()) break;
    }
    if (!target) {
      ++i;
      continue;
    }
    // Short upper-case aliases ("US", "IS", "AP", "INA") must be written in capitals.
    const size_t b = tokens[i].begin, e = tokens[i + matched - 1].end;
    const std::string_view written = text.substr(b, e - b);
    if (matched == 1 && tokens[i].text.size() <= 3) {
      bool upper = true;
      for (char c : written)
        if (std::islower(static_cast<unsigned char>(c))) upper = false;
      if (!upper) {
        ++i;
        continue;
      }
    }
    EntityMention m;
    m.canonical = target->canonical;
    if (!target->city.empty() && i > 0 && IsLocative(tokens[i - 1].text))
      m.canonical = target->city;
    m.byte_begin = b;
    m.byte_end = e;
    out.push_back(std::move(m));
    i += matched;
  }
  return out;
}

}  // namespace claimgraph::engine
