// The grammar of the fuzhu policy language, as PEGTL rules, top to bottom in
// the order of grammar/README.md. Private to the library: PEGTL never appears
// in a public header.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace fuzhu::grammar {

using namespace tao::pegtl;

// ---------------------------------------------------------------- spellings

// A compile-time string usable as a template argument.
template <std::size_t N>
struct fixed_string {
  char text[N]{};
  constexpr fixed_string(const char (&s)[N]) {
    for (std::size_t i = 0; i < N; ++i) text[i] = s[i];
  }
  static constexpr std::size_t size = N - 1;
};

constexpr char fold_case(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// Matches a keyword's spelling: ASCII letters regardless of case, a space
// matching any run of blanks, every other byte exactly.
template <fixed_string S>
struct spelling {
  using rule_t = spelling;
  using subs_t = empty_list;

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* p = in.current();
    const char* end = in.end();
    for (std::size_t i = 0; i < S.size; ++i) {
      const char want = S.text[i];
      if (want == ' ') {
        if (p == end || (*p != ' ' && *p != '\t')) return false;
        while (p != end && (*p == ' ' || *p == '\t')) ++p;
        continue;
      }
      if (p == end || fold_case(*p) != fold_case(want)) return false;
      ++p;
    }
    in.bump_in_this_line(static_cast<std::size_t>(p - in.current()));
    return true;
  }
};

// ------------------------------------------------------------------ lexical

struct comment : seq<one<'#'>, until<eolf>> {};
struct blank_char : sor<ascii::space, utf8::one<0x3000>> {};  // U+3000 ideographic space
struct sp : star<sor<plus<blank_char>, comment>> {};
template <typename R>
struct tok : seq<R, sp> {};

// Identifiers: ASCII letters, '_' and CJK ideographs, then digits too.
struct id_start
    : sor<ascii::alpha, one<'_'>,
          utf8::ranges<0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0xFAFF, 0x20000, 0x2EBEF>> {};
struct id_char : sor<id_start, ascii::digit> {};

template <typename... Spellings>
struct key : seq<sor<Spellings...>, not_at<id_char>> {};

}  // namespace fuzhu::grammar

// For grammar analysis: a spelling consumes input when it matches.
template <typename Name, fuzhu::grammar::fixed_string S>
struct tao::pegtl::analyze_traits<Name, fuzhu::grammar::spelling<S>> : analyze_any_traits<> {};

