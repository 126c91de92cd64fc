// The review page as a review tool (issue 13, item 2), on the real policies
// and documents: each clause once with its benefits under it, links both
// ways, plain words, definitions, every figure tied to the script's, the
// flags, the stamp, and --since. Expected values are worked out from
// ../shared/documents by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "report/from_policy.hpp"
#include "report/review.hpp"
#include "report/text.hpp"
#include "report/since_diff.hpp"
#include "tests/support/documents.hpp"

using namespace fuzhu::report;
using fuzhu::testing::read_document;

namespace {


std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

fuzhu::Policy compile(const std::string& path) {
  fuzhu::CompileOptions options;  // tests/report and tests/versions `use "../../policies/facts.schema"`
  options.use_roots.push_back(FUZHU_SOURCE_DIR);
  auto compiled = fuzhu::Policy::compile_file(path, options);
  REQUIRE(compiled.ok());
  return std::move(*compiled.policy);
}

// A policy reviewed against its document; the review outlives the pairing.
struct Reviewed {
  fuzhu::Policy policy;
  Review review;
  Pairing pairing;
  std::string page;
};

std::unique_ptr<Reviewed> reviewed(const std::string& policy_path, const std::string& city) {
  auto r = std::make_unique<Reviewed>(Reviewed{compile(policy_path), {}, {}, {}});
  r->review = review_of(r->policy, city + ".txt", read_document(std::string(FUZHU_DOCUMENTS_DIR "/") + city + ".txt"));
  r->pairing = pair_up(r->review);
  r->page = render_page(r->review, r->pairing);
  return r;
}

std::unique_ptr<Reviewed> reviewed(const std::string& city) {
  return reviewed(std::string(FUZHU_SOURCE_DIR "/policies/") + city + ".policy", city);
}

// The page from clause `label`'s section to the next clause's.
std::string clause_section(const std::string& page, const std::string& label) {
  const std::size_t at = page.find("data-clause=\"" + label + "\">");
  REQUIRE_MESSAGE(at != std::string::npos, label);
  const std::size_t end = page.find("<section class=\"clause", at);
  return page.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

// The page's article for benefit `id`.
std::string article(const std::string& page, const std::string& id) {
  const std::size_t at = page.find("data-benefit=\"" + id + "\">");
  REQUIRE_MESSAGE(at != std::string::npos, id);
  return page.substr(at, page.find("</article>", at) - at);
}

const std::vector<ClauseFigure>& figures_of_clause(const Pairing& p, const std::string& label) {
  const int i = find_clause(p.clauses, label);
  REQUIRE_MESSAGE(i >= 0, label);
  return p.figures[static_cast<std::size_t>(i)];
}

}  // namespace

TEST_CASE("zhangdian: 三（五） is printed once, its six benefits under it") {
  auto z = reviewed("zhangdian");
  // Words of 三（五） that no benefit quotes: the clause text itself, once.
  CHECK(count(z->page, "区属各医疗机构、各镇（中心）卫生院、城市社区卫生服务中心全面开通") == 1);
  const std::string section = clause_section(z->page, "三（五）");
  std::vector<std::string> ids;
  for (std::size_t at = section.find("data-benefit=\""); at != std::string::npos; at = section.find("data-benefit=\"", at + 1)) {
    const std::size_t begin = at + 14;
    ids.push_back(section.substr(begin, section.find('"', begin) - begin));
  }
  CHECK(ids == std::vector<std::string>{"medical_green_channel", "outpatient_fee_waiver", "family_doctor", "health_checkup",
                                        "elderly_checkup", "happiness_insurance"});
  // The clause links to each; each links back.
  CHECK(contains(section, "待遇 benefits (6): <a href=\"#benefit-medical_green_channel\">就医绿色通道</a>"));
  const int clause = find_clause(z->pairing.clauses, "三（五）");
  CHECK(contains(article(z->page, "health_checkup"), "引用 cites <a href=\"#clause-" + std::to_string(clause) + "\">三（五）</a>"));
  // 对年满 50-64 岁 … 标准为每人 300 元: the plain words say so, not code.
  const std::string checkup = article(z->page, "health_checkup");
  CHECK(contains(checkup, "<p class=\"plain\">条件：计生特殊家庭；对象：夫妻每人，须享有“计划生育家庭特别扶助金”，且本人年满50周岁，"
                     "且本人年龄不超过64周岁；金额：每年300元"));
  CHECK_FALSE(contains(z->page, "对象 to"));
  CHECK(contains(checkup, "<li class=\"found\" data-figure=\"300元\">300元 见 <a href=\"#clause-"));
}

TEST_CASE("songjiang: the six tier amounts of 二（一）1 are highlighted and tied to special_allowance") {
  auto s = reviewed("songjiang");
  const auto& figures = figures_of_clause(s->pairing, "二（一）1");
  std::vector<std::int64_t> amounts;
  for (const ClauseFigure& f : figures) {
    CAPTURE(shown(f.at.figure));
    CHECK_FALSE(f.unused);  // the ages 49, 59, 60, 69, 70 and the date 2019-01-01 too
    if (f.at.figure.kind != FigureKind::money) continue;
    amounts.push_back(f.at.figure.value / 100);
    CHECK(f.used_by == std::vector<std::string>{"special_allowance"});
  }
  CHECK(amounts == std::vector<std::int64_t>{660, 710, 760, 820, 870, 920});
  const std::string section = clause_section(s->page, "二（一）1");
  for (const char* yuan : {"660元", "710元", "760元", "820元", "870元", "920元"}) {
    CAPTURE(yuan);
    CHECK(contains(section, std::string("<span class=\"figure used\" data-figure=\"") + yuan + "\" title=\"用于 used by special_allowance\">"));
  }
  // 3000 元、5000 元 of 二（一）2 and 3: one_time_subsidy's two amounts.
  for (const ClauseFigure& f : figures_of_clause(s->pairing, "二（一）3"))
    if (f.at.figure.kind == FigureKind::money) CHECK(f.used_by == std::vector<std::string>{"one_time_subsidy"});
}

TEST_CASE("a figure the clause does not state, and figures of the clause nothing uses, are flagged") {
  auto b = reviewed(FUZHU_SOURCE_DIR "/tests/report/bad_figures.policy", "yiyang");
  REQUIRE(b->pairing.rows.size() == 1);
  std::vector<std::string> missing, found;
  for (const FigureCheck& c : b->pairing.rows[0].figures) (c.clause < 0 ? missing : found).push_back(shown(c.figure.figure));
  CHECK(missing == std::vector<std::string>{"50", "520元"});
  CHECK(found.empty());
  std::vector<std::string> unused;
  for (const ClauseFigure& f : figures_of_clause(b->pairing, "一（一）"))
    if (f.unused) unused.push_back(shown(f.at.figure));
  CHECK(unused == std::vector<std::string>{"49", "100元", "490元", "420元", "4", "6"});
  CHECK(contains(b->page, "<li class=\"missing\" data-figure=\"520元\">⚠ 520元 所引条款中没有"));
  CHECK(contains(b->page, "⚠ 原文数字 49、100元、490元、420元、4、6 未被引用本条款的任何待遇或定义使用"));
  CHECK(contains(b->page, "<span class=\"figure unused\" data-figure=\"490元\""));
  // The real Yiyang policy uses them all, and 49 through 扶助对象家庭.
  auto y = reviewed("yiyang");
  for (const ClauseFigure& f : figures_of_clause(y->pairing, "一（一）")) {
    CAPTURE(shown(f.at.figure));
    CHECK(f.unused == (shown(f.at.figure) == "100元"));  // a raise of 100元/月: the script writes the totals
  }
}

TEST_CASE("every link on the five pages lands on an anchor, and every clause has one") {
  for (const char* city : {"ankang", "foshan", "songjiang", "yiyang", "zhangdian"}) {
    CAPTURE(city);
    auto r = reviewed(city);
    std::set<std::string> ids;
    for (std::size_t at = r->page.find(" id=\""); at != std::string::npos; at = r->page.find(" id=\"", at + 1)) {
      const std::size_t begin = at + 5;
      CHECK(ids.insert(r->page.substr(begin, r->page.find('"', begin) - begin)).second);  // unique
    }
    std::size_t links = 0;
    for (std::size_t at = r->page.find("href=\"#"); at != std::string::npos; at = r->page.find("href=\"#", at + 1), ++links) {
      const std::size_t begin = at + 7;
      const std::string target = r->page.substr(begin, r->page.find('"', begin) - begin);
      CHECK_MESSAGE(ids.count(target) == 1, target);
    }
    CHECK(links > r->pairing.clauses.size());
    for (std::size_t i = 0; i < r->pairing.clauses.size(); ++i) CHECK(ids.count("clause-" + std::to_string(i)) == 1);
    for (const Row& row : r->pairing.rows) CHECK(ids.count("benefit-" + row.benefit->id) == 1);
    // Every benefit is in plain words.
    for (const ReviewBenefit& benefit : r->review.benefits) CHECK_FALSE(benefit.plain.empty());
  }
}

TEST_CASE("definitions: the policy's own and the shared ones, in plain words, tied to their clauses") {
  auto f = reviewed("foshan");
  const std::string& page = f->page;
  const std::size_t at = page.find("id=\"define-eligible_family\"");
  REQUIRE(at != std::string::npos);
  const std::string eligible = page.substr(at, page.find("</article>", at) - at);
  CHECK(contains(eligible, "<p class=\"plain\">计生特殊家庭，且子女出生日期不晚于2015-12-31</p>"));
  // 服务对象为…在2015年12月31日前符合政策…: the cut-off stands in 二, the clause it cites.
  const int two = find_clause(f->pairing.clauses, "二");
  CHECK(contains(eligible, "<li class=\"found\" data-figure=\"2015-12-31\">2015-12-31 见 <a href=\"#clause-" + std::to_string(two) + "\">二</a>"));
  CHECK(contains(clause_section(page, "二"), "<a href=\"#define-eligible_family\">定义 eligible_family</a>"));
  CHECK(contains(page, "id=\"define-special_family\""));
  CHECK(contains(page, "定义于 facts.schema 第 "));
  auto y = reviewed("yiyang");
  CHECK(contains(y->page, "id=\"define-扶助对象家庭\""));
  const auto& defs = y->review.definitions;
  CHECK(std::any_of(defs.begin(), defs.end(), [](const ReviewDefinition& d) { return d.name == "扶助对象家庭" && d.citation >= 0; }));
}

TEST_CASE("the stamp and the sign-off lines are on the page") {
  auto y = reviewed("yiyang");
  y->review.stamp = Stamp{{{"yiyang.policy", std::string(64, 'a')}, {"facts.schema", std::string(64, 'b')}},
                          {"yiyang.txt", std::string(64, 'c')}, "9.9.9", "2026-12-01 12:00 UTC"};
  const std::string page = render_page(y->review, y->pairing);
  CHECK(contains(page, "<span class=\"file\">yiyang.policy</span> <span class=\"hash\" data-sha256=\"" + std::string(64, 'a')));
  CHECK(contains(page, "id=\"document-sha256\" data-sha256=\"" + std::string(64, 'c')));
  CHECK(contains(page, "<dd id=\"engine-version\">fuzhu 9.9.9</dd>"));
  CHECK(contains(page, "<dd id=\"generated\">2026-12-01 12:00 UTC</dd>"));
  CHECK(count(page, "<div class=\"sign-off\">") == y->review.benefits.size());
  CHECK(contains(page, "@page { size: A4;"));
  CHECK(contains(page, "break-inside: avoid"));
}

TEST_CASE("--since marks the one benefit changed by hand") {
  // tests/versions/yiyang_2027.policy: special_allowance pays 520/450 元 from
  // 2027-01-01 and adds a condition; nothing else differs.
  auto before = compile(FUZHU_SOURCE_DIR "/policies/yiyang.policy");
  auto n = reviewed(FUZHU_SOURCE_DIR "/tests/versions/yiyang_2027.policy", "yiyang");
  n->review.since = since_of(before, n->policy, FileHash{"yiyang.policy", std::string(64, '0')});
  REQUIRE(n->review.since->benefits.size() == 1);
  CHECK(n->review.since->benefits[0].id == "special_allowance");
  CHECK(n->review.since->benefits[0].change == "changed");
  CHECK(n->review.since->unchanged == static_cast<int>(n->review.benefits.size()) - 1);
  const std::string page = render_page(n->review, n->pairing);
  CHECK(contains(article(page, "special_allowance"), "data-since=\"changed\""));
  // What changed, in the plain words of `fuzhu diff` (tests/versions/README.md).
  CHECK(contains(article(page, "special_allowance"), "<pre class=\"since-lines\">条件：新增「持有《独生子女父母光荣证》」\n"
                                                "金额：子女死亡每月490元，伤残每月420元 → 自2027-01-01起子女死亡每月520元，伤残每月450元</pre>"));
  CHECK(contains(article(page, "consolation_payment"), "data-since=\"unchanged\""));
  CHECK(count(page, "data-since=\"changed\"") == 2);  // the list of changes and the benefit
  CHECK(contains(page, "<li data-since=\"changed\">已修改 changed：<a href=\"#benefit-special_allowance\">"));
  // 520 元 and 450 元 are not in 一（一）, which still says 490元、420元.
  std::vector<std::string> missing;
  for (const FigureCheck& c : n->pairing.rows[0].figures)
    if (c.clause < 0) missing.push_back(shown(c.figure.figure));
  CHECK(std::count(missing.begin(), missing.end(), "520元") == 1);
  CHECK(std::count(missing.begin(), missing.end(), "450元") == 1);
}
