// The instruction budget's workload (scripts/instruction_budget.sh): one
// policy, one API, a fixed population, run under callgrind.
//   instructions POLICY POP.jsonl decide|evaluate|explain [FAMILIES]
// Only the measured pass is instrumented (callgrind client requests; the
// script starts callgrind with --instr-atstart=no): compiling, reading the
// families and a warm-up pass, which grows the memory a Decider reuses, do
// not count. Instruction counts are what CI compares, because on a shared
// machine they are stable where wall time is not. Outside valgrind the
// requests do nothing, so the program also runs as a plain check.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else  // valgrind's headers missing: the program still builds, counts nothing
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#define CALLGRIND_ZERO_STATS
#endif

#include <fmt/format.h>
#include <fuzhu/fuzhu.hpp>

namespace {

const fuzhu::Date as_of{2026, 11, 23};

std::vector<fuzhu::Facts> read_population(const fuzhu::Policy& policy, const char* path, std::size_t limit) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", path));
  std::vector<fuzhu::Facts> families;
  std::string line;
  while (families.size() < limit && std::getline(in, line)) {
    auto facts = policy.read_facts(line);
    if (!facts.ok()) throw std::runtime_error(fmt::format("{}: a family does not read:\n{}", path,
                                                           fuzhu::render_all(facts.diagnostics)));
    families.push_back(std::move(*facts.facts));
  }
  return families;
}

// One pass over the families; returns the rows granted, so that the work
// cannot be optimised away and the figure can be compared between runs.
std::size_t pass(const fuzhu::Policy& policy, fuzhu::Decider& decider, const std::string& api,
                 const std::vector<fuzhu::Facts>& families) {
  std::size_t rows = 0;
  if (api == "decide") {
    for (const auto& facts : families)
      if (decider.decide(facts, as_of)) rows += decider.decisions().granted.size();
    return rows;
  }
  fuzhu::EvalOptions options;
  options.explain = api == "explain";
  for (const auto& facts : families) {
    auto result = policy.evaluate(facts, as_of, options);
    if (result.ok()) rows += result.evaluation->entitlements.size();
  }
  return rows;
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 4) {
    std::cerr << "usage: instructions POLICY POP.jsonl decide|evaluate|explain [FAMILIES]\n";
    return 2;
  }
  const std::string api = argv[3];
  if (api != "decide" && api != "evaluate" && api != "explain") throw std::runtime_error("unknown API " + api);
  const std::size_t limit = argc > 4 ? std::stoul(argv[4]) : 2000;
  auto compiled = fuzhu::Policy::compile_file(argv[1]);
  if (!compiled.ok()) throw std::runtime_error(fuzhu::render_all(compiled.diagnostics));
  const fuzhu::Policy& policy = *compiled.policy;
  const auto families = read_population(policy, argv[2], limit);
  fuzhu::Decider decider(policy);
  const std::size_t warm = pass(policy, decider, api, families);
  CALLGRIND_ZERO_STATS;
  CALLGRIND_START_INSTRUMENTATION;
  const std::size_t rows = pass(policy, decider, api, families);
  CALLGRIND_STOP_INSTRUMENTATION;
  if (rows != warm) throw std::runtime_error("two passes over the same families granted different rows");
  fmt::print("families {} rows {}\n", families.size(), rows);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "instructions: " << e.what() << "\n";
  return 1;
}