namespace fuzhu::grammar {

#define FUZHU_KEYWORD(id, en, zh) \
  struct kw_##id : key<spelling<en>, spelling<zh>> {};
#include "keywords.def"
#undef FUZHU_KEYWORD

// The reserved words: every keyword but the role words.
#define FUZHU_KEYWORD(id, en, zh) kw_##id,
#define FUZHU_ROLE_WORD(id, en, zh)
struct any_keyword : sor<
#include "keywords.def"
                         failure> {};
#undef FUZHU_ROLE_WORD
#undef FUZHU_KEYWORD

// The reserved words as a sorted table, built at compile time from
// keywords.def: a single-word spelling is reserved; a spelling of several
// words gives its first word, to be checked the long way.
struct ReservedWord {
  std::string_view word;
  bool whole;  // false: the first word of a spelling of several
  constexpr bool operator<(const ReservedWord& other) const { return word < other.word; }
};

constexpr ReservedWord reserved_word(std::string_view spelling) {
  const std::size_t space = spelling.find(' ');
  return space == std::string_view::npos ? ReservedWord{spelling, true} : ReservedWord{spelling.substr(0, space), false};
}

#define FUZHU_KEYWORD(id, en, zh) reserved_word(en), reserved_word(zh),
#define FUZHU_ROLE_WORD(id, en, zh)
inline constexpr auto reserved_words = [] {
  std::array words{
#include "keywords.def"
  };
  std::sort(words.begin(), words.end());
  return words;
}();
#undef FUZHU_ROLE_WORD
#undef FUZHU_KEYWORD

enum class Reserved { no, yes, first_of_several };

inline constexpr std::size_t longest_reserved_word = 24;
static_assert(std::all_of(reserved_words.begin(), reserved_words.end(),
                          [](const ReservedWord& w) { return w.word.size() <= longest_reserved_word; }));

constexpr Reserved reserved(const char* begin, const char* end) {
  // English spellings match in any letter case; they are written in lower case.
  char folded[longest_reserved_word] = {};
  const auto size = static_cast<std::size_t>(end - begin);
  if (size > longest_reserved_word) return Reserved::no;
  for (std::size_t i = 0; i < size; ++i) folded[i] = fold_case(begin[i]);
  const std::string_view word(folded, size);
  auto [first, last] = std::equal_range(reserved_words.begin(), reserved_words.end(), ReservedWord{word, true});
  Reserved found = Reserved::no;
  for (auto it = first; it != last; ++it) {
    if (it->whole) return Reserved::yes;
    found = Reserved::first_of_several;
  }
  return found;
}

// A name: an identifier that is not a reserved word. As a rule it reads
//   seq<not_at<any_keyword>, id_start, star<id_char>>   (spelled_name below)
// but trying each of the ~120 spellings before every name was a fifth of
// compiling: the identifier is matched once and looked up. Only a word that
// begins a reserved word of several (`at` of `at least`, `paid` of `paid
// to`) is checked against the keywords the long way.
struct identifier : seq<id_start, star<id_char>> {};
struct spelled_name : seq<not_at<any_keyword>, identifier> {};

struct name {
  using rule_t = name;
  using subs_t = type_list<spelled_name>;

  template <apply_mode A, rewind_mode M, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&... st) {
    Reserved found;
    {
      auto m = in.template mark<rewind_mode::required>();
      const char* begin = in.current();
      if (!tao::pegtl::match<identifier, apply_mode::nothing, rewind_mode::active, nothing, normal>(in)) return false;
      found = reserved(begin, in.current());
      if (found == Reserved::no) return m(true);
    }  // rewound
    if (found == Reserved::yes) return false;
    return Control<spelled_name>::template match<A, M, Action, Control>(in, st...);
  }
};
// After '.' and in a record, a field may be named like a keyword (child.status).
struct field_name : seq<id_start, star<id_char>> {};

// ----------------------------------------------------------------- literals

struct digits : plus<ascii::digit> {};
struct decimal : seq<digits, opt<one<'.'>, digits>> {};
struct yuan : utf8::one<0x5143> {};  // 元
struct money_lit : seq<decimal, star<ascii::blank>, yuan> {};
struct number_lit : seq<decimal, not_at<one<'.'>, ascii::digit>> {};  // with decimals: a rate (1.5)
struct date_lit : seq<rep<4, ascii::digit>, one<'-'>, rep<2, ascii::digit>, one<'-'>,
                      rep<2, ascii::digit>> {};
// A date written another way (2023-7-1, 2023/7/1, 2023年7月1日): read, so
// that the checker can say how to write it, instead of as arithmetic.
struct loose_date_sep : one<'-', '/', '.'> {};
struct one_or_two_digits : seq<ascii::digit, opt<ascii::digit>> {};
struct loose_date_lit
    : sor<seq<rep<4, ascii::digit>, loose_date_sep, one_or_two_digits, loose_date_sep, one_or_two_digits,
              not_at<ascii::digit>>,
          seq<rep<4, ascii::digit>, star<ascii::blank>, spelling<"年">, star<ascii::blank>, one_or_two_digits,
              star<ascii::blank>, spelling<"月">, star<ascii::blank>, one_or_two_digits, star<ascii::blank>,
              sor<spelling<"日">, spelling<"号">>>> {};
