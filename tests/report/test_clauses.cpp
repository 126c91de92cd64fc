// Clause segmentation of the five documents and the reading of cites. Every
// count and text below was worked out by reading the documents in
// ../shared/documents by hand.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "report/cites.hpp"
#include "report/clauses.hpp"
#include "report/text.hpp"
#include "tests/support/documents.hpp"

using namespace fuzhu::report;
using fuzhu::testing::read_document;

namespace {

std::vector<Clause> clauses_of(const std::string& city) {
  return segment(read_document(std::string(FUZHU_DOCUMENTS_DIR) + "/" + city + ".txt"));
}

std::vector<std::string> labels_of(const std::vector<Clause>& clauses) {
  std::vector<std::string> out;
  for (const auto& c : clauses) out.push_back(c.label);
  return out;
}

const Clause& clause(const std::vector<Clause>& clauses, const std::string& label) {
  int i = find_clause(clauses, label);
  REQUIRE_MESSAGE(i >= 0, label);
  return clauses[static_cast<std::size_t>(i)];
}

}  // namespace

TEST_CASE("yiyang: seven sections and twenty-one items") {
  auto c = clauses_of("yiyang");
  // The preamble; 一 3 items, 二 3, 三 2, 四 6, 五 3, 六 4, 七 none.
  CHECK(c.size() == 29);
  CHECK(labels_of(c).front() == "前言");
  CHECK(labels_of(c)[1] == "一");
  CHECK(labels_of(c)[2] == "一（一）");
  CHECK(labels_of(c).back() == "七");
  // The preamble, where the document defines 计生特困家庭: after the
  // addressees' line, up to 一、; not the title, 文号 or addressees.
  const Clause& preamble = clause(c, "前言");
  CHECK(preamble.unnumbered);
  CHECK(preamble.line == 14);
  CHECK(preamble.text.starts_with("为进一步做好计划生育特殊困难家庭（指独生子女发生死亡、伤残且伤残等级被依法鉴定达到三级及以上、未再生育或收养子女的家庭"));
  CHECK(preamble.text.ends_with("现就有关事项通知如下："));
  CHECK(clause(c, "一").text == "一、加大经济扶助力度");
  const Clause& allowance = clause(c, "一（一）");
  CHECK(allowance.line == 17);
  CHECK(allowance.level == Level::item);
  CHECK(c[static_cast<std::size_t>(allowance.parent)].label == "一");
  CHECK(contains(allowance.text, "即每人每月分别提高到490元、420元"));
  CHECK(allowance.text.starts_with("（一）提高经济扶助标准。"));
  CHECK(clause(c, "六（一）").text.starts_with("（一）提高思想认识。"));
  CHECK(clause(c, "五（三）").text.starts_with("（三）发展计划生育公益关怀基金。"));
  // The last clause stops before the signature and the date.
  CHECK(clause(c, "七").text ==
        "七、本意见自印发之日起施行。《益阳市计划生育利益导向机制实施办法》（益政办发〔2013〕26号）"
        "中有关提高独生子女死亡家庭对象扶助标准的规定不再执行。");
  // The header (文号, addressees, preamble) is not a clause.
  for (const auto& x : c) CHECK_FALSE(contains(x.text, "益政办发〔2017〕26号"));
}

TEST_CASE("yiyang: a section's full text holds its items") {
  auto c = clauses_of("yiyang");
  int one = find_clause(c, "一");
  std::string text = full_text(c, one);
  CHECK(text.starts_with("一、加大经济扶助力度\n（一）提高经济扶助标准。"));
  CHECK(contains(text, "（三）开展计生特困家庭临时救助。"));
  CHECK_FALSE(contains(text, "二、提高医疗服务水平"));
  CHECK_FALSE(is_leaf(c, one));
  CHECK(is_leaf(c, find_clause(c, "一（三）")));
  CHECK(is_leaf(c, find_clause(c, "七")));
}

