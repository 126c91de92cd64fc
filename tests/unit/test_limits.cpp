// The limits of src/limits.hpp, each at the limit (accepted) and past it (a
// clear error naming the limit, never a crash); evaluation errors with their
// location (overflow, division by zero); and facts validation naming the
// JSON path of every problem. Literals past their limits, and impossible
// dates, are tested as a file: tests/check/literals.policy.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "fuzhu/fuzhu.hpp"
#include "limits.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/diagnostics.hpp"
#include "tests/support/files.hpp"

namespace {

namespace fs = std::filesystem;
using namespace fuzhu;

using testing::error_with;

CompileResult compile(const std::string& source, const std::string& name = "limits.policy") {
  return testing::compile_text(source, name);
}

// Lines 1-7; the declarations under test start on line 8. Further `use`
// lines go between `uses_schema` and `policy_header` (uses come first).
const std::string uses_schema = "use \"facts.schema\"\n";
const std::string policy_header =
    "\n"
    "policy \"极限\" {\n"
    "  document \"测试〔2026〕2号\"\n"
    "  in force from 2020-01-01\n"
    "  jurisdiction \"益阳市\"\n"
    "}\n";
const std::string header = uses_schema + policy_header;

// `text` padded with a comment to exactly `size` bytes.
std::string padded_to(std::string text, std::size_t size) {
  REQUIRE(text.size() + 2 <= size);
  text += "#" + std::string(size - text.size() - 2, 'x') + "\n";
  return text;
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// A service benefit for the household, granted when `condition` holds.
std::string service(const std::string& id, const std::string& condition) {
  return fmt::format("benefit {} \"服务\" {{\n  cites \"一\"\n  when {}\n  to household\n  grants \"探视\"\n}}\n", id, condition);
}

using TempDir = testing::TempFolder;

const std::string family = R"({
  "household": {"region": "湖南省益阳市赫山区", "area": "urban", "district_kind": "city_district"},
  "family": {"other_child": false},
  "child": {"status": "deceased", "birth_date": "1995-04-02", "event_date": "2020-07-15"},
  "mother": {"birth_date": "1970-03-01"},
  "father": {"birth_date": "1968-10-20"}
})";

}  // namespace

// ------------------------------------------------------------------ policies

TEST_CASE("limits: a policy of exactly 1 MiB compiles and one byte more is refused") {
  CHECK(limits::max_policy_bytes == 1048576);
  std::string at = padded_to(header, limits::max_policy_bytes);
  CHECK(compile(at).ok());
  auto past = compile(padded_to(header, limits::max_policy_bytes + 1));
  CHECK_FALSE(past.ok());
  CHECK(error_with(past, "a policy may be at most 1048576 bytes"));

  TempDir dir("size");
  dir.write("big.policy", padded_to(header, limits::max_policy_bytes + 1));
  auto from_file = Policy::compile_file(dir.path / "big.policy");
  CHECK(error_with(from_file, "the file is 1048577 bytes; a policy may be at most 1048576 bytes"));
}

TEST_CASE("limits: a used file over 1 MiB is named as too large") {
  TempDir dir("use-size");
  dir.write("ok.schema", padded_to("define ok_def = true\n", limits::max_policy_bytes));
  dir.write("big.schema", padded_to("define big_def = true\n", limits::max_policy_bytes + 1));
  std::string main = (dir.path / "main.policy").string();
  CHECK(compile(uses_schema + "use \"ok.schema\"\n" + policy_header, main).ok());
  auto past = compile(uses_schema + "use \"big.schema\"\n" + policy_header, main);
  const Diagnostic* e = error_with(past, "\"big.schema\" is 1048577 bytes; a policy file may be at most 1048576 bytes");
  REQUIRE(e);
  CHECK(e->line == 2);
}

TEST_CASE("limits: parser nesting is bounded and a deeper nesting is an error") {
  auto nested = [](std::size_t n) {
    return compile(header + "define deep = " + std::string(n, '(') + "1" + std::string(n, ')') + " > 0\n");
  };
  // A real policy nests a few parentheses; fifty are far inside the limit.
  CHECK(nested(50).ok());
  // Find the deepest nesting the parser accepts: the next one must be the
  // nesting error, and so must far deeper ones (no stack overflow).
  std::size_t low = 50, high = 5000;
  REQUIRE_FALSE(nested(high).ok());
  while (high - low > 1) {
    std::size_t mid = (low + high) / 2;
    (nested(mid).ok() ? low : high) = mid;
  }
  CAPTURE(low);
  CHECK(low < limits::max_parser_depth);
  auto past = nested(high);
  CHECK((error_with(past, "nests too deeply") || error_with(past, "levels")));
  for (std::size_t n : {std::size_t{10000}, std::size_t{200000}}) {
    auto far = nested(n);
    CHECK_FALSE(far.ok());
    CHECK(error_with(far, "nest"));
  }
}

