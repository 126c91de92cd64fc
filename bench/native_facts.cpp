// fuzhu's parsed facts as the hand-written rules' NativeFamily: population_bench
// gives both sides the same families, parsed once (untimed).
#include <array>

#include "compile/schema.hpp"
#include "fuzhu/value.hpp"
#include "native_rules.hpp"

namespace bench {

namespace {

using fuzhu::detail::FactsData;
using fuzhu::detail::Schema;
using fuzhu::detail::Value;

// The slots NativeFamily reads, looked up once per schema.
enum Field : std::size_t {
  region, low_income, housing_hardship, other_child, glory_certificate, wants_another_child, wants_to_adopt,
  child_status, child_grade, child_cause, child_event, child_injury, child_married, child_serious_illness,
  field_count
};
enum PersonField : std::size_t {
  birth_date, alive, health_insurance, self_care, destitute, incapacitated, needs_care, terminal_illness, unemployed,
  person_field_count
};

constexpr const char* field_paths[field_count] = {
    "household.region", "household.low_income", "household.housing_hardship", "family.other_child",
    "family.glory_certificate", "family.wants_another_child", "family.wants_to_adopt", "child.status",
    "child.disability_grade", "child.cause", "child.event_date", "child.injury_date", "child.married",
    "child.serious_illness"};
constexpr const char* person_fields[person_field_count] = {
    "birth_date", "alive", "health_insurance", "self_care", "destitute", "incapacitated", "needs_care",
    "terminal_illness", "unemployed"};
constexpr const char* person_roots[3] = {"mother", "father", "child"};

struct Slots {
  const Schema* schema = nullptr;
  std::array<int, field_count> field{};
  std::array<std::array<int, person_field_count>, 3> person{};
  std::array<int, 3> root{};

  explicit Slots(const Schema& s) : schema(&s) {
    for (std::size_t i = 0; i < field_count; ++i) field[i] = s.slot_of(field_paths[i]);
    for (std::size_t r = 0; r < 3; ++r) {
      root[r] = s.root_index(person_roots[r]);
      for (std::size_t i = 0; i < person_field_count; ++i)
        person[r][i] = s.slot_of(std::string(person_roots[r]) + "." + person_fields[i]);
    }
  }
};

const Slots& slots_of(const Schema& s) {
  thread_local Slots cached(s);
  if (cached.schema != &s) cached = Slots(s);
  return cached;
}

struct Reader {
  const FactsData& d;
  const Value& value(int slot) const { return d.slots[static_cast<std::size_t>(slot)]; }
  Tri flag(int slot) const {
    const Value& v = value(slot);
    return v.known() ? static_cast<Tri>(v.n != 0) : unknown_fact;
  }
  template <typename Enum>
  Enum choice(int slot) const {
    const Value& v = value(slot);
    return v.known() ? static_cast<Enum>(v.n) : Enum::unknown;
  }
  Ymd date(int slot) const {
    const Value& v = value(slot);
    if (!v.known()) return {};
    const fuzhu::Date day = fuzhu::Date::from_days(v.n);
    return {day.year, day.month, day.day};
  }
  void person(const std::array<int, person_field_count>& at, NativePerson& p) const {
    p.birth = date(at[birth_date]);
    p.alive = flag(at[alive]);
    p.health_insurance = choice<HealthInsurance>(at[health_insurance]);
    p.self_care = choice<SelfCare>(at[self_care]);
    p.destitute = flag(at[destitute]);
    p.incapacitated = flag(at[incapacitated]);
    p.needs_care = flag(at[needs_care]);
    p.terminal_illness = flag(at[terminal_illness]);
    p.unemployed = flag(at[unemployed]);
  }
};

}  // namespace

NativeFamily native_of(const FactsData& d) {
  const Slots& at = slots_of(*d.schema);
  const Reader r{d};
  NativeFamily f;
  // A string fact's value is its index in the family's strings.
  if (const auto v = r.value(at.field[region]); v.known()) set_region(f, d.strings[static_cast<std::size_t>(v.n)]);
  f.low_income = r.flag(at.field[low_income]);
  f.housing_hardship = r.flag(at.field[housing_hardship]);
  f.other_child = r.flag(at.field[other_child]);
  f.glory_certificate = r.flag(at.field[glory_certificate]);
  f.wants_another_child = r.flag(at.field[wants_another_child]);
  f.wants_to_adopt = r.flag(at.field[wants_to_adopt]);
  NativePerson* people[3] = {&f.mother, &f.father, &f.child};
  for (std::size_t i = 0; i < 3; ++i) {
    people[i]->present = d.present[static_cast<std::size_t>(at.root[i])] != 0;
    r.person(at.person[i], *people[i]);
  }
  NativeChild& c = f.child;
  c.status = r.choice<ChildStatus>(at.field[child_status]);
  const Value& grade = r.value(at.field[child_grade]);
  c.grade = static_cast<std::int8_t>(grade.known() ? grade.n : -1);
  c.cause = r.choice<Cause>(at.field[child_cause]);
  c.event_date = r.date(at.field[child_event]);
  c.injury_date = r.date(at.field[child_injury]);
  c.married = r.flag(at.field[child_married]);
  c.serious_illness = r.flag(at.field[child_serious_illness]);
  return f;
}

}  // namespace bench
