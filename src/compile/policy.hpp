// The compiled policy: every name resolved to a slot, every benefit ready to
// evaluate without a string lookup. Immutable once built; shared by threads.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "check/program.hpp"
#include "compile/code.hpp"
#include "compile/schema.hpp"
#include "fuzhu/plain.hpp"
#include "fuzhu/policy.hpp"
#include "fuzhu/schema.hpp"

namespace fuzhu::detail {

/// A clause cited outside a benefit: by the header (施行, 有效期) or by a
/// definition (扶助对象). The review report counts these clauses as
/// transcribed, and checks their quotes like a benefit's.
struct OtherCitation {
  std::string by;  // "policy", "define 扶助对象家庭"
  ast::Cite cite;
};

struct FlatCode;  // compile/flatten.hpp

struct CompiledPolicy {
  std::unique_ptr<Program> program;
  std::shared_ptr<const Schema> schema;
  PolicyInfo info;
  std::vector<std::string> strings;        // string literals
  std::vector<Code> definitions;           // by definition index
  std::vector<CompiledBenefit> benefits;   // in source order
  std::vector<int> order;                  // evaluation order
  bool order_is_source = true;             // no granted() moved a benefit earlier
  std::vector<std::pair<std::string, int>> rank_of_id;  // sorted by id: id → source index
  FactsSchema facts_schema;                // the schema as a host sees it (Policy::schema)
  std::vector<OtherCitation> citations;    // the header's and the policy's definitions' cites
  std::vector<ast::NotTranscribed> not_transcribed;  // clauses left out on purpose, with the reason
  std::vector<PlainText> plain;            // by Lang: the rules in plain words (src/plain/), rendered once
  std::shared_ptr<const FlatCode> flat;    // the code above laid out flat, for the fast evaluator

  const PlainText& plain_text(Lang lang) const { return plain[static_cast<std::size_t>(lang)]; }
};

/// Builds the compiled policy from a checked program without errors.
std::shared_ptr<CompiledPolicy> compile(std::unique_ptr<Program> program);

/// By slot: whether some evaluation of the policy may read it (reads.cpp).
std::vector<char> facts_read(const CompiledPolicy& policy);

}  // namespace fuzhu::detail
