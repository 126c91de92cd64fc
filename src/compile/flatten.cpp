// Code trees → one flat array, identical subexpressions stored once.
#include "compile/flatten.hpp"

#include <map>

#include "syntax/builtins.hpp"

namespace fuzhu::detail {

namespace {

// Whether evaluating a node can throw EvalError: its error names its own
// place in the source, so two such nodes are one only if they are one Code.
bool may_throw(const Code& c) {
  switch (c.op) {
    case Op::negate:
    case Op::add:
    case Op::sub:
    case Op::mul:
    case Op::div: return true;
    case Op::builtin: {
      const auto b = static_cast<Builtin>(c.index);
      return b == Builtin::within || b == Builtin::elapsed;
    }
    default: return false;
  }
}

// Whether a node's value depends on more than the family and the date: the
// recipient being considered, the amount being split, another benefit's
// outcome. Such a node is never kept in the family memo.
bool depends_on_context(const Code& c) {
  switch (c.op) {
    case Op::person:
    case Op::person_field:
    case Op::amount: return true;
    case Op::builtin: return static_cast<Builtin>(c.index) == Builtin::granted;
    default: return false;
  }
}

// Not worth a memo entry: a constant or a read costs less than the look-up.
bool trivial(Op op) {
  return op == Op::constant || op == Op::today || op == Op::fact || op == Op::root || op == Op::definition;
}

class Flattener {
 public:
  explicit Flattener(FlatCode& out) : out_(out) {}

  int add(const Code& c) {
    std::vector<std::int32_t> kid_ids;
    bool context = depends_on_context(c);
    for (const Code& k : c.kids) {
      kid_ids.push_back(add(k));
      context = context || contextual_[static_cast<std::size_t>(kid_ids.back())];
    }
    std::vector<std::int64_t> key = key_of(c, kid_ids);
    auto [it, fresh] = ids_.try_emplace(std::move(key), static_cast<int>(out_.nodes.size()));
    if (!fresh) return it->second;
    out_.nodes.push_back(node_of(c, kid_ids));
    out_.origin.push_back(&c);
    contextual_.push_back(context);
    return it->second;
  }

  // Whether node `id` (-1: none) depends on more than the family and the date.
  bool contextual(int id) const { return id >= 0 && contextual_[static_cast<std::size_t>(id)]; }

  int add_root(const std::optional<Code>& c) {
    if (!c) return -1;
    roots_.push_back(add(*c));
    return roots_.back();
  }

  // A node that two places refer to (two parents, or a parent and a
  // benefit), and whose value depends on the family alone, gets an entry in
  // the family memo. The kids of a shared node are reached through it once.
  void assign_memo() {
    std::vector<int> uses(out_.nodes.size());
    for (int id : roots_) ++uses[static_cast<std::size_t>(id)];
    for (const FlatNode& n : out_.nodes)
      for (int k = 0; k < n.kid_count; ++k) ++uses[static_cast<std::size_t>(out_.kid(n, k))];
    for (std::size_t id = 0; id < out_.nodes.size(); ++id) {
      FlatNode& n = out_.nodes[id];
      if (uses[id] > 1 && !contextual_[id] && !trivial(n.op)) n.memo = out_.memo_count++;
    }
  }

 private:
  FlatCode& out_;
  std::map<std::vector<std::int64_t>, int> ids_;  // structure → node
  std::vector<char> contextual_;                  // by node: depends_on_context somewhere inside
  std::vector<int> roots_;                        // the nodes benefits and definitions refer to

  // Everything that makes a node's value: two nodes with one key are one.
  static std::vector<std::int64_t> key_of(const Code& c, const std::vector<std::int32_t>& kid_ids) {
    std::vector<std::int64_t> key{static_cast<std::int64_t>(c.op), static_cast<std::int64_t>(c.constant.tag),
                                  c.constant.n, c.index, static_cast<std::int64_t>(c.mask),
                                  static_cast<std::int64_t>(kid_ids.size())};
    key.insert(key.end(), kid_ids.begin(), kid_ids.end());
    key.insert(key.end(), c.arm_of_value.begin(), c.arm_of_value.end());
    key.push_back(-1);
    for (std::size_t r = 0; r < c.lows.size(); ++r)
      for (const auto& bound : {c.lows[r], c.highs[r]}) {
        key.push_back(bound.has_value());
        key.push_back(bound.value_or(0));
      }
    key.push_back(-2);
    key.insert(key.end(), c.from_days.begin(), c.from_days.end());
    if (may_throw(c)) key.push_back(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(&c)));
    return key;
  }

