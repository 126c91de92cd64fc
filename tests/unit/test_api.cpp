// The embedding API's contracts that are not about policies: indices are
// checked and say what was valid, the version, where the installed policies
// are, and amounts that cannot be negative.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>

#include "fuzhu/fuzhu.hpp"
#include "tests/support/compile.hpp"

namespace {

namespace fs = std::filesystem;

fuzhu::Policy yiyang() { return fuzhu::testing::city_policy("yiyang"); }

// The message of the std::out_of_range that `call` throws.
template <typename Call>
std::string out_of_range_message(Call call) {
  try {
    call();
  } catch (const std::out_of_range& e) {
    return e.what();
  }
  FAIL("no std::out_of_range");
  return {};
}

}  // namespace

TEST_CASE("api: benefit indices are checked and the message gives the valid range") {
  fuzhu::Policy p = yiyang();
  REQUIRE(p.benefit_count() == 24);  // policies/yiyang.policy: 24 benefit blocks
  CHECK(p.benefit_id(0) == "special_allowance");
  CHECK(p.benefit_id(23) == "holiday_fund_support");
  CHECK(out_of_range_message([&] { (void)p.benefit_id(999); }) ==
        "fuzhu::Policy::benefit_id(999): no such index; 24 benefits are numbered 0 to 23");
  CHECK(out_of_range_message([&] { (void)p.benefit_id(-1); }).starts_with("fuzhu::Policy::benefit_id(-1)"));
  CHECK(p.benefit_title(0) == "特别扶助金");
  CHECK(p.benefit_period(0) == fuzhu::Period::monthly);
  CHECK(p.benefit_kind(0) == fuzhu::AmountKind::cash);
  // 一次性抚慰金: once, 不低于5000元 (a floor); 就医绿色通道: a service.
  REQUIRE(p.benefit_id(1) == "consolation_payment");
  CHECK(p.benefit_period(1) == fuzhu::Period::once);
  CHECK(p.benefit_kind(1) == fuzhu::AmountKind::discretionary);  // `at least` and `discretionary`: discretionary wins
  REQUIRE(p.benefit_id(3) == "medical_green_channel");
  CHECK_FALSE(p.benefit_period(3).has_value());
  CHECK(out_of_range_message([&] { (void)p.benefit_kind(24); }).starts_with("fuzhu::Policy::benefit_kind(24)"));
}

TEST_CASE("api: only the household, the child and the parents are recipients") {
  fuzhu::Policy p = yiyang();
  std::set<std::string> names;
  int refused = 0;
  for (int r = -3; r < 10; ++r) {
    try {
      names.insert(p.recipient_name(r));
    } catch (const std::out_of_range& e) {
      CHECK(std::string(e.what()).find("recipients are -1 (household)") != std::string::npos);
      ++refused;
    }
  }
  CHECK(names == std::set<std::string>{"household", "child", "mother", "father"});
  CHECK(refused == 13 - 4);
  CHECK(p.recipient_name(-1) == "household");
}

TEST_CASE("api: payers are counted and checked per benefit") {
  fuzhu::Policy p = yiyang();
  // special_allowance: 省级特别扶助资金, 市财政, 区财政, 县财政.
  REQUIRE(p.payer_count(0) == 4);
  CHECK(p.payer_name(0, 0) == "省级特别扶助资金");
  CHECK(p.payer_name(0, 3) == "县财政");
  CHECK(out_of_range_message([&] { (void)p.payer_name(0, 4); }) ==
        "fuzhu::Policy::payer_name(0, 4): no such payer; benefit 0 (special_allowance) has 4, numbered 0 to 3");
  // medical_green_channel names no payer.
  REQUIRE(p.benefit_id(3) == "medical_green_channel");
  CHECK(p.payer_count(3) == 0);
  CHECK(out_of_range_message([&] { (void)p.payer_name(3, 0); }).ends_with("has none"));
  CHECK(out_of_range_message([&] { (void)p.payer_count(24); }).starts_with("fuzhu::Policy::payer_count(24)"));
}

TEST_CASE("api: facts are numbered 0 to fact_count() - 1, each a distinct path") {
  fuzhu::Policy p = yiyang();
  std::set<std::string> paths;
  for (int f = 0; f < p.fact_count(); ++f) paths.insert(p.fact_path(f));
  CHECK(paths.size() == static_cast<std::size_t>(p.fact_count()));
  CHECK(paths.count("mother.birth_date") == 1);
  CHECK(paths.count("child.status") == 1);
  CHECK(paths.count("household.region") == 1);
  CHECK(out_of_range_message([&] { (void)p.fact_path(p.fact_count()); })
            .ends_with(std::to_string(p.fact_count()) + " facts are numbered 0 to " +
                       std::to_string(p.fact_count() - 1)));
}

TEST_CASE("api: the version of the library is the headers' version") {
  CHECK(std::string(fuzhu::version()) == FUZHU_VERSION_STRING);
  CHECK(std::string(FUZHU_VERSION_STRING) ==
        std::to_string(FUZHU_VERSION_MAJOR) + "." + std::to_string(FUZHU_VERSION_MINOR) + "." +
            std::to_string(FUZHU_VERSION_PATCH));
}

TEST_CASE("api: use \"…\" finds the installed policies unless CompileOptions says otherwise") {
  CHECK(fuzhu::installed_policies_dir().generic_string().ends_with("share/fuzhu/policies"));
  CHECK(fuzhu::CompileOptions{}.policies_dir == fuzhu::installed_policies_dir());

  // A policy text with no folder of its own: `use "facts.schema"` is found
  // in policies_dir (here the source tree's, as an installed one would be).
  std::string text = "use \"facts.schema\"\n"
                     "policy \"测试\" { document \"测试〔2026〕1号\" in force from 2026-01-01 jurisdiction \"益阳市\" }\n"
                     "benefit special_allowance \"特别扶助金\" { cites \"一\" monthly 490 元 }\n";
  fuzhu::CompileOptions options;
  options.policies_dir = fs::path(FUZHU_SOURCE_DIR) / "policies";
  auto found = fuzhu::Policy::compile_string(text, "in-memory.policy", options);
  CHECK(found.ok());
  options.policies_dir.clear();
  auto alone = fuzhu::Policy::compile_string(text, "in-memory.policy", options);
  REQUIRE_FALSE(alone.ok());
  CHECK(alone.diagnostics.front().message.find("cannot read \"facts.schema\"") != std::string::npos);
}
