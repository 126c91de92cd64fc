#include "sim/report_parts.hpp"

#include <fmt/format.h>

#include "syntax/printable.hpp"

namespace fuzhu::sim::parts {

std::string yuan(std::int64_t fen) { return Money{fen}.to_string(); }

std::optional<std::int64_t> year_cost(const Amounts& a) {
  std::int64_t twelve = 0, sum = 0;
  if (__builtin_mul_overflow(a.fen[monthly], 12, &twelve) || __builtin_add_overflow(twelve, a.fen[yearly], &sum))
    return std::nullopt;
  return sum;
}

bool zero(const Amounts& a) { return a.fen[monthly] == 0 && a.fen[yearly] == 0 && a.fen[once] == 0; }

const char* kind_words(AmountKind kind) {
  switch (kind) {
    case AmountKind::cash: return "";
    case AmountKind::in_kind: return "in kind (实物)";
    case AmountKind::minimum: return "at least (不低于)";
    case AmountKind::discretionary: return "discretionary (有条件的地方可)";
  }
  return "";
}

detail::Json amounts_json(const Amounts& a) {
  detail::Json out = detail::Json::object();
  out["monthly"] = yuan(a.fen[monthly]);
  out["yearly"] = yuan(a.fen[yearly]);
  out["once"] = yuan(a.fen[once]);
  return out;
}

std::string rejected_text(const Tally& t) {
  if (t.rejected_lines == 0) return "";
  std::string out = fmt::format("\nrejected lines ({}{}):\n", t.rejected_lines,
                                t.rejected_lines > t.rejected.size() ? fmt::format(", the first {} shown", t.rejected.size()) : "");
  for (const auto& x : t.rejected)
    out += fmt::format("  line {}: {}{}\n", x.line, printable(x.reason), x.code.empty() ? "" : " [" + x.code + "]");
  return out;
}

detail::Json rejected_json(const Tally& t) {
  detail::Json rows = detail::Json::array();
  for (const auto& x : t.rejected) {
    detail::Json row = detail::Json::object();
    row["line"] = x.line;
    row["code"] = x.code;
    row["path"] = x.path;
    row["reason"] = x.reason;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace fuzhu::sim::parts
