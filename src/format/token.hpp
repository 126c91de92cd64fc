// Tokens of a policy file as the formatter sees them: the scanner's words,
// literals, punctuation and comments (syntax/tokens.hpp), each with the line
// breaks that preceded it, then what the grammar says each one is
// (structure.cpp), a keyword phrase such as `in force` joined into one.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "format/keywords.hpp"
#include "syntax/builtins.hpp"
#include "syntax/tokens.hpp"

namespace fuzhu::format {

using TokenKind = tokens::Kind;

/// What a `{` or `(` opens, which decides how its contents are laid out.
enum class Bracket {
  none,
  block,   // policy, record, facts, benefit: always one item a line
  group,   // match, tier, schedule, enum values, payer list: one line or one item a line
  set,     // in { a, b }: always on one line
  paren,   // ( expr ), call arguments
};

struct Token {
  TokenKind kind = TokenKind::punct;
  std::string_view text;     // as written (a view into the source)
  std::uint32_t offset = 0;  // bytes from the start of the source
  int newlines_before = 0;   // line breaks between the previous token and this one

  // ---- from the grammar (structure.cpp)
  std::optional<Keyword> keyword;  // a word the grammar read as a keyword
  std::optional<Builtin> builtin;  // the name of a function called (grammar/builtins.def)
  bool starts_item = false;        // an item, header field, clause, arm, field, payer of a list
  Bracket bracket = Bracket::none; // for '{' and '('
  bool tight_paren = false;        // '(' of a call or of any/all: no space before
  bool unary = false;              // '-' of a negation
  bool spaced_colon = false;       // ':' of a payer's share or a record's base
  bool binding = false;            // '=' of a definition or a field default
  bool payer_when = false;         // 'when' of a payer
  bool cite = false;               // 'cites': after a definition's expression, it continues the definition

  bool is(std::string_view punct) const { return kind == TokenKind::punct && text == punct; }
  bool is(Keyword k) const { return keyword == k; }
};

/// Splits `source` into tokens, comments included, with the one scanner.
/// Returns nullopt at a byte no token starts with (the parser has rejected
/// such a file already).
std::optional<std::vector<Token>> lex(std::string_view source);

}  // namespace fuzhu::format