// 1 年, 6 个月 (6 月), 30 日 (30 天); 1 year, 2 years, 6 months, 30 days.
struct duration_unit
    : sor<spelling<"个月">, spelling<"月">, spelling<"年">, spelling<"日">, spelling<"天">, spelling<"years">,
          spelling<"year">, spelling<"months">, spelling<"month">, spelling<"days">, spelling<"day">> {};
struct duration_lit : seq<digits, star<ascii::blank>, duration_unit, not_at<id_char>> {};
// 40%, 40％, 12.5%: a rate.
struct percent_lit : seq<decimal, star<ascii::blank>, sor<one<'%'>, utf8::one<0xFF05>>> {};
struct string_char : sor<seq<one<'\\'>, one<'"', '\\', 'n'>>, not_one<'"', '\\', '\n', '\r'>> {};
struct string_body : until<one<'"'>, string_char> {};
struct string_lit : seq<one<'"'>, must<string_body>> {};
struct int_lit : digits {};

// -------------------------------------------------------------- punctuation

template <char C>
struct sym : tok<one<C>> {};
struct arrow : tok<string<'=', '>'>> {};
struct dots : tok<string<'.', '.'>> {};
struct colon : sym<':'> {};
struct comma : sym<','> {};
struct lbrace : sym<'{'> {};
struct rbrace : sym<'}'> {};
struct lparen : sym<'('> {};
struct rparen : sym<')'> {};
struct equals : tok<seq<one<'='>, not_at<one<'>', '='>>>> {};

// -------------------------------------------------------------- expressions

struct expr;

struct op_eq : seq<one<'='>, not_at<one<'>'>>> {};
struct op_double_eq : string<'=', '='> {};  // read as '=', with a hint: fuzhu compares with one '='

struct op_ne : sor<string<'!', '='>, utf8::one<0x2260>> {};           // != ≠
struct op_le : sor<string<'<', '='>, utf8::one<0x2264>> {};           // <= ≤
struct op_ge : sor<string<'>', '='>, utf8::one<0x2265>> {};           // >= ≥
struct op_lt : one<'<'> {};
struct op_gt : one<'>'> {};
struct compare_op : tok<sor<op_ne, op_le, op_ge, op_double_eq, op_eq, op_lt, op_gt>> {};
struct op_add : one<'+'> {};
struct op_sub : one<'-'> {};
struct op_mul : one<'*'> {};
struct op_div : one<'/'> {};
struct sum_op : tok<sor<op_add, op_sub>> {};
struct product_op : tok<sor<op_mul, op_div>> {};

struct true_lit : tok<kw_true> {};
struct false_lit : tok<kw_false> {};
struct today_lit : tok<kw_today> {};
struct person_ref : tok<kw_person> {};
struct amount_ref : tok<kw_amount> {};  // the benefit's amount, in a payer's share
struct name_ref : tok<name> {};

// match child.status { deceased => 490 元, disabled => 420 元 }
struct arm_values : list<tok<name>, comma> {};
struct match_arm : seq<arm_values, must<arrow>, must<expr>> {};
struct else_arm : seq<tok<kw_else>, must<arrow>, must<expr>> {};
struct match_arms : seq<star<match_arm, opt<comma>>, opt<else_arm, opt<comma>>> {};
struct match_expr : seq<tok<kw_match>, must<expr>, must<lbrace>, match_arms, must<rbrace>> {};

// if A then B else C
struct if_expr : seq<tok<kw_if>, must<expr>, must<tok<kw_then>>, must<expr>, must<tok<kw_else>>,
                     must<expr>> {};

// tier age(person) { ..59 => 660 元, 60..69 => 710 元, 70.. => 760 元 }
struct range_low : tok<int_lit> {};
struct range_high : tok<int_lit> {};
struct tier_range : sor<seq<range_low, dots, opt<range_high>>, seq<dots, must<range_high>>> {};
struct tier_arm : seq<tier_range, must<arrow>, must<expr>> {};
struct tier_expr : seq<tok<kw_tier>, must<expr>, must<lbrace>, star<tier_arm, opt<comma>>,
                       must<rbrace>> {};

