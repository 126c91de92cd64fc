// The facts layout a compiled policy reads: one slot per field of every
// root, with the roles the engine relies on resolved to slots; and one
// family's facts laid out by it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compile/value.hpp"
#include "fuzhu/schema.hpp"
#include "syntax/vocabulary.hpp"

namespace fuzhu {
struct Program;
}

namespace fuzhu::detail {

/// Hashes std::string and std::string_view alike, for lookups by view.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

/// Where the schema declares something: the file as the compilation named
/// it, and the line and column there.
struct Declared {
  std::string file;
  int line = 0, column = 0;
};

struct FieldInfo {
  std::string name;
  std::string label;                      // "出生日期"; "" when the schema gives none
  ast::TypeKind kind = ast::TypeKind::boolean;
  std::string type_text;                  // "int 1..4", "enum { deceased, disabled, living }"
  std::vector<std::string> enum_values;
  std::vector<std::string> enum_labels;   // by value; "" where none
  std::optional<std::int64_t> low, high;  // int range
  Value default_value;                    // unknown: no default
  Declared declared;
  bool added = false;                     // by `extend record` (a policy's own fact)
  // Its roles (grammar/README.md, "Roles").
  bool birth = false, alive = false, region = false, event = false;
  std::int64_t deceased_value = -1;       // role deceased_when: the value meaning died
};

struct RootInfo {
  std::string name;
  std::string label;       // "女方"
  std::string record, record_label;  // "Individual", "个人"
  bool optional = false;   // absent object = no such person
  bool person = false;     // its record has a birth date (role birth): age() applies
  bool parent = false, member = false;  // in `each parent` / `each member`
  int age_else = -1;       // role age_else: the root whose age stands in when this one is absent
  Declared declared;
  bool added = false;      // by `extend facts`
  int first_slot = 0;
  std::vector<FieldInfo> fields;
  // A person is living unless its alive field is false or its deceased_when
  // field holds that value.
  int alive_slot = -1, status_slot = -1, birth_slot = -1;
  std::vector<int> event_slots;  // role event: not after the evaluation date, nor before the birth
  std::int64_t deceased = -1;
  StringMap<int> field_index;  // field name → index in fields (readers look up every key)
};

/// The facts layout: one slot per field of every root.
struct Schema {
  std::vector<RootInfo> roots;
  int slot_count = 0;
  std::vector<int> parents, members;                          // root indices, from the roles
  // The layout's identity (issue 11.9): roots, fields, types and enum values
  // in order. Facts laid out by a schema with another fingerprint would be
  // read wrongly (an enum value's number means another value), so
  // evaluating them is an error.
  std::uint64_t fingerprint = 0;
  int region_slot = -1;                                       // role region (household.region)
  std::vector<int> slot_root;                                 // slot → root
  std::vector<std::string> slot_paths;                        // slot → "root.field"
  std::vector<int> string_of_slot;                            // slot → index in FactsData::strings, or -1
  int string_count = 0;                                       // string fields

  int root_index(std::string_view name) const;
  /// "mother.birth_date" → slot, or -1.
  int slot_of(std::string_view path) const;
  const std::string& path_of(int slot) const { return slot_paths[static_cast<std::size_t>(slot)]; }
  const FieldInfo& field_of(int slot) const;
  /// A root's name, "household" for -1 (a benefit to the household).
  const std::string& recipient_name(int root) const;
  int field_slot(int root, std::string_view field) const;  // -1 if none
};

/// One family's facts, laid out by a Schema.
struct FactsData {
  std::shared_ptr<const Schema> schema;
  std::vector<Value> slots;
  std::vector<std::string> strings;   // by string field (Schema::string_of_slot); a string Value's n
  std::vector<char> present;          // by root
  std::vector<std::string> warnings;  // e.g. unknown fields, from reading JSON
};

/// Builds the facts layout from a checked program's schema (schema.cpp).
std::shared_ptr<Schema> build_schema(const Program& program);

/// The layout as the public FactsSchema; `read` from facts_read (facts_schema.cpp).
FactsSchema describe_schema(const Schema& schema, const std::vector<char>& read);

}  // namespace fuzhu::detail
