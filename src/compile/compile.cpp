// Checked AST → compiled policy: facts laid out in slots, names resolved to
// indices, enum values to numbers, dates to day counts.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "compile/policy.hpp"
#include "check/program.hpp"
#include "compile/flatten.hpp"
#include "plain/render.hpp"
#include "syntax/builtins.hpp"

namespace fuzhu::detail {

// -------------------------------------------------------------- expressions

namespace {

class Compiler {
 public:
  Compiler(CompiledPolicy& out, const Program& program)
      : out_(out), schema_(*out.schema), refs_(program.references), text_(program.sources) {
    for (std::size_t i = 0; i < program.enums.size(); ++i) enum_index_[program.enums[i]] = static_cast<int>(i);
    for (std::size_t i = 0; i < program.records.size(); ++i) record_index_[program.records[i]] = static_cast<int>(i);
  }

  std::vector<int> depended_on;  // benefits some granted(...) asks about

  /// The expressions' texts, once every expression is compiled.
  DebugText finish_text() { return text_.finish(); }

  Code expr(const ast::Expr& e) {
    Code c;
    describe(e, c);
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::boolean: c.constant = Value::boolean(e.boolean); break;
      case K::integer: c.constant = {Tag::integer, e.number}; break;
      case K::money: c.constant = {Tag::money, e.number}; break;
      case K::date: c.constant = {Tag::date, e.number}; break;
      case K::duration: c.constant = {Tag::duration, e.number}; break;
      case K::rate: c.constant = {Tag::rate, e.number}; break;
      case K::string:
        out_.strings.push_back(e.text);
        c.constant = {Tag::string, -static_cast<std::int64_t>(out_.strings.size())};
        break;
      case K::today: c.op = Op::today; break;
      case K::person: c.op = Op::person; break;
      case K::amount: c.op = Op::amount; break;
      case K::name: name(e, c); break;
      case K::field: field(e, c); break;
      case K::negate: unary(Op::negate, e, c); break;
      case K::not_: unary(Op::not_, e, c); break;
      case K::binary: binary(e, c); break;
      case K::in_set:
        c.op = Op::in_set;
        c.kids.push_back(expr(*e.operands[0]));
        for (int value : refs_.arm_values.at(&e.arms.front())) c.mask |= std::uint64_t{1} << value;
        break;
      case K::match: match(e, c); break;
      case K::if_:
        c.op = Op::if_;
        for (const auto& k : e.operands) c.kids.push_back(expr(*k));
        break;
      case K::tier:
        c.op = Op::tier;
        c.kids.push_back(expr(*e.operands[0]));
        for (const auto& row : e.tiers) {
          c.lows.push_back(row.low);
          c.highs.push_back(row.high);
          c.kids.push_back(expr(*row.result));
        }
        break;
      case K::schedule:
        c.op = Op::schedule;
        for (const auto& row : e.schedule) {
          c.from_days.push_back(row.from.days_since_epoch());
          c.kids.push_back(expr(*row.result));
        }
        break;
      case K::quantified:
        c.op = e.over_members ? (e.quantifier_all ? Op::all_member : Op::any_member)
                              : (e.quantifier_all ? Op::all_parent : Op::any_parent);
        c.kids.push_back(expr(*e.operands[0]));
        break;
      case K::call: call(e, c); break;
    }
    return c;
  }

 private:
  CompiledPolicy& out_;
  const Schema& schema_;
  const References& refs_;  // the checker's resolutions: no name is looked up again
  DebugText::Builder text_;
  std::unordered_map<const ast::EnumDecl*, int> enum_index_;
  std::unordered_map<const ast::RecordDecl*, int> record_index_;

  // What errors and explanations will ask of the expression, so that the
  // compiled policy needs no syntax tree.
  void describe(const ast::Expr& e, Code& c) {
    c.loc = e.loc;
    c.text = text_.span(e.loc.file, e.text_begin, e.text_end);
    if (auto it = enum_index_.find(e.type.enumeration); e.type.enumeration && it != enum_index_.end())
      c.enumeration = it->second;
    if (auto it = record_index_.find(e.type.record); e.type.record && it != record_index_.end())
      c.record = it->second;
  }

  void unary(Op op, const ast::Expr& e, Code& c) {
    c.op = op;
    c.kids.push_back(expr(*e.operands[0]));
  }

  void name(const ast::Expr& e, Code& c) {
    switch (e.name_kind) {
      case ast::NameKind::definition: c.op = Op::definition; c.index = e.resolved; break;
      case ast::NameKind::root: c.op = Op::root; c.index = e.resolved; break;
      case ast::NameKind::enum_value: c.constant = {Tag::enumeration, e.resolved}; break;
      case ast::NameKind::benefit:
      case ast::NameKind::unresolved: break;  // not reached in a checked program
    }
  }

