#include "sim/json_strict.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <locale.h>
#include <string>

#include "io/facts.hpp"

namespace fuzhu::sim {

namespace od = simdjson::ondemand;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// strtod as nlohmann calls it: with '.' as the decimal point, whatever the
// embedding program's locale says.
double c_strtod(const std::string& text) {
  static const locale_t c = ::newlocale(LC_NUMERIC_MASK, "C", static_cast<locale_t>(nullptr));
  return ::strtod_l(text.c_str(), nullptr, c);
}

}  // namespace

bool finite_json_number(std::string_view text) {
  if (!detail::is_json_number(text)) return false;
  if (text.find_first_of(".eE") == std::string_view::npos) {
    const char* end = text.data() + text.size();
    std::int64_t i = 0;
    if (auto r = std::from_chars(text.data(), end, i); r.ec == std::errc{}) return true;
    std::uint64_t u = 0;
    if (auto r = std::from_chars(text.data(), end, u); r.ec == std::errc{}) return true;
  }
  return std::isfinite(c_strtod(std::string(text)));
}

std::string_view atom_text(od::value& value) {
  std::string_view token = value.raw_json_token();
  while (!token.empty() && is_space(token.back())) token.remove_suffix(1);
  return token;
}

bool is_null(od::value& value) {
  bool null = false;
  return !value.is_null().get(null) && null;
}

bool SkippedValues::valid(od::value value, std::size_t depth) {
  od::json_type type{};
  if (value.type().get(type)) return false;
  switch (type) {
    case od::json_type::object: {
      if (depth + 1 > limits::max_facts_depth) return false;
      od::object object;
      if (value.get_object().get(object)) return false;
      new_object(depth + 1);
      for (auto result : object) {
        od::field field;
        std::string_view key;
        if (std::move(result).get(field) || field.unescaped_key().get(key)) return false;
        if (!first_time(depth + 1, key) || !valid(field.value(), depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::array: {
      if (depth + 1 > limits::max_facts_depth) return false;
      od::array array;
      if (value.get_array().get(array)) return false;
      for (auto result : array) {
        od::value element;
        if (std::move(result).get(element) || !valid(element, depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      std::string_view text;
      return !value.get_string().get(text);  // unescaping refuses a lone surrogate
    }
    case od::json_type::number: return finite_json_number(atom_text(value));
    case od::json_type::boolean: {
      bool b = false;
      return !value.get_bool().get(b);
    }
    case od::json_type::null: return is_null(value);
  }
  return false;
}

}  // namespace fuzhu::sim
