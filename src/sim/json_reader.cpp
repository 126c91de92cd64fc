// A family from one JSON line, with simdjson's On Demand parser. It follows
// the rules of io/facts_json.cpp (the strict nlohmann reader of `fuzhu
// eval`, the reference): the same typed assignment, numbers kept as their
// source text so money stays exact, unknown records and fields ignored but
// validated (json_strict.hpp), "father": null for no father, no key twice.
// It only has to tell whether a line is a family; it stops at the first
// problem, and the reason is then the strict reader's, so both readers give
// the same message with the same path (tests/facts_corpus checks the
// verdicts agree; fuzz_facts compares them on every input).
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
#include "sim/json_strict.hpp"
#include "sim/name_table.hpp"

namespace fuzhu::sim {

namespace {

namespace od = simdjson::ondemand;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

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

// A known field's value; false when the line is refused. Inlined: it runs
// for every value of every family.
[[gnu::always_inline]] inline bool assign_value(detail::FactsData& d, int slot, const SlotPlan& plan, bool plain, od::value& value) {
  od::json_type type{};
  if (value.type().get(type)) return false;
  switch (type) {
    case od::json_type::null: return is_null(value);  // unknown, as if absent
    case od::json_type::boolean: {
      bool b = false;
      if (value.get_bool().get(b)) return false;  // "tru", "truex"
      if (assigned_bool(d, slot, plan, b)) return true;
      return detail::assign_bool(d, slot, b).empty();
    }
    case od::json_type::number: return detail::assign_number(d, slot, atom_text(value)).empty();
    case od::json_type::string: {
      auto written = written_string(value);
      if (written && plain && assigned_written(d, slot, plan, *written)) return true;
      std::string_view text;  // unescaped, for assign_text to take or to refuse
      if (value.get_string().get(text)) return false;
      return detail::assign_text(d, slot, text).empty();
    }
    default: return false;  // an array or an object where one value belongs
  }
}

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// Why the strict reader refuses `text`: its first error.
Rejection strict_reason(const std::shared_ptr<const detail::Schema>& schema, std::string_view text) {
  FactsResult strict = detail::read_facts_json(schema, text, "");
  for (const Diagnostic& d : strict.diagnostics)
    if (d.severity == Severity::error) return {d.code, d.path, d.message};
  // The readers disagree: a bug the corpus test and fuzz_facts look for.
  return reject(Diag::malformed_json, "", "malformed JSON (refused by the line reader, accepted by the file reader)");
}

class JsonReader final : public FamilyReader {
 public:
  Rejection read(const Block& block, const Line& line, detail::FactsData& d) override {
    if (!names_ || names_->schema != d.schema) {
      names_ = std::make_unique<SchemaNames>(d.schema);
      seen_.resize((static_cast<std::size_t>(d.schema->slot_count) + d.schema->roots.size() + 63) / 64);
    }
    const std::string_view whole = block.line(line);
    std::string_view text = whole;
    std::size_t capacity = block.capacity_from(line);
    if (text.substr(0, 3) == byte_order_mark) {
      if (line.number != 1)
        return reject(Diag::misplaced_byte_order_mark, "",
                      "a byte-order mark (EF BB BF) starts this line: it may only stand at the start of the file");
      text.remove_prefix(3);
      capacity -= 3;
    }
    if (read_family(text, capacity, d)) return {};
    return strict_reason(d.schema, whole);  // which drops one byte-order mark, as here
  }

 private:
  od::parser parser_;
  std::unique_ptr<SchemaNames> names_;  // of the schema of the facts last read
  SkippedValues skipped_;
  std::vector<std::uint64_t> seen_;     // bits: the slots, then the roots, given a value on this line

  bool read_family(std::string_view text, std::size_t capacity, detail::FactsData& d) {
    // A NUL byte needs no search: simdjson refuses it in a string, and
    // anywhere else it is a byte of an atom that is then not one.
    simdjson::padded_string_view padded(text.data(), text.size(), capacity);
    od::document doc;
    od::object family;
    if (parser_.iterate(padded).get(doc) || doc.get_object().get(family)) return false;
    std::fill(seen_.begin(), seen_.end(), 0);
    skipped_.new_object(1);
    for (auto result : family) {
      od::field field;
      if (std::move(result).get(field) || !read_root(d, field)) return false;
    }
    const char* rest = nullptr;  // past the object, only the end may be left
    return doc.current_location().get(rest) == simdjson::OUT_OF_BOUNDS;
  }

  // Marks bit `i` as given; false when it was already: a key twice.
  bool first_time(std::size_t i) {
    const std::uint64_t bit = std::uint64_t{1} << (i % 64);
    if (seen_[i / 64] & bit) return false;
    seen_[i / 64] |= bit;
    return true;
  }

  bool read_root(detail::FactsData& d, od::field& field) {
    std::string_view key;
    int root = -1;
    if (look_up(field, *names_, names_->roots, key, root)) return false;
    od::value& value = field.value();
    if (root < 0) return skipped_.first_time(1, key) && skipped_.valid(value, 1);  // an unknown record
    if (!first_time(static_cast<std::size_t>(names_->schema->slot_count + root))) return false;
    od::json_type type{};
    if (value.type().get(type)) return false;
    if (type == od::json_type::null) return is_null(value);  // "father": null, no father
    od::object record;
    if (type != od::json_type::object || value.get_object().get(record)) return false;
    return read_record(d, root, record);
  }

  // The fields of one record ("mother": {...}).
  bool read_record(detail::FactsData& d, int root, od::object record) {
    const NameTable& fields = names_->fields[static_cast<std::size_t>(root)];
    d.present[static_cast<std::size_t>(root)] = 1;
    skipped_.new_object(2);
    for (auto result : record) {
      od::field field;
      std::string_view key;
      int slot = -1;
      if (std::move(result).get(field) || look_up(field, *names_, fields, key, slot)) return false;
      if (slot < 0) {  // an unknown field: ignored, as `fuzhu eval` does
        if (!skipped_.first_time(2, key) || !skipped_.valid(field.value(), 2)) return false;
        continue;
      }
      if (!first_time(static_cast<std::size_t>(slot)) ||
          !assign_value(d, slot, names_->slots[static_cast<std::size_t>(slot)], names_->plain, field.value()))
        return false;
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<FamilyReader> make_json_reader() { return std::make_unique<JsonReader>(); }

}  // namespace fuzhu::sim
