// The parse tree the parser lowers into the AST, built without a heap
// allocation a node.
//
// PEGTL's own parse_tree (contrib/parse_tree.hpp) allocates a node and its
// children vector for every rule it tries that is selected or may hold a
// selected rule, and frees them when the rule fails and the parser
// backtracks: compiling the five policies spent half its time in malloc and
// free there. Here every node of a parse lives in one vector, and the nodes
// not yet given to a parent on a stack of indices: a rule that fails drops
// what it made by truncating them to their sizes when it started. The
// selection is PEGTL's own (parse_tree::selector with store_content and
// fold_one), and so is which rules see the control (the same `enable`), so
// the parser's depth limit counts exactly as with PEGTL's tree.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>
#include <tao/pegtl/contrib/remove_first_state.hpp>
#include <tao/pegtl/contrib/shuffle_states.hpp>

namespace fuzhu::syntax_tree {

namespace pegtl = tao::pegtl;

// One address per rule type: a node's rule is compared by address, not by
// its name.
template <typename Rule>
inline constexpr char rule_tag = 0;

struct Node {
  const char* tag = nullptr;  // &rule_tag<Rule>; null for the root
  std::string_view type;      // the rule's name, for messages
  std::string_view content;   // the text matched; empty when not kept
  std::uint32_t offset = 0;   // the byte where the rule started
  bool kept = false;          // whether `content` was kept (store_content)
  std::span<const Node* const> children;

  template <typename Rule>
  bool is_type() const noexcept {
    return tag == &rule_tag<Rule>;
  }
  bool has_content() const noexcept { return kept; }
  std::string_view string_view() const noexcept { return content; }
  std::string string() const { return std::string(content); }
  std::uint32_t begin_byte() const noexcept { return offset; }
  std::uint32_t end_byte() const noexcept { return offset + static_cast<std::uint32_t>(content.size()); }

  // Where the children lie in Builder's children, until the tree is complete.
  std::uint32_t first_child = 0, child_count = 0;
};

/// A complete parse tree: the root's children are the file's items.
class Tree {
 public:
  // Nodes point at each other inside nodes_ and children_: a move keeps
  // those buffers where they are, a copy would point into the original.
  Tree() = default;
  Tree(Tree&&) noexcept = default;
  Tree& operator=(Tree&&) noexcept = default;
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;

  const Node& root() const noexcept { return root_; }

 private:
  friend class Builder;
  std::vector<Node> nodes_;
  std::vector<const Node*> children_;  // each node's children, contiguous
  Node root_;
};

/// Builds a Tree while PEGTL parses: the control below calls it as rules
/// start, succeed and fail.
class Builder {
 public:
  explicit Builder(const char* text) : text_(text) {}

  // A rule starts at `at`: what it makes lies beyond what exists now.
  void open(const char* at) {
    marks_.push_back({size(nodes_), size(pending_), size(children_), static_cast<std::uint32_t>(at - text_)});
  }
  // The rule opened last failed: what it made goes.
  void drop() noexcept {
    const Mark m = marks_.back();
    marks_.pop_back();
    // Nodes are only made at the end and only dropped back to a mark: if
    // there are as many as when the rule opened, nothing else changed.
    if (nodes_.size() == m.nodes) return;
    nodes_.resize(m.nodes);
    pending_.resize(m.pending);
    children_.resize(m.children);
  }
  // The rule opened last, not kept, succeeded: what it made stays.
  void close() noexcept { marks_.pop_back(); }

  // The rule opened last, kept, succeeded at `at`: it becomes a node whose
  // children are the nodes made since it opened, with its text unless it
  // folds; a folding rule with one child is that child instead (fold_one).
  template <typename Rule, bool Fold>
  void make(const char* at) {
    const Mark m = marks_.back();
    marks_.pop_back();
    const std::uint32_t made = size(pending_) - m.pending;
    if (Fold && made == 1) return;
    Node n;
    n.tag = &rule_tag<Rule>;
    n.type = pegtl::demangle<Rule>();
    n.offset = m.offset;
    if constexpr (!Fold) {
      n.content = std::string_view(text_ + m.offset, static_cast<std::size_t>(at - (text_ + m.offset)));
      n.kept = true;
    }
    n.first_child = size(children_);
    n.child_count = made;
    children_.insert(children_.end(), pending_.begin() + m.pending, pending_.end());
    pending_.resize(m.pending);
    pending_.push_back(size(nodes_));
    nodes_.push_back(n);
  }

