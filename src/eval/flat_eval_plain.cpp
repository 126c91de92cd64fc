// Deciding over flat code: the plain instantiation of the flat evaluator,
// alone in its translation unit so that the traced one does not change how
// GCC inlines it (see flat_evaluator.hpp).
#include "eval/flat_evaluator.hpp"

namespace fuzhu::detail::flat {

void run_plain(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const EvalOptions& options,
               FlatScratch& scratch, Decisions& out) {
  FlatEvaluator<false>(policy, facts, as_of, scratch, nullptr).run(options, out);
}

}  // namespace fuzhu::detail::flat
