#include "format/structure.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

#include <tao/pegtl/contrib/limit_depth.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/grammar.hpp"
#include "limits.hpp"
#include "syntax/builtins.hpp"

namespace fuzhu::format {

namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;

// The rules the formatter cares about, and why.
enum class Role {
  none,
  keyword,
  item,           // starts a line in its block or expanded group
  payer,          // an item only inside a payer list
  lbrace,
  lparen,
  block_owner,    // owns a '{' laid out one item a line
  group_owner,    // owns a '{' laid out on one line or one item a line
  set_owner,      // in { ... }
  call_owner,     // owns a '(' with no space before it
  call,           // a call: its first token names the function
  paren_owner,
  negate,
  equals,
  spaced_colon,
  payer_when,
  cite,
};

template <typename Rule> inline constexpr Role role_of = Role::none;
#define FUZHU_ROLE(rule, role) template <> inline constexpr Role role_of<g::rule> = Role::role;
FUZHU_ROLE(use_decl, item)
FUZHU_ROLE(policy_decl, item)
FUZHU_ROLE(enum_decl, item)
FUZHU_ROLE(record_decl, item)
FUZHU_ROLE(facts_decl, item)
FUZHU_ROLE(extend_decl, item)
FUZHU_ROLE(define_decl, item)
FUZHU_ROLE(not_transcribed_decl, item)
FUZHU_ROLE(benefit_decl, item)
FUZHU_ROLE(header_field, item)
FUZHU_ROLE(enum_value, item)
FUZHU_ROLE(field_decl, item)
FUZHU_ROLE(root_decl, item)
FUZHU_ROLE(benefit_clause, item)
FUZHU_ROLE(match_arm, item)
FUZHU_ROLE(else_arm, item)
FUZHU_ROLE(tier_arm, item)
FUZHU_ROLE(schedule_arm, item)
FUZHU_ROLE(payer, payer)
FUZHU_ROLE(lbrace, lbrace)
FUZHU_ROLE(lparen, lparen)
FUZHU_ROLE(enum_values, group_owner)
FUZHU_ROLE(payer_list, group_owner)
FUZHU_ROLE(match_expr, group_owner)
FUZHU_ROLE(tier_expr, group_owner)
FUZHU_ROLE(schedule_expr, group_owner)
FUZHU_ROLE(in_set, set_owner)
FUZHU_ROLE(call_expr, call)
FUZHU_ROLE(quantified_expr, call_owner)
FUZHU_ROLE(paren_expr, paren_owner)
FUZHU_ROLE(negate, negate)
FUZHU_ROLE(equals, equals)
FUZHU_ROLE(payer_share, spaced_colon)
FUZHU_ROLE(record_base, spaced_colon)
FUZHU_ROLE(payer_when, payer_when)
FUZHU_ROLE(cite_clause, cite)
#undef FUZHU_ROLE
// block owners: the role is `item` too, so the owner of a '{' is told by its rule.
template <typename Rule>
inline constexpr bool owns_block = std::is_same_v<Rule, g::policy_decl> || std::is_same_v<Rule, g::record_decl> ||
                                   std::is_same_v<Rule, g::facts_decl> || std::is_same_v<Rule, g::benefit_decl> ||
                                   std::is_same_v<Rule, g::extend_decl>;

template <typename Rule> inline constexpr int keyword_of = -1;
#define FUZHU_KEYWORD(id, en, zh) \
  template <> inline constexpr int keyword_of<g::kw_##id> = static_cast<int>(Keyword::kw_##id);
#include "grammar/keywords.def"
#undef FUZHU_KEYWORD

// A parse-tree node that remembers its rule's role instead of its name.
struct Node : pegtl::parse_tree::basic_node<Node> {
  Role role = Role::none;
  bool block = false;
  int keyword = -1;

