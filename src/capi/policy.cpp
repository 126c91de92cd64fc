// Compiling a policy through the C ABI, and the names of its indices.
#include <cstdlib>
#include <cstring>

#include "capi/handles.hpp"

namespace {

std::string day(const std::optional<fuzhu::Date>& date) { return date ? date->to_string() : std::string(); }

}  // namespace

fuzhu_policy::fuzhu_policy(fuzhu::Policy compiled)
    : policy(std::move(compiled)),
      issued(day(policy.info().issued)),
      in_force_from(day(policy.info().in_force_from)),
      in_force_to(day(policy.info().in_force_to)) {}

namespace {

using fuzhu::capi::fail;
using fuzhu::capi::guarded;

fuzhu::CompileOptions compile_options(const fuzhu_compile_options* c) {
  fuzhu::CompileOptions options;
  if (c == nullptr) return options;
  for (std::size_t i = 0; i < c->include_dir_count; ++i)
    if (c->include_dirs != nullptr && c->include_dirs[i] != nullptr) options.include_dirs.emplace_back(c->include_dirs[i]);
  if (c->policies_dir != nullptr) options.policies_dir = c->policies_dir;
  return options;
}

// Hands out the compiled policy (or nothing) and the diagnostics.
fuzhu_status hand_out(fuzhu::CompileResult result, fuzhu_policy** policy, fuzhu_diagnostics** diagnostics) {
  std::size_t errors = 0;
  for (const auto& d : result.diagnostics) errors += d.severity == fuzhu::Severity::error ? 1 : 0;
  std::string first = errors > 0 ? result.diagnostics.front().render() : std::string();
  bool compiled = result.ok();
  if (compiled) *policy = new fuzhu_policy(std::move(*result.policy));
  if (!fuzhu::capi::hand_out(std::move(result.diagnostics), diagnostics)) {
    fuzhu_policy_free(*policy);
    *policy = nullptr;
    return FUZHU_ERROR_MEMORY;
  }
  if (compiled) return FUZHU_OK;
  return fail(FUZHU_ERROR_COMPILE, std::to_string(errors) + " error(s) in the policy; the first: " + first);
}

// An index the policy refuses: NULL (or -1) and the reason in fuzhu_last_error().
template <typename T, typename Lookup>
T checked(const char* function, const fuzhu_policy* policy, T refused, Lookup lookup) noexcept {
  if (policy == nullptr) {
    fail(FUZHU_ERROR_ARGUMENT, function, "the policy is NULL");
    return refused;
  }
  try {
    return lookup(policy->policy);
  } catch (const std::out_of_range& e) {
    fail(FUZHU_ERROR_ARGUMENT, e.what());
  } catch (...) {
    fail(FUZHU_ERROR_MEMORY, function, "out of memory");
  }
  return refused;
}

}  // namespace

