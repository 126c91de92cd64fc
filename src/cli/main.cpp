// fuzhu: evaluate, check and test welfare-policy scripts.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/common.hpp"

int main(int argc, char** argv) {
  using namespace fuzhu::cli;
  CLI::App app{"fuzhu (扶助): evaluate welfare-policy scripts against a family's facts"};
  app.require_subcommand(1);

  std::string policy, facts, as_of, format = "text";
  auto* eval = app.add_subcommand("eval", "what a family is entitled to under a policy");
  eval->add_option("policy", policy, "the .policy file")->required();
  eval->add_option("facts", facts, "the family's facts, as JSON")->required();
  eval->add_option("--as-of", as_of, "evaluation date YYYY-MM-DD (default: today)");
  eval->add_option("--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));

  std::vector<std::string> files;
  auto* check = app.add_subcommand("check", "parse and check policies");
  check->add_option("policies", files, "the .policy files")->required();

  std::vector<std::string> paths;
  auto* test = app.add_subcommand("test", "run policy test cases (*.cases.json)");
  test->add_option("paths", paths, "case files or folders (default: tests/cases)");

  std::string compare_facts, compare_as_of, compare_format = "text";
  std::vector<std::string> compare_policies;
  auto* compare = app.add_subcommand("compare", "one family against several policies, side by side");
  compare->add_option("facts", compare_facts, "the family's facts, as JSON")->required();
  compare->add_option("policies", compare_policies, "the .policy files")->required();
  compare->add_option("--as-of", compare_as_of, "evaluation date YYYY-MM-DD (default: today)");
  compare->add_option("--format", compare_format, "text or json")->check(CLI::IsMember({"text", "json"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? exit_ok : exit_usage;
  }
  try {
    if (*eval) return run_eval(policy, facts, as_of, format);
    if (*check) return run_check(files);
    if (*compare) return run_compare(compare_facts, compare_policies, compare_as_of, compare_format);
    if (*test) return run_test(paths.empty() ? std::vector<std::string>{"tests/cases"} : paths);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return exit_failed;
  }
  return exit_usage;
}
