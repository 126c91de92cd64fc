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
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <fuzhu/fuzhu.hpp>

namespace {

struct Expected {
  std::string severity, file, code, text;
  int line = 0, column = 0;
  int written_on = 0;  // the test file's line holding the expectation
};

std::vector<Expected> expectations(const std::string& text, const std::string& own_name) {
  static const std::regex pattern(R"(#\s*(error|warning):\s*(?:([^\s:]+):)?(\d+):(\d+)\s+([A-Z]\d{3})\s*(.*?)\s*$)");
  std::vector<Expected> out;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    std::smatch m;
    if (!std::regex_search(line, m, pattern)) continue;
    out.push_back({m[1], m[2].matched ? std::string(m[2]) : own_name, m[5], m[6], std::stoi(m[3]), std::stoi(m[4]), number});
  }
  return out;
}

bool meets(const fuzhu::Diagnostic& d, const Expected& e) {
  const char* severity = d.severity == fuzhu::Severity::error ? "error" : "warning";
  return e.severity == severity && std::filesystem::path(d.file).filename() == e.file && d.line == e.line &&
         d.column == e.column && d.code == e.code && d.message.find(e.text) != std::string::npos;
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
  std::vector<fuzhu::Diagnostic> actual = fuzhu::Policy::compile_file(path).diagnostics;

  int failures = 0;
  std::vector<bool> met(expected.size(), false);
  for (const auto& d : actual) {
    auto it = std::find_if(expected.begin(), expected.end(),
                           [&](const Expected& e) { return !met[&e - expected.data()] && meets(d, e); });
    if (it != expected.end()) {
      met[static_cast<std::size_t>(it - expected.begin())] = true;
      continue;
    }
    ++failures;
    std::cerr << "unexpected: " << d.render();
  }
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (met[i]) continue;
    ++failures;
    const Expected& e = expected[i];
    std::cerr << path.string() << ":" << e.written_on << ": expected, not given: " << e.severity << " " << e.file << ":"
              << e.line << ":" << e.column << " " << e.code << " " << e.text << "\n";
  }
  if (expected.empty() && actual.empty()) {
    std::cerr << path.string() << ": expects no diagnostic; a check file should expect at least one\n";
    return 1;
  }
  std::cerr << path.filename().string() << ": " << expected.size() << " expected, " << failures << " failures\n";
  return failures == 0 ? 0 : 1;
}
