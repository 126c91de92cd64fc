// Resolves the facts schema: enum and record names, record bases, the roots.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "check/checker.hpp"
#include "check/resolve.hpp"
#include "limits.hpp"

namespace fuzhu {

namespace {

class SchemaResolver {
 public:
  SchemaResolver(Program& program, Diagnostics& diags) : program_(program), diags_(diags) {}

  bool run() {
    collect();
    // Types first: an added field is compared by type with the one it meets.
    for (auto* record : program_.records)
      for (auto& field : record->fields) field_type(field);
    for (auto* extension : program_.extensions) {
      for (auto& field : extension->fields) field_type(field);
      extend(*extension);
    }
    for (auto* record : program_.records) layout(*record, 0);
    roots();
    if (diags_.has_errors()) return false;
    check_roles(program_, diags_);
    return !diags_.has_errors();
  }

 private:
  Program& program_;
  Diagnostics& diags_;
  HintBudget hints_;

  void collect() {
    std::set<std::string> names;
    for (auto& file : program_.files) {
      for (auto& e : file->enums) {
        if (!names.insert(e->name).second) diags_.add(Diag::type_declared_twice, e->loc, fmt::format("'{}' is declared twice", e->name));
        check_name_length(e->name, e->loc);
        for (const auto& v : e->values) check_name_length(v.name, v.loc);
        duplicate_values(*e);
        program_.enums.push_back(e.get());
      }
      for (auto& r : file->records) {
        if (!names.insert(r->name).second) diags_.add(Diag::type_declared_twice, r->loc, fmt::format("'{}' is declared twice", r->name));
        check_name_length(r->name, r->loc);
        for (const auto& f : r->fields) {
          check_name_length(f.name, f.loc);
          if (f.inline_enum)
            for (const auto& v : f.inline_enum->values) check_name_length(v.name, v.loc);
        }
        program_.records.push_back(r.get());
      }
      for (auto& extension : file->extensions) {
        for (const auto& f : extension->fields) {
          check_name_length(f.name, f.loc);
          if (f.inline_enum)
            for (const auto& v : f.inline_enum->values) check_name_length(v.name, v.loc);
        }
        program_.extensions.push_back(extension.get());
      }
      if (file->has_facts) {
        if (facts_seen_) diags_.add(Diag::facts_declared_twice, file->facts_loc, "the facts are declared twice");
        facts_seen_ = true;
        for (auto& root : file->roots) {
          check_name_length(root.name, root.loc);
          program_.roots.push_back(&root);
        }
      }
    }
    // Roots a file adds with `extend facts` come after the declared ones.
    for (auto& file : program_.files)
      for (auto& root : file->added_roots) {
        check_name_length(root.name, root.loc);
        program_.roots.push_back(&root);
      }
  }

  bool facts_seen_ = false;

  // `extend record X { … }`: the fields join X's layout after its own.
  void extend(ast::Extension& extension) {
    ast::RecordDecl* record = find_record(extension.record);
    if (!record) {
      diags_.add(Diag::unknown_type, extension.record_loc, unknown_type(extension.record));
      return;
    }
    for (const auto& field : extension.fields) record->added.push_back(&field);
  }

  void check_name_length(const std::string& name, Loc loc) {
    if (utf8_length(name) > limits::max_name_chars)
      diags_.add(Diag::name_too_long, loc, fmt::format("this name is longer than {} characters (the name length limit)", limits::max_name_chars));
  }

  void duplicate_values(const ast::EnumDecl& e) {
    std::set<std::string> seen;
    for (const auto& v : e.values)
      if (!seen.insert(v.name).second) diags_.add(Diag::enum_value_twice, v.loc, fmt::format("'{}' is listed twice in enum {}", v.name, e.name));
  }

  ast::RecordDecl* find_record(const std::string& name) {
    for (auto* r : program_.records)
      if (r->name == name) return r;
    return nullptr;
  }

  const ast::EnumDecl* find_enum(const std::string& name) {
    for (auto* e : program_.enums)
      if (e->name == name) return e;
    return nullptr;
  }

  std::vector<std::string> type_names() {
    std::vector<std::string> names;
    for (auto* r : program_.records) names.push_back(r->name);
    for (auto* e : program_.enums) names.push_back(e->name);
    return names;
  }

  std::string unknown_type(const std::string& name) {
    std::string hint = did_you_mean(name, type_names(), hints_);
    return fmt::format("unknown type '{}'{}", name, hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint));
  }

