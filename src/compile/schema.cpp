// The facts layout from a checked program's schema: roots and fields in
// declaration order, one slot a field, the roles resolved to slots.
#include "compile/schema.hpp"

#include "check/program.hpp"

namespace fuzhu::detail {

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

Value literal(const ast::Expr& e, const References& references) {
  switch (e.kind) {
    case ast::ExprKind::boolean: return Value::boolean(e.boolean);
    case ast::ExprKind::integer: return {Tag::integer, e.number};
    case ast::ExprKind::money: return {Tag::money, e.number};
    case ast::ExprKind::date: return {Tag::date, e.number};
    case ast::ExprKind::name: return {Tag::enumeration, references.enum_defaults.at(&e)};
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
  if (field.default_value) f.default_value = literal(*field.default_value, program.references);
  f.declared = declared(program, field.loc);
  f.added = field.added;
  for (const auto& role : field.roles) {
    switch (role.role) {
      case ast::Role::birth: f.birth = true; break;
      case ast::Role::alive: f.alive = true; break;
      case ast::Role::region: f.region = true; break;
      case ast::Role::event: f.event = true; break;
      case ast::Role::deceased_when: f.deceased_value = program.references.role_target(role); break;
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
    if (f.birth) info.birth_slot = slot;
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
    info.person = program.references.is_person(root->record);
    if (const ast::RoleDecl* stand_in = root->role(ast::Role::age_else)) info.age_else = program.references.role_target(*stand_in);
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

}  // namespace fuzhu::detail
