// Exact integer and money arithmetic: overflow and division by zero are
// errors with a location, never wrapped or undefined values.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "syntax/source.hpp"

namespace fuzhu::detail {

/// Thrown while evaluating; becomes a diagnostic at `loc`.
struct EvalError {
  Loc loc;
  std::string message;
  Diag code = Diag::arithmetic;
};

inline std::int64_t checked_add(std::int64_t a, std::int64_t b, Loc loc) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) throw EvalError{loc, "the sum is too large (arithmetic overflow)"};
  return r;
}

inline std::int64_t checked_sub(std::int64_t a, std::int64_t b, Loc loc) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) throw EvalError{loc, "the difference is too large (arithmetic overflow)"};
  return r;
}

inline std::int64_t checked_mul(std::int64_t a, std::int64_t b, Loc loc) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) throw EvalError{loc, "the product is too large (arithmetic overflow)"};
  return r;
}

/// Money divided by a count, rounded to the nearest fen, halves away from zero.
inline std::int64_t divide_rounded(std::int64_t fen, std::int64_t by, Loc loc) {
  if (by == 0) throw EvalError{loc, "division by zero"};
  if (fen == INT64_MIN && by == -1) throw EvalError{loc, "the quotient is too large (arithmetic overflow)"};
  std::int64_t q = fen / by, r = fen % by;
  if (r != 0) {
    // |2r| >= |by| rounds away from zero; written to avoid overflowing 2r.
    std::int64_t abs_r = r < 0 ? -r : r, abs_by = by < 0 ? -by : by;
    if (abs_r >= abs_by - abs_r) q += ((fen < 0) != (by < 0)) ? -1 : 1;
  }
  return q;
}

/// 128 bits (a GCC and Clang extension): money times a rate is exact in it.
__extension__ using wide_int = __int128;

/// Money times a rate in millionths (1.5 is 1500000), rounded to the nearest
/// fen, halves away from zero: 120 元 * 1.5 is 180 元, 0.01 元 * 50% is 0.01 元.

inline std::int64_t scale_rounded(std::int64_t fen, std::int64_t millionths, Loc loc) {
  constexpr wide_int unit = 1'000'000;
  const wide_int product = static_cast<wide_int>(fen) * millionths;
  const wide_int magnitude = product < 0 ? -product : product;
  wide_int rounded = (magnitude + unit / 2) / unit;
  if (product < 0) rounded = -rounded;
  if (rounded > INT64_MAX || rounded < INT64_MIN) throw EvalError{loc, "the product is too large (arithmetic overflow)"};
  return static_cast<std::int64_t>(rounded);
}

}  // namespace fuzhu::detail
