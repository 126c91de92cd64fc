// fuzhu fmt: the canonical layout, comments, keyword sets, and that a
// policy's Chinese and English forms mean the same on every hand-worked case.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "format/format.hpp"
#include "fuzhu/fuzhu.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/files.hpp"

namespace {

namespace fs = std::filesystem;
using fuzhu::format::KeywordSet;

const fs::path policies_dir = fs::path(FUZHU_SOURCE_DIR) / "policies";

using fuzhu::testing::read_file;

// The formatted text; fails the test when the formatter refuses.
std::string formatted(const std::string& source, KeywordSet keywords = KeywordSet::keep) {
  fuzhu::format::Options options;
  options.keywords = keywords;
  auto result = fuzhu::format::format_source(source, "test.policy", options);
  INFO(fuzhu::render_all(result.diagnostics));
  REQUIRE(result.ok());
  return *result.text;
}

std::vector<fs::path> repository_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(policies_dir))
    if (entry.path().extension() == ".policy" || entry.path().extension() == ".schema") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

fuzhu::Policy compiled(const std::string& source, const fs::path& as) { return fuzhu::testing::compiled(source, as.string()); }

// What a policy says of one case: its evaluation as JSON, or its errors.
std::string outcome(const fuzhu::Policy& policy, const nlohmann::json& c) {
  auto facts = policy.read_facts(c.value("facts", nlohmann::json::object()).dump());
  if (!facts.ok()) return "facts: " + fuzhu::render_all(facts.diagnostics);
  auto as_of = fuzhu::Date::parse(c.at("as_of").get<std::string>());
  REQUIRE(as_of.has_value());
  auto result = policy.evaluate(*facts.facts, *as_of);
  if (!result.ok()) return "eval: " + fuzhu::render_all(result.errors);
  return fuzhu::to_json(*result.evaluation);
}

// Every layout rule at once, written carelessly; the expected texts were
// laid out by hand from docs/formatting.md.
const std::string careless =
    "# 头注释\n"
    "\n"
    "USE \"facts.schema\"\n"
    "policy \"格式\" {   document \"格式〔2026〕1号\"\n"
    "in  FORCE from 2026-01-01 TO 2026-12-31 # 有效期\n"
    "  jurisdiction \"益阳市\" }\n"
    "define 扶助 = special_family and\n"
    "      age(mother)\xE2\x89\xA5" "49\n"
    "benefit x \"测试\" { cites \"一\" when 扶助 # 条件\n"
    "  to each parent where person.alive\n"
    "  monthly match child.status { deceased => 490元 disabled => 420 元, }\n"
    "  paid by {\n"
    "   \"市财政\" : 100 元, \"区财政\" : 50 元\n"
    "  }\n"
    "}\n";

const std::string canonical_en =
    "# 头注释\n"
    "\n"
    "use \"facts.schema\"\n"
    "\n"
    "policy \"格式\" {\n"
    "  document \"格式〔2026〕1号\"\n"
    "  in force from 2026-01-01 to 2026-12-31   # 有效期\n"
    "  jurisdiction \"益阳市\"\n"
    "}\n"
    "\n"
    "define 扶助 = special_family\n"
    "  and age(mother) >= 49\n"
    "\n"
    "benefit x \"测试\" {\n"
    "  cites \"一\"\n"
    "  when 扶助   # 条件\n"
    "  to each parent where person.alive\n"
    "  monthly match child.status { deceased => 490 元, disabled => 420 元 }\n"
    "  paid by {\n"
    "    \"市财政\" : 100 元\n"
    "    \"区财政\" : 50 元\n"
    "  }\n"
    "}\n";

const std::string canonical_zh =
    "# 头注释\n"
    "\n"
    "引用 \"facts.schema\"\n"
    "\n"
    "政策 \"格式\" {\n"
    "  文号 \"格式〔2026〕1号\"\n"
    "  施行 自 2026-01-01 至 2026-12-31   # 有效期\n"
    "  适用地区 \"益阳市\"\n"
    "}\n"
    "\n"
    "定义 扶助 = special_family\n"
    "  并且 年龄(mother) >= 49\n"
    "\n"
    "待遇 x \"测试\" {\n"
    "  依据 \"一\"\n"
    "  条件 扶助   # 条件\n"
    "  发给 每位 父母 其中 本人.alive\n"
    "  每月 按 child.status { deceased => 490 元, disabled => 420 元 }\n"
    "  出资 {\n"
    "    \"市财政\" : 100 元\n"
    "    \"区财政\" : 50 元\n"
    "  }\n"
    "}\n";

}  // namespace

