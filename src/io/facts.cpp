// Facts: typed, validated assignment of one fact into a family's slots, and
// the public Facts class built on it.
#include "io/facts.hpp"

#include <charconv>

#include <fmt/format.h>

#include "limits.hpp"
#include "syntax/printable.hpp"
#include "syntax/source.hpp"

namespace fuzhu {

namespace detail {

namespace {

std::string type_name(const FieldInfo& f) {
  switch (f.kind) {
    case ast::TypeKind::boolean: return "true or false";
    case ast::TypeKind::integer: return "a whole number";
    case ast::TypeKind::money: return "an amount in yuan (a number with at most two decimals)";
    case ast::TypeKind::date: return "a date as \"YYYY-MM-DD\"";
    case ast::TypeKind::string: return "a string";
    case ast::TypeKind::enumeration: return fmt::format("one of {}", fmt::join(f.enum_values, ", "));
    default: return "a value";
  }
}

std::string wrong_type(const Schema& s, int slot, std::string_view got) {
  return fmt::format("{}: expected {}, not {}", s.path_of(slot), type_name(s.field_of(slot)), got);
}

// The schema has no signed money: an income, a medical bill, is never below
// zero, so a minus sign is a mistake in the facts, not a refund.
std::string negative_money(const std::string& path, std::string_view written) {
  return fmt::format("{}: {} yuan is negative; amounts in the facts are never below zero", path, written);
}

void mark_present(FactsData& d, int slot) { d.present[static_cast<std::size_t>(d.schema->slot_root[static_cast<std::size_t>(slot)])] = 1; }

}  // namespace

std::optional<std::int64_t> day_number(std::string_view text) {
  const auto date = Date::parse(text);
  if (!date) return std::nullopt;
  return date->days_since_epoch();
}

FactsData empty_facts(std::shared_ptr<const Schema> schema) {
  FactsData d;
  d.slots.resize(static_cast<std::size_t>(schema->slot_count));
  d.strings.resize(static_cast<std::size_t>(schema->string_count));
  for (const auto& root : schema->roots) d.present.push_back(root.optional ? 0 : 1);
  d.schema = std::move(schema);
  return d;
}

std::string assign_bool(FactsData& d, int slot, bool value) {
  const FieldInfo& f = d.schema->field_of(slot);
  if (f.kind != ast::TypeKind::boolean) return wrong_type(*d.schema, slot, value ? "true" : "false");
  d.slots[static_cast<std::size_t>(slot)] = Value::boolean(value);
  mark_present(d, slot);
  return {};
}

std::string assign_integer(FactsData& d, int slot, std::int64_t value) {
  const FieldInfo& f = d.schema->field_of(slot);
  const std::string& path = d.schema->path_of(slot);
  if (f.kind == ast::TypeKind::money) {
    if (value < 0) return negative_money(path, std::to_string(value));
    if (value > limits::max_money_fen / 100) return fmt::format("{}: {} yuan is out of range", path, value);
    d.slots[static_cast<std::size_t>(slot)] = {Tag::money, value * 100};
  } else if (f.kind == ast::TypeKind::integer) {
    if ((f.low && value < *f.low) || (f.high && value > *f.high))
      return fmt::format("{}: {} is outside {}..{}", path, value, f.low.value_or(0), f.high.value_or(0));
    d.slots[static_cast<std::size_t>(slot)] = {Tag::integer, value};
  } else {
    return wrong_type(*d.schema, slot, fmt::format("the number {}", value));
  }
  mark_present(d, slot);
  return {};
}

std::string assign_decimal(FactsData& d, int slot, std::string_view text) {
  const FieldInfo& f = d.schema->field_of(slot);
  const std::string& path = d.schema->path_of(slot);
  const std::string shown = cut_chars(text, 32);  // a number's text: ASCII, but it may be long
  if (f.kind == ast::TypeKind::integer) return fmt::format("{}: expected a whole number, not {}", path, shown);
  if (f.kind != ast::TypeKind::money) return wrong_type(*d.schema, slot, fmt::format("the number {}", shown));
  auto money = Money::parse(text);
  if (!money) return fmt::format("{}: {} is not an amount in yuan with at most two decimals", path, shown);
  if (money->fen < 0) return negative_money(path, shown);
  if (money->fen > limits::max_money_fen) return fmt::format("{}: {} yuan is out of range", path, shown);
  d.slots[static_cast<std::size_t>(slot)] = {Tag::money, money->fen};
  mark_present(d, slot);
  return {};
}

bool is_json_number(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
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

std::string assign_number(FactsData& d, int slot, std::string_view text) {
  if (!is_json_number(text)) return wrong_type(*d.schema, slot, quoted_value(text, 32));
  if (text.find_first_of(".eE") != std::string_view::npos) return assign_decimal(d, slot, text);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size())
    return fmt::format("{}: the number {} is too large", d.schema->path_of(slot), cut_chars(text, 32));
  return assign_integer(d, slot, value);
}

std::string assign_text(FactsData& d, int slot, std::string_view text) {
  const FieldInfo& f = d.schema->field_of(slot);
  const std::string& path = d.schema->path_of(slot);
  auto quoted = [&] { return quoted_value(text); };
  switch (f.kind) {
    case ast::TypeKind::string: {
      if (text.size() > limits::max_string_bytes)
        return fmt::format("{}: the string is longer than {} bytes", path, limits::max_string_bytes);
      // What JSON readers refuse before this point; CSV cells and the API
      // come here as they are.
      if (std::size_t bad = 0; !valid_utf8(text, bad))
        return fmt::format("{}: {} is not UTF-8 text (byte {} is not)", path, quoted(), bad + 1);
      if (text.find('\0') != std::string_view::npos) return fmt::format("{}: {} holds a NUL character", path, quoted());
      const int string = d.schema->string_of_slot[static_cast<std::size_t>(slot)];
      d.strings[static_cast<std::size_t>(string)].assign(text);  // keeps the slot's storage
      d.slots[static_cast<std::size_t>(slot)] = {Tag::string, string};
      break;
    }
    case ast::TypeKind::date: {
      auto day = day_number(text);
      if (!day) return fmt::format("{}: {} is not a date of the calendar (YYYY-MM-DD)", path, quoted());
      d.slots[static_cast<std::size_t>(slot)] = {Tag::date, *day};
      break;
    }
    case ast::TypeKind::enumeration: {
      for (std::size_t i = 0; i < f.enum_values.size(); ++i)
        if (f.enum_values[i] == text) {
          d.slots[static_cast<std::size_t>(slot)] = {Tag::enumeration, static_cast<std::int64_t>(i)};
          mark_present(d, slot);
          return {};
        }
      return fmt::format("{}: {} is not one of {}", path, quoted(), fmt::join(f.enum_values, ", "));
    }
    default: return wrong_type(*d.schema, slot, fmt::format("the string {}", quoted()));
  }
  mark_present(d, slot);
  return {};
}

}  // namespace detail

// ------------------------------------------------------------------ Facts

using detail::FactsData;

Facts::Facts(std::shared_ptr<const detail::Schema> schema)
    : data_(std::make_unique<FactsData>(detail::empty_facts(std::move(schema)))) {}
Facts::Facts(const Facts& other) : data_(std::make_unique<FactsData>(*other.data_)) {}
Facts& Facts::operator=(const Facts& other) {
  if (this != &other) data_ = std::make_unique<FactsData>(*other.data_);
  return *this;
}
Facts::Facts(Facts&&) noexcept = default;
Facts& Facts::operator=(Facts&&) noexcept = default;
Facts::~Facts() = default;

namespace {

template <typename Assign>
std::optional<std::string> set_path(FactsData& d, std::string_view path, Assign assign) {
  int slot = d.schema->slot_of(path);
  if (slot < 0) return fmt::format("{}: no such fact in the schema", path);
  std::string error = assign(d, slot);
  if (error.empty()) return std::nullopt;
  return error;
}

}  // namespace

std::optional<std::string> Facts::set(std::string_view path, bool value) {
  return set_path(*data_, path, [&](FactsData& d, int slot) { return detail::assign_bool(d, slot, value); });
}
std::optional<std::string> Facts::set_integer(std::string_view path, std::int64_t value, bool too_large) {
  return set_path(*data_, path, [&](FactsData& d, int slot) {
    if (too_large) return fmt::format("{}: the number is too large", d.schema->path_of(slot));
    return detail::assign_integer(d, slot, value);
  });
}
std::optional<std::string> Facts::set(std::string_view path, Money value) {
  return set_path(*data_, path, [&](FactsData& d, int slot) {
    if (d.schema->field_of(slot).kind != ast::TypeKind::money || value.fen < 0)
      return detail::assign_decimal(d, slot, value.to_string());
    d.slots[static_cast<std::size_t>(slot)] = {detail::Tag::money, value.fen};
    d.present[static_cast<std::size_t>(d.schema->slot_root[static_cast<std::size_t>(slot)])] = 1;
    return std::string{};
  });
}
std::optional<std::string> Facts::set(std::string_view path, const Date& value) {
  return set_path(*data_, path, [&](FactsData& d, int slot) { return detail::assign_text(d, slot, value.to_string()); });
}
std::optional<std::string> Facts::set(std::string_view path, std::string_view value) {
  return set_path(*data_, path, [&](FactsData& d, int slot) { return detail::assign_text(d, slot, value); });
}
std::optional<std::string> Facts::set(std::string_view path, const char* value) {
  return set(path, std::string_view(value));
}
std::optional<std::string> Facts::set(std::string_view path, const std::string& value) {
  return set(path, std::string_view(value));
}

FactLookup Facts::get(std::string_view path) const {
  const detail::Schema& s = *data_->schema;
  const int slot = s.slot_of(path);
  if (slot < 0) return {std::nullopt, fmt::format("{}: no such fact in the schema", path)};
  const std::size_t i = static_cast<std::size_t>(slot);
  if (!data_->present[static_cast<std::size_t>(s.slot_root[i])]) return {};
  const detail::Value& v = data_->slots[i];
  switch (v.tag) {
    case detail::Tag::boolean: return {FactValue(v.n != 0), std::nullopt};
    case detail::Tag::integer: return {FactValue(v.n), std::nullopt};
    case detail::Tag::money: return {FactValue(Money{v.n}), std::nullopt};
    case detail::Tag::date: return {FactValue(Date::from_days(v.n)), std::nullopt};
    case detail::Tag::string: return {FactValue(data_->strings[static_cast<std::size_t>(v.n)]), std::nullopt};
    case detail::Tag::enumeration: return {FactValue(s.field_of(slot).enum_values[static_cast<std::size_t>(v.n)]), std::nullopt};
    default: return {};
  }
}

std::optional<std::string> Facts::unset(std::string_view path) {
  const detail::Schema& s = *data_->schema;
  if (const int root = s.root_index(path); root >= 0) {
    const detail::RootInfo& r = s.roots[static_cast<std::size_t>(root)];
    for (std::size_t i = 0; i < r.fields.size(); ++i) data_->slots[static_cast<std::size_t>(r.first_slot) + i] = {};
    if (r.optional) data_->present[static_cast<std::size_t>(root)] = 0;
    return std::nullopt;
  }
  const int slot = s.slot_of(path);
  if (slot < 0) return fmt::format("{}: no such fact or root in the schema", path);
  data_->slots[static_cast<std::size_t>(slot)] = {};
  return std::nullopt;
}

void Facts::clear() { *data_ = detail::empty_facts(data_->schema); }

std::optional<std::string> Facts::add_person(std::string_view root) {
  int index = data_->schema->root_index(root);
  if (index < 0) return fmt::format("{}: no such record in the schema", root);
  data_->present[static_cast<std::size_t>(index)] = 1;
  return std::nullopt;
}

bool Facts::present(std::string_view root) const {
  const int index = data_->schema->root_index(root);
  return index >= 0 && data_->present[static_cast<std::size_t>(index)];
}

std::string to_string(const FactValue& value) {
  struct Text {
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t n) const { return std::to_string(n); }
    std::string operator()(Money m) const { return m.to_string(); }
    std::string operator()(const Date& d) const { return d.to_string(); }
    std::string operator()(const std::string& s) const { return s; }
  };
  return std::visit(Text{}, value);
}

}  // namespace fuzhu
