// The whole of the Yiyang and Songjiang policies written by hand in C++: the
// native limit the interpreter is measured against. Unknown facts follow
// the policy language's Kleene logic, so the sums are the same as fuzhu's
// to the fen (bench/native_simulate and population_bench check it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sums.hpp"

namespace fuzhu::detail {
struct FactsData;
}

namespace bench {

/// -1 unknown, 0 false, 1 true: a fact that may be missing.
using Tri = std::int8_t;
inline constexpr Tri unknown_fact = -1;

/// A calendar date; year 0 when unknown.
struct Ymd {
  int year = 0, month = 0, day = 0;
  bool known() const { return year != 0; }
  friend auto operator<=>(const Ymd&, const Ymd&) = default;
};

// Enumerations in the order of policies/facts.schema (fuzhu's value index).
enum class ChildStatus : std::int8_t { unknown = -1, deceased, disabled, living };
enum class HealthInsurance : std::int8_t { unknown = -1, employee, resident };
enum class SelfCare : std::int8_t { unknown = -1, full, partial, none };
enum class Cause : std::int8_t { unknown = -1, accident, illness, other };

/// A mother, a father or the child: the Individual fields the two policies read.
struct NativePerson {
  bool present = false;
  Tri alive = unknown_fact;  // facts.schema: alive = true when unknown
  Ymd birth;
  HealthInsurance health_insurance = HealthInsurance::unknown;
  SelfCare self_care = SelfCare::unknown;
  Tri destitute = unknown_fact, incapacitated = unknown_fact, needs_care = unknown_fact, terminal_illness = unknown_fact,
      unemployed = unknown_fact;
};

/// The child record is never optional: always present.
struct NativeChild : NativePerson {
  NativeChild() { present = true; }
  ChildStatus status = ChildStatus::unknown;
  std::int8_t grade = -1;  // disability_grade 1..4
  Cause cause = Cause::unknown;
  Ymd event_date, injury_date;
  Tri married = unknown_fact, serious_illness = unknown_fact;
};

struct NativeFamily {
  // household.region against each policy's jurisdiction; unknown when no region.
  Tri in_yiyang = unknown_fact, in_songjiang = unknown_fact;
  Tri low_income = unknown_fact, housing_hardship = unknown_fact;
  Tri other_child = unknown_fact, glory_certificate = unknown_fact, wants_another_child = unknown_fact, wants_to_adopt = unknown_fact;
  NativeChild child;
  NativePerson mother, father;
};

void set_region(NativeFamily& f, std::string_view region);
/// A YYYY-MM-DD date of the calendar, as fuzhu's Date::parse accepts it.
bool parse_ymd(std::string_view text, Ymd& out);

/// Benefit ids in the policy file's source order: the index of `sums`.
const std::vector<std::string>& yiyang_ids();
const std::vector<std::string>& songjiang_ids();

/// Adds one family's outcome on `as_of` to `sums` (sized to the id count).
/// The caller has rejected a family with a birth date after `as_of`.
void yiyang_rules(const NativeFamily& f, const Ymd& as_of, PolicySums& sums);
void songjiang_rules(const NativeFamily& f, const Ymd& as_of, PolicySums& sums);

/// fuzhu's parsed facts as a NativeFamily (bench/native_facts.cpp).
NativeFamily native_of(const fuzhu::detail::FactsData& facts);

}  // namespace bench
