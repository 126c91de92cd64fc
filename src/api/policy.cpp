// The embedding API: compile (load, check, compile), read facts, evaluate.
#include <stdexcept>

#include <fmt/format.h>

#include "check/checker.hpp"
#include "compile/policy.hpp"
#include "eval/evaluate.hpp"
#include "eval/memory_pool.hpp"
#include "files/read_file.hpp"
#include "fuzhu/policy.hpp"
#include "io/facts.hpp"
#include "limits.hpp"
#include "api/internal.hpp"

namespace fuzhu {

Policy::Policy(std::shared_ptr<const detail::CompiledPolicy> compiled)
    : compiled_(std::move(compiled)), memory_(std::make_shared<detail::MemoryPool>(compiled_)) {}

CompileResult Policy::compile_string(std::string_view source, std::string name, const CompileOptions& options) {
  CompileResult result;
  LoadOptions load{options.include_dirs, options.use_roots, options.allow_use_anywhere};
  if (!options.policies_dir.empty()) load.include_dirs.push_back(options.policies_dir);
  auto program = load_and_check(std::move(name), std::string(source), load, result.diagnostics);
  if (has_errors(result.diagnostics)) return result;
  result.policy = detail::Access::make_policy(detail::compile(std::move(program)));
  return result;
}

CompileResult Policy::compile_file(const std::filesystem::path& file, const CompileOptions& options) {
  auto fail = [&](Diag code, std::string message) {
    CompileResult result;
    Diagnostic d = make_diagnostic(code, std::move(message));
    d.file = file.string();
    result.diagnostics.push_back(std::move(d));
    return result;
  };
  auto read = files::read_file(file, limits::max_policy_bytes);
  switch (read.status) {
    case files::ReadStatus::ok: return compile_string(read.text, file.string(), options);
    case files::ReadStatus::not_found: return fail(Diag::no_such_file, "no such file");
    case files::ReadStatus::is_directory:
    case files::ReadStatus::not_regular:
      return fail(Diag::not_a_regular_file, files::describe(read, limits::max_policy_bytes));
    case files::ReadStatus::too_large:
      return fail(Diag::policy_too_large,
                  read.size_reported
                      ? fmt::format("the file is {} bytes; a policy may be at most {} bytes", read.size, limits::max_policy_bytes)
                      : fmt::format("the file is larger than {} bytes, the most a policy may be", limits::max_policy_bytes));
    case files::ReadStatus::cannot_read: break;
  }
  return fail(Diag::cannot_read, files::describe(read, limits::max_policy_bytes));
}

const PolicyInfo& Policy::info() const { return compiled_->info; }

Facts Policy::new_facts() const { return Facts(compiled_->schema); }

FactsResult Policy::read_facts(std::string_view json) const {
  return detail::read_facts_json(compiled_->schema, json, "");  // no file: the path says where
}

EvalResult Policy::evaluate(const Facts& facts, const Date& as_of, const EvalOptions& options) const {
  EvalResult result = detail::evaluate(*compiled_, detail::data_of(facts), as_of, options, *memory_);
  // The Evaluation's string_views point into the compiled policy: it keeps
  // the policy alive for as long as it lives (fuzhu/result.hpp, "lifetimes").
  if (result.evaluation) result.evaluation->keeps_policy_alive = compiled_;
  return result;
}

// ------------------------------------------------------------ names of indices
// An index Decisions never gives is the host's bug: say which call, which
// index and what would have been valid.
namespace {

[[noreturn]] void no_such(std::string_view call, int index, std::string_view valid) {
  throw std::out_of_range(fmt::format("fuzhu::Policy::{}({}): no such index; {}", call, index, valid));
}

std::size_t checked(std::string_view call, int index, std::size_t count, std::string_view what) {
  if (index < 0 || static_cast<std::size_t>(index) >= count)
    no_such(call, index, count == 0 ? fmt::format("there are no {}", what)
                                    : fmt::format("{} {} are numbered 0 to {}", count, what, count - 1));
  return static_cast<std::size_t>(index);
}

}  // namespace

int Policy::benefit_count() const { return static_cast<int>(compiled_->benefits.size()); }

const std::string& Policy::benefit_id(int benefit) const {
  return compiled_->benefits[checked("benefit_id", benefit, compiled_->benefits.size(), "benefits")].id;
}

const std::string& Policy::recipient_name(int recipient) const {
  // Recipients are the household and the roots the schema gives role parent
  // or member (mother, father, child).
  const detail::Schema& s = *compiled_->schema;
  auto receives = [&](int root) {
    return root == -1 || (root >= 0 && static_cast<std::size_t>(root) < s.roots.size() &&
                          (s.roots[static_cast<std::size_t>(root)].parent ||
                           s.roots[static_cast<std::size_t>(root)].member));
  };
  if (!receives(recipient)) {
    std::string valid = "recipients are -1 (household)";
    for (int root = 0; static_cast<std::size_t>(root) < s.roots.size(); ++root)
      if (receives(root)) valid += fmt::format(", {} ({})", root, s.recipient_name(root));
    no_such("recipient_name", recipient, valid);
  }
  return s.recipient_name(recipient);
}

const std::string& Policy::benefit_title(int benefit) const {
  return compiled_->benefits[checked("benefit_title", benefit, compiled_->benefits.size(), "benefits")].title;
}

std::optional<Period> Policy::benefit_period(int benefit) const {
  return compiled_->benefits[checked("benefit_period", benefit, compiled_->benefits.size(), "benefits")].period;
}

AmountKind Policy::benefit_kind(int benefit) const {
  const detail::CompiledBenefit& b =
      compiled_->benefits[checked("benefit_kind", benefit, compiled_->benefits.size(), "benefits")];
  return amount_kind(b.in_kind, b.minimum, b.discretionary);
}

int Policy::payer_count(int benefit) const {
  return static_cast<int>(
      compiled_->benefits[checked("payer_count", benefit, compiled_->benefits.size(), "benefits")].payers.size());
}

const std::string& Policy::payer_name(int benefit, int payer) const {
  const auto& b = compiled_->benefits[checked("payer_name", benefit, compiled_->benefits.size(), "benefits")];
  if (payer < 0 || static_cast<std::size_t>(payer) >= b.payers.size())
    throw std::out_of_range(fmt::format("fuzhu::Policy::payer_name({}, {}): no such payer; benefit {} ({}) has {}",
                                        benefit, payer, benefit, b.id,
                                        b.payers.empty() ? std::string("none")
                                                         : fmt::format("{}, numbered 0 to {}", b.payers.size(),
                                                                       b.payers.size() - 1)));
  return b.payers[static_cast<std::size_t>(payer)].name;
}

const FactsSchema& Policy::schema() const { return compiled_->facts_schema; }

int Policy::fact_count() const { return compiled_->schema->slot_count; }

const std::string& Policy::fact_path(int fact) const {
  const detail::Schema& s = *compiled_->schema;
  return s.slot_paths[checked("fact_path", fact, s.slot_paths.size(), "facts")];
}

}  // namespace fuzhu
