// The builtin table (grammar/builtins.def): every function is documented,
// answers to both its names, is typed from its row, and evaluates as the
// reference says (grammar/README.md, "Built-in functions"). Type errors and
// misspelt names are tested as a file: tests/check/builtins.policy.
#include <doctest/doctest.h>

#include <string>

#include "format/format.hpp"
#include "fuzhu/fuzhu.hpp"
#include "syntax/builtins.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/facts.hpp"
#include "tests/support/files.hpp"

namespace {

using fuzhu::Date;

using fuzhu::testing::yiyang_household;

std::string policy_text(const std::string& body) { return fuzhu::testing::test_header() + body; }

fuzhu::Policy compile(const std::string& body) { return fuzhu::testing::compiled(policy_text(body), "builtins.policy"); }

// The amount of benefit `id` to `recipient`, in fen; -1 when not granted.
std::int64_t amount(const fuzhu::Policy& p, const fuzhu::Facts& f, const std::string& id,
                    const std::string& recipient = "household") {
  auto r = p.evaluate(f, Date{2026, 11, 23});
  INFO(fuzhu::render_all(r.errors));
  REQUIRE(r.ok());
  for (const auto& e : r.evaluation->entitlements)
    if (e.benefit == id && e.recipient == recipient) return e.amount ? e.amount->fen : 0;
  return -1;
}

}  // namespace

TEST_CASE("every builtin is in the language reference under both its names") {
  const std::string reference = fuzhu::testing::read_file(FUZHU_SOURCE_DIR "/grammar/README.md");
  for (std::size_t i = 0; i < fuzhu::builtin_count; ++i) {
    const auto& info = fuzhu::builtin_info(static_cast<fuzhu::Builtin>(i));
    INFO(info.english);
    CHECK(reference.find("`" + std::string(info.english) + "(") != std::string::npos);
    CHECK(reference.find("`" + std::string(info.chinese) + "(") != std::string::npos);
    CHECK(fuzhu::find_builtin(info.english) == static_cast<fuzhu::Builtin>(i));
    CHECK(fuzhu::find_builtin(info.chinese) == static_cast<fuzhu::Builtin>(i));
  }
}

TEST_CASE("min and max choose between two ints or two amounts of money") {
  // A daily rate with a cap: 100 元 a day, at most 60 days.
  auto p = compile(
      "benefit capped \"日补助\" { cites \"一\" yearly 100 元 * min(family.rebirth_treatment_months, 60) }\n"
      "benefit floor \"保底\" { cites \"二\" monthly max(household.income_last_year / 12, 300 元) }\n");
  auto f = yiyang_household(p);
  CHECK_FALSE(f.set("family.rebirth_treatment_months", std::int64_t{45}));
  CHECK_FALSE(f.set("household.income_last_year", *fuzhu::Money::yuan(2400)));
  CHECK(amount(p, f, "capped") == 450000);  // 45 days: 4500 元
  CHECK(amount(p, f, "floor") == 30000);    // 2400 / 12 = 200 < 300
  CHECK_FALSE(f.set("family.rebirth_treatment_months", std::int64_t{60}));
  CHECK_FALSE(f.set("household.income_last_year", *fuzhu::Money::yuan(6000)));
  CHECK(amount(p, f, "capped") == 600000);  // exactly the cap
  CHECK(amount(p, f, "floor") == 50000);    // 500 > 300
  CHECK_FALSE(f.set("family.rebirth_treatment_months", std::int64_t{200}));
  CHECK(amount(p, f, "capped") == 600000);  // capped at 60 days
}

TEST_CASE("living is never unknown: present, not dead, and alive unless said otherwise") {
  auto p = compile("benefit widow \"W\" { cites \"一\" when not living(father) and living(mother) once 100 元 }\n");
  auto f = yiyang_household(p);
  CHECK(amount(p, f, "widow") == -1);  // no mother in the facts: not living
  CHECK_FALSE(f.set("mother.birth_date", Date{1970, 1, 1}));
  CHECK(amount(p, f, "widow") == 10000);  // no father; the mother's `alive` is unknown: living
  CHECK_FALSE(f.set("father.birth_date", Date{1968, 1, 1}));
  CHECK(amount(p, f, "widow") == -1);
  CHECK_FALSE(f.set("father.alive", false));
  CHECK(amount(p, f, "widow") == 10000);
}

