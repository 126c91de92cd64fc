// Whether the flat evaluator (eval/flat_eval.hpp) decides a family exactly
// as the tree walker (eval/evaluate.hpp), the reference: the same rows in
// the same order, amounts, payers and shares, needed facts in the same
// order, reasons, and the same error at the same place. Stricter than
// decisions_match.hpp, which compares through the public strings. And
// whether they explain a family alike: every row, node, value, note and
// fact (explanations_differ). Used by tests/unit/test_flat_eval.cpp and
// fuzz/fuzz_flat.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "eval/arithmetic.hpp"
#include "eval/evaluate.hpp"
#include "eval/explain_rows.hpp"
#include "eval/flat_eval.hpp"

namespace fuzhu::testing {

namespace agree_detail {

/// One evaluator's answer: its decisions, or the error it threw.
struct Answer {
  detail::Decisions decisions;
  std::optional<detail::EvalError> error;
};

template <typename Run>
Answer answer(Run run) {
  Answer a;
  try {
    run(a.decisions);
  } catch (const detail::EvalError& e) {
    a.error = e;
  }
  return a;
}

inline std::string fen(const std::optional<std::int64_t>& f) { return f ? std::to_string(*f) : "-"; }

// The decisions as one line each, every field in order.
inline std::vector<std::string> lines(const detail::Decisions& d) {
  std::vector<std::string> out;
  out.push_back(fmt::format("in_force {} in_jurisdiction {}", d.in_force,
                            d.in_jurisdiction ? (*d.in_jurisdiction ? "yes" : "no") : "unknown"));
  for (const auto& g : d.granted)
    out.push_back(fmt::format("granted {} to {} fen {} payers {}+{} split_undetermined {} split needs {}+{}", g.benefit,
                              g.recipient, fen(g.fen), g.first_payer, g.payer_count, g.split_undetermined,
                              g.first_split_need, g.split_need_count));
  for (const auto& p : d.payers) out.push_back(fmt::format("payer {} fen {}", p.payer, fen(p.fen)));
  for (const auto& u : d.undetermined)
    out.push_back(fmt::format("undetermined {} for {} needs {}+{} reason '{}'", u.benefit, u.recipient, u.first_need,
                              u.need_count, u.reason));
  out.push_back(fmt::format("needs [{}]", fmt::join(d.needs, " ")));
  out.push_back(fmt::format("not granted [{}]", fmt::join(d.not_granted, " ")));
  return out;
}

// An explanation node and its parts as lines, indented by depth.
inline void node_lines(const ExplainNode& n, int depth, std::vector<std::string>& out) {
  out.push_back(fmt::format("{:{}}'{}' = '{}' evaluated {} definition '{}' note '{}'", "", depth * 2, n.text, n.value,
                            n.evaluated, n.definition, n.note));
  for (const auto& o : n.operands) out.push_back(fmt::format("{:{}}  operand '{}' = '{}'", "", depth * 2, o.name, o.value));
  for (const auto& part : n.parts) node_lines(part, depth + 1, out);
}

// The explanations as lines, every field of every row in order.
inline std::vector<std::string> lines(const std::vector<Explanation>& rows) {
  std::vector<std::string> out;
  for (const Explanation& x : rows) {
    out.push_back(fmt::format("row {} for {}: {} reason '{}' needs [{}]", x.benefit, x.recipient, to_string(x.decision),
                              x.reason, fmt::join(x.needs(), " ")));
    for (const auto& [name, node] : {std::pair{"condition", x.condition()}, std::pair{"where", x.where()},
                                     std::pair{"amount", x.amount()}}) {
      out.push_back(fmt::format("{} {}", name, node ? "" : "none"));
      if (node) node_lines(*node, 1, out);
    }
    for (const auto& fact : x.facts()) out.push_back(fmt::format("fact {} = {}", fact.name, fact.value));
  }
  return out;
}

inline std::string first_difference(const std::vector<std::string>& want, const std::vector<std::string>& got) {
  for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    const std::string w = i < want.size() ? want[i] : "(nothing)", g = i < got.size() ? got[i] : "(nothing)";
    if (w != g) return fmt::format("tree walker: {}; flat: {}", w, g);
  }
  return {};
}

inline std::string error_text(const std::optional<detail::EvalError>& e) {
  if (!e) return "no error";
  return fmt::format("error at {}:{} '{}'", e->loc.file, e->loc.offset, e->message);
}

}  // namespace agree_detail

/// "" when both evaluators decide `facts` alike, otherwise the first
/// difference. The facts must have passed check_facts.
inline std::string evaluators_differ(const detail::CompiledPolicy& policy, const detail::FactsData& facts,
                                     const Date& as_of, const EvalOptions& options, detail::Scratch& tree,
                                     detail::FlatScratch& flat) {
  using namespace agree_detail;
  const Answer reference =
      answer([&](detail::Decisions& out) { detail::decide(policy, facts, as_of, options, tree, out); });
  const Answer fast =
      answer([&](detail::Decisions& out) { detail::flat_decide(policy, facts, as_of, options, flat, out); });
  if (error_text(reference.error) != error_text(fast.error))
    return fmt::format("tree walker: {}; flat: {}", error_text(reference.error), error_text(fast.error));
  if (reference.error) return {};
  return first_difference(lines(reference.decisions), lines(fast.decisions));
}

/// "" when both evaluators decide and explain `facts` alike, otherwise the
/// first difference. Memory is fresh, as Policy::evaluate's is.
inline std::string explanations_differ(const detail::CompiledPolicy& policy, const detail::FactsData& facts,
                                       const Date& as_of, EvalOptions options) {
  using namespace agree_detail;
  options.explain = true;
  detail::Explained by_tree, by_flat;  // each keeps its trace while its rows are read
  const Answer reference = answer([&](detail::Decisions& out) {
    detail::Scratch scratch;
    scratch.fit(policy);
    detail::ExplanationRows rows(policy, facts, as_of, options.lang);
    detail::decide(policy, facts, as_of, options, scratch, out, &rows);
    by_tree = rows.finish();
  });
  const Answer fast = answer([&](detail::Decisions& out) {
    detail::FlatScratch scratch;
    scratch.fit(policy);
    detail::ExplanationRows rows(policy, facts, as_of, options.lang);
    detail::flat_decide(policy, facts, as_of, options, scratch, out, &rows);
    by_flat = rows.finish();
  });
  if (error_text(reference.error) != error_text(fast.error))
    return fmt::format("tree walker: {}; flat: {}", error_text(reference.error), error_text(fast.error));
  if (reference.error) return {};
  if (std::string d = first_difference(lines(reference.decisions), lines(fast.decisions)); !d.empty()) return d;
  return first_difference(lines(by_tree.rows), lines(by_flat.rows));
}

}  // namespace fuzhu::testing
