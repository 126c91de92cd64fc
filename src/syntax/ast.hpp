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
#include "syntax/vocabulary.hpp"

namespace fuzhu::ast {

// ------------------------------------------------------------------ types

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
  duration,    // 1 年: number is Duration::encode()
  rate,        // 1.5, 40%: number is millionths (1.5 → 1500000)
  name,        // a definition, a facts root, or an enum value (resolved by the checker)
  person,      // the recipient being considered
  amount,      // the benefit's amount for this recipient (in a payer's share)
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
  std::int64_t number = 0;  // integer value, money in fen, date as days since epoch, duration, rate
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
  std::string name, label;
  Loc loc;
  std::vector<EnumValue> values;
  int index_of(const std::string& value) const;
};

enum class FieldTypeKind { boolean, integer, money, date, string, enumeration, named };

/// What the engine relies on a field or a facts root for (grammar/README.md,
/// "Roles"): declared in the schema, never guessed from a name.
enum class Role {
  birth,          // field: the person's birth date; its record is a person (age() applies)
  alive,          // field: false means the person has died
  deceased_when,  // field: this enum value (the target) means the person has died
  region,         // field: the household's region, matched against the jurisdiction
  event,          // field: a dated event, never after the evaluation date nor before the birth
  parent,         // root: one of `each parent` (and of `each member`)
  member,         // root: one of `each member`
  age_else,       // root: when absent, the target root's age stands in for its own
};
const char* spelling(Role role);  // "birth", "deceased_when", ...
bool is_field_role(Role role);

struct RoleDecl {
  Role role = Role::birth;
  Loc loc;
  std::string target;  // deceased_when VALUE, age_else ROOT
  Loc target_loc;
};

struct FieldDecl {
  std::string name, label;
  Loc loc;
  FieldTypeKind type_kind = FieldTypeKind::boolean;
  std::optional<std::int64_t> int_low, int_high;
  std::string type_name;                 // for named types
  std::unique_ptr<EnumDecl> inline_enum;  // for `enum { ... }`
  ExprPtr default_value;
  std::vector<RoleDecl> roles;
  bool added = false;                     // declared by `extend record`
  Type type;                              // resolved by the checker
  bool has(Role role) const;
};

/// A field's type as facts see it: "bool", "int 1..4", "enum { deceased, disabled, living }";
/// "" when the type is not resolved. Two fields of one name are one fact when these agree.
std::string type_text(const FieldDecl& field);

struct RecordDecl {
  std::string name, label;
  Loc loc;
  std::string base;  // `record Child : Person`
  Loc base_loc;
  std::vector<FieldDecl> fields;  // as written

  // ---- filled in by the checker
  const RecordDecl* base_record = nullptr;
  std::vector<const FieldDecl*> layout;  // the base's fields first, then these, then those added
  std::vector<const FieldDecl*> added;   // by `extend record` in any file, in file order
  int index_of(const std::string& field) const;  // into layout
  const FieldDecl* with_role(Role role) const;   // the first field of the layout with it
};

/// `extend record Household { registered_since: date "户籍登记日期" }`.
struct Extension {
  std::string record;
  Loc loc, record_loc;
  std::vector<FieldDecl> fields;
};

struct RootDecl {
  std::string name, label;
  Loc loc;
  bool optional = false;  // absent object = no such person
  std::string record_name;
  Loc record_loc;
  std::vector<RoleDecl> roles;
  bool added = false;                  // declared by `extend facts`
  const RecordDecl* record = nullptr;  // resolved by the checker
  bool has(Role role) const;
  const RoleDecl* role(Role role) const;
};

// ---------------------------------------------------------------- policy

struct Header {
  Loc loc;
  std::string title, document, issuer, jurisdiction, status = "final";
  bool issuer_inferred = false;  // `issuer "…" inferred`: the document does not name it
  std::vector<Cite> cites;       // the clauses that set the policy's force (施行, 有效期)
  std::optional<Date> issued, from, to;  // `to`: as written, or computed from `for`
  std::string period;                    // `for 5 年` as "5 年"; empty when not given
  Loc from_loc, to_loc;
};

struct Definition {
  std::string name;
  Loc loc;
  ExprPtr value;
  std::string label;  // `define special_family "计生特殊家庭" = …`
  std::optional<Cite> cite;  // `define … = … cites "二" "…"`
};

// `to household`, `to child` (a facts root with role parent or member),
// `to each parent`, `to each member`, `to each parent who died`.
enum class RecipientKind { household, root, each_parent, each_member, each_deceased_parent };

struct PayerDecl {
  std::string name;
  Loc loc;
  ShareKind share_kind = ShareKind::none;
  ExprPtr share;               // the figure (money); null unless share_kind is figure
  std::int64_t percent_ppm = 0;  // a percentage, in millionths of the amount (40% = 400000)
  std::int64_t parts = 0;      // `4 份`
  Loc share_loc;
  ExprPtr condition;           // bool; may be null
};

struct Benefit {
  std::string id, title;
  Loc loc;
  std::string cite, quote, grants;
  Loc cite_loc;
  std::string readings;      // the comment block directly above the benefit, without its '#'s
  ExprPtr condition;         // null: always
  RecipientKind recipient = RecipientKind::household;
  std::string recipient_root;  // for RecipientKind::root, as written
  int recipient_index = -1;    // its root index, resolved by the checker
  Loc recipient_loc;
  ExprPtr where;             // per-person condition; may be null
  std::optional<Period> period;
  bool minimum = false;
  ExprPtr amount;            // null: no figure
  bool discretionary = false;
  bool in_kind = false;      // the amount is the value of something given or bought (实物)
  Loc in_kind_loc;
  std::vector<PayerDecl> payers;
  Loc payers_loc;            // the `paid by` clause
  std::string paid_to;       // the payee, when not the recipient (`paid to "…"`)
  bool per_person() const { return recipient != RecipientKind::household; }
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
  std::vector<std::unique_ptr<Extension>> extensions;  // extend record
  std::vector<RootDecl> added_roots;                   // extend facts
  std::vector<Definition> definitions;
  std::vector<Benefit> benefits;
  std::vector<NotTranscribed> not_transcribed;
};

}  // namespace fuzhu::ast