  // root.field and person.field read a slot directly; anything else of
  // record type is evaluated first.
  void field(const ast::Expr& e, Code& c) {
    const ast::Expr& base = *e.operands[0];
    if (base.kind == ast::ExprKind::name && base.name_kind == ast::NameKind::root) {
      c.op = Op::fact;
      c.index = schema_.roots[static_cast<std::size_t>(base.resolved)].first_slot + e.resolved;
    } else if (base.kind == ast::ExprKind::person) {
      c.op = Op::person_field;
      c.index = e.resolved;
    } else {
      c.op = Op::field_of;
      c.index = e.resolved;
      c.kids.push_back(expr(base));
    }
  }

  void binary(const ast::Expr& e, Code& c) {
    using O = ast::BinaryOp;
    static constexpr Op ops[] = {Op::and_, Op::or_, Op::eq, Op::ne, Op::lt, Op::le,
                                 Op::gt,   Op::ge,  Op::add, Op::sub, Op::mul, Op::div};
    c.op = ops[static_cast<int>(e.op)];
    c.kids.push_back(expr(*e.operands[0]));
    c.kids.push_back(expr(*e.operands[1]));
    // int * money is stored as money * int, rate * money as money * rate,
    // and duration + date as date + duration.
    using T = ast::TypeKind;
    const T left = e.operands[0]->type.kind, right = e.operands[1]->type.kind;
    if ((e.op == O::mul && (left == T::integer || left == T::rate) && right == T::money) ||
        (e.op == O::add && left == T::duration && right == T::date))
      std::swap(c.kids[0], c.kids[1]);
  }

  void match(const ast::Expr& e, Code& c) {
    c.op = Op::match;
    const ast::EnumDecl* enumeration = e.operands[0]->type.enumeration;
    c.kids.push_back(expr(*e.operands[0]));
    c.arm_of_value.assign(enumeration->values.size(), -1);
    for (const auto& arm : e.arms) {
      c.kids.push_back(expr(*arm.result));
      for (int value : refs_.arm_values.at(&arm))
        c.arm_of_value[static_cast<std::size_t>(value)] = static_cast<int>(c.kids.size() - 1);
    }
    if (e.otherwise) {
      c.kids.push_back(expr(*e.otherwise));
      for (auto& arm : c.arm_of_value)
        if (arm < 0) arm = static_cast<int>(c.kids.size() - 1);
    }
  }

  // A call runs its row of the builtin table; a benefit argument (granted)
  // is its index, the rest are compiled values.
  void call(const ast::Expr& e, Code& c) {
    c.op = Op::builtin;
    c.index = e.resolved;
    const BuiltinInfo& info = builtin_info(static_cast<Builtin>(e.resolved));
    for (std::size_t i = 0; i < e.operands.size(); ++i) {
      const ast::Expr& arg = *e.operands[i];
      if (info.params[i] != BuiltinParam::benefit) {
        c.kids.push_back(expr(arg));
        continue;
      }
      Code benefit;
      describe(arg, benefit);
      benefit.constant = {Tag::integer, arg.resolved};
      depended_on.push_back(arg.resolved);
      c.kids.push_back(std::move(benefit));
    }
  }
};

std::vector<int> recipients_of(const ast::Benefit& b, const Schema& schema) {
  using R = ast::RecipientKind;
  switch (b.recipient) {
    case R::household: return {};
    case R::root: return {b.recipient_index};
    case R::each_parent:
    case R::each_deceased_parent: return schema.parents;
    case R::each_member: return schema.members;
  }
  return {};
}

// The policy file's own citations outside its benefits; a used file's
// definitions are shared by every policy and cite no one document.
std::vector<OtherCitation> citations_of(const Program& program) {
  std::vector<OtherCitation> out;
  if (program.header)
    for (const auto& c : program.header->cites) out.push_back({"policy", c});
  for (const auto& def : program.files.front()->definitions)
    if (def.cite) out.push_back({"define " + def.name, *def.cite});
  return out;
}

void describe(const ast::Benefit& b, CompiledBenefit& out) {
  out.id = b.id;
  out.title = b.title;
  out.cite = b.cite;
  out.quote = b.quote;
  out.grants = b.grants;
  out.paid_to = b.paid_to;
  out.period = b.period;
  out.minimum = b.minimum;
  out.discretionary = b.discretionary;
  out.in_kind = b.in_kind;
  out.payers_loc = b.payers_loc;
}

// By record: the roots whose record is it or extends it, in root order.
std::vector<std::vector<int>> roots_of_records(const Program& program) {
  std::vector<std::vector<int>> out(program.records.size());
  for (std::size_t r = 0; r < program.records.size(); ++r)
    for (std::size_t i = 0; i < program.roots.size(); ++i)
      for (const ast::RecordDecl* rec = program.roots[i]->record; rec; rec = rec->base_record)
        if (rec == program.records[r]) {
          out[r].push_back(static_cast<int>(i));
          break;
        }
  return out;
}

std::vector<std::vector<std::string>> enum_values_of(const Program& program) {
  std::vector<std::vector<std::string>> out;
  for (const ast::EnumDecl* e : program.enums) {
    out.emplace_back();
    for (const auto& v : e->values) out.back().push_back(v.name);
  }
  return out;
}

PolicyInfo info_of(const Program& program) {
  PolicyInfo info;
  info.file = program.sources.file(0).name();
  if (const ast::Header* h = program.header) {
    info.title = h->title;
    info.document = h->document;
    info.issuer = h->issuer;
    info.issuer_inferred = h->issuer_inferred;
    info.jurisdiction = h->jurisdiction;
    info.status = h->status;
    info.issued = h->issued;
    info.in_force_from = h->from;
    info.in_force_to = h->to;
    info.in_force_period = h->period;
  }
  return info;
}

// The rows of an explanation as far as the policy decides them: which
// benefit, for whom, its clause and its rule in plain words.
void fill_explanation_rows(CompiledPolicy& out) {
  out.explanation_rows.resize(2);  // by Lang
  for (std::size_t i = 0; i < out.benefits.size(); ++i) {
    const CompiledBenefit& b = out.benefits[i];
    out.first_explanation_row.push_back(static_cast<int>(out.explanation_rows[0].size()));
    const std::vector<int> roots = b.recipients.empty() ? std::vector<int>{-1} : b.recipients;
    for (Lang lang : {Lang::zh, Lang::en})
      for (int root : roots) {
        Explanation& x = out.explanation_rows[static_cast<std::size_t>(lang)].emplace_back();
        x.benefit = b.id;
        x.title = b.title;
        x.recipient = out.schema->recipient_name(root);
        x.cite = b.cite;
        x.quote = b.quote;
        x.plain = out.plain_text(lang).benefits[i].text;
      }
  }
}

}  // namespace