  // Lays out a record: its base's fields first, so that a Child is also a Person.
  void layout(ast::RecordDecl& record, int depth) {
    if (!record.layout.empty() || depth > 8) return;
    if (!record.base.empty()) {
      ast::RecordDecl* base = find_record(record.base);
      if (!base) {
        diags_.add(Diag::unknown_type, record.base_loc, unknown_type(record.base));
      } else if (base == &record || depth == 8) {
        diags_.add(Diag::record_includes_itself, record.base_loc, "a record cannot include itself");
      } else {
        layout(*base, depth + 1);
        record.base_record = base;
        record.layout = base->layout;
      }
    }
    for (const auto& field : record.fields) place(record, field);
    for (const auto* field : record.added) place(record, *field);
  }

  // Adds one field to a record's layout. A field added (`extend record`) that
  // meets another of its name is the same fact when the types agree, and
  // kept once; otherwise both places are named.
  void place(ast::RecordDecl& record, const ast::FieldDecl& field) {
    const int existing = record.index_of(field.name);
    if (existing < 0) {
      record.layout.push_back(&field);
      return;
    }
    const ast::FieldDecl& first = *record.layout[static_cast<std::size_t>(existing)];
    if (!field.added && !first.added) {
      diags_.add(Diag::field_declared_twice, field.loc, fmt::format("field '{}' is declared twice in {}", field.name, record.name));
      return;
    }
    const std::string mine = ast::type_text(field), theirs = ast::type_text(first);
    if (mine == theirs || mine.empty() || theirs.empty()) return;  // one fact; an unknown type is reported already
    // Said at the added field (the author's own line), naming the other place.
    const ast::FieldDecl& here = field.added && (first.loc.file != 0 || !first.added) ? field : first;
    const ast::FieldDecl& there = &here == &field ? first : field;
    // A base's conflict shows again in every record that includes it: once is enough.
    if (!reported_.insert({here.loc.file, here.loc.offset}).second) return;
    diags_.add(Diag::field_types_differ, here.loc,
               fmt::format("field '{}' of {} is {} here, but {} at {}: one fact has one type; rename the added one",
                           field.name, record.name, ast::type_text(here), ast::type_text(there),
                           program_.sources.where(there.loc)));
  }

  std::set<std::pair<int, std::uint32_t>> reported_;

  void field_type(ast::FieldDecl& field) {
    using K = ast::FieldTypeKind;
    using T = ast::TypeKind;
    switch (field.type_kind) {
      case K::boolean: field.type = {T::boolean}; break;
      case K::integer: field.type = {T::integer}; break;
      case K::money: field.type = {T::money}; break;
      case K::date: field.type = {T::date}; break;
      case K::string: field.type = {T::string}; break;
      case K::enumeration:
        duplicate_values(*field.inline_enum);
        field.type = {T::enumeration, field.inline_enum.get()};
        break;
      case K::named:
        if (const auto* e = find_enum(field.type_name)) field.type = {T::enumeration, e};
        else if (find_record(field.type_name))
          diags_.add(Diag::field_holds_record, field.loc, "a field cannot hold a record; declare it in facts { }");
        else
          diags_.add(Diag::unknown_type, field.loc, unknown_type(field.type_name));
        break;
    }
    if (field.default_value) check_default(field);
    if (field.int_low && field.int_high && *field.int_low > *field.int_high)
      diags_.add(Diag::empty_range, field.loc, "the range is empty: its lower end is above its upper end");
  }

  // The value index of an enum field's default, kept for the compiler.
  int enum_default(const ast::FieldDecl& field) {
    const ast::Expr& v = *field.default_value;
    return program_.references.enum_defaults[&v] = field.type.enumeration->index_of(v.text);
  }

  // A default is a literal of the field's type: the schema stays data.
  void check_default(const ast::FieldDecl& field) {
    const ast::Expr& v = *field.default_value;
    using T = ast::TypeKind;
    bool ok = (v.kind == ast::ExprKind::boolean && field.type.kind == T::boolean) ||
              (v.kind == ast::ExprKind::integer && field.type.kind == T::integer) ||
              (v.kind == ast::ExprKind::money && field.type.kind == T::money) ||
              (v.kind == ast::ExprKind::date && field.type.kind == T::date) ||
              (v.kind == ast::ExprKind::string && field.type.kind == T::string) ||
              (v.kind == ast::ExprKind::name && field.type.kind == T::enumeration && enum_default(field) >= 0);
    if (!ok) diags_.add(Diag::default_not_literal, v.loc, fmt::format("the default of '{}' must be a literal {}", field.name, ast::describe(field.type)));
  }

