// Flat code: a compiled policy's expression trees laid out as one contiguous
// array of small nodes with index-based children, identical subexpressions
// stored once (hash-consing), so that the evaluator walks memory in order
// and works out a shared subexpression (`age(mother) >= 49`) once a family.
// The tree of Code stays as the reference (src/eval/evaluate.cpp); the flat
// evaluator (src/eval/flat_eval.cpp) must agree with it.
#pragma once

#include <cstdint>
#include <vector>

#include "compile/policy.hpp"
#include "compile/region.hpp"

namespace fuzhu::detail {

/// One node: 32 bytes. Its meaning follows Code's (code.hpp).
struct FlatNode {
  Op op = Op::constant;
  Tag tag = Tag::unknown;        // a constant's
  std::uint16_t kid_count = 0;
  std::int32_t index = -1;       // Code::index
  std::int32_t first_kid = 0;    // into FlatCode::kids
  std::int32_t memo = -1;        // the family memo's entry, for a shared subexpression; -1: none
  std::int32_t rows = 0;         // tier: into tier_rows; schedule: into from_days; match: into arms
  std::int64_t n = 0;            // a constant's value; in_set's mask; match: the arm table's length
};

/// A tier row's bounds; an absent bound is open.
struct FlatTierRow {
  std::int64_t low = 0, high = 0;
  bool has_low = false, has_high = false;
};

struct FlatPayer {
  int condition = -1, share = -1;  // node ids, -1: none
};

struct FlatBenefit {
  int condition = -1, where = -1, amount = -1;  // node ids, -1: none
  std::vector<FlatPayer> payers;
  /// No payer's condition or share depends on the recipient, the amount or
  /// another benefit's outcome: who pays, and in what shares, is the same
  /// for every recipient of a family, worked out once.
  bool payers_of_household = false;
};

/// Benefits next to each other in evaluation order whose conditions all
/// start from one definition, through definitions that start from it
/// (`define bereaved_family = special_family and ...`; `when bereaved_family
/// and ...`): a family for which that definition is false is granted none of
/// them, decided in one test. Working it out first is what deciding the
/// first of them would do first anyway, so errors come where they did.
struct GuardRun {
  int guard = -1;                   // the definition; -1: the run is not guarded
  std::int32_t first = 0, count = 0;  // into FlatCode::order
  bool any_depended_on = false;     // some granted(...) asks about one of them
};

/// A dated fact check_facts holds to the evaluation date (a birth, an
/// event) and, for an event, to its person's birth date.
struct FlatDatedFact {
  int root = -1, slot = -1;
  int birth_slot = -1;  // an event's person's birth date; -1: none, or the fact is the birth
};

struct FlatCode {
  std::vector<FlatNode> nodes;        // children before parents
  std::vector<std::int32_t> kids;     // node ids
  std::vector<FlatTierRow> tier_rows;
  std::vector<std::int64_t> from_days;
  std::vector<std::int32_t> arms;     // match: enum value → kid position (-1: none)
  std::vector<const Code*> origin;    // by node: the first Code it stands for (error locations)
  std::vector<int> definitions;       // by definition: its node
  std::vector<int> guard_nodes;       // by definition: the node naming it (Op::definition), -1: none
  std::vector<FlatBenefit> benefits;  // by benefit
  std::vector<int> order;             // CompiledPolicy::order
  std::vector<GuardRun> runs;         // covering order, in order
  RegionTest region;                  // the policy's jurisdiction
  std::vector<FlatDatedFact> dated;   // every birth date and event
  int memo_count = 0;                 // entries of a family's memo

  const FlatNode& node(int id) const { return nodes[static_cast<std::size_t>(id)]; }
  int kid(const FlatNode& n, int k) const { return kids[static_cast<std::size_t>(n.first_kid + k)]; }
};

/// Lays out a compiled policy's code flat. The policy must outlive the
/// result (origin points into it).
FlatCode flatten(const CompiledPolicy& policy);

}  // namespace fuzhu::detail
