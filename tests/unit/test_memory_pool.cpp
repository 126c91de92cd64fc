// The evaluation memory Policy::evaluate reuses (src/eval/memory_pool.hpp):
// one piece is never lent to two threads at once, the spare pieces are
// bounded, and reused memory answers as fresh memory does whatever policy
// or family came before. The "concurrency:" cases run under ThreadSanitizer
// (scripts/sanitize.sh).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/internal.hpp"
#include "eval/memory_pool.hpp"
#include "fuzhu/fuzhu.hpp"
#include "tests/support/compile.hpp"

namespace {

using fuzhu::Date;
using fuzhu::detail::EvalMemory;
using fuzhu::detail::MemoryPool;

std::shared_ptr<const fuzhu::detail::CompiledPolicy> compiled_yiyang() {
  static const fuzhu::Policy yiyang = fuzhu::testing::city_policy("yiyang");
  // Aliasing: the pool only needs the compiled policy to outlive it.
  return {std::shared_ptr<const void>{}, &fuzhu::detail::compiled_of(yiyang)};
}

std::vector<std::string> case_families(const std::string& city) {
  std::ifstream in(std::filesystem::path(FUZHU_SOURCE_DIR) / "tests" / "cases" / (city + ".cases.json"));
  auto doc = nlohmann::json::parse(in);
  std::vector<std::string> out;
  for (const auto& c : doc.at("cases")) out.push_back(c.at("facts").dump());
  return out;
}

std::string answer(const fuzhu::Policy& policy, const std::string& json, const Date& as_of) {
  auto facts = policy.read_facts(json);
  if (!facts.ok()) return "bad facts";
  auto r = policy.evaluate(*facts.facts, as_of);
  return r.ok() ? to_json(*r.evaluation) : "errors:\n" + fuzhu::render_all(r.errors);
}

}  // namespace

TEST_CASE("concurrency: a memory pool never lends one piece to two threads at once") {
  MemoryPool pool(compiled_yiyang());
  constexpr int thread_count = 8, rounds = 2000;
  std::vector<int> clashes(thread_count, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < rounds; ++round) {
        const MemoryPool::Lease held = pool.take();
        // The holder marks the piece and finds only its own mark after
        // yielding; another holder would have left one (and TSan a race).
        std::vector<int>& marks = held->decisions.not_granted;
        if (!marks.empty()) ++clashes[static_cast<std::size_t>(t)];
        marks.push_back(t);
        std::this_thread::yield();
        if (marks.size() != 1 || marks.front() != t) ++clashes[static_cast<std::size_t>(t)];
        marks.clear();
      }
    });
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < thread_count; ++t) {
    CAPTURE(t);
    CHECK(clashes[static_cast<std::size_t>(t)] == 0);
  }
}

TEST_CASE("a memory pool keeps at most most_kept spare pieces after a burst, and reuses them") {
  MemoryPool pool(compiled_yiyang());
  CHECK(pool.spare() == 0);
  constexpr std::size_t burst = MemoryPool::most_kept + 4;
  std::set<const EvalMemory*> first;
  {
    std::vector<MemoryPool::Lease> held;
    for (std::size_t i = 0; i < burst; ++i) {
      held.push_back(pool.take());
      first.insert(&*held.back());
    }
    CHECK(first.size() == burst);  // held at once: every piece its own
    CHECK(pool.spare() == 0);
  }
  CHECK(pool.spare() == MemoryPool::most_kept);  // the excess freed
  {
    const MemoryPool::Lease again = pool.take();
    CHECK(first.count(&*again) == 1);  // a kept piece, not a new one
    CHECK(pool.spare() == MemoryPool::most_kept - 1);
  }
  CHECK(pool.spare() == MemoryPool::most_kept);
}

TEST_CASE("reused evaluation memory answers as fresh memory, one thread alternating between two policies") {
  const fuzhu::Policy yiyang = fuzhu::testing::city_policy("yiyang");
  const fuzhu::Policy songjiang = fuzhu::testing::city_policy("songjiang");
  const auto yiyang_families = case_families("yiyang");
  const auto songjiang_families = case_families("songjiang");
  const Date as_of{2026, 11, 23};
  const std::size_t n = std::min<std::size_t>({yiyang_families.size(), songjiang_families.size(), 25});
  REQUIRE(n >= 10);
  for (std::size_t i = 0; i < n; ++i) {
    CAPTURE(i);
    // A policy compiled just now has never evaluated: its memory is fresh.
    CHECK(answer(yiyang, yiyang_families[i], as_of) ==
          answer(fuzhu::testing::city_policy("yiyang"), yiyang_families[i], as_of));
    CHECK(answer(songjiang, songjiang_families[i], as_of) ==
          answer(fuzhu::testing::city_policy("songjiang"), songjiang_families[i], as_of));
  }
}
