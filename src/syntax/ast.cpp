#include "syntax/ast.hpp"

#include <fmt/format.h>

namespace fuzhu::ast {

std::string describe(const Type& type) {
  switch (type.kind) {
    case TypeKind::error: return "an erroneous value";
    case TypeKind::boolean: return "bool";
    case TypeKind::integer: return "int";
    case TypeKind::money: return "money";
    case TypeKind::date: return "date";
    case TypeKind::string: return "string";
    case TypeKind::enumeration: return "enum " + (type.enumeration ? type.enumeration->name : std::string("?"));
    case TypeKind::person: return "person";
    case TypeKind::record: return "record " + (type.record ? type.record->name : std::string("?"));
    case TypeKind::duration: return "duration";
    case TypeKind::rate: return "rate";
  }
  return "?";
}

const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::and_: return "and";
    case BinaryOp::or_: return "or";
    case BinaryOp::eq: return "=";
    case BinaryOp::ne: return "!=";
    case BinaryOp::lt: return "<";
    case BinaryOp::le: return "<=";
    case BinaryOp::gt: return ">";
    case BinaryOp::ge: return ">=";
    case BinaryOp::add: return "+";
    case BinaryOp::sub: return "-";
    case BinaryOp::mul: return "*";
    case BinaryOp::div: return "/";
  }
  return "?";
}

int EnumDecl::index_of(const std::string& value) const {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (values[i].name == value) return static_cast<int>(i);
  return -1;
}

std::string type_text(const FieldDecl& field) {
  const Type& t = field.type;
  switch (t.kind) {
    case TypeKind::boolean: return "bool";
    case TypeKind::integer:
      if (field.int_low && field.int_high) return fmt::format("int {}..{}", *field.int_low, *field.int_high);
      return "int";
    case TypeKind::money: return "money";
    case TypeKind::date: return "date";
    case TypeKind::string: return "string";
    case TypeKind::enumeration: {
      std::string values;
      for (const auto& v : t.enumeration->values) values += (values.empty() ? "" : ", ") + v.name;
      return "enum { " + values + " }";
    }
    default: return "";
  }
}

const char* spelling(Role role) {
  switch (role) {
    case Role::birth: return "birth";
    case Role::alive: return "alive";
    case Role::deceased_when: return "deceased_when";
    case Role::region: return "region";
    case Role::event: return "event";
    case Role::parent: return "parent";
    case Role::member: return "member";
    case Role::age_else: return "age_else";
  }
  return "?";
}

bool is_field_role(Role role) { return role != Role::parent && role != Role::member && role != Role::age_else; }

bool FieldDecl::has(Role role) const {
  for (const auto& r : roles)
    if (r.role == role) return true;
  return false;
}

const RoleDecl* RootDecl::role(Role wanted) const {
  for (const auto& r : roles)
    if (r.role == wanted) return &r;
  return nullptr;
}

bool RootDecl::has(Role wanted) const { return role(wanted) != nullptr; }

const FieldDecl* RecordDecl::with_role(Role role) const {
  for (const auto* f : layout)
    if (f->has(role)) return f;
  return nullptr;
}

int RecordDecl::index_of(const std::string& field) const {
  for (std::size_t i = 0; i < layout.size(); ++i)
    if (layout[i]->name == field) return static_cast<int>(i);
  return -1;
}

}  // namespace fuzhu::ast
