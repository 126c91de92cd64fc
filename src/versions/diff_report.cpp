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

std::string diff_script(const DiffReport& r) {
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

// The words of the plain text around the changes (plain_diff.hpp says the changes).
struct ReportWords {
  std::string_view header, definitions, added, removed, reads, summary, families, no_change, families_summary;
  std::string_view granted, lost, changed, undetermined, not_granted;
};

constexpr ReportWords chinese{
    "文件信息：", "定义：", "（新增）", "（删去）", "所依据的定义{}的含义有改变（见上文“定义”）",
    "待遇：{}项改变，{}项新增，{}项删去，{}项未变", "家庭（按{}评估）：", "无变化", "{}户中{}户的待遇有变化",
    "新获得", "失去", "改变", "无法确定", "确定不享受"};
constexpr ReportWords english{
    "Header:", "Definitions:", " (added)", " (removed)", "reads the definition {}, whose meaning changed (see Definitions above)",
    "Benefits: {} changed, {} added, {} removed, {} unchanged", "Families (evaluated on {}):", "no change",
    "{1} of {0} families' entitlements change", "granted", "lost", "changed", "undetermined", "not granted"};

const ReportWords& report_words(Lang lang) { return lang == Lang::en ? english : chinese; }

std::string_view outcome_words(const ReportWords& w, Outcome outcome) {
  switch (outcome) {
    case Outcome::granted: return w.granted;
    case Outcome::lost: return w.lost;
    case Outcome::changed: return w.changed;
    case Outcome::undetermined: return w.undetermined;
    case Outcome::decided_not: return w.not_granted;
  }
  return w.changed;
}

// A header value as the reader says it: the status by the Chinese keyword
// (状态 正式 / 征求意见稿, grammar/keywords.def); "—" for none.
std::string header_value(const HeaderDiff& h, const std::string& value, Lang lang) {
  if (value.empty()) return "—";
  if (lang == Lang::zh && h.field == "status") return value == "final" ? "正式" : value == "draft" ? "征求意见稿" : value;
  return value;
}

std::string plain_header(const PolicyDiff& d) {
  if (d.header.empty()) return "";
  const Lang lang = d.lang;
  std::string out = std::string(report_words(lang).header) + "\n";
  for (const auto& h : d.header)
    out += fmt::format("  {}{}{}\n", header_label(h.field, lang), lang == Lang::zh ? "：" : ": ",
                       arrow(header_value(h, h.before, lang), header_value(h, h.after, lang), lang));
  return out + "\n";
}

std::string plain_definitions(const PolicyDiff& d) {
  if (d.definitions.empty()) return "";
  const ReportWords& w = report_words(d.lang);
  std::string out = std::string(w.definitions) + "\n";
  for (const auto& x : d.definitions) {
    std::string_view note = x.change == Change::added ? w.added : x.change == Change::removed ? w.removed : "";
    // Named as fuzhu plain names it: the name, then the label when it has another.
    std::string label = x.label.empty() || x.label == x.name ? "" : " " + x.label;
    out += fmt::format("{} {}{}{}\n", mark_of(x.change), x.name, label, note);
    for (const auto& line : x.plain) out += fmt::format("  {}\n", line);
  }
  return out + "\n";
}

// A changed part the plain words do not tell apart (a change the rendering
// does not show) is printed in script form, so that no change goes unseen.
std::string unsaid_parts(const BenefitDiff& b) {
  std::string out;
  if (b.change != Change::changed) return out;  // said whole, in plain_text
  for (const auto& part : b.parts)
    if (std::none_of(b.plain.begin(), b.plain.end(), [&](const PlainChange& c) { return c.part == part.name; }))
      out += parts_text({part});
  return out;
}

std::string plain_benefits(const PolicyDiff& d) {
  const ReportWords& w = report_words(d.lang);
  const char* colon = d.lang == Lang::zh ? "：" : ": ";
  std::string out;
  for (const auto& b : d.benefits) {
    std::string_view note = b.change == Change::added ? w.added : b.change == Change::removed ? w.removed : "";
    out += fmt::format("{} {} {}{}\n", mark_of(b.change), b.id, b.title, note);
    if (b.change != Change::changed) out += fmt::format("  {}\n", b.plain_text);
    for (const auto& c : b.plain) out += fmt::format("  {}{}{}\n", c.label, colon, c.text);
    out += unsaid_parts(b);
    for (const auto& name : b.definitions_changed)
      out += fmt::format("  {}\n", fmt::format(fmt::runtime(w.reads), quoted(name, d.lang)));
    out += "\n";
  }
  return out;
}

std::string plain_families(const DiffReport& r) {
  const Lang lang = r.policy.lang;
  const ReportWords& w = report_words(lang);
  const char* colon = lang == Lang::zh ? "：" : ": ";
  auto recipient = [&](const std::string& name) {
    auto found = r.recipient_labels.find(name);
    return found == r.recipient_labels.end() || found->second.empty() ? name : found->second;
  };
  std::string out = fmt::format(fmt::runtime(w.families), r.as_of) + "\n";
  for (const auto& f : r.families) {
    if (f.changes.empty()) {
      out += fmt::format("  {}{}{}\n", printable(f.file), colon, w.no_change);
      continue;
    }
    out += fmt::format("  {}{}\n", printable(f.file), lang == Lang::zh ? "：" : ":");
    for (const auto& c : f.changes)
      out += fmt::format("    {} {} {}{}{}{}{}\n", outcome_words(w, c.outcome), c.benefit, c.title,
                         lang == Lang::zh ? "（" : " (", recipient(c.recipient), lang == Lang::zh ? "）：" : "): ",
                         arrow(c.plain_before, c.plain_after, lang));
  }
  const auto changed = std::count_if(r.families.begin(), r.families.end(), [](const FamilyChanges& f) { return !f.changes.empty(); });
  return out + fmt::format(fmt::runtime(w.families_summary), r.families.size(), changed) + "\n";
}

}  // namespace