TEST_CASE("ankang: points under a section without items and a sentence across a page break") {
  auto c = clauses_of("ankang");
  // The preamble (after the cover letter's date and the title); 一; 二 with
  // points 1-5; 三; 四 with items 一-九; 五 with items 一-四.
  CHECK(c.size() == 24);
  CHECK(clause(c, "前言").line == 19);
  CHECK(clause(c, "前言").text.starts_with("为全面落实计划生育家庭特别扶助政策"));
  CHECK(clause(c, "二1").level == Level::point);
  CHECK(clause(c, "二5").text.starts_with("5. 坚持关怀关爱、个性化服务原则。"));
  CHECK(clause(c, "二3").text == "3. 坚持生活扶助、精神慰藉原则。以扶助失独家庭生活困难为基础，注重心理安慰和亲情关怀，促进社会和谐。");
  CHECK(clause(c, "二3").line == 29);
  // "2014年10月底前" starts a line of 三 but is no point.
  CHECK(contains(clause(c, "三").text, "2014年10月底前完成对全市失独家庭全面摸底调查"));
  CHECK(contains(clause(c, "四（一）").text, "城镇居民每人每月提高到1000元"));
  CHECK(contains(clause(c, "四（二）").text, "报销住院诊医疗费用的基础上"));
  // The body ends before 抄送.
  const Clause& last = clause(c, "五（四）");
  CHECK(last.text.ends_with("确保失独家庭扶助关怀工作顺利实施。"));
  CHECK(labels_of(c).back() == "五（四）");
}

TEST_CASE("foshan: the missing section number and the points of an item") {
  auto c = clauses_of("foshan");
  // The preamble, 一, 二 (unnumbered in the text), 三 with items 一-十 and
  // points 1-4 under 三（四）, 四 with items 一-四, 五.
  CHECK(c.size() == 24);
  // Not 附件, the title or （征求意见稿）.
  CHECK(clause(c, "前言").line == 6);
  CHECK(clause(c, "前言").text.starts_with("为认真贯彻落实《国家卫生计生委等5部门"));
  const Clause& two = clause(c, "二");
  CHECK(two.inferred);
  CHECK(two.line == 10);
  CHECK(two.text.starts_with("精准扶助对象\n服务对象为佛山市户籍居民"));
  CHECK_FALSE(contains(clause(c, "一").text, "精准扶助对象"));
  CHECK_FALSE(clause(c, "三").inferred);
  CHECK(clause(c, "三（十）").text.starts_with("（十）提供扶助金关爱服务。"));
  const Clause& grant = clause(c, "三（四）4");
  CHECK(grant.line == 39);
  CHECK(grant.text.starts_with("4.发放再生育扶助金。\n对符合条件并在具有辅助生殖技术治疗资质的医疗机构进行治疗的家庭"));
  CHECK(grant.text.ends_with("所需资金由各区财政承担。"));
  // (1) and (2) are part of point 1, not points of their own.
  CHECK(contains(clause(c, "三（四）1").text, "（2）免费孕前优生健康检查"));
  CHECK(clause(c, "五").text == "五、本方案自2020年1月1日起施行，有效期5年。有关政策依据变化或者有效期届满，根据实施情况依法评估修订。");
  CHECK(labels_of(c).back() == "五");  // 附件：1.… is closing matter
}

TEST_CASE("songjiang: twenty-two points and ASCII parentheses") {
  auto c = clauses_of("songjiang");
  // The preamble; 一; 二 with items 一 (4 points), 二 (5), 三 (3), 四 (10); 三
  // with items 一-三.
  CHECK(c.size() == 33);
  // Joined across the page break after 优.
  CHECK(clause(c, "前言").text.starts_with("为进一步做好本区户籍计划生育特殊困难家庭扶助工作，优先解决"));
  const Clause& allowance = clause(c, "二（一）1");
  CHECK(contains(allowance.text, "即49-59岁，每人每月660元"));
  CHECK(contains(allowance.text, "独生子女死亡家庭特别扶助标准分为三档"));  // joined across the page break
  CHECK(clause(c, "二（四）10").text ==
        "10. 充分发挥各街镇就业援助的作用，积极协调相关单位，优先推荐无业的计划生育特殊困难家庭成员到合适的就业岗位。\n"
        "（区人社局负责）");
  const Clause& last = clause(c, "三（三）");  // written "(三) 落实经费"
  CHECK(last.text.starts_with("(三) 落实经费，协调推进。"));
  CHECK(last.text.ends_with("确保工作落到实处、取得实效。"));  // the eight signatures are not its text
  CHECK(labels_of(c).back() == "三（三）");
}