extern "C" {

fuzhu_status fuzhu_policy_compile_file(const char* path, const fuzhu_compile_options* options, fuzhu_policy** policy,
                                       fuzhu_diagnostics** diagnostics) {
  return guarded("fuzhu_policy_compile_file", [&] {
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (policy == nullptr) return fail(FUZHU_ERROR_ARGUMENT, "fuzhu_policy_compile_file: `policy` is NULL");
    *policy = nullptr;
    if (path == nullptr) return fail(FUZHU_ERROR_ARGUMENT, "fuzhu_policy_compile_file: `path` is NULL");
    return hand_out(fuzhu::Policy::compile_file(path, compile_options(options)), policy, diagnostics);
  });
}

fuzhu_status fuzhu_policy_compile_string(const char* text, size_t length, const char* name,
                                         const fuzhu_compile_options* options, fuzhu_policy** policy,
                                         fuzhu_diagnostics** diagnostics) {
  return guarded("fuzhu_policy_compile_string", [&] {
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (policy == nullptr) return fail(FUZHU_ERROR_ARGUMENT, "fuzhu_policy_compile_string: `policy` is NULL");
    *policy = nullptr;
    if (text == nullptr && length > 0)
      return fail(FUZHU_ERROR_ARGUMENT, "fuzhu_policy_compile_string: `text` is NULL");
    std::string_view source(text == nullptr ? "" : text, length);
    return hand_out(fuzhu::Policy::compile_string(source, name == nullptr ? "policy" : name, compile_options(options)),
                    policy, diagnostics);
  });
}

void fuzhu_policy_free(fuzhu_policy* policy) { delete policy; }

const char* fuzhu_policy_info(const fuzhu_policy* policy, const char* field) {
  if (policy == nullptr || field == nullptr) return nullptr;
  const fuzhu::PolicyInfo& info = policy->policy.info();
  std::string_view f(field);
  if (f == "title") return info.title.c_str();
  if (f == "document") return info.document.c_str();
  if (f == "issuer") return info.issuer.c_str();
  if (f == "jurisdiction") return info.jurisdiction.c_str();
  if (f == "status") return info.status.c_str();
  if (f == "file") return info.file.c_str();
  if (f == "issued") return policy->issued.c_str();
  if (f == "in_force_from") return policy->in_force_from.c_str();
  if (f == "in_force_to") return policy->in_force_to.c_str();
  if (f == "in_force_period") return info.in_force_period.c_str();
  if (f == "fingerprint") return policy->policy.schema().fingerprint.c_str();
  return nullptr;
}

int32_t fuzhu_policy_benefit_count(const fuzhu_policy* policy) {
  return checked("fuzhu_policy_benefit_count", policy, -1, [](const fuzhu::Policy& p) { return p.benefit_count(); });
}

const char* fuzhu_policy_benefit_id(const fuzhu_policy* policy, int32_t benefit) {
  return checked("fuzhu_policy_benefit_id", policy, static_cast<const char*>(nullptr),
                 [&](const fuzhu::Policy& p) { return p.benefit_id(benefit).c_str(); });
}

const char* fuzhu_policy_benefit_title(const fuzhu_policy* policy, int32_t benefit) {
  return checked("fuzhu_policy_benefit_title", policy, static_cast<const char*>(nullptr),
                 [&](const fuzhu::Policy& p) { return p.benefit_title(benefit).c_str(); });
}

fuzhu_period fuzhu_policy_benefit_period(const fuzhu_policy* policy, int32_t benefit) {
  return checked("fuzhu_policy_benefit_period", policy, FUZHU_PERIOD_INVALID, [&](const fuzhu::Policy& p) {
    auto period = p.benefit_period(benefit);
    if (!period) return FUZHU_PERIOD_NONE;
    switch (*period) {
      case fuzhu::Period::monthly: return FUZHU_PERIOD_MONTHLY;
      case fuzhu::Period::yearly: return FUZHU_PERIOD_YEARLY;
      case fuzhu::Period::once: return FUZHU_PERIOD_ONCE;
    }
    return FUZHU_PERIOD_INVALID;
  });
}

fuzhu_amount_kind fuzhu_policy_benefit_kind(const fuzhu_policy* policy, int32_t benefit) {
  return checked("fuzhu_policy_benefit_kind", policy, FUZHU_KIND_INVALID, [&](const fuzhu::Policy& p) {
    switch (p.benefit_kind(benefit)) {
      case fuzhu::AmountKind::cash: return FUZHU_KIND_CASH;
      case fuzhu::AmountKind::in_kind: return FUZHU_KIND_IN_KIND;
      case fuzhu::AmountKind::minimum: return FUZHU_KIND_MINIMUM;
      case fuzhu::AmountKind::discretionary: return FUZHU_KIND_DISCRETIONARY;
    }
    return FUZHU_KIND_INVALID;
  });
}

const char* fuzhu_policy_recipient_name(const fuzhu_policy* policy, int32_t recipient) {
  return checked("fuzhu_policy_recipient_name", policy, static_cast<const char*>(nullptr),
                 [&](const fuzhu::Policy& p) { return p.recipient_name(recipient).c_str(); });
}

int32_t fuzhu_policy_payer_count(const fuzhu_policy* policy, int32_t benefit) {
  return checked("fuzhu_policy_payer_count", policy, -1,
                 [&](const fuzhu::Policy& p) { return p.payer_count(benefit); });
}

const char* fuzhu_policy_payer_name(const fuzhu_policy* policy, int32_t benefit, int32_t payer) {
  return checked("fuzhu_policy_payer_name", policy, static_cast<const char*>(nullptr),
                 [&](const fuzhu::Policy& p) { return p.payer_name(benefit, payer).c_str(); });
}

int32_t fuzhu_policy_fact_count(const fuzhu_policy* policy) {
  return checked("fuzhu_policy_fact_count", policy, -1, [](const fuzhu::Policy& p) { return p.fact_count(); });
}

const char* fuzhu_policy_fact_path(const fuzhu_policy* policy, int32_t fact) {
  return checked("fuzhu_policy_fact_path", policy, static_cast<const char*>(nullptr),
                 [&](const fuzhu::Policy& p) { return p.fact_path(fact).c_str(); });
}

}  // extern "C"