  // The parse is over: the nodes stay where they are, so children may point
  // at them. The nodes left unclaimed are the root's children.
  Tree finish() && {
    Tree t;
    t.nodes_ = std::move(nodes_);
    t.children_.reserve(children_.size() + pending_.size());
    for (std::uint32_t i : children_) t.children_.push_back(&t.nodes_[i]);
    for (std::uint32_t i : pending_) t.children_.push_back(&t.nodes_[i]);
    const Node* const* all = t.children_.data();
    for (Node& n : t.nodes_) n.children = {all + n.first_child, n.child_count};
    t.root_.children = {all + children_.size(), pending_.size()};
    return t;
  }

 private:
  struct Mark {
    std::uint32_t nodes, pending, children, offset;
  };

  template <typename V>
  static std::uint32_t size(const V& v) noexcept {
    return static_cast<std::uint32_t>(v.size());
  }

  const char* text_;
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> pending_;   // made, not yet a child of anything
  std::vector<std::uint32_t> children_;  // each node's children, contiguous
  std::vector<Mark> marks_;              // one a rule open
};

// The control: PEGTL's parse_tree::internal::make_control with Tree's
// bookkeeping in place of node allocations (same cases, same `enable`).
template <template <typename...> class Selector, template <typename...> class Control>
struct make_control {
  template <typename Rule, bool Selected, bool Leaf>
  struct handler;

  template <typename Rule>
  using type = pegtl::rotate_states_right<
      handler<Rule, pegtl::parse_tree::internal::is_selected_node<Rule, Selector>,
              pegtl::parse_tree::internal::is_leaf<8, typename Rule::subs_t, Selector>>>;
};

// A rule that is not kept and cannot hold one that is: nothing to record.
template <template <typename...> class Selector, template <typename...> class Control>
template <typename Rule>
struct make_control<Selector, Control>::handler<Rule, false, true> : pegtl::remove_first_state<Control<Rule>> {};

// A rule that is not kept but may hold kept ones: if it fails, they go.
template <template <typename...> class Selector, template <typename...> class Control>
template <typename Rule>
struct make_control<Selector, Control>::handler<Rule, false, false> : pegtl::remove_first_state<Control<Rule>> {
  static constexpr bool enable = true;

  template <typename ParseInput, typename... States>
  static void start(const ParseInput& in, Builder& builder, States&&... /*unused*/) {
    builder.open(in.current());
  }
  template <typename ParseInput, typename... States>
  static void success(const ParseInput& /*unused*/, Builder& builder, States&&... /*unused*/) noexcept {
    builder.close();
  }
  template <typename ParseInput, typename... States>
  static void failure(const ParseInput& /*unused*/, Builder& builder, States&&... /*unused*/) noexcept {
    builder.drop();
  }
};

// A kept rule: a node, with its text (store_content) or folded into its only
// child (fold_one).
template <template <typename...> class Selector, template <typename...> class Control>
template <typename Rule, bool Leaf>
struct make_control<Selector, Control>::handler<Rule, true, Leaf> : pegtl::remove_first_state<Control<Rule>> {
  using how = Selector<Rule>;
  static_assert(std::is_same_v<how, pegtl::parse_tree::store_content> ||
                std::is_same_v<how, pegtl::parse_tree::fold_one>);
  static constexpr bool fold = std::is_same_v<how, pegtl::parse_tree::fold_one>;

  template <typename ParseInput, typename... States>
  static void start(const ParseInput& in, Builder& builder, States&&... st) {
    Control<Rule>::start(in, st...);
    builder.open(in.current());
  }
  template <typename ParseInput, typename... States>
  static void success(const ParseInput& in, Builder& builder, States&&... st) {
    builder.template make<Rule, fold>(in.current());
    Control<Rule>::success(in, st...);
  }
  template <typename ParseInput, typename... States>
  static void failure(const ParseInput& in, Builder& builder, States&&... st) {
    builder.drop();
    Control<Rule>::failure(in, st...);
  }
};

/// Parses `in` (the whole text) with Rule: the tree, or nothing when the
/// text does not match. A pegtl::parse_error propagates.
template <typename Rule, template <typename...> class Selector, template <typename...> class Action,
          template <typename...> class Control, typename Input>
std::optional<Tree> parse(Input& in) {
  Builder builder(in.begin());
  if (!pegtl::parse<Rule, Action, make_control<Selector, Control>::template type>(in, builder)) return std::nullopt;
  return std::move(builder).finish();
}

}  // namespace fuzhu::syntax_tree
