// The pairing of benefits with clauses, and the page: escaping of hostile
// input, the draft banner, warnings for cites that name no clause.
#include <doctest/doctest.h>

#include <string>

#include "report/from_policy.hpp"
#include "report/html.hpp"
#include "report/review.hpp"
#include "report/text.hpp"
#include "tests/support/documents.hpp"

using namespace fuzhu::report;
using fuzhu::testing::read_document;

namespace {


Review hostile_review() {
  Review r;
  r.header.title = "<script>alert('title')</script>";
  r.header.document = "文号〔2026〕1号 & <b>";
  r.header.status = "draft";
  r.document_name = "doc\"<i>.txt";
  r.document_text =
      "标题\n"
      "一、<img src=x onerror=alert(1)>第一条\n"
      "（一）给予\"补助\"<style>body{display:none}</style>。\n"
      "二、未被引用的条款</p><script>x()</script>\n";
  ReviewBenefit b;
  b.id = "x\"><script>y()</script>";
  b.title = "<iframe>";
  b.cite = "一（一）";
  b.quote = "给予\"补助\"<style>";
  b.source = "benefit x { cites \"一（一）\" } # </pre><script>z()</script>";
  r.benefits.push_back(b);
  ReviewBenefit missing = b;
  missing.id = "missing";
  missing.cite = "九（一）";
  r.benefits.push_back(missing);
  return r;
}

}  // namespace

TEST_CASE("escape replaces the five HTML characters") {
  CHECK(escape("<script>alert('x')</script> & \"q\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(escape("每人每月490元") == "每人每月490元");
  CHECK(escape_marked("a<b>c", {{1, 4}}) == "a<mark>&lt;b&gt;</mark>c");
}

TEST_CASE("hostile policy and document text stays text") {
  Review r = hostile_review();
  Pairing p = pair_up(r);
  std::string page = render_page(r, p);
  for (const char* injected : {"<script", "<img", "<style>body", "<iframe", "<b>", "<i>", "</p><script"}) {
    CAPTURE(injected);
    CHECK_FALSE(contains(page, injected));
  }
  CHECK(contains(page, "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"));
  CHECK(contains(page, "二、未被引用的条款&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;"));  // in the uncited list
  CHECK(contains(page, "<mark class=\"quote\">给予&quot;补助&quot;&lt;style&gt;</mark>"));  // the quote, marked
  CHECK(contains(page, "<p class=\"clause-text\">一、&lt;img src=x onerror=alert(1)&gt;第一条</p>"));  // the section, in order
  CHECK(contains(page, "data-benefit=\"x&quot;&gt;&lt;script&gt;y()&lt;/script&gt;\""));
  // The page has exactly its own <style> and no script at all.
  CHECK(page.find("<style>") == page.rfind("<style>"));
}

// The findings of a pairing, as "CODE message".
std::vector<std::string> findings_of(const Pairing& p) {
  std::vector<std::string> out;
  for (const auto& f : p.findings) out.push_back(std::string(fuzhu::info(f.code).text) + " " + f.message);
  return out;
}

TEST_CASE("a cite naming no clause is a visible warning") {
  Review r = hostile_review();
  Pairing p = pair_up(r);
  // The missing clause; and 二, which nothing accounts for.
  auto findings = findings_of(p);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0] == "C001 benefit missing cites 九（一）, but the document has no clause 九（一）");
  CHECK(findings[1] == "C006 a clause of the document is neither cited nor declared `not transcribed \"clause\" \"reason\"`: 二 (line 4)");
  CHECK(p.cite_unresolved());
  REQUIRE(p.rows.size() == 2);
  CHECK(p.rows[0].citations.size() == 1);
  CHECK(p.rows[0].citations[0].clause == 1);  // 一（一）: the section is clause 0
  CHECK(p.rows[1].citations[0].clause == -1);
  std::string page = render_page(r, p);
  CHECK(contains(page, "id=\"warnings\""));
  CHECK(contains(page, "原文中没有条款 九（一）"));
  // 二 is cited by nobody; 一 is not a leaf and its item is cited.
  REQUIRE(p.uncited.size() == 1);
  CHECK(p.clauses[static_cast<std::size_t>(p.uncited[0])].label == "二");
}

TEST_CASE("a benefit without cites is a warning") {
  Review r = hostile_review();
  r.benefits.resize(1);
  r.benefits[0].cite.clear();
  Pairing p = pair_up(r);
  auto findings = findings_of(p);
  REQUIRE(findings.size() == 2);  // no cite; 一（一） and 二 unaccounted
  CHECK(findings[1] == "C006 2 clauses of the document are neither cited nor declared `not transcribed \"clause\" \"reason\"`: 一（一） (line 3), 二 (line 4)");
  CHECK(findings[0] == "P008 benefit x\"><script>y()</script> cites no clause of the document");
  CHECK_FALSE(p.cite_unresolved());
  CHECK(p.rows[0].citations.empty());
  CHECK(contains(render_page(r, p), "未引用任何条款"));
}

