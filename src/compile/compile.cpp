// Checked AST → compiled policy: facts laid out in slots, names resolved to
// indices, enum values to numbers, dates to day counts.
#include <algorithm>

#include <fmt/format.h>

#include "compile/compiled.hpp"
#include "plain/render.hpp"
#include "syntax/builtins.hpp"

namespace fuzhu::detail {

// ------------------------------------------------------------------ schema

int Schema::root_index(std::string_view name) const {
  for (std::size_t i = 0; i < roots.size(); ++i)
    if (roots[i].name == name) return static_cast<int>(i);
  return -1;
}

int Schema::field_slot(int root, std::string_view field) const {
  const RootInfo& r = roots[static_cast<std::size_t>(root)];
  auto it = r.field_index.find(field);
  return it == r.field_index.end() ? -1 : r.first_slot + it->second;
}

int Schema::slot_of(std::string_view path) const {
  std::size_t dot = path.find('.');
  if (dot == std::string_view::npos) return -1;
  int root = root_index(path.substr(0, dot));
  return root < 0 ? -1 : field_slot(root, path.substr(dot + 1));
}

const std::string& Schema::recipient_name(int root) const {
  static const std::string household_name = "household";
  return root < 0 ? household_name : roots[static_cast<std::size_t>(root)].name;
}

const FieldInfo& Schema::field_of(int slot) const {
  const RootInfo& r = roots[static_cast<std::size_t>(slot_root[static_cast<std::size_t>(slot)])];
  return r.fields[static_cast<std::size_t>(slot - r.first_slot)];
}

namespace {

Value literal(const ast::Expr& e, const ast::FieldDecl& field) {
  switch (e.kind) {
    case ast::ExprKind::boolean: return Value::boolean(e.boolean);
    case ast::ExprKind::integer: return {Tag::integer, e.number};
    case ast::ExprKind::money: return {Tag::money, e.number};
    case ast::ExprKind::date: return {Tag::date, e.number};
    case ast::ExprKind::name: return {Tag::enumeration, field.type.enumeration->index_of(e.text)};
    default: return {};
  }
}

}  // namespace

namespace {

Declared declared(const Program& program, Loc loc) {
  if (loc.file < 0) return {};
  const SourceFile& file = program.sources.file(loc.file);
  return {file.name(), file.line_of(loc.offset), file.column_of(loc.offset)};
}

FieldInfo field_info(const Program& program, const ast::FieldDecl& field) {
  FieldInfo f;
  f.name = field.name;
  f.label = field.label;
  f.kind = field.type.kind;
  f.type_text = ast::type_text(field);
  if (field.type.enumeration)
    for (const auto& v : field.type.enumeration->values) {
      f.enum_values.push_back(v.name);
      f.enum_labels.push_back(v.label);
    }
  f.low = field.int_low;
  f.high = field.int_high;
  if (field.default_value) f.default_value = literal(*field.default_value, field);
  f.declared = declared(program, field.loc);
  f.added = field.added;
  for (const auto& role : field.roles) {
    switch (role.role) {
      case ast::Role::birth: f.birth = true; break;
      case ast::Role::alive: f.alive = true; break;
      case ast::Role::region: f.region = true; break;
      case ast::Role::event: f.event = true; break;
      case ast::Role::deceased_when: f.deceased_value = field.type.enumeration->index_of(role.target); break;
      default: break;  // root roles: not on a field in a checked program
    }
  }
  return f;
}

// The slots the roles point at, once the root's fields are laid out.
void root_roles(RootInfo& info) {
  for (std::size_t i = 0; i < info.fields.size(); ++i) {
    const FieldInfo& f = info.fields[i];
    const int slot = info.first_slot + static_cast<int>(i);
    if (f.birth) info.birth_slot = slot, info.person = true;
    if (f.alive) info.alive_slot = slot;
    if (f.event) info.event_slots.push_back(slot);
    if (f.deceased_value >= 0) info.status_slot = slot, info.deceased = f.deceased_value;
  }
}

// FNV-1a over the layout as text: what a slot holds and how its values are
// numbered. Labels, roles and defaults are left out: they change no slot.
std::uint64_t fingerprint(const Schema& schema) {
  std::uint64_t h = 14695981039346656037ULL;
  auto add = [&](std::string_view text) {
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
    h = (h ^ 0xFF) * 1099511628211ULL;  // a separator no UTF-8 text holds
  };
  for (const RootInfo& root : schema.roots) {
    add(root.name);
    add(root.optional ? "optional" : "present");
    for (const FieldInfo& field : root.fields) {
      add(field.name);
      add(field.type_text);
    }
    add("}");
  }
  return h;
}

}  // namespace

std::shared_ptr<Schema> build_schema(const Program& program) {
  auto schema = std::make_shared<Schema>();
  for (const auto* root : program.roots) {
    RootInfo info;
    info.name = root->name;
    info.label = root->label;
    info.record = root->record->name;
    info.record_label = root->record->label;
    info.optional = root->optional;
    info.parent = root->has(ast::Role::parent);
    info.member = info.parent || root->has(ast::Role::member);
    if (const ast::RoleDecl* stand_in = root->role(ast::Role::age_else)) info.age_else = program.root_index(stand_in->target);
    info.declared = declared(program, root->loc);
    info.added = root->added;
    info.first_slot = schema->slot_count;
    for (const auto* field : root->record->layout) {
      info.field_index.emplace(field->name, static_cast<int>(info.fields.size()));
      info.fields.push_back(field_info(program, *field));
    }
    schema->slot_count += static_cast<int>(info.fields.size());
    root_roles(info);
    for (const auto& field : info.fields) {
      const int slot = static_cast<int>(schema->slot_root.size());
      if (field.region) schema->region_slot = slot;
      schema->slot_root.push_back(static_cast<int>(schema->roots.size()));
      schema->slot_paths.push_back(info.name + "." + field.name);
      schema->string_of_slot.push_back(field.kind == ast::TypeKind::string ? schema->string_count++ : -1);
    }
    schema->roots.push_back(std::move(info));
  }
  schema->parents = program.parents;
  schema->members = program.members;
  schema->fingerprint = fingerprint(*schema);
  return schema;
}

// -------------------------------------------------------------- expressions

namespace {

class Compiler {
 public:
  Compiler(CompiledPolicy& out) : out_(out), schema_(*out.schema) {}

