// fuzhu: evaluate, check and test welfare-policy scripts.
#include <algorithm>
#include <iostream>

#include "cli/command.hpp"
#include "cli/common.hpp"

namespace fuzhu::cli {

std::vector<Command>& commands() {
  static std::vector<Command> all;
  return all;
}

}  // namespace fuzhu::cli

int main(int argc, char** argv) {
  using namespace fuzhu::cli;
  CLI::App app{"fuzhu (扶助): evaluate welfare-policy scripts against a family's facts"};
  app.require_subcommand(1);
  auto& all = commands();
  std::sort(all.begin(), all.end(), [](const Command& a, const Command& b) { return a.order < b.order; });
  std::vector<std::function<int()>> runners;
  for (const auto& command : all) runners.push_back(command.setup(app));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? exit_ok : exit_usage;
  }
  try {
    for (const auto& run : runners)
      if (int code = run(); code >= 0) return code;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return exit_failed;
  }
  return exit_usage;
}
