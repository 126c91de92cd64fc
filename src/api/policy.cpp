// The embedding API: compile (load, check, compile), read facts, evaluate.
#include <fstream>
#include <stdexcept>
#include <sstream>

#include <fmt/format.h>

#include "check/checker.hpp"
#include "compile/compiled.hpp"
#include "eval/evaluate.hpp"
#include "fuzhu/policy.hpp"
#include "io/facts.hpp"
#include "limits.hpp"

namespace fuzhu {

Policy::Policy(std::shared_ptr<const detail::CompiledPolicy> compiled) : compiled_(std::move(compiled)) {}

CompileResult Policy::compile_string(std::string_view source, std::string name, const CompileOptions& options) {
  CompileResult result;
  LoadOptions load{options.include_dirs};
  if (!options.policies_dir.empty()) load.include_dirs.push_back(options.policies_dir);
  auto program = load_and_check(std::move(name), std::string(source), load, result.diagnostics);
  if (has_errors(result.diagnostics)) return result;
  result.policy = detail::CompiledPolicy::make_policy(detail::compile(std::move(program)));
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
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return fail(Diag::no_such_file, "no such file");
  if (!std::filesystem::is_regular_file(file, ec)) return fail(Diag::not_a_regular_file, "not a regular file");
  auto size = std::filesystem::file_size(file, ec);
  if (ec) return fail(Diag::cannot_read, "cannot read the file");
  if (size > limits::max_policy_bytes)
    return fail(Diag::policy_too_large,
                fmt::format("the file is {} bytes; a policy may be at most {} bytes", size, limits::max_policy_bytes));
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return fail(Diag::cannot_read, "cannot read the file");
  return compile_string(text.str(), file.string(), options);
}

const PolicyInfo& Policy::info() const { return compiled_->info; }

Facts Policy::new_facts() const { return Facts(compiled_->schema); }

FactsResult Policy::read_facts(std::string_view json) const {
  return detail::read_facts_json(compiled_->schema, json, "");  // no file: the path says where
}

EvalResult Policy::evaluate(const Facts& facts, const Date& as_of, const EvalOptions& options) const {
  return detail::evaluate(*compiled_, facts.data(), as_of, options);
}

int Policy::benefit_count() const { return static_cast<int>(compiled_->benefits.size()); }

const std::string& Policy::benefit_id(int benefit) const {
  return compiled_->benefits.at(static_cast<std::size_t>(benefit)).source->id;
}

const std::string& Policy::recipient_name(int recipient) const {
  if (recipient >= static_cast<int>(compiled_->schema->roots.size())) throw std::out_of_range("no such recipient");
  return compiled_->schema->recipient_name(recipient);
}

const std::string& Policy::payer_name(int benefit, int payer) const {
  return compiled_->benefits.at(static_cast<std::size_t>(benefit)).payers.at(static_cast<std::size_t>(payer)).name;
}

const FactsSchema& Policy::schema() const { return compiled_->facts_schema; }

const std::string& Policy::fact_path(int fact) const {
  return compiled_->schema->slot_paths.at(static_cast<std::size_t>(fact));
}

}  // namespace fuzhu