// schedule { from 2019-01-01 => 660 元 }
struct schedule_date : tok<date_lit> {};
struct schedule_arm : seq<tok<kw_from>, must<schedule_date>, must<arrow>, must<expr>> {};
struct schedule_expr : seq<tok<kw_schedule>, must<lbrace>, star<schedule_arm, opt<comma>>,
                           must<rbrace>> {};

// any parent (age(person) >= 60)
struct quantifier : tok<sor<kw_any, kw_all>> {};
struct quantified_set : tok<sor<kw_parent, kw_member>> {};
struct quantified_expr : seq<quantifier, must<quantified_set>, must<lparen>, must<expr>,
                             must<rparen>> {};

struct call_args : list<expr, comma> {};
struct call_expr : seq<tok<name>, lparen, must<call_args>, must<rparen>> {};

struct paren_expr : seq<lparen, must<expr>, must<rparen>> {};

struct primary
    : sor<tok<date_lit>, tok<loose_date_lit>, tok<duration_lit>, tok<money_lit>, tok<percent_lit>,
          tok<number_lit>, tok<string_lit>, true_lit, false_lit,
          today_lit, person_ref, amount_ref, match_expr, if_expr, tier_expr, schedule_expr, quantified_expr,
          call_expr, name_ref, paren_expr> {};
struct field_access : seq<sym<'.'>, not_at<one<'.'>>, must<tok<field_name>>> {};
struct postfix : seq<primary, star<field_access>> {};
struct negate : seq<tok<op_sub>, must<postfix>> {};
struct unary : sor<negate, postfix> {};
struct product : seq<unary, star<product_op, must<unary>>> {};
struct sum : seq<product, star<sum_op, must<product>>> {};
// `in kind` after an amount is a clause of the benefit, not `in { … }`.
struct in_set : seq<not_at<kw_in_kind>, tok<kw_in>, must<lbrace>, must<arm_values>, must<rbrace>> {};
struct comparison : seq<sum, opt<sor<seq<compare_op, must<sum>>, in_set>>> {};
struct not_op : tok<kw_not> {};
struct negation : sor<seq<not_op, must<negation>>, comparison> {};
struct conjunction : seq<negation, star<tok<kw_and>, must<negation>>> {};
struct disjunction : seq<conjunction, star<tok<kw_or>, must<conjunction>>> {};
struct expr : seq<disjunction> {};

// -------------------------------------------------------------- the header

// The clause of the document, and a quote from it: in the header, after a
// definition, in a benefit.
struct cite_clause : seq<tok<kw_cites>, must<tok<string_lit>>, opt<tok<string_lit>>> {};

struct header_title : tok<string_lit> {};
struct document_field : seq<tok<kw_document>, must<tok<string_lit>>> {};
// `issuer "…" inferred`: the document does not name its issuer.
struct issuer_inferred : tok<kw_inferred> {};
struct issuer_field : seq<tok<kw_issuer>, must<tok<string_lit>>, opt<issuer_inferred>> {};
struct issued_field : seq<tok<kw_issued>, must<tok<date_lit>>> {};
struct force_from : tok<date_lit> {};
struct force_to : tok<date_lit> {};
struct force_for : tok<duration_lit> {};  // 有效期5年: the last day is computed
struct in_force_field : seq<tok<kw_in_force>, must<tok<kw_from>>, must<force_from>,
                            opt<sor<seq<tok<kw_until>, must<force_to>>, seq<tok<kw_for>, must<force_for>>>>> {};
struct jurisdiction_field : seq<tok<kw_jurisdiction>, must<tok<string_lit>>> {};
struct status_value : tok<sor<kw_final, kw_draft>> {};
struct status_field : seq<tok<kw_status>, must<status_value>> {};
struct header_field : sor<document_field, issuer_field, issued_field, in_force_field,
                          jurisdiction_field, status_field, cite_clause> {};
