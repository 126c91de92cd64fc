#include "check/citations.hpp"

#include <string_view>

#include <fmt/format.h>

namespace fuzhu {

namespace {

// Nothing but spaces, tabs and ideographic spaces (U+3000): no reason given.
bool blank(std::string_view s) {
  constexpr std::string_view ideographic_space = "\u3000";
  while (!s.empty()) {
    if (s.front() == ' ' || s.front() == '\t') s.remove_prefix(1);
    else if (s.starts_with(ideographic_space)) s.remove_prefix(ideographic_space.size());
    else return false;
  }
  return true;
}

}  // namespace

void check_citations(const Program& program, Diagnostics& diags) {
  for (std::size_t i = 0; i < program.files.size(); ++i) {
    const ast::File& file = *program.files[i];
    for (const auto& n : file.not_transcribed) {
      if (i > 0)
        diags.add(Diag::not_transcribed_outside, n.loc,
                  "'not transcribed' says what the policy leaves out of its document, and belongs in the policy file");
      else if (blank(n.reason))
        diags.add(Diag::not_transcribed_no_reason, n.loc,
                  fmt::format("say why clause {} is not transcribed: not transcribed \"{}\" \"组织领导，不向家庭发放待遇\"",
                              n.clause, n.clause));
    }
    if (i == 0) continue;
    for (const auto& def : file.definitions)
      if (def.cite)
        diags.add(Diag::definition_cite_outside, def.cite->loc,
                  fmt::format("'{}' is shared by every policy that uses this file: its cite counts for no document; "
                              "cite the clause in the policy (define a name there that cites it)",
                              def.name));
  }
}

}  // namespace fuzhu
