// fuzhu — what an evaluation says a family is entitled to.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fuzhu/export.hpp"
#include "fuzhu/plain.hpp"
#include "fuzhu/value.hpp"

namespace fuzhu {

namespace detail {
struct ExplainTrace;
class ExplanationRows;
}  // namespace detail

// ------------------------------------------------------------ lifetimes
// An Evaluation borrows the text that is the same for every family from the
// compiled policy instead of copying it: the fields of type std::string_view
// (benefit ids, titles, recipients, cites, quotes, payer names, fact paths,
// the policy's title, an explanation's expressions as written and plain
// rules, ...) point into the policy's compiled storage. Each
// Evaluation holds that storage alive (Evaluation::keeps_policy_alive), so
// the views stay valid as long as the Evaluation, or any copy of it, lives:
// even after every Policy object is destroyed. A view taken out of the
// Evaluation (a string_view copied into a struct of your own) is valid only
// while some Evaluation of that policy (or the Policy) lives: copy it into a
// std::string to keep it longer. The views are not NUL-terminated: use
// .data() with .size(), never as a C string. Text worked out for the family
// (reasons, warnings, explanations' values and notes) is std::string, owned,
// but for an Explanation's reason, which its Evaluation's trace holds.

enum class Period { monthly, yearly, once };
FUZHU_API const char* to_string(Period period);

/// What kind of amount an entitlement is, for totals that keep the kinds
/// apart and never add one into another. Each entitlement counts in exactly
/// one kind: discretionary (有条件的地方可: it may not be paid at all) before
/// minimum (不低于: the real figure may be higher) before in kind (实物: the
/// value of something given or bought) before cash.
enum class AmountKind { cash, in_kind, minimum, discretionary };
FUZHU_API const char* to_string(AmountKind kind);  ///< "cash", "in_kind", "minimum", "discretionary"

inline AmountKind amount_kind(bool in_kind, bool minimum, bool discretionary) {
  if (discretionary) return AmountKind::discretionary;
  if (minimum) return AmountKind::minimum;
  return in_kind ? AmountKind::in_kind : AmountKind::cash;
}

/// Who pays (part of) a benefit, and how much of it where the policy says.
struct Payer {
  std::string_view name;  ///< borrowed from the policy (see "lifetimes")
  std::optional<Money> amount;
};

/// One benefit granted to one recipient. Every text field is borrowed from
/// the policy (see "lifetimes" above).
struct Entitlement {
  std::string_view benefit;          ///< the catalog id
  std::string_view title;
  std::string_view recipient;        ///< mother | father | child | household
  std::optional<Period> period;      ///< none for a service
  std::optional<Money> amount;       ///< none when the document sets no figure
  bool minimum = false;              ///< the amount is a floor (不低于)
  bool discretionary = false;        ///< 有条件的地方可
  bool in_kind = false;              ///< the amount is the value of something given or bought (实物)
  std::string_view cite;             ///< the clause of the document
  std::string_view quote;
  std::string_view grants;           ///< what a service consists of
  std::string_view paid_to;          ///< who is paid instead of the recipient (`paid to`); empty: the recipient
  /// Who pays, with each payer's share where the policy splits the amount;
  /// the shares add up to the amount. Empty when the policy names no payer.
  std::vector<Payer> payers;
  /// Who pays depends on facts the family did not give (payers_needs):
  /// payers is then empty, never a partial split.
  bool payers_undetermined = false;
  std::vector<std::string_view> payers_needs;  ///< fact paths

  AmountKind kind() const { return amount_kind(in_kind, minimum, discretionary); }
};

/// A benefit whose condition (or amount) cannot be decided from the facts.
/// Every field but `reason` is borrowed from the policy (see "lifetimes").
struct Undetermined {
  std::string_view benefit;
  std::string_view title;
  std::vector<std::string_view> recipients;  ///< mother | father | child | household
  std::string_view cite;
  std::vector<std::string_view> needs;  ///< fact paths that would decide it: each recipient's in the schema's order of facts
  std::string reason;                ///< set when it is not a missing fact
};

// ------------------------------------------------------------ explanations
// Asked for with EvalOptions::explain (`fuzhu eval --explain`): why each
// benefit was granted, not granted or left undetermined. Values are written
// in the policy's terms: dates as YYYY-MM-DD, money as "490 元", enum values
// by name, strings quoted, and "unknown" for a fact the family did not give.

/// A name and its value for this family: an operand ("age(mother)", "47") or
/// a fact read ("mother.birth_date", "1979-06-01").
struct NamedValue {
  std::string_view name;  ///< the policy's text or fact path, borrowed (see "lifetimes")
  std::string value;
};

/// One part of a condition or an amount, as written, with its value. The
/// text as written is borrowed from the policy (see "lifetimes").
struct ExplainNode {
  std::string_view text;             ///< the expression as written (blanks condensed, comments dropped)
  std::string value;                 ///< its value; empty when it was not evaluated
  bool evaluated = true;             ///< false: not needed, the other parts already decided
  std::string_view definition;       ///< for a definition's name: its body as written
  std::string note;                  ///< "from 2017-09-29" (schedule row), "for mother" (any/all), a granted() benefit's outcome
  std::vector<NamedValue> operands;  ///< values it compared or computed with that are not parts of their own
  std::vector<ExplainNode> parts;    ///< sub-conditions (and/or/not operands, definitions, chosen arms)
};

enum class Decision { granted, not_granted, undetermined };
FUZHU_API const char* to_string(Decision decision);  ///< "granted", "not_granted", "undetermined"

/// Why one benefit is, is not, or may be granted to one recipient. Every
/// benefit of the policy has one row per possible recipient. All the text
/// fields are borrowed (see "lifetimes"): from the policy, and `reason` from
/// the family's trace, which the Evaluation holds (keeps_trace_alive).
///
/// Explaining records each step of the evaluation in a trace, one per
/// family; a row names the steps of its condition, `where` and amount. The
/// trees of ExplainNode and the facts read are built from that trace when
/// you call condition(), where(), amount() or facts(): each call builds
/// anew, so keep what it returns rather than calling it again. They read
/// the trace through the Evaluation that holds it: call them while that
/// Evaluation, or a copy of it, lives. They are const and safe to call from
/// several threads at once.
struct Explanation {
  std::string_view benefit;             ///< the catalog id
  std::string_view title;
  std::string_view recipient;           ///< mother | father | child | household
  Decision decision = Decision::not_granted;
  std::string_view cite, quote;         ///< the clause of the document
  std::string_view reason;              ///< what decided it besides the conditions ("there is no father in the facts")
  std::string_view plain;               ///< the benefit's rule in plain words (fuzhu/plain.hpp), in EvalOptions::lang

