#include "format/keywords.hpp"

#include <array>

namespace fuzhu::format {

namespace {

struct Spellings {
  std::string_view en, zh;
};

constexpr std::array table{
#define FUZHU_KEYWORD(id, en, zh) Spellings{en, zh},
#include "grammar/keywords.def"
#undef FUZHU_KEYWORD
};

}  // namespace

std::string_view english(Keyword keyword) { return table[static_cast<std::size_t>(keyword)].en; }
std::string_view chinese(Keyword keyword) { return table[static_cast<std::size_t>(keyword)].zh; }

std::string_view spell(Keyword keyword, KeywordSet set, std::string_view source) {
  switch (set) {
    case KeywordSet::en: return english(keyword);
    case KeywordSet::zh: return chinese(keyword);
    case KeywordSet::keep: break;
  }
  // Every English spelling is ASCII and every Chinese one starts with a CJK
  // character, so the first byte tells the set.
  const bool ascii = !source.empty() && static_cast<unsigned char>(source[0]) < 0x80;
  return ascii ? english(keyword) : chinese(keyword);
}

std::string spell_duration(std::string_view token, KeywordSet set) {
  const std::size_t digits = token.find_first_not_of("0123456789");
  const std::string_view count = token.substr(0, digits);
  std::string_view unit = token.substr(token.find_first_not_of(" \t", digits));
  const bool english = static_cast<unsigned char>(unit[0]) < 0x80;
  const char first = static_cast<char>(unit[0] | 0x20);
  enum { days, months, years } kind = months;
  if (unit.starts_with("\xE5\xB9\xB4") || first == 'y') kind = years;                                   // 年
  else if (unit.starts_with("\xE6\x97\xA5") || unit.starts_with("\xE5\xA4\xA9") || first == 'd') kind = days;  // 日 天
  if (set == KeywordSet::zh || (set == KeywordSet::keep && !english)) {
    if (set == KeywordSet::keep) return std::string(count) + " " + std::string(unit);
    static constexpr std::string_view chinese[] = {"\xE6\x97\xA5", "\xE4\xB8\xAA\xE6\x9C\x88", "\xE5\xB9\xB4"};
    return std::string(count) + " " + std::string(chinese[kind]);
  }
  static constexpr std::string_view singular[] = {"day", "month", "year"};
  return std::string(count) + " " + std::string(singular[kind]) + (count == "1" ? "" : "s");
}

std::string spell_rate(std::string_view token) {
  const std::size_t end = token.find_first_not_of("0123456789.");
  if (end == std::string_view::npos) return std::string(token);
  return std::string(token.substr(0, end)) + "%";
}

std::string_view spell(Builtin builtin, KeywordSet set, std::string_view source) {
  const BuiltinInfo& info = builtin_info(builtin);
  switch (set) {
    case KeywordSet::en: return info.english;
    case KeywordSet::zh: return info.chinese;
    case KeywordSet::keep: break;
  }
  return source;
}

}  // namespace fuzhu::format
