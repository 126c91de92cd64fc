// Types every expression of the definitions and benefits, resolves names,
// orders definitions and benefits by their dependencies, and warns about
// what is legal but likely wrong.
#include <algorithm>
#include <climits>
#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>

#include "check/checker.hpp"
#include "check/citations.hpp"
#include "check/payers.hpp"
#include "check/resolve.hpp"
#include "limits.hpp"
#include "syntax/builtins.hpp"

namespace fuzhu {

namespace {

using ast::Expr;
using ast::ExprKind;
using ast::Type;
using ast::TypeKind;

constexpr Type error_type{TypeKind::error};
constexpr Type bool_type{TypeKind::boolean};
constexpr Type int_type{TypeKind::integer};
constexpr Type money_type{TypeKind::money};
constexpr Type date_type{TypeKind::date};
constexpr Type duration_type{TypeKind::duration};
constexpr Type rate_type{TypeKind::rate};

// Where an expression stands: does it have a recipient (`person`)?
struct Scope {
  bool has_person = false;
  const ast::RecordDecl* person_record = nullptr;
  int benefit = -1;  // the benefit being checked, for granted() dependencies
  bool in_share = false;    // a payer's share or condition: `amount` may stand here
  bool has_amount = false;  // the benefit has an amount for `amount` to stand for
};

class TypeChecker {
 public:
  TypeChecker(Program& program, Diagnostics& diags) : p_(program), d_(diags) {}

  void run() {
    collect_definitions();
    collect_benefits();
    // Past a count limit the policy is rejected whole: checking thousands of
    // declarations would only cost time and bury the one error that matters.
    if (p_.definitions.size() > limits::max_definitions || p_.benefits.size() > limits::max_benefits) return;
    // Checking and evaluating follow definitions into definitions: a chain
    // too deep would exhaust the stack, so it is refused before either runs.
    if (!definitions_nest_within_limit()) return;
    for (std::size_t i = 0; i < p_.definitions.size(); ++i) definition(static_cast<int>(i));
    for (std::size_t i = 0; i < p_.benefits.size(); ++i) benefit(static_cast<int>(i));
    order_benefits();
    warn_unused();
    check_citations(p_, d_);
  }

 private:
  Program& p_;
  Diagnostics& d_;
  HintBudget hints_;

  std::map<std::string, int> definition_index_;
  std::vector<int> definition_state_;  // 0 unvisited, 1 in progress, 2 done
  std::vector<bool> definition_used_;
  std::vector<std::set<int>> benefit_deps_;

  // ---------------------------------------------------------------- setup

  void collect_definitions() {
    for (auto& file : p_.files)
      for (auto& def : file->definitions) {
        if (definition_index_.count(def.name)) {
          d_.add(Diag::defined_twice, def.loc, fmt::format("'{}' is defined twice", def.name));
          continue;
        }
        if (p_.root_index(def.name) >= 0)
          d_.add(Diag::name_is_a_record, def.loc, fmt::format("'{}' is a facts record; choose another name", def.name));
        check_name_length(def.name, def.loc);
        definition_index_[def.name] = static_cast<int>(p_.definitions.size());
        p_.definitions.push_back(&def);
      }
    if (p_.definitions.size() > limits::max_definitions)
      d_.add(Diag::too_many_definitions, p_.definitions[limits::max_definitions]->loc,
               fmt::format("too many definitions: at most {} in one policy, facts.schema's included", limits::max_definitions));
    definition_state_.assign(p_.definitions.size(), 0);
    definition_used_.assign(p_.definitions.size(), false);
  }

  // The nesting of a definition: its own expression's depth plus the deepest
  // nesting of the definitions it names. Worked out without recursion.
  bool definitions_nest_within_limit() {
    const std::size_t n = p_.definitions.size();
    std::vector<std::size_t> own(n, 0);
    std::vector<std::vector<int>> uses(n);
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<std::pair<const Expr*, std::size_t>> todo{{p_.definitions[i]->value.get(), 1}};
      while (!todo.empty()) {
        auto [e, depth] = todo.back();
        todo.pop_back();
        own[i] = std::max(own[i], depth);
        if (e->kind == ExprKind::name)
          if (auto it = definition_index_.find(e->text); it != definition_index_.end()) uses[i].push_back(it->second);
        ast::for_each_child(*e, [&, d = depth](const Expr& child) { todo.push_back({&child, d + 1}); });
      }
    }
    std::vector<std::size_t> nesting(n, 0);
    std::vector<int> state(n, 0);  // 0 new, 1 on the stack, 2 done
    for (std::size_t start = 0; start < n; ++start) {
      std::vector<std::pair<int, std::size_t>> stack{{static_cast<int>(start), 0}};  // definition, next use
      while (!stack.empty()) {
        auto& [d, next] = stack.back();
        const auto i = static_cast<std::size_t>(d);
        if (state[i] == 2) {
          stack.pop_back();
          continue;
        }
        state[i] = 1;
        if (next < uses[i].size()) {
          int used = uses[i][next++];
          if (state[static_cast<std::size_t>(used)] == 0) stack.push_back({used, 0});
          continue;  // a cycle (state 1) is reported by the type checker
        }
        std::size_t deepest = 0;
        for (int used : uses[i]) deepest = std::max(deepest, nesting[static_cast<std::size_t>(used)]);
        nesting[i] = own[i] + deepest;
        state[i] = 2;
        if (nesting[i] > limits::max_definition_nesting) {
          d_.add(Diag::definitions_too_deep, p_.definitions[i]->loc,
                   fmt::format("'{}' nests definitions more than {} levels deep (the definition nesting limit): "
                               "define it more directly",
                               p_.definitions[i]->name, limits::max_definition_nesting));
          return false;
        }
        stack.pop_back();
      }
    }
    return true;
  }