TEST_CASE("a careless policy is laid out canonically") {
  CHECK(formatted(careless) == canonical_en);
  CHECK(formatted(canonical_en) == canonical_en);
}

TEST_CASE("keywords convert to Chinese and back: to is 至 in the header and 发给 as recipient") {
  CHECK(formatted(careless, KeywordSet::zh) == canonical_zh);
  CHECK(formatted(canonical_zh) == canonical_zh);
  CHECK(formatted(canonical_zh, KeywordSet::en) == canonical_en);
}

TEST_CASE("the careless policy and its Chinese form compile to the same policy") {
  auto en = compiled(careless, policies_dir / "careless.policy");
  auto zh = compiled(canonical_zh, policies_dir / "careless.policy");
  CHECK(en.info().in_force_to == zh.info().in_force_to);
  CHECK(zh.info().in_force_to == fuzhu::Date{2026, 12, 31});
}

TEST_CASE("comments are kept wherever they stand") {
  const std::string source =
      "benefit y {\n"
      "when (a # 甲\n"
      "or b)\n"
      "      # 块尾\n"
      "}\n"
      "# 文末\n";
  const std::string expected =
      "benefit y {\n"
      "  when (a   # 甲\n"
      "    or b)\n"
      "  # 块尾\n"
      "}\n"
      "\n"
      "# 文末\n";
  CHECK(formatted(source) == expected);
}

TEST_CASE("end-of-line comments on consecutive lines share a column") {
  const std::string source =
      "define d = a # 一\n"
      "  and 长名字 # 二\n";
  // "define d = a" is 12 cells, "  and 长名字" is 2 + 4 + 6 = 12 cells.
  const std::string expected =
      "define d = a   # 一\n"
      "  and 长名字   # 二\n";
  CHECK(formatted(source) == expected);
}

TEST_CASE("a field named like a keyword stays a name in Chinese") {
  const std::string source = "record R {\n  status: bool\n}\n\ndefine s = child.status = deceased\n";
  const std::string expected = "记录 R {\n  status: 是否\n}\n\n定义 s = child.status = deceased\n";
  CHECK(formatted(source, KeywordSet::zh) == expected);
}

TEST_CASE("a file with a syntax error is reported and not formatted") {
  auto result = fuzhu::format::format_source("benefit x {\n  when\n", "broken.policy");
  CHECK_FALSE(result.ok());
  REQUIRE_FALSE(result.diagnostics.empty());
  CHECK(result.diagnostics[0].file == "broken.policy");
  CHECK(result.diagnostics[0].line > 0);
}

TEST_CASE("every file in policies is a fixed point of the formatter") {
  for (const auto& path : repository_files()) {
    CAPTURE(path.string());
    const std::string once = formatted(read_file(path));
    CHECK(formatted(once) == once);
    CHECK(once == read_file(path));  // the repository's files are kept formatted
  }
}

TEST_CASE("every file survives Chinese then English keywords unchanged") {
  for (const auto& path : repository_files()) {
    CAPTURE(path.string());
    const std::string en = formatted(read_file(path), KeywordSet::en);
    const std::string zh = formatted(en, KeywordSet::zh);
    CHECK(zh != en);
    CHECK(formatted(zh, KeywordSet::en) == en);
    CHECK(formatted(zh, KeywordSet::zh) == zh);
  }
}

TEST_CASE("each policy evaluates the same in Chinese and in English on its cases") {
  int cases = 0;
  for (const auto& path : repository_files()) {
    if (path.extension() != ".policy") continue;
    CAPTURE(path.string());
    const std::string source = read_file(path);
    auto zh = compiled(formatted(source, KeywordSet::zh), path);
    auto en = compiled(formatted(source, KeywordSet::en), path);
    const fs::path cases_file =
        fs::path(FUZHU_SOURCE_DIR) / "tests" / "cases" / (path.stem().string() + ".cases.json");
    REQUIRE(fs::exists(cases_file));
    auto suite = nlohmann::json::parse(read_file(cases_file));
    for (const auto& c : suite.at("cases")) {
      CAPTURE(c.value("name", ""));
      CHECK(outcome(zh, c) == outcome(en, c));
      ++cases;
    }
  }
  CHECK(cases > 0);
}