  void roots() {
    std::set<std::string> names;
    for (const auto* root : program_.roots) {
      if (!names.insert(root->name).second)
        diags_.add(Diag::root_declared_twice, root->loc,
                   fmt::format("'{}' is declared twice in facts{}", root->name, root->added ? " (extend facts adds new roots only)" : ""));
      auto* record = find_record(root->record_name);
      if (!record) diags_.add(Diag::unknown_type, root->record_loc, unknown_type(root->record_name));
      const_cast<ast::RootDecl*>(root)->record = record;
    }
  }
};

}  // namespace

bool resolve_schema(Program& program, Diagnostics& diags) { return SchemaResolver(program, diags).run(); }

void resolve(Program& program, Diagnostics& diags) {
  const ast::File& main = *program.files.front();
  if (main.header) program.header = &*main.header;
  for (std::size_t i = 1; i < program.files.size(); ++i)
    if (program.files[i]->header)
      diags.add(Diag::header_outside_policy, program.files[i]->header->loc, "only the policy file itself may have a policy header");
  if (!resolve_schema(program, diags)) return;
  if (!main.benefits.empty() && !program.header)
    diags.add(Diag::missing_header, main.benefits.front().loc, "a policy needs a header: policy \"title\" { document ... in force from ... jurisdiction ... }");
  // An empty file, or one of shared facts alone, would pass every command
  // and grant nothing to anyone (issue 11, item 7).
  if (main.benefits.empty() && !program.header)
    diags.add(Diag::missing_header, Loc{0, 0},
              "this file has no policy header and no benefit, so it is not a policy: a policy needs "
              "policy \"title\" { document ... in force from ... jurisdiction ... } and its benefits (a file of "
              "shared facts is used by a policy, not checked on its own)");
  if (program.header) {
    const ast::Header& h = *program.header;
    if (!h.from) diags.add(Diag::missing_in_force, h.loc, "the policy header needs 'in force from YYYY-MM-DD'");
    if (h.jurisdiction.empty()) diags.add(Diag::missing_jurisdiction, h.loc, "the policy header needs 'jurisdiction \"…\"' (the region it applies to)");
    if (h.from && h.to && *h.to < *h.from) diags.add(Diag::ends_before_start, h.to_loc, "the policy ends before it starts");
  }
  if (program.roots.empty() && (!main.benefits.empty() || !main.definitions.empty())) {
    Loc at = main.benefits.empty() ? main.definitions.front().loc : main.benefits.front().loc;
    diags.add(Diag::no_facts_schema, at, "no facts schema: add `use \"facts.schema\"` at the top of the file");
    return;
  }
  check_rules(program, diags);
}

std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates,
                         HintBudget& budget) {
  // Levenshtein distance over bytes is enough to catch typos in ASCII names;
  // for CJK names a one-character slip costs up to 3, allowed below. The work
  // is bounded however long or many the names are (a hostile policy must not
  // hang the checker): over-long names get no hint, a candidate whose length
  // alone rules it out is skipped, a row that cannot beat the best stops, and
  // the compilation's budget caps the rest.
  constexpr std::size_t longest = 4 * limits::max_name_chars;  // bytes of UTF-8
  if (name.size() > longest) return {};
  std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
  auto distance = [&](const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      std::size_t row_min = row[0];
      for (std::size_t j = 1; j <= b.size(); ++j) {
        std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = up;
        row_min = std::min(row_min, row[j]);
      }
      if (row_min >= best_distance) return best_distance;
    }
    return row[b.size()];
  };
  std::string best;
  for (const auto& candidate : candidates) {
    std::size_t gap = candidate.size() > name.size() ? candidate.size() - name.size() : name.size() - candidate.size();
    if (candidate.size() > longest || gap >= best_distance) continue;
    std::size_t cost = (name.size() + 1) * (candidate.size() + 1);
    if (cost > budget.cells) break;
    budget.cells -= cost;
    std::size_t d = distance(name, candidate);
    if (d < best_distance) best = candidate, best_distance = d;
  }
  return best;
}

}  // namespace fuzhu
