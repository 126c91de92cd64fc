// A compiled policy stands alone (issue 14.1): it keeps the texts it was
// compiled from and no syntax tree, so it evaluates, explains and names
// file:line:col after the caller's text and the files on disk are gone; the
// review report and `fuzhu diff` check its kept texts again.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "api/internal.hpp"
#include "api/syntax_of.hpp"
#include "check/checker.hpp"
#include "compile/debug_text.hpp"
#include "fuzhu/fuzhu.hpp"
#include "report/from_policy.hpp"
#include "report/since_diff.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/dates.hpp"
#include "tests/support/files.hpp"
#include "versions/policy_diff.hpp"

namespace {

namespace fs = std::filesystem;
using fuzhu::detail::condense;

// Every expression of `program` with a text span: the top-level ones and
// everything below them.
void each_expression(const fuzhu::ast::Expr& e, std::vector<const fuzhu::ast::Expr*>& out) {
  out.push_back(&e);
  fuzhu::ast::for_each_child(e, [&](const fuzhu::ast::Expr& kid) { each_expression(kid, out); });
}

std::vector<const fuzhu::ast::Expr*> expressions_of(const fuzhu::Program& program) {
  std::vector<const fuzhu::ast::Expr*> out;
  for (const auto* d : program.definitions) each_expression(*d->value, out);
  for (const auto* b : program.benefits) {
    for (const auto* e : {b->condition.get(), b->where.get(), b->amount.get()})
      if (e) each_expression(*e, out);
    for (const auto& p : b->payers)
      for (const auto* e : {p.share.get(), p.condition.get()})
        if (e) each_expression(*e, out);
  }
  return out;
}

// The policy of the test below, in <folder>/policies/p.policy; it uses
// extra.schema beside it, whose definition the explanation quotes.
const std::string extra_schema =
    "# 已定：子女死亡或伤残\n"
    "define settled \"已定\" =\n"
    "  child.status = deceased  # 失独\n"
    "    or child.status = disabled\n";

std::string policy_text(const std::string& late_amount) {
  return "use \"facts.schema\"\n"
         "use \"extra.schema\"\n"
         "policy \"独立\" {\n"
         "  document \"独立〔2026〕1号\"\n"
         "  in force from 2010-01-01\n"
         "  jurisdiction \"益阳市\"\n"
         "}\n"
         "benefit shown \"示\" {\n"                       // line 8
         "  cites \"一\"\n"
         "  when settled\n"
         "    and child.status in { deceased,\n"
         "                          disabled }  # 两种\n"
         "  once 2 元\n"
         "}\n"
         "benefit late \"迟\" {\n"                        // line 15
         "  cites \"二\"\n"
         "  when child.status = deceased and child.event_date + 9000 年 > today\n"  // line 17
         "  once " + late_amount + "\n"
         "}\n";
}

// Compiled in a folder that is removed, from a string that is wiped, before
// the policy is used.
fuzhu::Policy compiled_then_orphaned(const std::string& late_amount) {
  std::optional<fuzhu::Policy> policy;
  {
    fuzhu::testing::TempFolder folder("standalone");
    fs::create_directories(folder.path / "policies");
    fs::copy_file(fuzhu::testing::policies_dir() / "facts.schema", folder.path / "policies" / "facts.schema");
    folder.write("policies/extra.schema", extra_schema);
    std::string text = policy_text(late_amount);
    auto r = fuzhu::Policy::compile_string(text, (folder.path / "policies" / "p.policy").string());
    INFO(fuzhu::render_all(r.diagnostics));
    REQUIRE(r.ok());
    policy = *r.policy;
    text.assign(text.size(), '#');  // the caller's buffer, overwritten
  }
  return *policy;
}

fuzhu::Facts family(const fuzhu::Policy& p, const char* status) {
  fuzhu::Facts f = p.new_facts();
  CHECK_FALSE(f.set("household.region", std::string_view("湖南省益阳市")));
  CHECK_FALSE(f.set("child.status", std::string_view(status)));
  CHECK_FALSE(f.set("child.event_date", fuzhu::Date{2020, 1, 1}));
  return f;
}

const fuzhu::Explanation& explanation_of(const fuzhu::Evaluation& e, const std::string& benefit) {
  REQUIRE(e.explanations);
  for (const auto& x : *e.explanations)
    if (x.benefit == benefit) return x;
  FAIL("no explanation of " << benefit);
  return e.explanations->front();
}

}  // namespace

TEST_CASE("an expression's text is a slice of its file condensed once, as condensing its span alone gives") {
  // Every expression of the five policies and the schema: blanks, comments,
  // strings, and calls whose ')' falls outside the span.
  for (const char* city : {"yiyang", "songjiang", "foshan", "zhangdian", "ankang"}) {
    const fs::path path = fuzhu::testing::policies_dir() / (std::string(city) + ".policy");
    CAPTURE(city);
    std::vector<fuzhu::Diagnostic> diagnostics;
    fuzhu::LoadOptions options;
    auto program = fuzhu::load_and_check(path.string(), fuzhu::testing::read_file(path), options, diagnostics);
    REQUIRE_FALSE(fuzhu::has_errors(diagnostics));
    const auto expressions = expressions_of(*program);
    CHECK(expressions.size() > 100);
    fuzhu::detail::DebugText::Builder builder(program->sources);
    std::vector<int> spans;
    for (const auto* e : expressions) spans.push_back(builder.span(e->loc.file, e->text_begin, e->text_end));
    const fuzhu::detail::DebugText text = builder.finish();
    for (std::size_t i = 0; i < expressions.size(); ++i) {
      const auto* e = expressions[i];
      const std::string& source = program->sources.file(e->loc.file).text();
      const std::string alone = condense(std::string_view(source).substr(e->text_begin, e->text_end - e->text_begin));
      CHECK(text.text(spans[i]) == alone);
    }
  }
}

