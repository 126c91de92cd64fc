// fuzhu compare FACTS.json POLICY... [--as-of D] [--format text|json]:
// one family against several policies, as if registered in each one's
// jurisdiction, side by side.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "io/json_writer.hpp"
#include "syntax/printable.hpp"

namespace fuzhu::cli {

namespace {

struct Column {
  std::string name;  // the policy file's stem
  Evaluation evaluation;
};

std::string total_text(const Evaluation& e, Period period, AmountKind kind) {
  auto t = total(e, period, kind);
  return t ? t->to_string() : "(too large)";
}

// An amount as the cell shows it: "490", "≥50000" (at least), "(5000)"
// (discretionary), "实物300" (in kind).
std::string amount_cell(const Entitlement& x) {
  if (!x.amount) return "✓";
  const std::string figure = x.amount->to_string();
  switch (x.kind()) {
    case AmountKind::cash: return figure;
    case AmountKind::in_kind: return "实物" + figure;
    case AmountKind::minimum: return "≥" + figure;
    case AmountKind::discretionary: return "(" + figure + ")";
  }
  return figure;
}

// What one policy gives under one benefit id: "490×2", "—", "✓".
std::string cell(const Evaluation& e, const std::string& benefit) {
  std::vector<std::string> parts;
  for (const auto& x : e.entitlements)
    if (x.benefit == benefit) parts.push_back(amount_cell(x));
  if (parts.empty()) {
    for (const auto& u : e.undetermined)
      if (u.benefit == benefit) return "?";
    return "";
  }
  if (std::all_of(parts.begin(), parts.end(), [&](const auto& p) { return p == parts.front(); }) && parts.size() > 1)
    return fmt::format("{}×{}", parts.front(), parts.size());
  return fmt::format("{}", fmt::join(parts, "+"));
}

std::string text(const std::vector<Column>& columns) {
  std::vector<std::string> ids;
  for (const auto& c : columns)
    for (const auto& x : c.evaluation.entitlements)
      if (std::find(ids.begin(), ids.end(), x.benefit) == ids.end()) ids.emplace_back(x.benefit);
  std::string out = fmt::format("{:<30}", "benefit");
  for (const auto& c : columns) out += fmt::format(" {:>14}", printable(c.name) + (c.evaluation.is_draft() ? "*" : ""));
  out += "\n";
  for (const auto& id : ids) {
    out += fmt::format("{:<30}", id);
    for (const auto& c : columns) out += fmt::format(" {:>14}", cell(c.evaluation, id));
    out += "\n";
  }
  // Cash totals always; the other kinds on rows of their own, never added in.
  static constexpr std::pair<AmountKind, const char*> kinds[] = {{AmountKind::cash, "total"},
                                                                   {AmountKind::in_kind, "in kind"},
                                                                   {AmountKind::minimum, "at least"},
                                                                   {AmountKind::discretionary, "discretionary"}};
  for (const auto& [kind, name] : kinds)
    for (auto [words, period] : {std::pair{"per month", Period::monthly}, {"per year", Period::yearly}, {"once", Period::once}}) {
      std::string row = fmt::format("{:<30}", fmt::format("{} {}", name, words));
      bool any = kind == AmountKind::cash;
      for (const auto& c : columns) {
        const std::string text = total_text(c.evaluation, period, kind);
        any = any || text != "0";
        row += fmt::format(" {:>14}", text);
      }
      if (any) out += row + "\n";
    }
  for (const auto& c : columns)
    if (!c.evaluation.in_force) out += fmt::format("{}: not in force on {}\n", printable(c.name), c.evaluation.as_of.to_string());
  if (std::any_of(columns.begin(), columns.end(), [](const Column& c) { return c.evaluation.is_draft(); }))
    out += "* a draft (征求意见稿), not in force as law\n";
  out += "✓ a service or benefit without a figure; ? undetermined (facts missing); ≥ at least (不低于);\n"
         "(…) discretionary (有条件的地方可); 实物 in kind, the value of what is given\n";
  return out;
}

// Each column is the object `fuzhu eval --format json` prints, with the
// policy's name first.
std::string json_of(const std::vector<Column>& columns) {
  detail::Json out = detail::Json::array();
  for (const auto& c : columns) {
    detail::Json row = detail::Json::object();
    row["name"] = c.name;
    detail::Json evaluation = detail::evaluation_json(c.evaluation);
    row.append(std::move(evaluation));
    out.push_back(std::move(row));
  }
  return out.dump(2) + "\n";
}

}  // namespace

int run_compare(const std::string& facts_path, const std::vector<std::string>& policies, const std::string& as_of_text,
                const std::string& format) {
  auto as_of = parse_as_of(as_of_text);
  if (!as_of) return exit_usage;
  std::vector<Policy> compiled;
  for (const auto& path : policies) {
    auto policy = compile_or_report(path);
    if (!policy) return exit_failed;
    compiled.push_back(*policy);
  }
  // One family read by every policy: one fact must mean one thing to all.
  if (!facts_agree(compiled)) return exit_failed;
  std::vector<Column> columns;
  for (std::size_t i = 0; i < compiled.size(); ++i) {
    EvalOptions options;
    options.assume_in_jurisdiction = true;
    auto evaluation = evaluate_or_report(compiled[i], facts_path, *as_of, options);
    if (!evaluation) return exit_failed;
    columns.push_back({std::filesystem::path(policies[i]).stem().string(), std::move(*evaluation)});
  }
  std::cout << (format == "json" ? json_of(columns) : text(columns));
  return exit_ok;
}

namespace {

const RegisterCommand compare_command{40, [](CLI::App& app) {
  struct Options {
    std::string facts, as_of, format = "text";
    std::vector<std::string> policies;
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("compare", "one family against several policies, side by side");
  sub->add_option("facts", o->facts, "the family's facts, as JSON")->required();
  sub->add_option("policies", o->policies, "the .policy files")->required();
  sub->add_option("--as-of", o->as_of, "evaluation date YYYY-MM-DD (default: today)");
  sub->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [sub, o] { return *sub ? run_compare(o->facts, o->policies, o->as_of, o->format) : -1; };
}};

}  // namespace

}  // namespace fuzhu::cli
