// The fast path of the embedding API: Decider keeps one thread's evaluation
// memory for one policy, so that deciding a family allocates nothing.
#include <fmt/format.h>

#include "compile/policy.hpp"
#include "eval/arithmetic.hpp"
#include "eval/evaluate.hpp"
#include "eval/flat_eval.hpp"
#include "fuzhu/decisions.hpp"
#include "api/internal.hpp"

namespace fuzhu {

void Decisions::clear() {
  in_force = false;
  in_jurisdiction.reset();
  granted.clear();
  payers.clear();
  undetermined.clear();
  needs.clear();
  not_granted.clear();
}

struct Decider::Memory {
  detail::FlatScratch scratch;
};

Decider::Decider(Policy policy, const EvalOptions& options)
    : policy_(std::move(policy)), options_(options), memory_(std::make_unique<Memory>()) {
  options_.explain = false;
  memory_->scratch.fit(detail::compiled_of(policy_));
  memory_->scratch.remember_regions = true;
}

Decider::~Decider() = default;
Decider::Decider(Decider&&) noexcept = default;
Decider& Decider::operator=(Decider&&) noexcept = default;

bool Decider::decide(const Facts& facts, const Date& as_of) {
  const detail::CompiledPolicy& compiled = detail::compiled_of(policy_);
  const detail::FactsData& data = detail::data_of(facts);
  errors_.clear();
  if (!detail::flat_facts_possible(compiled, data, as_of, memory_->scratch)) errors_ = detail::check_facts(compiled, data, as_of);
  if (errors_.empty()) {
    try {
      detail::flat_decide(compiled, data, as_of, options_, memory_->scratch, decisions_);
      return true;
    } catch (const detail::EvalError& e) {
      errors_.push_back(compiled.sources.diagnose(e.code, e.loc, e.message));
    }
  }
  decisions_.clear();
  return false;
}

}  // namespace fuzhu