// ------------------------------------------------- labels, roles, extend

// Written carelessly, then laid out by hand from docs/formatting.md: labels
// stay beside their names, roles at the end of their line, an `extend` block
// is a block like a record's.
const std::string schema_careless =
    "enum Level \"失能等级\" {mild \"轻度\",severe \"重度\"}\n"
    "record P \"个人\" { born: date \"出生日期\"   role   birth ,alive: bool \"健在\" = true role alive\n"
    "status: enum { dead, living } role deceased_when dead }\n"
    "facts { mother: optional P \"女方\" role parent,age_else father\n"
    "father: optional P \"男方\" role parent }\n"
    "extend record P { level: Level \"失能等级\" role event }\n"
    "extend facts {  home: optional P \"养老机构\"  }\n"
    "define d \"标签\" = true\n";

const std::string schema_en =
    "enum Level \"失能等级\" { mild \"轻度\", severe \"重度\" }\n"
    "\n"
    "record P \"个人\" {\n"
    "  born: date \"出生日期\" role birth\n"
    "  alive: bool \"健在\" = true role alive\n"
    "  status: enum { dead, living } role deceased_when dead\n"
    "}\n"
    "\n"
    "facts {\n"
    "  mother: optional P \"女方\" role parent, age_else father\n"
    "  father: optional P \"男方\" role parent\n"
    "}\n"
    "\n"
    "extend record P {\n"
    "  level: Level \"失能等级\" role event\n"
    "}\n"
    "\n"
    "extend facts {\n"
    "  home: optional P \"养老机构\"\n"
    "}\n"
    "\n"
    "define d \"标签\" = true\n";

const std::string schema_zh =
    "枚举 Level \"失能等级\" { mild \"轻度\", severe \"重度\" }\n"
    "\n"
    "记录 P \"个人\" {\n"
    "  born: 日期 \"出生日期\" 角色 出生\n"
    "  alive: 是否 \"健在\" = 真 角色 在世\n"
    "  status: 枚举 { dead, living } 角色 死亡值 dead\n"
    "}\n"
    "\n"
    "事实 {\n"
    "  mother: 可缺 P \"女方\" 角色 父母, 年龄替代 father\n"
    "  father: 可缺 P \"男方\" 角色 父母\n"
    "}\n"
    "\n"
    "扩展 记录 P {\n"
    "  level: Level \"失能等级\" 角色 事件\n"
    "}\n"
    "\n"
    "扩展 事实 {\n"
    "  home: 可缺 P \"养老机构\"\n"
    "}\n"
    "\n"
    "定义 d \"标签\" = 真\n";

TEST_CASE("labels, roles and extend blocks are laid out canonically") {
  CHECK(formatted(schema_careless) == schema_en);
  CHECK(formatted(schema_en) == schema_en);
}

TEST_CASE("role words and extend convert to Chinese and back") {
  CHECK(formatted(schema_en, KeywordSet::zh) == schema_zh);
  CHECK(formatted(schema_zh, KeywordSet::en) == schema_en);
  CHECK(formatted(schema_zh) == schema_zh);
}

TEST_CASE("a role word is a keyword only after role: a field may be called region") {
  const std::string source = "record H {\n  region: string role region\n  event: date role event\n}\n";
  const std::string expected = "记录 H {\n  region: 文本 角色 户籍地\n  event: 日期 角色 事件\n}\n";
  CHECK(formatted(source, KeywordSet::zh) == expected);
}

TEST_CASE("comments stay beside roles and inside extend blocks") {
  const std::string source =
      "extend record Household {   # 本政策自有的事实\n"
      "  registered_since: date \"户籍登记日期\" role event   # 登记满一年\n"
      "}\n";
  // Consecutive end-of-line comments share a column: the second line is 50
  // cells wide (its six CJK characters take two each), the first 25.
  const std::string expected =
      "extend record Household {" + std::string(25 + 3, ' ') + "# 本政策自有的事实\n"
      "  registered_since: date \"户籍登记日期\" role event   # 登记满一年\n"
      "}\n";
  CHECK(formatted(source) == expected);
}