  void collect_benefits() {
    std::set<std::string> ids;
    for (auto& b : p_.files.front()->benefits) {
      if (!ids.insert(b.id).second)
        d_.add(Diag::benefit_declared_twice, b.loc, fmt::format("benefit '{}' is declared twice: each catalog id should appear once", b.id));
      check_name_length(b.id, b.loc);
      p_.benefits.push_back(&b);
    }
    for (std::size_t i = 1; i < p_.files.size(); ++i)
      if (!p_.files[i]->benefits.empty())
        d_.add(Diag::benefit_outside_policy, p_.files[i]->benefits.front().loc, "benefits belong in the policy file, not in a used file");
    if (p_.benefits.size() > limits::max_benefits)
      d_.add(Diag::too_many_benefits, p_.benefits[limits::max_benefits]->loc, fmt::format("too many benefits: at most {} in one policy", limits::max_benefits));
    benefit_deps_.resize(p_.benefits.size());
  }

  void check_name_length(const std::string& name, Loc loc) {
    if (utf8_length(name) > limits::max_name_chars)
      d_.add(Diag::name_too_long, loc, fmt::format("this name is longer than {} characters (the name length limit)", limits::max_name_chars));
  }

  // The record `person` has when it may be any of `roots`: the most derived
  // record all of them include (a Child is an Individual), so that
  // `person.field` reads the same slot of each.
  const ast::RecordDecl* common_record(const std::vector<int>& roots) const {
    if (roots.empty()) return nullptr;
    for (const ast::RecordDecl* candidate = p_.roots[static_cast<std::size_t>(roots.front())]->record; candidate;
         candidate = candidate->base_record) {
      bool shared = true;
      for (int root : roots) {
        const ast::RecordDecl* r = p_.roots[static_cast<std::size_t>(root)]->record;
        while (r && r != candidate) r = r->base_record;
        shared = shared && r == candidate;
      }
      if (shared) return candidate;
    }
    return nullptr;
  }

  // Who a per-person benefit goes to, from the roles; false (reported) when
  // the schema has no such person.
  bool resolve_recipient(ast::Benefit& b, std::vector<int>& roots) {
    using R = ast::RecipientKind;
    if (b.recipient == R::root) {
      const int root = p_.root_index(b.recipient_root);
      const ast::RootDecl* decl = root >= 0 ? p_.roots[static_cast<std::size_t>(root)] : nullptr;
      if (!decl || std::find(p_.members.begin(), p_.members.end(), root) == p_.members.end()) {
        std::vector<std::string> names;
        for (int m : p_.members) names.push_back(p_.roots[static_cast<std::size_t>(m)]->name);
        d_.add(Diag::not_a_recipient, b.recipient_loc,
               fmt::format("'{}' is not a recipient: write household, each parent, each member, or one member ({}){}",
                           b.recipient_root, fmt::join(names, ", "),
                           decl ? fmt::format("; '{}' has neither role parent nor role member in the facts schema", b.recipient_root) : ""));
        return false;
      }
      b.recipient_index = root;
      roots = {root};
      return true;
    }
    roots = b.recipient == R::each_parent ? p_.parents : p_.members;
    if (roots.empty()) {
      d_.add(Diag::not_a_recipient, b.recipient_loc,
             fmt::format("the facts schema declares no {}: mark the roots with `role {}`",
                         b.recipient == R::each_parent ? "parent" : "member", b.recipient == R::each_parent ? "parent" : "member"));
      return false;
    }
    return true;
  }

  // ------------------------------------------------------- declarations

