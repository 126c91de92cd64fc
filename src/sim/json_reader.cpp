// A family from one JSON line, with simdjson's On Demand parser. It follows
// the rules of io/facts_json.cpp (the nlohmann reader of `fuzhu eval`): the
// same typed assignment, numbers kept as their source text so money stays
// exact, unknown records and fields ignored, "father": null for no father,
// and the same messages, which name the fact's path. It stops at the first
// problem: one reason is enough to reject a line.
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>

#include <fmt/format.h>
#include <simdjson.h>

#include "io/facts.hpp"
#include "limits.hpp"
#include "sim/family_reader.hpp"
#include "sim/name_table.hpp"

namespace fuzhu::sim {

namespace {

namespace od = simdjson::ondemand;

std::string malformed(simdjson::error_code error) {
  return fmt::format("malformed JSON: {}", simdjson::error_message(error));
}

const char* describe(od::json_type type) {
  switch (type) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "true or false";
    case od::json_type::null: return "null";
  }
  return "a value";
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Whether n bytes at p, in a padded document, hold a backslash: eight at a
// time, a byte equal to '\\' becoming a zero byte that the borrow of the
// subtraction finds (a borrow only runs upwards, so bytes masked off past
// the end cannot mark the ones before them).
bool has_backslash(const char* p, std::size_t n) {
  if constexpr (std::endian::native != std::endian::little) return std::memchr(p, '\\', n) != nullptr;
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  for (std::size_t i = 0; i < n; i += 8) {
    const std::uint64_t w = word(p + i) ^ (ones * '\\');
    std::uint64_t zero = (w - ones) & ~w & highs;
    if (n - i < 8) zero &= ~std::uint64_t{0} >> (64 - 8 * (n - i));
    if (zero) return true;
  }
  return false;
}

// The text of a string value as written, between its quotes: read in
// place, where get_string would copy it. It is the string's text when it has
// no backslash. The token runs to the next structural character, so after
// its closing quote there is only whitespace.
std::optional<std::string_view> written_string(od::value& value) {
  std::string_view token = value.raw_json_token();
  while (!token.empty() && is_space(token.back())) token.remove_suffix(1);
  if (token.size() < 2 || token.front() != '"' || token.back() != '"') return std::nullopt;
  return token.substr(1, token.size() - 2);
}

// A field's key as written, found back from where its value starts: over
// the whitespace, the colon and the whitespace again to the closing quote.
// Compact JSON ("key":value) has none of the whitespace.
std::optional<std::string_view> written_key(od::field& field) {
  const char* start = field.key().raw();
  const char* p = field.value().raw_json_token().data();
  if (p - start >= 2 && p[-1] == ':' && p[-2] == '"') return std::string_view(start, static_cast<std::size_t>(p - 2 - start));
  while (p > start && is_space(p[-1])) --p;
  if (p == start || *--p != ':') return std::nullopt;
  while (p > start && is_space(p[-1])) --p;
  if (p == start || *--p != '"') return std::nullopt;
  return std::string_view(start, static_cast<std::size_t>(p - start));
}

// The rare key with a backslash, unescaped by simdjson.
[[gnu::noinline]] simdjson::error_code look_up_unescaped(od::field& field, const NameTable& table,
                                                          std::string_view& key, int& found) {
  if (auto error = field.unescaped_key().get(key)) return error;
  found = table.find(key);
  return simdjson::SUCCESS;
}

// The number a field's key has in `table` (the schema's roots or one root's
// fields), or -1; `key` is the key. A key as written that is found has no
// backslash, so it is the key; one with a backslash is unescaped (JSON
// allows "birth\u005fdate") and looked up again. Inlined: it runs for every
// key of every family.
[[gnu::always_inline]] inline simdjson::error_code look_up(od::field& field, const SchemaNames& names,
                                                           const NameTable& table, std::string_view& key, int& found) {
  if (names.plain) {
    if (auto written = written_key(field)) {
      key = *written;
      found = table.find(Padded{key});
      if (found >= 0 || !has_backslash(key.data(), key.size())) return simdjson::SUCCESS;
    }
  }
  return look_up_unescaped(field, table, key, found);
}

// The success paths of detail::assign_bool and assign_text, by the slot's
// plan instead of the schema, for the bulk of the values; whatever those
// would refuse is left to them, for the message. The slot's record is
// marked present already (read_record).
bool assigned_bool(detail::FactsData& d, int slot, const SlotPlan& plan, bool value) {
  if (plan.kind != ast::TypeKind::boolean) return false;
  d.slots[static_cast<std::size_t>(slot)] = detail::Value::boolean(value);
  return true;
}

// `written`: a string value as written in the (padded) document. A date or
// an enum value found in it has no backslash, so it is the value; a string
// fact is taken as written only without one.
bool assigned_written(detail::FactsData& d, int slot, const SlotPlan& plan, std::string_view written) {
  const auto at = static_cast<std::size_t>(slot);
  switch (plan.kind) {
    case ast::TypeKind::date: {
      auto day = detail::day_number(written);
      if (!day) return false;
      d.slots[at] = {detail::Tag::date, *day};
      return true;
    }
    case ast::TypeKind::enumeration: {
      int index = plan.enum_values.find(Padded{written});
      if (index < 0) return false;
      d.slots[at] = {detail::Tag::enumeration, index};
      return true;
    }
    case ast::TypeKind::string: {
      if (written.size() > limits::max_string_bytes || has_backslash(written.data(), written.size())) return false;
      const int string = d.schema->string_of_slot[at];
      d.strings[static_cast<std::size_t>(string)].assign(written);  // keeps the slot's storage
      d.slots[at] = {detail::Tag::string, string};
      return true;
    }
    default: return false;
  }
}

// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') ++i;
  else if (!digits()) return false;
  if (i < s.size() && s[i] == '.' && (++i, !digits())) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

// A number as its source text: whole numbers as integers (money in whole
// yuan too), anything with a fraction or exponent as a decimal.
std::string assign_number(detail::FactsData& d, int slot, std::string_view text) {
  if (!is_json_number(text)) return fmt::format("malformed JSON: {} is not a number", text.substr(0, 32));
  if (text.find_first_of(".eE") != std::string_view::npos) return detail::assign_decimal(d, slot, text);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size())
    return fmt::format("{}: the number is too large", d.schema->path_of(slot));
  return detail::assign_integer(d, slot, value);
}

std::string assign_value(detail::FactsData& d, int slot, const SlotPlan& plan, bool plain, od::value& value) {
  od::json_type type{};
  if (auto error = value.type().get(type)) return malformed(error);
  switch (type) {
    case od::json_type::null: return {};  // unknown, as if absent
    case od::json_type::boolean: {
      bool b = false;
      if (auto error = value.get_bool().get(b)) return malformed(error);
      if (assigned_bool(d, slot, plan, b)) return {};
      return detail::assign_bool(d, slot, b);
    }
    case od::json_type::number: {
      return assign_number(d, slot, trim(value.raw_json_token()));
    }
    case od::json_type::string: {
      auto written = written_string(value);
      if (written && plain && assigned_written(d, slot, plan, *written)) return {};
      std::string_view text;  // unescaped, for assign_text to take or to say why not
      if (auto error = value.get_string().get(text)) return malformed(error);
      return detail::assign_text(d, slot, text);
    }
    default: return fmt::format("{}: expected a single value, not {}", d.schema->path_of(slot), describe(type));
  }
}

class JsonReader final : public FamilyReader {
 public:
  std::string read(const Block& block, const Line& line, detail::FactsData& d) override {
    if (!names_ || names_->schema != d.schema) names_ = std::make_unique<SchemaNames>(d.schema);
    simdjson::padded_string_view text(block.text.data() + line.offset, line.size, block.capacity_from(line));
    od::document doc;
    if (auto error = parser_.iterate(text).get(doc)) return malformed(error);
    od::object family;
    if (auto error = doc.get_object().get(family))
      return error == simdjson::INCORRECT_TYPE ? "a family's facts are one JSON object" : malformed(error);
    for (auto result : family) {
      od::field field;
      if (auto error = std::move(result).get(field)) return malformed(error);
      std::string problem = read_root(d, field);
      if (!problem.empty()) return problem;
    }
    const char* rest = nullptr;  // past the object, only the end may be left
    if (doc.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) return "malformed JSON: more text after the family's object";
    return {};
  }

