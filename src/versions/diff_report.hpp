// `fuzhu diff` as people and programs read it: the policy's changes, then,
// for each family file given, how its entitlements change.
#pragma once

#include <string>
#include <vector>

#include "versions/family_diff.hpp"
#include "versions/policy_diff.hpp"

namespace fuzhu::versions {

struct FamilyChanges {
  std::string file;  // the family's facts file
  std::vector<EntitlementChange> changes;
};

struct DiffReport {
  std::string before_file, after_file;
  std::string before_document, after_document;
  PolicyDiff policy;
  bool with_families = false;
  std::string as_of;  // the evaluation date of the families, YYYY-MM-DD
  std::vector<FamilyChanges> families;
  bool any_difference() const;
};

std::string diff_text(const DiffReport& report);
std::string diff_json(const DiffReport& report);

}  // namespace fuzhu::versions