TEST_CASE("zhangdian: the unnumbered closing provision is the clause 施行") {
  auto c = clauses_of("zhangdian");
  // The preamble, 一, 二, 三 with items 一-八, 四 with items 一-三, 施行.
  CHECK(c.size() == 17);
  CHECK(clause(c, "前言").text ==
        "为进一步做好我区计划生育特殊家庭（独生子女三级以上残疾或死亡未再生育或收养子女的家庭）关怀帮扶工作，"
        "提高他们的生活水平和质量，根据国家、省、市关于开展计划生育特殊家庭关怀工作的系列文件精神，结合我区实际，"
        "就进一步做好计划生育特殊家庭关怀工作，制定如下实施意见。");
  const Clause& force = clause(c, "施行");
  CHECK(force.unnumbered);
  CHECK(force.line == 75);
  CHECK(force.text == "本《意见》自2021年1月8日起实行，有效期至2026年1月7日。");
  CHECK(force.parent == -1);
  CHECK(contains(clause(c, "三（五）").text, "每人每年投保标准 300 元"));
  CHECK(contains(clause(c, "三（二）").text, "区计生协会每年开展一次计生特殊家庭困难救助"));
  CHECK(clause(c, "四（三）").text.ends_with("努力营造全社会关心、帮助计生特殊家庭的良好环境。"));
  CHECK(labels_of(c).back() == "施行");
}

TEST_CASE("chinese numerals") {
  CHECK(chinese_number("七") == 7);
  CHECK(chinese_number("十") == 10);
  CHECK(chinese_number("十一") == 11);
  CHECK(chinese_number("二十") == 20);
  CHECK(chinese_number("二十三") == 23);
  CHECK(chinese_number("甲") == 0);
}

TEST_CASE("cites name one clause or a list") {
  using V = std::vector<std::string>;
  CHECK(parse_cite("一（一）").labels == V{"一（一）"});
  CHECK(parse_cite("三（十）").labels == V{"三（十）"});
  CHECK(parse_cite("二（一）1").labels == V{"二（一）1"});
  CHECK(parse_cite("二（四）10").labels == V{"二（四）10"});
  CHECK(parse_cite("二（一）2、3").labels == V{"二（一）2", "二（一）3"});
  CHECK(parse_cite("前言").labels == V{"前言"});
  CHECK(parse_cite("施行").labels == V{"施行"});
  CHECK(parse_cite("二（一）2, 二（一）3").labels == V{"二（一）2", "二（一）3"});
  CHECK(parse_cite("四（一）、（三）").labels == V{"四（一）", "四（三）"});
  CHECK(parse_cite("四(一)").labels == V{"四（一）"});
  CHECK(parse_cite("七").labels == V{"七"});
}

TEST_CASE("cites that are no clause reference") {
  for (const char* bad : {"", "第三条", "（一）", "3", "一（", "一（一）x", "一（一）、（"}) {
    CAPTURE(bad);
    CiteLabels c = parse_cite(bad);
    CHECK(c.labels.empty());
    CHECK_FALSE(c.error.empty());
  }
}

TEST_CASE("a quote is found around ellipses and spaced numbers") {
  std::string text = "即每人每月分别提高到490元、420元。";
  std::size_t missing = 9;
  auto spans = find_quote(text, "每人每月……420元", missing);
  CHECK(missing == 0);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "每人每月");
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "420元");

  std::string spaced = "其独生子女在未满 16 周岁之前发生意外伤残";
  spans = find_quote(spaced, "未满16周岁之前", missing);
  CHECK(missing == 0);
  REQUIRE(spans.size() == 1);
  CHECK(spaced.substr(spans[0].begin, spans[0].end - spans[0].begin) == "未满 16 周岁之前");

  find_quote(text, "每人每月……800元", missing);
  CHECK(missing == 1);
}

TEST_CASE("trim and heading-like lines") {
  CHECK(trim("\u3000\u3000 四、主要措施 \r") == "四、主要措施");
  CHECK(heading_like("松江区民政局"));
  CHECK(heading_like("精准扶助对象"));
  CHECK_FALSE(heading_like("（区人社局负责）"));
  CHECK_FALSE(heading_like("为基础，注重心理安慰和亲情关怀，促进社会和谐。"));
}
