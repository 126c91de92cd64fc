// The abstract syntax tree of a policy file, as the parser lowers it from
// PEGTL's parse tree. The checker annotates expressions (type, resolution)
// in place; nothing here knows about PEGTL.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fuzhu/result.hpp"
#include "fuzhu/value.hpp"
#include "syntax/source.hpp"

namespace fuzhu::ast {

// ------------------------------------------------------------------ types

enum class TypeKind { error, boolean, integer, money, date, string, enumeration, person, record, duration };

struct EnumDecl;
struct RecordDecl;

struct Type {
  TypeKind kind = TypeKind::error;
  const EnumDecl* enumeration = nullptr;  // for TypeKind::enumeration
  const RecordDecl* record = nullptr;     // for TypeKind::record / person

  friend bool operator==(const Type&, const Type&) = default;
};

std::string describe(const Type& type);  // "money", "enum ChildStatus", ...

// ------------------------------------------------------------ expressions

enum class ExprKind {
  boolean, integer, money, date, string, today,
  name,        // a definition, a facts root, or an enum value (resolved by the checker)
  person,      // the recipient being considered
  field,       // operand.field
  negate, not_, binary, in_set,
  match, if_, tier, schedule, quantified, call,
};

enum class BinaryOp { and_, or_, eq, ne, lt, le, gt, ge, add, sub, mul, div };
const char* spelling(BinaryOp op);

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct MatchArm {
  std::vector<std::string> values;  // enum value names
  std::vector<Loc> value_locs;
  ExprPtr result;
};

struct TierArm {
  std::optional<std::int64_t> low, high;  // inclusive; open when absent
  Loc loc;
  ExprPtr result;
};

struct ScheduleArm {
  Date from;
  Loc loc;
  ExprPtr result;
};

// What a name turned out to mean; set by the checker.
enum class NameKind { unresolved, definition, root, enum_value, benefit };

struct Expr {
  ExprKind kind;
  Loc loc;
  // The expression's text in loc.file, [text_begin, text_end) in bytes, so an
  // explanation can quote the condition as written. It may end in blanks and
  // comments, and a parenthesised operand's closing ')' may fall outside it.
  std::uint32_t text_begin = 0, text_end = 0;

  bool boolean = false;
  std::int64_t number = 0;  // integer value, money in fen, date as days since epoch
  std::string text;         // name, field, string value, function name
  BinaryOp op = BinaryOp::and_;
  bool quantifier_all = false;      // all (true) / any (false)
  bool over_members = false;        // member (true) / parent (false)

  std::vector<ExprPtr> operands;    // unary/binary operands, call arguments, match subject...
  std::vector<MatchArm> arms;       // match and in_set (one arm of values)
  ExprPtr otherwise;                // match else
  std::vector<TierArm> tiers;
  std::vector<ScheduleArm> schedule;

  // ---- filled in by the checker
  Type type;
  NameKind name_kind = NameKind::unresolved;
  int resolved = -1;  // definition / root / benefit index, enum value index, field index, Builtin of a call
};

/// Calls `f` on each direct sub-expression of `e`.
template <typename F>
void for_each_child(const Expr& e, F&& f) {
  for (const auto& operand : e.operands) f(*operand);
  for (const auto& arm : e.arms)
    if (arm.result) f(*arm.result);
  if (e.otherwise) f(*e.otherwise);
  for (const auto& row : e.tiers) f(*row.result);
  for (const auto& row : e.schedule) f(*row.result);
}

// --------------------------------------------------------------- schema

struct EnumValue {
  std::string name, label;
  Loc loc;
};

struct EnumDecl {
  std::string name;
  Loc loc;
  std::vector<EnumValue> values;
  int index_of(const std::string& value) const;
};

enum class FieldTypeKind { boolean, integer, money, date, string, enumeration, named };

struct FieldDecl {
  std::string name;
  Loc loc;
  FieldTypeKind type_kind = FieldTypeKind::boolean;
  std::optional<std::int64_t> int_low, int_high;
  std::string type_name;                 // for named types
  std::unique_ptr<EnumDecl> inline_enum;  // for `enum { ... }`
  ExprPtr default_value;
  Type type;                              // resolved by the checker
};

struct RecordDecl {
  std::string name;
  Loc loc;
  std::string base;  // `record Child : Person`
  Loc base_loc;
  std::vector<FieldDecl> fields;  // as written

  // ---- filled in by the checker
  const RecordDecl* base_record = nullptr;
  std::vector<const FieldDecl*> layout;  // the base's fields first, then these
  int index_of(const std::string& field) const;  // into layout
};

struct RootDecl {
  std::string name;
  Loc loc;
  bool optional = false;  // absent object = no such person
  std::string record_name;
  Loc record_loc;
  const RecordDecl* record = nullptr;  // resolved by the checker
};

// ---------------------------------------------------------------- policy

struct Header {
  Loc loc;
  std::string title, document, issuer, jurisdiction, status = "final";
  std::optional<Date> issued, from, to;
  Loc from_loc, to_loc;
};

struct Definition {
  std::string name;
  Loc loc;
  ExprPtr value;
};

enum class RecipientKind { household, child, mother, father, each_parent, each_member };

struct PayerDecl {
  std::string name;
  Loc loc;
  ExprPtr share;      // money; may be null
  ExprPtr condition;  // bool; may be null
};

struct Benefit {
  std::string id, title;
  Loc loc;
  std::string cite, quote, grants;
  Loc cite_loc;
  ExprPtr condition;         // null: always
  RecipientKind recipient = RecipientKind::household;
  Loc recipient_loc;
  ExprPtr where;             // per-person condition; may be null
  std::optional<Period> period;
  bool minimum = false;
  ExprPtr amount;            // null: no figure
  bool discretionary = false;
  std::vector<PayerDecl> payers;
  bool per_person() const {
    return recipient == RecipientKind::each_parent || recipient == RecipientKind::each_member ||
           recipient == RecipientKind::mother || recipient == RecipientKind::father ||
           recipient == RecipientKind::child;
  }
};

struct Use {
  std::string path;
  Loc loc;
};

/// One parsed file.
struct File {
  std::vector<Use> uses;
  std::optional<Header> header;
  std::vector<std::unique_ptr<EnumDecl>> enums;
  std::vector<std::unique_ptr<RecordDecl>> records;
  std::vector<RootDecl> roots;
  Loc facts_loc;
  bool has_facts = false;
  std::vector<Definition> definitions;
  std::vector<Benefit> benefits;
};

}  // namespace fuzhu::ast
