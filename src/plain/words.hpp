// The words the plain rendering is built from, in Chinese and in English:
// one table a language, so that the two renderings say the same things.
#pragma once

#include <string_view>

#include "fuzhu/plain.hpp"
#include "fuzhu/result.hpp"
#include "syntax/ast.hpp"

namespace fuzhu::plain {

struct Words {
  // Joining conditions: at the top level (with a pause) and nested.
  std::string_view and_top, and_inner, or_top, or_inner, open, close;
  std::string_view note_open;           // a bracket after a phrase: （ / " ("
  std::string_view list;                // between items: 、 / ", "
  std::string_view arm_sep, arm_sep_outer, arm_colon;  // between bands; between bands of bands; after a band's label with bands inside
  std::string_view is, is_not;          // enum value: 为 / is
  std::string_view ge, gt, lt, le, eq, ne;                     // numbers
  std::string_view date_ge, date_gt, date_lt, date_le;         // dates
  std::string_view add, sub, mul, div, minus;
  std::string_view yes, no;
  std::string_view today, person, amount_of, other_values, otherwise;
  std::string_view not_prefix, not_definition;                 // default negations
  std::string_view any_parent, all_parent, any_member, all_member, quantified_person;
  std::string_view yuan;                // 元 / " yuan"
  std::string_view from_date;           // 起 / from
  std::string_view at_least;            // 不低于 / at least
  std::string_view extra;               // 另加 / plus
  std::string_view if_then, if_else;    // C的，A；否则B
  // Sentence parts.
  std::string_view condition, recipient, amount, payers, form, grants, paid_to, separator, label_sep;
  std::string_view household, each_parent, each_member, each_deceased_parent, where;
  std::string_view cash, in_kind, discretionary, no_figure, rest_shared;
  std::string_view monthly, yearly, once;
};

const Words& words(Lang lang);
std::string_view period_word(const Words& w, Period period);

}  // namespace fuzhu::plain
