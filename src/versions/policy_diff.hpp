// What changed between two versions of a policy: the header, the
// definitions, and benefit by benefit (matched by catalog id) each part that
// differs, plus the benefits added and removed. A part differs when its
// canonical script form does (canonical.hpp: layout, comments and keyword
// language do not count); what changed is said in plain words too
// (plain_diff.hpp), which is what people read.
#pragma once

#include <string>
#include <vector>

#include "check/program.hpp"
#include "fuzhu/plain.hpp"
#include "versions/plain_diff.hpp"

namespace fuzhu::versions {

enum class Change { added, removed, changed };
const char* to_string(Change change);  // "added", "removed", "changed"

/// A line of a part: kept (' '), only in the old version ('-'), only in the new ('+').
struct Line {
  char mark = ' ';
  std::string text;
};

/// A part that differs ("condition", "amount", ...), with every line of
/// both versions marked, in order.
struct PartDiff {
  std::string name;
  std::vector<Line> lines;
};

struct BenefitDiff {
  Change change = Change::changed;
  std::string id, title;
  /// changed: the parts that differ; added / removed: every part it has,
  /// each line marked '+' / '-'.
  std::vector<PartDiff> parts;
  /// changed: definitions it reads (in both versions) whose body changed.
  std::vector<std::string> definitions_changed;
  /// changed: what changed, in plain words, a line each.
  std::vector<PlainChange> plain;
  /// added / removed: the whole benefit in plain words (条件：…；对象：…).
  std::string plain_text;
};

struct DefinitionDiff {
  Change change = Change::changed;
  std::string name;
  std::string before, after;  // `define NAME = …`, canonical; empty when absent
  /// changed: what changed in its meaning, a line each; added / removed:
  /// its whole meaning, one line.
  std::vector<std::string> plain;
  std::string label;  // the new version's (or the removed one's): 精准扶助对象家庭; "" when none
};

/// A field of the header that differs ("in force from", "status", ...).
struct HeaderDiff {
  std::string field, before, after;
};

struct PolicyDiff {
  std::vector<HeaderDiff> header;
  std::vector<DefinitionDiff> definitions;  // in the new version's order, removed ones last
  std::vector<BenefitDiff> benefits;        // likewise
  int unchanged_benefits = 0;
  Lang lang = Lang::zh;  // of the plain fields
  bool empty() const { return header.empty() && definitions.empty() && benefits.empty(); }
};

/// Both programs checked without errors; the plain fields in `lang`.
PolicyDiff diff_policies(const Program& before, const Program& after, Lang lang = Lang::zh);

/// The lines of `before` and `after` marked by a longest common subsequence.
std::vector<Line> diff_lines(const std::vector<std::string>& before, const std::vector<std::string>& after);

}  // namespace fuzhu::versions
