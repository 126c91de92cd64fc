// fuzhu simulate POLICY POPULATION [--as-of D] [--threads N] [--format text|json]
//                [--input-format jsonl|csv] [--all-in-jurisdiction] [--baseline OLD]:
// what a policy costs across a whole population file, per benefit and per
// payer; with --baseline, what changing OLD into POLICY costs, both decided
// on each family in one pass. One bad line is reported and skipped, never
// stops the run.
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "sim/comparison_report.hpp"
#include "sim/progress.hpp"
#include "sim/report.hpp"
#include "sim/simulate.hpp"

namespace fuzhu::cli {

namespace {

struct SimulateArgs {
  std::string policy, population, as_of, format = "text", input_format, baseline;
  unsigned threads = 0;  // 0: every core
  bool all_in_jurisdiction = false;
};

int run_comparison(const SimulateArgs& a, const Policy& policy, const sim::SimulateOptions& options) {
  auto baseline = compile_or_report(a.baseline);
  if (!baseline) return exit_failed;
  auto result = sim::simulate_against(policy, *baseline, a.population, options);
  if (!result.ok()) {
    std::cerr << "error: " << result.error << "\n";
    return exit_failed;
  }
  const sim::ReportHeader header{a.population, options.as_of};
  std::cout << (a.format == "json" ? sim::comparison_json(policy, *baseline, header, result)
                                   : sim::comparison_text(policy, *baseline, header, result));
  if (result.tally.overflow || result.baseline.overflow || result.change.overflow) {
    std::cerr << "error: a total does not fit in 64 bits of fen\n";
    return exit_failed;
  }
  return exit_ok;
}

int run_simulate(const SimulateArgs& a) {
  auto as_of = parse_as_of(a.as_of);
  if (!as_of) return exit_usage;
  auto policy = compile_or_report(a.policy);
  if (!policy) return exit_failed;

  sim::SimulateOptions options;
  options.as_of = *as_of;
  options.threads = a.threads > 0 ? a.threads : std::max(1u, std::thread::hardware_concurrency());
  options.format = a.input_format.empty() ? sim::format_of(a.population)
                   : a.input_format == "csv" ? sim::InputFormat::csv : sim::InputFormat::jsonl;
  options.assume_in_jurisdiction = a.all_in_jurisdiction;
  options.progress = sim::Progress::stderr_is_terminal();

  if (!a.baseline.empty()) return run_comparison(a, *policy, options);
  auto result = sim::simulate(*policy, a.population, options);
  if (!result.ok()) {
    std::cerr << "error: " << result.error << "\n";
    return exit_failed;
  }
  const sim::ReportHeader header{a.population, *as_of};
  std::cout << (a.format == "json" ? sim::report_json(*policy, header, result.tally)
                                   : sim::report_text(*policy, header, result.tally));
  if (result.tally.overflow) {
    std::cerr << "error: a total does not fit in 64 bits of fen\n";
    return exit_failed;
  }
  return exit_ok;
}

const RegisterCommand simulate_command{50, [](CLI::App& app) {
  auto a = std::make_shared<SimulateArgs>();
  auto* sub = app.add_subcommand("simulate", "what a policy costs across a population file (JSON Lines or CSV)");
  sub->add_option("policy", a->policy, "the .policy file")->required();
  sub->add_option("population", a->population, "one family a line: .jsonl, or .csv with a header of fact paths; - for stdin")
      ->required();
  sub->add_option("--as-of", a->as_of, "evaluation date YYYY-MM-DD (default: today)");
  sub->add_option("--threads", a->threads, "evaluating threads (default: every core)")->check(CLI::Range(1u, 1024u));
  sub->add_option("--format", a->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--input-format", a->input_format, "jsonl or csv (default: by the file's extension)")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  sub->add_flag("--all-in-jurisdiction", a->all_in_jurisdiction,
                "evaluate every family as if registered in the policy's jurisdiction");
  sub->add_option("--baseline", a->baseline,
                  "an older version of the policy: report both, their difference by benefit and payer, the families "
                  "gaining and losing, and the clauses that drive it (docs/simulate.md)");
  return [sub, a] { return *sub ? run_simulate(*a) : -1; };
}};

}  // namespace

}  // namespace fuzhu::cli
