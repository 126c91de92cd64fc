// Embedding fuzhu: compile a policy once, evaluate a family built in code;
// then decide it as a program deciding many families would, by index.
//   embed_example POLICY [AS_OF]
#include <iostream>

#include <fuzhu/fuzhu.hpp>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: embed_example POLICY [YYYY-MM-DD]\n";
    return 2;
  }
  auto compiled = fuzhu::Policy::compile_file(argv[1]);
  std::cerr << fuzhu::render_all(compiled.diagnostics);
  if (!compiled.ok()) return 1;
  const fuzhu::Policy& policy = *compiled.policy;

  // A bereaved family in 益阳市赫山区; the mother turned 49 on 2026-11-23.
  fuzhu::Facts facts = policy.new_facts();
  for (auto error : {facts.set("household.region", std::string_view("湖南省益阳市赫山区")),
                     facts.set("household.district_kind", std::string_view("city_district")),
                     facts.set("family.other_child", false),
                     facts.set("child.status", std::string_view("deceased")),
                     facts.set("child.event_date", *fuzhu::Date::parse("2020-07-15")),
                     facts.set("mother.birth_date", *fuzhu::Date::parse("1977-11-23")),
                     facts.set("father.birth_date", *fuzhu::Date::parse("1975-02-01"))}) {
    if (error) {
      std::cerr << *error << "\n";
      return 1;
    }
  }
  auto as_of = fuzhu::Date::parse(argc > 2 ? argv[2] : "2026-11-23");
  if (!as_of) return 2;
  auto result = policy.evaluate(facts, *as_of);
  if (!result.ok()) {
    std::cerr << fuzhu::render_all(result.errors);
    return 1;
  }
  fuzhu::Money monthly{0};
  for (const auto& e : result.evaluation->entitlements)
    if (e.period == fuzhu::Period::monthly && e.amount) monthly.fen += e.amount->fen;
  std::cout << "entitlements: " << result.evaluation->entitlements.size() << "\n";
  std::cout << "monthly total: " << monthly.to_string() << " 元\n";

  // The same decisions without a string: one Decider per thread, reused
  // from family to family; the policy names what the indices stand for.
  fuzhu::Decider decider(policy);
  if (!decider.decide(facts, *as_of)) {
    std::cerr << fuzhu::render_all(decider.errors());
    return 1;
  }
  fuzhu::Money by_index{0};
  for (const auto& row : decider.decisions().granted)
    if (policy.benefit_id(row.benefit) == "special_allowance") by_index.fen += row.fen.value_or(0);
  std::cout << "special allowance, decided by index: " << by_index.to_string() << " 元\n";
  return 0;
}
