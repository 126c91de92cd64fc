#include "syntax/ast.hpp"

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

int RecordDecl::index_of(const std::string& field) const {
  for (std::size_t i = 0; i < layout.size(); ++i)
    if (layout[i]->name == field) return static_cast<int>(i);
  return -1;
}

}  // namespace fuzhu::ast