  void definition(int index) {
    if (definition_state_[index] == 2) return;
    ast::Definition& def = *p_.definitions[index];
    if (definition_state_[index] == 1) {
      d_.add(Diag::defined_by_itself, def.loc, fmt::format("'{}' is defined in terms of itself", def.name));
      return;
    }
    definition_state_[index] = 1;
    check(*def.value, Scope{}, nullptr);
    definition_state_[index] = 2;
  }

  void benefit(int index) {
    ast::Benefit& b = *p_.benefits[index];
    Scope outer;
    outer.benefit = index;
    Scope inner = outer;
    std::vector<int> recipients;
    if (b.per_person() && resolve_recipient(b, recipients)) {
      inner.has_person = true;
      inner.person_record = common_record(recipients);
    }
    if (b.cite.empty()) d_.add(Diag::no_citation, b.loc, fmt::format("benefit '{}' cites no clause of the document", b.id));
    if (b.condition) expect(*b.condition, bool_type, outer, "the condition of a benefit");
    if (b.where) expect(*b.where, bool_type, inner, "a 'where' condition");
    if (b.amount) expect(*b.amount, money_type, inner, "an amount");
    if (b.minimum && !b.amount) d_.add(Diag::at_least_without_amount, b.loc, "'at least' needs an amount");
    if (b.in_kind && !b.amount)
      d_.add(Diag::in_kind_without_amount, b.in_kind_loc,
             "'in kind' marks the amount as the value of what is given, and this benefit has no amount");
    if (!b.period && b.amount) d_.add(Diag::amount_without_period, b.amount->loc, "an amount needs a period: monthly, yearly or once");
    Scope share = inner;
    share.in_share = true;
    share.has_amount = b.amount != nullptr;
    for (auto& payer : b.payers) {
      if (payer.share) expect(*payer.share, money_type, share, "a payer's share");
      if (payer.condition) expect(*payer.condition, bool_type, share, "a payer's condition");
    }
    check_payers(b, d_);
    if (b.condition && b.condition->kind == ExprKind::boolean && !b.condition->boolean)
      d_.add(Diag::never_granted, b.condition->loc, fmt::format("benefit '{}' can never be granted: its condition is false", b.id));
  }

  void order_benefits() {
    std::vector<int> state(p_.benefits.size(), 0);
    std::vector<int> order;
    std::function<void(int)> visit = [&](int i) {
      if (state[i] == 2) return;
      if (state[i] == 1) {
        d_.add(Diag::depends_on_itself, p_.benefits[i]->loc,
                 fmt::format("benefit '{}' depends on itself through granted()", p_.benefits[i]->id));
        return;
      }
      state[i] = 1;
      for (int dep : benefit_deps_[i]) visit(dep);
      state[i] = 2;
      order.push_back(i);
    };
    for (std::size_t i = 0; i < p_.benefits.size(); ++i) visit(static_cast<int>(i));
    p_.benefit_order = std::move(order);
  }

  void warn_unused() {
    for (std::size_t i = 0; i < p_.definitions.size(); ++i) {
      const ast::Definition* def = p_.definitions[i];
      int index = definition_index_[def->name];
      // Shared definitions in a used file (the prelude) need not all be used.
      if (!definition_used_[index] && def->loc.file == 0)
        d_.add(Diag::unused_definition, def->loc, fmt::format("'{}' is defined but never used", def->name));
    }
  }

  // -------------------------------------------------------- expressions

  void expect(Expr& e, Type want, const Scope& scope, const char* what) {
    Type got = check(e, scope, &want);
    if (got.kind != TypeKind::error && got != want)
      d_.add(Diag::wrong_type, e.loc, fmt::format("{} must be {}, but this is {}", what, ast::describe(want), ast::describe(got)));
  }

  Type set(Expr& e, Type t) {
    e.type = t;
    return t;
  }

  Type fail(Expr& e, Diag code, std::string message) {
    d_.add(code, e.loc, std::move(message));
    return set(e, error_type);
  }

