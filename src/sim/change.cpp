#include "sim/change.hpp"

#include <algorithm>
#include <cstdint>

namespace fuzhu::sim {

namespace {

constexpr std::size_t monthly = 0, yearly = 1, once = 2;

AmountKind kind_of(const detail::CompiledBenefit& b) { return amount_kind(b.in_kind, b.minimum, b.discretionary); }

// Root index → a bit a recipient name, the same in both versions; the
// household is bit 0.
std::vector<int> recipient_bits(const detail::Schema& schema, std::vector<std::string>& names) {
  std::vector<int> out;
  for (const auto& root : schema.roots) {
    auto found = std::find(names.begin(), names.end(), root.name);
    if (found == names.end()) found = names.insert(names.end(), root.name);
    out.push_back(static_cast<int>(found - names.begin()) + 1);
  }
  return out;
}

bool same(const Amounts& a, const Amounts& b) { return a.fen == b.fen; }

}  // namespace

BenefitUnion BenefitUnion::of(const detail::CompiledPolicy& now, const detail::CompiledPolicy& then) {
  BenefitUnion u;
  auto index_of = [&](const std::string& id) {
    for (std::size_t i = 0; i < u.benefits.size(); ++i)
      if (u.benefits[i].id == id) return static_cast<int>(i);
    return -1;
  };
  for (std::size_t i = 0; i < now.benefits.size(); ++i) {
    const detail::CompiledBenefit& b = now.benefits[i];
    int at = index_of(b.id);  // a duplicate id (the checker warns) joins the first
    if (at < 0) {
      at = static_cast<int>(u.benefits.size());
      u.benefits.push_back({b.id, b.title, b.cite, b.quote, kind_of(b), static_cast<int>(i), -1});
    }
    u.of_now.push_back(at);
  }
  for (std::size_t i = 0; i < then.benefits.size(); ++i) {
    const detail::CompiledBenefit& b = then.benefits[i];
    int at = index_of(b.id);
    if (at < 0) {
      at = static_cast<int>(u.benefits.size());
      u.benefits.push_back({b.id, b.title, b.cite, b.quote, kind_of(b), -1, static_cast<int>(i)});
    } else if (u.benefits[static_cast<std::size_t>(at)].then < 0) {
      u.benefits[static_cast<std::size_t>(at)].then = static_cast<int>(i);
    }
    u.of_then.push_back(at);
  }
  std::vector<std::string> names;
  u.recipient_of_now = recipient_bits(*now.schema, names);
  u.recipient_of_then = recipient_bits(*then.schema, names);
  return u;
}

std::size_t bucket_of(std::int64_t fen) {
  // Bounds in fen: 100 元 = 10000 fen.
  constexpr std::int64_t bounds[] = {1000000, 100000, 10000};
  if (fen == 0) return 4;
  const std::int64_t size = fen == INT64_MIN ? INT64_MAX : fen < 0 ? -fen : fen;
  std::size_t steps = 3;  // 0.01–99.99
  for (std::size_t i = 0; i < 3; ++i)
    if (size >= bounds[i]) {
      steps = i;
      break;
    }
  return fen < 0 ? steps : 8 - steps;
}

const char* bucket_label(std::size_t bucket) {
  static constexpr const char* labels[change_buckets] = {
      "-10000 or more",  "-1000 to -9999.99", "-100 to -999.99", "-0.01 to -99.99", "0",
      "+0.01 to +99.99", "+100 to +999.99",   "+1000 to +9999.99", "+10000 or more"};
  return bucket < change_buckets ? labels[bucket] : "";
}

void ChangeTally::add_fen(std::int64_t& sum_, std::int64_t fen) {
  if (__builtin_add_overflow(sum_, fen, &sum_)) overflow = true;
}

// 12 × per month + per year, checked.
std::int64_t ChangeTally::year_of(const Amounts& a) {
  std::int64_t twelve = 0, out = 0;
  if (__builtin_mul_overflow(a.fen[monthly], 12, &twelve) || __builtin_add_overflow(twelve, a.fen[yearly], &out)) {
    overflow = true;
    return 0;
  }
  return out;
}

void ChangeTally::reset(Side& side) {
  for (int i : touched_) {
    const auto k = static_cast<std::size_t>(i);
    side.amounts[k] = {};
    side.granted_to[k] = side.undetermined_for[k] = 0;
  }
  side.kinds = {};
}

void ChangeTally::collect(const Decisions& d, const std::vector<int>& of, const std::vector<int>& recipient_of,
                          const detail::CompiledPolicy& policy, Side& side) {
  auto bit = [&](int recipient) {
    return std::uint64_t{1} << (recipient < 0 ? 0 : recipient_of[static_cast<std::size_t>(recipient)] % 64);
  };
  for (const auto& row : d.granted) {
    const int u = of[static_cast<std::size_t>(row.benefit)];
    const auto k = static_cast<std::size_t>(u);
    touched_.push_back(u);
    side.granted_to[k] |= bit(row.recipient);
    const detail::CompiledBenefit& src = policy.benefits[static_cast<std::size_t>(row.benefit)];
    if (!src.period || !row.fen) continue;
    const auto p = static_cast<std::size_t>(*src.period);
    add_fen(side.amounts[k].fen[p], *row.fen);
    add_fen(side.kinds[static_cast<std::size_t>(kind_of(src))].fen[p], *row.fen);
  }
  for (const auto& pending : d.undetermined) {
    const int u = of[static_cast<std::size_t>(pending.benefit)];
    touched_.push_back(u);
    side.undetermined_for[static_cast<std::size_t>(u)] |= bit(pending.recipient);
  }
}

void ChangeTally::add(const Decisions& now, const Decisions& then, const BenefitUnion& names,
                      const detail::CompiledPolicy& now_policy, const detail::CompiledPolicy& then_policy) {
  const std::size_t n = names.benefits.size();
  if (benefits.size() < n) benefits.resize(n);
  for (Side* side : {&now_, &then_})
    if (side->amounts.size() < n) {
      side->amounts.resize(n);
      side->granted_to.resize(n);
      side->undetermined_for.resize(n);
    }
  collect(now, names.of_now, names.recipient_of_now, now_policy, now_);
  collect(then, names.of_then, names.recipient_of_then, then_policy, then_);
  std::sort(touched_.begin(), touched_.end());
  touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());

