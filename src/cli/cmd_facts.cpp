// fuzhu facts POLICY [--all] [--format text|json-schema]: the facts a policy
// reads (or, with --all, every fact of its schema), with path, type, allowed
// values and their labels, Chinese label and the file that declared each; as
// text in the schema's own notation, or as a JSON Schema (draft 2020-12) a
// records system can export against.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/common.hpp"

namespace fuzhu::cli {

namespace {

using ordered_json = nlohmann::ordered_json;

bool shown(const FactInfo& fact, bool all) { return all || fact.read; }

bool root_shown(const FactsSchema& s, const FactRootInfo& root, bool all) {
  for (int i = root.first_fact; i < root.first_fact + root.fact_count; ++i)
    if (shown(s.facts[static_cast<std::size_t>(i)], all)) return true;
  return false;
}

std::string quoted(const std::string& label) { return label.empty() ? "" : fmt::format(" \"{}\"", label); }

std::string roles_text(const std::vector<std::string>& roles) {
  return roles.empty() ? "" : fmt::format(" role {}", fmt::join(roles, ", "));
}

std::string where(const Declaration& d) { return fmt::format("{}:{}", d.file, d.line); }

// A fact as the schema would declare it: `child.status: enum { deceased "死亡",
// … } "子女状况" role deceased_when deceased`, then where it was declared.
std::string fact_line(const FactInfo& f) {
  std::string type = f.type_text;
  if (f.type == FactType::enumeration) {
    std::vector<std::string> values;
    for (const auto& c : f.choices) values.push_back(c.name + quoted(c.label));
    type = fmt::format("enum {{ {} }}", fmt::join(values, ", "));
  }
  return fmt::format("  {}: {}{}{}{}   # {}{}\n", f.path, type, quoted(f.label),
                     f.default_value ? " = " + *f.default_value : "", roles_text(f.roles), where(f.declared),
                     f.added ? ", added by the policy" : "");
}

std::string text(const Policy& policy, bool all) {
  const FactsSchema& s = policy.schema();
  std::size_t read = 0;
  for (const auto& f : s.facts) read += f.read;
  std::string out = all ? fmt::format("# every fact of the schema of {} ({} facts, {} read by the policy)\n",
                                      policy.info().file, s.facts.size(), read)
                        : fmt::format("# the {} facts {} reads (of {} in its schema; --all lists every one)\n", read,
                                      policy.info().file, s.facts.size());
  for (const auto& root : s.roots) {
    if (!root_shown(s, root, all)) continue;
    out += fmt::format("\n{}{}: {}{}{}   # {}\n", root.name, quoted(root.label), root.optional ? "optional " : "",
                       root.record + quoted(root.record_label), roles_text(root.roles), where(root.declared));
    for (int i = root.first_fact; i < root.first_fact + root.fact_count; ++i) {
      const FactInfo& f = s.facts[static_cast<std::size_t>(i)];
      if (shown(f, all)) out += fact_line(f);
    }
  }
  return out;
}

// ------------------------------------------------------------ JSON Schema

ordered_json value_of(const FactInfo& f, const std::string& text) {
  switch (f.type) {
    case FactType::boolean: return text == "true";
    case FactType::integer: return std::stoll(text);
    case FactType::money: return ordered_json::parse(text);  // "490.50": a JSON number, exact as written
    default: return text;
  }
}

// Annotations a validator ignores and a records system may read.
void annotate(ordered_json& out, const Declaration& declared, const std::vector<std::string>& roles, bool added) {
  out["x-fuzhu-declared-in"] = where(declared);
  if (!roles.empty()) out["x-fuzhu-roles"] = roles;
  if (added) out["x-fuzhu-added-by-policy"] = true;
}

ordered_json fact_schema(const FactInfo& f) {
  ordered_json out;
  if (!f.label.empty()) out["title"] = f.label;
  out["description"] = fmt::format("{}: {}", f.path, f.type_text);
  switch (f.type) {
    case FactType::boolean: out["type"] = "boolean"; break;
    case FactType::integer:
      out["type"] = "integer";
      if (f.min) out["minimum"] = *f.min;
      if (f.max) out["maximum"] = *f.max;
      break;
    case FactType::money:
      // Yuan with at most two decimals (facts.md); a float multipleOf would
      // misjudge 0.07, so the readers check the decimals.
      out["type"] = "number";
      out["description"] = fmt::format("{}: money in yuan, at most two decimals", f.path);
      break;
    case FactType::date:
      out["type"] = "string";
      out["format"] = "date";
      out["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
      break;
    case FactType::string: out["type"] = "string"; break;
    case FactType::enumeration: {
      out["type"] = "string";
      ordered_json choices = ordered_json::array();
      for (const auto& c : f.choices) {
        ordered_json choice{{"const", c.name}};
        if (!c.label.empty()) choice["title"] = c.label;
        choices.push_back(std::move(choice));
      }
      out["oneOf"] = std::move(choices);
      break;
    }
  }
  if (f.default_value) out["default"] = value_of(f, *f.default_value);
  annotate(out, f.declared, f.roles, f.added);
  return out;
}

std::string json_schema(const Policy& policy, bool all) {
  const FactsSchema& s = policy.schema();
  ordered_json out;
  out["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  out["$id"] = "urn:fuzhu:facts:" + s.fingerprint;
  out["title"] = policy.info().title.empty() ? "family facts" : policy.info().title;
  out["description"] = fmt::format(
      "One family's facts for {} ({}). A fact left out is unknown; an optional person left out, or null, does not "
      "exist. Fields this schema does not list are allowed (a warning when read).",
      policy.info().file, all ? "every fact of its schema" : "the facts the policy reads");
  out["type"] = "object";
  ordered_json properties = ordered_json::object();
  for (const auto& root : s.roots) {
    if (!root_shown(s, root, all)) continue;
    ordered_json r;
    if (!root.label.empty()) r["title"] = root.label;
    r["description"] = root.record + quoted(root.record_label) + (root.optional ? ", optional: null or absent when there is none" : "");
    r["type"] = root.optional ? ordered_json::array({"object", "null"}) : ordered_json("object");
    ordered_json fields = ordered_json::object();
    for (int i = root.first_fact; i < root.first_fact + root.fact_count; ++i) {
      const FactInfo& f = s.facts[static_cast<std::size_t>(i)];
      if (shown(f, all)) fields[f.field] = fact_schema(f);
    }
    r["properties"] = std::move(fields);
    r["additionalProperties"] = true;
    annotate(r, root.declared, root.roles, root.added);
    properties[root.name] = std::move(r);
  }
  out["properties"] = std::move(properties);
  out["additionalProperties"] = true;
  out["x-fuzhu-fingerprint"] = s.fingerprint;
  return out.dump(2) + "\n";
}

int run_facts(const std::string& path, bool all, const std::string& format) {
  auto policy = compile_or_report(path);
  if (!policy) return exit_failed;
  std::cout << (format == "json-schema" ? json_schema(*policy, all) : text(*policy, all));
  return exit_ok;
}

const RegisterCommand facts_command{45, [](CLI::App& app) {
  struct Options {
    std::string policy, format = "text";
    bool all = false;
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("facts", "the facts a policy reads: path, type, values, label, declaring file");
  sub->add_option("policy", o->policy, "the .policy file")->required();
  sub->add_flag("--all", o->all, "every fact of the policy's schema, not only those it reads");
  sub->add_option("--format", o->format, "text, or json-schema (JSON Schema draft 2020-12)")
      ->check(CLI::IsMember({"text", "json-schema"}));
  return [sub, o] { return *sub ? run_facts(o->policy, o->all, o->format) : -1; };
}};

}  // namespace

}  // namespace fuzhu::cli