 private:
  od::parser parser_;

  std::unique_ptr<SchemaNames> names_;  // of the schema of the facts last read

  std::string read_root(detail::FactsData& d, od::field& field) {
    std::string_view key;
    int root = -1;
    if (auto error = look_up(field, *names_, names_->roots, key, root)) return malformed(error);
    od::value& value = field.value();
    if (root < 0) return {};  // an unknown record: ignored
    od::json_type type{};
    if (auto error = value.type().get(type)) return malformed(error);
    if (type == od::json_type::null) return {};  // "father": null, no father
    if (type != od::json_type::object) return fmt::format("{}: expected an object of facts, not {}", key, describe(type));
    od::object record;
    if (auto error = value.get_object().get(record)) return malformed(error);
    return read_record(d, root, record);
  }

  // The fields of one record ("mother": {...}).
  std::string read_record(detail::FactsData& d, int root, od::object record) {
    const NameTable& fields = names_->fields[static_cast<std::size_t>(root)];
    d.present[static_cast<std::size_t>(root)] = 1;
    for (auto result : record) {
      od::field field;
      if (auto error = std::move(result).get(field)) return malformed(error);
      std::string_view key;
      int slot = -1;
      if (auto error = look_up(field, *names_, fields, key, slot)) return malformed(error);
      if (slot < 0) continue;  // an unknown field: ignored, as `fuzhu eval` does
      std::string problem = assign_value(d, slot, names_->slots[static_cast<std::size_t>(slot)], names_->plain, field.value());
      if (!problem.empty()) return problem;
    }
    return {};
  }
};

}  // namespace

std::unique_ptr<FamilyReader> make_json_reader() { return std::make_unique<JsonReader>(); }

}  // namespace fuzhu::sim
