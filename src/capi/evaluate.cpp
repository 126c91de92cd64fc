// Evaluating a family given as JSON through the C ABI: the object of
// `fuzhu eval --format json`, byte for byte (the same to_json).
#include <cstdlib>
#include <cstring>

#include "capi/handles.hpp"

namespace fuzhu::capi {

char* copy_out(std::string_view text) noexcept {
  auto* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out == nullptr) return nullptr;
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return out;
}

std::optional<EvalOptions> eval_options(const char* function, const fuzhu_eval_options* options) {
  EvalOptions out;
  if (options == nullptr) return out;
  out.explain = options->explain != 0;
  out.assume_in_jurisdiction = options->assume_in_jurisdiction != 0;
  if (options->lang != nullptr) {
    auto lang = parse_lang(options->lang);
    if (!lang) {
      fail(FUZHU_ERROR_ARGUMENT, function, std::string("lang \"") + options->lang + "\" is not \"zh\" or \"en\"");
      return std::nullopt;
    }
    out.lang = *lang;
  }
  return out;
}

}  // namespace fuzhu::capi

namespace {

using fuzhu::capi::fail;

// The first error's rendering, for fuzhu_last_error().
std::string first_error(const std::vector<fuzhu::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == fuzhu::Severity::error) return d.render();
  return "no diagnostic";
}

}  // namespace

extern "C" {

fuzhu_status fuzhu_evaluate_json(const fuzhu_policy* policy, const char* facts_json, size_t length, const char* as_of,
                                 const fuzhu_eval_options* options, char** result, size_t* result_length,
                                 fuzhu_diagnostics** diagnostics) {
  constexpr const char* function = "fuzhu_evaluate_json";
  return fuzhu::capi::guarded(function, [&] {
    if (result != nullptr) *result = nullptr;
    if (result_length != nullptr) *result_length = 0;
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (policy == nullptr) return fail(FUZHU_ERROR_ARGUMENT, function, "the policy is NULL");
    if (result == nullptr) return fail(FUZHU_ERROR_ARGUMENT, function, "`result` is NULL");
    if (facts_json == nullptr && length > 0) return fail(FUZHU_ERROR_ARGUMENT, function, "`facts_json` is NULL");
    auto date = fuzhu::capi::as_of_date(function, as_of);
    if (!date) return FUZHU_ERROR_ARGUMENT;
    auto evaluation_options = fuzhu::capi::eval_options(function, options);
    if (!evaluation_options) return FUZHU_ERROR_ARGUMENT;

    fuzhu::FactsResult facts = policy->policy.read_facts(std::string_view(facts_json == nullptr ? "" : facts_json, length));
    std::vector<fuzhu::Diagnostic> said = std::move(facts.diagnostics);
    if (!facts.ok()) {
      std::string why = first_error(said);
      if (!fuzhu::capi::hand_out(std::move(said), diagnostics)) return FUZHU_ERROR_MEMORY;
      return fail(FUZHU_ERROR_FACTS, why);
    }
    fuzhu::EvalResult evaluated = policy->policy.evaluate(*facts.facts, *date, *evaluation_options);
    said.insert(said.end(), evaluated.errors.begin(), evaluated.errors.end());
    if (!evaluated.ok()) {
      std::string why = first_error(said);
      if (!fuzhu::capi::hand_out(std::move(said), diagnostics)) return FUZHU_ERROR_MEMORY;
      return fail(FUZHU_ERROR_EVALUATION, why);
    }
    std::string json = fuzhu::to_json(*evaluated.evaluation);
    *result = fuzhu::capi::copy_out(json);
    if (*result == nullptr || !fuzhu::capi::hand_out(std::move(said), diagnostics)) {
      std::free(*result);
      *result = nullptr;
      return fail(FUZHU_ERROR_MEMORY, function, "out of memory for the result");
    }
    if (result_length != nullptr) *result_length = json.size();
    return FUZHU_OK;
  });
}

}  // extern "C"