TEST_CASE("the draft banner shows for a draft only") {
  Review r = hostile_review();
  Pairing p = pair_up(r);
  CHECK(contains(render_page(r, p), "id=\"draft-banner\""));
  r.header.status = "final";
  CHECK_FALSE(contains(render_page(r, p), "id=\"draft-banner\""));
}

TEST_CASE("the page declares its language and encoding and is responsive") {
  Review r = hostile_review();
  std::string page = render_page(r, pair_up(r));
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  CHECK(contains(page, "<meta charset=\"utf-8\">"));
  CHECK(contains(page, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
  CHECK(contains(page, "@media (max-width: 700px)"));
  CHECK_FALSE(contains(page, "http://"));
  CHECK_FALSE(contains(page, "https://"));
  CHECK_FALSE(contains(page, "@font-face"));
}

TEST_CASE("block_at takes a benefit through its closing brace") {
  std::string source = "x\nbenefit a \"t\" {\n  cites \"一（一）\" \"}\" # } in a comment\n  when true\n}\nbenefit b {}\n";
  std::size_t begin = source.find("benefit a");
  CHECK(block_at(source, begin) == "benefit a \"t\" {\n  cites \"一（一）\" \"}\" # } in a comment\n  when true\n}");
}

TEST_CASE("yiyang: every cite resolves and every clause is cited or declared not transcribed") {
  auto compiled = fuzhu::Policy::compile_file(FUZHU_SOURCE_DIR "/policies/yiyang.policy");
  REQUIRE(compiled.ok());
  Review r = review_of(*compiled.policy, "yiyang.txt", read_document(FUZHU_DOCUMENTS_DIR "/yiyang.txt"));
  CHECK(r.header.document == "益政办发〔2017〕26号");
  CHECK(r.header.policy_file == "yiyang.policy");
  REQUIRE(r.benefits.size() == 24);
  CHECK(r.benefits[0].id == "special_allowance");
  CHECK(r.benefits[0].source.starts_with("benefit special_allowance \"特别扶助金\" {"));
  CHECK(r.benefits[0].source.ends_with("when household.district_kind = county\n  }\n}"));
  CHECK(r.benefits[1].discretionary);
  CHECK(r.benefits[1].minimum);
  // The comment block above a benefit is kept with it: the readings.
  CHECK(r.benefits[0].readings.empty());
  CHECK(r.benefits[4].id == "health_management");
  CHECK(r.benefits[4].readings.starts_with("The family-doctor contract in the same clause is for 扶助对象 only"));
  // 七 (施行) is the header's; the preamble and 一（一）、一（二） define terms.
  REQUIRE(r.citations.size() == 5);
  CHECK(r.citations[0].by == "policy");
  CHECK(r.citations[0].cite == "七");
  CHECK(r.citations[1].by == "define 计生特困家庭");
  CHECK(r.citations[1].cite == "前言");
  // 六 (组织领导) grants nothing, and says so.
  REQUIRE(r.not_transcribed.size() == 1);
  CHECK(r.not_transcribed[0].clause == "六");
  Pairing p = pair_up(r);
  for (const auto& f : p.findings) MESSAGE(f.message);
  CHECK(p.findings.empty());
  CHECK(p.uncited.empty());
  REQUIRE(p.omitted.size() == 1);
  CHECK(p.clauses[static_cast<std::size_t>(p.omitted[0].clause)].label == "六");
}

TEST_CASE("every policy's cites resolve, its quotes are word for word, and every clause is accounted for") {
  for (const char* city : {"ankang", "foshan", "songjiang", "yiyang", "zhangdian"}) {
    CAPTURE(city);
    auto compiled = fuzhu::Policy::compile_file(std::string(FUZHU_SOURCE_DIR "/policies/") + city + ".policy");
    REQUIRE(compiled.ok());
    Review r = review_of(*compiled.policy, city, read_document(std::string(FUZHU_DOCUMENTS_DIR "/") + city + ".txt"));
    Pairing p = pair_up(r);
    CHECK(p.findings.empty());
    for (const auto& f : p.findings) MESSAGE(f.message);
    CHECK(p.uncited.empty());
  }
}

// Issue 11, item 16: fifty benefits citing one long clause made a page fifty
// times the clause. The text is shown once; the others point back to it.
TEST_CASE("a clause cited by many benefits is printed once") {
  Review r;
  r.header.title = "长条款";
  std::string long_clause;
  for (int i = 0; i < 20000; ++i) long_clause += "条款内容";  // 240 KB
  r.document_text = "一、" + long_clause + "\n二、其他\n";
  for (int i = 0; i < 50; ++i) {
    ReviewBenefit b;
    b.id = "b" + std::to_string(i);
    b.cite = "一";
    r.benefits.push_back(b);
  }
  std::string page = render_page(r, pair_up(r));
  std::size_t count = 0;
  for (std::size_t at = page.find(long_clause); at != std::string::npos; at = page.find(long_clause, at + 1)) ++count;
  CHECK(count == 1);
  CHECK(page.size() < long_clause.size() + 100000);
  CHECK(contains(page, "id=\"clause-0\""));
  CHECK(contains(page, "待遇 benefits (50): <a href=\"#benefit-b0\">"));  // the clause links to all fifty
  CHECK(contains(page, "<article class=\"benefit\" id=\"benefit-b49\""));
  CHECK(contains(page, "引用 cites <a href=\"#clause-0\">一</a>"));  // and each links back
}

namespace {

// Songjiang's text as transcribed before the legal review (lines 81, 102):
// quotes without the document's spaces, and one running into the next clause.
Review songjiang_quotes() {
  Review r;
  r.header.policy_file = "songjiang.policy";
  r.document_name = "songjiang.txt";
  r.document_text = read_document(FUZHU_DOCUMENTS_DIR "/songjiang.txt");
  ReviewBenefit across;
  across.id = "one_time_subsidy";
  across.cite = "二（一）2、3";
  across.quote = "其独生子女在未满16周岁之前发生意外伤残、死亡，自愿不再生育和收养子女的……"
                 "超过16周岁以上发生意外伤残、死亡的父母发放3000元、5000元一次性补助";
  across.line = 81;
  r.benefits.push_back(across);
  ReviewBenefit verbatim = across;
  verbatim.id = "serious_illness_subsidy";
  verbatim.cite = "二（一）4";
  verbatim.quote = "其未婚独生子女患大病重病给予一次性补助 3000 元";
  verbatim.line = 102;
  r.benefits.push_back(verbatim);
  ReviewBenefit elsewhere = across;
  elsewhere.id = "elsewhere";
  elsewhere.cite = "二（一）4";
  elsewhere.quote = "优先推荐无业的计划生育特殊困难家庭成员";
  elsewhere.line = 120;
  r.benefits.push_back(elsewhere);
  return r;
}

}  // namespace

TEST_CASE("a quote not word for word, or running across two clauses, is a warning at its line") {
  Review r = songjiang_quotes();
  Pairing p = pair_up(r);
  std::vector<std::string> quotes;
  for (const auto& f : p.findings)
    if (f.code == fuzhu::Diag::quote_not_verbatim || f.code == fuzhu::Diag::quote_across_clauses ||
        f.code == fuzhu::Diag::quote_not_found)
      quotes.push_back(std::to_string(f.line) + " " + fuzhu::info(f.code).text + " " + f.message);
  REQUIRE(quotes.size() == 4);
  // 未满16周岁 against the document's 未满 16 周岁, in clause 2 and in clause 3.
  CHECK(contains(quotes[0], "81 C003 benefit one_time_subsidy: the quote is not word for word, spaces included: "
                       "the document writes 「其独生子女在未满 16 周岁之前"));
  CHECK(contains(quotes[1], "81 C003"));
  CHECK(contains(quotes[1], "「超过 16 周岁以上发生意外伤残"));
  CHECK(contains(quotes[2], "81 C004 benefit one_time_subsidy: the quote runs across clauses 二（一）2 and 二（一）3"));
  // Word for word, spaces included: no warning for line 102.
  CHECK(contains(quotes[3], "120 C005 benefit elsewhere: 「优先推荐无业的计划生育特殊困难家庭成员」 is not in the clause cited: "
                       "it stands in clause 二（四）10"));
  CHECK(contains(render_page(r, p), "引文与原文不一致"));
}

TEST_CASE("the page shows readings, an inferred issuer, the header's clause and clauses not transcribed") {
  auto compiled = fuzhu::Policy::compile_file(FUZHU_SOURCE_DIR "/policies/foshan.policy");
  REQUIRE(compiled.ok());
  Review r = review_of(*compiled.policy, "foshan.txt", read_document(FUZHU_DOCUMENTS_DIR "/foshan.txt"));
  CHECK(r.header.issuer_inferred);
  Pairing p = pair_up(r);
  const std::string page = render_page(r, p);
  CHECK(contains(page, "<dd id=\"issuer\">佛山市卫生健康局 <span class=\"inferred note\" id=\"issuer-inferred\">（推定"));
  CHECK(contains(page, "<div class=\"readings\"><strong>解读 readings</strong>\n49周岁以上 is the parent&#39;s own age &gt;= 49."));
  CHECK(contains(page, "引用 cited by: <a href=\"#policy-header\">政策头 the policy header</a>"));
  // 五 states the date of force and the period the header transcribes (and quotes).
  CHECK(contains(page, "<span class=\"figure used\" data-figure=\"2020-01-01\" title=\"用于 used by policy\">"
                  "<mark class=\"quote\">2020年1月1日</mark></span><mark class=\"quote\">起施行，有效期</mark>"
                  "<span class=\"figure used\" data-figure=\"5\""));
  CHECK(contains(page, "<li data-clause=\"四\"><span class=\"label\"><a href=\"#clause-"));
  CHECK(contains(page, "不转录 not transcribed — 理由 reason：精准扶助要求"));
  CHECK(contains(page, "原文未编号：正文前的导语"));  // the preamble, declared not transcribed
}