  FlatNode node_of(const Code& c, const std::vector<std::int32_t>& kid_ids) {
    FlatNode n;
    n.op = c.op;
    n.tag = c.constant.tag;
    n.n = c.op == Op::in_set ? static_cast<std::int64_t>(c.mask) : c.constant.n;
    n.index = c.index;
    n.kid_count = static_cast<std::uint16_t>(kid_ids.size());
    n.first_kid = static_cast<std::int32_t>(out_.kids.size());
    out_.kids.insert(out_.kids.end(), kid_ids.begin(), kid_ids.end());
    if (c.op == Op::tier) {
      n.rows = static_cast<std::int32_t>(out_.tier_rows.size());
      n.n = static_cast<std::int64_t>(c.lows.size());
      for (std::size_t r = 0; r < c.lows.size(); ++r)
        out_.tier_rows.push_back({c.lows[r].value_or(0), c.highs[r].value_or(0), c.lows[r].has_value(), c.highs[r].has_value()});
    } else if (c.op == Op::schedule) {
      n.rows = static_cast<std::int32_t>(out_.from_days.size());
      n.n = static_cast<std::int64_t>(c.from_days.size());
      out_.from_days.insert(out_.from_days.end(), c.from_days.begin(), c.from_days.end());
    } else if (c.op == Op::match) {
      n.rows = static_cast<std::int32_t>(out_.arms.size());
      n.n = static_cast<std::int64_t>(c.arm_of_value.size());
      out_.arms.insert(out_.arms.end(), c.arm_of_value.begin(), c.arm_of_value.end());
    }
    return n;
  }
};

// The definition a condition rests on: the one it starts with, and, while
// that definition's own body starts with another, that one.
int root_guard(const FlatCode& code, int guard) {
  for (int at = guard; at >= 0;) {
    guard = at;
    at = -1;
    const FlatNode* n = &code.node(code.definitions[static_cast<std::size_t>(guard)]);
    while (n->op == Op::and_) n = &code.node(code.kid(*n, 0));
    if (n->op == Op::definition) at = n->index;
  }
  return guard;
}

void guard_runs(const CompiledPolicy& policy, FlatCode& out) {
  out.order = policy.order;
  for (std::size_t at = 0; at < out.order.size(); ++at) {
    const CompiledBenefit& b = policy.benefits[static_cast<std::size_t>(out.order[at])];
    const int guard = b.guard < 0 ? -1 : root_guard(out, b.guard);
    if (out.runs.empty() || out.runs.back().guard != guard)
      out.runs.push_back({guard, static_cast<std::int32_t>(at), 0, false});
    ++out.runs.back().count;
    out.runs.back().any_depended_on |= b.depended_on;
  }
}

// What check_facts reads, laid out for the per-family fast check.
void dated_facts(const Schema& schema, FlatCode& out) {
  for (std::size_t r = 0; r < schema.roots.size(); ++r) {
    const RootInfo& root = schema.roots[r];
    const int index = static_cast<int>(r);
    if (root.birth_slot >= 0) out.dated.push_back({index, root.birth_slot, -1});
    for (int slot : root.event_slots) out.dated.push_back({index, slot, root.birth_slot});
  }
}

}  // namespace

FlatCode flatten(const CompiledPolicy& policy) {
  FlatCode out;
  Flattener f(out);
  for (const Code& d : policy.definitions) out.definitions.push_back(f.add(d));
  for (const CompiledBenefit& b : policy.benefits) {
    FlatBenefit fb;
    fb.condition = f.add_root(b.condition);
    fb.where = f.add_root(b.where);
    fb.amount = f.add_root(b.amount);
    fb.payers_of_household = true;
    for (const CompiledPayer& p : b.payers) {
      fb.payers.push_back({f.add_root(p.condition), f.add_root(p.share)});
      fb.payers_of_household &= !f.contextual(fb.payers.back().condition) && !f.contextual(fb.payers.back().share);
    }
    out.benefits.push_back(std::move(fb));
  }
  f.assign_memo();
  out.guard_nodes.assign(out.definitions.size(), -1);
  for (std::size_t id = 0; id < out.nodes.size(); ++id)
    if (out.nodes[id].op == Op::definition) out.guard_nodes[static_cast<std::size_t>(out.nodes[id].index)] = static_cast<int>(id);
  guard_runs(policy, out);
  out.region = RegionTest(policy.info.jurisdiction);
  dated_facts(*policy.schema, out);
  return out;
}

}  // namespace fuzhu::detail
