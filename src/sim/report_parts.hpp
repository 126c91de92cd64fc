// What the simulation report and the comparison report (--baseline) write
// the same way: money, a year's cost, the kinds of amount, rejected lines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "io/json_writer.hpp"
#include "sim/tally.hpp"

namespace fuzhu::sim::parts {

inline constexpr std::size_t monthly = 0, yearly = 1, once = 2;
inline constexpr AmountKind all_kinds[] = {AmountKind::cash, AmountKind::in_kind, AmountKind::minimum,
                                           AmountKind::discretionary};

std::string yuan(std::int64_t fen);
/// Twelve months of monthly amounts and the yearly ones; nullopt on overflow
/// (12 × a sum that fits may not).
std::optional<std::int64_t> year_cost(const Amounts& a);
bool zero(const Amounts& a);
/// How the text report names a kind after a row: nothing for cash.
const char* kind_words(AmountKind kind);
/// {"monthly": "…", "yearly": "…", "once": "…"}
detail::Json amounts_json(const Amounts& a);
/// The rejected lines, first ones listed: a text section ("" when none), and JSON rows.
std::string rejected_text(const Tally& t);
detail::Json rejected_json(const Tally& t);

}  // namespace fuzhu::sim::parts
