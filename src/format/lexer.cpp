// The formatter's tokens are the one scanner's (syntax/tokens.hpp), with
// room for what the grammar then says of each (structure.cpp).
#include "format/token.hpp"

namespace fuzhu::format {

std::optional<std::vector<Token>> lex(std::string_view source) {
  tokens::Tokenized scanned = tokens::tokenize(source);
  if (!scanned.ok()) return std::nullopt;
  std::vector<Token> out;
  out.reserve(scanned.tokens.size());
  for (const tokens::Token& t : scanned.tokens) {
    Token token;
    token.kind = t.kind;
    token.text = t.text;
    token.offset = t.offset;
    token.newlines_before = static_cast<int>(t.newlines_before);
    out.push_back(token);
  }
  return out;
}

}  // namespace fuzhu::format
