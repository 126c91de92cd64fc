#include "versions/policy_diff.hpp"

#include <algorithm>

#include "versions/benefit_parts.hpp"
#include "versions/canonical.hpp"

namespace fuzhu::versions {

const char* to_string(Change change) {
  switch (change) {
    case Change::added: return "added";
    case Change::removed: return "removed";
    case Change::changed: return "changed";
  }
  return "changed";
}

std::vector<Line> diff_lines(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  // lcs[i][j]: the longest common subsequence of before[i..] and after[j..].
  const std::size_t n = before.size(), m = after.size();
  std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = before[i] == after[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<Line> out;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] == after[j]) {
      out.push_back({' ', before[i]});
      ++i, ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push_back({'+', after[j++]});
    } else {
      out.push_back({'-', before[i++]});
    }
  }
  // Removed lines before the added ones of one change, as a reader expects.
  for (std::size_t k = 1; k < out.size(); ++k)
    for (std::size_t l = k; l > 0 && out[l].mark == '-' && out[l - 1].mark == '+'; --l) std::swap(out[l], out[l - 1]);
  return out;
}

namespace {

std::string date_text(const std::optional<Date>& d) { return d ? d->to_string() : ""; }

std::vector<HeaderDiff> diff_header(const ast::Header* before, const ast::Header* after) {
  const ast::Header none;
  const ast::Header& b = before ? *before : none;
  const ast::Header& a = after ? *after : none;
  const std::pair<const char*, std::pair<std::string, std::string>> fields[] = {
      {"title", {b.title, a.title}},
      {"document", {b.document, a.document}},
      {"issuer", {b.issuer, a.issuer}},
      {"issued", {date_text(b.issued), date_text(a.issued)}},
      {"in force from", {date_text(b.from), date_text(a.from)}},
      {"in force for", {b.period, a.period}},
      {"in force to", {date_text(b.to), date_text(a.to)}},
      {"jurisdiction", {b.jurisdiction, a.jurisdiction}},
      {"status", {b.status, a.status}},
  };
  std::vector<HeaderDiff> out;
  for (const auto& [field, values] : fields)
    if (values.first != values.second) out.push_back({field, values.first, values.second});
  return out;
}

const ast::Definition* find_definition(const Program& p, const std::string& name) {
  for (const ast::Definition* d : p.definitions)
    if (d->name == name) return d;
  return nullptr;
}

std::vector<DefinitionDiff> diff_definitions(const Program& before, const Program& after, Lang lang) {
  std::vector<DefinitionDiff> out;
  for (const ast::Definition* d : after.definitions) {
    const std::string body = canonical_definition(*d);
    const ast::Definition* old = find_definition(before, d->name);
    if (!old) {
      out.push_back({Change::added, d->name, "", body, {plain_definition(after, *d, lang)}, d->label});
    } else if (std::string old_body = canonical_definition(*old); old_body != body) {
      out.push_back({Change::changed, d->name, old_body, body, plain_definition_changes(before, *old, after, *d, lang), d->label});
    }
  }
  for (const ast::Definition* d : before.definitions)
    if (!find_definition(after, d->name))
      out.push_back({Change::removed, d->name, canonical_definition(*d), "", {plain_definition(before, *d, lang)}, d->label});
  return out;
}

// Every part the benefit has, each line marked `mark`.
std::vector<PartDiff> whole(const BenefitParts& parts, char mark) {
  std::vector<PartDiff> out;
  for (const Part& part : parts.parts) {
    if (part.lines.empty() || part.name == "title") continue;  // the title heads the benefit already
    PartDiff d{part.name, {}};
    for (const auto& line : part.lines) d.lines.push_back({mark, line});
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<PartDiff> changed_parts(const BenefitParts& before, const BenefitParts& after) {
  std::vector<PartDiff> out;
  for (std::size_t i = 0; i < after.parts.size() && i < before.parts.size(); ++i)
    if (before.parts[i].lines != after.parts[i].lines)
      out.push_back({after.parts[i].name, diff_lines(before.parts[i].lines, after.parts[i].lines)});
  return out;
}

std::vector<std::string> changed_reads(const BenefitParts& before, const BenefitParts& after,
                                       const std::vector<DefinitionDiff>& definitions) {
  std::vector<std::string> out;
  for (const auto& d : definitions)
    if (d.change == Change::changed &&
        std::binary_search(before.definitions.begin(), before.definitions.end(), d.name) &&
        std::binary_search(after.definitions.begin(), after.definitions.end(), d.name))
      out.push_back(d.name);
  return out;
}

const ast::Benefit* find_benefit(const Program& p, const std::string& id) {
  for (const ast::Benefit* b : p.benefits)
    if (b->id == id) return b;
  return nullptr;
}

}  // namespace

PolicyDiff diff_policies(const Program& before, const Program& after, Lang lang) {
  PolicyDiff out;
  out.lang = lang;
  out.header = diff_header(before.header, after.header);
  out.definitions = diff_definitions(before, after, lang);
  for (const ast::Benefit* b : after.benefits) {
    BenefitParts now = shown_parts(after, *b);
    const ast::Benefit* old = find_benefit(before, b->id);
    if (!old) {
      out.benefits.push_back({Change::added, b->id, b->title, whole(now, '+'), {}, {}, plain_benefit(after, *b, lang)});
      continue;
    }
    BenefitParts then = shown_parts(before, *old);
    BenefitDiff d{Change::changed, b->id, b->title, changed_parts(then, now), changed_reads(then, now, out.definitions), {}, {}};
    if (d.parts.empty() && d.definitions_changed.empty()) {
      ++out.unchanged_benefits;
      continue;
    }
    d.plain = plain_changes(before, *old, after, *b, lang);
    out.benefits.push_back(std::move(d));
  }
  for (const ast::Benefit* b : before.benefits)
    if (!find_benefit(after, b->id))
      out.benefits.push_back({Change::removed, b->id, b->title, whole(shown_parts(before, *b), '-'), {}, {}, plain_benefit(before, *b, lang)});
  return out;
}

}  // namespace fuzhu::versions
