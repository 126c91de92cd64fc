// fuzhu simulate: reading population lines (JSON and CSV), the tally, and
// whole runs over small populations worked out by hand (tests/sim/README.md).
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "eval/evaluate.hpp"
#include "fuzhu/fuzhu.hpp"
#include "tests/support/files.hpp"
#include "io/facts.hpp"
#include "sim/family_reader.hpp"
#include "sim/simulate.hpp"
#include "api/internal.hpp"

namespace {

namespace fs = std::filesystem;
using fuzhu::sim::Tally;

const fuzhu::Policy& yiyang() {
  static const fuzhu::Policy policy = *fuzhu::Policy::compile_file(FUZHU_SOURCE_DIR "/policies/yiyang.policy").policy;
  return policy;
}

fs::path write_temp(const std::string& name, const std::string& text) {
  fs::path path = fs::temp_directory_path() / ("fuzhu_sim_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

Tally run(const fs::path& path, unsigned threads = 1, std::size_t block_bytes = 256 * 1024) {
  fuzhu::sim::SimulateOptions o;
  o.as_of = fuzhu::Date{2026, 11, 23};
  o.threads = threads;
  o.format = fuzhu::sim::format_of(path.string());
  o.block_bytes = block_bytes;
  auto result = fuzhu::sim::simulate(yiyang(), path.string(), o);
  REQUIRE_MESSAGE(result.ok(), result.error);
  return result.tally;
}

// Reads one line through a reader, as a worker does: the reason it is
// refused, or "".
std::string read_line(fuzhu::sim::FamilyReader& reader, const std::string& line, fuzhu::detail::FactsData& facts,
                      std::uint64_t number = 1) {
  fuzhu::sim::Block block;
  block.text = line + std::string(64, '\0');
  block.lines.push_back({number, 0, static_cast<std::uint32_t>(line.size()), false});
  return reader.read(block, block.lines[0], facts).message;
}

std::string yiyang5_jsonl() { return fuzhu::testing::read_file(FUZHU_SOURCE_DIR "/tests/sim/yiyang5.jsonl"); }

}  // namespace

// By hand (as of 2026-11-23, every mother 49 or older but the living
// child's): 490 × 2 (赫山区) + 420 × 2 (安化县) + 490 × 1 (资阳区, no father)
// + 420 × 2 (桃江县) = 3150 元 a month for 7 parents in 4 families. The
// province pays 390 / 320 a parent: 780 + 640 + 390 + 640 = 2450; the city
// 40 and the district 60 a parent in a 市辖区 (3 parents): 120 and 180; the
// county 100 a parent in a 县 (4 parents): 400.
TEST_CASE("simulate totals five Yiyang families worked out by hand") {
  Tally t = run(write_temp("five.jsonl", yiyang5_jsonl()));
  CHECK(t.families == 5);
  CHECK(t.granted == 4);
  CHECK(t.rejected_lines == 0);
  const auto& special = t.benefits.at("special_allowance");
  CHECK(special.families == 4);
  CHECK(special.recipients == 7);
  CHECK(special.amounts.fen[0] == 315000);
  CHECK(t.total[fuzhu::AmountKind::cash].fen[0] == 315000);
  CHECK(t.total[fuzhu::AmountKind::cash].fen[1] == 0);
  CHECK(t.total[fuzhu::AmountKind::cash].fen[2] == 0);
  CHECK(t.payers.at("省级特别扶助资金")[fuzhu::AmountKind::cash].fen[0] == 245000);
  CHECK(t.payers.at("市财政")[fuzhu::AmountKind::cash].fen[0] == 12000);
  CHECK(t.payers.at("区财政")[fuzhu::AmountKind::cash].fen[0] == 18000);
  CHECK(t.payers.at("县财政")[fuzhu::AmountKind::cash].fen[0] == 40000);
  CHECK(!t.overflow);
}

TEST_CASE("simulate gives the same tally on 1 and 3 threads with tiny blocks") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += yiyang5_jsonl();
  text += "{\"child\": {\"status\": \"lost\"}}\n";
  auto path = write_temp("many.jsonl", text);
  Tally one = run(path, 1, 700), three = run(path, 3, 700);
  CHECK(one.families == 200);
  CHECK(three.families == 200);
  CHECK(one.benefits.at("special_allowance").amounts.fen[0] == 40 * 315000);
  CHECK(three.benefits.at("special_allowance").amounts.fen[0] == 40 * 315000);
  CHECK(three.payers.at("县财政")[fuzhu::AmountKind::cash].fen[0] == 40 * 40000);
  REQUIRE(three.rejected.size() == 1);
  CHECK(three.rejected[0].line == 201);
}

TEST_CASE("simulate rejects bad lines with their numbers and goes on") {
  Tally t = run(FUZHU_SOURCE_DIR "/tests/sim/bad.jsonl");
  // Lines 1, 3 and 7 are good: 490 × 1 each (no father), line 6 is empty.
  CHECK(t.families == 3);
  CHECK(t.benefits.at("special_allowance").amounts.fen[0] == 3 * 49000);
  CHECK(t.rejected_lines == 3);
  REQUIRE(t.rejected.size() == 3);
  CHECK(t.rejected[0].line == 2);
  CHECK(t.rejected[0].reason == "child.status: \"lost\" is not one of deceased, disabled, living");
  CHECK(t.rejected[1].line == 4);
  CHECK(t.rejected[1].reason.rfind("malformed JSON", 0) == 0);
  CHECK(t.rejected[2].line == 5);
  CHECK(t.rejected[2].reason.find("mother.birth_date: \"2025-02-30\" is not a date") == 0);
}

TEST_CASE("simulate rejects a birth after the evaluation date as an evaluation error") {
  auto path = write_temp("future.jsonl", "{\"mother\": {\"birth_date\": \"2030-01-01\"}}\n");
  Tally t = run(path);
  REQUIRE(t.rejected.size() == 1);
  CHECK(t.rejected[0].line == 1);
  CHECK(t.rejected[0].reason.find("after the evaluation date") != std::string::npos);
}

TEST_CASE("simulate counts undetermined benefits and the facts they need") {
  // A bereaved family in Yiyang without the mother's birth date: the
  // allowance cannot be decided, and mother.birth_date would decide it.
  std::string family =
      "{\"household\": {\"region\": \"湖南省益阳市赫山区\", \"district_kind\": \"city_district\"},"
      " \"family\": {\"other_child\": false}, \"child\": {\"status\": \"deceased\"}, \"mother\": {}}\n";
  Tally t = run(write_temp("undetermined.jsonl", family + family));
  CHECK(t.with_undetermined == 2);
  const auto& u = t.undetermined.at("special_allowance");
  CHECK(u.families == 2);
  CHECK(u.needs.at("mother.birth_date") == 2);
  CHECK(t.benefits.count("special_allowance") == 0);
}

TEST_CASE("simulate reads CSV with quoted cells and empty cells as unknown") {
  Tally t = run(FUZHU_SOURCE_DIR "/tests/sim/yiyang5.csv");
  CHECK(t.families == 5);
  CHECK(t.rejected_lines == 0);
  CHECK(t.benefits.at("special_allowance").recipients == 7);
  CHECK(t.benefits.at("special_allowance").amounts.fen[0] == 315000);
  CHECK(t.payers.at("区财政")[fuzhu::AmountKind::cash].fen[0] == 18000);
}

TEST_CASE("simulate rejects a bad CSV cell with its line and column") {
  auto path = write_temp("bad.csv",
                         "household.region,child.disability_grade,mother.birth_date\n"
                         "湖南省益阳市赫山区,2,1970-01-01\n"
                         "湖南省益阳市赫山区,two,1970-01-01\n"
                         "湖南省益阳市赫山区,2\n"
                         "\"湖南省益阳市赫山区,2,1970-01-01\n");
  Tally t = run(path);
  CHECK(t.families == 1);
  REQUIRE(t.rejected.size() == 3);
  CHECK(t.rejected[0].line == 3);
  CHECK(t.rejected[0].reason == "column 2: child.disability_grade: expected a whole number, not \"two\"");
  CHECK(t.rejected[1].line == 4);
  CHECK(t.rejected[1].reason == "2 cells, but the header names 3 columns");
  CHECK(t.rejected[2].line == 5);
  CHECK(t.rejected[2].reason == "cell 1: the quote is not closed on this line");
}

TEST_CASE("split_csv follows RFC 4180 quoting within a line") {
  std::vector<std::string> cells;
  CHECK(fuzhu::sim::split_csv("a,\"b,c\",,\"say \"\"hi\"\"\"", cells).empty());
  REQUIRE(cells.size() == 4);
  CHECK(cells[0] == "a");
  CHECK(cells[1] == "b,c");
  CHECK(cells[2].empty());
  CHECK(cells[3] == "say \"hi\"");
  CHECK(fuzhu::sim::split_csv("\"a\"b", cells) == "cell 1: text after the closing quote");
}

TEST_CASE("the JSON line reader keeps money exact and names the path of a problem") {
  const auto& schema = fuzhu::detail::compiled_of(yiyang()).schema;
  auto reader = fuzhu::sim::make_json_reader();
  auto facts = fuzhu::detail::empty_facts(schema);
  CHECK(read_line(*reader, R"({"household": {"income_last_year": 12345.67, "relocation_floors": 3}, "x": [1]})", facts).empty());
  CHECK(facts.slots[static_cast<std::size_t>(schema->slot_of("household.income_last_year"))].n == 1234567);
  CHECK(facts.slots[static_cast<std::size_t>(schema->slot_of("household.relocation_floors"))].n == 3);

  facts = fuzhu::detail::empty_facts(schema);
  CHECK(read_line(*reader, R"({"household": {"income_last_year": 0.125}})", facts) ==
        "household.income_last_year: 0.125 is not an amount in yuan with at most two decimals");
  facts = fuzhu::detail::empty_facts(schema);
  CHECK(read_line(*reader, R"({"child": {"disability_grade": 2.5}})", facts) ==
        "child.disability_grade: expected a whole number, not 2.5");
  facts = fuzhu::detail::empty_facts(schema);
  CHECK(read_line(*reader, R"({"mother": "1970-01-01"})", facts) == "mother: expected an object of facts, not a string");
  facts = fuzhu::detail::empty_facts(schema);
  CHECK(read_line(*reader, R"({"child": {"status": {"x": 1}}})", facts) == "child.status: expected a single value, not an object");
  facts = fuzhu::detail::empty_facts(schema);
  CHECK(read_line(*reader, R"([1, 2])", facts) == "a family's facts are one JSON object, not an array");
  facts = fuzhu::detail::empty_facts(schema);
  // `0` is read before the `1` after it breaks the JSON: the first problem is the 0.
  CHECK(read_line(*reader, R"({"child": {"disability_grade": 01}})", facts) == "child.disability_grade: 0 is outside 1..4");
  facts = fuzhu::detail::empty_facts(schema);
  CHECK(read_line(*reader, R"({"father": null} x)", facts).rfind("malformed JSON", 0) == 0);
}

TEST_CASE("the tally marks a sum that leaves 64 bits as overflow") {
  const auto& policy = fuzhu::detail::compiled_of(yiyang());
  int allowance = -1;
  for (std::size_t i = 0; i < policy.benefits.size(); ++i)
    if (policy.benefits[i].id == "special_allowance") allowance = static_cast<int>(i);
  REQUIRE(allowance >= 0);
  fuzhu::Decisions d;
  const std::int64_t half = INT64_MAX / 2 + 1;  // two of them leave int64
  d.granted.push_back({allowance, policy.schema->root_index("mother"), half, 0, 0});
  d.granted.push_back({allowance, policy.schema->root_index("father"), half, 0, 0});
  Tally t;
  t.add(d, policy);
  CHECK(t.overflow);
}

TEST_CASE("the line source numbers lines across blocks and skips an over-long line") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file);
  const std::string text = "ab\r\n\n" + std::string(50, 'x') + "\ncd\nef";
  std::fwrite(text.data(), 1, text.size(), file);
  std::rewind(file);
  // Blocks of 4 bytes, lines of at most 10, 2 bytes of padding.
  fuzhu::sim::LineSource source(file, 1, 4, 10, 2);
  fuzhu::sim::Block block;
  std::vector<std::string> seen;
  while (source.next(block))
    for (const auto& line : block.lines)
      seen.push_back(std::to_string(line.number) + ":" + (line.too_long ? "too long" : std::string(block.line(line))));
  std::fclose(file);
  CHECK(seen == std::vector<std::string>{"1:ab", "3:too long", "4:cd", "5:ef"});
}
