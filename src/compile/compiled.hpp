// The compiled policy: every name resolved to a slot, every benefit ready to
// evaluate without a string lookup. Immutable once built; shared by threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/program.hpp"
#include "fuzhu/plain.hpp"
#include "fuzhu/policy.hpp"
#include "fuzhu/schema.hpp"

namespace fuzhu::detail {

// ------------------------------------------------------------------ values

enum class Tag : std::uint8_t { unknown, boolean, integer, money, date, enumeration, string, person, duration, rate };

/// One value during evaluation. Strings refer to a fact slot (n >= 0) or a
/// literal of the policy (n = -1 - index); a person is a root index; a
/// duration is Duration::encode(); a rate is in millionths.
struct Value {
  Tag tag = Tag::unknown;
  std::int64_t n = 0;

  bool known() const { return tag != Tag::unknown; }
  static Value boolean(bool b) { return {Tag::boolean, b ? 1 : 0}; }
};

// ------------------------------------------------------------------ schema

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

// --------------------------------------------------------------- code

enum class Op : std::uint8_t {
  constant, today, fact, person_field, field_of, root, person, definition,
  not_, negate, and_, or_, eq, ne, lt, le, gt, ge, add, sub, mul, div, in_set,
  match, if_, tier, schedule, any_parent, all_parent, any_member, all_member,
  builtin,  // a function of grammar/builtins.def: index is its Builtin, kids its arguments
  amount,   // the benefit's amount for the recipient, in a payer's share
};

struct Code {
  Op op = Op::constant;
  Value constant;
  int index = -1;                    // slot, field, root, definition or Builtin
  std::vector<Code> kids;
  std::vector<int> arm_of_value;     // match: enum value → kid index (-1: none)
  std::uint64_t mask = 0;            // in_set: enum values (bit per value)
  std::vector<std::optional<std::int64_t>> lows, highs;  // tier rows
  std::vector<std::int64_t> from_days;                   // schedule rows
  const ast::Expr* source = nullptr;  // for errors and explanations
};

struct CompiledPayer {
  std::string name;
  ast::ShareKind share_kind = ast::ShareKind::none;
  std::optional<Code> share;     // a figure
  std::int64_t percent_ppm = 0;  // a percentage, in millionths of the amount
  std::int64_t parts = 0;
  std::optional<Code> condition;
};

struct CompiledBenefit {
  const ast::Benefit* source = nullptr;
  std::optional<Code> condition;
  std::optional<Code> where;
  std::optional<Code> amount;
  std::vector<int> recipients;  // root indices; empty: the household
  bool deceased_recipients = false;  // `to each parent who died`: the parents who are not living
  std::vector<CompiledPayer> payers;
  bool payers_have_shares = false;   // every payer has a share (the checker allows all or none)
  bool depended_on = false;     // some granted(...) asks about it: its outcomes are kept
  int guard = -1;               // the definition its condition starts with (`d and ...`), or -1
  std::string readings;         // the comment block above it in the policy: how the document was read
};

/// A clause cited outside a benefit: by the header (施行, 有效期) or by a
/// definition (扶助对象). The review report counts these clauses as
/// transcribed, and checks their quotes like a benefit's.
struct OtherCitation {
  std::string by;  // "policy", "define 扶助对象家庭"
  ast::Cite cite;
};

struct CompiledPolicy {
  std::unique_ptr<Program> program;
  std::shared_ptr<const Schema> schema;
  PolicyInfo info;
  std::vector<std::string> strings;        // string literals
  std::vector<Code> definitions;           // by definition index
  std::vector<CompiledBenefit> benefits;   // in source order
  std::vector<int> order;                  // evaluation order
  bool order_is_source = true;             // no granted() moved a benefit earlier
  std::vector<std::pair<std::string, int>> rank_of_id;  // sorted by id: id → source index
  FactsSchema facts_schema;                // the schema as a host sees it (Policy::schema)
  std::vector<OtherCitation> citations;    // the header's and the policy's definitions' cites
  std::vector<ast::NotTranscribed> not_transcribed;  // clauses left out on purpose, with the reason
  std::vector<PlainText> plain;            // by Lang: the rules in plain words (src/plain/), rendered once

  const PlainText& plain_text(Lang lang) const { return plain[static_cast<std::size_t>(lang)]; }
};

/// Builds the compiled policy from a checked program without errors.
std::shared_ptr<CompiledPolicy> compile(std::unique_ptr<Program> program);

/// Builds the facts layout from a checked program's schema.
std::shared_ptr<Schema> build_schema(const Program& program);

/// By slot: whether some evaluation of the policy may read it (reads.cpp).
std::vector<char> facts_read(const CompiledPolicy& policy);

/// The layout as the public FactsSchema; `read` from facts_read (facts_schema.cpp).
FactsSchema describe_schema(const Schema& schema, const std::vector<char>& read);

}  // namespace fuzhu::detail
