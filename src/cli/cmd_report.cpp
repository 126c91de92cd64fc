// fuzhu report POLICY --document DOC.txt [--since OLD.policy] [-o report.html]:
// a self-contained HTML page for legal review: the whole document, each
// benefit in plain words under the clause it cites, the definitions, the
// figures tied to the script's, a version stamp and a line to sign; with
// --since, the benefits changed since OLD are marked for review again. The page is written even when a cite names
// no clause of the document (it shows the warning), but the exit code is
// then 1, so a script or CI notices.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/atomic_write.hpp"
#include "cli/command.hpp"
#include "cli/common.hpp"
#include "compile/policy.hpp"
#include "fuzhu/version.hpp"
#include "report/from_policy.hpp"
#include "report/since_diff.hpp"
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
  const SourceSet& sources = detail::compiled_of(policy).sources;
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

// The stamp: the hash of every file the page is made from, as read now.
std::optional<report::Stamp> stamp_of(const std::vector<std::string>& inputs) {
  report::Stamp stamp;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto hash = report::hash_file(inputs[i]);
    if (!hash) {
      print_error(Diag::cannot_read, inputs[i], "cannot read the file again to hash it for the page's stamp");
      return std::nullopt;
    }
    if (i == 0) stamp.document = std::move(*hash);
    else stamp.policy_files.push_back(std::move(*hash));
  }
  stamp.engine_version = version();
  stamp.generated = report::generation_time();
  return stamp;
}

struct ReportOptions {
  std::string policy, document, since, output = "-";
};

int run_report(const ReportOptions& o) {
  auto policy = compile_or_report(o.policy);
  if (!policy) return exit_failed;
  auto document = read_document(o.document);
  if (!document) return exit_failed;
  auto review = report::review_of(*policy, std::filesystem::path(o.document).filename().string(), std::move(*document));
  const std::vector<std::string> inputs = inputs_of(*policy, o.document);
  auto stamp = stamp_of(inputs);
  if (!stamp) return exit_failed;
  review.stamp = std::move(*stamp);
  if (!o.since.empty()) {
    auto before = compile_or_report(o.since);
    if (!before) return exit_failed;
    auto before_hash = report::hash_file(o.since);
    if (!before_hash) return exit_failed;
    review.since = report::since_of(*before, *policy, std::move(*before_hash));
  }
  auto pairing = report::pair_up(review);
  std::vector<std::string> guarded = inputs;  // -o never overwrites one of them
  if (!o.since.empty()) guarded.push_back(o.since);
  if (!write_page(o.output, report::render_page(review, pairing), guarded)) return exit_failed;
  print_diagnostics(report::findings_as_diagnostics(*policy, pairing));
  return pairing.cite_unresolved() ? exit_failed : exit_ok;
}

const RegisterCommand report_command{50, [](CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  auto* sub = app.add_subcommand("report", "an HTML page for legal review: each benefit beside the clause it cites");
  sub->add_option("policy", o->policy, "the .policy file")->required();
  sub->add_option("--document", o->document, "the document's plain text (UTF-8)")->required();
  sub->add_option("--since", o->since, "an earlier version of the policy: mark the benefits changed since it");
  sub->add_option("-o,--output", o->output, "the HTML file to write (default: standard output)");
  return [sub, o] { return *sub ? run_report(*o) : -1; };
}};

}  // namespace

}  // namespace fuzhu::cli
