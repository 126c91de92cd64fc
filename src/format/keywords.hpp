// The keyword table of grammar/keywords.def, as data: the formatter prints a
// keyword in the set asked for, whichever set the source used.
#pragma once

#include <cstdint>
#include <string_view>

#include "syntax/builtins.hpp"

namespace fuzhu::format {

enum class Keyword : std::uint8_t {
#define FUZHU_KEYWORD(id, en, zh) kw_##id,
#include "grammar/keywords.def"
#undef FUZHU_KEYWORD
};

enum class KeywordSet { keep, en, zh };

/// "in force", "when", ...: lower case, one space between words.
std::string_view english(Keyword keyword);
/// "施行", "条件", ...
std::string_view chinese(Keyword keyword);

/// The spelling of `keyword` in `set`; `keep` keeps the set of `source`
/// (the keyword as written), in its canonical spelling.
std::string_view spell(Keyword keyword, KeywordSet set, std::string_view source);
/// The same for the name of a builtin function (grammar/builtins.def).
std::string_view spell(Builtin builtin, KeywordSet set, std::string_view source);

}  // namespace fuzhu::format