struct policy_decl : seq<tok<kw_policy>, must<header_title>, must<lbrace>, star<header_field>,
                         must<rbrace>> {};

// ---------------------------------------------------------------- the schema

// A Chinese label after a declaration's name or type: `birth_date: date "出生日期"`.
struct decl_label : tok<string_lit> {};

struct enum_value : seq<tok<name>, opt<tok<string_lit>>> {};
struct enum_values : seq<lbrace, list<enum_value, opt<comma>>, must<rbrace>> {};
struct enum_decl : seq<tok<kw_enum>, must<tok<name>>, opt<decl_label>, must<enum_values>> {};

struct int_range : seq<tok<int_lit>, dots, must<tok<int_lit>>> {};
struct bool_type : tok<kw_bool_type> {};
struct int_type : seq<tok<kw_int_type>, opt<int_range>> {};
struct money_type : tok<kw_money_type> {};
struct date_type : tok<kw_date_type> {};
struct string_type : tok<kw_string_type> {};
struct inline_enum : seq<tok<kw_enum>, must<enum_values>> {};
struct named_type : tok<name> {};
struct field_type
    : sor<bool_type, int_type, money_type, date_type, string_type, inline_enum, named_type> {};
struct field_default : seq<equals, must<expr>> {};

// What the engine relies on, declared rather than guessed from names:
// `birth_date: date role birth`, `mother: optional Individual role parent, age_else father`.
struct role_target : tok<name> {};
struct role_with_target : seq<tok<sor<kw_deceased_when, kw_age_else>>, must<role_target>> {};
struct role_word : tok<sor<kw_birth, kw_alive, kw_region, kw_event, kw_parent, kw_member>> {};
struct role_item : sor<role_with_target, role_word> {};
// A comma then a role, unless that word begins the next field (`…role birth, alive: bool`).
struct role_clause : seq<tok<kw_role>, must<role_item>, star<comma, role_item, not_at<colon>>> {};

struct field_decl : seq<tok<field_name>, must<colon>, must<field_type>, opt<decl_label>, opt<field_default>,
                        opt<role_clause>> {};
struct record_fields : seq<must<lbrace>, star<field_decl, opt<comma>>, must<rbrace>> {};
struct record_base : seq<colon, must<tok<name>>> {};
struct record_decl : seq<tok<kw_record>, must<tok<name>>, opt<decl_label>, opt<record_base>, record_fields> {};

struct optional_mark : tok<kw_optional> {};
struct root_decl : seq<tok<name>, must<colon>, opt<optional_mark>, must<tok<name>>, opt<decl_label>,
                       opt<role_clause>> {};
struct facts_roots : seq<must<lbrace>, star<root_decl, opt<comma>>, must<rbrace>> {};
struct facts_decl : seq<tok<kw_facts>, facts_roots> {};

// A policy's own facts: fields added to a record of a used file, new roots.
struct extend_record : seq<tok<kw_record>, must<tok<name>>, record_fields> {};
struct extend_facts : seq<tok<kw_facts>, facts_roots> {};
struct extend_what : sor<extend_record, extend_facts> {};
struct extend_decl : seq<tok<kw_extend>, must<extend_what>> {};

// --------------------------------------------------------------- definitions

struct define_decl : seq<tok<kw_define>, must<tok<name>>, opt<decl_label>, must<equals>, must<expr>,
                         opt<cite_clause>> {};

// A clause deliberately not transcribed, and why: `not transcribed "六（一）" "组织领导"`.
struct not_transcribed_clause : tok<string_lit> {};
struct not_transcribed_reason : tok<string_lit> {};
struct not_transcribed_decl
    : seq<tok<kw_not_transcribed>, must<not_transcribed_clause>, must<not_transcribed_reason>> {};

// ------------------------------------------------------------------ benefits

struct when_clause : seq<tok<kw_when>, must<expr>> {};