  // `hint` is the type the context expects, used to resolve bare enum values.
  Type check(Expr& e, const Scope& scope, const Type* hint) {
    switch (e.kind) {
      case ExprKind::boolean: return set(e, bool_type);
      case ExprKind::integer: return set(e, int_type);
      case ExprKind::money: return set(e, money_type);
      case ExprKind::date: return set(e, date_type);
      case ExprKind::duration: return set(e, duration_type);
      case ExprKind::rate: return set(e, rate_type);
      case ExprKind::today: return set(e, date_type);
      case ExprKind::string: return set(e, Type{TypeKind::string});
      case ExprKind::name: return name(e, scope, hint);
      case ExprKind::person:
        if (!scope.has_person)
          return fail(e, Diag::person_outside_recipient, "'person' means the recipient, and stands only in a benefit given to "
                         "each parent, each member, mother, father or child");
        return set(e, Type{TypeKind::person, nullptr, scope.person_record});
      case ExprKind::amount:
        if (!scope.in_share)
          return fail(e, Diag::amount_outside_share, "'amount' is this benefit's amount, and stands only in a payer's "
                                                     "share or condition: \"省财政\" : amount - 100 元");
        if (!scope.has_amount)
          return fail(e, Diag::share_without_amount, "'amount' stands for the benefit's amount, and this benefit has none");
        return set(e, money_type);
      case ExprKind::field: return field(e, scope);
      case ExprKind::negate: {
        Type t = check(*e.operands[0], scope, nullptr);
        if (t.kind != TypeKind::error && t != int_type && t != money_type)
          return fail(e, Diag::negate_non_number, fmt::format("'-' applies to a number or money, not {}", ast::describe(t)));
        return set(e, t);
      }
      case ExprKind::not_:
        expect(*e.operands[0], bool_type, scope, "the operand of 'not'");
        return set(e, bool_type);
      case ExprKind::binary: return binary(e, scope);
      case ExprKind::in_set: return in_set(e, scope);
      case ExprKind::match: return match(e, scope, hint);
      case ExprKind::if_: {
        expect(*e.operands[0], bool_type, scope, "the condition of 'if'");
        Type t = check(*e.operands[1], scope, hint);
        same(*e.operands[2], t, scope, "both branches of 'if'");
        return set(e, t);
      }
      case ExprKind::tier: return tier(e, scope, hint);
      case ExprKind::schedule: return schedule(e, scope, hint);
      case ExprKind::quantified: {
        const std::vector<int>& over = e.over_members ? p_.members : p_.parents;
        if (over.empty())
          return fail(e, Diag::not_a_recipient, fmt::format("the facts schema declares no {0}: mark the roots with `role {0}`",
                                                            e.over_members ? "member" : "parent"));
        Scope inner = scope;
        inner.has_person = true;
        inner.person_record = common_record(over);
        expect(*e.operands[0], bool_type, inner, "the condition of 'any'/'all'");
        return set(e, bool_type);
      }
      case ExprKind::call: return call(e, scope);
    }
    return set(e, error_type);
  }

  // Checks `e` against the type of a sibling (arms, branches).
  void same(Expr& e, Type want, const Scope& scope, const char* what) {
    Type got = check(e, scope, &want);
    if (want.kind != TypeKind::error && got.kind != TypeKind::error && got != want)
      d_.add(Diag::branches_differ, e.loc, fmt::format("{} must have one type: this is {}, the other {}", what,
                                  ast::describe(got), ast::describe(want)));
  }

  std::vector<std::string> visible_names(const Scope& scope) {
    std::vector<std::string> names;
    for (const auto& [name, index] : definition_index_) names.push_back(name);
    for (const auto* root : p_.roots) names.push_back(root->name);
    if (scope.has_person) names.push_back("person");
    return names;
  }

  Type name(Expr& e, const Scope& scope, const Type* hint) {
    if (auto it = definition_index_.find(e.text); it != definition_index_.end()) {
      definition(it->second);
      definition_used_[it->second] = true;
      e.name_kind = ast::NameKind::definition;
      e.resolved = it->second;
      return set(e, p_.definitions[it->second]->value->type);
    }
    if (int root = p_.root_index(e.text); root >= 0) {
      e.name_kind = ast::NameKind::root;
      e.resolved = root;
      return set(e, Type{TypeKind::record, nullptr, p_.roots[root]->record});
    }
    if (hint && hint->kind == TypeKind::error) return set(e, error_type);  // already reported
    if (hint && hint->kind == TypeKind::enumeration) {
      int value = hint->enumeration->index_of(e.text);
      if (value >= 0) {
        e.name_kind = ast::NameKind::enum_value;
        e.resolved = value;
        return set(e, *hint);
      }
      std::vector<std::string> values;
      for (const auto& v : hint->enumeration->values) values.push_back(v.name);
      std::string hint_text = did_you_mean(e.text, values, hints_);
      return fail(e, Diag::not_an_enum_value, fmt::format("'{}' is not a value of {}{}", e.text, ast::describe(*hint),
                                 hint_text.empty() ? fmt::format(" (its values: {})", fmt::join(values, ", "))
                                                   : fmt::format("; did you mean '{}'?", hint_text)));
    }
    std::string suggestion = did_you_mean(e.text, visible_names(scope), hints_);
    return fail(e, Diag::unknown_name, fmt::format("unknown name '{}'{}", e.text,
                               suggestion.empty() ? "" : fmt::format("; did you mean '{}'?", suggestion)));
  }

