#include "eval/payers.hpp"

#include <climits>

#include <fmt/format.h>

#include "compile/code.hpp"
#include "eval/arithmetic.hpp"

namespace fuzhu::detail {

namespace {

constexpr wide_int whole = 1'000'000;  // 100 %, in millionths

// numerator / denominator, rounded to the nearest integer, halves away from
// zero; the denominator is positive.
wide_int round_div(wide_int numerator, wide_int denominator) {
  const bool negative = numerator < 0;
  const wide_int magnitude = negative ? -numerator : numerator;
  const wide_int rounded = (2 * magnitude + denominator) / (2 * denominator);
  return negative ? -rounded : rounded;
}

bool fits(wide_int n) { return n >= INT64_MIN && n <= INT64_MAX; }

}  // namespace

SplitOutcome split_amount(std::int64_t amount, std::span<const ShareOf> shares, std::span<std::int64_t> fen) {
  SplitOutcome out;
  wide_int figures = 0, percent_so_far = 0, percent_paid = 0, parts_total = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    const ShareOf& s = shares[i];
    switch (s.kind) {
      case ast::ShareKind::figure:
        if (s.value < 0) return {SplitOutcome::Problem::negative_figure, i, 0};
        fen[i] = s.value;
        figures += s.value;
        break;
      case ast::ShareKind::percent: {
        percent_so_far += s.value;
        const wide_int paid = round_div(static_cast<wide_int>(amount) * percent_so_far, whole);
        if (!fits(paid - percent_paid)) return {SplitOutcome::Problem::overflow, i, 0};
        fen[i] = static_cast<std::int64_t>(paid - percent_paid);  // within one fen of its exact value
        percent_paid = paid;
        break;
      }
      case ast::ShareKind::parts: parts_total += s.value; break;
      case ast::ShareKind::none: fen[i] = 0; break;
    }
  }
  const wide_int left = static_cast<wide_int>(amount) - figures - percent_paid;
  if (parts_total == 0) {
    if (left != 0) return {left < 0 ? SplitOutcome::Problem::exceeds : SplitOutcome::Problem::short_of, 0, figures + percent_paid};
    return out;
  }
  if (left < 0) return {SplitOutcome::Problem::exceeds, 0, figures + percent_paid};
  wide_int parts_so_far = 0, parts_paid = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    if (shares[i].kind != ast::ShareKind::parts) continue;
    parts_so_far += shares[i].value;
    const wide_int paid = round_div(left * parts_so_far, parts_total);
    fen[i] = static_cast<std::int64_t>(paid - parts_paid);
    parts_paid = paid;
  }
  return out;
}

std::string fen_text(wide_int fen) {
  const bool negative = fen < 0;
  wide_uint magnitude = negative ? static_cast<wide_uint>(-(fen + 1)) + 1 : static_cast<wide_uint>(fen);
  const unsigned cents = static_cast<unsigned>(magnitude % 100);
  magnitude /= 100;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  std::string out = (negative ? "-" : "") + digits;
  if (cents != 0) out += "." + std::to_string(cents / 10) + std::to_string(cents % 10);
  return out + " 元";
}

EvalError no_payer_applies(const CompiledBenefit& b) {
  return EvalError{b.payers_loc,
                   fmt::format("no payer of '{}' applies to this family: every payer's condition is false", b.id),
                   Diag::no_payer_applies};
}

void split_among_payers(const CompiledBenefit& b, std::span<const std::size_t> active,
                        std::span<const ShareOf> shares, std::int64_t amount_fen, std::vector<std::int64_t>& fen) {
  fen.resize(shares.size());
  const SplitOutcome outcome = split_amount(amount_fen, shares, fen);
  if (outcome.problem == SplitOutcome::Problem::none) return;
  const std::string& first = b.payers[active[outcome.payer]].name;
  std::string message;
  switch (outcome.problem) {
    case SplitOutcome::Problem::negative_figure:
      message = fmt::format("the share of \"{}\" in '{}' is negative ({})", first, b.id,
                            fen_text(shares[outcome.payer].value));
      break;
    case SplitOutcome::Problem::overflow:
      message = fmt::format("the share of \"{}\" in '{}' is too large (arithmetic overflow)", first, b.id);
      break;
    default: {
      std::vector<std::string> names;
      for (std::size_t i : active) names.push_back("\"" + b.payers[i].name + "\"");
      const bool too_much = outcome.problem == SplitOutcome::Problem::exceeds;
      message = fmt::format("the shares of {} in '{}' come to {}, {} its amount {} for this family",
                            fmt::join(names, ", "), b.id, fen_text(outcome.shares_fen),
                            too_much ? "more than" : "less than", fen_text(amount_fen));
    }
  }
  throw EvalError{b.payers_loc, std::move(message), Diag::shares_do_not_add_up};
}

}  // namespace fuzhu::detail
