// fuzhu plain POLICY [--lang zh|en]: every benefit and definition of the
// policy in plain words (docs/plain.md), as the golden files hold them.
#include <iostream>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "fuzhu/plain.hpp"

namespace fuzhu::cli {

namespace {

const RegisterCommand plain_command{15, [](CLI::App& app) {
  struct Options {
    std::string policy, lang = "zh";
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("plain", "every benefit and definition of a policy in plain words");
  sub->add_option("policy", o->policy, "the .policy file")->required();
  sub->add_option("--lang", o->lang, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  return [sub, o] {
    if (!*sub) return -1;
    auto policy = compile_or_report(o->policy);
    if (!policy) return exit_failed;
    std::cout << plain_lines(plain_text(*policy, parse_lang(o->lang).value_or(Lang::zh)));
    return exit_ok;
  };
}};

}  // namespace

}  // namespace fuzhu::cli