TEST_CASE("limits: an operator chain at the expression depth limit compiles and a longer one is refused") {
  // `1 + 1 + … + 1` with k operators lowers to k nested binary nodes under
  // the definition: 198 operators stay within 200 levels, 199 do not.
  auto chain = [](std::size_t operators) {
    return compile(header + "define total = 1" + repeat(" + 1", operators) + "\n");
  };
  CHECK(chain(limits::max_expression_depth - 2).ok());
  auto past = chain(limits::max_expression_depth - 1);
  CHECK_FALSE(past.ok());
  CHECK(error_with(past, "more than 200"));
  // Far past it: one error, and no stack overflow while parsing or checking.
  auto far = compile(header + "define total = 1" + repeat(" + 1", 100000) + "\n");
  CHECK_FALSE(far.ok());
  auto conditions = compile(header + "define all_true = true" + repeat(" and true", 100000) + "\n");
  CHECK_FALSE(conditions.ok());
}

TEST_CASE("limits: names of 64 characters are accepted and 65 are refused") {
  const std::string ascii64(64, 'a'), ascii65(65, 'a');
  const std::string cjk64 = repeat("扶", 64), cjk65 = repeat("扶", 65);  // characters, not bytes
  CHECK(compile(header + "define " + ascii64 + " = true\n").ok());
  CHECK(compile(header + "define " + cjk64 + " = true\n").ok());
  CHECK(compile(header + service(ascii64, "true")).ok());
  CHECK(compile(header + "enum " + ascii64 + " { " + ascii64 + " \"标签\" }\n").ok());

  struct Case { const char* what; std::string source; };
  const Case cases[] = {
      {"definition", "define " + ascii65 + " = true\n"},
      {"definition in characters", "define " + cjk65 + " = true\n"},
      {"benefit id", service(ascii65, "true")},
      {"enum name", "enum " + ascii65 + " { yes \"是\" }\n"},
      {"enum value", "enum Answer { " + ascii65 + " \"是\" }\n"},
      {"record name", "record " + ascii65 + " { a: bool }\n"},
      {"field name", "record Extra { " + ascii65 + ": bool }\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    auto r = compile(header + c.source);
    CHECK_FALSE(r.ok());
    const Diagnostic* e = error_with(r, "longer than 64 characters");
    REQUIRE(e);
    CHECK(e->line == 8);
  }
  // A name far past the limit, used where it is unknown: an error, quickly
  // (no typo hint is worked out for it).
  auto huge = compile(header + "define x = " + std::string(500000, 'q') + "\n");
  CHECK(error_with(huge, "unknown name"));
}

TEST_CASE("limits: 500 benefits compile and the 501st is refused") {
  // A chain: each benefit is granted when the one before it is.
  auto policy = [](std::size_t n) {
    std::string text = header + service("b0", "true");
    for (std::size_t i = 1; i < n; ++i) text += service(fmt::format("b{}", i), fmt::format("granted(b{})", i - 1));
    return compile(text);
  };
  auto at = policy(limits::max_benefits);
  REQUIRE(at.ok());
  auto facts = at.policy->read_facts(family);
  REQUIRE(facts.ok());
  auto result = at.policy->evaluate(*facts.facts, Date{2026, 11, 23});
  REQUIRE(result.ok());
  CHECK(result.evaluation->entitlements.size() == 500);

  auto past = policy(limits::max_benefits + 1);
  CHECK_FALSE(past.ok());
  const Diagnostic* e = error_with(past, "too many benefits: at most 500");
  REQUIRE(e);
  CHECK(e->line == 8 + 6 * 500);  // each benefit takes 6 lines; this is the 501st
}

TEST_CASE("limits: 1000 definitions with facts.schema's compile and evaluate and one more is refused") {
  std::ifstream schema(FUZHU_SOURCE_DIR "/policies/facts.schema");
  std::size_t in_schema = 0;
  for (std::string line; std::getline(schema, line);) in_schema += line.rfind("define ", 0) == 0;
  REQUIRE(in_schema > 0);
  auto policy = [&](std::size_t own) {
    std::string text = header;
    for (std::size_t i = 0; i < own; ++i) text += fmt::format("define d{} = true\n", i);
    text += service("visit", fmt::format("d{}", own - 1));
    return compile(text);
  };
  std::size_t own = limits::max_definitions - in_schema;
  auto at = policy(own);
  REQUIRE(at.ok());
  auto facts = at.policy->read_facts(family);
  auto result = at.policy->evaluate(*facts.facts, Date{2026, 11, 23});
  REQUIRE(result.ok());
  CHECK(result.evaluation->entitlements.size() == 1);

  auto past = policy(own + 1);
  CHECK_FALSE(past.ok());
  CHECK(error_with(past, "too many definitions: at most 1000"));
}

TEST_CASE("limits: definitions nest 400 levels deep and one more is refused") {
  // d0 = true is 1 level; each `dK = not dJ` adds 2 (the not and the name):
  // dK nests 2K + 1 levels, so d199 is at 399 and d200 at 401.
  auto chain = [&](std::size_t last) {
    std::string text = header + "define d0 = true\n";
    for (std::size_t i = 1; i <= last; ++i) text += fmt::format("define d{} = not d{}\n", i, i - 1);
    text += service("visit", fmt::format("d{}", last));
    return compile(text);
  };
  auto at = chain(199);
  REQUIRE(at.ok());
  auto facts = at.policy->read_facts(family);
  auto result = at.policy->evaluate(*facts.facts, Date{2026, 11, 23});
  REQUIRE(result.ok());
  CHECK(result.evaluation->entitlements.empty());  // d0 true, d1 false, ...: d199 is false

  auto past = chain(200);
  CHECK_FALSE(past.ok());
  const Diagnostic* e = error_with(past, "nests definitions more than 400 levels deep");
  REQUIRE(e);
  CHECK(e->message.find("'d200'") != std::string::npos);
}

TEST_CASE("limits: a compilation reads 16 files and the 17th is refused") {
  TempDir dir("uses");
  for (int i = 1; i <= 15; ++i) dir.write(fmt::format("u{}.schema", i), fmt::format("define u{} = true\n", i));
  std::string main = (dir.path / "main.policy").string();
  // The policy itself, facts.schema and 14 more: 16 files.
  std::string uses;
  for (int i = 1; i <= 14; ++i) uses += fmt::format("use \"u{}.schema\"\n", i);
  CHECK(compile(uses_schema + uses + policy_header, main).ok());
  auto past = compile(uses_schema + uses + "use \"u15.schema\"\n" + policy_header, main);
  CHECK_FALSE(past.ok());
  const Diagnostic* e = error_with(past, "at most 16 files");
  REQUIRE(e);
  CHECK(e->line == 16);  // after facts.schema's and 14 more
  // A file that uses itself is read once, not until the limit.
  dir.write("self.schema", "use \"self.schema\"\ndefine self_def = true\n");
  CHECK(compile(uses_schema + "use \"self.schema\"\n" + policy_header, main).ok());
}

// ------------------------------------------------------------------- facts

TEST_CASE("limits: facts of exactly 1 MiB are read and one byte more is refused") {
  auto policy = compile(header);
  REQUIRE(policy.ok());
  std::string at = family + std::string(limits::max_facts_bytes - family.size(), ' ');
  CHECK(policy.policy->read_facts(at).ok());
  auto past = policy.policy->read_facts(at + " ");
  CHECK_FALSE(past.ok());
  CHECK(error_with(past.diagnostics, "the facts are 1048577 bytes; one family may be at most 1048576 bytes"));
}

TEST_CASE("limits: JSON nested 16 deep is read and 17 deep is refused") {
  auto policy = compile(header);
  REQUIRE(policy.ok());
  // The family object is level 1; "notes" holds arrays down to level `depth`.
  auto nested = [](std::size_t depth) {
    return "{\"notes\": " + std::string(depth - 1, '[') + std::string(depth - 1, ']') + "}";
  };
  auto at = policy.policy->read_facts(nested(limits::max_facts_depth));
  CHECK(at.ok());  // an unknown record: a warning
  auto past = policy.policy->read_facts(nested(limits::max_facts_depth + 1));
  CHECK_FALSE(past.ok());
  CHECK(error_with(past.diagnostics, "more than 16 levels deep"));
  auto far = policy.policy->read_facts(std::string(100000, '[') + std::string(100000, ']'));
  CHECK_FALSE(far.ok());
}

TEST_CASE("limits: a string fact of 4096 bytes is read and 4097 are refused") {
  auto policy = compile(header);
  REQUIRE(policy.ok());
  auto with_region = [&](const std::string& region) {
    return policy.policy->read_facts("{\"household\": {\"region\": \"" + region + "\"}}");
  };
  CHECK(with_region(std::string(4096, 'a')).ok());
  CHECK(with_region(repeat("益", 1365) + "a").ok());  // 4096 bytes of UTF-8
  auto past = with_region(std::string(4097, 'a'));
  CHECK_FALSE(past.ok());
  CHECK(error_with(past.diagnostics, "household.region: the string is longer than 4096 bytes"));
}

// ------------------------------------------------------- evaluation errors

TEST_CASE("limits: money overflow in a policy expression is an evaluation error at its place") {
  auto r = compile(header +
                   "benefit huge \"巨额\" {\n"                  // 8
                   "  cites \"一\"\n"                            // 9
                   "  when true\n"                               // 10
                   "  to household\n"                            // 11
                   "  monthly 999999999999 元 * 1000000\n"       // 12
                   "}\n");
  REQUIRE(r.ok());
  auto facts = r.policy->read_facts(family);
  auto result = r.policy->evaluate(*facts.facts, Date{2026, 11, 23});
  CHECK_FALSE(result.ok());
  const Diagnostic* e = error_with(result.errors, "overflow");
  REQUIRE(e);
  CHECK(e->file == "limits.policy");
  CHECK(e->line == 12);
}

TEST_CASE("limits: division by zero is an evaluation error at its place") {
  auto r = compile(header +
                   "benefit share \"分摊\" {\n"                              // 8
                   "  cites \"一\"\n"                                        // 9
                   "  when true\n"                                           // 10
                   "  to household\n"                                        // 11
                   "  monthly 100 元 / household.relocation_floors\n"        // 12
                   "}\n");
  REQUIRE(r.ok());
  auto facts = r.policy->read_facts(R"({"household": {"region": "湖南省益阳市", "relocation_floors": 0}})");
  REQUIRE(facts.ok());
  auto result = r.policy->evaluate(*facts.facts, Date{2026, 11, 23});
  CHECK_FALSE(result.ok());
  const Diagnostic* e = error_with(result.errors, "division by zero");
  REQUIRE(e);
  CHECK(e->line == 12);
  // Four floors: 25 元 a month.
  auto four = r.policy->read_facts(R"({"household": {"region": "湖南省益阳市", "relocation_floors": 4}})");
  auto fine = r.policy->evaluate(*four.facts, Date{2026, 11, 23});
  REQUIRE(fine.ok());
  REQUIRE(fine.evaluation->entitlements.size() == 1);
  CHECK(fine.evaluation->entitlements[0].amount == Money::yuan(25));
}

TEST_CASE("limits: facts validation names the JSON path of every problem") {
  auto r = compile(header);
  REQUIRE(r.ok());
  const Policy& p = *r.policy;
  auto bad = p.read_facts(R"({
    "household": {"area": "downtown", "low_income": "yes"},
    "child": {"status": "lost", "event_date": "2025-02-30", "disability_grade": 5},
    "mother": {"birth_date": 19700301},
    "family": {"pets": 2}
  })");
  CHECK_FALSE(bad.ok());
  CHECK(error_with(bad.diagnostics, "household.area: \"downtown\" is not one of urban, rural"));
  CHECK(error_with(bad.diagnostics, "household.low_income: expected true or false"));
  CHECK(error_with(bad.diagnostics, "child.status: \"lost\" is not one of deceased, disabled, living"));
  CHECK(error_with(bad.diagnostics, "child.event_date: \"2025-02-30\" is not a date"));
  CHECK(error_with(bad.diagnostics, "child.disability_grade: 5 is outside 1..4"));
  CHECK(error_with(bad.diagnostics, "mother.birth_date: expected a date"));
  bool warned = false;
  for (const auto& d : bad.diagnostics)
    warned = warned || (d.severity == Severity::warning && d.message.find("family.pets: unknown field") != std::string::npos);
  CHECK(warned);

  CHECK(error_with(p.read_facts(R"({"child": {"disability_grade": 0}})").diagnostics, "child.disability_grade: 0 is outside 1..4"));
  auto graded = p.read_facts(R"({"child": {"disability_grade": 4}})");
  CHECK(graded.ok());

  // An unknown field alone is a warning: the facts are read.
  auto unknown = p.read_facts(R"({"family": {"pets": 2}, "neighbours": {}})");
  REQUIRE(unknown.ok());

  // Born after the evaluation date: an evaluation error naming the fact.
  auto born = p.read_facts(R"({"mother": {"birth_date": "2030-01-01"}})");
  REQUIRE(born.ok());
  auto result = p.evaluate(*born.facts, Date{2026, 11, 23});
  CHECK_FALSE(result.ok());
  CHECK(error_with(result.errors, "mother.birth_date: the birth date 2030-01-01 is after the evaluation date 2026-11-23"));
}
