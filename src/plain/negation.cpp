// Natural negation of a Chinese label (negation.hpp). The rules cover the
// verbs the schema's and the policies' labels turn on. The rule whose word
// comes first in the label applies (有再生育意愿 negates 有, not 再生育);
// at one place the longer word wins, so that 持有 is not read as 有.
#include "plain/negation.hpp"

#include <array>
#include <utility>

namespace fuzhu::plain {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> rules{{
    {"持有", "未持有"},
    {"健在", "已故"},
    {"当年因", "当年未因"},
    {"身患", "未身患"},
    {"再生育", "未再生育"},
    {"符合", "不符合"},
    {"需要", "不需要"},
    {"独居", "不独居"},
    {"无业", "有业"},
    {"有", "无"},
    {"已", "未"},
    {"患", "未患"},
}};

}  // namespace

std::optional<std::string> negate_label(std::string_view label) {
  const std::pair<std::string_view, std::string_view>* best = nullptr;
  std::size_t best_at = std::string_view::npos;
  for (const auto& rule : rules) {  // longer words first: a tie keeps the longer
    std::size_t at = label.find(rule.first);
    if (at < best_at) best = &rule, best_at = at;
  }
  if (!best) return std::nullopt;
  std::string out(label.substr(0, best_at));
  out += best->second;
  out += label.substr(best_at + best->first.size());
  return out;
}

}  // namespace fuzhu::plain
