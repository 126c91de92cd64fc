// Reading a family's facts: typed assignment into slots, and JSON in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compile/schema.hpp"
#include "fuzhu/facts.hpp"

namespace fuzhu::detail {

FactsData empty_facts(std::shared_ptr<const Schema> schema);

// Each returns "" on success, or a message naming the fact and the problem.
std::string assign_bool(FactsData& d, int slot, bool value);
std::string assign_integer(FactsData& d, int slot, std::int64_t value);   // int, or money in whole yuan
std::string assign_decimal(FactsData& d, int slot, std::string_view text);  // money
std::string assign_text(FactsData& d, int slot, std::string_view text);   // string, date, enum
/// A number as JSON writes it (`490`, `12.50`), kept as its text so money
/// stays exact: whole numbers as integers, anything with a fraction or an
/// exponent as a decimal. Text that is not a JSON number is refused.
std::string assign_number(FactsData& d, int slot, std::string_view text);

/// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view text);

/// "YYYY-MM-DD" naming a real day (Date::parse) → days since 1970-01-01, the
/// value of a date fact; nullopt otherwise.
std::optional<std::int64_t> day_number(std::string_view text);

/// Reads one family from JSON text. `name` (a file name, or "facts") is put
/// in the diagnostics. Errors name the JSON path; unknown fields are warnings.
FactsResult read_facts_json(std::shared_ptr<const Schema> schema, std::string_view json, const std::string& name);

}  // namespace fuzhu::detail
