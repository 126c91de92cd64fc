// Hot reload (docs/embedding.md): a server swaps in a newly compiled policy
// while threads keep evaluating. Each evaluation takes one snapshot of the
// current policy (a shared_ptr behind a mutex), reads the family's facts with it
// and evaluates with it, so every answer is wholly the old policy's or
// wholly the new one's. Facts read for a policy whose facts schema differs
// are refused (X005), never evaluated into a wrong answer. Named
// "concurrency:" so that scripts/sanitize.sh runs it under ThreadSanitizer.
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "fuzhu/fuzhu.hpp"
#include "tests/support/files.hpp"

namespace {

namespace fs = std::filesystem;
using fuzhu::Policy;

const fs::path policies = fs::path(FUZHU_SOURCE_DIR) / "policies";

using fuzhu::testing::read_file;

// Yiyang's policy text, changed by `edit`, compiled as if it were the file.
std::shared_ptr<const Policy> yiyang(const std::string& from = "", const std::string& to = "",
                                     const std::string& appended = "") {
  std::string text = read_file(policies / "yiyang.policy");
  if (!from.empty()) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  auto compiled = Policy::compile_string(text + appended, (policies / "yiyang.policy").string());
  REQUIRE(compiled.ok());
  return std::make_shared<const Policy>(std::move(*compiled.policy));
}

// The bereaved family of examples/families: both parents get the special
// allowance and nothing else monthly.
std::int64_t monthly_fen(const Policy& policy, const std::string& family) {
  auto facts = policy.read_facts(family);
  if (!facts.ok()) return -1;
  auto result = policy.evaluate(*facts.facts, fuzhu::Date{2026, 11, 23});
  if (!result.ok()) return -2;
  auto total = fuzhu::total(*result.evaluation, fuzhu::Period::monthly);
  return total ? total->fen : -3;
}

}  // namespace

TEST_CASE("concurrency: a policy swapped under load gives each evaluation the old or the new answer") {
  const std::string family = read_file(fs::path(FUZHU_SOURCE_DIR) / "examples" / "families" / "yiyang_bereaved.json");
  auto old_policy = yiyang();
  // A reform: the allowance for a deceased child rises from 490 to 520 元.
  auto new_policy = yiyang("deceased => 490 元", "deceased => 520 元");
  REQUIRE(monthly_fen(*old_policy, family) == 2 * 49000);
  REQUIRE(monthly_fen(*new_policy, family) == 2 * 52000);

  // The current policy behind a mutex. std::atomic<std::shared_ptr> would
  // do, but GCC 12 locks it with a bit of the pointer that ThreadSanitizer
  // cannot see, and TSan then reports a race that is not there.
  struct {
    std::shared_ptr<const Policy> load() {
      std::lock_guard hold(lock);
      return policy;
    }
    void store(std::shared_ptr<const Policy> next) {
      std::lock_guard hold(lock);
      policy = std::move(next);
    }
    std::mutex lock;
    std::shared_ptr<const Policy> policy;
  } current;
  current.store(old_policy);
  std::atomic<bool> stop{false};
  std::atomic<long> evaluations{0};
  constexpr int evaluators = 4;
  std::vector<long> saw_old(evaluators), saw_new(evaluators), wrong(evaluators);
  std::vector<std::thread> threads;
  for (int t = 0; t < evaluators; ++t)
    threads.emplace_back([&, t] {
      while (!stop.load()) {
        std::shared_ptr<const Policy> snapshot = current.load();  // one policy for the whole evaluation
        std::int64_t fen = monthly_fen(*snapshot, family);
        if (fen == 2 * 49000) ++saw_old[t];
        else if (fen == 2 * 52000) ++saw_new[t];
        else ++wrong[t];
        ++evaluations;
      }
    });
  // The swapper: a new policy after every few evaluations, 60 times.
  for (int swap = 0; swap < 60; ++swap) {
    long before = evaluations.load();
    while (evaluations.load() < before + 4) std::this_thread::yield();
    current.store(swap % 2 == 0 ? new_policy : old_policy);
  }
  stop = true;
  for (auto& thread : threads) thread.join();

  long old_answers = 0, new_answers = 0;
  for (int t = 0; t < evaluators; ++t) {
    CHECK(wrong[t] == 0);
    old_answers += saw_old[t];
    new_answers += saw_new[t];
  }
  CHECK(old_answers > 0);
  CHECK(new_answers > 0);
}

TEST_CASE("concurrency: facts read for one facts schema are refused by a policy with another") {
  const std::string family = read_file(fs::path(FUZHU_SOURCE_DIR) / "examples" / "families" / "yiyang_bereaved.json");
  auto old_policy = yiyang();
  auto reform = yiyang("deceased => 490 元", "deceased => 520 元");
  // A new version that adds a fact of its own: another facts layout.
  auto extended = yiyang("", "", "\nextend record Household {\n  pilot_area: bool \"试点地区\"\n}\n");
  REQUIRE(extended->schema().fingerprint != old_policy->schema().fingerprint);
  REQUIRE(reform->schema().fingerprint == old_policy->schema().fingerprint);

  auto facts = old_policy->read_facts(family);
  REQUIRE(facts.ok());
  // The same schema: facts read by the old policy serve the reform.
  auto same = reform->evaluate(*facts.facts, fuzhu::Date{2026, 11, 23});
  REQUIRE(same.ok());
  CHECK(fuzhu::total(*same.evaluation, fuzhu::Period::monthly)->fen == 2 * 52000);
  // Another schema: an error naming both fingerprints, not an answer.
  auto other = extended->evaluate(*facts.facts, fuzhu::Date{2026, 11, 23});
  REQUIRE_FALSE(other.ok());
  CHECK(other.errors.front().code == "X005");
  CHECK(other.errors.front().message.find(extended->schema().fingerprint) != std::string::npos);
  // Read again with the new policy, the family is evaluated.
  CHECK(monthly_fen(*extended, family) == 2 * 49000);
}
