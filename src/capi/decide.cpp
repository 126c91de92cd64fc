// Deciding families through the C ABI: fuzhu::Decider's decisions, by
// index, copied into C rows whose storage the decider reuses.
#include "capi/handles.hpp"

namespace {

using fuzhu::capi::fail;

void copy_rows(const fuzhu::Decisions& d, fuzhu_decider& out) {
  out.granted.clear();
  for (const auto& g : d.granted)
    out.granted.push_back(fuzhu_granted{g.benefit, g.recipient, g.fen ? 1 : 0, g.split_undetermined ? 1 : 0,
                                        g.fen.value_or(0), g.first_payer, g.payer_count, g.first_split_need,
                                        g.split_need_count});
  out.payers.clear();
  for (const auto& p : d.payers) out.payers.push_back(fuzhu_payer_share{p.payer, p.fen ? 1 : 0, p.fen.value_or(0)});
  out.undetermined.clear();
  for (const auto& u : d.undetermined)
    out.undetermined.push_back(fuzhu_undetermined{u.benefit, u.recipient, u.first_need, u.need_count, u.reason.c_str()});
  out.needs.assign(d.needs.begin(), d.needs.end());
  out.not_granted.assign(d.not_granted.begin(), d.not_granted.end());

  fuzhu_decisions& c = out.decisions;
  c.in_force = d.in_force ? 1 : 0;
  c.in_jurisdiction = d.in_jurisdiction ? (*d.in_jurisdiction ? 1 : 0) : -1;
  c.granted = out.granted.data();
  c.granted_count = out.granted.size();
  c.payers = out.payers.data();
  c.payer_count = out.payers.size();
  c.undetermined = out.undetermined.data();
  c.undetermined_count = out.undetermined.size();
  c.needs = out.needs.data();
  c.need_count = out.needs.size();
  c.not_granted = out.not_granted.data();
  c.not_granted_count = out.not_granted.size();
}

}  // namespace

extern "C" {

fuzhu_status fuzhu_decider_new(const fuzhu_policy* policy, const fuzhu_eval_options* options, fuzhu_decider** decider) {
  return fuzhu::capi::guarded("fuzhu_decider_new", [&] {
    if (decider == nullptr) return fail(FUZHU_ERROR_ARGUMENT, "fuzhu_decider_new: `decider` is NULL");
    *decider = nullptr;
    if (policy == nullptr) return fail(FUZHU_ERROR_ARGUMENT, "fuzhu_decider_new: the policy is NULL");
    auto decider_options = fuzhu::capi::eval_options("fuzhu_decider_new", options);
    if (!decider_options) return FUZHU_ERROR_ARGUMENT;
    *decider = new fuzhu_decider{fuzhu::Decider(policy->policy, *decider_options), {}, {}, {}, {}, {},
                                 {}, {}};
    return FUZHU_OK;
  });
}

void fuzhu_decider_free(fuzhu_decider* decider) { delete decider; }

fuzhu_status fuzhu_decide_json(fuzhu_decider* decider, const char* facts_json, size_t length, const char* as_of,
                               const fuzhu_decisions** decisions) {
  constexpr const char* function = "fuzhu_decide_json";
  return fuzhu::capi::guarded(function, [&] {
    if (decisions != nullptr) *decisions = nullptr;
    if (decider == nullptr) return fail(FUZHU_ERROR_ARGUMENT, function, "the decider is NULL");
    if (decisions == nullptr) return fail(FUZHU_ERROR_ARGUMENT, function, "`decisions` is NULL");
    if (facts_json == nullptr && length > 0) return fail(FUZHU_ERROR_ARGUMENT, function, "`facts_json` is NULL");
    decider->diagnostics.clear();
    auto date = fuzhu::capi::as_of_date(function, as_of);
    if (!date) return FUZHU_ERROR_ARGUMENT;

    const fuzhu::Policy& policy = decider->decider.policy();
    fuzhu::FactsResult facts = policy.read_facts(std::string_view(facts_json == nullptr ? "" : facts_json, length));
    if (!facts.diagnostics.empty()) decider->diagnostics.assign(std::move(facts.diagnostics));
    if (!facts.ok()) return fail(FUZHU_ERROR_FACTS, decider->diagnostics.all);
    if (!decider->decider.decide(*facts.facts, *date)) {
      decider->diagnostics.assign(decider->decider.errors());
      return fail(FUZHU_ERROR_EVALUATION, decider->diagnostics.all);
    }
    copy_rows(decider->decider.decisions(), *decider);
    *decisions = &decider->decisions;
    return FUZHU_OK;
  });
}

const fuzhu_diagnostics* fuzhu_decider_diagnostics(const fuzhu_decider* decider) {
  return decider == nullptr ? nullptr : &decider->diagnostics;
}

}  // extern "C"
