// What simdjson's On Demand parser does not check by itself, so that a line
// of JSON Lines is refused exactly when `fuzhu eval`'s strict reader
// (io/facts_json.cpp, nlohmann) refuses the same text: On Demand validates
// UTF-8 and the structure it is walked through, but a value it skips is never
// looked at, and an atom (true, null, a number) is only checked when read.
#pragma once

#include <array>
#include <string_view>
#include <unordered_set>

#include <simdjson.h>

#include "limits.hpp"

namespace fuzhu::sim {

/// A number as nlohmann reads it: JSON's grammar, and finite as a double
/// when it does not fit a 64-bit integer (1e999999999999 is refused; 1e-400,
/// which is 0, is not).
bool finite_json_number(std::string_view text);

/// A value's text up to the next structural character, without the
/// whitespace after it: what an atom (true, null, 12.5) was written as.
std::string_view atom_text(simdjson::ondemand::value& value);

/// A value whose first byte is 'n' is `null`, not `nul` or `nulll`.
bool is_null(simdjson::ondemand::value& value);

/// Validates values the reader skips (unknown records and fields) in full:
/// every atom, every string's escapes (no lone surrogate), no key twice in
/// one object, nesting within the depth limit. One per reader: it keeps its
/// key sets' storage from line to line.
class SkippedValues {
 public:
  /// `depth`: how many containers hold the value (the family's object is 1).
  bool valid(simdjson::ondemand::value value, std::size_t depth);

  /// The keys already seen in one object, by nesting depth: a key seen
  /// twice is refused. Keys are unescaped, so "a" and "\u0061" are one.
  bool first_time(std::size_t depth, std::string_view key) { return keys_[depth].insert(key).second; }
  void new_object(std::size_t depth) {
    if (!keys_[depth].empty()) keys_[depth].clear();  // clear() costs even on an empty set
  }

 private:
  std::array<std::unordered_set<std::string_view>, limits::max_facts_depth + 2> keys_;
};

}  // namespace fuzhu::sim
