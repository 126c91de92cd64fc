// fuzhu report POLICY --document DOC.txt [-o report.html]: a self-contained
// HTML page for legal review, each benefit beside the clause it cites and
// the clauses no benefit cites. The page is written even when a cite names
// no clause of the document (it shows the warning), but the exit code is
// then 1, so a script or CI notices.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/atomic_write.hpp"
#include "cli/command.hpp"
#include "cli/common.hpp"
#include "compile/policy.hpp"
#include "report/from_policy.hpp"
#include "syntax/printable.hpp"
#include "syntax/source.hpp"
#include "api/internal.hpp"

namespace fuzhu::cli {

namespace {

constexpr std::size_t max_document_bytes = std::size_t{4} << 20;

}  // namespace

std::optional<std::string> read_document(const std::string& path) {
  auto text = read_text_file(path, max_document_bytes);
  if (!text) return std::nullopt;
  std::size_t bad = 0;
  if (!valid_utf8(*text, bad)) {
    std::cerr << fmt::format("{}: error: the document is not UTF-8 (byte {})\n", printable(path), bad);
    return std::nullopt;
  }
  return text;
}

namespace {

// The files the page is made from: the policy, every file it uses, the document.
std::vector<std::string> inputs_of(const Policy& policy, const std::string& document_path) {
  std::vector<std::string> inputs{document_path};
  const SourceSet& sources = detail::compiled_of(policy).program->sources;
  for (int i = 0; i < sources.size(); ++i) inputs.push_back(sources.file(i).name());
  return inputs;
}

bool write_page(const std::string& output, const std::string& page, const std::vector<std::string>& inputs) {
  if (output == "-") {
    std::cout << page;
    return true;
  }
  for (const auto& input : inputs)
    if (same_file(output, input)) {
      print_error(Diag::output_is_input, output,
                  fmt::format("this is {}, one of the report's inputs: choose another file for -o", input));
      return false;
    }
  if (auto error = write_atomically(output, page); !error.empty()) {
    print_error(Diag::cannot_write, output, "the report was not written: " + error);
    return false;
  }
  return true;
}

int run_report(const std::string& policy_path, const std::string& document_path, const std::string& output) {
  auto policy = compile_or_report(policy_path);
  if (!policy) return exit_failed;
  auto document = read_document(document_path);
  if (!document) return exit_failed;
  auto review = report::review_of(*policy, std::filesystem::path(document_path).filename().string(), std::move(*document));
  auto pairing = report::pair_up(review);
  if (!write_page(output, report::render_page(review, pairing), inputs_of(*policy, document_path))) return exit_failed;
  print_diagnostics(report::findings_as_diagnostics(*policy, pairing));
  return pairing.cite_unresolved() ? exit_failed : exit_ok;
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
