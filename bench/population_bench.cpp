// Evaluation on families already parsed: fuzhu against the same policies
// written by hand in C++ and in Lua 5.4, on the same families, with every
// benefit's result checked identical to the fen.
//   population_bench POP.jsonl [BLOCK] [decider|explain]
// The file is taken BLOCK families at a time (default 20000) so that memory
// stays bounded; only the evaluation loops are timed, each engine adding
// every family to its per-benefit sums (bench/sums.hpp). With `decider`,
// only the Decider and the hand-written C++ run: a short run to profile
// (valgrind --tool=cachegrind) without the other engines' misses. With
// `explain`, Policy::evaluate runs with and without explanations (and the
// hand-written C++, to check the sums), apart from the other engines: the
// memory explaining allocates and frees changes where the next block's
// facts land, and so the Decider's cache misses.
#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "fuzhu/fuzhu.hpp"
#include "io/facts.hpp"
#include "lua_rules.hpp"
#include "native_rules.hpp"
#include "sim/family_reader.hpp"
#include "sums.hpp"
#include "api/internal.hpp"

namespace {

using Clock = std::chrono::steady_clock;
const fuzhu::Date as_of{2026, 11, 23};
const bench::Ymd as_of_ymd{2026, 11, 23};

struct Timed {
  double seconds = 0;
  bench::PolicySums sums;
  void time(const std::function<void(bench::PolicySums&)>& body) {
    auto start = Clock::now();
    body(sums);
    seconds += std::chrono::duration<double>(Clock::now() - start).count();
  }
};

// One family's decisions added to the sums. Rows of one benefit are adjacent.
void add_decisions(const fuzhu::Decisions& d, bench::PolicySums& sums) {
  int previous = -1;
  for (const auto& row : d.granted) {
    auto& sum = sums[static_cast<std::size_t>(row.benefit)];
    if (row.benefit != previous) ++sum.families;
    previous = row.benefit;
    ++sum.recipients;
    sum.fen += row.fen.value_or(0);
  }
  previous = -1;
  for (const auto& row : d.undetermined) {
    if (row.benefit != previous) ++sums[static_cast<std::size_t>(row.benefit)].undetermined;
    previous = row.benefit;
  }
}

// The fast path: a Decider reused from family to family.
void add_decider(fuzhu::Decider& decider, const std::vector<fuzhu::Facts>& families, bench::PolicySums& sums) {
  for (const auto& facts : families)
    if (decider.decide(facts, as_of)) add_decisions(decider.decisions(), sums);
}

// The convenient path: Policy::evaluate, every row with its strings; with
// `explain`, each benefit's row of the explanation too (its trees are built
// only when asked for, and nothing here asks).
void add_evaluate(const fuzhu::Policy& policy, const std::unordered_map<std::string_view, std::size_t>& index,
                  const std::vector<fuzhu::Facts>& families, bench::PolicySums& sums, bool explain = false) {
  fuzhu::EvalOptions options;
  options.explain = explain;
  for (const auto& facts : families) {
    auto result = policy.evaluate(facts, as_of, options);
    if (!result.ok()) continue;
    std::string_view previous;
    for (const auto& row : result.evaluation->entitlements) {
      auto& sum = sums[index.at(row.benefit)];
      if (previous != row.benefit) ++sum.families;
      previous = row.benefit;
      ++sum.recipients;
      if (row.amount) sum.fen += row.amount->fen;
    }
    for (const auto& row : result.evaluation->undetermined) ++sums[index.at(row.benefit)].undetermined;
  }
}

struct Engine {
  std::string name;
  Timed timed;
  bool runs = true;  // false: left out of this run (`decider`)
};

struct PolicyRun {
  std::string name;
  fuzhu::Policy policy;
  fuzhu::Decider decider;
  std::unordered_map<std::string_view, std::size_t> index;  // benefit id (the policy's own string) → index
  void (*native)(const bench::NativeFamily&, const bench::Ymd&, bench::PolicySums&);
  std::vector<Engine> engines;  // fuzhu Decider, fuzhu evaluate, C++, Lua, fuzhu evaluate with explain (`explain` only)

