// The roles of the facts schema: what the engine relies on a field or a root
// for (a birth date, alive, deceased, the region, events, parents, members,
// whose age stands in for an absent mother). Each is declared in the schema
// (grammar/README.md, "Roles"); here each is checked to stand where it
// applies, once, and to name what exists.
#include <set>

#include <fmt/format.h>

#include "check/checker.hpp"
#include "check/resolve.hpp"

namespace fuzhu {

namespace {

using ast::Role;
using ast::TypeKind;

class RoleChecker {
 public:
  RoleChecker(Program& program, Diagnostics& diags) : p_(program), d_(diags) {}

  void run() {
    for (const auto* record : p_.records)
      if (record->with_role(Role::birth)) p_.references.persons.insert(record);  // the one place a person is decided
    for (const auto* record : p_.records) {
      for (const auto& field : record->fields) field_roles(field);
      for (const auto* field : record->added) field_roles(*field);
      once_a_record(*record);
    }
    for (std::size_t i = 0; i < p_.roots.size(); ++i) root_roles(static_cast<int>(i));
    one_region();
    members();
  }

 private:
  Program& p_;
  Diagnostics& d_;
  std::set<std::pair<int, std::uint32_t>> reported_;  // a base's fields show in every record including it

  void field_roles(const ast::FieldDecl& field) {
    for (const auto& r : field.roles) {
      if (!ast::is_field_role(r.role)) {
        d_.add(Diag::role_misplaced, r.loc, fmt::format("'{}' is a role of a facts root (facts {{ … }}), not of a field", ast::spelling(r.role)));
        continue;
      }
      const TypeKind want = wanted_type(r.role);
      if (field.type.kind != TypeKind::error && field.type.kind != want) {
        d_.add(Diag::role_misplaced, r.loc, fmt::format("role {} belongs on a {} field; '{}' is {}", ast::spelling(r.role),
                                                        type_word(want), field.name, ast::describe(field.type)));
        continue;
      }
      if (r.role == Role::deceased_when && field.type.kind == TypeKind::enumeration)
        p_.references.role_targets[&r] = field.type.enumeration->index_of(r.target);
      if (r.role == Role::deceased_when && field.type.kind == TypeKind::enumeration && p_.references.role_target(r) < 0) {
        std::vector<std::string> values;
        for (const auto& v : field.type.enumeration->values) values.push_back(v.name);
        d_.add(Diag::role_target_unknown, r.target_loc, fmt::format("'{}' is not a value of '{}' (its values: {})", r.target,
                                                                    field.name, fmt::join(values, ", ")));
      }
    }
  }

  static TypeKind wanted_type(Role role) {
    switch (role) {
      case Role::alive: return TypeKind::boolean;
      case Role::deceased_when: return TypeKind::enumeration;
      case Role::region: return TypeKind::string;
      default: return TypeKind::date;  // birth, event
    }
  }

  static const char* type_word(TypeKind kind) {
    switch (kind) {
      case TypeKind::boolean: return "bool";
      case TypeKind::enumeration: return "enum";
      case TypeKind::string: return "string";
      default: return "date";
    }
  }

  // A person has one birth date, one `alive` and one deceased value.
  void once_a_record(const ast::RecordDecl& record) {
    for (Role role : {Role::birth, Role::alive, Role::deceased_when}) {
      const ast::FieldDecl* first = nullptr;
      for (const auto* field : record.layout) {
        const ast::RoleDecl* r = role_of(*field, role);
        if (!r) continue;
        if (!first) {
          first = field;
        } else if (reported_.insert({r->loc.file, r->loc.offset}).second) {
          d_.add(Diag::role_given_twice, r->loc, fmt::format("{} already has a field with role {} ('{}' at {}): a person has one",
                                                             record.name, ast::spelling(role), first->name,
                                                             p_.sources.where(first->loc)));
        }
      }
    }
  }

