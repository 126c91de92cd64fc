// fuzhu eval POLICY FACTS.json [--as-of D] [--format text|json] [--explain] [--lang zh|en]
#include <iostream>

#include "cli/command.hpp"
#include "cli/common.hpp"

namespace fuzhu::cli {

namespace {

int eval_command_line(const std::string& policy_path, const std::string& facts_path, const std::string& as_of_text,
                      const std::string& format, bool explain, const std::string& lang) {
  auto as_of = parse_as_of(as_of_text);
  if (!as_of) return exit_usage;
  auto policy = compile_or_report(policy_path);
  if (!policy) return exit_failed;
  EvalOptions options;
  options.explain = explain;
  options.lang = parse_lang(lang).value_or(Lang::zh);
  auto evaluation = evaluate_or_report(*policy, facts_path, *as_of, options);
  if (!evaluation) return exit_failed;
  std::cout << (format == "json" ? to_json(*evaluation) : to_text(*evaluation));
  return exit_ok;
}

const RegisterCommand eval_command{10, [](CLI::App& app) {
  struct Options {
    std::string policy, facts, as_of, format = "text";
    bool explain = false;
    std::string lang = "zh";
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("eval", "what a family is entitled to under a policy");
  sub->add_option("policy", o->policy, "the .policy file")->required();
  sub->add_option("facts", o->facts, "the family's facts, as JSON")->required();
  sub->add_option("--as-of", o->as_of, "evaluation date YYYY-MM-DD (default: today)");
  sub->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--explain", o->explain,
                "say why each benefit is granted, not granted or undetermined: the condition as written, "
                "each part's value, the facts read");
  sub->add_option("--lang", o->lang, "the language of each benefit's plain rule under --explain: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
  return [sub, o] {
    return *sub ? eval_command_line(o->policy, o->facts, o->as_of, o->format, o->explain, o->lang) : -1;
  };
}};

}  // namespace

}  // namespace fuzhu::cli
