// What the harnesses share: the real policies, compiled once per process,
// and a loud stop when the engine breaks a promise (an exception escaping,
// an error without a message).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fuzhu/fuzhu.hpp>

#include "tests/support/decisions_match.hpp"
#include "api/internal.hpp"

namespace fuzhu::fuzz {

inline std::filesystem::path policies_dir() { return std::filesystem::path(FUZHU_SOURCE_DIR) / "policies"; }

/// Stops the run so that libFuzzer saves the input: a bug, not bad input.
[[noreturn]] inline void broken(std::string_view what) {
  std::fprintf(stderr, "fuzhu broke a promise: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

/// Compiles fuzzed text as a policy beside the real ones (so `use
/// "facts.schema"` resolves); compiling must never throw.
inline CompileResult compile_fuzzed(std::string_view text) {
  CompileOptions options;
  options.include_dirs.push_back(policies_dir());
  try {
    return Policy::compile_string(text, "fuzz.policy", options);
  } catch (const std::exception& e) {
    broken(std::string("compile threw: ") + e.what());
  }
}

/// Every diagnostic says something, and rendering it never fails.
inline void check_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.message.empty()) broken("a diagnostic without a message");
  (void)render_all(diagnostics);
}

/// The five transcribed policies, compiled once (the first call). A policy
/// that does not compile is a broken build of the fuzzer, not a finding.
inline const std::vector<Policy>& real_policies() {
  static const std::vector<Policy> policies = [] {
    std::vector<Policy> out;
    for (const char* name : {"yiyang", "zhangdian", "songjiang", "ankang", "foshan"}) {
      auto compiled = Policy::compile_file(policies_dir() / (std::string(name) + ".policy"));
      if (!compiled.ok()) {
        std::fprintf(stderr, "%s", render_all(compiled.diagnostics).c_str());
        broken("a real policy does not compile");
      }
      out.push_back(*compiled.policy);
    }
    return out;
  }();
  return policies;
}

/// One Decider per compiled policy and option, kept from input to input:
/// each input is decided by memory the inputs before it used. Keyed by the
/// compiled policy, which a kept Decider keeps alive (so no new policy can
/// take its address); a policy fuzzer makes a new one every input, so the
/// kept ones are forgotten now and then.
inline Decider& decider_for(const Policy& policy, const EvalOptions& options) {
  static std::map<std::pair<const void*, bool>, Decider> deciders;
  auto key = std::make_pair(static_cast<const void*>(&detail::compiled_of(policy)), options.assume_in_jurisdiction);
  auto it = deciders.find(key);
  if (it == deciders.end()) {
    if (deciders.size() >= 16) deciders.clear();
    it = deciders.emplace(key, Decider(policy, options)).first;
  }
  return it->second;
}

/// Evaluates and renders, as the CLI would; an exception escaping is a bug.
/// The reused Decider must decide what the fresh evaluation says, and
/// explaining must not change the result.
inline void evaluate_all_ways(const Policy& policy, const Facts& facts, const Date& as_of) {
  try {
    for (bool assume : {false, true}) {
      EvalOptions options;
      options.assume_in_jurisdiction = assume;
      EvalResult result = policy.evaluate(facts, as_of, options);
      check_diagnostics(result.errors);
      if (result.ok() == !result.errors.empty()) broken("an evaluation with both a result and errors, or neither");
      Decider& decider = decider_for(policy, options);
      if (decider.decide(facts, as_of) != result.ok()) broken("Decider and Policy::evaluate disagree on errors");
      if (result.ok()) {
        std::string differ = testing::decisions_differ(policy, decider.decisions(), *result.evaluation);
        if (!differ.empty()) broken("Decider and Policy::evaluate disagree: " + differ);
        const std::string json = to_json(*result.evaluation);
        (void)to_text(*result.evaluation);
        options.explain = true;
        EvalResult explained = policy.evaluate(facts, as_of, options);
        if (!explained.ok()) broken("explaining failed where evaluating did not");
        explained.evaluation->explanations.reset();
        if (to_json(*explained.evaluation) != json) broken("explaining changed the result");
      }
    }
  } catch (const std::exception& e) {
    broken(std::string("evaluate threw: ") + e.what());
  } catch (...) {
    broken("evaluate threw something");
  }
}

}  // namespace fuzhu::fuzz
