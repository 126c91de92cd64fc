#include "versions/family_diff.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace fuzhu::versions {

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::granted: return "granted";
    case Outcome::lost: return "lost";
    case Outcome::changed: return "changed";
    case Outcome::undetermined: return "undetermined";
    case Outcome::decided_not: return "not_granted";
  }
  return "changed";
}

namespace {

const char* period_words(Period p) {
  switch (p) {
    case Period::monthly: return "a month";
    case Period::yearly: return "a year";
    case Period::once: return "once";
  }
  return "";
}

std::string payers_text(const Entitlement& x) {
  if (x.payers_undetermined) return "payers undetermined";
  std::vector<std::string> shares;
  for (const auto& p : x.payers) shares.push_back(p.amount ? fmt::format("{} {}", p.name, p.amount->to_string()) : std::string(p.name));
  return shares.empty() ? "" : fmt::format("paid by {}", fmt::join(shares, ", "));
}

// What one recipient has under one benefit in one evaluation.
struct State {
  enum Kind { none, granted, undetermined } kind = none;
  std::string text;  // granted: describe(); undetermined: the needs
  std::optional<Money> amount;
  std::string plain;  // text in plain words
};

// A fact as a reader asks for it: by its label, the path after it for
// whoever fills in the facts file.
std::string fact_name(std::string_view path, Lang lang, const FactsSchema* schema) {
  const FactInfo* fact = schema && lang == Lang::zh ? schema->find(path) : nullptr;
  return fact && !fact->label.empty() ? fmt::format("{}（{}）", fact->label, path) : std::string(path);
}

std::string plain_undetermined(const Undetermined& u, Lang lang, const FactsSchema* schema) {
  const bool zh = lang == Lang::zh;
  if (u.needs.empty()) return zh ? "无法确定" : "undetermined";
  std::vector<std::string> needs;
  for (const auto& path : u.needs) needs.push_back(fact_name(path, lang, schema));
  return fmt::format(fmt::runtime(zh ? "无法确定（需补充：{}）" : "undetermined (missing facts: {})"),
                     fmt::join(needs, zh ? "、" : ", "));
}

using Key = std::pair<std::string, std::string>;  // benefit, recipient

std::map<Key, State> states_of(const Evaluation& e, Lang lang, const FactsSchema* schema) {
  std::map<Key, State> out;
  for (const auto& x : e.entitlements) {
    State& s = out[Key(x.benefit, x.recipient)];
    s.kind = State::granted;
    s.text = describe(x);
    s.amount = x.amount;
    s.plain = describe_plain(x, lang);
  }
  for (const auto& u : e.undetermined)
    for (const auto& r : u.recipients) {
      std::string why = u.needs.empty() ? u.reason : fmt::format("needs {}", fmt::join(u.needs, ", "));
      out[Key(u.benefit, r)] = {State::undetermined, why.empty() ? "undetermined" : "undetermined (" + why + ")", {},
                             plain_undetermined(u, lang, schema)};
    }
  return out;
}

std::string shown(const State& s) { return s.kind == State::none ? "—" : s.text; }
std::string shown_plain(const State& s) { return s.kind == State::none ? "—" : s.plain; }

// 每月不低于490元, 一次性5000元, 服务 (at least 490 yuan a month, 5000 yuan once, a service).
std::string plain_amount(const Entitlement& x, Lang lang) {
  const bool zh = lang == Lang::zh;
  const char* period = !x.period ? "" : *x.period == Period::monthly ? (zh ? "每月" : "a month")
                                      : *x.period == Period::yearly  ? (zh ? "每年" : "a year")
                                                                     : (zh ? "一次性" : "once");
  if (!x.amount) return x.period ? fmt::format(fmt::runtime(zh ? "{}，文件未定数额" : "{}, no figure"), period) : (zh ? "服务" : "a service");
  const char* minimum = x.minimum ? (zh ? "不低于" : "at least ") : "";
  if (zh) return fmt::format("{}{}{}元", period, minimum, x.amount->to_string());
  return fmt::format("{}{} yuan{}{}", minimum, x.amount->to_string(), x.period ? " " : "", period);
}

Outcome outcome_of(const State& before, const State& after) {
  if (after.kind == State::granted) return before.kind == State::granted ? Outcome::changed : Outcome::granted;
  if (after.kind == State::undetermined) return Outcome::undetermined;
  return before.kind == State::granted ? Outcome::lost : Outcome::decided_not;
}

// Titles and the order of benefits: the new version's first.
std::vector<std::pair<std::string, std::string>> benefit_order(const Evaluation& before, const Evaluation& after) {
  std::vector<std::pair<std::string, std::string>> ids;
  auto add = [&](std::string_view id, std::string_view title) {
    if (std::none_of(ids.begin(), ids.end(), [&](const auto& p) { return p.first == id; })) ids.emplace_back(id, title);
  };
  for (const Evaluation* e : {&after, &before}) {
    for (const auto& x : e->entitlements) add(x.benefit, x.title);
    for (const auto& u : e->undetermined) add(u.benefit, u.title);
  }
  return ids;
}

}  // namespace

