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

}  // namespace fuzhu::detail
