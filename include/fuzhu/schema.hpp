// fuzhu — a compiled policy's facts schema, for a host to ask about: every
// fact's path, type, allowed values, Chinese label, role and the file that
// declared it, so that `needs` (Policy::fact_path, Undetermined::needs) can
// become a questionnaire.
//
//   const fuzhu::FactsSchema& schema = policy.schema();
//   for (const std::string& path : undetermined.needs)
//     if (const fuzhu::FactInfo* fact = schema.find(path))
//       ask(fact->label, fact->type, fact->choices);   // "出生日期", date
//
// Plain data, built once when the policy is compiled; shared by every copy of
// the Policy and safe to read from any number of threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzhu/export.hpp"
#include "fuzhu/diagnostic.hpp"

namespace fuzhu {

/// What kind of value a fact holds.
enum class FactType { boolean, integer, money, date, string, enumeration };

/// "bool", "int", "money", "date", "string", "enum": the schema's spelling.
FUZHU_API const char* to_string(FactType type);

/// One allowed value of an enum fact.
struct FactChoice {
  std::string name;   ///< as written in a family's facts: "deceased"
  std::string label;  ///< "死亡"; empty when the schema gives none
};

/// Where the schema declares something.
struct Declaration {
  std::string file;  ///< the file as the compilation named it: "policies/facts.schema"
  int line = 0;      ///< 1-based
  int column = 0;    ///< 1-based, in characters
};

/// One fact: a field of a facts root, such as "mother.birth_date".
struct FactInfo {
  int index = 0;                  ///< its number: Policy::fact_path(index) == path; Decisions::needs hold these
  std::string path;               ///< "mother.birth_date"
  std::string root, field;        ///< "mother", "birth_date"
  FactType type = FactType::boolean;
  std::string type_text;          ///< as the schema writes it: "int 1..4", "enum { deceased, disabled, living }"
  std::optional<std::int64_t> min, max;  ///< an int's range, both ends included
  std::vector<FactChoice> choices;       ///< an enum's values, in the schema's order
  std::string label;              ///< "出生日期"; empty when the schema gives none
  std::optional<std::string> default_value;  ///< what an absent value means, in JSON form ("true")
  /// Its roles (grammar/README.md, "Roles"): "birth", "alive",
  /// "deceased_when deceased", "region", "event".
  std::vector<std::string> roles;
  Declaration declared;
  bool added = false;             ///< declared by `extend record` (the policy's own fact)
  /// The policy reads it: in a condition, an amount or a payer, to place the
  /// household (the region), or to tell whether a recipient is living.
  bool read = false;
};

/// One facts root: a record of the family ("household", "mother").
struct FactRootInfo {
  std::string name, label;            ///< "mother", "女方"
  std::string record, record_label;   ///< "Individual", "个人"
  bool optional = false;              ///< absent from the facts (or null): no such person
  bool person = false;                ///< its record has a birth date (role birth): age() applies
  /// Its roles: "parent", "member", "age_else father".
  std::vector<std::string> roles;
  Declaration declared;
  bool added = false;                 ///< declared by `extend facts` (the policy's own root)
  int first_fact = 0, fact_count = 0; ///< its facts: FactsSchema::facts[first_fact, first_fact + fact_count)
};

/// A compiled policy's facts schema (Policy::schema()).
struct FUZHU_API FactsSchema {
  std::vector<FactRootInfo> roots;  ///< in the schema's order
  std::vector<FactInfo> facts;      ///< by index: each root's fields, root after root
  /// The layout's identity: 16 hex digits over the roots, fields, types and
  /// enum values in order (not labels, roles or defaults). Facts read by one
  /// policy can be evaluated by another exactly when the fingerprints agree;
  /// otherwise evaluating is an error (X005), never a silently wrong answer.
  std::string fingerprint;

  /// The fact at `path` ("child.status"), or nullptr.
  const FactInfo* find(std::string_view path) const;
  /// The root named `name` ("mother"), or nullptr.
  const FactRootInfo* root(std::string_view name) const;
};

/// The facts two or more schemas declare with different types: one D015
/// error for each, at the later declaration, naming the earlier one. Policies
/// taken together (`fuzhu check a.policy b.policy`, `fuzhu compare`) must
/// mean one thing by one fact; a fact only one of them declares is fine.
std::vector<Diagnostic> conflicting_facts(const std::vector<const FactsSchema*>& schemas);

}  // namespace fuzhu
