// The library's own view of a Policy and a Facts: the compiled form behind
// them. Only the library, its tests and benchmarks include this; the public
// headers hand out public types alone, so a host never depends on the
// compiled layout (issue 14, item 1).
#pragma once

#include <memory>

#include "fuzhu/facts.hpp"
#include "fuzhu/policy.hpp"

namespace fuzhu::detail {

/// The one friend of Policy and Facts: opens them to the library.
struct Access {
  static const CompiledPolicy& compiled(const Policy& policy) { return *policy.compiled_; }
  static const FactsData& data(const Facts& facts) { return *facts.data_; }
  static FactsData& data(Facts& facts) { return *facts.data_; }
  static Policy make_policy(std::shared_ptr<const CompiledPolicy> compiled) { return Policy(std::move(compiled)); }
};

inline const CompiledPolicy& compiled_of(const Policy& policy) { return Access::compiled(policy); }
inline const FactsData& data_of(const Facts& facts) { return Access::data(facts); }
inline FactsData& data_of(Facts& facts) { return Access::data(facts); }

}  // namespace fuzhu::detail
