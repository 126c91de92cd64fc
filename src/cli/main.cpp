// fuzhu: evaluate, check and test welfare-policy scripts.
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>

#include "cli/command.hpp"
#include "cli/common.hpp"

namespace fuzhu::cli {

std::vector<Command>& commands() {
  static std::vector<Command> all;
  return all;
}

// A command's output that could not be written (a full disk, a closed
// pipe) is a failure, with the system's reason.
int output_written(int code) {
  errno = 0;
  std::cout.flush();
  if (std::cout) return code;
  std::cerr << "error: the output could not be written: " << (errno ? std::strerror(errno) : "write error") << "\n";
  return exit_failed;
}

}  // namespace fuzhu::cli

int main(int argc, char** argv) {
  using namespace fuzhu::cli;
  // Past a file size limit (ulimit -f) a write fails with EFBIG, which is
  // reported and cleaned up, instead of the signal killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
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
      if (int code = run(); code >= 0) return output_written(code);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return exit_failed;
  }
  return exit_usage;
}
