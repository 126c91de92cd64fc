// Evaluations per second of a policy on a fixed set of families.
//   eval_bench [POLICY] [ITERATIONS] [evaluate|decide|both]
// A benchmark, not a test: it prints figures and checks nothing but errors.
#include <chrono>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fuzhu/fuzhu.hpp>

namespace {

// A fixed, varied set of families: statuses, grades, ages around 49 and 60,
// single parents, other regions, missing facts. Deterministic (no RNG state).
std::vector<std::string> families() {
  const char* statuses[] = {"deceased", "disabled", "living"};
  const char* regions[] = {"湖南省益阳市赫山区", "湖南省益阳市安化县", "湖南省长沙市岳麓区"};
  std::vector<std::string> out;
  for (int i = 0; i < 256; ++i) {
    int mother_year = 1950 + (i * 7) % 40;
    std::string father = i % 5 == 0 ? "" : fmt::format(R"(, "father": {{"birth_date": "{}-06-15", "employer": "{}"}})",
                                                         mother_year - 2, i % 2 ? "public" : "none");
    out.push_back(fmt::format(
        R"({{"household": {{"region": "{}", "district_kind": "{}", "low_income": {}}},)"
        R"( "family": {{"other_child": {}}},)"
        R"( "child": {{"status": "{}", "disability_grade": {}, "event_date": "{}-03-01"}},)"
        R"( "mother": {{"birth_date": "{}-11-23", "employer": "none"}}{}}})",
        regions[i % 3], i % 4 ? "city_district" : "county", i % 3 == 0 ? "true" : "false", i % 11 == 0 ? "true" : "false",
        statuses[i % 3], 1 + i % 4, 2020 + i % 7, mother_year, father));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : "policies/yiyang.policy";
  long iterations = argc > 2 ? std::stol(argv[2]) : 200;
  const std::string apis = argc > 3 ? argv[3] : "both";  // one alone, to profile it
  auto start_compile = std::chrono::steady_clock::now();
  auto compiled = fuzhu::Policy::compile_file(path);
  auto compile_time = std::chrono::steady_clock::now() - start_compile;
  if (!compiled.ok()) {
    std::cerr << fuzhu::render_all(compiled.diagnostics);
    return 1;
  }
  std::vector<fuzhu::Facts> parsed;
  for (const auto& json : families()) {
    auto facts = compiled.policy->read_facts(json);
    if (!facts.ok()) {
      std::cerr << fuzhu::render_all(facts.diagnostics);
      return 1;
    }
    parsed.push_back(std::move(*facts.facts));
  }
  const fuzhu::Date as_of{2026, 11, 23};
  fmt::print("policy {}: compiled in {:.2f} ms\n", path,
             std::chrono::duration<double, std::milli>(compile_time).count());
  const double evals = static_cast<double>(iterations) * static_cast<double>(parsed.size());
  auto report = [&](const char* api, double seconds, std::size_t rows) {
    fmt::print("{:<18} {} families x {} iterations: {:>9.0f} evaluations/s ({:.3f} us each), {} entitlement rows\n",
               api, parsed.size(), iterations, evals / seconds, seconds / evals * 1e6, rows);
  };

  if (apis != "decide") {
    std::size_t rows = 0;
    auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < iterations; ++i)
      for (const auto& facts : parsed) rows += compiled.policy->evaluate(facts, as_of).evaluation->entitlements.size();
    report("Policy::evaluate", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), rows);
  }
  if (apis != "evaluate") {
    fuzhu::Decider decider(*compiled.policy);
    std::size_t rows = 0;
    auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < iterations; ++i)
      for (const auto& facts : parsed)
        if (decider.decide(facts, as_of)) rows += decider.decisions().granted.size();
    report("Decider::decide", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), rows);
  }
  return 0;
}