  bool other = false;  // anything but a year's cash changed
  for (int i : touched_) {
    const auto k = static_cast<std::size_t>(i);
    BenefitChange& b = benefits[k];
    for (std::size_t p = 0; p < 3; ++p) {
      add_fen(b.before.fen[p], then_.amounts[k].fen[p]);
      add_fen(b.after.fen[p], now_.amounts[k].fen[p]);
    }
    const bool changed = !same(now_.amounts[k], then_.amounts[k]) || now_.granted_to[k] != then_.granted_to[k] ||
                         now_.undetermined_for[k] != then_.undetermined_for[k];
    if (!changed) continue;
    other = true;
    ++b.families_changed;
    std::int64_t change = 0;
    if (__builtin_sub_overflow(year_of(now_.amounts[k]), year_of(then_.amounts[k]), &change)) overflow = true;
    if (change > 0) ++b.families_more;
    if (change < 0) ++b.families_less;
  }
  const auto cash = static_cast<std::size_t>(AmountKind::cash);
  std::int64_t delta = 0;
  if (__builtin_sub_overflow(year_of(now_.kinds[cash]), year_of(then_.kinds[cash]), &delta)) overflow = true;
  add_fen(sum, delta);
  ++buckets[bucket_of(delta)];
  largest_gain = std::max(largest_gain, delta);
  largest_loss = std::min(largest_loss, delta);
  if (delta > 0) ++gaining;
  else if (delta < 0) ++losing;
  else {
    ++unchanged;
    if (other) ++unchanged_but_other;
  }
  reset(now_);
  reset(then_);
  touched_.clear();
}

void ChangeTally::merge(const ChangeTally& o) {
  gaining += o.gaining;
  losing += o.losing;
  unchanged += o.unchanged;
  unchanged_but_other += o.unchanged_but_other;
  for (std::size_t i = 0; i < change_buckets; ++i) buckets[i] += o.buckets[i];
  largest_gain = std::max(largest_gain, o.largest_gain);
  largest_loss = std::min(largest_loss, o.largest_loss);
  add_fen(sum, o.sum);
  overflow = overflow || o.overflow;
  if (benefits.size() < o.benefits.size()) benefits.resize(o.benefits.size());
  for (std::size_t i = 0; i < o.benefits.size(); ++i) {
    BenefitChange& mine = benefits[i];
    const BenefitChange& theirs = o.benefits[i];
    for (std::size_t p = 0; p < 3; ++p) {
      add_fen(mine.before.fen[p], theirs.before.fen[p]);
      add_fen(mine.after.fen[p], theirs.after.fen[p]);
    }
    mine.families_changed += theirs.families_changed;
    mine.families_more += theirs.families_more;
    mine.families_less += theirs.families_less;
  }
}

}  // namespace fuzhu::sim
