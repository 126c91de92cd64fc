// What changed in a benefit or a definition, said in the plain language of
// src/plain (issue 13, items 1 and 3): the reviewer reads
// 「条件：新增「持有《独生子女父母光荣证》」」 and
// 「金额：子女死亡每月490元 → 自2027-01-01起子女死亡每月520元」, not script.
// Each part is compared in the pieces a change is made in: the conditions
// that must all hold, the rows of a schedule by date, the payers.
#pragma once

#include <string>
#include <vector>

#include "check/program.hpp"
#include "fuzhu/plain.hpp"

namespace fuzhu::versions {

/// One line of a benefit's changes: 金额：A → B.
struct PlainChange {
  std::string part;   ///< the part's name, as in PartDiff: "condition", "amount", "payers", ...
  std::string label;  ///< the part as the reader calls it: 条件, 金额, 出资 (Condition, Amount, Paid by)
  std::string text;   ///< 新增「X」, 删去「X」, 「X」 → 「Y」, A → 自D起B
};

/// What changed between two versions of one benefit (matched by id); empty
/// when they read the same.
std::vector<PlainChange> plain_changes(const Program& before, const ast::Benefit& old_benefit, const Program& after,
                                       const ast::Benefit& new_benefit, Lang lang);

/// What changed in a definition's meaning, a line each.
std::vector<std::string> plain_definition_changes(const Program& before, const ast::Definition& old_definition,
                                                  const Program& after, const ast::Definition& new_definition, Lang lang);

/// A whole benefit (条件：…；对象：…；金额：…) or definition, for one added or removed.
std::string plain_benefit(const Program& program, const ast::Benefit& benefit, Lang lang);
std::string plain_definition(const Program& program, const ast::Definition& definition, Lang lang);

/// How the reader calls a header field of PolicyDiff ("in force from": 施行日期).
std::string header_label(const std::string& field, Lang lang);

/// The words around changes: 「」 or “ ”, → , 新增 / added, 删去 / removed, 无 / none.
std::string quoted(const std::string& text, Lang lang);
std::string arrow(const std::string& before, const std::string& after, Lang lang);

}  // namespace fuzhu::versions