  Type field(Expr& e, const Scope& scope) {
    Type base = check(*e.operands[0], scope, nullptr);
    if (base.kind == TypeKind::error) return set(e, error_type);
    if (base.kind != TypeKind::record && base.kind != TypeKind::person)
      return fail(e, Diag::no_fields, fmt::format("'.{}': {} has no fields", e.text, ast::describe(base)));
    const ast::RecordDecl* record = base.record;
    int index = record ? record->index_of(e.text) : -1;
    if (index < 0) {
      std::vector<std::string> fields;
      if (record)
        for (const auto* f : record->layout) fields.push_back(f->name);
      std::string suggestion = did_you_mean(e.text, fields, hints_);
      return fail(e, Diag::unknown_field, fmt::format("{} has no field '{}'{}", record ? record->name : "this", e.text,
                                 suggestion.empty() ? "" : fmt::format("; did you mean '{}'?", suggestion)));
    }
    e.resolved = index;
    return set(e, record->layout[index]->type);
  }

  static bool is_bare_name(const Expr& e) { return e.kind == ExprKind::name; }

  // Types both sides of a binary operator; a bare enum value takes the other side's type.
  std::pair<Type, Type> operands(Expr& e, const Scope& scope) {
    Expr& l = *e.operands[0];
    Expr& r = *e.operands[1];
    bool left_first = !(is_bare_name(l) && !definition_index_.count(l.text) && p_.root_index(l.text) < 0);
    if (left_first) {
      Type lt = check(l, scope, nullptr);
      Type rt = check(r, scope, &lt);
      return {lt, rt};
    }
    Type rt = check(r, scope, nullptr);
    Type lt = check(l, scope, &rt);
    return {lt, rt};
  }

  Type binary(Expr& e, const Scope& scope) {
    using O = ast::BinaryOp;
    if (e.op == O::and_ || e.op == O::or_) {
      expect(*e.operands[0], bool_type, scope, fmt::format("the operand of '{}'", ast::spelling(e.op)).c_str());
      expect(*e.operands[1], bool_type, scope, fmt::format("the operand of '{}'", ast::spelling(e.op)).c_str());
      return set(e, bool_type);
    }
    // Named, not a structured binding: clang before 16 cannot capture one.
    const auto types = operands(e, scope);
    const Type l = types.first, r = types.second;
    if (l.kind == TypeKind::error || r.kind == TypeKind::error) return set(e, error_type);
    auto mismatch = [&] { return operator_mismatch(e, l, r); };
    switch (e.op) {
      case O::eq:
      case O::ne:
        if (l != r || !comparable(l, true)) return mismatch();
        return set(e, bool_type);
      case O::lt:
      case O::le:
      case O::gt:
      case O::ge:
        if (l != r || !comparable(l, false)) return mismatch();
        return set(e, bool_type);
      case O::add:
        if (l == date_type && r == duration_type) return set(e, date_type);
        if (l == duration_type && r == date_type) return set(e, date_type);
        if (l != r || (l != int_type && l != money_type)) return mismatch();
        return set(e, l);
      case O::sub:
        if (l == date_type && r == duration_type) return set(e, date_type);
        if (l != r || (l != int_type && l != money_type)) return mismatch();
        return set(e, l);
      case O::mul:
        if (l == int_type && r == int_type) return set(e, int_type);
        if ((l == money_type && r == int_type) || (l == int_type && r == money_type)) return set(e, money_type);
        if ((l == money_type && r == rate_type) || (l == rate_type && r == money_type)) return set(e, money_type);
        return mismatch();
      case O::div:
        if (l == money_type && r == int_type) return set(e, money_type);
        return mismatch();
      default: return mismatch();
    }
  }

  // Durations and rates are not compared: 1 年 and 12 个月 are not one value
  // (months differ in length), and a rate only scales money.
  static bool comparable(const Type& t, bool for_equality) {
    switch (t.kind) {
      case TypeKind::integer:
      case TypeKind::money:
      case TypeKind::date: return true;
      case TypeKind::boolean:
      case TypeKind::string:
      case TypeKind::enumeration: return for_equality;
      default: return false;
    }
  }