TEST_CASE("a function called by its Chinese name is the same function") {
  auto p = compile(
      "benefit old \"老年\" { cites \"一\" to each parent where 年龄(本人) >= 60 monthly 较大值(100 元, 50 元) }\n");
  auto f = yiyang_household(p);
  CHECK_FALSE(f.set("mother.birth_date", Date{1960, 1, 1}));
  CHECK_FALSE(f.set("father.birth_date", Date{1970, 1, 1}));
  CHECK(amount(p, f, "old", "mother") == 10000);
  CHECK(amount(p, f, "old", "father") == -1);
}

TEST_CASE("fmt writes function names in the keyword set asked for") {
  const std::string text = policy_text("benefit b \"B\" {\n  cites \"一\"\n  when age(mother) >= min(49, 50)\n}\n");
  fuzhu::format::Options zh;
  zh.keywords = fuzhu::format::KeywordSet::zh;
  auto chinese = fuzhu::format::format_source(text, "b.policy", zh);
  REQUIRE(chinese.ok());
  CHECK(chinese.text->find("条件 年龄(mother) >= 较小值(49, 50)") != std::string::npos);
  fuzhu::format::Options en;
  en.keywords = fuzhu::format::KeywordSet::en;
  auto english = fuzhu::format::format_source(*chinese.text, "b.policy", en);
  REQUIRE(english.ok());
  CHECK(english.text->find("when age(mother) >= min(49, 50)") != std::string::npos);
  // A definition's name is not a function's, even when spelt like one.
  auto kept = fuzhu::format::format_source(policy_text("define age = 1\n"), "b.policy", zh);
  REQUIRE(kept.ok());
  CHECK(kept.text->find("定义 age = 1") != std::string::npos);
}

TEST_CASE("fmt writes durations and rates in one canonical form, and converts their units") {
  const std::string text = policy_text(
      "benefit b \"B\" {\n  cites \"一\"\n  when within(child.event_date, 1 YEAR) and elapsed(child.birth_date, 6个月)"
      " and today < child.event_date + 30天 + 2 months\n  once 120 元 * 1.5 + 100 元 * 40 ％\n}\n");
  auto keep = fuzhu::format::format_source(text, "b.policy", {});
  REQUIRE(keep.ok());
  CHECK(keep.text->find("within(child.event_date, 1 year) and elapsed(child.birth_date, 6 个月) and today < "
                        "child.event_date + 30 天 + 2 months") != std::string::npos);
  CHECK(keep.text->find("once 120 元 * 1.5 + 100 元 * 40%") != std::string::npos);
  fuzhu::format::Options zh;
  zh.keywords = fuzhu::format::KeywordSet::zh;
  auto chinese = fuzhu::format::format_source(*keep.text, "b.policy", zh);
  REQUIRE(chinese.ok());
  CHECK(chinese.text->find("期限内(child.event_date, 1 年) 并且 已满(child.birth_date, 6 个月) 并且 今天 < "
                           "child.event_date + 30 日 + 2 个月") != std::string::npos);
  fuzhu::format::Options en;
  en.keywords = fuzhu::format::KeywordSet::en;
  auto english = fuzhu::format::format_source(*chinese.text, "b.policy", en);
  REQUIRE(english.ok());
  CHECK(english.text->find("within(child.event_date, 1 year) and elapsed(child.birth_date, 6 months) and today < "
                           "child.event_date + 30 days + 2 months") != std::string::npos);
  auto again = fuzhu::format::format_source(*english.text, "b.policy", en);
  REQUIRE(again.ok());
  CHECK(*again.text == *english.text);
}
