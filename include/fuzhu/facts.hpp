// fuzhu — one family's facts, laid out by a policy's facts schema.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "fuzhu/diagnostic.hpp"
#include "fuzhu/export.hpp"
#include "fuzhu/value.hpp"

namespace fuzhu {

namespace detail { struct FactsData; struct Schema; struct Access; }

/// A known fact's value: bool, a whole number (int fields), Money, Date, or a
/// string (string fields, and enum fields as their value's name, "deceased").
using FactValue = std::variant<bool, std::int64_t, Money, Date, std::string>;

/// A value as a family's JSON writes it, without quotes: "true", "3",
/// "490.50" (money in yuan), "2020-07-15", "deceased".
FUZHU_API std::string to_string(const FactValue& value);

/// What Facts::get found.
struct [[nodiscard]] FactLookup {
  std::optional<FactValue> value;    ///< none: unknown (not given, or its person is absent)
  std::optional<std::string> error;  ///< the path is not a fact of the schema
  bool ok() const { return !error.has_value(); }
};

/// A family's facts. Every fact starts unknown; an optional root ("mother",
/// "father") starts absent: no such person.
///
/// Every call that can fail returns its error as a value (a message naming
/// the path), never throws for bad input. A const Facts may be read from
/// several threads; changing one is not synchronised.
class FUZHU_API Facts {
 public:
  explicit Facts(std::shared_ptr<const detail::Schema> schema);
  Facts(const Facts&);
  Facts& operator=(const Facts&);
  Facts(Facts&&) noexcept;
  Facts& operator=(Facts&&) noexcept;
  ~Facts();

  /// Sets a fact by path ("mother.birth_date"). Returns an error message when
  /// the path is not in the schema or the value does not fit the field;
  /// setting a field of an absent person makes the person present. One
  /// overload a kind of value, each chosen exactly:
  [[nodiscard]] std::optional<std::string> set(std::string_view path, bool value);
  /// A whole number: an int field (in its range), or a money field in whole yuan.
  template <std::integral T>
    requires(!std::same_as<T, bool> && !std::same_as<T, char> && !std::same_as<T, wchar_t> &&
             !std::same_as<T, char8_t> && !std::same_as<T, char16_t> && !std::same_as<T, char32_t>)
  [[nodiscard]] std::optional<std::string> set(std::string_view path, T value) {
    if constexpr (std::is_unsigned_v<T>)
      if (value > static_cast<std::make_unsigned_t<std::int64_t>>(INT64_MAX)) return set_integer(path, -1, true);
    return set_integer(path, static_cast<std::int64_t>(value), false);
  }
  [[nodiscard]] std::optional<std::string> set(std::string_view path, Money value);
  [[nodiscard]] std::optional<std::string> set(std::string_view path, const Date& value);
  /// For string, enum ("child.status", "deceased") and date ("2020-07-15") fields.
  [[nodiscard]] std::optional<std::string> set(std::string_view path, std::string_view value);
  /// A string literal is text, never a bool (a pointer would convert to bool).
  [[nodiscard]] std::optional<std::string> set(std::string_view path, const char* value);
  [[nodiscard]] std::optional<std::string> set(std::string_view path, const std::string& value);
  /// Money is Money (exact fen), never a binary floating-point number.
  std::optional<std::string> set(std::string_view path, double value) = delete;
  std::optional<std::string> set(std::string_view path, float value) = delete;
  std::optional<std::string> set(std::string_view path, std::nullptr_t) = delete;

  /// The fact at `path`; its value is none when unknown. A field's default
  /// (`alive`: true) applies at evaluation and is not reported here.
  FactLookup get(std::string_view path) const;

  /// Makes one fact unknown ("mother.birth_date"); given a root ("mother"),
  /// makes every fact of it unknown and an optional root absent.
  [[nodiscard]] std::optional<std::string> unset(std::string_view path);
  /// Every fact unknown, every optional root absent, as a new Facts.
  void clear();

  /// Makes a person present with every field unknown.
  [[nodiscard]] std::optional<std::string> add_person(std::string_view root);
  /// Whether the root ("mother") is present: false when it is absent or not a root.
  bool present(std::string_view root) const;

 private:
  std::optional<std::string> set_integer(std::string_view path, std::int64_t value, bool too_large);
  std::unique_ptr<detail::FactsData> data_;
  friend struct detail::Access;  // the library's own view (src/api/internal.hpp)
};

struct [[nodiscard]] FactsResult {
  std::optional<Facts> facts;               // set when there is no error
  std::vector<Diagnostic> diagnostics;      // errors, and warnings (unknown fields)
  bool ok() const { return facts.has_value(); }
};

}  // namespace fuzhu
