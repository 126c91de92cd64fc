// Fuzzes reading a family's facts (JSON, validated against Yiyang's facts
// schema): valid facts or errors naming the problem, never a crash. It is
// also differential: `simulate`'s JSON Lines reader (simdjson) must give
// every input the verdict the strict reader gives (Policy::read_facts,
// nlohmann): the same facts when both accept, the same path when both refuse.
#include <cstddef>
#include <cstdint>
#include <memory>

#include <simdjson.h>

#include "compile/policy.hpp"
#include "fuzz_common.hpp"
#include "io/facts.hpp"
#include "sim/family_reader.hpp"
#include "api/internal.hpp"

namespace {

using namespace fuzhu;

bool same_facts(const detail::FactsData& a, const detail::FactsData& b) {
  if (a.present != b.present || a.strings != b.strings || a.slots.size() != b.slots.size()) return false;
  for (std::size_t i = 0; i < a.slots.size(); ++i)
    if (a.slots[i].tag != b.slots[i].tag || a.slots[i].n != b.slots[i].n) return false;
  return true;
}

// What the JSON Lines reader makes of the input as the first line of a file.
void compare_line_reader(const Policy& policy, std::string_view json, const FactsResult& strict) {
  if (json.find('\n') != std::string_view::npos) return;  // not one line
  std::size_t size = json.size();
  if (size > 0 && json[size - 1] == '\r') --size;  // the line source drops it
  if (size == 0 || size > 1 << 20) return;         // skipped, or over the line limit
  static auto reader = sim::make_json_reader();
  sim::Block block;
  block.text.assign(json.substr(0, size));
  block.text.append(simdjson::SIMDJSON_PADDING, '\0');
  block.lines.push_back({1, 0, static_cast<std::uint32_t>(size), false});
  detail::FactsData facts = detail::empty_facts(detail::compiled_of(policy).schema);
  const sim::Rejection rejection = reader->read(block, block.lines[0], facts);
  if (strict.ok() == rejection.rejected())
    fuzz::broken(strict.ok() ? "the line reader refuses what the file reader accepts: " + rejection.message
                             : "the line reader accepts what the file reader refuses");
  if (strict.ok()) {
    if (!same_facts(detail::data_of(*strict.facts), facts)) fuzz::broken("the two readers read different facts");
    return;
  }
  for (const auto& d : strict.diagnostics)
    if (d.severity == Severity::error) {
      if (d.path != rejection.path) fuzz::broken("the readers name different paths: " + d.path + " / " + rejection.path);
      return;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
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
  compare_line_reader(yiyang, json, facts);
  return 0;
}
