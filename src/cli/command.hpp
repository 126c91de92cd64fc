// Each command registers itself from its own file: main.cpp never changes
// when a command is added.
#pragma once

#include <functional>
#include <vector>

#include <CLI/CLI.hpp>

namespace fuzhu::cli {

/// Adds a subcommand to `app` and returns what runs it: the runner returns
/// the exit code, or -1 when its subcommand was not the one chosen.
using CommandSetup = std::function<std::function<int()>(CLI::App& app)>;

struct Command {
  int order;  // position in --help
  CommandSetup setup;
};

std::vector<Command>& commands();

struct RegisterCommand {
  RegisterCommand(int order, CommandSetup setup) { commands().push_back({order, std::move(setup)}); }
};

}  // namespace fuzhu::cli
