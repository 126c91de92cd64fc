// What the commands share: reading files, printing diagnostics, exit codes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostics/codes.hpp"
#include "files/read_file.hpp"
#include "fuzhu/fuzhu.hpp"

namespace fuzhu::cli {

// Exit codes of every command.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;  // a policy with errors, bad facts, a failing test case
inline constexpr int exit_usage = 2;   // a wrong command line, a missing file

/// The whole file, or nullopt after printing why not (missing, a directory,
/// too large: reading stops at max_bytes whatever size the file reports).
std::optional<std::string> read_text_file(const std::string& path, std::size_t max_bytes);

/// What went wrong reading a file, as a diagnostic code (F001, F002, ...).
Diag code_of(const files::ReadResult& result);

/// Prints one error about a file (no line): "file: error: message [CODE]".
void print_error(Diag code, const std::string& file, std::string message);

/// How every command compiles: `use` may also read below the current folder.
CompileOptions compile_options();

/// Compiles a policy file, printing its diagnostics (warnings too) to stderr.
std::optional<Policy> compile_or_report(const std::string& path);

/// Reads a facts JSON file for `policy`, printing problems to stderr.
std::optional<Facts> read_facts_or_report(const Policy& policy, const std::string& path);

/// Reads the facts for `policy` and evaluates them, printing any problem
/// (facts, dates, arithmetic) to stderr, each naming the facts file.
std::optional<Evaluation> evaluate_or_report(const Policy& policy, const std::string& facts_path, const Date& as_of,
                                             const EvalOptions& options);

std::optional<Date> parse_as_of(const std::string& text);

void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

/// False, after printing each, when policies taken together declare one fact
/// with two types (D015).
bool facts_agree(const std::vector<Policy>& policies);

/// A document's plain text for `report` and `check --document`: at most
/// 4 MiB of UTF-8; nullopt after printing why not.
std::optional<std::string> read_document(const std::string& path);

int run_check(const std::vector<std::string>& policies, const std::string& document = "");
int run_test(const std::vector<std::string>& paths);
int run_compare(const std::string& facts, const std::vector<std::string>& policies, const std::string& as_of,
                const std::string& format);

}  // namespace fuzhu::cli
