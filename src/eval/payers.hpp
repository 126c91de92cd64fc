// Splitting a benefit's amount among the payers that apply to one family,
// exactly to the fen (grammar/README.md, "Payers"):
//   - a figure pays itself;
//   - percentages are rounded cumulatively in payer order (each payer gets
//     round(amount × percentages so far) less what the payers before it
//     got), so percentages that make 100 % split the amount exactly;
//   - parts share what the figures and percentages leave, rounded the same
//     way, so the last payer with parts takes the remainder.
// The shares must then add up to the amount: anything else is an error.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "syntax/vocabulary.hpp"
#include "wide_int.hpp"

namespace fuzhu::detail {

struct ShareOf {
  ast::ShareKind kind = ast::ShareKind::figure;
  std::int64_t value = 0;  // figure: fen; percent: millionths; parts: a count
};

struct SplitOutcome {
  enum class Problem { none, negative_figure, overflow, exceeds, short_of };
  Problem problem = Problem::none;
  std::size_t payer = 0;      // negative_figure: which share
  wide_int shares_fen = 0;    // exceeds / short_of: what the shares add up to
};

/// Writes each share's fen into `fen` (as long as `shares`). Rounding is
/// halves away from zero.
SplitOutcome split_amount(std::int64_t amount, std::span<const ShareOf> shares, std::span<std::int64_t> fen);

/// "2500 元", "-0.07 元": a sum of shares, which may lie past int64.
std::string fen_text(wide_int fen);

struct CompiledBenefit;
struct EvalError;

/// Both evaluators fail through these two, so that they fail alike, in the
/// policy's words, at the `paid by` clause:
/// the error when none of `b`'s payers applies to the family;
EvalError no_payer_applies(const CompiledBenefit& b);
/// and the split of `amount_fen` among the payers that apply (`active`:
/// indices into b.payers, with their `shares`) into `fen`, which throws the
/// EvalError naming the payers when the shares do not add up to it.
void split_among_payers(const CompiledBenefit& b, std::span<const std::size_t> active,
                        std::span<const ShareOf> shares, std::int64_t amount_fen, std::vector<std::int64_t>& fen);

}  // namespace fuzhu::detail