  // What went wrong, in words that lead to the fix where the mistake is a
  // common one: a rate or a duration where a count is meant, date arithmetic.
  Type operator_mismatch(Expr& e, const Type& l, const Type& r) {
    using O = ast::BinaryOp;
    const char* op = ast::spelling(e.op);
    auto either = [&](const Type& a, const Type& b) { return (l == a && r == b) || (l == b && r == a); };
    const Expr* rate_literal = nullptr;
    for (const auto& side : e.operands)
      if (side->kind == ExprKind::rate) rate_literal = side.get();
    if (rate_literal && either(int_type, rate_type))
      return fail(e, Diag::whole_number_expected,
                  fmt::format("{} has decimals: a count or an age is a whole number, and a rate (1.5, 40%) "
                              "only multiplies money (120 元 * 1.5)", text_of(*rate_literal)));
    if (either(int_type, duration_type) && e.op != O::mul)
      return fail(e, Diag::operator_mismatch,
                  fmt::format("cannot apply '{}' to {} and {}: an age or a count is a whole number (write 60, not 60 年); "
                              "a duration is added to a date (child.event_date + 1 年) or given to within() or elapsed()",
                              op, ast::describe(l), ast::describe(r)));
    if (l == date_type && r == date_type && e.op == O::sub)
      return fail(e, Diag::operator_mismatch,
                  "cannot subtract a date from a date: count the time between them with days_between(a, b), "
                  "months_between(a, b) or years_between(a, b)");
    if (either(date_type, int_type) && (e.op == O::add || e.op == O::sub))
      return fail(e, Diag::operator_mismatch,
                  fmt::format("cannot apply '{}' to {} and {}: add or subtract a duration, such as 30 日, 6 个月 or 1 年",
                              op, ast::describe(l), ast::describe(r)));
    if (l == duration_type && r == duration_type && (e.op == O::add || e.op == O::sub))
      return fail(e, Diag::operator_mismatch,
                  "durations are not added together (a year is not a fixed number of days): add each to the date in turn");
    if (either(rate_type, int_type) || (l == rate_type && r == rate_type))
      return fail(e, Diag::operator_mismatch,
                  fmt::format("cannot apply '{}' to {} and {}: a rate (1.5, 40%) only multiplies money (120 元 * 1.5)", op,
                              ast::describe(l), ast::describe(r)));
    return fail(e, Diag::operator_mismatch, fmt::format("cannot apply '{}' to {} and {}", op, ast::describe(l), ast::describe(r)));
  }

  // An expression's text as written, for a message.
  std::string text_of(const Expr& e) const {
    const std::string& text = p_.sources.file(e.loc.file).text();
    if (e.text_end <= e.text_begin || e.text_end > text.size()) return "this number";
    std::string_view s = std::string_view(text).substr(e.text_begin, e.text_end - e.text_begin);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
  }

  Type in_set(Expr& e, const Scope& scope) {
    Type t = check(*e.operands[0], scope, nullptr);
    if (t.kind == TypeKind::error) return set(e, bool_type);
    if (t.kind != TypeKind::enumeration)
      return fail(e, Diag::in_set_non_enum, fmt::format("'in {{…}}' needs an enum value on its left, not {}", ast::describe(t)));
    p_.references.arm_values[&e.arms.front()] = values_of(e.arms.front(), t);
    return set(e, bool_type);
  }

  // Resolves the enum value names of one arm; returns their indices.
  std::vector<int> values_of(const ast::MatchArm& arm, const Type& t) {
    std::vector<int> indices;
    for (std::size_t i = 0; i < arm.values.size(); ++i) {
      int index = t.enumeration->index_of(arm.values[i]);
      if (index < 0) {
        std::vector<std::string> names;
        for (const auto& v : t.enumeration->values) names.push_back(v.name);
        std::string suggestion = did_you_mean(arm.values[i], names, hints_);
        d_.add(Diag::not_an_enum_value, arm.value_locs[i], fmt::format("'{}' is not a value of {}{}", arm.values[i], ast::describe(t),
                                                suggestion.empty() ? fmt::format(" (its values: {})", fmt::join(names, ", "))
                                                                   : fmt::format("; did you mean '{}'?", suggestion)));
      }
      indices.push_back(index);
    }
    return indices;
  }

  Type match(Expr& e, const Scope& scope, const Type* hint) {
    Type subject = check(*e.operands[0], scope, nullptr);
    if (subject.kind != TypeKind::error && subject.kind != TypeKind::enumeration)
      return fail(*e.operands[0], Diag::match_non_enum, fmt::format("'match' chooses on an enum value, not {}", ast::describe(subject)));
    if (e.arms.empty() && !e.otherwise) return fail(e, Diag::match_without_case, "a 'match' needs at least one case");
    Type result = hint ? *hint : error_type;
    bool first = true;
    std::set<int> seen;
    for (auto& arm : e.arms) {
      if (subject.kind == TypeKind::enumeration) {
        std::vector<int>& indices = p_.references.arm_values[&arm];
        for (std::size_t i = 0; i < arm.values.size(); ++i) {
          int index = values_of(ast::MatchArm{{arm.values[i]}, {arm.value_locs[i]}, nullptr}, subject).front();
          indices.push_back(index);
          if (index >= 0 && !seen.insert(index).second)
            d_.add(Diag::match_case_twice, arm.value_locs[i], fmt::format("'{}' has two cases in this match", arm.values[i]));
        }
      }
      if (first && !hint) result = check(*arm.result, scope, nullptr);
      else same(*arm.result, result, scope, "every case of a match");
      first = false;
    }
    if (e.otherwise) {
      if (first && !hint) result = check(*e.otherwise, scope, nullptr);
      else same(*e.otherwise, result, scope, "every case of a match");
    }
    return set(e, result);
  }

