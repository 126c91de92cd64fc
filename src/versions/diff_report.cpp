#include "versions/diff_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "io/json_writer.hpp"
#include "syntax/printable.hpp"

namespace fuzhu::versions {

bool DiffReport::any_difference() const {
  return !policy.empty() ||
         std::any_of(families.begin(), families.end(), [](const FamilyChanges& f) { return !f.changes.empty(); });
}

namespace {

char mark_of(Change change) { return change == Change::added ? '+' : change == Change::removed ? '-' : '~'; }

std::string parts_text(const std::vector<PartDiff>& parts) {
  std::string out;
  for (const auto& part : parts) {
    out += fmt::format("  {}:\n", part.name);
    for (const auto& line : part.lines) out += fmt::format("    {} {}\n", line.mark, line.text);
  }
  return out;
}

std::string header_text(const std::vector<HeaderDiff>& header) {
  if (header.empty()) return "";
  std::string out = "header:\n";
  for (const auto& h : header)
    out += fmt::format("  {}: {} → {}\n", h.field, h.before.empty() ? "—" : h.before, h.after.empty() ? "—" : h.after);
  return out + "\n";
}

std::string definitions_text(const std::vector<DefinitionDiff>& definitions) {
  if (definitions.empty()) return "";
  std::string out = "definitions:\n";
  for (const auto& d : definitions) {
    out += fmt::format("{} {}\n", mark_of(d.change), d.name);
    if (!d.before.empty()) out += fmt::format("    - {}\n", d.before);
    if (!d.after.empty()) out += fmt::format("    + {}\n", d.after);
  }
  return out + "\n";
}

std::string benefits_text(const PolicyDiff& diff) {
  std::string out;
  for (const auto& b : diff.benefits) {
    out += fmt::format("{} {} {}{}\n", mark_of(b.change), b.id, b.title,
                       b.change == Change::changed ? "" : fmt::format(" ({})", to_string(b.change)));
    out += parts_text(b.parts);
    for (const auto& name : b.definitions_changed)
      out += fmt::format("  reads {}, whose definition changed (definitions, above)\n", name);
    out += "\n";
  }
  return out;
}

int count(const PolicyDiff& diff, Change change) {
  return static_cast<int>(std::count_if(diff.benefits.begin(), diff.benefits.end(),
                                        [&](const BenefitDiff& b) { return b.change == change; }));
}

std::string families_text(const DiffReport& r) {
  if (!r.with_families) return "";
  std::string out = fmt::format("families, as of {}:\n", r.as_of);
  for (const auto& f : r.families) {
    if (f.changes.empty()) {
      out += fmt::format("  {}: no change\n", printable(f.file));
      continue;
    }
    out += fmt::format("  {}:\n", printable(f.file));
    for (const auto& c : f.changes)
      out += fmt::format("    {:<13} {} {} ({}): {} → {}\n", to_string(c.outcome), c.benefit, c.title, c.recipient,
                         c.before, c.after);
  }
  const auto changed = std::count_if(r.families.begin(), r.families.end(), [](const FamilyChanges& f) { return !f.changes.empty(); });
  return out + fmt::format("{} of {} families' entitlements change\n", changed, r.families.size());
}

}  // namespace

std::string diff_text(const DiffReport& r) {
  std::string out = fmt::format("--- {} ({})\n+++ {} ({})\n\n", printable(r.before_file), r.before_document,
                                printable(r.after_file), r.after_document);
  const PolicyDiff& d = r.policy;
  out += header_text(d.header) + definitions_text(d.definitions) + benefits_text(d);
  out += fmt::format("benefits: {} changed, {} added, {} removed, {} unchanged\n", count(d, Change::changed),
                     count(d, Change::added), count(d, Change::removed), d.unchanged_benefits);
  if (r.with_families) out += "\n" + families_text(r);
  return out;
}

namespace {

using detail::Json;

Json parts_json(const std::vector<PartDiff>& parts) {
  Json out = Json::array();
  for (const auto& part : parts) {
    Json lines = Json::array();
    for (const auto& line : part.lines) {
      Json row = Json::object();
      row["mark"] = std::string(1, line.mark);
      row["text"] = line.text;
      lines.push_back(std::move(row));
    }
    Json row = Json::object();
    row["part"] = part.name;
    row["lines"] = std::move(lines);
    out.push_back(std::move(row));
  }
  return out;
}

Json policy_json(const PolicyDiff& d) {
  Json out = Json::object();
  Json& header = out["header"] = Json::array();
  for (const auto& h : d.header) {
    Json row = Json::object();
    row["field"] = h.field;
    row["before"] = h.before;
    row["after"] = h.after;
    header.push_back(std::move(row));
  }
  Json& definitions = out["definitions"] = Json::array();
  for (const auto& x : d.definitions) {
    Json row = Json::object();
    row["change"] = to_string(x.change);
    row["name"] = x.name;
    row["before"] = x.before.empty() ? Json() : Json(x.before);
    row["after"] = x.after.empty() ? Json() : Json(x.after);
    definitions.push_back(std::move(row));
  }
  Json& benefits = out["benefits"] = Json::array();
  for (const auto& b : d.benefits) {
    Json row = Json::object();
    row["change"] = to_string(b.change);
    row["benefit"] = b.id;
    row["title"] = b.title;
    row["parts"] = parts_json(b.parts);
    row["definitions_changed"] = Json(b.definitions_changed);
    benefits.push_back(std::move(row));
  }
  out["unchanged_benefits"] = d.unchanged_benefits;
  return out;
}

Json families_json(const DiffReport& r) {
  Json out = Json::array();
  for (const auto& f : r.families) {
    Json changes = Json::array();
    for (const auto& c : f.changes) {
      Json row = Json::object();
      row["outcome"] = to_string(c.outcome);
      row["benefit"] = c.benefit;
      row["title"] = c.title;
      row["recipient"] = c.recipient;
      row["before"] = c.before;
      row["after"] = c.after;
      row["before_amount"] = Json::money(c.before_amount);
      row["after_amount"] = Json::money(c.after_amount);
      changes.push_back(std::move(row));
    }
    Json row = Json::object();
    row["file"] = f.file;
    row["changes"] = std::move(changes);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

std::string diff_json(const DiffReport& r) {
  Json out = Json::object();
  out["before"] = r.before_file;
  out["after"] = r.after_file;
  out["different"] = r.any_difference();
  out.append(policy_json(r.policy));
  if (r.with_families) {
    out["as_of"] = r.as_of;
    out["families"] = families_json(r);
  }
  return out.dump(2) + "\n";
}

}  // namespace fuzhu::versions
