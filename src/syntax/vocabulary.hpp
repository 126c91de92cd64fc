// The few declarations of the language that every stage shares: the kinds
// of value a fact or expression has, how a payer's share is written, and a
// clause cited or left out. The syntax tree (ast.hpp) is built from them;
// the compiled policy and the stages after it use them without it.
#pragma once

#include <string>

#include "syntax/source.hpp"

namespace fuzhu::ast {

enum class TypeKind { error, boolean, integer, money, date, string, enumeration, person, record, duration, rate };

/// How a payer's share is written: a figure (money), a percentage of the
/// benefit's amount, or parts of what the figures and percentages leave.
enum class ShareKind { none, figure, percent, parts };

/// `cites "一（一）" "quote"`: a clause of the document, and optionally words
/// quoted from it.
struct Cite {
  std::string clause, quote;
  Loc loc;
};

/// `not transcribed "六（一）" "组织领导"`: a clause left out on purpose.
struct NotTranscribed {
  std::string clause, reason;
  Loc loc;
};

}  // namespace fuzhu::ast
