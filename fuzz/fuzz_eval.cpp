// Fuzzes evaluation: the input is one family's facts, read by each of the
// five real policies and evaluated on a few dates (fixed ones, and two taken
// from the input itself) with and without assuming the jurisdiction.
// Evaluation must return a result or errors, never throw, crash or hang.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"

namespace {

// A date from 1900-01-01 to about 2150 picked by a hash of the input, so that
// the fuzzer can steer it (ages, anniversaries, in-force windows).
fuzhu::Date date_from(std::string_view input, std::uint64_t salt) {
  std::uint64_t h = 1469598103934665603ULL ^ salt;
  for (unsigned char c : input) h = (h ^ c) * 1099511628211ULL;
  constexpr std::int64_t first = -25567;  // 1900-01-01
  return fuzhu::Date::from_days(first + static_cast<std::int64_t>(h % 91'311));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace fuzhu;
  std::string_view json(reinterpret_cast<const char*>(data), size);
  const Date dates[] = {Date{2024, 6, 1}, Date{2026, 11, 23}, date_from(json, 1), date_from(json, 2)};
  for (const Policy& policy : fuzz::real_policies()) {
    FactsResult facts;
    try {
      facts = policy.read_facts(json);
    } catch (const std::exception& e) {
      fuzz::broken(std::string("read_facts threw: ") + e.what());
    }
    if (!facts.ok()) return 0;  // the schema is shared: no policy would read them
    for (const Date& as_of : dates) fuzz::evaluate_all_ways(policy, *facts.facts, as_of);
  }
  return 0;
}
