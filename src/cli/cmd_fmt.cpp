// fuzhu fmt [--check] [--keywords zh|en] [--stdout] FILE...: rewrites policy
// and schema files in the canonical layout (docs/formatting.md).
#include <unistd.h>

#include <iostream>

#include <fmt/format.h>

#include "cli/atomic_write.hpp"
#include "cli/command.hpp"
#include "cli/common.hpp"
#include "format/format.hpp"
#include "files/read_file.hpp"
#include "limits.hpp"
#include "syntax/printable.hpp"

namespace fuzhu::cli {

namespace {

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false;
  bool to_stdout = false;
  std::string keywords;  // "", "zh" or "en"
};

format::KeywordSet keyword_set(const std::string& name) {
  if (name == "zh") return format::KeywordSet::zh;
  if (name == "en") return format::KeywordSet::en;
  return format::KeywordSet::keep;
}

// Standard input is held to the same limit as a file: a policy is at most
// max_policy_bytes, and /dev/zero must not fill memory.
std::optional<std::string> read_source(const std::string& path) {
  if (path != "-") return read_text_file(path, limits::max_policy_bytes);
  auto result = files::read_stream(STDIN_FILENO, limits::max_policy_bytes);
  if (result.ok()) return std::move(result.text);
  if (result.status == files::ReadStatus::too_large)
    print_error(Diag::policy_too_large, "<stdin>",
                fmt::format("more than {} bytes; a policy may be at most {} bytes", limits::max_policy_bytes,
                            limits::max_policy_bytes));
  else
    print_error(code_of(result), "<stdin>", files::describe(result, limits::max_policy_bytes));
  return std::nullopt;
}

enum class Outcome { unchanged, changed, failed };

Outcome format_one(const std::string& path, const FmtOptions& o) {
  auto source = read_source(path);
  if (!source) return Outcome::failed;
  format::Options options;
  options.keywords = keyword_set(o.keywords);
  auto result = format::format_source(*source, path == "-" ? "<stdin>" : path, options);
  print_diagnostics(result.diagnostics);
  if (!result.ok()) return Outcome::failed;
  if (result.text->size() > limits::max_policy_bytes) {
    // Nothing could load the file afterwards: refuse rather than write it.
    print_error(Diag::formatted_too_large, path,
                fmt::format("formatted, the file would be {} bytes, past the {} bytes a policy may have: "
                            "split it into files joined by `use`",
                            result.text->size(), limits::max_policy_bytes));
    return Outcome::failed;
  }
  const bool changed = *result.text != *source;
  if (o.check) {
    if (changed) std::cout << printable(path) << "\n";  // a name may hold any byte but '/' and NUL
  } else if (o.to_stdout || path == "-") {
    std::cout << *result.text;
  } else if (changed) {
    if (auto error = write_atomically(path, *result.text); !error.empty()) {
      print_error(Diag::cannot_write, path, "the formatted text was not written: " + error);
      return Outcome::failed;
    }
  }
  return changed ? Outcome::changed : Outcome::unchanged;
}

int run_fmt(const FmtOptions& o) {
  int failed = 0, unformatted = 0;
  for (const auto& path : o.files) {
    switch (format_one(path, o)) {
      case Outcome::failed: ++failed; break;
      case Outcome::changed: ++unformatted; break;
      case Outcome::unchanged: break;
    }
  }
  if (failed) std::cerr << fmt::format("{} of {} files could not be formatted\n", failed, o.files.size());
  if (o.check && unformatted)
    std::cerr << fmt::format("{} of {} files are not formatted: run fuzhu fmt on them\n", unformatted, o.files.size());
  return failed || (o.check && unformatted) ? exit_failed : exit_ok;
}

const RegisterCommand fmt_command{50, [](CLI::App& app) {
  auto o = std::make_shared<FmtOptions>();
  auto* sub = app.add_subcommand("fmt", "rewrite policy and schema files in the canonical layout");
  sub->add_option("files", o->files, "the .policy and .schema files ('-': standard input to output)")->required();
  sub->add_flag("--check", o->check, "change nothing; list the files that are not formatted and exit 1");
  sub->add_option("--keywords", o->keywords, "write every keyword in Chinese (zh) or English (en)")
      ->check(CLI::IsMember({"zh", "en"}));
  sub->add_flag("--stdout", o->to_stdout, "print the formatted text instead of rewriting the files");
  return [sub, o] { return *sub ? run_fmt(*o) : -1; };
}};

}  // namespace

}  // namespace fuzhu::cli
