// Reading figures from a clause's words, Chinese numerals included, and the
// hash of the version stamp. Expected values are read off the text by hand.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "report/figures.hpp"
#include "report/numerals.hpp"
#include "report/sha256.hpp"

using namespace fuzhu::report;

namespace {

// "shown@text" for each figure of `text`: what it means and where it stands.
std::vector<std::string> read(const std::string& text) {
  std::vector<std::string> out;
  for (const DocFigure& f : figures_in(text))
    out.push_back(shown(f.figure) + "@" + text.substr(f.span.begin, f.span.end - f.span.begin));
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("Chinese numerals in their common forms") {
  auto value = [](const char* text) { return read_number(text).value().mantissa; };
  CHECK(value("四十九周岁") == 49);
  CHECK(value("五百元") == 500);
  CHECK(value("十一") == 11);
  CHECK(value("一千二百") == 1200);
  CHECK(value("一万五千") == 15000);
  CHECK(value("两千") == 2000);
  CHECK(value("三万") == 30000);
  CHECK(value("二〇二〇年") == 2020);
  CHECK(read_number("四十九周岁")->bytes == std::string("四十九").size());
  CHECK(value("0.5 万元") == 5);
  CHECK(read_number("0.5")->decimals == 1);
  CHECK_FALSE(read_number("百姓"));  // 百 alone is a word
  CHECK_FALSE(read_number("千万"));
  CHECK_FALSE(read_number("1234567890123456"));  // 16 digits: not a figure
}

TEST_CASE("amounts, ages, dates and percentages in a clause") {
  CHECK(read("每人每月分别提高到490元、420元") == Strings{"490元@490元", "420元@420元"});
  CHECK(read("给予发放 3000 元、5000 元一次性补助") == Strings{"3000元@3000 元", "5000元@5000 元"});
  CHECK(read("每户至少按 3 万元，再增加 0.5 万元") == Strings{"30000元@3 万元", "5000元@0.5 万元"});
  CHECK(read("女方年满四十九周岁的，每月五百元") == Strings{"49@四十九周岁", "500元@五百元"});
  CHECK(read("年满49周岁，60 岁以上") == Strings{"49@49周岁", "60@60 岁"});
  CHECK(read("在2015年12月31日前") == Strings{"2015-12-31@2015年12月31日"});
  CHECK(read("二〇二〇年十二月八日印发") == Strings{"2020-12-08@二〇二〇年十二月八日"});
  CHECK(read("分担40%，百分之六十") == Strings{"40%@40%", "60%@百分之六十"});
  CHECK(read("有效期5年") == Strings{"5@5年"});
}

TEST_CASE("ranges, ratios and grades") {
  // Both ends of a range are ages: 49-59岁 is 49 and 59.
  CHECK(read("即49-59岁，每人每月660元") == Strings{"49@49", "59@59岁", "660元@660元"});
  CHECK(read("年满 45-48 周岁人员") == Strings{"45@45", "48@48 周岁"});
  CHECK(read("市、区财政按4:6的比例分担") == Strings{"4@4", "6@6"});
  CHECK(read("伤残等级达到三级及以上") == Strings{"3@三级"});
  CHECK(read("伤、病残达三级以上") == Strings{"3@三级"});
  CHECK(read("单体四层及以上楼房") == Strings{"4@四层"});
}

TEST_CASE("what is not a figure") {
  CHECK(read("（国卫家庭发〔2013〕41号）").empty());  // a document number
  CHECK(read("自2015年起，由省").empty());              // a year alone
  CHECK(read("落实 3-5 名帮扶联系人").empty());         // a count of people
  CHECK(read("（一）提高经济扶助标准。一次性").empty()); // clause numbers, 一次性
  CHECK(read("市、县两级公立医疗机构").empty());         // levels of government, not a grade
  CHECK(read("区、镇、村三级层层压实责任").empty());
  CHECK(read("在每年的6月25日前").empty());              // a day of every year
}

TEST_CASE("a year is also twelve months") {
  auto figures = figures_in("再生育治疗达一年未孕");
  REQUIRE(figures.size() == 1);
  CHECK(figures[0].matches({FigureKind::number, 1}));
  CHECK(figures[0].matches({FigureKind::number, 12}));
  CHECK_FALSE(figures[0].matches({FigureKind::number, 6}));
}

TEST_CASE("sha256 of the FIPS 180-4 examples") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
