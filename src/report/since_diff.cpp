// `--since OLD`: the comparison of src/versions (the one `fuzhu diff`
// prints), reduced to what the review page marks: which benefits changed,
// were added or removed, and the changed parts' lines.
#include "report/since_diff.hpp"

#include <fmt/format.h>

#include "api/internal.hpp"
#include "compile/policy.hpp"
#include "versions/policy_diff.hpp"

namespace fuzhu::report {

namespace {

std::vector<std::string> lines_of(const versions::BenefitDiff& b) {
  std::vector<std::string> out;
  for (const versions::PartDiff& part : b.parts) {
    out.push_back(part.name + ":");
    for (const versions::Line& line : part.lines)
      if (line.mark != ' ') out.push_back(fmt::format("  {} {}", line.mark, line.text));
  }
  for (const std::string& d : b.definitions_changed) out.push_back("定义已改 definition changed: " + d);
  return out;
}

}  // namespace

Since since_of(const Policy& before, const Policy& after, FileHash before_file) {
  const versions::PolicyDiff diff =
      versions::diff_policies(*detail::compiled_of(before).program, *detail::compiled_of(after).program);
  Since s;
  s.old_file = std::move(before_file.name);
  s.old_sha256 = std::move(before_file.sha256);
  s.unchanged = diff.unchanged_benefits;
  for (const versions::BenefitDiff& b : diff.benefits)
    s.benefits.push_back({b.id, b.title, versions::to_string(b.change),
                          b.change == versions::Change::changed ? lines_of(b) : std::vector<std::string>{}});
  for (const versions::HeaderDiff& h : diff.header)
    s.header.push_back(fmt::format("{}: {} → {}", h.field, h.before.empty() ? "—" : h.before, h.after.empty() ? "—" : h.after));
  for (const versions::DefinitionDiff& d : diff.definitions)
    s.definitions.push_back(fmt::format("{} ({})", d.name, versions::to_string(d.change)));
  return s;
}

}  // namespace fuzhu::report