  PolicyRun(std::string policy_name, fuzhu::Policy p,
            void (*rules)(const bench::NativeFamily&, const bench::Ymd&, bench::PolicySums&))
      : name(std::move(policy_name)), policy(p), decider(p), native(rules) {
    for (int i = 0; i < policy.benefit_count(); ++i) index[policy.benefit_id(i)] = static_cast<std::size_t>(i);
    for (const char* engine :
         {"fuzhu (Decider)", "fuzhu (Policy::evaluate)", "C++ (hand)", "Lua 5.4", "fuzhu (evaluate, explain)"}) {
      engines.push_back({engine, {}});
      engines.back().timed.sums.resize(static_cast<std::size_t>(policy.benefit_count()));
    }
  }
};

fuzhu::Policy compile(const char* file) {
  auto compiled = fuzhu::Policy::compile_file(file);
  if (!compiled.ok()) throw std::runtime_error(fmt::format("{} does not compile", file));
  return *compiled.policy;
}

// The three implementations must name the same benefits in the same order.
bool same_benefits(const PolicyRun& run, const std::vector<std::string>& native, const std::vector<std::string>& lua) {
  std::vector<std::string> ids;
  for (int i = 0; i < run.policy.benefit_count(); ++i) ids.push_back(run.policy.benefit_id(i));
  if (ids == native && ids == lua) return true;
  std::cerr << run.name << ": the hand-written rules and the policy list different benefits\n";
  return false;
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 2) {
    std::cerr << "usage: population_bench POP.jsonl [BLOCK] [decider|explain]\n";
    return 2;
  }
  const std::size_t block = argc > 2 ? std::stoul(argv[2]) : 20000;
  const std::string mode = argc > 3 ? argv[3] : "";
  const bool decider_only = mode == "decider", explain_only = mode == "explain";
  if (!mode.empty() && !decider_only && !explain_only) {
    std::cerr << "population_bench: unknown mode " << mode << " (decider or explain)\n";
    return 2;
  }
  std::vector<PolicyRun> runs;
  runs.emplace_back("yiyang", compile(FUZHU_BENCH_DIR "/../policies/yiyang.policy"), &bench::yiyang_rules);
  runs.emplace_back("songjiang", compile(FUZHU_BENCH_DIR "/../policies/songjiang.policy"), &bench::songjiang_rules);
  bench::LuaRules lua(FUZHU_BENCH_DIR "/rules.lua");
  if (!same_benefits(runs[0], bench::yiyang_ids(), lua.ids("yiyang")) ||
      !same_benefits(runs[1], bench::songjiang_ids(), lua.ids("songjiang")))
    return 1;
  auto reader = fuzhu::sim::make_json_reader();

  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 1;
  }
  std::vector<std::string> lines;
  std::uint64_t count = 0;
  for (bool more = true; more;) {
    lines.clear();
    std::string line;
    while (lines.size() < block && std::getline(in, line)) lines.push_back(line);
    more = lines.size() == block;
    std::vector<fuzhu::Facts> facts;
    std::vector<bench::NativeFamily> natives;
    for (const auto& text : lines) {
      fuzhu::sim::Block b;
      b.text = text + std::string(64, '\0');
      b.lines.push_back({1, 0, static_cast<std::uint32_t>(text.size()), false});
      fuzhu::Facts f = runs[0].policy.new_facts();
      if (reader->read(b, b.lines[0], fuzhu::detail::data_of(f)).rejected()) continue;
      natives.push_back(bench::native_of(fuzhu::detail::data_of(f)));
      facts.push_back(std::move(f));
    }
    if (!decider_only && !explain_only) lua.load_families(lines);
    count += facts.size();
    for (auto& run : runs) {
      run.engines[2].timed.time([&](auto& sums) {
        for (const auto& f : natives) run.native(f, as_of_ymd, sums);
      });
      if (explain_only) {
        run.engines[0].runs = run.engines[3].runs = false;
        run.engines[1].timed.time([&](auto& sums) { add_evaluate(run.policy, run.index, facts, sums); });
        run.engines[4].timed.time([&](auto& sums) { add_evaluate(run.policy, run.index, facts, sums, true); });
        continue;
      }
      run.engines[0].timed.time([&](auto& sums) { add_decider(run.decider, facts, sums); });
      run.engines[4].runs = false;
      if (decider_only) {
        run.engines[1].runs = run.engines[3].runs = false;
        continue;
      }
      run.engines[1].timed.time([&](auto& sums) { add_evaluate(run.policy, run.index, facts, sums); });
      run.engines[3].timed.time([&](auto& sums) { bench::add_sums(sums, lua.run(run.name.c_str(), 2026, 11, 23)); });
    }
  }

  bool same = true;
  fmt::print("{} families, already parsed; every benefit of the policy, as of {}\n\n", count, as_of.to_string());
  fmt::print("{:<10} {:<26} {:>9} {:>10} {:>16} {:>10} {:>14}\n", "policy", "engine", "seconds", "ns/family",
             "total 元 (all)", "rows", "× hand-written");
  for (const auto& run : runs) {
    const Timed& native = run.engines[2].timed;
    for (const auto& engine : run.engines) {
      if (!engine.runs) continue;
      const Timed& t = engine.timed;
      std::int64_t fen = 0;
      std::uint64_t rows = 0;
      for (const auto& sum : t.sums) {
        fen += sum.fen;
        rows += sum.recipients;
      }
      fmt::print("{:<10} {:<26} {:>9.3f} {:>10.0f} {:>16} {:>10} {:>14.2f}\n", run.name, engine.name, t.seconds,
                 t.seconds * 1e9 / static_cast<double>(count ? count : 1), fuzhu::Money{fen}.to_string(), rows,
                 t.seconds / native.seconds);
      if (t.sums != native.sums) {
        same = false;
        for (std::size_t i = 0; i < t.sums.size(); ++i)
          if (!(t.sums[i] == native.sums[i]))
            fmt::print("   ^ differs on {}: families {} / {}, rows {} / {}, fen {} / {}, undetermined {} / {}\n",
                       run.policy.benefit_id(static_cast<int>(i)), t.sums[i].families, native.sums[i].families,
                       t.sums[i].recipients, native.sums[i].recipients, t.sums[i].fen, native.sums[i].fen,
                       t.sums[i].undetermined, native.sums[i].undetermined);
      }
    }
    if (run.engines[3].runs)
      fmt::print("{:<10} fuzhu (Decider) / Lua 5.4: {:.2f} (below 1: fuzhu is faster)\n", run.name,
                 run.engines[0].timed.seconds / run.engines[3].timed.seconds);
    if (run.engines[4].runs)
      fmt::print("{:<10} evaluate with explain / without: {:.2f} (target 3)\n", run.name,
                 run.engines[4].timed.seconds / run.engines[1].timed.seconds);
    fmt::print("\n");
  }
  fmt::print("results identical, benefit by benefit: {}\n", same ? "yes" : "NO");
  return same ? 0 : 1;
} catch (const std::exception& e) {
  std::cerr << "population_bench: " << e.what() << "\n";
  return 1;
}
