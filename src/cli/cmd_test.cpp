// fuzhu test [PATH...]: runs policy test cases (docs/policy-tests.md).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/case_file.hpp"
#include "cli/command.hpp"
#include "cli/common.hpp"
#include "cli/failure_rules.hpp"
#include "syntax/printable.hpp"

namespace fuzhu::cli {

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

std::string row_of(const Entitlement& e) {
  return fmt::format("{} {} {}", e.benefit, e.recipient, e.amount ? e.amount->to_string() : "-");
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string word;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) out.push_back(std::move(word)), word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// "special_allowance mother 490" → the canonical row, normalising "490.00".
std::string canonical(const std::string& expected) {
  auto w = words(expected);
  if (w.size() == 3 && w[2] != "-")
    if (auto m = Money::parse(w[2])) w[2] = m->to_string();
  std::string out;
  for (const auto& x : w) out += (out.empty() ? "" : " ") + x;
  return out;
}

bool row_matches(const std::string& pattern, const Entitlement& e) {
  auto w = words(canonical(pattern));
  if (w.empty() || w[0] != e.benefit) return false;
  if (w.size() > 1 && w[1] != e.recipient) return false;
  if (w.size() > 2 && w[2] != (e.amount ? e.amount->to_string() : "-")) return false;
  return true;
}

std::vector<std::string> strings(const json& j) {
  std::vector<std::string> out;
  for (const auto& x : j) out.push_back(x.get<std::string>());
  return out;
}

class CaseRunner {
 public:
  // Returns the failures of one case; empty when it passes.
  std::vector<std::string> run(const Policy& policy, const json& c) {
    failures_.clear();
    auto as_of = Date::parse(c.at("as_of").get<std::string>());
    if (!as_of) return {"as_of is not a date (YYYY-MM-DD)"};
    auto facts = policy.read_facts(c.value("facts", json::object()).dump(-1, ' ', false, json::error_handler_t::replace));
    std::string expected_error = c.value("error", "");
    if (!facts.ok()) {
      expect_error(expected_error, render_all(facts.diagnostics));
      return failures_;
    }
    auto result = policy.evaluate(*facts.facts, *as_of);
    if (!result.ok()) {
      expect_error(expected_error, render_all(result.errors));
      return failures_;
    }
    if (!expected_error.empty()) fail(fmt::format("expected an error containing \"{}\", but the evaluation succeeded", expected_error));
    compare(c, *result.evaluation);
    return failures_;
  }

 private:
  std::vector<std::string> failures_;

  void fail(std::string message) { failures_.push_back(std::move(message)); }

  void expect_error(const std::string& expected, const std::string& actual) {
    if (expected.empty()) fail("unexpected error:\n" + actual);
    else if (actual.find(expected) == std::string::npos)
      fail(fmt::format("expected an error containing \"{}\", got:\n{}", expected, actual));
  }

  void compare(const json& c, const Evaluation& e) {
    if (c.contains("in_force") && c["in_force"].get<bool>() != e.in_force)
      fail(fmt::format("in_force: expected {}, got {}", c["in_force"].dump(), e.in_force));
    if (c.contains("in_jurisdiction")) {
      json actual = e.in_jurisdiction ? json(*e.in_jurisdiction) : json(nullptr);
      if (actual != c["in_jurisdiction"])
        fail(fmt::format("in_jurisdiction: expected {}, got {}", c["in_jurisdiction"].dump(), actual.dump()));
    }
    if (c.contains("entitlements")) exact_entitlements(strings(c["entitlements"]), e);
    if (c.contains("includes"))
      for (const auto& want : strings(c["includes"]))
        if (std::none_of(e.entitlements.begin(), e.entitlements.end(), [&](const auto& x) { return row_matches(want, x); }))
          fail(fmt::format("missing: {}{}", want, near_misses(want, e)));
    if (c.contains("excludes"))
      for (const auto& unwanted : strings(c["excludes"]))
        for (const auto& x : e.entitlements)
          if (row_matches(unwanted, x)) fail(fmt::format("granted but should not be: {}", row_of(x)));
    if (c.contains("undetermined")) undetermined(strings(c["undetermined"]), e);
    if (c.contains("payers")) payers(c["payers"], e);
    if (c.contains("totals")) totals(c["totals"], e);
    if (c.contains("payers_needs")) payers_needs(c["payers_needs"], e);
    if (c.contains("needs")) {
      std::set<std::string> needed;
      for (const auto& u : e.undetermined)
        for (std::string_view need : u.needs) needed.emplace(need);
      for (const auto& want : strings(c["needs"]))
        if (!needed.count(want))
          fail(fmt::format("expected {} among the facts needed; needed: {}", want, fmt::join(needed, ", ")));
    }
  }

