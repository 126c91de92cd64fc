// Lays annotated tokens out in the canonical form of docs/formatting.md.
#pragma once

#include <string>
#include <vector>

#include "format/token.hpp"

namespace fuzhu::format {

/// The canonical text of `tokens` (lexed and annotated from one valid file),
/// keywords spelt in `keywords`.
std::string print(const std::vector<Token>& tokens, KeywordSet keywords);

}  // namespace fuzhu::format
