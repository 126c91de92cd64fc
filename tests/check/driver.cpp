// Checks one policy file against the diagnostics it says it should give.
//
// A file in tests/check/ carries its expectations as comments, anywhere in it:
//
//   # error: 12:8 N003 unknown name
//   # warning: 20:3 P008
//   # error: facts.schema:4:1 D001        (a diagnostic in another file)
//
// LINE:COL is where the diagnostic points (columns in characters), CODE its
// code, and the rest, if any, a piece of its message. The file passes when
// every diagnostic fuzhu gives is expected and every expectation is met.
//
// A file may hold several cases, each starting at a line "# case: TITLE".
// The lines before the first case (the header) are shared: each case is
// compiled alone, as the header and its own lines, the other cases' lines left
// blank so that line numbers stay the file's. One syntax error stops a parse,
// so each needs a case of its own; a case that expects nothing asserts that
// its lines compile cleanly.
//
// A line "# document: PATH" (relative to the file) reads the policy's cites
// and quotes against that document too, as `fuzhu check --document` does.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fuzhu/fuzhu.hpp>

#include "report/from_policy.hpp"
#include "report/review.hpp"

namespace {

struct Expected {
  std::string severity, file, code, text;
  int line = 0, column = 0;
  int written_on = 0;  // the test file's line holding the expectation
};

// Reads "# SEVERITY: [FILE:]LINE:COL CODE [TEXT]" from one line of the test
// file. Parsed by hand: GCC 12's <regex> trips -Wmaybe-uninitialized under
// the sanitizer build's -O1 -Werror.
std::optional<Expected> expectation(std::string_view line, const std::string& own_name) {
  auto skip_space = [&] { while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1); };
  auto number = [](std::string_view digits) -> std::optional<int> {
    int value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc{} || end != digits.data() + digits.size() || digits.empty()) return std::nullopt;
    return value;
  };
  std::size_t hash = line.find('#');
  if (hash == std::string_view::npos) return std::nullopt;
  line.remove_prefix(hash + 1);
  skip_space();
  Expected e;
  for (const char* severity : {"error:", "warning:"}) {
    if (line.starts_with(severity)) {
      e.severity = std::string(severity, std::strlen(severity) - 1);
      line.remove_prefix(std::strlen(severity));
    }
  }
  if (e.severity.empty()) return std::nullopt;
  skip_space();
  std::size_t space = line.find_first_of(" \t");
  std::string_view where = line.substr(0, space);
  line.remove_prefix(space == std::string_view::npos ? line.size() : space);
  // where = [FILE:]LINE:COL
  std::size_t last = where.rfind(':');
  if (last == std::string_view::npos) return std::nullopt;
  std::size_t middle = where.rfind(':', last - 1);
  std::string_view line_text = middle == std::string_view::npos ? where.substr(0, last) : where.substr(middle + 1, last - middle - 1);
  e.file = middle == std::string_view::npos ? own_name : std::string(where.substr(0, middle));
  auto line_number = number(line_text);
  auto column = number(where.substr(last + 1));
  if (!line_number || !column) return std::nullopt;
  e.line = *line_number;
  e.column = *column;
  skip_space();
  std::string_view code = line.substr(0, 4);
  if (code.size() != 4 || code[0] < 'A' || code[0] > 'Z' || !number(code.substr(1))) return std::nullopt;
  e.code = std::string(code);
  line.remove_prefix(4);
  skip_space();
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  e.text = std::string(line);
  return e;
}

std::vector<Expected> expectations(const std::string& text, const std::string& own_name) {
  std::vector<Expected> out;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (auto e = expectation(line, own_name)) {
      e->written_on = number;
      out.push_back(std::move(*e));
    }
  }
  return out;
}

bool meets(const fuzhu::Diagnostic& d, const Expected& e) {
  const char* severity = d.severity == fuzhu::Severity::error ? "error" : "warning";
  return e.severity == severity && std::filesystem::path(d.file).filename() == e.file && d.line == e.line &&
         d.column == e.column && d.code == e.code && d.message.find(e.text) != std::string::npos;
}

// The document named by a line "# document: PATH", relative to the test
// file; empty when none.
std::filesystem::path document_named(const std::vector<std::string>& lines, const std::filesystem::path& file) {
  const std::string marker = "# document:";
  for (const std::string& line : lines) {
    if (line.rfind(marker, 0) != 0) continue;
    std::string path = line.substr(marker.size());
    while (!path.empty() && path.front() == ' ') path.erase(0, 1);
    return file.parent_path() / path;
  }
  return {};
}

