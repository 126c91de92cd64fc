// Whether the one scanner (src/syntax/tokens.hpp) splits a text where the
// PEGTL grammar's lexical rules do. Parsing records only the outermost
// matches of the lexical rules (identifiers, keywords, literals,
// punctuation, comments); each must be one token of the scanner, at the same
// bytes, of the same kind, in the same order. Used by tests/unit/test_tokens.cpp on every
// policy of the repository and by fuzz/fuzz_tokens.cpp on fuzzed text.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <tao/pegtl/contrib/limit_depth.hpp>
#include <tao/pegtl.hpp>

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

// The grammar's outermost lexical matches, recorded while it parses. This
// is what a parse tree selecting the lexical rules would keep as the root's
// children, without one: a parse tree allocates a node for every attempt of
// every rule that may hold a lexical rule (some 250 a line of policy), and
// under the fuzzer's address sanitizer those allocations were most of
// fuzz_tokens' time (171 inputs in 20 s in CI). Here an attempt costs a mark
// in a vector that is reused: a rule that fails drops what was recorded
// since it started, as its parse-tree node would have been dropped; a
// lexical rule inside another (the '.' of 1.5) is its part, not a match.
struct Match {
  std::size_t begin = 0, end = 0;
  Lexeme lexeme = Lexeme::none;
};

struct Recorder {
  const char* base = nullptr;
  std::vector<Match> matches;      // outermost lexical matches of the rules that have not failed
  std::vector<std::size_t> marks;  // matches.size() when each open rule that may record started
  std::size_t open_lexical = 0;    // lexical rules open: a match inside one is its part
  std::size_t lexical_begin = 0;   // where the outermost open one started

  template <typename ParseInput>
  std::size_t offset(const ParseInput& in) const {
    return static_cast<std::size_t>(in.current() - base);
  }
};

// Whether a rule may hold a lexical rule, looking Depth levels down (the
// grammar is recursive; deeper than that, it is assumed to), as a parse
// tree decides which rules to follow.
template <typename Rule, unsigned Depth = 8>
constexpr bool may_hold_lexeme() {
  if constexpr (lexeme_of<Rule> != Lexeme::none || Depth == 0) return true;
  else
    return []<typename... Subs>(pegtl::type_list<Subs...>) { return (may_hold_lexeme<Subs, Depth - 1>() || ...); }(
        typename Rule::subs_t{});
}

// Only the rules that may hold a lexical rule are followed: the others can
// neither record a match nor drop one. Every such rule, the grammar's own
// and PEGTL's inside them (the seq of an opt, a not_at), drops on failure
// what was recorded since it started.
template <typename Rule>
struct recording : pegtl::normal<Rule> {
  static constexpr Lexeme lexeme = lexeme_of<Rule>;
  static constexpr bool enable = may_hold_lexeme<Rule>();

  template <typename ParseInput, typename... States>
  static void start(const ParseInput& in, Recorder& r, States&&...) {
    if constexpr (lexeme != Lexeme::none) {
      if (r.open_lexical++ == 0) r.lexical_begin = r.offset(in);
    } else if (r.open_lexical == 0) {
      r.marks.push_back(r.matches.size());
    }
  }
  template <typename ParseInput, typename... States>
  static void success(const ParseInput& in, Recorder& r, States&&...) {
    if constexpr (lexeme != Lexeme::none) {
      if (--r.open_lexical == 0) r.matches.push_back({r.lexical_begin, r.offset(in), lexeme});
    } else if (r.open_lexical == 0) {
      r.marks.pop_back();
    }
  }
  template <typename ParseInput, typename... States>
  static void failure(const ParseInput&, Recorder& r, States&&...) {
    if constexpr (lexeme != Lexeme::none) {
      --r.open_lexical;
    } else if (r.open_lexical == 0) {
      r.matches.resize(r.marks.back());
      r.marks.pop_back();
    }
  }
};

template <typename Rule>
struct depth_limit : pegtl::limit_depth<limits::max_parser_depth> {};

struct Expected {
  std::size_t offset = 0, size = 0;
  Kind kind = Kind::punct;
};

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The tokens one lexical rule's match should be: a keyword phrase ("in
// force") is a word a token; a comment ends before its line break.
inline void expect(const Match& match, std::string_view source, std::vector<Expected>& out) {
  const std::size_t begin = match.begin;
  std::string_view text = source.substr(begin, match.end - begin);
  switch (match.lexeme) {
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
  d::Recorder recorded;
  recorded.base = source.data();
  try {
    d::pegtl::memory_input in(source.data(), source.size(), "");
    if (!d::pegtl::parse<d::g::file, d::depth_limit, d::recording>(in, recorded)) return std::nullopt;
  } catch (const d::pegtl::parse_error&) {
    return std::nullopt;
  }
  std::vector<d::Expected> expected;
  for (const d::Match& match : recorded.matches) d::expect(match, source, expected);

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
