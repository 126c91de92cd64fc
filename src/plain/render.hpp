// The plain-language stage: a checked program's benefits and definitions as
// sentences (fuzhu/plain.hpp), rendered once when the policy is compiled and
// stored with it, so that evaluation and the report only read them. The
// same sentences in pieces serve `fuzhu diff`, which compares two versions
// piece by piece (benefit_pieces).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "fuzhu/plain.hpp"

namespace fuzhu::plain {

/// Every benefit and definition of `program` (checked, without errors) in `lang`.
PlainText render(const Program& program, Lang lang);

/// One benefit of `program` in plain words, as render() says it.
PlainRule render_benefit(const Program& program, const ast::Benefit& benefit, Lang lang);

/// One definition of `program` in plain words, as render() says it.
PlainRule render_definition(const Program& program, const ast::Definition& definition, Lang lang);

/// A row of an amount: what it gives from a date on (a row of a `schedule`
/// at the top of the amount), or always (`from` empty).
struct AmountRow {
  std::optional<Date> from;
  std::string text;  ///< 子女死亡每月490元，伤残每月420元
};

/// A benefit's plain rendering in the pieces a reviewer compares between two
/// versions: the same words as render_benefit(), cut where a change is
/// usually made (a condition added, a row of a schedule, a payer).
struct BenefitPieces {
  std::vector<std::string> conditions;  ///< what must all hold (the parts of the `when`'s top `and`)
  std::string recipient;
  bool scheduled = false;               ///< the amount is a `schedule`: one row a date
  std::vector<AmountRow> amount;        ///< empty when the benefit has no amount
  std::string grants, paid_to;
  std::vector<std::string> payers;      ///< a payer, or payers sharing by parts, a piece
  std::string form;
  std::string cites;                    ///< 一（一）「每人每月分别提高到490元、420元」
};
BenefitPieces benefit_pieces(const Program& program, const ast::Benefit& benefit, Lang lang);

/// A definition's meaning: the parts of its top `and` for a condition, else
/// its one value.
std::vector<std::string> definition_pieces(const Program& program, const ast::Definition& definition, Lang lang);

}  // namespace fuzhu::plain