  template <typename Rule, typename ParseInput, typename... States>
  void start(const ParseInput& in, States&&... st) {
    basic_node<Node>::template start<Rule>(in, st...);
    role = keyword_of<Rule> >= 0 ? Role::keyword : role_of<Rule>;
    block = owns_block<Rule>;
    keyword = keyword_of<Rule>;
  }
};

template <typename Rule>
struct selector : std::bool_constant<keyword_of<Rule> >= 0 || role_of<Rule> != Role::none> {};

template <typename Rule>
struct depth_limit : pegtl::limit_depth<limits::max_parser_depth> {};

class Annotator {
 public:
  explicit Annotator(std::vector<Token>& tokens) : tokens_(tokens) {}

  std::string run(const Node& root) {
    // Iterative: the tree may be as deep as the parser allows.
    std::vector<std::pair<const Node*, const Node*>> todo;  // node, parent
    for (const auto& child : root.children) todo.emplace_back(child.get(), &root);
    while (!todo.empty()) {
      auto [node, parent] = todo.back();
      todo.pop_back();
      if (!mark(*node, *parent)) return "the formatter cannot find a token the parser read";
      for (const auto& child : node->children) todo.emplace_back(child.get(), node);
    }
    std::erase_if(tokens_, [&](const Token& t) { return joined_into_phrase(t); });
    return {};
  }

 private:
  std::vector<Token>& tokens_;
  std::vector<std::pair<std::size_t, std::size_t>> phrases_;  // byte ranges of keyword phrases

  // `in force`, `paid by`: a word a token for the scanner, one keyword for
  // the grammar. The first word's token takes the phrase; the others go.
  void join_phrase(Token& first, std::size_t end) {
    if (first.offset + first.text.size() >= end) return;
    first.text = std::string_view(first.text.data(), end - first.offset);
    phrases_.emplace_back(first.offset, end);
  }

  bool joined_into_phrase(const Token& t) const {
    return std::any_of(phrases_.begin(), phrases_.end(),
                       [&](const auto& phrase) { return t.offset > phrase.first && t.offset < phrase.second; });
  }

  Token* at(std::size_t offset) {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                               [](const Token& t, std::size_t o) { return t.offset < o; });
    return it != tokens_.end() && it->offset == offset ? &*it : nullptr;
  }

  bool mark(const Node& node, const Node& parent) {
    Token* t = at(node.begin().byte);
    if (!t) return false;
    switch (node.role) {
      case Role::keyword:
        t->keyword = static_cast<Keyword>(node.keyword);
        join_phrase(*t, node.end().byte);
        break;
      case Role::item: t->starts_item = true; break;
      case Role::payer: t->starts_item = parent.role == Role::group_owner; break;
      case Role::lbrace: t->bracket = brace_of(parent); break;
      case Role::lparen:
        t->bracket = Bracket::paren;
        t->tight_paren = parent.role == Role::call_owner || parent.role == Role::call;
        break;
      case Role::call: t->builtin = find_builtin(t->text); break;
      case Role::negate: t->unary = true; break;
      case Role::equals: t->binding = true; break;
      case Role::spaced_colon: t->spaced_colon = true; break;
      case Role::payer_when: t->payer_when = true; break;
      case Role::cite: t->cite = true; break;
      default: break;
    }
    return true;
  }

  static Bracket brace_of(const Node& owner) {
    if (owner.block) return Bracket::block;
    if (owner.role == Role::set_owner) return Bracket::set;
    return Bracket::group;
  }
};

}  // namespace

std::string annotate(std::string_view source, std::vector<Token>& tokens) {
  pegtl::memory_input in(source.data(), source.size(), "");
  try {
    auto root = pegtl::parse_tree::parse<g::file, Node, selector, depth_limit>(in);
    if (!root) return "the file does not parse";
    return Annotator(tokens).run(*root);
  } catch (const pegtl::parse_error& e) {
    return std::string(e.message());
  }
}

}  // namespace fuzhu::format
