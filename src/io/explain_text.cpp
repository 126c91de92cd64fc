// Why each benefit was granted or not, for people (`fuzhu eval --explain`).
//
//   special_allowance 特别扶助金  一（一）「每人每月分别提高到490元、420元」
//     when 扶助对象家庭 = 计生特困家庭 and age(mother) >= 49 → false
//       计生特困家庭 = special_family → true
//         …
//       age(mother) >= 49 → false   [age(mother) = 47]
//     女方 mother: not granted 不享有
//     facts read: child.status = deceased, mother.birth_date = 1979-06-01, …
//
// Each line is a part of the condition as written, its value for the family,
// and in brackets the values it compared; parts are indented under the whole.
// A definition's breakdown is printed the first time it appears.
#include <set>

#include <fmt/format.h>

#include "fuzhu/result.hpp"
#include "io/text_labels.hpp"
#include "syntax/printable.hpp"

namespace fuzhu {

namespace {

const char* decision_text(Decision d) {
  switch (d) {
    case Decision::granted: return "granted 享有";
    case Decision::not_granted: return "not granted 不享有";
    case Decision::undetermined: return "undetermined 待定";
  }
  return "";
}

class ExplainWriter {
 public:
  explicit ExplainWriter(const Evaluation& e) : e_(e) {}

  std::string write() {
    const auto& rows = *e_.explanations;
    out_ += "\nWhy, benefit by benefit (依据):\n";
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
  std::string out_;
  std::set<std::string> shown_;  // definitions already broken down

  // One benefit: its clause, its condition (shared by its recipients), then
  // each recipient's decision, `where` and amount, then the facts read.
  void benefit(const Explanation* begin, const Explanation* end) {
    const Explanation& x = *begin;
    out_ += fmt::format("\n{} {}  {}{}\n", x.benefit, x.title, x.cite, x.quote.empty() ? "" : "「" + x.quote + "」");
    if (x.condition) node(*x.condition, 1, "when ");
    std::vector<NamedValue> facts;
    for (const Explanation* row = begin; row != end; ++row) {
      recipient(*row);
      if (row->where) node(*row->where, 2, "where ");
      if (row->amount) node(*row->amount, 2, "amount ");
      for (const auto& f : row->facts) {
        bool seen = false;
        for (const auto& g : facts) seen = seen || g.name == f.name;
        if (!seen) facts.push_back(f);
      }
    }
    if (!facts.empty()) {
      std::vector<std::string> read;
      for (const auto& f : facts) read.push_back(f.name + " = " + printable(f.value));  // a fact may hold any character
      out_ += fmt::format("  facts read: {}\n", fmt::join(read, ", "));
    }
  }

  void recipient(const Explanation& x) {
    out_ += fmt::format("  {} {}: {}", detail::recipient_zh(x.recipient), x.recipient, decision_text(x.decision));
    if (const Entitlement* granted = entitlement(x)) {
      out_ += fmt::format(", {}", detail::period_zh(granted->period));
      if (granted->amount) out_ += fmt::format(" {}{} 元", granted->minimum ? "≥ " : "", granted->amount->to_string());
    }
    if (!x.needs.empty()) out_ += fmt::format(" — ask for: {}", fmt::join(x.needs, ", "));
    if (!x.reason.empty()) out_ += fmt::format(" — {}", x.reason);
    out_ += "\n";
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
    std::string head = n.definition.empty() || again ? n.text : n.text + " = " + n.definition;
    out_ += fmt::format("{}{}{} → {}", indent, label, head, n.evaluated ? n.value : "not needed");
    if (again) {
      out_ += "  (see above)\n";
      return;
    }
    if (!n.note.empty()) out_ += fmt::format("  ({})", n.note);
    if (!n.operands.empty()) {
      std::vector<std::string> values;
      for (const auto& o : n.operands) values.push_back(o.name + " = " + printable(o.value));
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
