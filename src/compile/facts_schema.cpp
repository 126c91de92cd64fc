// The compiled facts layout as the public FactsSchema (fuzhu/schema.hpp):
// what a host may ask about each fact, built once a compilation.
#include <fmt/format.h>

#include "compile/schema.hpp"
#include "diagnostics/codes.hpp"
#include "fuzhu/value.hpp"

namespace fuzhu {

const char* to_string(FactType type) {
  switch (type) {
    case FactType::boolean: return "bool";
    case FactType::integer: return "int";
    case FactType::money: return "money";
    case FactType::date: return "date";
    case FactType::string: return "string";
    case FactType::enumeration: return "enum";
  }
  return "?";
}

const FactInfo* FactsSchema::find(std::string_view path) const {
  for (const auto& fact : facts)
    if (fact.path == path) return &fact;
  return nullptr;
}

const FactRootInfo* FactsSchema::root(std::string_view name) const {
  for (const auto& r : roots)
    if (r.name == name) return &r;
  return nullptr;
}

std::vector<Diagnostic> conflicting_facts(const std::vector<const FactsSchema*>& schemas) {
  std::vector<Diagnostic> out;
  std::vector<const FactInfo*> first;  // the first declaration of each path met
  for (const FactsSchema* schema : schemas)
    for (const FactInfo& fact : schema->facts) {
      const FactInfo* earlier = nullptr;
      for (const FactInfo* f : first)
        if (f->path == fact.path) earlier = f;
      if (!earlier) {
        first.push_back(&fact);
        continue;
      }
      if (earlier->type_text == fact.type_text) continue;
      Diagnostic d = make_diagnostic(
          Diag::field_types_differ,
          fmt::format("fact '{}' is {} here, but {} at {}:{}:{}: policies taken together mean one thing by one fact; "
                      "rename the added one",
                      fact.path, fact.type_text, earlier->type_text, earlier->declared.file, earlier->declared.line,
                      earlier->declared.column));
      d.file = fact.declared.file;
      d.line = fact.declared.line;
      d.column = fact.declared.column;
      d.path = fact.path;
      out.push_back(std::move(d));
    }
  return out;
}

namespace detail {

namespace {

FactType fact_type(ast::TypeKind kind) {
  switch (kind) {
    case ast::TypeKind::integer: return FactType::integer;
    case ast::TypeKind::money: return FactType::money;
    case ast::TypeKind::date: return FactType::date;
    case ast::TypeKind::string: return FactType::string;
    case ast::TypeKind::enumeration: return FactType::enumeration;
    default: return FactType::boolean;
  }
}

// A default in the form a family's JSON would write it.
std::optional<std::string> default_text(const FieldInfo& f) {
  const Value& v = f.default_value;
  switch (v.tag) {
    case Tag::boolean: return v.n ? "true" : "false";
    case Tag::integer: return std::to_string(v.n);
    case Tag::money: return Money{v.n}.to_string();
    case Tag::date: return Date::from_days(v.n).to_string();
    case Tag::enumeration: return f.enum_values[static_cast<std::size_t>(v.n)];
    default: return std::nullopt;
  }
}

std::vector<std::string> field_roles(const FieldInfo& f) {
  std::vector<std::string> roles;
  if (f.birth) roles.emplace_back("birth");
  if (f.alive) roles.emplace_back("alive");
  if (f.deceased_value >= 0) roles.push_back("deceased_when " + f.enum_values[static_cast<std::size_t>(f.deceased_value)]);
  if (f.region) roles.emplace_back("region");
  if (f.event) roles.emplace_back("event");
  return roles;
}

std::vector<std::string> root_roles(const Schema& s, const RootInfo& r) {
  std::vector<std::string> roles;
  if (r.parent) roles.emplace_back("parent");
  else if (r.member) roles.emplace_back("member");
  if (r.age_else >= 0) roles.push_back("age_else " + s.roots[static_cast<std::size_t>(r.age_else)].name);
  return roles;
}

}  // namespace

FactsSchema describe_schema(const Schema& s, const std::vector<char>& read) {
  FactsSchema out;
  out.fingerprint = fmt::format("{:016x}", s.fingerprint);
  for (const RootInfo& r : s.roots) {
    FactRootInfo root{r.name, r.label, r.record, r.record_label, r.optional, r.person, root_roles(s, r),
                      {r.declared.file, r.declared.line, r.declared.column}, r.added, r.first_slot, static_cast<int>(r.fields.size())};
    out.roots.push_back(std::move(root));
    for (std::size_t i = 0; i < r.fields.size(); ++i) {
      const FieldInfo& f = r.fields[i];
      const int slot = r.first_slot + static_cast<int>(i);
      FactInfo fact;
      fact.index = slot;
      fact.path = s.path_of(slot);
      fact.root = r.name;
      fact.field = f.name;
      fact.type = fact_type(f.kind);
      fact.type_text = f.type_text;
      fact.min = f.low;
      fact.max = f.high;
      for (std::size_t v = 0; v < f.enum_values.size(); ++v) fact.choices.push_back({f.enum_values[v], f.enum_labels[v]});
      fact.label = f.label;
      fact.default_value = default_text(f);
      fact.roles = field_roles(f);
      fact.declared = {f.declared.file, f.declared.line, f.declared.column};
      fact.added = f.added;
      fact.read = read[static_cast<std::size_t>(slot)] != 0;
      out.facts.push_back(std::move(fact));
    }
  }
  return out;
}

}  // namespace detail

}  // namespace fuzhu
