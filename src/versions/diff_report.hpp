// `fuzhu diff` as people and programs read it: the policy's changes, then,
// for each family file given, how its entitlements change. People read
// plain words (diff_text, in the PolicyDiff's language); policy authors may
// ask for the script form (diff_script); programs read JSON, which has both.
#pragma once

#include <map>
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
  /// How the plain text names a recipient (mother: 女方), from the schema's labels.
  std::map<std::string, std::string> recipient_labels;
  bool any_difference() const;
};

/// In plain words: 「金额：每月490元 → 自2027-01-01起每月520元」.
std::string diff_text(const DiffReport& report);
/// In the canonical script form, part by part, lines marked - and +.
std::string diff_script(const DiffReport& report);
std::string diff_json(const DiffReport& report);

}  // namespace fuzhu::versions
