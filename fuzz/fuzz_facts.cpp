// Fuzzes reading a family's facts (JSON, validated against Yiyang's facts
// schema): valid facts or errors naming the problem, never a crash.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace fuzhu;
  static const Policy& yiyang = fuzz::real_policies().front();
  std::string_view json(reinterpret_cast<const char*>(data), size);
  FactsResult facts;
  try {
    facts = yiyang.read_facts(json);
  } catch (const std::exception& e) {
    fuzz::broken(std::string("read_facts threw: ") + e.what());
  }
  fuzz::check_diagnostics(facts.diagnostics);
  if (facts.ok() == has_errors(facts.diagnostics)) fuzz::broken("facts with both a result and errors, or neither");
  return 0;
}
