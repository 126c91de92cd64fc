// Explaining over flat code: the traced instantiation of the flat
// evaluator, apart from the plain one (see flat_evaluator.hpp).
#include "eval/flat_evaluator.hpp"

namespace fuzhu::detail::flat {

void run_traced(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const EvalOptions& options,
                FlatScratch& scratch, Decisions& out, ExplanationRows& rows) {
  FlatEvaluator<true>(policy, facts, as_of, scratch, &rows).run(options, out);
}

}  // namespace fuzhu::detail::flat
