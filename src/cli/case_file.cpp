#include "cli/case_file.hpp"

#include <fmt/format.h>

#include "diagnostics/codes.hpp"
#include "syntax/printable.hpp"
#include "syntax/source.hpp"

namespace fuzhu::cli {

namespace {

using json = nlohmann::json;

bool strings_only(const json& list) {
  if (!list.is_array()) return false;
  for (const auto& x : list)
    if (!x.is_string()) return false;
  return true;
}

// What is wrong with one case, or "".
std::string case_problem(const json& c) {
  if (!c.is_object()) return "is not an object";
  if (c.contains("name") && !c["name"].is_string()) return "has a \"name\" that is not a string";
  if (!c.contains("as_of") || !c["as_of"].is_string()) return "needs \"as_of\", the evaluation date as a string \"YYYY-MM-DD\"";
  if (c.contains("facts") && !c["facts"].is_object()) return "has \"facts\" that are not an object";
  if (c.contains("error") && !c["error"].is_string()) return "has an \"error\" that is not a string";
  if (c.contains("in_force") && !c["in_force"].is_boolean()) return "has an \"in_force\" that is not true or false";
  if (c.contains("in_jurisdiction") && !c["in_jurisdiction"].is_boolean() && !c["in_jurisdiction"].is_null())
    return "has an \"in_jurisdiction\" that is not true, false or null";
  for (const char* list : {"entitlements", "includes", "excludes", "undetermined", "needs"})
    if (c.contains(list) && !strings_only(c[list])) return fmt::format("has \"{}\" that is not a list of strings", list);
  return "";
}

std::string file_problem(const json& suite) {
  if (!suite.is_object()) return "a case file is a JSON object with \"policy\" and \"cases\"";
  if (!suite.contains("policy") || !suite["policy"].is_string())
    return "\"policy\" is missing or not a string: it names the policy file, relative to this file";
  if (!suite.contains("cases") || !suite["cases"].is_array()) return "\"cases\" is missing or not a list of cases";
  const json& cases = suite["cases"];
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (std::string problem = case_problem(cases[i]); !problem.empty()) {
      const json& c = cases[i];
      const std::string name = c.is_object() && c.contains("name") && c["name"].is_string()
                                   ? " " + quoted_value(c["name"].get<std::string>())
                                   : "";
      return fmt::format("case {}{} {}", i + 1, name, problem);
    }
  return "";
}

}  // namespace

std::optional<json> read_case_file(const std::string& path, const std::string& text, Diagnostic& problem) {
  json suite = json::parse(text, nullptr, false);
  if (suite.is_discarded()) {
    // Parsed again for where: the exception's byte, not its wording.
    SourceSet sources;
    const int file = sources.add(path, text);
    std::size_t at = 0;
    try {
      const json ignored = json::parse(text);
    } catch (const json::parse_error& e) {
      at = e.byte > 0 ? e.byte - 1 : 0;
    }
    problem = sources.diagnose(Diag::not_a_case_file, Loc{file, static_cast<std::uint32_t>(std::min(at, text.size()))},
                               "not a case file: this is not JSON");
    problem.source_line.clear();  // the file may be anything: its lines are not shown
    return std::nullopt;
  }
  if (std::string what = file_problem(suite); !what.empty()) {
    problem = make_diagnostic(Diag::not_a_case_file, "not a case file: " + what);
    problem.file = path;
    return std::nullopt;
  }
  return suite;
}

}  // namespace fuzhu::cli
