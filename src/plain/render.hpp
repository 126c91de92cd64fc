// The plain-language stage: a checked program's benefits and definitions as
// sentences (fuzhu/plain.hpp), rendered once when the policy is compiled and
// stored with it, so that evaluation and the report only read them.
#pragma once

#include "check/program.hpp"
#include "fuzhu/plain.hpp"

namespace fuzhu::plain {

/// Every benefit and definition of `program` (checked, without errors) in `lang`.
PlainText render(const Program& program, Lang lang);

}  // namespace fuzhu::plain
