// fuzhu check POLICY... [--document DOC.txt]: parse and check; diagnostics
// on stderr. With the document, the policy's cites and quotes are read
// against it too (docs/diagnostics.md, "C — citations").
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "report/from_policy.hpp"

namespace fuzhu::cli {

namespace {

// The citation warnings of one compiled policy against its document; false
// when a cite names no clause of it (then the check fails, as `report` does).
bool check_against(const Policy& policy, const std::string& document_path) {
  auto document = read_document(document_path);
  if (!document) return false;
  auto review = report::review_of(policy, std::filesystem::path(document_path).filename().string(), std::move(*document));
  auto pairing = report::pair_up(review);
  print_diagnostics(report::findings_as_diagnostics(policy, pairing));
  return !pairing.cite_unresolved();
}

}  // namespace

int run_check(const std::vector<std::string>& policies, const std::string& document) {
  if (!document.empty() && policies.size() != 1) {
    std::cerr << "check --document reads one policy against its document: give one policy\n";
    return exit_usage;
  }
  int failed = 0;
  std::vector<Policy> compiled;
  for (const auto& path : policies) {
    auto result = Policy::compile_file(path, compile_options());
    print_diagnostics(result.diagnostics);
    if (!result.ok() || (!document.empty() && !check_against(*result.policy, document))) ++failed;
    if (result.ok()) compiled.push_back(*result.policy);
  }
  if (failed) std::cerr << fmt::format("{} of {} policies have errors\n", failed, policies.size());
  // Checked together, the policies must mean one thing by one fact.
  if (!facts_agree(compiled)) return exit_failed;
  return failed ? exit_failed : exit_ok;
}

namespace {

const RegisterCommand check_command{20, [](CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto document = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("check", "parse and check policies");
  sub->add_option("policies", *files, "the .policy files")->required();
  sub->add_option("--document", *document, "the document's plain text: read the policy's cites and quotes against it");
  return [sub, files, document] { return *sub ? run_check(*files, *document) : -1; };
}};

}  // namespace

}  // namespace fuzhu::cli