TEST_CASE("condensing drops comments, makes blanks one space and puts back a ')' the span left out") {
  CHECK(condense("a  and\n   # why\n b") == "a and b");
  CHECK(condense("f( x ,\n y") == "f(x, y)");
  CHECK(condense("\"a  # b\"  or c") == "\"a  # b\" or c");
  CHECK(condense("") == "");
}

TEST_CASE("a compiled policy evaluates, explains and names file:line:col after its texts are gone elsewhere") {
  const fuzhu::Policy p = compiled_then_orphaned("1 元");
  fuzhu::EvalOptions options;
  options.explain = true;

  // Disabled: `shown` is granted (已定, and disabled is in the set); `late`
  // stops at child.status = deceased before the date arithmetic.
  auto disabled = p.evaluate(family(p, "disabled"), fuzhu::Date{2024, 1, 1}, options);
  INFO(fuzhu::render_all(disabled.errors));
  REQUIRE(disabled.ok());
  const fuzhu::Explanation& shown = explanation_of(*disabled.evaluation, "shown");
  CHECK(shown.decision == fuzhu::Decision::granted);
  const auto condition = shown.condition();
  REQUIRE(condition);
  // As written over three lines, the comment dropped.
  CHECK(condition->text == "settled and child.status in { deceased, disabled }");
  REQUIRE(condition->parts.size() == 2);
  // The definition's body comes from the used file, which no longer exists.
  CHECK(condition->parts[0].text == "settled");
  CHECK(condition->parts[0].definition == "child.status = deceased or child.status = disabled");
  const fuzhu::ExplainNode& in_set = condition->parts[1];
  CHECK(in_set.text == "child.status in { deceased, disabled }");
  CHECK(in_set.value == "true");
  REQUIRE(in_set.operands.size() == 1);
  CHECK(in_set.operands[0].name == "child.status");
  CHECK(in_set.operands[0].value == "disabled");  // the enum's value by name, from the compiled policy

  // Deceased: 2020-01-01 + 9000 年 is past the year 9999, an error at the
  // `+`'s left operand: line 17, column 36 ("  when child.status = deceased and " is 35 bytes).
  auto deceased = p.evaluate(family(p, "deceased"), fuzhu::Date{2024, 1, 1});
  REQUIRE(deceased.errors.size() == 1);
  const fuzhu::Diagnostic& error = deceased.errors[0];
  CHECK(fs::path(error.file).filename() == "p.policy");
  CHECK(error.line == 17);
  CHECK(error.column == 36);
  CHECK(error.message.find("2020-01-01 + 9000 年 is outside the calendar") != std::string::npos);
}

TEST_CASE("the review report and diff check a compiled policy's kept texts again, never the disk") {
  const fuzhu::Policy before = compiled_then_orphaned("1 元");
  const fuzhu::Policy after = compiled_then_orphaned("3 元");

  const auto program = fuzhu::detail::syntax_of(after);
  REQUIRE(program->sources.size() == 3);  // p.policy, facts.schema, extra.schema: as compiled
  CHECK(fs::path(program->sources.file(2).name()).filename() == "extra.schema");
  CHECK(program->sources.file(2).text() == extra_schema);
  REQUIRE(program->benefits.size() == 2);
  CHECK(program->benefits[1]->id == "late");

  // `late`'s amount went from 1 to 3 元; nothing else changed.
  const auto diff = fuzhu::versions::diff_policies(*fuzhu::detail::syntax_of(before), *program);
  REQUIRE(diff.benefits.size() == 1);
  CHECK(diff.benefits[0].id == "late");
  CHECK(diff.unchanged_benefits == 1);
  const auto since = fuzhu::report::since_of(before, after, {"p.policy", std::string(64, '0')});
  REQUIRE(since.benefits.size() == 1);
  CHECK(since.benefits[0].id == "late");

  const auto review = fuzhu::report::review_of(after, "doc.txt", "一、示。\n二、迟。\n");
  REQUIRE(review.benefits.size() == 2);
  CHECK(review.benefits[0].line == 8);
  CHECK(review.benefits[0].source.starts_with("benefit shown \"示\" {"));
  CHECK(review.benefits[0].source.ends_with("  once 2 元\n}"));
  bool settled_found = false;
  for (const auto& d : review.definitions)
    if (d.name == "settled") {
      settled_found = true;
      CHECK(d.file == "extra.schema");
      CHECK(d.line == 2);
    }
  CHECK(settled_found);
}
