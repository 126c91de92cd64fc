// A family from one JSON line, with simdjson's On Demand parser. It follows
// the rules of io/facts_json.cpp (the nlohmann reader of `fuzhu eval`): the
// same typed assignment, numbers kept as their source text so money stays
// exact, unknown records and fields ignored, "father": null for no father,
// and the same messages, which name the fact's path. It stops at the first
// problem: one reason is enough to reject a line.
#include <charconv>

#include <fmt/format.h>
#include <simdjson.h>

#include "io/facts.hpp"
#include "sim/family_reader.hpp"

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

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
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

std::string assign_value(detail::FactsData& d, int slot, od::value value) {
  od::json_type type{};
  if (auto error = value.type().get(type)) return malformed(error);
  switch (type) {
    case od::json_type::null: return {};  // unknown, as if absent
    case od::json_type::boolean: {
      bool b = false;
      if (auto error = value.get_bool().get(b)) return malformed(error);
      return detail::assign_bool(d, slot, b);
    }
    case od::json_type::number: {
      return assign_number(d, slot, trim(value.raw_json_token()));
    }
    case od::json_type::string: {
      std::string_view text;
      if (auto error = value.get_string().get(text)) return malformed(error);
      return detail::assign_text(d, slot, text);
    }
    default: return fmt::format("{}: expected a single value, not {}", d.schema->path_of(slot), describe(type));
  }
}

// The fields of one record ("mother": {...}).
std::string read_record(detail::FactsData& d, int root, od::object record) {
  const detail::Schema& schema = *d.schema;
  d.present[static_cast<std::size_t>(root)] = 1;
  for (auto result : record) {
    od::field field;
    if (auto error = std::move(result).get(field)) return malformed(error);
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return malformed(error);
    int slot = schema.field_slot(root, key);
    if (slot < 0) continue;  // an unknown field: ignored, as `fuzhu eval` does
    std::string problem = assign_value(d, slot, field.value());
    if (!problem.empty()) return problem;
  }
  return {};
}

class JsonReader final : public FamilyReader {
 public:
  std::string read(const Block& block, const Line& line, detail::FactsData& d) override {
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

  static std::string read_root(detail::FactsData& d, od::field& field) {
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return malformed(error);
    int root = d.schema->root_index(key);
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
};

}  // namespace

std::unique_ptr<FamilyReader> make_json_reader() { return std::make_unique<JsonReader>(); }

}  // namespace fuzhu::sim
