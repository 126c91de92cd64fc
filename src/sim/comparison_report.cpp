#include "sim/comparison_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "io/json_writer.hpp"
#include "sim/report_parts.hpp"
#include "syntax/printable.hpp"
#include "api/internal.hpp"

namespace fuzhu::sim {

namespace {

using detail::Json;

using namespace parts;

constexpr std::pair<const char*, std::size_t> periods[] = {{"per month", monthly}, {"per year", yearly}, {"once", once}};

// A difference, signed: "+720", "-1210", "0"; "overflows" when it does not fit.
std::string signed_yuan(const std::optional<std::int64_t>& fen) {
  if (!fen) return "overflows";
  return (*fen > 0 ? "+" : "") + yuan(*fen);
}

std::optional<std::int64_t> minus(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a, b, &out)) return std::nullopt;
  return out;
}

std::optional<std::int64_t> year_change(const Amounts& before, const Amounts& after) {
  auto b = year_cost(before), a = year_cost(after);
  if (!a || !b) return std::nullopt;
  return minus(*a, *b);
}

const Amounts& benefit_amounts(const Tally& t, const std::string& id) {
  static const Amounts none;
  auto found = t.benefits.find(id);
  return found == t.benefits.end() ? none : found->second.amounts;
}

std::uint64_t benefit_families(const Tally& t, const std::string& id) {
  auto found = t.benefits.find(id);
  return found == t.benefits.end() ? 0 : found->second.families;
}

const KindAmounts& payer_amounts(const Tally& t, const std::string& name) {
  static const KindAmounts none;
  auto found = t.payers.find(name);
  return found == t.payers.end() ? none : found->second;
}

// Payers in the new version's order, then those only the baseline names.
std::vector<std::string> payer_order(const Policy& policy, const Policy& baseline, const ComparisonResult& r) {
  std::vector<std::string> names;
  for (const Policy* p : {&policy, &baseline})
    for (const auto& b : detail::compiled_of(*p).benefits)
      for (const auto& payer : b.payers)
        if ((r.tally.payers.count(payer.name) || r.baseline.payers.count(payer.name)) &&
            std::find(names.begin(), names.end(), payer.name) == names.end())
          names.push_back(payer.name);
  return names;
}

constexpr const char* row_format = "{:<34} {:<10} {:>16} {:>16} {:>16}\n";

// The rows of one benefit or payer, a period each where either version has an amount.
std::string amount_rows(const std::string& label, const Amounts& before, const Amounts& after) {
  std::string out;
  std::string shown = label;
  for (const auto& [words, p] : periods) {
    if (before.fen[p] == 0 && after.fen[p] == 0) continue;
    out += fmt::format(row_format, shown, words, yuan(before.fen[p]), yuan(after.fen[p]),
                       signed_yuan(minus(after.fen[p], before.fen[p])));
    shown.clear();
  }
  return out;
}

// A benefit is shown when it has amounts in either version, or when some
// family's verdict on it changed.
bool shown(const ComparisonResult& r, const BenefitUnion::Entry& b, const Amounts& before, const Amounts& after) {
  const auto i = static_cast<std::size_t>(&b - r.names.benefits.data());
  const bool changed = i < r.change.benefits.size() && r.change.benefits[i].families_changed > 0;
  return changed || !zero(before) || !zero(after);
}

std::string benefits_text(const ComparisonResult& r) {
  std::string out = fmt::format(row_format, "benefit (元)", "", "baseline", "new", "difference");
  int unchanged = 0;
  for (const auto& b : r.names.benefits) {
    const Amounts &before = benefit_amounts(r.baseline, b.id), &after = benefit_amounts(r.tally, b.id);
    const std::uint64_t then = benefit_families(r.baseline, b.id), now = benefit_families(r.tally, b.id);
    if (!shown(r, b, before, after)) {
      if (then > 0) ++unchanged;
      continue;
    }
    const std::string label = b.kind == AmountKind::cash ? b.id : fmt::format("{} ({})", b.id, to_string(b.kind));
    const auto change = static_cast<std::int64_t>(now) - static_cast<std::int64_t>(then);
    out += fmt::format(row_format, label, "families", then, now, fmt::format("{}{}", change > 0 ? "+" : "", change));
    out += amount_rows("", before, after);
  }
  if (unchanged > 0)
    out += fmt::format("({} benefits without an amount, granted to the same families in both, not shown)\n", unchanged);
  return out;
}

std::string totals_text(const ComparisonResult& r) {
  std::string out;
  for (AmountKind kind : all_kinds) {
    const Amounts &before = r.baseline.total[kind], &after = r.tally.total[kind];
    if (kind != AmountKind::cash && zero(before) && zero(after)) continue;
    const std::string label = kind == AmountKind::cash ? "total" : fmt::format("total {}", kind_words(kind));
    for (const auto& [words, p] : periods)
      out += fmt::format(row_format, words == periods[0].first ? label : "", words, yuan(before.fen[p]),
                         yuan(after.fen[p]), signed_yuan(minus(after.fen[p], before.fen[p])));
    auto then = year_cost(before), now = year_cost(after);
    out += fmt::format(row_format, kind == AmountKind::cash ? "a year's cost (12 × per month + per year)" : "a year's cost",
                       "", then ? yuan(*then) : "overflows", now ? yuan(*now) : "overflows",
                       signed_yuan(year_change(before, after)));
  }
  return out;
}

