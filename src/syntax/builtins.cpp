#include "syntax/builtins.hpp"

#include <array>

namespace fuzhu {

namespace {

// Each row's parameters, named as in the table.
namespace params {
[[maybe_unused]] constexpr auto person = BuiltinParam::person;
[[maybe_unused]] constexpr auto record = BuiltinParam::record;
[[maybe_unused]] constexpr auto date = BuiltinParam::date;
[[maybe_unused]] constexpr auto duration = BuiltinParam::duration;
[[maybe_unused]] constexpr auto number = BuiltinParam::number;
[[maybe_unused]] constexpr auto fact = BuiltinParam::fact;
[[maybe_unused]] constexpr auto benefit = BuiltinParam::benefit;
#define FUZHU_BUILTIN(id, en, zh, result, shown, ...) constexpr BuiltinParam id##_params[] = {__VA_ARGS__};
#include "grammar/builtins.def"
#undef FUZHU_BUILTIN
}  // namespace params

constexpr std::array<BuiltinInfo, builtin_count> table{{
#define FUZHU_BUILTIN(id, en, zh, result, shown, ...) \
  {en, zh, BuiltinResult::result, BuiltinShown::shown, params::id##_params},
#include "grammar/builtins.def"
#undef FUZHU_BUILTIN
}};

}  // namespace

const BuiltinInfo& builtin_info(Builtin builtin) { return table[static_cast<std::size_t>(builtin)]; }

std::optional<Builtin> find_builtin(std::string_view name) {
  for (std::size_t i = 0; i < table.size(); ++i)
    if (table[i].english == name || table[i].chinese == name) return static_cast<Builtin>(i);
  return std::nullopt;
}

}  // namespace fuzhu
