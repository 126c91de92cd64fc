#include "versions/benefit_parts.hpp"

#include <algorithm>
#include <set>

#include "versions/canonical.hpp"

namespace fuzhu::versions {

namespace {

// Every definition `e` reads, and those they read, by index.
void collect_definitions(const Program& program, const ast::Expr& e, std::set<int>& seen) {
  if (e.kind == ast::ExprKind::name && e.name_kind == ast::NameKind::definition && e.resolved >= 0 &&
      static_cast<std::size_t>(e.resolved) < program.definitions.size() && seen.insert(e.resolved).second) {
    const ast::Definition& d = *program.definitions[static_cast<std::size_t>(e.resolved)];
    if (d.value) collect_definitions(program, *d.value, seen);
  }
  ast::for_each_child(e, [&](const ast::Expr& kid) { collect_definitions(program, kid, seen); });
}

std::vector<std::string> definitions_read(const Program& program, const ast::Benefit& b) {
  std::set<int> seen;
  for (const ast::Expr* e : {b.condition.get(), b.where.get(), b.amount.get()})
    if (e) collect_definitions(program, *e, seen);
  for (const auto& payer : b.payers) {
    if (payer.share) collect_definitions(program, *payer.share, seen);
    if (payer.condition) collect_definitions(program, *payer.condition, seen);
  }
  std::vector<std::string> names;
  for (int index : seen) names.push_back(program.definitions[static_cast<std::size_t>(index)]->name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

BenefitParts shown_parts(const Program& program, const ast::Benefit& benefit) {
  // Compared in script form: two renderings in plain words could read alike
  // where the scripts differ (plain_diff.hpp says the change in words).
  BenefitParts parts = canonical_parts(benefit);
  parts.definitions = definitions_read(program, benefit);
  return parts;
}

}  // namespace fuzhu::versions
