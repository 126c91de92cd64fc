// fuzhu check POLICY...: parse and check; diagnostics on stderr.
#include <iostream>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/common.hpp"

namespace fuzhu::cli {

int run_check(const std::vector<std::string>& policies) {
  int failed = 0;
  std::vector<Policy> compiled;
  for (const auto& path : policies) {
    auto result = Policy::compile_file(path, compile_options());
    print_diagnostics(result.diagnostics);
    if (!result.ok()) ++failed;
    else compiled.push_back(*result.policy);
  }
  if (failed) std::cerr << fmt::format("{} of {} policies have errors\n", failed, policies.size());
  // Checked together, the policies must mean one thing by one fact.
  if (!facts_agree(compiled)) return exit_failed;
  return failed ? exit_failed : exit_ok;
}

namespace {

const RegisterCommand check_command{20, [](CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto* sub = app.add_subcommand("check", "parse and check policies");
  sub->add_option("policies", *files, "the .policy files")->required();
  return [sub, files] { return *sub ? run_check(*files) : -1; };
}};

}  // namespace

}  // namespace fuzhu::cli
