// Diagnostic codes: stable, unique, documented, and carried by diagnostics.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "diagnostics/codes.hpp"
#include "fuzhu/fuzhu.hpp"

namespace {

// The codes docs/diagnostics.md explains, in its order: its "### X123 — …" headings.
std::vector<std::string> documented_codes() {
  std::ifstream in(FUZHU_SOURCE_DIR "/docs/diagnostics.md");
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> codes;
  // Not <regex>: GCC 12's trips -Wmaybe-uninitialized in the sanitizer build.
  const std::string heading = "### ", dash = " — ";
  std::string line;
  while (std::getline(text, line)) {
    if (line.rfind(heading, 0) != 0 || line.compare(8, dash.size(), dash) != 0) continue;
    std::string code = line.substr(4, 4);
    bool well_formed = code[0] >= 'A' && code[0] <= 'Z' &&
                       std::all_of(code.begin() + 1, code.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (well_formed) codes.push_back(code);
  }
  return codes;
}

char letter_of(fuzhu::DiagnosticKind kind) {
  using K = fuzhu::DiagnosticKind;
  switch (kind) {
    case K::syntax: return 'S';
    case K::file: return 'F';
    case K::schema: return 'D';
    case K::policy: return 'P';
    case K::name: return 'N';
    case K::type: return 'T';
    case K::limit: return 'L';
    case K::facts: return 'X';
    case K::evaluation: return 'E';
    case K::usage: return 'U';
    case K::citation: return 'C';
  }
  return '?';
}

}  // namespace

TEST_CASE("every diagnostic code is documented in docs/diagnostics.md, in the same order") {
  std::vector<std::string> in_table;
  for (const auto& c : fuzhu::all_codes()) in_table.push_back(c.text);
  CHECK(documented_codes() == in_table);
}

TEST_CASE("diagnostic codes are unique and their letter is their kind") {
  std::set<std::string> seen;
  for (const auto& c : fuzhu::all_codes()) {
    INFO(c.text);
    CHECK(seen.insert(c.text).second);
    CHECK(c.text[0] == letter_of(c.kind));
  }
}

TEST_CASE("a checker diagnostic carries its code, kind and place, and renders the code") {
  auto r = fuzhu::Policy::compile_string(
      "use \"facts.schema\"\n"
      "policy \"p\" { document \"d\" in force from 2026-01-01 jurisdiction \"益阳市\" }\n"
      "benefit b \"b\" { cites \"一\" when special_famly }\n",
      FUZHU_SOURCE_DIR "/policies/test.policy");
  REQUIRE(r.diagnostics.size() == 1);
  const fuzhu::Diagnostic& d = r.diagnostics.front();
  CHECK(d.code == "N003");
  CHECK(d.kind == fuzhu::DiagnosticKind::name);
  CHECK(d.line == 3);
  CHECK(d.column == 32);  // characters, 一 counting one
  CHECK(d.render().find("did you mean 'special_family'? [N003]\n") != std::string::npos);
}

TEST_CASE("a facts diagnostic carries its code and JSON path") {
  auto r = fuzhu::Policy::compile_file(FUZHU_SOURCE_DIR "/policies/yiyang.policy");
  REQUIRE(r.ok());
  auto facts = r.policy->read_facts(R"({"child": {"status": "lost"}})");
  REQUIRE(facts.diagnostics.size() == 1);
  CHECK(facts.diagnostics[0].code == "X003");
  CHECK(facts.diagnostics[0].kind == fuzhu::DiagnosticKind::facts);
  CHECK(facts.diagnostics[0].path == "child.status");
}