  Type tier(Expr& e, const Scope& scope, const Type* hint) {
    expect(*e.operands[0], int_type, scope, "the value a tier table chooses on");
    if (e.tiers.empty()) return fail(e, Diag::tier_without_row, "a tier table needs at least one row");
    Type result = hint ? *hint : check(*e.tiers.front().result, scope, nullptr);
    for (std::size_t i = hint ? 0 : 1; i < e.tiers.size(); ++i) same(*e.tiers[i].result, result, scope, "every row of a tier table");
    warn_tier_gaps(e);
    return set(e, result);
  }

  void warn_tier_gaps(const Expr& e) {
    std::vector<const ast::TierArm*> rows;
    for (const auto& t : e.tiers) {
      if (t.low && t.high && *t.low > *t.high) d_.add(Diag::tier_row_empty, t.loc, "this range is empty: its lower end is above its upper end");
      rows.push_back(&t);
    }
    auto low = [](const ast::TierArm* t) { return t->low.value_or(INT64_MIN); };
    auto high = [](const ast::TierArm* t) { return t->high.value_or(INT64_MAX); };
    std::sort(rows.begin(), rows.end(), [&](auto* a, auto* b) { return low(a) < low(b); });
    for (std::size_t i = 1; i < rows.size(); ++i) {
      std::int64_t prev_high = high(rows[i - 1]);
      if (low(rows[i]) <= prev_high) d_.add(Diag::tier_rows_overlap, rows[i]->loc, "this row overlaps the row before it: a value would match both");
      else if (prev_high != INT64_MAX && low(rows[i]) > prev_high + 1)
        d_.add(Diag::tier_gap, rows[i]->loc, fmt::format("values {}..{} match no row of this tier table", prev_high + 1, low(rows[i]) - 1));
    }
  }

  Type schedule(Expr& e, const Scope& scope, const Type* hint) {
    if (e.schedule.empty()) return fail(e, Diag::schedule_without_row, "a schedule needs at least one 'from DATE => value' row");
    Type result = hint ? *hint : check(*e.schedule.front().result, scope, nullptr);
    for (std::size_t i = 0; i < e.schedule.size(); ++i) {
      if (i > 0 && !(e.schedule[i - 1].from < e.schedule[i].from))
        d_.add(Diag::schedule_out_of_order, e.schedule[i].loc, "the rows of a schedule go from the earliest date to the latest");
      if (i > 0 || hint) same(*e.schedule[i].result, result, scope, "every row of a schedule");
    }
    return set(e, result);
  }

  bool is_person_like(const Type& t) const {
    return (t.kind == TypeKind::record || t.kind == TypeKind::person) && p_.references.is_person(t.record);
  }

  // A call, typed from its row of the builtin table (grammar/builtins.def).
  Type call(Expr& e, const Scope& scope) {
    const std::optional<Builtin> builtin = find_builtin(e.text);
    if (!builtin) return unknown_function(e);
    e.resolved = static_cast<int>(*builtin);
    const BuiltinInfo& info = builtin_info(*builtin);
    if (e.operands.size() != info.params.size()) {
      d_.add(Diag::argument_count, e.loc, fmt::format("{}() takes {} argument{}", e.text, info.params.size(),
                                                      info.params.size() == 1 ? "" : "s"));
      for (auto& arg : e.operands) check(*arg, scope, nullptr);
      return set(e, result_type(info, error_type));
    }
    std::optional<Type> number;  // the type every number argument shares
    for (std::size_t i = 0; i < info.params.size(); ++i) {
      Expr& arg = *e.operands[i];
      switch (info.params[i]) {
        case BuiltinParam::person: person_argument(e, arg, scope, true); break;
        case BuiltinParam::record: person_argument(e, arg, scope, false); break;
        case BuiltinParam::date: expect(arg, date_type, scope, argument_name(e, i).c_str()); break;
        case BuiltinParam::duration: expect(arg, duration_type, scope, argument_name(e, i).c_str()); break;
        case BuiltinParam::number: number_argument(e, i, scope, number); break;
        case BuiltinParam::fact:
          check(arg, scope, nullptr);
          if (arg.kind != ExprKind::field)
            d_.add(Diag::argument_not_fact, arg.loc, fmt::format("{}() takes a fact, such as family.art_rebirth_date", e.text));
          break;
        case BuiltinParam::benefit: benefit_argument(e, scope); break;
      }
    }
    return set(e, result_type(info, number.value_or(error_type)));
  }