  // The entitlement "benefit recipient", or null after reporting it missing.
  const Entitlement* row_named(const std::string& key, const Evaluation& e) {
    auto w = words(key);
    if (w.size() != 2) {
      fail(fmt::format("payers: \"{}\" should name one row as \"benefit recipient\"", key));
      return nullptr;
    }
    for (const auto& x : e.entitlements)
      if (x.benefit == w[0] && x.recipient == w[1]) return &x;
    fail(fmt::format("payers: {} is not granted", key));
    return nullptr;
  }

  static std::string payers_of(const Entitlement& x) {
    if (x.payers_undetermined) return "undetermined";
    std::vector<std::string> parts;
    for (const auto& p : x.payers) parts.push_back(fmt::format("{} {}", p.name, p.amount ? p.amount->to_string() : "-"));
    return parts.empty() ? "none" : fmt::format("{}", fmt::join(parts, ", "));
  }

  // "payers": {"special_allowance mother": {"省级特别扶助资金": 390, "市财政": 40}}:
  // each row's complete list of payers with their shares ("-" or null for
  // a payer without a share); null for a split that is undetermined.
  void payers(const json& expected, const Evaluation& e) {
    for (const auto& [key, want] : expected.items()) {
      const Entitlement* x = row_named(key, e);
      if (!x) continue;
      std::multiset<std::string> wanted, got;
      if (!want.is_null())
        for (const auto& [name, amount] : want.items()) wanted.insert(name + " " + share_text(amount));
      for (const auto& p : x->payers) got.insert(fmt::format("{} {}", p.name, p.amount ? p.amount->to_string() : "-"));
      const bool same = want.is_null() ? x->payers_undetermined : (!x->payers_undetermined && wanted == got);
      if (!same)
        fail(fmt::format("payers of {}: expected {}, got {}", key,
                         want.is_null() ? "undetermined" : (wanted.empty() ? "none" : fmt::format("{}", fmt::join(wanted, ", "))),
                         payers_of(*x)));
    }
  }

  // "payers_needs": {"special_allowance mother": ["household.district_kind"]}
  void payers_needs(const json& expected, const Evaluation& e) {
    for (const auto& [key, want] : expected.items()) {
      const Entitlement* x = row_named(key, e);
      if (!x) continue;
      for (const auto& need : strings(want))
        if (std::find(x->payers_needs.begin(), x->payers_needs.end(), need) == x->payers_needs.end())
          fail(fmt::format("payers of {}: expected {} among the facts the split needs; it needs: {}", key, need,
                           x->payers_needs.empty() ? "nothing" : fmt::format("{}", fmt::join(x->payers_needs, ", "))));
    }
  }

  // "totals": {"yearly": {"cash": 600, "in_kind": 900}}: the totals named,
  // per period and kind of amount (the kinds are never added together).
  void totals(const json& expected, const Evaluation& e) {
    for (const auto& [period_name, kinds] : expected.items()) {
      std::optional<Period> period;
      for (Period p : {Period::monthly, Period::yearly, Period::once})
        if (period_name == to_string(p)) period = p;
      if (!period) {
        fail(fmt::format("totals: \"{}\" is not a period (monthly, yearly, once)", period_name));
        continue;
      }
      for (const auto& [kind_name, amount] : kinds.items()) {
        std::optional<AmountKind> kind;
        for (AmountKind k : {AmountKind::cash, AmountKind::in_kind, AmountKind::minimum, AmountKind::discretionary})
          if (kind_name == to_string(k)) kind = k;
        if (!kind) {
          fail(fmt::format("totals: \"{}\" is not a kind of amount (cash, in_kind, minimum, discretionary)", kind_name));
          continue;
        }
        auto got = total(e, *period, *kind);
        const std::string want = share_text(amount), have = got ? got->to_string() : "(too large)";
        if (want != have) fail(fmt::format("totals {} {}: expected {}, got {}", period_name, kind_name, want, have));
      }
    }
  }

  // 390, 40.5, "40.50", "-" or null → the canonical text of a share.
  static std::string share_text(const json& amount) {
    if (amount.is_null()) return "-";
    const std::string text = amount.is_string() ? amount.get<std::string>() : amount.dump();
    if (auto m = Money::parse(text)) return m->to_string();
    return text;
  }

