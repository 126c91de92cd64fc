// Whether the one scanner (src/syntax/tokens.hpp) splits a text where the
// PEGTL grammar's lexical rules do. The grammar's parse tree keeps only the
// lexical rules (identifiers, keywords, literals, punctuation, comments);
// each must be one token of the scanner, at the same bytes, of the same
// kind, in the same order. Used by tests/unit/test_tokens.cpp on every
// policy of the repository and by fuzz/fuzz_tokens.cpp on fuzzed text.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <fmt/format.h>
#include <tao/pegtl/contrib/limit_depth.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/grammar.hpp"
#include "limits.hpp"
#include "syntax/tokens.hpp"

namespace fuzhu::testing {

namespace token_agreement_detail {

namespace pegtl = tao::pegtl;
namespace g = grammar;
using tokens::Kind;

// The kind of token a lexical rule matches; none for every other rule.
enum class Lexeme { none, keyword, word, string, number_or_rate, rate, money, duration, date, loose_date, punct, comment };

template <typename Rule> inline constexpr Lexeme lexeme_of = Lexeme::none;
#define FUZHU_LEXEME(rule, lexeme) template <> inline constexpr Lexeme lexeme_of<g::rule> = Lexeme::lexeme;
FUZHU_LEXEME(comment, comment)
FUZHU_LEXEME(name, word)
FUZHU_LEXEME(field_name, word)
FUZHU_LEXEME(string_lit, string)
FUZHU_LEXEME(date_lit, date)
FUZHU_LEXEME(loose_date_lit, loose_date)
FUZHU_LEXEME(duration_lit, duration)
FUZHU_LEXEME(money_lit, money)
FUZHU_LEXEME(percent_lit, rate)
FUZHU_LEXEME(percent_share, rate)
FUZHU_LEXEME(number_lit, number_or_rate)
FUZHU_LEXEME(int_lit, number_or_rate)
FUZHU_LEXEME(op_ne, punct)
FUZHU_LEXEME(op_le, punct)
FUZHU_LEXEME(op_ge, punct)
FUZHU_LEXEME(op_double_eq, punct)
FUZHU_LEXEME(op_lt, punct)
FUZHU_LEXEME(op_gt, punct)
FUZHU_LEXEME(op_add, punct)
FUZHU_LEXEME(op_sub, punct)
FUZHU_LEXEME(op_mul, punct)
FUZHU_LEXEME(op_div, punct)
#undef FUZHU_LEXEME
#define FUZHU_KEYWORD(id, en, zh) template <> inline constexpr Lexeme lexeme_of<g::kw_##id> = Lexeme::keyword;
#include "grammar/keywords.def"
#undef FUZHU_KEYWORD
// Punctuation: every one<…> and string<…> the grammar matches outside the
// rules above ('{', '=', "=>", ".."); those inside them are their parts.
template <char... Cs> inline constexpr Lexeme lexeme_of<pegtl::one<Cs...>> = Lexeme::punct;
template <char... Cs> inline constexpr Lexeme lexeme_of<pegtl::string<Cs...>> = Lexeme::punct;

struct Node : pegtl::parse_tree::basic_node<Node> {
  Lexeme lexeme = Lexeme::none;
  template <typename Rule, typename ParseInput, typename... States>
  void start(const ParseInput& in, States&&... st) {
    basic_node<Node>::template start<Rule>(in, st...);
    lexeme = lexeme_of<Rule>;
  }
};

template <typename Rule>
struct selector : std::bool_constant<lexeme_of<Rule> != Lexeme::none> {};

template <typename Rule>
struct depth_limit : pegtl::limit_depth<limits::max_parser_depth> {};

struct Expected {
  std::size_t offset = 0, size = 0;
  Kind kind = Kind::punct;
};

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The tokens one lexical rule's match should be: a keyword phrase ("in
// force") is a word a token; a comment ends before its line break.
inline void expect(const Node& node, std::string_view source, std::vector<Expected>& out) {
  const std::size_t begin = node.begin().byte, end = node.end().byte;
  std::string_view text = source.substr(begin, end - begin);
  switch (node.lexeme) {
    case Lexeme::keyword: {
      for (std::size_t i = 0; i < text.size();) {
        std::size_t j = i;
        while (j < text.size() && !is_blank(text[j])) ++j;
        out.push_back({begin + i, j - i, Kind::word});
        while (j < text.size() && is_blank(text[j])) ++j;
        i = j;
      }
      return;
    }
    case Lexeme::comment:
      if (text.ends_with("\r\n")) text.remove_suffix(2);
      else if (text.ends_with("\n")) text.remove_suffix(1);
      out.push_back({begin, text.size(), Kind::comment});
      return;
    case Lexeme::number_or_rate:
      out.push_back({begin, text.size(), text.find('.') == std::string_view::npos ? Kind::number : Kind::rate});
      return;
    case Lexeme::word: out.push_back({begin, text.size(), Kind::word}); return;
    case Lexeme::string: out.push_back({begin, text.size(), Kind::string}); return;
    case Lexeme::rate: out.push_back({begin, text.size(), Kind::rate}); return;
    case Lexeme::money: out.push_back({begin, text.size(), Kind::money}); return;
    case Lexeme::duration: out.push_back({begin, text.size(), Kind::duration}); return;
    case Lexeme::date: out.push_back({begin, text.size(), Kind::date}); return;
    case Lexeme::loose_date: out.push_back({begin, text.size(), Kind::loose_date}); return;
    case Lexeme::punct: out.push_back({begin, text.size(), Kind::punct}); return;
    case Lexeme::none: return;
  }
}

inline const char* kind_name(Kind k) {
  switch (k) {
    case Kind::word: return "word";
    case Kind::string: return "string";
    case Kind::number: return "number";
    case Kind::rate: return "rate";
    case Kind::money: return "money";
    case Kind::duration: return "duration";
    case Kind::date: return "date";
    case Kind::loose_date: return "loose date";
    case Kind::punct: return "punctuation";
    case Kind::comment: return "comment";
  }
  return "?";
}

inline std::string shown(std::string_view source, std::size_t offset, std::size_t size, Kind kind) {
  return fmt::format("{} at byte {} '{}'", kind_name(kind), offset, source.substr(offset, std::min<std::size_t>(size, 40)));
}

}  // namespace token_agreement_detail

/// nullopt when the grammar does not parse `source` (nothing to compare);
/// otherwise "" when the scanner's tokens are the grammar's lexical matches,
/// or the first difference.
inline std::optional<std::string> token_disagreement(std::string_view source) {
  namespace d = token_agreement_detail;
  std::unique_ptr<d::Node> root;
  try {
    d::pegtl::memory_input in(source.data(), source.size(), "");
    root = d::pegtl::parse_tree::parse<d::g::file, d::Node, d::selector, d::depth_limit>(in);
  } catch (const d::pegtl::parse_error&) {
    return std::nullopt;
  }
  if (!root) return std::nullopt;
  // Only the outermost lexical matches: a '.' inside 1.5 belongs to it.
  std::vector<d::Expected> expected;
  for (const auto& child : root->children) d::expect(*child, source, expected);

  const tokens::Tokenized scanned = tokens::tokenize(source);
  if (!scanned.ok()) return fmt::format("the scanner stops at byte {}, which the grammar reads", scanned.stuck_at);
  const auto& got = scanned.tokens;
  for (std::size_t i = 0; i < std::max(expected.size(), got.size()); ++i) {
    if (i >= got.size())
      return "the scanner ends before the grammar's " + d::shown(source, expected[i].offset, expected[i].size, expected[i].kind);
    if (i >= expected.size())
      return "the scanner reads more than the grammar: " + d::shown(source, got[i].offset, got[i].text.size(), got[i].kind);
    const d::Expected& e = expected[i];
    const tokens::Token& t = got[i];
    if (e.offset != t.offset || e.size != t.text.size() || e.kind != t.kind)
      return fmt::format("token {}: the grammar reads {}, the scanner {}", i, d::shown(source, e.offset, e.size, e.kind),
                         d::shown(source, t.offset, t.text.size(), t.kind));
  }
  return std::string();
}

}  // namespace fuzhu::testing