  std::vector<int> depended_on;  // benefits some granted(...) asks about

  Code expr(const ast::Expr& e) {
    Code c;
    c.source = &e;
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
        for (const auto& v : e.arms.front().values)
          c.mask |= std::uint64_t{1} << e.operands[0]->type.enumeration->index_of(v);
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
      for (const auto& v : arm.values)
        c.arm_of_value[static_cast<std::size_t>(enumeration->index_of(v))] = static_cast<int>(c.kids.size() - 1);
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
      benefit.source = &arg;
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

}  // namespace

std::shared_ptr<CompiledPolicy> compile(std::unique_ptr<Program> program) {
  auto out = std::make_shared<CompiledPolicy>();
  out->schema = build_schema(*program);
  out->info = info_of(*program);
  Compiler compiler(*out);
  for (const auto* def : program->definitions) out->definitions.push_back(compiler.expr(*def->value));
  for (const auto* b : program->benefits) {
    CompiledBenefit cb;
    cb.source = b;
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
    out->rank_of_id.emplace_back(out->benefits[i].source->id, static_cast<int>(i));
  std::sort(out->rank_of_id.begin(), out->rank_of_id.end());
  for (Lang lang : {Lang::zh, Lang::en}) out->plain.push_back(plain::render(*program, lang));
  out->citations = citations_of(*program);
  out->not_transcribed = program->files.front()->not_transcribed;
  out->program = std::move(program);
  out->facts_schema = describe_schema(*out->schema, facts_read(*out));
  return out;
}

}  // namespace fuzhu::detail