  /// Undetermined: the facts that would decide it (their paths), in the
  /// schema's order. Held by the trace, like reason.
  FUZHU_API std::span<const std::string_view> needs() const;

  /// The `when`; none when the benefit has none or it was not reached.
  FUZHU_API std::optional<ExplainNode> condition() const;
  /// This recipient's `where`, when evaluated.
  FUZHU_API std::optional<ExplainNode> where() const;
  /// The amount, when granted.
  FUZHU_API std::optional<ExplainNode> amount() const;
  /// Every fact the condition, `where` and amount read, by path, with its
  /// value or "unknown", each once, in the order first read.
  FUZHU_API std::vector<NamedValue> facts() const;

 private:
  friend class detail::ExplanationRows;  // writes the row and names its steps
  const detail::ExplainTrace* trace_ = nullptr;
  int condition_ = -1, where_ = -1, amount_ = -1;  // steps of the trace; -1: none
  int first_need_ = 0, need_count_ = 0;            // into the trace's needs
};

/// The answer for one family on one evaluation date.
struct Evaluation {
  std::string_view policy;           ///< the policy's title (borrowed, like every string_view here)
  std::string_view document;         ///< the document number
  std::string_view status;           ///< "final" or "draft"
  Date as_of;
  bool in_force = false;
  std::optional<Date> in_force_from, in_force_to;  ///< the header's window, both ends inclusive; to: none when open
  std::optional<bool> in_jurisdiction;  ///< none when household.region is unknown
  std::vector<Entitlement> entitlements;
  std::vector<Undetermined> undetermined;
  std::vector<std::string_view> not_granted;  ///< benefit ids decided false
  std::vector<std::string> warnings;     ///< e.g. unknown fields in the facts
  /// Only with EvalOptions::explain: a row per benefit and recipient, in the
  /// policy's order.
  std::optional<std::vector<Explanation>> explanations;
  /// The language the explanations are written for (EvalOptions::lang):
  /// their plain rules, and the words of explain_text().
  Lang lang = Lang::zh;
  /// Owns nothing you read: it shares ownership of the compiled policy whose
  /// storage the string_view fields point into, so that they stay valid as
  /// long as this Evaluation or a copy of it lives (see "lifetimes"). Set by
  /// Policy::evaluate; empty in an Evaluation you build yourself, whose views
  /// must then point at text you keep alive.
  std::shared_ptr<const void> keeps_policy_alive;
  /// With explanations: the family's trace, which their condition(),
  /// where(), amount() and facts() are built from and their reasons borrow.
  /// Shared by the copies of this Evaluation; empty without explanations.
  std::shared_ptr<const detail::ExplainTrace> keeps_trace_alive;

  bool is_draft() const { return status == "draft"; }
};

/// The sum of the amounts of one period's entitlements of one kind (cash by
/// default: what is paid in money, firmly), exact; none if the sum does not
/// fit in 64 bits of fen. The kinds are never added together.
FUZHU_API std::optional<Money> total(const Evaluation& evaluation, Period period, AmountKind kind = AmountKind::cash);

/// The JSON contract of `fuzhu eval --format json`; with explanations, an
/// "explanations" array after every other field.
FUZHU_API std::string to_json(const Evaluation& evaluation);
/// A readable table for staff, with totals per month, per year and once;
/// then, when the evaluation carries explanations, explain_text().
FUZHU_API std::string to_text(const Evaluation& evaluation);
/// Why each benefit was granted or not, for people: the conditions indented
/// by their structure, each part with its value. Empty without explanations.
FUZHU_API std::string explain_text(const Evaluation& evaluation);

}  // namespace fuzhu
