// What the parser says when a rule under `must<>` does not match: plain words
// about what was expected at that spot, never a rule name. PEGTL's
// `must_if` control raises these; a missing message is a compile error.
#pragma once

#include "grammar/grammar.hpp"

namespace fuzhu::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define FUZHU_EXPECTED(rule, text) \
  template <>                      \
  inline constexpr const char* error_message<rule> = text;

FUZHU_EXPECTED(string_body, "this string is not closed: a string ends with \" on the same line")
FUZHU_EXPECTED(arrow, "expected '=>' before the value of this case")
FUZHU_EXPECTED(expr, "expected an expression (a value, a name, or a condition)")
FUZHU_EXPECTED(amount_expr, "expected an amount, such as 490 元")
FUZHU_EXPECTED(lbrace, "expected '{'")
FUZHU_EXPECTED(rbrace, "expected '}' here; is a clause misspelt, or a '}' missing?")
FUZHU_EXPECTED(lparen, "expected '('")
FUZHU_EXPECTED(rparen, "expected ')'")
FUZHU_EXPECTED(colon, "expected ':' between the name and its type")
FUZHU_EXPECTED(equals, "expected '='")
FUZHU_EXPECTED(tok<kw_then>, "expected 'then' after the condition of 'if'")
FUZHU_EXPECTED(tok<kw_else>, "expected 'else': an 'if' needs a value for both cases")
FUZHU_EXPECTED(tok<kw_from>, "expected 'from' and a date: in force from YYYY-MM-DD")
FUZHU_EXPECTED(range_high, "expected the upper end of the age range, such as ..59")
FUZHU_EXPECTED(schedule_date, "expected the date the figure applies from, as YYYY-MM-DD")
FUZHU_EXPECTED(quantified_set, "expected 'parent' or 'member' after 'any' or 'all'")
FUZHU_EXPECTED(call_args, "expected the arguments of the function")
FUZHU_EXPECTED(tok<name>, "expected a name")
FUZHU_EXPECTED(tok<field_name>, "expected the name of a field after '.'")
FUZHU_EXPECTED(postfix, "expected a value after '-'")
FUZHU_EXPECTED(unary, "expected a value after the operator")
FUZHU_EXPECTED(product, "expected a value after the operator")
FUZHU_EXPECTED(sum, "expected a value to compare with")
FUZHU_EXPECTED(arm_values, "expected one or more names of values, separated by ','")
FUZHU_EXPECTED(negation, "expected a condition")
FUZHU_EXPECTED(conjunction, "expected a condition after 'or'")
FUZHU_EXPECTED(header_title, "expected the policy's title, as a string in quotes")
FUZHU_EXPECTED(tok<string_lit>, "expected a string in double quotes")
FUZHU_EXPECTED(tok<date_lit>, "expected a date, as YYYY-MM-DD")
FUZHU_EXPECTED(force_from, "expected the first day in force, as YYYY-MM-DD")
FUZHU_EXPECTED(force_to, "expected the last day in force, as YYYY-MM-DD")
FUZHU_EXPECTED(force_for, "expected how long the policy is in force, such as 5 年 (5 years)")
FUZHU_EXPECTED(status_value, "expected 'final' or 'draft'")
FUZHU_EXPECTED(enum_values, "expected '{' and the values of the enum")
FUZHU_EXPECTED(tok<int_lit>, "expected a whole number")
FUZHU_EXPECTED(field_type, "expected a type: bool, int, money, date, string, enum { ... } or a record or enum name")
FUZHU_EXPECTED(benefit_id, "expected the benefit's catalog id, such as special_allowance")
FUZHU_EXPECTED(eof, "expected a declaration: policy, benefit, define, enum, record, facts, extend or use")
FUZHU_EXPECTED(payer_sor, "expected a payer: a string in quotes, or '{' and a list of payers")
FUZHU_EXPECTED(recipient_sor, "expected a recipient: household, child, mother, father, each parent or each member")
FUZHU_EXPECTED(each_sor, "expected 'parent', 'parent who died' or 'member' after 'each'")
FUZHU_EXPECTED(not_transcribed_clause, "expected the clause not transcribed, in quotes: not transcribed \"六（一）\" \"reason\"")
FUZHU_EXPECTED(not_transcribed_reason, "expected why the clause is not transcribed, in quotes: not transcribed \"六（一）\" \"组织领导，不向家庭发放待遇\"")
FUZHU_EXPECTED(share, "expected the payer's share after ':': an amount (100 元, amount * 4 / 10), a percentage of the amount (40%) or parts (4 份)")
FUZHU_EXPECTED(payers_close, "expected the next payer (\"name\" : share when condition) or '}' closing the payers; is a ':' missing before a share?")

FUZHU_EXPECTED(role_item, "expected a role: birth, alive, deceased_when VALUE, region, event (fields); parent, member, age_else ROOT (facts roots)")
FUZHU_EXPECTED(role_target, "expected a name after the role: deceased_when takes a value of the field's enum, age_else a facts root")
FUZHU_EXPECTED(extend_what, "expected 'record NAME { … }' or 'facts { … }' after 'extend'")

#undef FUZHU_EXPECTED

struct expected_messages {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
  // Only `must<>` raises; elsewhere a rule that fails just lets the parser
  // try the next alternative.
  template <typename Rule>
  static constexpr bool raise_on_failure = false;
};

template <typename Rule>
using control = must_if<expected_messages>::control<Rule>;

}  // namespace fuzhu::grammar
