// Money in every JSON output is exact (issue 11.8): written from integer fen
// as the decimal text of a number, for every int64 of fen.
#include <doctest/doctest.h>

#include <climits>
#include <string>

#include "fuzhu/fuzhu.hpp"
#include "io/json_writer.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/facts.hpp"

using fuzhu::Money;
using fuzhu::detail::Json;
using fuzhu::detail::yuan_number;

namespace {

fuzhu::Evaluation evaluate_amount(const std::string& amount) {
  auto policy = fuzhu::testing::compiled(fuzhu::testing::test_header() + "benefit big \"大额\" { cites \"一\" once " + amount + " }\n",
                                         "money.policy");
  return fuzhu::testing::evaluated(policy, R"({"household": {"region": "湖南省益阳市"}})", fuzhu::Date{2026, 1, 1});
}

}  // namespace

TEST_CASE("yuan_number writes every int64 of fen exactly") {
  CHECK(yuan_number(Money{0}) == "0");
  CHECK(yuan_number(Money{49000}) == "490");
  CHECK(yuan_number(Money{49050}) == "490.5");
  CHECK(yuan_number(Money{7}) == "0.07");
  CHECK(yuan_number(Money{-7}) == "-0.07");
  CHECK(yuan_number(Money{-49050}) == "-490.5");
  CHECK(yuan_number(Money{INT64_MAX}) == "92233720368547758.07");
  CHECK(yuan_number(Money{INT64_MIN}) == "-92233720368547758.08");
  CHECK(Money{INT64_MAX}.to_string() == "92233720368547758.07");
  CHECK(Money{INT64_MIN}.to_string() == "-92233720368547758.08");
}

TEST_CASE("the JSON writer lays a document out as nlohmann's dump(2) does") {
  Json doc = Json::object();
  doc["a"] = 1;
  doc["b"] = Json::array();
  Json& list = doc["c"] = Json::array();
  list.push_back("x");
  list.push_back(Json());
  doc["d"] = Json::object();
  doc["e"] = Json::money(Money{105});
  CHECK(doc.dump(2) == "{\n  \"a\": 1,\n  \"b\": [],\n  \"c\": [\n    \"x\",\n    null\n  ],\n  \"d\": {},\n  \"e\": 1.05\n}");
}

TEST_CASE("the JSON writer escapes control characters and never fails on bad UTF-8") {
  CHECK(fuzhu::detail::json_escape("a\"b\\c\n\x01") == "a\\\"b\\\\c\\n\\u0001");
  CHECK(fuzhu::detail::json_escape("益阳") == "益阳");
  // A character cut in the middle, a lone continuation byte, a surrogate.
  CHECK(fuzhu::detail::json_escape("\xE7\x9B") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(fuzhu::detail::json_escape("\x80") == "\xEF\xBF\xBD");
  CHECK(fuzhu::detail::json_escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("eval JSON prints a product past 2^53 fen exactly (issue 11.8)") {
  // 10^12 yuan × 1000 + 0.07 yuan = 100000000000000007 fen: a double cannot hold it.
  auto e = evaluate_amount("1000000000000 元 * 1000 + 0.07 元");
  REQUIRE(e.entitlements.size() == 1);
  CHECK(e.entitlements[0].amount->fen == 100000000000000007);
  const std::string json = fuzhu::to_json(e);
  CHECK(json.find("\"amount\": 1000000000000000.07,") != std::string::npos);
  CHECK(json.find("\"once\": {\n      \"cash\": 1000000000000000.07,") != std::string::npos);
  CHECK(json.find("e+") == std::string::npos);
}

TEST_CASE("eval JSON carries the largest amount there is: INT64_MAX fen") {
  // 10^12 × 92233 + 720368547758.07 yuan = 9223372036854775807 fen.
  auto e = evaluate_amount("1000000000000 元 * 92233 + 720368547758.07 元");
  REQUIRE(e.entitlements.size() == 1);
  CHECK(e.entitlements[0].amount->fen == INT64_MAX);
  CHECK(fuzhu::to_json(e).find("\"amount\": 92233720368547758.07,") != std::string::npos);
}
