// One compiled policy, many threads: the promise of the embedding API (a
// Policy is immutable; any number of threads may evaluate it at once). Every
// family of every case file is evaluated on several dates by eight threads at
// once, each in its own order, and every answer must be the one a single
// thread gives. Run under ThreadSanitizer by scripts/sanitize.sh.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include <fuzhu/fuzhu.hpp>

namespace {

namespace fs = std::filesystem;
using namespace fuzhu;

struct Job {
  const Policy* policy;
  std::string facts_json;
  Date as_of;
};

// The answer as text: the JSON of the evaluation, or its errors.
std::string answer(const Policy& policy, const Facts& facts, const Date& as_of) {
  EvalResult r = policy.evaluate(facts, as_of);
  return r.ok() ? to_json(*r.evaluation) : "errors:\n" + render_all(r.errors);
}

std::string answer(const Job& job) {
  FactsResult facts = job.policy->read_facts(job.facts_json);
  if (!facts.ok()) return "bad facts:\n" + render_all(facts.diagnostics);
  return answer(*job.policy, *facts.facts, job.as_of);
}

// Every case of tests/cases, on its own date and two more.
std::vector<Job> all_jobs(std::map<std::string, Policy>& policies) {
  std::vector<Job> jobs;
  fs::path cases_dir = fs::path(FUZHU_SOURCE_DIR) / "tests" / "cases";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(cases_dir))
    if (entry.path().string().ends_with(".cases.json")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    nlohmann::json doc = nlohmann::json::parse(in);
    fs::path policy_file = fs::weakly_canonical(file.parent_path() / doc.at("policy").get<std::string>());
    auto [it, added] = policies.try_emplace(policy_file.string(), *Policy::compile_file(policy_file).policy);
    for (const auto& c : doc.at("cases")) {
      auto own = Date::parse(c.at("as_of").get<std::string>());
      for (Date as_of : {*own, Date{2024, 6, 1}, Date{2030, 1, 1}})
        jobs.push_back(Job{&it->second, c.at("facts").dump(), as_of});
    }
  }
  return jobs;
}

}  // namespace

TEST_CASE("concurrency: eight threads evaluate every case family as one thread does") {
  std::map<std::string, Policy> policies;
  std::vector<Job> jobs = all_jobs(policies);
  REQUIRE(policies.size() == 5);
  REQUIRE(jobs.size() >= 300);

  std::vector<std::string> expected;
  for (const auto& job : jobs) expected.push_back(answer(job));
  // Facts read once and shared read-only by every thread, as a server would.
  std::vector<std::optional<Facts>> shared;
  for (const auto& job : jobs) shared.push_back(job.policy->read_facts(job.facts_json).facts);

  constexpr int thread_count = 8;
  std::vector<std::vector<std::size_t>> mismatches(thread_count);
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t)
    threads.emplace_back([&, t] {
      std::vector<std::size_t> order(jobs.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::shuffle(order.begin(), order.end(), std::mt19937(static_cast<unsigned>(t)));
      for (std::size_t i : order) {
        // Even threads read their own facts; odd ones use the shared facts
        // and a copy of the policy (copies share the compiled policy).
        std::string got;
        if (t % 2 == 0 || !shared[i]) {
          got = answer(jobs[i]);
        } else {
          Policy copy = *jobs[i].policy;
          got = answer(copy, *shared[i], jobs[i].as_of);
        }
        if (got != expected[i]) mismatches[static_cast<std::size_t>(t)].push_back(i);
      }
    });
  for (auto& thread : threads) thread.join();

  for (int t = 0; t < thread_count; ++t) {
    CAPTURE(t);
    CHECK(mismatches[static_cast<std::size_t>(t)].empty());
  }
  // The families are real ones: most get something on their own date.
  std::size_t with_entitlements = 0;
  for (const auto& e : expected)
    if (e.starts_with("{")) with_entitlements += !nlohmann::json::parse(e).at("entitlements").empty();
  CHECK(with_entitlements > jobs.size() / 3);
}
