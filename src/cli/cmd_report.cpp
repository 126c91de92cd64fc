// fuzhu report POLICY --document DOC.txt [-o report.html]: a self-contained
// HTML page for legal review, each benefit beside the clause it cites and
// the clauses no benefit cites. The page is written even when a cite names
// no clause of the document (it shows the warning), but the exit code is
// then 1, so a script or CI notices.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "report/from_policy.hpp"
#include "syntax/source.hpp"

namespace fuzhu::cli {

namespace {

constexpr std::size_t max_document_bytes = std::size_t{4} << 20;

std::optional<std::string> read_document(const std::string& path) {
  auto text = read_text_file(path, max_document_bytes);
  if (!text) return std::nullopt;
  std::size_t bad = 0;
  if (!valid_utf8(*text, bad)) {
    std::cerr << fmt::format("{}: error: the document is not UTF-8 (byte {})\n", path, bad);
    return std::nullopt;
  }
  return text;
}

bool write_page(const std::string& output, const std::string& page) {
  if (output == "-") {
    std::cout << page;
    return true;
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out << page;
  out.close();
  if (!out) std::cerr << fmt::format("{}: error: cannot write the report\n", output);
  return static_cast<bool>(out);
}

int run_report(const std::string& policy_path, const std::string& document_path, const std::string& output) {
  auto policy = compile_or_report(policy_path);
  if (!policy) return exit_failed;
  auto document = read_document(document_path);
  if (!document) return exit_failed;
  auto review = report::review_of(*policy, std::filesystem::path(document_path).filename().string(), std::move(*document));
  auto pairing = report::pair_up(review);
  if (!write_page(output, report::render_page(review, pairing))) return exit_failed;
  for (const auto& w : pairing.warnings) std::cerr << fmt::format("{}: warning: {}\n", policy_path, w);
  return pairing.warnings.empty() ? exit_ok : exit_failed;
}

const RegisterCommand report_command{50, [](CLI::App& app) {
  struct Options {
    std::string policy, document, output = "-";
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("report", "an HTML page for legal review: each benefit beside the clause it cites");
  sub->add_option("policy", o->policy, "the .policy file")->required();
  sub->add_option("--document", o->document, "the document's plain text (UTF-8)")->required();
  sub->add_option("-o,--output", o->output, "the HTML file to write (default: standard output)");
  return [sub, o] { return *sub ? run_report(o->policy, o->document, o->output) : -1; };
}};

}  // namespace

}  // namespace fuzhu::cli
