// One family, one verdict (issue 11, item 5): every file of
// tests/facts_corpus/ is read by every reader of facts — Policy::read_facts
// (what `fuzhu eval` does with a family file), `simulate`'s JSON Lines
// reader and its CSV reader — and each must accept it, or refuse it naming
// the path verdicts.txt gives. The odd values sit in facts, in unknown
// fields and in unknown records alike.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzhu/fuzhu.hpp"
#include "tests/support/files.hpp"
#include "sim/report.hpp"
#include "sim/simulate.hpp"
#include "syntax/source.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path corpus = FUZHU_SOURCE_DIR "/tests/facts_corpus";

const fuzhu::Policy& yiyang() {
  static const fuzhu::Policy policy = *fuzhu::Policy::compile_file(FUZHU_SOURCE_DIR "/policies/yiyang.policy").policy;
  return policy;
}

using fuzhu::testing::read_file;

// "accept", or "refuse PATH" with "-" for the family as a whole.
struct Verdict {
  std::string text;
  std::string message;  // of a refusal
  std::string code;
};

Verdict refuse(const std::string& path, std::string message, std::string code) {
  return {"refuse " + (path.empty() ? "-" : path), std::move(message), std::move(code)};
}

Verdict by_read_facts(const std::string& text) {
  auto result = yiyang().read_facts(text);
  if (result.ok()) return {"accept", "", ""};
  for (const auto& d : result.diagnostics)
    if (d.severity == fuzhu::Severity::error) return refuse(d.path, d.message, d.code);
  return {"no error but no facts", "", ""};
}

Verdict by_simulate(const fs::path& file, fuzhu::sim::InputFormat format) {
  fuzhu::sim::SimulateOptions options;
  options.as_of = fuzhu::Date{2026, 11, 23};
  options.format = format;
  auto result = fuzhu::sim::simulate(yiyang(), file.string(), options);
  if (!result.ok()) return refuse(result.error_path, result.error, "");
  const auto& t = result.tally;
  if (t.families == 1 && t.rejected_lines == 0) return {"accept", "", ""};
  if (t.families == 0 && t.rejected_lines == 1) return refuse(t.rejected[0].path, t.rejected[0].reason, t.rejected[0].code);
  return {"families " + std::to_string(t.families) + ", rejected " + std::to_string(t.rejected_lines), "", ""};
}

// A message is printed to terminals and JSON: UTF-8, without control characters.
bool printable_message(const std::string& message) {
  std::size_t bad = 0;
  if (!fuzhu::valid_utf8(message, bad)) return false;
  for (unsigned char c : message)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

void check_verdict(const std::string& name, const std::string& reader, const Verdict& got, const std::string& expected) {
  INFO(name, " read by ", reader, ": ", got.message);
  CHECK(got.text == expected);
  CHECK(printable_message(got.message));
  if (name.rfind("bom", 0) == 0) CHECK(got.message.find("a family's facts are one JSON object") == std::string::npos);
  CHECK(got.message.size() < 400);
}

}  // namespace

TEST_CASE("every reader of facts gives every file of the shared corpus the same verdict") {
  std::istringstream verdicts(read_file(corpus / "verdicts.txt"));
  int entries = 0, forms = 0;
  for (std::string line; std::getline(verdicts, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::string name = line.substr(0, line.find(' '));
    const std::string expected = line.substr(name.size() + 1);
    ++entries;
    const fs::path json = corpus / (name + ".json"), csv = corpus / (name + ".csv");
    REQUIRE_MESSAGE((fs::exists(json) || fs::exists(csv)), name);
    if (fs::exists(json)) {
      check_verdict(name, "Policy::read_facts", by_read_facts(read_file(json)), expected);
      check_verdict(name, "simulate (JSON Lines)", by_simulate(json, fuzhu::sim::InputFormat::jsonl), expected);
      forms += 2;
    }
    if (fs::exists(csv)) {
      check_verdict(name, "simulate (CSV)", by_simulate(csv, fuzhu::sim::InputFormat::csv), expected);
      ++forms;
    }
  }
  CHECK(entries >= 60);
  MESSAGE(entries, " families, ", forms, " readings");
}

// Issue 11, item 12: the value was cut at byte 64, inside the 22nd 益 (three
// bytes each), and `simulate --format json` then lost its whole report.
TEST_CASE("a value quoted in a message is cut between characters") {
  std::string sixty_four;
  for (int i = 0; i < 64; ++i) sixty_four += "益";
  const std::string expected = "child.status: \"" + sixty_four + "…\" is not one of deceased, disabled, living";
  CHECK(by_read_facts(read_file(corpus / "long-value-cut.json")).message == expected);
  CHECK(by_simulate(corpus / "long-value-cut.json", fuzhu::sim::InputFormat::jsonl).message == expected);
  CHECK(by_simulate(corpus / "long-value-cut.csv", fuzhu::sim::InputFormat::csv).message == "column 1: " + expected);
}

// Issue 11, item 12: one bad line made `simulate --format json` throw
// "invalid UTF-8" and print nothing after 100,000 good families.
TEST_CASE("simulate's reports are written whatever bytes the rejected lines hold") {
  for (const char* name : {"long-value-cut.json", "invalid-utf8-fact.csv", "invalid-utf8-fact.json", "nul-in-string.csv"}) {
    INFO(name);
    fuzhu::sim::SimulateOptions options;
    options.as_of = fuzhu::Date{2026, 11, 23};
    options.format = fuzhu::sim::format_of(name);
    auto result = fuzhu::sim::simulate(yiyang(), (corpus / name).string(), options);
    REQUIRE(result.ok());
    REQUIRE(result.tally.rejected.size() == 1);
    // A population whose file name is not UTF-8 either.
    const fuzhu::sim::ReportHeader header{"pop\xff\x1b[2J.jsonl", options.as_of};
    std::string json;
    REQUIRE_NOTHROW(json = fuzhu::sim::report_json(yiyang(), header, result.tally));
    auto parsed = nlohmann::json::parse(json);
    CHECK(parsed["rejected_lines"] == 1);
    CHECK(parsed["rejected"][0]["path"] == result.tally.rejected[0].path);
    CHECK(parsed["rejected"][0]["code"].get<std::string>().size() == 4);
    const std::string text = fuzhu::sim::report_text(yiyang(), header, result.tally);
    CHECK(printable_message(text.substr(0, text.find('\n'))));
    CHECK(text.find('\x1b') == std::string::npos);
  }
}
