#include "sim/tally.hpp"

#include <algorithm>

namespace fuzhu::sim {

void Tally::add_fen(std::int64_t& sum, std::int64_t fen) {
  if (__builtin_add_overflow(sum, fen, &sum)) overflow = true;
}

void Tally::add_amounts(Amounts& sum, const Amounts& more) {
  for (std::size_t i = 0; i < sum.fen.size(); ++i) add_fen(sum.fen[i], more.fen[i]);
}

void Tally::add_kinds(KindAmounts& sum, const KindAmounts& more) {
  for (std::size_t k = 0; k < sum.kind.size(); ++k) add_amounts(sum.kind[k], more.kind[k]);
}

void Tally::add(const Decisions& d, const detail::CompiledPolicy& policy) {
  if (indexed_.empty()) {
    indexed_.resize(policy.benefits.size());
    for (std::size_t i = 0; i < policy.benefits.size(); ++i) {
      indexed_[i].payers.resize(policy.benefits[i].payers.size());
      indexed_[i].payer_seen.resize(policy.benefits[i].payers.size());
      indexed_[i].needs.resize(static_cast<std::size_t>(policy.schema->slot_count));
    }
  }
  ++families;
  if (!d.granted.empty()) ++granted;
  if (!d.undetermined.empty()) ++with_undetermined;
  int previous = -1;  // rows of one benefit are adjacent
  for (const auto& row : d.granted) {
    IndexedBenefit& b = indexed_[static_cast<std::size_t>(row.benefit)];
    ++b.recipients;
    if (row.benefit != previous) ++b.families;
    previous = row.benefit;
    const detail::CompiledBenefit& src = policy.benefits[static_cast<std::size_t>(row.benefit)];
    if (row.split_undetermined) ++b.payers_undetermined;
    if (!src.period) continue;
    const auto p = static_cast<std::size_t>(*src.period);
    if (row.fen) {
      add_fen(b.amounts.fen[p], *row.fen);
      add_fen(total[amount_kind(src.in_kind, src.minimum, src.discretionary)].fen[p], *row.fen);
    }
    for (std::uint32_t i = row.first_payer; i < row.first_payer + row.payer_count; ++i) {
      const auto& share = d.payers[i];
      if (!share.fen) continue;
      const auto k = static_cast<std::size_t>(share.payer);
      add_fen(b.payers[k].fen[p], *share.fen);
      b.payer_seen[k] = 1;
    }
  }
  previous = -1;
  for (const auto& pending : d.undetermined) {
    IndexedBenefit& b = indexed_[static_cast<std::size_t>(pending.benefit)];
    if (pending.benefit != previous) {
      ++b.undetermined_families;
      seen_needs_.clear();
    }
    previous = pending.benefit;
    for (std::uint32_t i = pending.first_need; i < pending.first_need + pending.need_count; ++i) {
      int slot = d.needs[i];
      if (std::find(seen_needs_.begin(), seen_needs_.end(), slot) != seen_needs_.end()) continue;
      seen_needs_.push_back(slot);
      ++b.needs[static_cast<std::size_t>(slot)];
    }
  }
}

// Folds the index tallies into the by-name maps the report and merge use.
void Tally::resolve_names(const detail::CompiledPolicy& policy) {
  for (std::size_t i = 0; i < indexed_.size(); ++i) {
    const IndexedBenefit& b = indexed_[i];
    const detail::CompiledBenefit& benefit = policy.benefits[i];
    const detail::CompiledBenefit& src = benefit;
    const AmountKind kind = amount_kind(src.in_kind, src.minimum, src.discretionary);
    if (b.recipients > 0) {
      BenefitTotals& named = benefits[src.id];
      if (named.title.empty()) named.title = src.title;
      named.kind = kind;
      named.families += b.families;
      named.recipients += b.recipients;
      named.payers_undetermined += b.payers_undetermined;
      add_amounts(named.amounts, b.amounts);
    }
    for (std::size_t k = 0; k < b.payers.size(); ++k)
      if (b.payer_seen[k]) add_amounts(payers[benefit.payers[k].name][kind], b.payers[k]);
    if (b.undetermined_families > 0) {
      UndeterminedTotals& named = undetermined[src.id];
      if (named.title.empty()) named.title = src.title;
      named.families += b.undetermined_families;
      for (std::size_t slot = 0; slot < b.needs.size(); ++slot)
        if (b.needs[slot]) named.needs[policy.schema->path_of(static_cast<int>(slot))] += b.needs[slot];
    }
  }
  indexed_.clear();
}

void Tally::reject(std::uint64_t line, std::string reason, std::string path, std::string code) {
  ++rejected_lines;
  if (rejected.size() < kept_rejections) rejected.push_back({line, std::move(reason), std::move(path), std::move(code)});
}

void Tally::merge(const Tally& other) {
  families += other.families;
  granted += other.granted;
  with_undetermined += other.with_undetermined;
  rejected_lines += other.rejected_lines;
  overflow = overflow || other.overflow;
  add_kinds(total, other.total);
  for (const auto& [id, b] : other.benefits) {
    BenefitTotals& mine = benefits[id];
    if (mine.title.empty()) mine.title = b.title;
    mine.kind = b.kind;
    mine.families += b.families;
    mine.recipients += b.recipients;
    mine.payers_undetermined += b.payers_undetermined;
    add_amounts(mine.amounts, b.amounts);
  }
  for (const auto& [name, amounts] : other.payers) add_kinds(payers[name], amounts);
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
