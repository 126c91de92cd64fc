// Why each benefit was granted or not, for people (`fuzhu eval --explain`).
//
//   special_allowance 特别扶助金  一（一）「每人每月分别提高到490元、420元」
//     规则：条件：扶助对象家庭；对象：夫妻每人；金额：子女死亡每月490元，…
//     条件 扶助对象家庭 = 计生特困家庭 and age(mother) >= 49 → 否
//       计生特困家庭 = special_family → 是
//         …
//       age(mother) >= 49 → 否   [age(mother) = 47]
//     女方 mother：不享有
//     读取的事实：child.status = deceased, mother.birth_date = 1979-06-01, …
//
// First the benefit's rule in plain words (docs/plain.md), then each part of
// the condition as written, its value for the family, and in brackets the
// values it compared; parts are indented under the whole. A definition's
// breakdown is printed the first time it appears, later uses say 同上. The
// words are Chinese, or English with `--lang en` (Evaluation::lang).
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "fuzhu/result.hpp"
#include "io/text_labels.hpp"
#include "syntax/printable.hpp"

namespace fuzhu {

namespace {

// The words of the explanation, in the evaluation's language.
struct ExplainWords {
  std::string_view heading, rule, when, where, amount, facts_read, ask_for, not_needed, as_above;
  std::string_view granted, not_granted, undetermined, yes, no, unknown, colon;
};

constexpr ExplainWords chinese{"\n依据（逐项说明）：\n", "规则：", "条件 ", "其中 ", "金额 ", "读取的事实：", "需补充：",
                               "无需判断", "（同上）", "享有", "不享有", "待定", "是", "否", "未知", "："};
constexpr ExplainWords english{"\nWhy, benefit by benefit:\n", "Rule: ", "when ", "where ", "amount ", "facts read: ",
                               "ask for: ", "not needed", "  (as above)", "granted", "not granted", "undetermined",
                               "true", "false", "unknown", ": "};

const ExplainWords& words_for(Lang lang) { return lang == Lang::en ? english : chinese; }

class ExplainWriter {
 public:
  explicit ExplainWriter(const Evaluation& e) : e_(e), w_(words_for(e.lang)) {}

  std::string write() {
    const auto& rows = *e_.explanations;
    out_ += w_.heading;
    for (std::size_t first = 0; first < rows.size();) {
      std::size_t last = first;
      while (last < rows.size() && rows[last].benefit == rows[first].benefit) ++last;
      benefit(rows.data() + first, rows.data() + last);
      first = last;
    }
    return out_;
  }

 private:
  const Evaluation& e_;
  const ExplainWords& w_;
  std::string out_;
  std::set<std::string_view> shown_;  // definitions already broken down (the policy's text, borrowed)

  // One benefit: its clause, its condition (shared by its recipients), then
  // each recipient's decision, `where` and amount, then the facts read.
  void benefit(const Explanation* begin, const Explanation* end) {
    const Explanation& x = *begin;
    out_ += fmt::format("\n{} {}  {}{}\n", x.benefit, x.title, x.cite, x.quote.empty() ? "" : fmt::format("「{}」", x.quote));
    if (!x.plain.empty()) out_ += fmt::format("  {}{}\n", w_.rule, x.plain);
    if (const auto condition = x.condition()) node(*condition, 1, w_.when);
    std::vector<NamedValue> facts;
    for (const Explanation* row = begin; row != end; ++row) {
      recipient(*row);
      if (const auto where = row->where()) node(*where, 2, w_.where);
      if (const auto amount = row->amount()) node(*amount, 2, w_.amount);
      for (const auto& f : row->facts()) {
        bool seen = false;
        for (const auto& g : facts) seen = seen || g.name == f.name;
        if (!seen) facts.push_back(f);
      }
    }
    if (!facts.empty()) {
      std::vector<std::string> read;
      for (const auto& f : facts) read.push_back(std::string(f.name) + " = " + printable(shown(f.value)));  // a fact may hold any character
      out_ += fmt::format("  {}{}\n", w_.facts_read, fmt::join(read, ", "));
    }
  }

  void recipient(const Explanation& x) {
    out_ += fmt::format("  {} {}{}{}", detail::recipient_zh(x.recipient), x.recipient, w_.colon, decision_text(x.decision));
    if (const Entitlement* granted = entitlement(x)) {
      out_ += fmt::format(", {}", detail::period_zh(granted->period));
      if (granted->amount) out_ += fmt::format(" {}{} 元", granted->minimum ? "≥ " : "", granted->amount->to_string());
    }
    if (const auto needs = x.needs(); !needs.empty()) out_ += fmt::format(" — {}{}", w_.ask_for, fmt::join(needs, ", "));
    if (!x.reason.empty()) out_ += fmt::format(" — {}", x.reason);
    out_ += "\n";
  }

  std::string_view decision_text(Decision d) const {
    switch (d) {
      case Decision::granted: return w_.granted;
      case Decision::not_granted: return w_.not_granted;
      case Decision::undetermined: return w_.undetermined;
    }
    return "";
  }

  // A condition's value in the reader's words: 是, 否, 未知.
  std::string_view shown(const std::string& value) const {
    if (value == "true") return w_.yes;
    if (value == "false") return w_.no;
    if (value == "unknown") return w_.unknown;
    return value;
  }

  const Entitlement* entitlement(const Explanation& x) const {
    if (x.decision != Decision::granted) return nullptr;
    for (const auto& granted : e_.entitlements)
      if (granted.benefit == x.benefit && granted.recipient == x.recipient) return &granted;
    return nullptr;
  }

  // `text → value  (note)   [operand = value; …]`, then the parts beneath.
  void node(const ExplainNode& n, int depth, std::string_view label) {
    std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    bool again = !n.definition.empty() && !shown_.insert(n.text).second;
    std::string head = n.definition.empty() || again ? std::string(n.text) : fmt::format("{} = {}", n.text, n.definition);
    out_ += fmt::format("{}{}{} → {}", indent, label, head, n.evaluated ? shown(n.value) : w_.not_needed);
    if (again) {
      out_ += fmt::format("{}\n", w_.as_above);
      return;
    }
    if (!n.note.empty()) out_ += fmt::format("  ({})", n.note);
    if (!n.operands.empty()) {
      std::vector<std::string> values;
      for (const auto& o : n.operands) values.push_back(std::string(o.name) + " = " + printable(shown(o.value)));
      out_ += fmt::format("   [{}]", fmt::join(values, "; "));
    }
    out_ += "\n";
    for (const auto& part : n.parts) node(part, depth + 1, "");
  }
};

}  // namespace

std::string explain_text(const Evaluation& evaluation) {
  if (!evaluation.explanations) return "";
  return ExplainWriter(evaluation).write();
}

}  // namespace fuzhu
