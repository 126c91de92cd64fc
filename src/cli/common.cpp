#include "cli/common.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

namespace fuzhu::cli {

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) { std::cerr << render_all(diagnostics); }

std::optional<std::string> read_text_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    std::cerr << fmt::format("{}: error: no such file\n", path);
    return std::nullopt;
  }
  auto size = std::filesystem::file_size(path, ec);
  if (ec || size > max_bytes) {
    std::cerr << fmt::format("{}: error: the file is larger than {} bytes\n", path, max_bytes);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << fmt::format("{}: error: cannot read the file\n", path);
    return std::nullopt;
  }
  return text.str();
}

std::optional<Policy> compile_or_report(const std::string& path) {
  auto result = Policy::compile_file(path);
  print_diagnostics(result.diagnostics);
  return std::move(result.policy);
}

std::optional<Facts> read_facts_or_report(const Policy& policy, const std::string& path) {
  auto text = read_text_file(path, std::size_t{1} << 20);
  if (!text) return std::nullopt;
  auto result = policy.read_facts(*text);
  for (auto& d : result.diagnostics) d.file = path;
  print_diagnostics(result.diagnostics);
  return std::move(result.facts);
}

std::optional<Evaluation> evaluate_or_report(const Policy& policy, const std::string& facts_path, const Date& as_of,
                                             const EvalOptions& options) {
  auto facts = read_facts_or_report(policy, facts_path);
  if (!facts) return std::nullopt;
  auto result = policy.evaluate(*facts, as_of, options);
  for (auto& d : result.errors)
    if (d.file.empty()) d.file = facts_path;
  print_diagnostics(result.errors);
  return std::move(result.evaluation);
}

std::optional<Date> parse_as_of(const std::string& text) {
  if (text.empty()) return Date::today();
  auto date = Date::parse(text);
  if (!date) std::cerr << fmt::format("error: --as-of {} is not a date of the calendar (YYYY-MM-DD)\n", text);
  return date;
}

}  // namespace fuzhu::cli
