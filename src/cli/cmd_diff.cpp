// fuzhu diff OLD.policy NEW.policy [--families FILE...] [--as-of D]
//            [--all-in-jurisdiction] [--format text|script|json] [--lang zh|en]:
// what changed between two versions of a policy, benefit by benefit, in
// plain words (docs/diff.md), and
// how each family's entitlements change. Exit codes as diff(1) has them:
// 0 no difference, 1 differences, 2 trouble (a wrong command line, a policy
// with errors, a family file that cannot be read or evaluated).
#include <iostream>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "compile/policy.hpp"
#include "fuzhu/plain.hpp"
#include "versions/diff_report.hpp"
#include "api/internal.hpp"
#include "api/syntax_of.hpp"

namespace fuzhu::cli {

namespace {

constexpr int diff_same = 0, diff_different = 1, diff_trouble = 2;

struct DiffArgs {
  std::string before, after, as_of, format = "text", lang = "zh";
  std::vector<std::string> families;
  bool all_in_jurisdiction = false;
};

// Both evaluations of one family file, or nullopt after printing why not.
std::optional<versions::FamilyChanges> family_changes(const Policy& before, const Policy& after, const std::string& file,
                                                      const Date& as_of, const EvalOptions& options, Lang lang) {
  auto then = evaluate_or_report(before, file, as_of, options);
  if (!then) return std::nullopt;
  auto now = evaluate_or_report(after, file, as_of, options);
  if (!now) return std::nullopt;
  return versions::FamilyChanges{file, versions::diff_family(*then, *now, lang, &after.schema())};
}

int run_diff(const DiffArgs& a) {
  auto as_of = parse_as_of(a.as_of);
  if (!as_of) return diff_trouble;
  auto before = compile_or_report(a.before);
  auto after = compile_or_report(a.after);
  if (!before || !after) return diff_trouble;

  const Lang lang = parse_lang(a.lang).value_or(Lang::zh);  // CLI11 admits zh and en only
  versions::DiffReport report;
  report.before_file = a.before;
  report.after_file = a.after;
  report.before_document = before->info().document;
  report.after_document = after->info().document;
  const auto program = detail::syntax_of(*after);  // the trees, checked again from the kept texts
  report.policy = versions::diff_policies(*detail::syntax_of(*before), *program, lang);
  for (const ast::RootDecl* root : program->roots) report.recipient_labels[root->name] = lang == Lang::zh ? root->label : "";
  report.with_families = !a.families.empty();
  report.as_of = as_of->to_string();
  EvalOptions options;
  options.assume_in_jurisdiction = a.all_in_jurisdiction;
  for (const auto& file : a.families) {
    auto changes = family_changes(*before, *after, file, *as_of, options, lang);
    if (!changes) return diff_trouble;
    report.families.push_back(std::move(*changes));
  }
  std::cout << (a.format == "json"     ? versions::diff_json(report)
                : a.format == "script" ? versions::diff_script(report)
                                       : versions::diff_text(report));
  return report.any_difference() ? diff_different : diff_same;
}

const RegisterCommand diff_command{45, [](CLI::App& app) {
  auto a = std::make_shared<DiffArgs>();
  auto* sub = app.add_subcommand(
      "diff",
      "what changed between two versions of a policy, benefit by benefit; with --families, how each family's "
      "entitlements change. Exit 0: no difference, 1: differences, 2: a wrong command line, a policy with errors "
      "or a family file that cannot be evaluated");
  sub->add_option("old", a->before, "the old version's .policy file")->required();
  sub->add_option("new", a->after, "the new version's .policy file")->required();
  sub->add_option("--families", a->families, "family facts files (JSON, as fuzhu eval reads them) to evaluate with both");
  sub->add_option("--as-of", a->as_of, "the families' evaluation date YYYY-MM-DD (default: today)");
  sub->add_flag("--all-in-jurisdiction", a->all_in_jurisdiction,
                "evaluate every family as if registered in the policy's jurisdiction");
  sub->add_option("--format", a->format, "text (plain words, the default), script (the policy language) or json")
      ->check(CLI::IsMember({"text", "script", "json"}));
  sub->add_option("--lang", a->lang, "the plain words' language: zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  return [sub, a] { return *sub ? run_diff(*a) : -1; };
}};

}  // namespace

}  // namespace fuzhu::cli
