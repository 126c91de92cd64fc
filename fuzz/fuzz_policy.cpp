// Fuzzes parsing and checking: any text, as a policy that may `use` the real
// facts.schema. It must compile or say why, never crash or hang; a policy
// that compiles is then evaluated for an empty family and a real one.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"

namespace {

const char* const example_family = R"({
  "household": {"region": "湖南省益阳市赫山区", "area": "urban", "district_kind": "city_district"},
  "family": {"other_child": false, "glory_certificate": true},
  "child": {"status": "deceased", "birth_date": "1995-04-02", "event_date": "2020-07-15", "cause": "accident"},
  "mother": {"birth_date": "1970-03-01", "employer": "none"},
  "father": {"birth_date": "1968-10-20", "employer": "public"}
})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace fuzhu;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const CompileResult compiled = fuzz::compile_fuzzed(text);
  fuzz::check_diagnostics(compiled.diagnostics);
  if (compiled.ok() == has_errors(compiled.diagnostics)) fuzz::broken("a policy with both a result and errors, or neither");
  if (!compiled.ok()) return 0;

  const Policy& policy = *compiled.policy;
  fuzz::evaluate_all_ways(policy, policy.new_facts(), Date{2024, 6, 1});
  FactsResult family = policy.read_facts(example_family);
  if (family.ok()) fuzz::evaluate_all_ways(policy, *family.facts, Date{2026, 11, 23});
  return 0;
}
