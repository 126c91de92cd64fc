// Differential fuzzing of the two evaluators: the input is a policy (which
// may `use` the real facts.schema), optionally followed by a line `#facts`
// and one family's facts as JSON. A policy that compiles is decided by the
// flat evaluator and by the tree walker, its reference, on that family, on
// an empty one and on families drawn from the input; they must agree
// exactly: rows, amounts, payers, needed facts in order, reasons, errors,
// and explanations node by node (tests/support/evaluators_agree.hpp).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/internal.hpp"
#include "fuzz_common.hpp"
#include "tests/support/evaluators_agree.hpp"
#include "tests/support/random_family.hpp"

namespace {

constexpr std::string_view facts_marker = "\n#facts\n";

std::uint64_t hash_of(std::string_view input) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : input) h = (h ^ c) * 1099511628211ULL;
  return h;
}

// Both evaluators on one family and date, with and without assuming the
// jurisdiction; memory is fresh, as Policy::evaluate's is.
void agree(const fuzhu::detail::CompiledPolicy& policy, const fuzhu::detail::FactsData& facts, const fuzhu::Date& as_of) {
  using namespace fuzhu::detail;
  if (!check_facts(policy, facts, as_of).empty()) return;
  for (bool assume : {false, true}) {
    fuzhu::EvalOptions options;
    options.assume_in_jurisdiction = assume;
    Scratch tree;
    tree.fit(policy);
    FlatScratch flat;
    flat.fit(policy);
    const std::string differ = fuzhu::testing::evaluators_differ(policy, facts, as_of, options, tree, flat);
    if (!differ.empty()) fuzhu::fuzz::broken("the flat evaluator and the tree walker disagree: " + differ);
    const std::string explained = fuzhu::testing::explanations_differ(policy, facts, as_of, options);
    if (!explained.empty()) fuzhu::fuzz::broken("the flat evaluator and the tree walker explain differently: " + explained);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace fuzhu;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t marker = input.find(facts_marker);
  const std::string_view text = input.substr(0, marker);
  const CompileResult compiled = fuzz::compile_fuzzed(text);
  if (!compiled.ok()) return 0;
  const Policy& policy = *compiled.policy;
  const detail::CompiledPolicy& code = detail::compiled_of(policy);
  const Date dates[] = {Date{2024, 6, 1}, Date{2026, 11, 23}};
  for (const Date& as_of : dates) agree(code, detail::data_of(policy.new_facts()), as_of);
  if (marker != std::string_view::npos) {
    FactsResult family = policy.read_facts(input.substr(marker + facts_marker.size()));
    if (family.ok())
      for (const Date& as_of : dates) agree(code, detail::data_of(*family.facts), as_of);
  }
  testing::RandomFamilies drawn(code.schema, code.info.jurisdiction, hash_of(input));
  for (int i = 0; i < 8; ++i)
    for (const Date& as_of : dates) agree(code, drawn.next(as_of), as_of);
  return 0;
}