// The diagnostics of a compilation, and with a document those of the
// policy's cites and quotes read against it.
std::vector<fuzhu::Diagnostic> diagnostics_of(fuzhu::CompileResult result, const std::string& document) {
  std::vector<fuzhu::Diagnostic> out = std::move(result.diagnostics);
  if (document.empty() || !result.ok()) return out;
  auto review = fuzhu::report::review_of(*result.policy, "document.txt", document);
  auto findings = fuzhu::report::findings_as_diagnostics(*result.policy, fuzhu::report::pair_up(review));
  out.insert(out.end(), findings.begin(), findings.end());
  return out;
}

// A case: its title, and the file's lines [first, end) that belong to it.
struct Case {
  std::string title;
  int first = 0, end = 0;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) out.push_back(line);
  return out;
}

std::vector<Case> cases_of(const std::vector<std::string>& lines) {
  const std::string marker = "# case:";
  std::vector<Case> out;
  for (int i = 0; i < static_cast<int>(lines.size()); ++i) {
    const std::string& line = lines[static_cast<std::size_t>(i)];
    if (line.rfind(marker, 0) != 0) continue;
    if (!out.empty()) out.back().end = i + 1;
    std::string title = line.substr(marker.size());
    while (!title.empty() && title.front() == ' ') title.erase(0, 1);
    out.push_back({title, i + 1, 0});
  }
  if (!out.empty()) out.back().end = static_cast<int>(lines.size()) + 1;
  return out;
}

// The header and one case's lines; every other line blank (1-based numbers).
std::string text_of(const std::vector<std::string>& lines, const Case& c, int header_end) {
  std::string out;
  for (int number = 1; number <= static_cast<int>(lines.size()); ++number) {
    if (number < header_end || (number >= c.first && number < c.end)) out += lines[static_cast<std::size_t>(number - 1)];
    out += '\n';
  }
  return out;
}

// Matches what fuzhu gave against what was expected; prints and counts the
// differences.
int compare(const std::vector<fuzhu::Diagnostic>& actual, const std::vector<Expected>& expected,
            const std::string& shown_path, const std::string& case_title) {
  int failures = 0;
  const std::string in_case = case_title.empty() ? "" : " (case: " + case_title + ")";
  std::vector<bool> met(expected.size(), false);
  for (const auto& d : actual) {
    auto it = std::find_if(expected.begin(), expected.end(),
                           [&](const Expected& e) { return !met[&e - expected.data()] && meets(d, e); });
    if (it != expected.end()) {
      met[static_cast<std::size_t>(it - expected.begin())] = true;
      continue;
    }
    ++failures;
    std::cerr << "unexpected" << in_case << ": " << d.render();
  }
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (met[i]) continue;
    ++failures;
    const Expected& e = expected[i];
    std::cerr << shown_path << ":" << e.written_on << ": expected, not given" << in_case << ": " << e.severity << " "
              << e.file << ":" << e.line << ":" << e.column << " " << e.code << " " << e.text << "\n";
  }
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: check_file_test FILE.policy\n";
    return 2;
  }
  const std::filesystem::path path = argv[1];
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::vector<Expected> expected = expectations(text.str(), path.filename().string());
  if (expected.empty()) {
    std::cerr << path.string() << ": expects no diagnostic; a check file should expect at least one\n";
    return 1;
  }
  fuzhu::CompileOptions options;
  options.allow_use_anywhere = true;  // the project's own files: `use "../../policies/facts.schema"`

  const std::vector<std::string> lines = lines_of(text.str());
  const std::vector<Case> cases = cases_of(lines);
  std::string document;
  if (auto named = document_named(lines, path); !named.empty()) {
    std::ifstream document_in(named, std::ios::binary);
    std::stringstream document_text;
    document_text << document_in.rdbuf();
    document = document_text.str();
    if (document.empty()) {
      std::cerr << path.string() << ": cannot read the document " << named.string() << "\n";
      return 1;
    }
  }
  int failures = 0;
  if (cases.empty()) {
    failures = compare(diagnostics_of(fuzhu::Policy::compile_file(path, options), document), expected, path.string(), "");
  } else {
    const int header_end = cases.front().first;
    for (const Expected& e : expected) {
      if (e.written_on >= header_end) continue;
      ++failures;
      std::cerr << path.string() << ":" << e.written_on << ": an expectation in the shared header; put it in a case\n";
    }
    for (const Case& c : cases) {
      std::vector<Expected> own;
      for (const Expected& e : expected)
        if (e.written_on >= c.first && e.written_on < c.end) own.push_back(e);
      auto result = fuzhu::Policy::compile_string(text_of(lines, c, header_end), path.string(), options);
      failures += compare(diagnostics_of(std::move(result), document), own, path.string(), c.title);
    }
  }
  std::cerr << path.filename().string() << ": " << expected.size() << " expected";
  if (!cases.empty()) std::cerr << " in " << cases.size() << " cases";
  std::cerr << ", " << failures << " failures\n";
  return failures == 0 ? 0 : 1;
}
