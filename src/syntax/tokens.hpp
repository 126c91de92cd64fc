// The one scanner of policy text: the lexical rules of grammar/grammar.hpp
// (identifiers, literals, punctuation, comments), by hand, for the readers
// that need the words of a file rather than its tree: the formatter, which
// must keep comments and line breaks that the grammar's `sp` drops.
//
// A token is what one lexical rule of the grammar matches. Keyword phrases
// (`in force`, `paid by`) are grammar, not lexis: they come out as one word a
// token, and a reader that knows the context joins them. tests/unit/
// test_tokens.cpp checks that the boundaries agree with a PEGTL parse of
// every policy, and fuzz/fuzz_tokens.cpp on fuzzed text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace fuzhu::tokens {

enum class Kind {
  word,        // an identifier or a keyword: ASCII letters, '_' and CJK ideographs, then digits too
  string,      // "…", escapes \" \\ \n
  number,      // 12
  rate,        // 1.5, 40%, 40 ％
  money,       // 490 元, 12.5元
  duration,    // 5 年, 6 个月, 30 days
  date,        // 2026-01-01
  loose_date,  // 2023-7-1, 2023/7/1, 2023年7月1日: read so that the checker can say how to write it
  punct,       // { } ( ) , : . = < > + - * / => .. != <= >= == ≠ ≤ ≥
  comment,     // # to the end of the line, the line break not included
};

struct Token {
  Kind kind = Kind::punct;
  std::string_view text;         // as written: a view into the source
  std::uint32_t offset = 0;      // bytes from the start of the source
  std::uint32_t newlines_before = 0;  // line breaks between the previous token (or the start) and this one
};

struct Tokenized {
  std::vector<Token> tokens;
  /// The offset of a byte no token starts with (or of a string left open),
  /// where scanning stopped; npos when the whole source was read.
  std::size_t stuck_at = npos;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  bool ok() const { return stuck_at == npos; }
};

/// Splits `source` into tokens, comments included; a byte-order mark first
/// and blanks (ASCII white space, U+3000) between tokens are skipped.
Tokenized tokenize(std::string_view source);

/// Whether `text` at `at` starts with an identifier character (id_char of
/// the grammar; digits only when `digits_too`): its length in bytes, or 0.
std::size_t identifier_char(std::string_view text, std::size_t at, bool digits_too);

}  // namespace fuzhu::tokens
