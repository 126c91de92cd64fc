// Expressions of a checked program as phrases: conditions as a reader says
// them (女方年满49周岁, 子女死亡, 无再生育意愿), values with the schema's
// labels, and amounts with their period put before (or, in English, after)
// every figure they resolve to, band by band and date by date.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check/program.hpp"
#include "plain/words.hpp"

namespace fuzhu::plain {

/// What goes around each figure of an amount: 每月 / 不低于 before it, " a month" after it.
struct Figure {
  std::string before, after;
};

class Phrases {
 public:
  Phrases(const Program& program, Lang lang);

  /// A condition; `person` names the recipient a `where` considers (本人).
  std::string condition(const ast::Expr& e, std::string_view person) const;
  /// A condition as the list of what must all hold (the parts of its top
  /// `and`), each said on its own: what `fuzhu diff` adds and removes.
  std::vector<std::string> conditions(const ast::Expr& e, std::string_view person) const;
  /// A value of any type.
  std::string value(const ast::Expr& e, std::string_view person) const;
  /// An amount: matches, tiers, schedules and ifs become bands, each figure wrapped in `figure`.
  std::string amount(const ast::Expr& e, const Figure& figure, std::string_view person) const;
  /// Whether amount() splits `e` into bands (an amount with no single figure).
  static bool banded(const ast::Expr& e);

  std::string definition_name(int index) const;
  std::string money(std::int64_t fen) const;
  std::string duration(std::int64_t encoded) const;
  std::string rate(std::int64_t millionths) const;

 private:
  const Program& p_;
  Lang lang_;
  const Words& w_;

  bool zh() const { return lang_ == Lang::zh; }
  std::string logic(const ast::Expr& e, std::string_view person, bool top) const;
  std::string atom(const ast::Expr& e, std::string_view person) const;
  std::string negation(const ast::Expr& e, std::string_view person) const;
  std::string quantified_en(const ast::Expr& e) const;
  std::string comparison(const ast::Expr& e, ast::BinaryOp op, std::string_view person) const;
  std::string enum_test(const ast::Expr& subject, const std::vector<int>& values, bool negated,
                        std::string_view person) const;
  std::string age_test(const ast::Expr& call, ast::BinaryOp op, std::int64_t years, std::string_view person) const;
  std::string call(const ast::Expr& e, std::string_view person) const;
  std::string arithmetic(const ast::Expr& e, std::string_view person) const;

  std::string match(const ast::Expr& e, const Figure& figure, std::string_view person) const;
  std::string tier(const ast::Expr& e, const Figure& figure, std::string_view person) const;
  std::string schedule(const ast::Expr& e, const Figure& figure, std::string_view person) const;
  std::string choice(const ast::Expr& e, const Figure& figure, std::string_view person) const;
  std::string band(std::string label, const ast::Expr& result, const Figure& figure, std::string_view person) const;

  // Whose a field is: 女方, 本人; "" for the household and the family in Chinese.
  std::string subject(const ast::Expr& operand, std::string_view person) const;
  std::string possessive(const std::string& subject, std::string_view what) const;
  std::string field(const ast::Expr& e, std::string_view person) const;
  std::string field_label(const ast::Expr& e) const;
  std::string root_label(int root) const;
  std::string value_label(const ast::EnumDecl& decl, int value) const;
  std::string age_subject(const ast::Expr& call, std::string_view person) const;
  static const ast::FieldDecl* field_decl(const ast::Expr& e);
};

}  // namespace fuzhu::plain
