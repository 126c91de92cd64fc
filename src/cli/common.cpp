#include "cli/common.hpp"

#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "files/read_file.hpp"

namespace fuzhu::cli {

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) { std::cerr << render_all(diagnostics); }

void print_error(Diag code, const std::string& file, std::string message) {
  Diagnostic d = make_diagnostic(code, std::move(message));
  d.file = file;
  print_diagnostics({d});
}

Diag code_of(const files::ReadResult& result) {
  switch (result.status) {
    case files::ReadStatus::not_found: return Diag::no_such_file;
    case files::ReadStatus::is_directory:
    case files::ReadStatus::not_regular: return Diag::not_a_regular_file;
    case files::ReadStatus::too_large: return Diag::file_too_large;
    default: return Diag::cannot_read;
  }
}

std::optional<std::string> read_text_file(const std::string& path, std::size_t max_bytes) {
  auto result = files::read_file(path, max_bytes);
  if (!result.ok()) {
    print_error(code_of(result), path, files::describe(result, max_bytes));
    return std::nullopt;
  }
  return std::move(result.text);
}

CompileOptions compile_options() {
  // `use` reads below the policy's folder, and below the folder fuzhu runs
  // in: a project's tests may share its policies/facts.schema.
  CompileOptions options;
  std::error_code ec;
  if (auto here = std::filesystem::current_path(ec); !ec) options.use_roots.push_back(here);
  return options;
}

std::optional<Policy> compile_or_report(const std::string& path) {
  auto result = Policy::compile_file(path, compile_options());
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

bool facts_agree(const std::vector<Policy>& policies) {
  std::vector<const FactsSchema*> schemas;
  for (const auto& policy : policies) schemas.push_back(&policy.schema());
  const auto conflicts = conflicting_facts(schemas);
  print_diagnostics(conflicts);
  return conflicts.empty();
}

}  // namespace fuzhu::cli