TEST_CASE("payers: shares in percent and parts, amount, paid to and parents who died convert both ways") {
  const std::string source =
      "benefit x \"测试\" {\n"
      "  to each PARENT  WHO   died\n"
      "  once 5000 元\n"
      "  paid to \"亲属\"\n"
      "  paid by { \"女方\" : 50 ％ when exists(mother), \"男方\" : 50%\n"
      "    \"省\" : amount - 100 元, \"市\" : 4 parts }\n"
      "}\n";
  const std::string en =
      "benefit x \"测试\" {\n"
      "  to each parent who died\n"
      "  once 5000 元\n"
      "  paid to \"亲属\"\n"
      "  paid by {\n"
      "    \"女方\" : 50% when exists(mother)\n"
      "    \"男方\" : 50%\n"
      "    \"省\" : amount - 100 元\n"
      "    \"市\" : 4 parts\n"
      "  }\n"
      "}\n";
  const std::string zh =
      "待遇 x \"测试\" {\n"
      "  发给 每位 已故父母\n"
      "  一次性 5000 元\n"
      "  支付给 \"亲属\"\n"
      "  出资 {\n"
      "    \"女方\" : 50% 条件 存在(mother)\n"
      "    \"男方\" : 50%\n"
      "    \"省\" : 本项金额 - 100 元\n"
      "    \"市\" : 4 份\n"
      "  }\n"
      "}\n";
  CHECK(formatted(source) == en);
  CHECK(formatted(en) == en);
  CHECK(formatted(source, KeywordSet::zh) == zh);
  CHECK(formatted(zh) == zh);
  CHECK(formatted(zh, KeywordSet::en) == en);
}

TEST_CASE("in kind is a clause of its own, not in { … }, in both keyword sets") {
  const std::string source = "benefit c \"体检\" {\n  yearly 300 元 in kind\n  to each parent where person.residence in { home }\n}\n";
  const std::string en = "benefit c \"体检\" {\n  yearly 300 元\n  in kind\n  to each parent where person.residence in { home }\n}\n";
  const std::string zh = "待遇 c \"体检\" {\n  每年 300 元\n  实物\n  发给 每位 父母 其中 本人.residence 属于 { home }\n}\n";
  CHECK(formatted(source) == en);
  CHECK(formatted(en, KeywordSet::zh) == zh);
  CHECK(formatted(zh, KeywordSet::en) == en);
}

TEST_CASE("citations: the header's and a definition's cites, not transcribed and an inferred issuer, both ways") {
  const std::string source =
      "policy \"T\" {\n"
      "  issuer   \"某局\"   inferred\n"
      "  cites \"七\"   \"本意见自印发之日起施行\"\n"
      "}\n"
      "# 六 organises the government's work\n"
      "not   transcribed \"六\" \"组织领导\"   # no benefit\n"
      "define a = true   cites \"前言\" \"指……家庭\"\n"
      "define b = true and false\n"
      "  cites \"一（一）\"\n";
  const std::string en =
      "policy \"T\" {\n"
      "  issuer \"某局\" inferred\n"
      "  cites \"七\" \"本意见自印发之日起施行\"\n"
      "}\n"
      "\n"
      "# 六 organises the government's work\n"
      "not transcribed \"六\" \"组织领导\"   # no benefit\n"
      "\n"
      "define a = true cites \"前言\" \"指……家庭\"\n"
      "\n"
      "define b = true and false\n"
      "  cites \"一（一）\"\n";
  const std::string zh =
      "政策 \"T\" {\n"
      "  发文机关 \"某局\" 推定\n"
      "  依据 \"七\" \"本意见自印发之日起施行\"\n"
      "}\n"
      "\n"
      "# 六 organises the government's work\n"
      "不转录 \"六\" \"组织领导\"   # no benefit\n"
      "\n"
      "定义 a = 真 依据 \"前言\" \"指……家庭\"\n"
      "\n"
      "定义 b = 真 并且 假\n"
      "  依据 \"一（一）\"\n";
  CHECK(formatted(source) == en);
  CHECK(formatted(en) == en);
  CHECK(formatted(en, KeywordSet::zh) == zh);
  CHECK(formatted(zh) == zh);
  CHECK(formatted(zh, KeywordSet::en) == en);
}
