// The compiled code of a policy's rules: each expression an Op over slots,
// indices and constants, each benefit its condition, amount and payers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compile/debug_text.hpp"
#include "compile/value.hpp"
#include "fuzhu/result.hpp"  // Period
#include "syntax/vocabulary.hpp"

namespace fuzhu::detail {

enum class Op : std::uint8_t {
  constant, today, fact, person_field, field_of, root, person, definition,
  not_, negate, and_, or_, eq, ne, lt, le, gt, ge, add, sub, mul, div, in_set,
  match, if_, tier, schedule, any_parent, all_parent, any_member, all_member,
  builtin,  // a function of grammar/builtins.def: index is its Builtin, kids its arguments
  amount,   // the benefit's amount for the recipient, in a payer's share
};

struct Code {
  Op op = Op::constant;
  Value constant;
  int index = -1;                    // slot, field, root, definition or Builtin
  std::vector<Code> kids;
  std::vector<int> arm_of_value;     // match: enum value → kid index (-1: none)
  std::uint64_t mask = 0;            // in_set: enum values (bit per value)
  std::vector<std::optional<std::int64_t>> lows, highs;  // tier rows
  std::vector<std::int64_t> from_days;                   // schedule rows
  // What errors and explanations say of the expression, resolved at compile
  // time: the code needs no syntax tree (issue 14.1).
  Loc loc;                           // where it starts: errors point here
  int text = -1;                     // its text, condensed: a span of CompiledPolicy::debug_text
  int enumeration = -1;              // of enum type: the enum (CompiledPolicy::enum_values)
  int record = -1;                   // of record type: the record (CompiledPolicy::roots_of_record)
};

struct CompiledPayer {
  std::string name;
  ast::ShareKind share_kind = ast::ShareKind::none;
  std::optional<Code> share;     // a figure
  std::int64_t percent_ppm = 0;  // a percentage, in millionths of the amount
  std::int64_t parts = 0;
  std::optional<Code> condition;
};

struct CompiledBenefit {
  Loc loc;                       // where `benefit` starts
  // What the benefit says of itself, copied from the AST: evaluation,
  // explanation and the reports read these, so they need no AST (issue 14.1).
  std::string id, title, cite, quote, grants, paid_to;
  std::optional<Period> period;  // none for a service
  bool minimum = false, discretionary = false, in_kind = false;
  Loc payers_loc;                // the `paid by` clause: where a split's error points
  std::optional<Code> condition;
  std::optional<Code> where;
  std::optional<Code> amount;
  std::vector<int> recipients;  // root indices; empty: the household
  bool deceased_recipients = false;  // `to each parent who died`: the parents who are not living
  std::vector<CompiledPayer> payers;
  bool payers_have_shares = false;   // every payer has a share (the checker allows all or none)
  bool depended_on = false;     // some granted(...) asks about it: its outcomes are kept
  int guard = -1;               // the definition its condition starts with (`d and ...`), or -1
  std::string readings;         // the comment block above it in the policy: how the document was read
};

}  // namespace fuzhu::detail