std::string payers_text(const Policy& policy, const Policy& baseline, const ComparisonResult& r) {
  auto names = payer_order(policy, baseline, r);
  if (names.empty()) return "";
  std::string out = "\n" + fmt::format(row_format, "payer (元)", "", "baseline", "new", "difference");
  for (const auto& name : names)
    for (AmountKind kind : all_kinds) {
      const Amounts &before = payer_amounts(r.baseline, name)[kind], &after = payer_amounts(r.tally, name)[kind];
      const std::string label = kind == AmountKind::cash ? name : fmt::format("{} ({})", name, to_string(kind));
      out += amount_rows(label, before, after);
    }
  return out;
}

std::string families_text(const ChangeTally& c) {
  std::string out = "\nfamilies, by the change in a year's cash (12 × per month + per year):\n";
  out += fmt::format("  gaining    {:>12}\n  losing     {:>12}\n  unchanged  {:>12}", c.gaining, c.losing, c.unchanged);
  out += c.unchanged_but_other > 0
             ? fmt::format("  ({} of them with another change: once, in kind, a service or a verdict)\n",
                           c.unchanged_but_other)
             : "\n";
  out += fmt::format("  largest gain {} 元, largest loss {} 元; all families together {} 元 a year\n",
                     signed_yuan(c.largest_gain), signed_yuan(c.largest_loss), signed_yuan(c.sum));
  out += fmt::format("\n{:<34} {:>10}\n", "change a year (元)", "families");
  for (std::size_t i = 0; i < change_buckets; ++i) out += fmt::format("  {:<32} {:>10}\n", bucket_label(i), c.buckets[i]);
  return out;
}

// The benefits whose amounts or verdicts changed for some family: the
// largest change of a year's value first, then of once, then by families.
std::vector<std::size_t> drivers(const ComparisonResult& r) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < r.change.benefits.size(); ++i)
    if (r.change.benefits[i].families_changed > 0) out.push_back(i);
  auto size = [](const std::optional<std::int64_t>& fen) {
    return !fen ? UINT64_MAX : *fen < 0 ? 0 - static_cast<std::uint64_t>(*fen) : static_cast<std::uint64_t>(*fen);
  };
  auto key = [&](std::size_t i) {
    const BenefitChange& b = r.change.benefits[i];
    return std::make_tuple(size(year_change(b.before, b.after)), size(minus(b.after.fen[once], b.before.fen[once])),
                           b.families_changed);
  };
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  return out;
}

std::string drivers_text(const ComparisonResult& r) {
  auto order = drivers(r);
  if (order.empty()) return "\nno benefit changes for any family\n";
  std::string out = "\nwhat drives the difference (benefits by the change of a year's value, then once):\n";
  for (std::size_t i : order) {
    const BenefitUnion::Entry& e = r.names.benefits[i];
    const BenefitChange& b = r.change.benefits[i];
    out += fmt::format("  {} {}  {}「{}」\n", e.id, e.title, e.cite, e.quote);
    out += fmt::format("      a year {} 元, once {} 元; families changed {} (more {}, less {}){}\n",
                       signed_yuan(year_change(b.before, b.after)), signed_yuan(minus(b.after.fen[once], b.before.fen[once])),
                       b.families_changed, b.families_more, b.families_less,
                       e.now < 0 ? "; only in the baseline" : e.then < 0 ? "; new" : "");
  }
  return out;
}

bool overflowed(const ComparisonResult& r) { return r.tally.overflow || r.baseline.overflow || r.change.overflow; }

}  // namespace

std::string comparison_text(const Policy& policy, const Policy& baseline, const ReportHeader& header,
                            const ComparisonResult& r) {
  std::string out = fmt::format("{} ({})\nagainst the baseline {} ({})\npopulation {}, as of {}\n\n", policy.info().title,
                                policy.info().document, baseline.info().title, baseline.info().document,
                                printable(header.population), header.as_of.to_string());
  const Tally& t = r.tally;
  out += fmt::format("families read              {:>12}\n", t.families + t.rejected_lines);
  out += fmt::format("families evaluated         {:>12}\n", t.families);
  out += fmt::format("rejected lines             {:>12}\n", t.rejected_lines);
  out += fmt::format("families granted anything  {:>12} baseline, {} new\n", r.baseline.granted, t.granted);
  out += fmt::format("families with undetermined {:>12} baseline, {} new\n\n", r.baseline.with_undetermined,
                     t.with_undetermined);
  out += benefits_text(r) + totals_text(r) + payers_text(policy, baseline, r) + families_text(r.change) + drivers_text(r);
  out += rejected_text(t);
  if (overflowed(r)) out += "\nerror: a total does not fit in 64 bits of fen: the totals above are void\n";
  return out;
}

