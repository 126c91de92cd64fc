// fuzhu — a policy's rules in plain words, for reviewers who read Chinese
// (or English) but not the policy language: every benefit's condition,
// recipients, amount by date and band, payers and their shares, and cash or
// in kind; every definition's meaning. Rendered once, when the policy is
// compiled, from the checked script (docs/plain.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzhu/export.hpp"

namespace fuzhu {

class Policy;

/// The language of the plain rendering.
enum class Lang { zh, en };
/// "zh" or "en"; none for anything else.
FUZHU_API std::optional<Lang> parse_lang(std::string_view text);

/// One benefit or one definition in plain words. For a benefit, each part
/// is empty when the script does not say it; `text` joins the parts:
///   条件：计生特殊家庭，且女方年满49周岁；对象：夫妻每人；金额：…；出资：…；形式：现金
struct PlainRule {
  std::string id;         ///< the benefit's id, or the definition's name
  std::string title;      ///< the benefit's title, or the definition's label ("" when it has none)
  std::string condition;  ///< the `when`
  std::string recipient;  ///< who receives it, with the `where`
  std::string amount;     ///< the amount by date and band, with its period; or what is given
  std::string payers;     ///< who pays, with shares and when each pays
  std::string form;       ///< cash or in kind (only when there is an amount); discretionary
  std::string text;       ///< the whole sentence; for a definition, what it means
};

struct PlainText {
  std::vector<PlainRule> benefits;     ///< in the policy's order
  std::vector<PlainRule> definitions;  ///< every definition the policy can read (its own and its used files'), in order
};

/// The policy's rules in plain words, as rendered when it was compiled.
FUZHU_API const PlainText& plain_text(const Policy& policy, Lang lang = Lang::zh);

/// The rendering as lines: `benefit ID TITLE\n  TEXT` for each benefit, then
/// `define NAME LABEL\n  TEXT` for each definition (the golden files'
/// format, tests/plain/).
FUZHU_API std::string plain_lines(const PlainText& text);

}  // namespace fuzhu
