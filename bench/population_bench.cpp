// Evaluation on families already parsed: fuzhu's interpreter against the
// same rules written by hand in C++ and in Lua 5.4, on the same families,
// with the results checked identical to the fen.
//   population_bench POP.jsonl [BLOCK]
// The file is taken BLOCK families at a time (default 20000) so that memory
// stays bounded; only the evaluation loops are timed.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "fuzhu/fuzhu.hpp"
#include "io/facts.hpp"
#include "lua_rules.hpp"
#include "native_rules.hpp"
#include "sim/family_reader.hpp"

namespace {

using Clock = std::chrono::steady_clock;
const fuzhu::Date as_of{2026, 11, 23};
const bench::Ymd as_of_ymd{2026, 11, 23};

struct Timed {
  double seconds = 0;
  bench::AllowanceSum sum;
  void time(const std::function<void(bench::AllowanceSum&)>& body) {
    auto start = Clock::now();
    body(sum);
    seconds += std::chrono::duration<double>(Clock::now() - start).count();
  }
};

// The hand-written side reads the same parsed facts into its own struct.
bench::NativeFamily native_of(const fuzhu::detail::FactsData& d) {
  const auto& s = *d.schema;
  auto slot = [&](const char* path) { return d.slots[static_cast<std::size_t>(s.slot_of(path))]; };
  auto tri = [&](const char* path) {
    auto v = slot(path);
    return static_cast<bench::Tri>(v.known() ? v.n : -1);
  };
  auto person = [&](const char* root, bench::NativePerson& p) {
    p.present = d.present[static_cast<std::size_t>(s.root_index(root))] != 0;
    p.alive = tri(fmt::format("{}.alive", root).c_str());
    auto birth = slot(fmt::format("{}.birth_date", root).c_str());
    if (birth.known()) {
      auto date = fuzhu::Date::from_days(birth.n);
      p.birth = {date.year, date.month, date.day};
    }
  };
  bench::NativeFamily f;
  int region = s.slot_of("household.region");
  if (d.slots[static_cast<std::size_t>(region)].known()) bench::set_region(f, d.strings[static_cast<std::size_t>(region)]);
  auto status = slot("child.status"), grade = slot("child.disability_grade");
  f.status = static_cast<std::int8_t>(status.known() ? status.n : -1);
  f.grade = static_cast<std::int8_t>(grade.known() ? grade.n : -1);
  f.other_child = tri("family.other_child");
  person("mother", f.mother);
  person("father", f.father);
  return f;
}

void add_fuzhu(const fuzhu::Policy& policy, const std::vector<fuzhu::Facts>& families, bench::AllowanceSum& sum) {
  for (const auto& facts : families) {
    auto result = policy.evaluate(facts, as_of);
    if (!result.ok()) continue;
    for (const auto& x : result.evaluation->entitlements)
      if (x.amount && x.benefit == "special_allowance") {
        sum.fen += x.amount->fen;
        ++sum.recipients;
      }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: population_bench POP.jsonl [BLOCK]\n";
    return 2;
  }
  const std::size_t block = argc > 2 ? std::stoul(argv[2]) : 20000;
  auto yiyang = fuzhu::Policy::compile_file(FUZHU_BENCH_DIR "/../policies/yiyang.policy");
  auto songjiang = fuzhu::Policy::compile_file(FUZHU_BENCH_DIR "/../policies/songjiang.policy");
  // The same policies cut down to the allowance alone: the rules the
  // hand-written and Lua versions apply, no more.
  auto yiyang_only = fuzhu::Policy::compile_file(FUZHU_BENCH_DIR "/policies/yiyang_allowance.policy");
  auto songjiang_only = fuzhu::Policy::compile_file(FUZHU_BENCH_DIR "/policies/songjiang_allowance.policy");
  if (!yiyang.ok() || !songjiang.ok() || !yiyang_only.ok() || !songjiang_only.ok()) {
    std::cerr << "the policies do not compile\n";
    return 1;
  }
  bench::LuaRules lua(FUZHU_BENCH_DIR "/rules.lua");
  auto reader = fuzhu::sim::make_json_reader();
  auto schema = yiyang.policy->compiled().schema;

  Timed fuzhu_y, fuzhu_s, only_y, only_s, native_y, native_s, lua_y, lua_s;
  std::ifstream in(argv[1]);
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
      fuzhu::Facts f = yiyang.policy->new_facts();
      if (!reader->read(b, b.lines[0], f.data()).empty()) continue;
      natives.push_back(native_of(f.data()));
      facts.push_back(std::move(f));
    }
    lua.load_families(lines);
    count += facts.size();
    fuzhu_y.time([&](auto& sum) { add_fuzhu(*yiyang.policy, facts, sum); });
    fuzhu_s.time([&](auto& sum) { add_fuzhu(*songjiang.policy, facts, sum); });
    only_y.time([&](auto& sum) { add_fuzhu(*yiyang_only.policy, facts, sum); });
    only_s.time([&](auto& sum) { add_fuzhu(*songjiang_only.policy, facts, sum); });
    native_y.time([&](auto& sum) { for (const auto& f : natives) bench::yiyang_allowance(f, as_of_ymd, sum); });
    native_s.time([&](auto& sum) { for (const auto& f : natives) bench::songjiang_allowance(f, as_of_ymd, sum); });
    lua_y.time([&](auto& sum) {
      auto [fen, n] = lua.run("yiyang", 2026, 11, 23);
      sum.fen += fen;
      sum.recipients += n;
    });
    lua_s.time([&](auto& sum) {
      auto [fen, n] = lua.run("songjiang", 2026, 11, 23);
      sum.fen += fen;
      sum.recipients += n;
    });
  }

  bool same = true;
  fmt::print("{} families, already parsed; special_allowance a month\n\n", count);
  fmt::print("{:<10} {:<24} {:>10} {:>12} {:>14} {:>10} {:>16}\n", "policy", "engine", "seconds", "ns/family",
             "total 元", "parents", "× hand-written");
  auto row = [&](const char* policy, const char* engine, const Timed& t, const Timed& native) {
    fmt::print("{:<10} {:<24} {:>10.3f} {:>12.0f} {:>14} {:>10} {:>16.1f}\n", policy, engine, t.seconds,
               t.seconds * 1e9 / static_cast<double>(count ? count : 1), fuzhu::Money{t.sum.fen}.to_string(),
               t.sum.recipients, t.seconds / native.seconds);
    same = same && t.sum == native.sum;
  };
  row("yiyang", "fuzhu", fuzhu_y, native_y);
  row("yiyang", "fuzhu (allowance only)", only_y, native_y);
  row("yiyang", "C++ (hand)", native_y, native_y);
  row("yiyang", "Lua 5.4", lua_y, native_y);
  row("songjiang", "fuzhu", fuzhu_s, native_s);
  row("songjiang", "fuzhu (allowance only)", only_s, native_s);
  row("songjiang", "C++ (hand)", native_s, native_s);
  row("songjiang", "Lua 5.4", lua_s, native_s);
  fmt::print("\nfuzhu / Lua 5.4 (below 1: fuzhu is faster): whole policy yiyang {:.2f}, songjiang {:.2f};"
             " allowance only yiyang {:.2f}, songjiang {:.2f}\n",
             fuzhu_y.seconds / lua_y.seconds, fuzhu_s.seconds / lua_s.seconds, only_y.seconds / lua_y.seconds,
             only_s.seconds / lua_s.seconds);
  fmt::print("results identical: {}\n", same ? "yes" : "NO");
  return same ? 0 : 1;
}
