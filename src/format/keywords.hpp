// The keyword table of grammar/keywords.def, as data: the formatter prints a
// keyword in the set asked for, whichever set the source used.
#pragma once

#include <cstdint>
#include <string>
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

/// A duration literal ("6 个月", "1 years", "30天") in `set`: "6 个月" / "6 months";
/// `keep` keeps a Chinese unit as written and gives an English one its
/// canonical form ("1 year", "2 years"); one space between number and unit.
std::string spell_duration(std::string_view token, KeywordSet set);
/// A rate literal: "40%" for "40 %" or "40％", a decimal as written.
std::string spell_rate(std::string_view token);

}  // namespace fuzhu::format
