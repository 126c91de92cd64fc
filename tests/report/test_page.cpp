// The pairing of benefits with clauses, and the page: escaping of hostile
// input, the draft banner, warnings for cites that name no clause.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "report/from_policy.hpp"
#include "report/html.hpp"
#include "report/review.hpp"

using namespace fuzhu::report;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

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
    CHECK_FALSE(has(page, injected));
  }
  CHECK(has(page, "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"));
  CHECK(has(page, "二、未被引用的条款&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;"));  // in the uncited list
  CHECK(has(page, "<mark>给予&quot;补助&quot;&lt;style&gt;</mark>"));               // the quote, marked
  CHECK(has(page, "<span class=\"context\">一、&lt;img src=x onerror=ale…</span>"));  // the item's context, cut
  CHECK(has(page, "data-benefit=\"x&quot;&gt;&lt;script&gt;y()&lt;/script&gt;\""));
  // The page has exactly its own <style> and no script at all.
  CHECK(page.find("<style>") == page.rfind("<style>"));
}

TEST_CASE("a cite naming no clause is a visible warning") {
  Review r = hostile_review();
  Pairing p = pair_up(r);
  REQUIRE(p.warnings.size() == 1);
  CHECK(has(p.warnings[0], "missing"));
  CHECK(has(p.warnings[0], "九（一）"));
  REQUIRE(p.rows.size() == 2);
  CHECK(p.rows[0].citations.size() == 1);
  CHECK(p.rows[0].citations[0].clause == 1);  // 一（一）: the section is clause 0
  CHECK(p.rows[1].citations[0].clause == -1);
  std::string page = render_page(r, p);
  CHECK(has(page, "id=\"warnings\""));
  CHECK(has(page, "原文中没有条款 九（一）"));
  // 二 is cited by nobody; 一 is not a leaf and its item is cited.
  REQUIRE(p.uncited.size() == 1);
  CHECK(p.clauses[static_cast<std::size_t>(p.uncited[0])].label == "二");
}

TEST_CASE("a benefit without cites is a warning") {
  Review r = hostile_review();
  r.benefits.resize(1);
  r.benefits[0].cite.clear();
  Pairing p = pair_up(r);
  REQUIRE(p.warnings.size() == 1);
  CHECK(has(p.warnings[0], "cites no clause"));
  CHECK(p.rows[0].citations.empty());
  CHECK(has(render_page(r, p), "未引用任何条款"));
}

TEST_CASE("the draft banner shows for a draft only") {
  Review r = hostile_review();
  Pairing p = pair_up(r);
  CHECK(has(render_page(r, p), "id=\"draft-banner\""));
  r.header.status = "final";
  CHECK_FALSE(has(render_page(r, p), "id=\"draft-banner\""));
}

TEST_CASE("the page declares its language and encoding and is responsive") {
  Review r = hostile_review();
  std::string page = render_page(r, pair_up(r));
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  CHECK(has(page, "<meta charset=\"utf-8\">"));
  CHECK(has(page, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
  CHECK(has(page, "@media (max-width: 700px)"));
  CHECK_FALSE(has(page, "http://"));
  CHECK_FALSE(has(page, "https://"));
  CHECK_FALSE(has(page, "@font-face"));
}

TEST_CASE("block_at takes a benefit through its closing brace") {
  std::string source = "x\nbenefit a \"t\" {\n  cites \"一（一）\" \"}\" # } in a comment\n  when true\n}\nbenefit b {}\n";
  std::size_t begin = source.find("benefit a");
  CHECK(block_at(source, begin) == "benefit a \"t\" {\n  cites \"一（一）\" \"}\" # } in a comment\n  when true\n}");
}

TEST_CASE("yiyang: every cite resolves and five clauses are uncited") {
  auto compiled = fuzhu::Policy::compile_file(FUZHU_SOURCE_DIR "/policies/yiyang.policy");
  REQUIRE(compiled.ok());
  Review r = review_of(*compiled.policy, "yiyang.txt", read(FUZHU_DOCUMENTS_DIR "/yiyang.txt"));
  CHECK(r.header.document == "益政办发〔2017〕26号");
  CHECK(r.header.policy_file == "yiyang.policy");
  REQUIRE(r.benefits.size() == 24);  // family_doctor: 二（一）'s contract, for 扶助对象 only
  CHECK(r.benefits[0].id == "special_allowance");
  CHECK(r.benefits[0].source.starts_with("benefit special_allowance \"特别扶助金\" {"));
  CHECK(r.benefits[0].source.ends_with("when household.district_kind = county\n  }\n}"));
  CHECK(r.benefits[0].line == 41);
  CHECK(r.benefits[1].discretionary);
  CHECK(r.benefits[1].minimum);
  Pairing p = pair_up(r);
  CHECK(p.warnings.empty());
  // 六（一）–（四） (组织领导) and 七 (施行) grant nothing.
  std::vector<std::string> uncited;
  for (int i : p.uncited) uncited.push_back(p.clauses[static_cast<std::size_t>(i)].label);
  CHECK(uncited == std::vector<std::string>{"六（一）", "六（二）", "六（三）", "六（四）", "七"});
}

TEST_CASE("every policy's cites resolve in its document") {
  for (const char* city : {"ankang", "foshan", "songjiang", "yiyang", "zhangdian"}) {
    CAPTURE(city);
    auto compiled = fuzhu::Policy::compile_file(std::string(FUZHU_SOURCE_DIR "/policies/") + city + ".policy");
    REQUIRE(compiled.ok());
    Review r = review_of(*compiled.policy, city, read(std::string(FUZHU_DOCUMENTS_DIR "/") + city + ".txt"));
    Pairing p = pair_up(r);
    CHECK(p.warnings.empty());
    for (const auto& w : p.warnings) MESSAGE(w);
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
  CHECK(has(page, "id=\"clause-0\""));
  CHECK(has(page, "<a href=\"#clause-0\">原文见上，b0 处 — the text is shown above, under b0</a>"));
}