std::string diff_text(const DiffReport& r) {
  std::string out = fmt::format("--- {} ({})\n+++ {} ({})\n\n", printable(r.before_file), r.before_document,
                                printable(r.after_file), r.after_document);
  const PolicyDiff& d = r.policy;
  out += plain_header(d) + plain_definitions(d) + plain_benefits(d);
  out += fmt::format(fmt::runtime(report_words(d.lang).summary), count(d, Change::changed), count(d, Change::added),
                     count(d, Change::removed), d.unchanged_benefits) + "\n";
  if (r.with_families) out += "\n" + plain_families(r);
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

// changed: [{part, label, text}], a line each (empty for added and removed ones).
Json plain_json(const BenefitDiff& b) {
  Json out = Json::array();
  for (const auto& c : b.plain) {
    Json row = Json::object();
    row["part"] = c.part;
    row["label"] = c.label;
    row["text"] = c.text;
    out.push_back(std::move(row));
  }
  return out;
}

Json policy_json(const PolicyDiff& d) {
  Json out = Json::object();
  out["lang"] = d.lang == Lang::en ? "en" : "zh";
  Json& header = out["header"] = Json::array();
  for (const auto& h : d.header) {
    Json row = Json::object();
    row["field"] = h.field;
    row["before"] = h.before;
    row["after"] = h.after;
    row["label"] = header_label(h.field, d.lang);
    header.push_back(std::move(row));
  }
  Json& definitions = out["definitions"] = Json::array();
  for (const auto& x : d.definitions) {
    Json row = Json::object();
    row["change"] = to_string(x.change);
    row["name"] = x.name;
    row["before"] = x.before.empty() ? Json() : Json(x.before);
    row["after"] = x.after.empty() ? Json() : Json(x.after);
    row["plain"] = Json(x.plain);
    row["label"] = x.label;
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
    row["plain"] = plain_json(b);
    row["plain_text"] = b.plain_text.empty() ? Json() : Json(b.plain_text);  // added / removed: the whole benefit
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
      row["plain_before"] = c.plain_before;
      row["plain_after"] = c.plain_after;
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