  static Type result_type(const BuiltinInfo& info, Type number) {
    switch (info.result) {
      case BuiltinResult::boolean: return bool_type;
      case BuiltinResult::integer: return int_type;
      case BuiltinResult::same: return number;
    }
    return error_type;
  }

  static std::string argument_name(const Expr& call, std::size_t i) {
    static constexpr const char* ordinal[] = {"first", "second", "third", "fourth"};
    if (call.operands.size() == 1) return fmt::format("the argument of {}()", call.text);
    return fmt::format("the {} argument of {}()", i < 4 ? ordinal[i] : "next", call.text);
  }

  // A person (with a birth date, for ages) or any record of the facts.
  void person_argument(const Expr& call, Expr& arg, const Scope& scope, bool needs_birth_date) {
    Type t = check(arg, scope, nullptr);
    if (t.kind == TypeKind::error) return;
    if (needs_birth_date ? !is_person_like(t) : (t.kind != TypeKind::record && t.kind != TypeKind::person))
      d_.add(Diag::argument_not_person, arg.loc,
             fmt::format("{}() needs a person (mother, father, child or person), not {}", call.text, ast::describe(t)));
  }

  // min(a, b), max(a, b): two ints or two amounts of money.
  void number_argument(Expr& call, std::size_t i, const Scope& scope, std::optional<Type>& shared) {
    Expr& arg = *call.operands[i];
    Type t = shared ? check(arg, scope, &*shared) : check(arg, scope, nullptr);
    if (t.kind == TypeKind::error) {
      shared = error_type;
      return;
    }
    if (t != int_type && t != money_type) {
      d_.add(Diag::wrong_type, arg.loc, fmt::format("{} must be a number or money, but this is {}", argument_name(call, i), ast::describe(t)));
      shared = error_type;
    } else if (!shared) {
      shared = t;
    } else if (shared->kind != TypeKind::error && *shared != t) {
      d_.add(Diag::wrong_type, arg.loc, fmt::format("the arguments of {}() must have one type: this is {}, the first {}", call.text,
                                                    ast::describe(t), ast::describe(*shared)));
      shared = error_type;
    }
  }

  Type unknown_function(Expr& e) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < builtin_count; ++i) {
      const BuiltinInfo& info = builtin_info(static_cast<Builtin>(i));
      names.emplace_back(info.english);
      names.emplace_back(info.chinese);
    }
    std::string suggestion = did_you_mean(e.text, names, hints_);
    if (!suggestion.empty())
      return fail(e, Diag::unknown_function, fmt::format("unknown function '{}'; did you mean '{}'?", e.text, suggestion));
    std::vector<std::string_view> english;
    for (std::size_t i = 0; i < builtin_count; ++i) english.push_back(builtin_info(static_cast<Builtin>(i)).english);
    return fail(e, Diag::unknown_function, fmt::format("unknown function '{}'; the functions are {} (grammar/README.md)", e.text,
                                                      fmt::join(english, ", ")));
  }

  void benefit_argument(Expr& e, const Scope& scope) {
    Expr& arg = *e.operands[0];
    if (arg.kind != ExprKind::name) {
      d_.add(Diag::argument_not_benefit, arg.loc, fmt::format("{}() takes the id of a benefit of this policy", e.text));
      return;
    }
    int index = p_.benefit_index(arg.text);
    if (index < 0) {
      std::vector<std::string> ids;
      for (const auto* b : p_.benefits) ids.push_back(b->id);
      std::string suggestion = did_you_mean(arg.text, ids, hints_);
      d_.add(Diag::unknown_benefit, arg.loc, fmt::format("no benefit '{}' in this policy{}", arg.text,
                                    suggestion.empty() ? "" : fmt::format("; did you mean '{}'?", suggestion)));
      return;
    }
    if (scope.benefit < 0) {
      d_.add(Diag::granted_outside_benefit, e.loc, fmt::format("{}() stands only in a benefit, not in a definition", e.text));
      return;
    }
    arg.name_kind = ast::NameKind::benefit;
    arg.resolved = index;
    arg.type = bool_type;
    benefit_deps_[scope.benefit].insert(index);
  }
};

}  // namespace

void check_rules(Program& program, Diagnostics& diags) { TypeChecker(program, diags).run(); }

}  // namespace fuzhu
