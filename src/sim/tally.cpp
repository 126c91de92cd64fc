#include "sim/tally.hpp"

#include <algorithm>

namespace fuzhu::sim {

void Tally::add_fen(std::int64_t& sum, std::int64_t fen) {
  if (__builtin_add_overflow(sum, fen, &sum)) overflow = true;
}

void Tally::add_amounts(Amounts& sum, const Amounts& more) {
  for (std::size_t i = 0; i < sum.fen.size(); ++i) add_fen(sum.fen[i], more.fen[i]);
}

void Tally::add(const Evaluation& e) {
  ++families;
  if (!e.entitlements.empty()) ++granted;
  if (!e.undetermined.empty()) ++with_undetermined;
  const std::string* previous = nullptr;  // entitlements of one benefit are adjacent
  for (const auto& x : e.entitlements) {
    BenefitTotals& b = benefits[x.benefit];
    if (b.title.empty()) b.title = x.title;
    ++b.recipients;
    if (!previous || *previous != x.benefit) ++b.families;
    previous = &x.benefit;
    if (!x.period) continue;
    const auto period = static_cast<std::size_t>(*x.period);
    if (x.amount) {
      add_fen(b.amounts.fen[period], x.amount->fen);
      add_fen(total.fen[period], x.amount->fen);
    }
    for (const auto& payer : x.payers)
      if (payer.amount) add_fen(payers[payer.name].fen[period], payer.amount->fen);
  }
  for (const auto& u : e.undetermined) {
    UndeterminedTotals& t = undetermined[u.benefit];
    if (t.title.empty()) t.title = u.title;
    ++t.families;
    for (const auto& need : u.needs) ++t.needs[need];
  }
}

void Tally::reject(std::uint64_t line, std::string reason) {
  ++rejected_lines;
  if (rejected.size() < kept_rejections) rejected.push_back({line, std::move(reason)});
}

void Tally::merge(const Tally& other) {
  families += other.families;
  granted += other.granted;
  with_undetermined += other.with_undetermined;
  rejected_lines += other.rejected_lines;
  overflow = overflow || other.overflow;
  add_amounts(total, other.total);
  for (const auto& [id, b] : other.benefits) {
    BenefitTotals& mine = benefits[id];
    if (mine.title.empty()) mine.title = b.title;
    mine.families += b.families;
    mine.recipients += b.recipients;
    add_amounts(mine.amounts, b.amounts);
  }
  for (const auto& [name, amounts] : other.payers) add_amounts(payers[name], amounts);
  for (const auto& [id, u] : other.undetermined) {
    UndeterminedTotals& mine = undetermined[id];
    if (mine.title.empty()) mine.title = u.title;
    mine.families += u.families;
    for (const auto& [need, count] : u.needs) mine.needs[need] += count;
  }
  rejected.insert(rejected.end(), other.rejected.begin(), other.rejected.end());
  keep_first_rejections();
}

// Each thread keeps its own first rejections in line order; the first ones
// of the whole file are among them, whatever the thread count.
void Tally::keep_first_rejections() {
  std::sort(rejected.begin(), rejected.end(), [](const Rejected& a, const Rejected& b) { return a.line < b.line; });
  if (rejected.size() > kept_rejections) rejected.resize(kept_rejections);
}

}  // namespace fuzhu::sim
