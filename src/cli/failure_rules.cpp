// The plain rules of the benefits a failed case names (failure_rules.hpp).
#include "cli/failure_rules.hpp"

#include <fmt/format.h>

#include "fuzhu/plain.hpp"

namespace fuzhu::cli {

namespace {

bool id_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
}

// `id` as a whole word: special_allowance, not special_allowance_extra.
bool names(const std::string& message, const std::string& id) {
  for (std::size_t at = message.find(id); at != std::string::npos; at = message.find(id, at + 1)) {
    bool starts = at == 0 || !id_char(message[at - 1]);
    bool ends = at + id.size() == message.size() || !id_char(message[at + id.size()]);
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

std::string rules_of_failures(const Policy& policy, const std::vector<std::string>& failures) {
  std::string out;
  for (const auto& rule : plain_text(policy, Lang::zh).benefits) {
    bool named = false;
    for (const auto& f : failures) named = named || names(f, rule.id);
    if (named) out += fmt::format("     规则 {} {}：{}\n", rule.id, rule.title, rule.text);
  }
  return out;
}

}  // namespace fuzhu::cli