  static const ast::RoleDecl* role_of(const ast::FieldDecl& field, Role role) {
    for (const auto& r : field.roles)
      if (r.role == role) return &r;
    return nullptr;
  }

  bool is_person(const ast::RootDecl& root) const { return p_.references.is_person(root.record); }

  void root_roles(int index) {
    const ast::RootDecl& root = *p_.roots[static_cast<std::size_t>(index)];
    bool age_else_seen = false;
    for (const auto& r : root.roles) {
      if (ast::is_field_role(r.role)) {
        d_.add(Diag::role_misplaced, r.loc, fmt::format("'{}' is a role of a field (in a record), not of a facts root", ast::spelling(r.role)));
        continue;
      }
      if (!is_person(root)) {
        d_.add(Diag::role_misplaced, r.loc, fmt::format("role {} is for a person, and '{}' is not one: give {} a birth date field "
                                                        "with `role birth`", ast::spelling(r.role), root.name, root.record_name));
        continue;
      }
      if (r.role != Role::age_else) continue;
      if (age_else_seen) {
        d_.add(Diag::role_given_twice, r.loc, fmt::format("'{}' has age_else twice: one person's age stands in", root.name));
        continue;
      }
      age_else_seen = true;
      stand_in(root, r);
    }
  }

  // `mother: optional Individual role parent, age_else father`.
  void stand_in(const ast::RootDecl& root, const ast::RoleDecl& r) {
    const int other = p_.root_index(r.target);
    p_.references.role_targets[&r] = other;
    if (other < 0) {
      std::vector<std::string> names;
      for (const auto* x : p_.roots) names.push_back(x->name);
      d_.add(Diag::role_target_unknown, r.target_loc, fmt::format("age_else names a facts root; '{}' is none (the roots: {})", r.target,
                                                                  fmt::join(names, ", ")));
    } else if (p_.roots[static_cast<std::size_t>(other)] == &root) {
      d_.add(Diag::role_target_unknown, r.target_loc, fmt::format("'{}' cannot stand in for itself", root.name));
    } else if (!is_person(*p_.roots[static_cast<std::size_t>(other)])) {
      d_.add(Diag::role_target_unknown, r.target_loc, fmt::format("'{}' has no birth date (role birth): its age cannot stand in", r.target));
    } else if (!root.optional) {
      d_.add(Diag::role_misplaced, r.loc, fmt::format("age_else applies when '{}' is absent, but it is not optional", root.name));
    }
  }

  // The jurisdiction is matched against one field of one root.
  void one_region() {
    std::vector<std::string> places;
    for (const auto* root : p_.roots)
      if (root->record)
        if (const ast::FieldDecl* f = root->record->with_role(Role::region)) places.push_back(root->name + "." + f->name);
    if (places.size() > 1) {
      d_.add(Diag::role_given_twice, p_.roots.front()->loc,
             fmt::format("the household's region is one fact, but role region is on {}: keep it on one", fmt::join(places, " and ")));
      return;
    }
    if (places.empty() && p_.header && !p_.roots.empty())
      d_.add(Diag::no_region_role, p_.header->loc,
             "the policy has a jurisdiction, but no field of the facts schema has `role region`: mark the household's "
             "region field (region: string role region)");
  }

  // Parents first, in the order of the facts block; then the other members.
  void members() {
    for (std::size_t i = 0; i < p_.roots.size(); ++i)
      if (p_.roots[i]->has(Role::parent) && is_person(*p_.roots[i])) p_.parents.push_back(static_cast<int>(i));
    p_.members = p_.parents;
    for (std::size_t i = 0; i < p_.roots.size(); ++i)
      if (p_.roots[i]->has(Role::member) && !p_.roots[i]->has(Role::parent) && is_person(*p_.roots[i]))
        p_.members.push_back(static_cast<int>(i));
  }
};

}  // namespace

void check_roles(Program& program, Diagnostics& diags) { RoleChecker(program, diags).run(); }

}  // namespace fuzhu
