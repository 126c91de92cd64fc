// The plain rendering as the public API gives it (fuzhu/plain.hpp): read
// from the compiled policy, where compile() stored it.
#include "fuzhu/plain.hpp"

#include "compile/policy.hpp"
#include "fuzhu/policy.hpp"
#include "api/internal.hpp"

namespace fuzhu {

std::optional<Lang> parse_lang(std::string_view text) {
  if (text == "zh") return Lang::zh;
  if (text == "en") return Lang::en;
  return std::nullopt;
}

const PlainText& plain_text(const Policy& policy, Lang lang) { return detail::compiled_of(policy).plain_text(lang); }

std::string plain_lines(const PlainText& text) {
  std::string out;
  auto add = [&](std::string_view kind, const PlainRule& rule) {
    out += kind;
    out += ' ';
    out += rule.id;
    if (!rule.title.empty()) out += ' ' + rule.title;
    out += "\n  " + rule.text + "\n";
  };
  for (const auto& rule : text.benefits) add("benefit", rule);
  for (const auto& rule : text.definitions) add("define", rule);
  return out;
}

}  // namespace fuzhu