std::shared_ptr<CompiledPolicy> compile(std::unique_ptr<Program> program) {
  auto out = std::make_shared<CompiledPolicy>();
  out->schema = build_schema(*program);
  out->info = info_of(*program);
  Compiler compiler(*out, *program);
  for (const auto* def : program->definitions) out->definitions.push_back(compiler.expr(*def->value));
  for (const auto* b : program->benefits) {
    CompiledBenefit cb;
    cb.loc = b->loc;
    describe(*b, cb);
    if (b->condition) {
      cb.condition = compiler.expr(*b->condition);
      const Code* first = &*cb.condition;
      while (first->op == Op::and_) first = &first->kids[0];
      if (first->op == Op::definition) cb.guard = first->index;
    }
    if (b->where) cb.where = compiler.expr(*b->where);
    if (b->amount) cb.amount = compiler.expr(*b->amount);
    cb.recipients = recipients_of(*b, *out->schema);
    cb.deceased_recipients = b->recipient == ast::RecipientKind::each_deceased_parent;
    cb.readings = b->readings;
    for (const auto& p : b->payers) {
      CompiledPayer payer;
      payer.name = p.name;
      payer.share_kind = p.share_kind;
      payer.percent_ppm = p.percent_ppm;
      payer.parts = p.parts;
      if (p.share) payer.share = compiler.expr(*p.share);
      if (p.condition) payer.condition = compiler.expr(*p.condition);
      cb.payers_have_shares = p.share_kind != ast::ShareKind::none;
      cb.payers.push_back(std::move(payer));
    }
    out->benefits.push_back(std::move(cb));
  }
  for (int index : compiler.depended_on) out->benefits[static_cast<std::size_t>(index)].depended_on = true;
  out->order = program->benefit_order;
  out->order_is_source = std::is_sorted(out->order.begin(), out->order.end());
  for (std::size_t i = 0; i < out->benefits.size(); ++i)
    out->rank_of_id.emplace_back(out->benefits[i].id, static_cast<int>(i));
  std::sort(out->rank_of_id.begin(), out->rank_of_id.end());
  for (Lang lang : {Lang::zh, Lang::en}) out->plain.push_back(plain::render(*program, lang));
  fill_explanation_rows(*out);  // after plain: the rows borrow its text
  out->citations = citations_of(*program);
  out->not_transcribed = program->files.front()->not_transcribed;
  out->enum_values = enum_values_of(*program);
  out->roots_of_record = roots_of_records(*program);
  out->debug_text = compiler.finish_text();
  out->include_dirs = program->include_dirs;
  out->sources = std::move(program->sources);
  program.reset();  // the syntax tree: nothing compiled points into it
  out->facts_schema = describe_schema(*out->schema, facts_read(*out));
  out->flat = std::make_shared<const FlatCode>(flatten(*out));  // last: it points into the code above
  return out;
}

}  // namespace fuzhu::detail
