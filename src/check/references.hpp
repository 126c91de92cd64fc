// What the checker resolved, kept beside the AST for the compiler, in the
// manner of cel-cpp's reference map: keyed by the node it was resolved for.
// The compiler reads these and looks nothing up by name again, so a name
// means what the checker said it means, decided once (issue 14, item 2).
// (A name expression's resolution is on the node itself: Expr::name_kind and
// Expr::resolved, the Builtin of a call among them.)
#pragma once

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "syntax/ast.hpp"

namespace fuzhu {

struct References {
  /// The enum value indices of a `match` arm or an `in { … }` set, in the
  /// order written (-1 where the checker reported the name unknown).
  std::unordered_map<const ast::MatchArm*, std::vector<int>> arm_values;
  /// An enum field's default (a name expression): its value index.
  std::unordered_map<const ast::Expr*, int> enum_defaults;
  /// A role's target: deceased_when's enum value index; age_else's root index.
  std::unordered_map<const ast::RoleDecl*, int> role_targets;
  /// The records that are persons: those with a field of role birth (age()
  /// applies to them; a root of one may take parent, member, age_else).
  std::unordered_set<const ast::RecordDecl*> persons;

  bool is_person(const ast::RecordDecl* record) const { return record && persons.count(record) > 0; }
  int role_target(const ast::RoleDecl& role) const {
    auto it = role_targets.find(&role);
    return it == role_targets.end() ? -1 : it->second;
  }
};

}  // namespace fuzhu
