// The compiled policy: every name resolved to a slot, every benefit ready to
// evaluate without a string lookup. Immutable once built; shared by threads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compile/code.hpp"
#include "compile/schema.hpp"
#include "fuzhu/plain.hpp"
#include "fuzhu/policy.hpp"
#include "fuzhu/schema.hpp"
#include "syntax/source.hpp"

namespace fuzhu {
struct Program;  // check/program.hpp: compile() takes one and drops it
}

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
  // The texts of every file it was compiled from (the policy first, then what
  // it uses), as Lua's Proto keeps its source: errors name file:line:col from
  // them, and the tools that need the syntax tree again (the review report,
  // `fuzhu diff`) check these texts anew (api/syntax_of.hpp). The Program
  // itself is dropped after compiling.
  SourceSet sources;
  std::vector<std::filesystem::path> include_dirs;  // where its `use`s were looked for
  DebugText debug_text;                    // the expressions' texts, condensed (Code::text)
  std::vector<std::vector<std::string>> enum_values;  // by enum (Code::enumeration): its values' names
  std::vector<std::vector<int>> roots_of_record;      // by record (Code::record): the roots of it or a record extending it
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
  // By Lang: an explanation's row for each benefit and each of its
  // recipients (one for the household when it names none), in source order
  // (not granted, until the evaluation says otherwise),
  // holding the text that is the same for every family. Explaining copies a
  // row and adds the family's decision (eval/explain_rows.cpp).
  std::vector<std::vector<Explanation>> explanation_rows;
  std::vector<int> first_explanation_row;  // by benefit: its first row there
  std::shared_ptr<const FlatCode> flat;    // the code above laid out flat, for the fast evaluator

  const PlainText& plain_text(Lang lang) const { return plain[static_cast<std::size_t>(lang)]; }
};

/// Builds the compiled policy from a checked program without errors, and
/// drops the program (keeping its source texts).
std::shared_ptr<CompiledPolicy> compile(std::unique_ptr<Program> program);

/// By slot: whether some evaluation of the policy may read it (reads.cpp).
std::vector<char> facts_read(const CompiledPolicy& policy);

}  // namespace fuzhu::detail
