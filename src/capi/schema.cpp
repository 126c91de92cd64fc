// The facts schema through the C ABI: a JSON Schema (draft 2020-12) of the
// family object fuzhu_evaluate_json reads, from Policy::schema(). Labels are
// titles; enum values are `oneOf` consts with their labels; each fact also
// carries its index (x-fuzhu-fact, as Decisions' needs give it) and whether
// the policy reads it (x-fuzhu-read), so a host can ask only what matters.
#include <nlohmann/json.hpp>

#include "capi/handles.hpp"

namespace {

using json = nlohmann::ordered_json;

json fact_schema(const fuzhu::FactInfo& fact) {
  json out;
  if (!fact.label.empty()) out["title"] = fact.label;
  out["description"] = fact.type_text;
  switch (fact.type) {
    case fuzhu::FactType::boolean: out["type"] = "boolean"; break;
    case fuzhu::FactType::integer:
      out["type"] = "integer";
      if (fact.min) out["minimum"] = *fact.min;
      if (fact.max) out["maximum"] = *fact.max;
      break;
    case fuzhu::FactType::money: out["type"] = "number"; break;  // yuan, at most two decimals, read exactly
    case fuzhu::FactType::date:
      out["type"] = "string";
      out["format"] = "date";
      break;
    case fuzhu::FactType::string: out["type"] = "string"; break;
    case fuzhu::FactType::enumeration: {
      json choices = json::array();
      for (const auto& c : fact.choices) {
        json choice{{"const", c.name}};
        if (!c.label.empty()) choice["title"] = c.label;
        choices.push_back(std::move(choice));
      }
      out["type"] = "string";
      out["oneOf"] = std::move(choices);
      break;
    }
  }
  if (fact.default_value) {
    bool text = fact.type == fuzhu::FactType::date || fact.type == fuzhu::FactType::string ||
                fact.type == fuzhu::FactType::enumeration;
    out["default"] = text ? json(*fact.default_value) : json::parse(*fact.default_value);
  }
  out["x-fuzhu-fact"] = fact.index;
  out["x-fuzhu-read"] = fact.read;
  return out;
}

std::string schema_json(const fuzhu::Policy& policy) {
  const fuzhu::FactsSchema& schema = policy.schema();
  json properties = json::object();
  for (const auto& root : schema.roots) {
    json fields = json::object();
    for (int i = root.first_fact; i < root.first_fact + root.fact_count; ++i) {
      const fuzhu::FactInfo& fact = schema.facts[static_cast<std::size_t>(i)];
      fields[fact.field] = fact_schema(fact);
    }
    json object;
    if (!root.label.empty()) object["title"] = root.label;
    // An optional root (a parent) may be null or left out: no such person.
    object["type"] = root.optional ? json::array({"object", "null"}) : json("object");
    object["properties"] = std::move(fields);
    properties[root.name] = std::move(object);
  }
  json out;
  out["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  out["title"] = policy.info().title;
  out["description"] = "A family's facts: any fact may be left out (unknown); unknown names are warnings.";
  out["type"] = "object";
  out["properties"] = std::move(properties);
  out["x-fuzhu-fingerprint"] = schema.fingerprint;
  return out.dump(2) + "\n";
}

}  // namespace

extern "C" {

fuzhu_status fuzhu_policy_facts_schema(const fuzhu_policy* policy, char** schema, size_t* length) {
  constexpr const char* function = "fuzhu_policy_facts_schema";
  return fuzhu::capi::guarded(function, [&] {
    if (schema != nullptr) *schema = nullptr;
    if (length != nullptr) *length = 0;
    if (policy == nullptr) return fuzhu::capi::fail(FUZHU_ERROR_ARGUMENT, function, "the policy is NULL");
    if (schema == nullptr) return fuzhu::capi::fail(FUZHU_ERROR_ARGUMENT, function, "`schema` is NULL");
    std::string text = schema_json(policy->policy);
    *schema = fuzhu::capi::copy_out(text);
    if (*schema == nullptr) return fuzhu::capi::fail(FUZHU_ERROR_MEMORY, function, "out of memory");
    if (length != nullptr) *length = text.size();
    return FUZHU_OK;
  });
}

}  // extern "C"
