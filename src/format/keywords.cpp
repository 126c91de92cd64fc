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
