// `--since OLD`: the comparison of src/versions (the one `fuzhu diff`
// prints), reduced to what the review page marks: which benefits changed,
// were added or removed, and the changed parts' lines.
#include "report/since_diff.hpp"

#include <fmt/format.h>

#include "api/internal.hpp"
#include "api/syntax_of.hpp"
#include "compile/policy.hpp"
#include "versions/plain_diff.hpp"
#include "versions/policy_diff.hpp"

namespace fuzhu::report {

namespace {

// What changed, in the plain words `fuzhu diff` uses (金额：A → 自D起B); the
// script's lines only for a change the plain words do not show.
std::vector<std::string> lines_of(const versions::BenefitDiff& b) {
  std::vector<std::string> out;
  for (const versions::PlainChange& change : b.plain) out.push_back(change.label + "：" + change.text);
  if (out.empty())
    for (const versions::PartDiff& part : b.parts)
      for (const versions::Line& line : part.lines)
        if (line.mark != ' ') out.push_back(fmt::format("{} {} {}", part.name, line.mark, line.text));
  for (const std::string& d : b.definitions_changed) out.push_back("所用定义已改 definition changed: " + d);
  return out;
}

}  // namespace

Since since_of(const Policy& before, const Policy& after, FileHash before_file) {
  const versions::PolicyDiff diff =
      versions::diff_policies(*detail::syntax_of(before), *detail::syntax_of(after));
  Since s;
  s.old_file = std::move(before_file.name);
  s.old_sha256 = std::move(before_file.sha256);
  s.unchanged = diff.unchanged_benefits;
  for (const versions::BenefitDiff& b : diff.benefits)
    s.benefits.push_back({b.id, b.title, versions::to_string(b.change),
                          b.change == versions::Change::changed ? lines_of(b) : std::vector<std::string>{b.plain_text}});
  for (const versions::HeaderDiff& h : diff.header)
    s.header.push_back(versions::header_label(h.field, Lang::zh) + "：" + versions::arrow(h.before, h.after, Lang::zh));
  for (const versions::DefinitionDiff& d : diff.definitions)
    s.definitions.push_back(fmt::format("{}（{}）：{}", d.name, versions::to_string(d.change), fmt::join(d.plain, "；")));
  return s;
}

}  // namespace fuzhu::report
