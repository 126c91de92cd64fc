// fuzhu fmt [--check] [--keywords zh|en] [--stdout] FILE...: rewrites policy
// and schema files in the canonical layout (docs/formatting.md).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "format/format.hpp"
#include "limits.hpp"

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

std::optional<std::string> read_source(const std::string& path) {
  if (path != "-") return read_text_file(path, limits::max_policy_bytes);
  std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  return text;
}

// Replaces the file through a temporary beside it, so an interrupted write
// never leaves half a policy.
bool write_file(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".fmt-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::cerr << fmt::format("{}: error: cannot write {}\n", path, temporary);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::cerr << fmt::format("{}: error: cannot replace the file: {}\n", path, ec.message());
    std::filesystem::remove(temporary, ec);
    return false;
  }
  return true;
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
  const bool changed = *result.text != *source;
  if (o.check) {
    if (changed) std::cout << path << "\n";
  } else if (o.to_stdout || path == "-") {
    std::cout << *result.text;
  } else if (changed && !write_file(path, *result.text)) {
    return Outcome::failed;
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