namespace {

Json difference_json(const Amounts& before, const Amounts& after) {
  Json out = Json::object();
  for (const auto& [name, p] : {std::pair{"monthly", monthly}, {"yearly", yearly}, {"once", once}}) {
    auto d = minus(after.fen[p], before.fen[p]);
    out[name] = d ? Json(yuan(*d)) : Json();
  }
  return out;
}

Json three(Json before, Json after, Json difference) {
  Json out = Json::object();
  out["baseline"] = std::move(before);
  out["new"] = std::move(after);
  out["difference"] = std::move(difference);
  return out;
}

// By kind: {"cash": {"baseline": {...}, "new": {...}, "difference": {...}}, ...}.
Json kinds_json(const KindAmounts& before, const KindAmounts& after) {
  Json out = Json::object();
  for (AmountKind kind : all_kinds)
    out[to_string(kind)] = three(amounts_json(before[kind]), amounts_json(after[kind]), difference_json(before[kind], after[kind]));
  return out;
}

Json optional_yuan(const std::optional<std::int64_t>& fen) { return fen ? Json(yuan(*fen)) : Json(); }

Json benefits_json(const ComparisonResult& r) {
  Json out = Json::array();
  for (const auto& b : r.names.benefits) {
    const std::uint64_t then = benefit_families(r.baseline, b.id), now = benefit_families(r.tally, b.id);
    if (then == 0 && now == 0) continue;
    const Amounts &before = benefit_amounts(r.baseline, b.id), &after = benefit_amounts(r.tally, b.id);
    Json row = Json::object();
    row["benefit"] = b.id;
    row["title"] = b.title;
    row["kind"] = to_string(b.kind);
    row["families"] = three(then, now, static_cast<std::int64_t>(now) - static_cast<std::int64_t>(then));
    row["totals"] = three(amounts_json(before), amounts_json(after), difference_json(before, after));
    out.push_back(std::move(row));
  }
  return out;
}

Json families_json(const ChangeTally& c) {
  Json out = Json::object();
  out["gaining"] = c.gaining;
  out["losing"] = c.losing;
  out["unchanged"] = c.unchanged;
  out["unchanged_but_other"] = c.unchanged_but_other;
  out["largest_gain"] = yuan(c.largest_gain);
  out["largest_loss"] = yuan(c.largest_loss);
  out["sum"] = yuan(c.sum);
  Json& distribution = out["distribution"] = Json::array();
  for (std::size_t i = 0; i < change_buckets; ++i) {
    Json row = Json::object();
    row["change"] = bucket_label(i);
    row["families"] = c.buckets[i];
    distribution.push_back(std::move(row));
  }
  return out;
}

Json drivers_json(const ComparisonResult& r) {
  Json out = Json::array();
  for (std::size_t i : drivers(r)) {
    const BenefitUnion::Entry& e = r.names.benefits[i];
    const BenefitChange& b = r.change.benefits[i];
    Json row = Json::object();
    row["benefit"] = e.id;
    row["title"] = e.title;
    row["cite"] = e.cite;
    row["quote"] = e.quote;
    row["in"] = e.now < 0 ? "baseline" : e.then < 0 ? "new" : "both";
    row["year_change"] = optional_yuan(year_change(b.before, b.after));
    row["once_change"] = optional_yuan(minus(b.after.fen[once], b.before.fen[once]));
    row["families_changed"] = b.families_changed;
    row["families_more"] = b.families_more;
    row["families_less"] = b.families_less;
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

std::string comparison_json(const Policy& policy, const Policy& baseline, const ReportHeader& header,
                            const ComparisonResult& r) {
  const Tally& t = r.tally;
  Json out = Json::object();
  out["policy"] = policy.info().title;
  out["document"] = policy.info().document;
  out["baseline_policy"] = baseline.info().title;
  out["baseline_document"] = baseline.info().document;
  out["population"] = header.population;
  out["as_of"] = header.as_of.to_string();
  out["families_read"] = t.families + t.rejected_lines;
  out["families_evaluated"] = t.families;
  out["families_granted"] = three(r.baseline.granted, t.granted,
                                  static_cast<std::int64_t>(t.granted) - static_cast<std::int64_t>(r.baseline.granted));
  out["benefits"] = benefits_json(r);
  out["totals"] = kinds_json(r.baseline.total, t.total);
  Json& years = out["year_cost"] = Json::object();
  for (AmountKind kind : all_kinds)
    years[to_string(kind)] = three(optional_yuan(year_cost(r.baseline.total[kind])), optional_yuan(year_cost(t.total[kind])),
                                   optional_yuan(year_change(r.baseline.total[kind], t.total[kind])));
  Json& payers = out["payers"] = Json::array();
  for (const auto& name : payer_order(policy, baseline, r)) {
    Json row = Json::object();
    row["payer"] = name;
    row["totals"] = kinds_json(payer_amounts(r.baseline, name), payer_amounts(t, name));
    payers.push_back(std::move(row));
  }
  out["families"] = families_json(r.change);
  out["drivers"] = drivers_json(r);
  out["rejected_lines"] = t.rejected_lines;
  out["rejected"] = rejected_json(t);
  out["overflow"] = overflowed(r);
  return out.dump(2) + "\n";
}

}  // namespace fuzhu::sim
