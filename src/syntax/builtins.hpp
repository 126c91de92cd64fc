// The builtin functions of the policy language as data, from the one table
// in grammar/builtins.def: what the checker, the compiler and the explainer
// read about a function. The evaluation of each is Evaluator::call_<id>.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace fuzhu {

enum class Builtin : std::uint8_t {
#define FUZHU_BUILTIN(id, en, zh, result, shown, ...) id,
#include "grammar/builtins.def"
#undef FUZHU_BUILTIN
};

inline constexpr std::size_t builtin_count = 0
#define FUZHU_BUILTIN(id, en, zh, result, shown, ...) +1
#include "grammar/builtins.def"
#undef FUZHU_BUILTIN
    ;

/// What an argument must be (grammar/builtins.def explains each).
enum class BuiltinParam : std::uint8_t { person, record, date, duration, number, fact, benefit };
/// The type of a call: fixed, or `same` as its number arguments.
enum class BuiltinResult : std::uint8_t { boolean, integer, same };
/// How --explain shows a call.
enum class BuiltinShown : std::uint8_t { value, condition, period, outcome };

struct BuiltinInfo {
  std::string_view english, chinese;
  BuiltinResult result;
  BuiltinShown shown;
  std::span<const BuiltinParam> params;
};

const BuiltinInfo& builtin_info(Builtin builtin);
/// The function spelt `name` (English or Chinese), if any.
std::optional<Builtin> find_builtin(std::string_view name);

}  // namespace fuzhu