  static std::string near_misses(const std::string& want, const Evaluation& e) {
    auto w = words(want);
    std::vector<std::string> same_benefit;
    for (const auto& x : e.entitlements)
      if (!w.empty() && x.benefit == w[0]) same_benefit.push_back(row_of(x));
    if (same_benefit.empty()) return "";
    return fmt::format("   (granted instead: {})", fmt::join(same_benefit, "; "));
  }

  void exact_entitlements(const std::vector<std::string>& expected, const Evaluation& e) {
    std::multiset<std::string> want, got;
    for (const auto& x : expected) want.insert(canonical(x));
    for (const auto& x : e.entitlements) got.insert(row_of(x));
    // Expected rows written without an amount match any amount.
    for (auto it = want.begin(); it != want.end();) {
      if (words(*it).size() < 3) {
        auto match = std::find_if(got.begin(), got.end(), [&](const std::string& g) { return g.rfind(*it + " ", 0) == 0; });
        if (match != got.end()) {
          got.erase(match);
          it = want.erase(it);
          continue;
        }
      }
      ++it;
    }
    for (const auto& w : want) {
      auto it = got.find(w);
      if (it != got.end()) got.erase(it);
      else fail("- expected: " + w);
    }
    for (const auto& g : got) fail("+ actual:   " + g);
  }

  void undetermined(const std::vector<std::string>& expected, const Evaluation& e) {
    bool with_recipients = std::any_of(expected.begin(), expected.end(), [](const auto& s) { return words(s).size() > 1; });
    std::multiset<std::string> want(expected.begin(), expected.end()), got;
    for (const auto& u : e.undetermined) {
      if (with_recipients)
        for (const auto& r : u.recipients) got.insert(fmt::format("{} {}", u.benefit, r));
      else
        got.emplace(u.benefit);
    }
    for (const auto& w : want) {
      auto it = got.find(w);
      if (it != got.end()) got.erase(it);
      else fail("- expected undetermined: " + w);
    }
    for (const auto& g : got) fail("+ actually undetermined: " + g);
  }
};

std::vector<fs::path> case_files(const std::vector<std::string>& paths, bool& missing) {
  std::vector<fs::path> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const auto& entry : fs::recursive_directory_iterator(p))
        if (entry.is_regular_file() && entry.path().string().ends_with(".cases.json")) out.push_back(entry.path());
    } else if (fs::is_regular_file(p, ec)) {
      out.push_back(p);
    } else {
      std::cerr << fmt::format("{}: error: no such file or folder\n", printable(p));
      missing = true;
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

int run_test(const std::vector<std::string>& paths) {
  bool missing = false;
  int passed = 0, failed = 0;
  std::map<std::string, std::optional<Policy>> policies;
  for (const auto& file : case_files(paths, missing)) {
    auto text = read_text_file(file.string(), std::size_t{16} << 20);
    if (!text) {
      ++failed;
      continue;
    }
    Diagnostic problem;
    auto suite = read_case_file(file.string(), *text, problem);
    if (!suite) {
      print_diagnostics({problem});
      ++failed;
      continue;
    }
    std::string policy_path = (file.parent_path() / (*suite)["policy"].get<std::string>()).lexically_normal().string();
    if (!policies.count(policy_path)) policies[policy_path] = compile_or_report(policy_path);
    const auto& policy = policies[policy_path];
    if (!policy) {
      std::cerr << fmt::format("{}: error: the policy {} does not compile\n", printable(file.string()), printable(policy_path));
      ++failed;
      continue;
    }
    CaseRunner runner;
    for (const auto& c : (*suite)["cases"]) {
      std::string name = c.value("name", "(unnamed)");
      auto failures = runner.run(*policy, c);
      if (failures.empty()) {
        ++passed;
        continue;
      }
      ++failed;
      std::cout << fmt::format("FAIL {}: {} (as of {})\n", printable(file.filename().string()), printable(name),
                               c["as_of"].get<std::string>());
      for (const auto& f : failures) std::cout << "     " << f << "\n";
      std::cout << rules_of_failures(*policy, failures);
    }
  }
  std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed || missing || passed == 0 ? exit_failed : exit_ok;
}

namespace {

const RegisterCommand test_command{30, [](CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto* sub = app.add_subcommand("test", "run policy test cases (*.cases.json)");
  sub->add_option("paths", *paths, "case files or folders (default: tests/cases)");
  return [sub, paths] {
    if (!*sub) return -1;
    return run_test(paths->empty() ? std::vector<std::string>{"tests/cases"} : *paths);
  };
}};

}  // namespace

}  // namespace fuzhu::cli