struct where_clause : seq<tok<kw_where>, must<expr>> {};
struct each_parent : tok<kw_parent> {};
struct each_member : tok<kw_member> {};
struct each_deceased_parent : tok<kw_parent_who_died> {};  // a funeral subsidy, paid to the relatives
struct each_sor : sor<each_deceased_parent, each_parent, each_member> {};
struct each_recipient : seq<tok<kw_each>, must<each_sor>, opt<where_clause>> {};
struct named_recipient : tok<name> {};
struct recipient_sor : sor<each_recipient, named_recipient> {};
struct to_clause : seq<tok<kw_to>, must<recipient_sor>> {};

struct period : tok<sor<kw_monthly, kw_yearly, kw_once>> {};
struct at_least : tok<kw_at_least> {};
struct amount_expr : expr {};
struct at_least_amount : seq<at_least, must<amount_expr>> {};
// A new line can begin with `paid by`, `cites`, ... so the amount is optional
// only when the next token starts another clause or closes the block.
struct benefit_clause_start;
struct pay_clause : seq<period, opt<sor<at_least_amount, seq<not_at<benefit_clause_start>, amount_expr>>>> {};

struct grants_clause : seq<tok<kw_grants>, must<tok<string_lit>>> {};
struct discretionary_clause : tok<kw_discretionary> {};
struct in_kind_clause : tok<kw_in_kind> {};  // the amount is the value of something given or bought

// A share: a figure (money, may use `amount`), a percentage of the amount
// (40%, 40％), or parts of what the figures and percentages leave (4 份).
struct percent_sign : sor<one<'%'>, utf8::one<0xFF05>> {};
struct percent_share : seq<decimal, star<ascii::blank>, percent_sign> {};
struct parts_count : tok<int_lit> {};
struct parts_share : seq<parts_count, tok<kw_parts>> {};
struct share : sor<tok<percent_share>, parts_share, expr> {};
struct payer_name : tok<string_lit> {};
struct payer_share : seq<colon, must<share>> {};
struct payer_when : seq<tok<kw_when>, must<expr>> {};
struct payer : seq<payer_name, opt<payer_share>, opt<payer_when>> {};
struct payers_close : sym<'}'> {};
struct payer_list : seq<lbrace, star<payer, opt<comma>>, must<payers_close>> {};
struct payer_sor : sor<payer_list, payer> {};
struct paid_by_clause : seq<tok<kw_paid_by>, must<payer_sor>> {};
struct paid_to_clause : seq<tok<kw_paid_to>, must<tok<string_lit>>> {};

struct benefit_clause_start
    : sor<kw_cites, kw_when, kw_to, kw_grants, kw_discretionary, kw_in_kind, kw_paid_by, kw_paid_to, one<'}'>> {};
struct benefit_clause : sor<cite_clause, when_clause, to_clause, pay_clause, grants_clause,
                            discretionary_clause, in_kind_clause, paid_by_clause, paid_to_clause> {};
struct benefit_id : tok<name> {};
struct benefit_title : tok<string_lit> {};
struct benefit_decl : seq<tok<kw_benefit>, must<benefit_id>, opt<benefit_title>, must<lbrace>,
                          star<benefit_clause>, must<rbrace>> {};

// ---------------------------------------------------------------------- file

struct use_decl : seq<tok<kw_use>, must<tok<string_lit>>> {};
struct item : sor<policy_decl, enum_decl, record_decl, facts_decl, extend_decl, define_decl, not_transcribed_decl,
                  benefit_decl> {};
// A byte-order mark first is how some editors save UTF-8: it says nothing.
struct file : seq<opt<utf8::bom>, sp, star<use_decl>, star<item>, must<eof>> {};

}  // namespace fuzhu::grammar

// For grammar analysis: a name consumes input when it matches.
template <typename Name>
struct tao::pegtl::analyze_traits<Name, fuzhu::grammar::name> : analyze_any_traits<> {};
