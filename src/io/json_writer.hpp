// A small JSON document for fuzhu's outputs (eval, compare, simulate,
// explain). Money is written from integer fen as the exact decimal text of a
// number (`490`, `490.5`, `1000000000000000.07`): a library that keeps
// numbers as doubles cannot print every int64 of fen exactly, this can.
// Text that is not valid UTF-8 is written with U+FFFD in place of each bad
// byte, so no output ever fails on the bytes it prints.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzhu/result.hpp"
#include "fuzhu/value.hpp"

namespace fuzhu::detail {

class Json {
 public:
  Json() = default;  // null
  Json(std::nullptr_t) {}
  Json(bool b) : kind_(Kind::boolean), text_(b ? "true" : "false") {}
  Json(int n) : Json(static_cast<std::int64_t>(n)) {}
  Json(long n) : kind_(Kind::number), text_(std::to_string(n)) {}
  Json(long long n) : kind_(Kind::number), text_(std::to_string(n)) {}
  Json(unsigned long n) : kind_(Kind::number), text_(std::to_string(n)) {}
  Json(unsigned long long n) : kind_(Kind::number), text_(std::to_string(n)) {}
  Json(const char* s) : kind_(Kind::string), text_(s) {}
  Json(std::string s) : kind_(Kind::string), text_(std::move(s)) {}
  Json(std::string_view s) : kind_(Kind::string), text_(s) {}
  Json(const std::vector<std::string>& strings);  // an array of strings
  Json(std::span<const std::string_view> strings);

  /// An amount in yuan as a JSON number, exact: `490`, `490.5`, `-0.07`.
  static Json money(Money m);
  /// null when there is no amount.
  static Json money(const std::optional<Money>& m);
  static Json array();
  static Json object();

  /// An object's member, appended (as null) when it is not there yet; keys
  /// keep the order they were first set in.
  Json& operator[](std::string_view key);
  /// Appends to an array.
  void push_back(Json value);
  /// Appends the members of another object to this one.
  void append(Json object);
  bool empty() const { return items_.empty(); }

  /// The document, indented by `indent` spaces a level, as nlohmann's
  /// dump(indent) lays it out (an empty array is `[]`).
  std::string dump(int indent = 2) const;

 private:
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object };
  Kind kind_ = Kind::null;
  std::string text_;  // a scalar: its JSON text, or the string's UTF-8
  std::vector<std::pair<std::string, Json>> items_;  // array (keys empty) or object

  void write(std::string& out, int indent, int level) const;
};

/// The exact decimal text of an amount in yuan, without trailing zeros in
/// the fen: "490", "490.5", "0.07", "-92233720368547758.08". Every int64 of
/// fen is written exactly.
std::string yuan_number(Money m);

/// `text` as the inside of a JSON string: quotes, backslashes and control
/// characters escaped, invalid UTF-8 replaced by U+FFFD.
std::string json_escape(std::string_view text);

/// The JSON contract of `fuzhu eval --format json`, as a document: `compare`
/// puts one of these a policy into its array.
Json evaluation_json(const Evaluation& evaluation);

}  // namespace fuzhu::detail
