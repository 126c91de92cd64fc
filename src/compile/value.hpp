// One value during evaluation: a tag and 64 bits, so that evaluating copies
// no string and allocates nothing.
#pragma once

#include <cstdint>

namespace fuzhu::detail {

enum class Tag : std::uint8_t { unknown, boolean, integer, money, date, enumeration, string, person, duration, rate };

/// Strings refer to a fact slot (n >= 0) or a literal of the policy
/// (n = -1 - index); a person is a root index; a duration is
/// Duration::encode(); a rate is in millionths.
struct Value {
  Tag tag = Tag::unknown;
  std::int64_t n = 0;

  bool known() const { return tag != Tag::unknown; }
  static Value boolean(bool b) { return {Tag::boolean, b ? 1 : 0}; }
};

}  // namespace fuzhu::detail