std::string describe(const Entitlement& x) {
  std::string out;
  if (!x.period) out = x.amount ? x.amount->to_string() + " 元" : "a service";
  else if (!x.amount) out = fmt::format("{}, no figure", to_string(*x.period));
  else out = fmt::format("{}{} 元 {}", x.minimum ? "at least " : "", x.amount->to_string(), period_words(*x.period));
  if (x.in_kind) out += ", in kind";
  if (x.discretionary) out += ", discretionary";
  if (std::string payers = payers_text(x); !payers.empty()) out += "; " + payers;
  return out;
}

std::string describe_plain(const Entitlement& x, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out = plain_amount(x, lang);
  if (x.in_kind) out += zh ? "，实物" : ", in kind";
  if (x.discretionary) out += zh ? "，有条件的地方可发放" : ", where local conditions allow";
  std::vector<std::string> shares;
  for (const auto& p : x.payers)
    shares.push_back(!p.amount ? std::string(p.name) : fmt::format(fmt::runtime(zh ? "{}{}元" : "{} {} yuan"), p.name, p.amount->to_string()));
  if (x.payers_undetermined) out += zh ? "；出资方无法确定" : "; payers undetermined";
  else if (!shares.empty()) out += fmt::format(fmt::runtime(zh ? "；出资：{}" : "; paid by: {}"), fmt::join(shares, zh ? "、" : ", "));
  return out;
}

std::vector<EntitlementChange> diff_family(const Evaluation& before, const Evaluation& after, Lang lang,
                                           const FactsSchema* schema) {
  const auto old_states = states_of(before, lang, schema), new_states = states_of(after, lang, schema);
  // Recipients in the order the evaluations name them (mother, father, child, household).
  std::vector<std::string> recipients;
  auto add = [&](std::string_view r) {
    if (std::find(recipients.begin(), recipients.end(), r) == recipients.end()) recipients.emplace_back(r);
  };
  for (const Evaluation* e : {&after, &before}) {
    for (const auto& x : e->entitlements) add(x.recipient);
    for (const auto& u : e->undetermined)
      for (const auto& r : u.recipients) add(r);
  }
  std::vector<EntitlementChange> out;
  for (const auto& [id, title] : benefit_order(before, after))
    for (const auto& recipient : recipients) {
      const Key key{id, recipient};
      auto o = old_states.find(key);
      auto n = new_states.find(key);
      const State b = o == old_states.end() ? State{} : o->second;
      const State a = n == new_states.end() ? State{} : n->second;
      if (b.kind == a.kind && b.text == a.text) continue;
      out.push_back({outcome_of(b, a), id, title, recipient, shown(b), shown(a), b.amount, a.amount, shown_plain(b),
                     shown_plain(a)});
    }
  return out;
}

}  // namespace fuzhu::versions
