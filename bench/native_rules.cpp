#include "native_rules.hpp"

#include <charconv>
#include <climits>

namespace bench {

namespace {

// ------------------------------------------------------------ Kleene logic

constexpr Tri tri(bool b) { return b ? 1 : 0; }
constexpr Tri tri_and(Tri a, Tri b) { return a == 0 || b == 0 ? 0 : (a < 0 || b < 0 ? unknown_fact : 1); }
constexpr Tri tri_or(Tri a, Tri b) { return a == 1 || b == 1 ? 1 : (a < 0 || b < 0 ? unknown_fact : 0); }
constexpr Tri tri_not(Tri a) { return a < 0 ? a : static_cast<Tri>(1 - a); }
template <typename... More>
constexpr Tri all(Tri a, More... more) {
  ((a = tri_and(a, more)), ...);
  return a;
}

// `value = wanted` on an enumeration fact; unknown when the fact is.
template <typename Enum>
constexpr Tri is(Enum value, Enum wanted) {
  return value == Enum::unknown ? unknown_fact : tri(value == wanted);
}

// ------------------------------------------------------------ dates, ages

constexpr int no_age = INT_MIN;

// 周岁 on `on`, as fuzhu's full_years: born 29 February, the year completes on
// 1 March in a common year. May be negative (an injury before the birth date).
int full_years(const Ymd& birth, const Ymd& on) {
  if (!birth.known() || !on.known()) return no_age;
  int years = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --years;
  return years;
}

Tri at_least(int years, int bound) { return years == no_age ? unknown_fact : tri(years >= bound); }
Tri under(int years, int bound) { return years == no_age ? unknown_fact : tri(years < bound); }

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

// ------------------------------------------------------------ one family

// What the benefits of one policy share, computed once per family.
struct Shared {
  const NativeFamily& f;
  Ymd as_of;
  // Recipients in fuzhu's root order: mother, father, child; each only when
  // living (present, not alive = false, a child not deceased).
  const NativePerson* people[3];
  bool living[3];
  Tri jurisdiction;
  Tri special;    // facts.schema special_family (计生特困家庭 / 计划生育特殊困难家庭)
  Tri bereaved;   // bereaved_family
  Tri disabled;   // disabled_family
  Tri mother_49;  // past_childbearing_age: age(mother) >= 49
  Tri assisted;   // assistance_recipients = special_family and past_childbearing_age

  Shared(const NativeFamily& family, const Ymd& on, Tri in_jurisdiction)
      : f(family), as_of(on), people{&family.mother, &family.father, &family.child}, jurisdiction(in_jurisdiction) {
    const NativeChild& c = f.child;
    living[0] = f.mother.present && f.mother.alive != 0;
    living[1] = f.father.present && f.father.alive != 0;
    living[2] = c.alive != 0 && c.status != ChildStatus::deceased;
    const Tri dead = is(c.status, ChildStatus::deceased), hurt = is(c.status, ChildStatus::disabled);
    const Tri severe = c.grade < 0 ? unknown_fact : tri(c.grade <= 3);  // grade 1 is the most severe
    special = tri_and(tri_or(dead, tri_and(hurt, severe)), tri_not(f.other_child));
    bereaved = tri_and(special, dead);
    disabled = tri_and(special, hurt);
    // An absent mother has no birth date: unknown, as fuzhu reads it.
    mother_49 = f.mother.present ? at_least(full_years(f.mother.birth, as_of), 49) : unknown_fact;
    assisted = tri_and(special, mother_49);
  }

  int age(const NativePerson& p) const { return full_years(p.birth, as_of); }
};

// A benefit with no figure, or a figure the facts leave open.
constexpr std::int64_t no_figure = -1;

constexpr auto everyone = [](const NativePerson&) -> Tri { return 1; };
constexpr auto no_amount = [](const NativePerson&) -> std::int64_t { return 0; };

// Adds one benefit granted to people [first, last) of `s.people` under
// `condition` (the jurisdiction included), each also under `where`, each row
// for `amount` fen (no_figure: the row is undetermined).
template <typename Where, typename Amount>
void to_people(const Shared& s, int first, int last, Tri condition, BenefitSum& sum, Where where, Amount amount) {
  if (condition == 0) return;
  std::uint64_t rows = 0;
  std::int64_t fen = 0;
  bool undetermined = false;
  for (int i = first; i < last; ++i) {
    if (!s.living[i]) continue;
    const NativePerson& p = *s.people[i];
    Tri granted = tri_and(condition, where(p));
    if (granted == 1) {
      const std::int64_t row = amount(p);
      if (row == no_figure) granted = unknown_fact;
      else {
        ++rows;
        fen += row;
      }
    }
    undetermined |= granted < 0;
  }
  if (rows > 0) {
    ++sum.families;
    sum.recipients += rows;
    sum.fen += fen;
  }
  sum.undetermined += undetermined;
}

template <typename Where = decltype(everyone), typename Amount = decltype(no_amount)>
void to_parents(const Shared& s, Tri condition, BenefitSum& sum, Where where = everyone, Amount amount = no_amount) {
  to_people(s, 0, 2, condition, sum, where, amount);
}

template <typename Where = decltype(everyone)>
void to_members(const Shared& s, Tri condition, BenefitSum& sum, Where where = everyone) {
  to_people(s, 0, 3, condition, sum, where, no_amount);
}

void to_child(const Shared& s, Tri condition, BenefitSum& sum) { to_people(s, 2, 3, condition, sum, everyone, no_amount); }

// The household is always there: one row, no living check.
void to_household(Tri condition, BenefitSum& sum, std::int64_t fen = 0) {
  if (condition == 1 && fen != no_figure) {
    ++sum.families;
    ++sum.recipients;
    sum.fen += fen;
  } else if (condition != 0) {
    ++sum.undetermined;
  }
}

}  // namespace

// ------------------------------------------------------------ facts

// jurisdiction.cpp's in_region for these two jurisdictions: neither names a
// province, so the region must contain each of its 市/区/县 units.
void set_region(NativeFamily& f, std::string_view region) {
  auto has = [&](std::string_view unit) { return region.find(unit) != std::string_view::npos; };
  f.in_yiyang = tri(has("益阳市"));
  f.in_songjiang = tri(has("上海市") && has("松江区"));
}

bool parse_ymd(std::string_view t, Ymd& out) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (t[i] < '0' || t[i] > '9') return false;
  Ymd d;
  std::from_chars(t.data(), t.data() + 4, d.year);
  std::from_chars(t.data() + 5, t.data() + 7, d.month);
  std::from_chars(t.data() + 8, t.data() + 10, d.day);
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return false;
  out = d;
  return true;
}

// ------------------------------------------------------------ 益政办发〔2017〕26号

const std::vector<std::string>& yiyang_ids() {
  static const std::vector<std::string> ids = {
      "special_allowance", "consolation_payment", "temporary_assistance", "medical_green_channel",
      "health_management", "family_doctor", "health_checkup", "rebirth_services", "medical_insurance_subsidy",
      "medical_assistance", "destitute_support", "end_of_life_care", "contact_person",
      "guardianship", "priority_adoption", "housing_support", "employment_support",
      "disabled_child_support", "income_disregard", "holiday_visits", "psychological_support",
      "comprehensive_insurance", "extra_insurance", "holiday_fund_support"};
  return ids;
}

void yiyang_rules(const NativeFamily& f, const Ymd& as_of, PolicySums& sums) {
  static constexpr Ymd in_force{2017, 9, 29};  // 七、自印发之日起施行; no end date
  if (as_of < in_force || f.in_yiyang == 0) return;
  const Shared s(f, as_of, f.in_yiyang);
  const NativeChild& c = f.child;
  const Tri special = tri_and(s.jurisdiction, s.special);   // 计生特困家庭
  const Tri assisted = tri_and(s.jurisdiction, s.assisted);  // 扶助对象家庭
  BenefitSum* b = sums.data();

  // 一（一） 每人每月分别提高到490元、420元 (schedule: one figure since 2017-09-29).
  to_parents(s, assisted, b[0], everyone, [&](const NativePerson&) {
    if (as_of < Ymd{2017, 9, 29}) return no_figure;
    return c.status == ChildStatus::deceased ? 49000 : c.status == ChildStatus::disabled ? 42000 : no_figure;
  });
  // 一（二） 在子女死亡当年发放不低于5000元的一次性抚慰金
  const Tri this_year = c.event_date.known() ? tri(c.event_date.year == as_of.year) : unknown_fact;
  to_household(all(s.jurisdiction, s.bereaved, s.mother_49, this_year), b[1], 500000);
  // 一（三） 临时救助
  to_household(special, b[2]);
  // 二（一） 就医绿色通道; 健康管理; 家庭医生签约 (扶助对象 only); 免费常规健康体检
  to_parents(s, assisted, b[3]);
  to_members(s, special, b[4]);
  to_parents(s, assisted, b[5]);
  to_parents(s, assisted, b[6]);
  // 二（二） 再生育技术服务
  to_household(tri_and(special, f.wants_another_child), b[7]);
  // 二（三） 城乡居民医保个人缴费补贴; 医疗救助
  const Tri assisted_low = tri_and(assisted, f.low_income);
  to_parents(s, assisted_low, b[8], [](const NativePerson& p) { return is(p.health_insurance, HealthInsurance::resident); });
  to_household(assisted_low, b[9]);
  // 三（一） 年满60周岁，符合城乡特困人员救助供养条件的
  to_parents(s, assisted, b[10], [&](const NativePerson& p) { return tri_and(at_least(s.age(p), 60), p.destitute); });
  // 三（二） 临终关怀和善后服务
  to_household(assisted, b[11]);
  // 四（一） 联系人; 失去民事行为能力的扶助对象纳入成年监护
  to_household(special, b[12]);
  to_parents(s, assisted, b[13], [](const NativePerson& p) { return p.incapacitated; });
  // 四（二） 优先收养; 四（三） 住房保障; 四（四） 创业就业扶持
  to_household(tri_and(special, f.wants_to_adopt), b[14]);
  to_household(tri_and(special, f.housing_hardship), b[15]);
  to_household(special, b[16]);
  // 四（五） 残疾独生子女帮扶
  to_child(s, tri_and(s.jurisdiction, s.disabled), b[17]);
  // 四（六） 特别扶助金不计入家庭收入
  to_household(assisted, b[18]);
  // 五（一） 节日走访慰问; 心理疏导
  to_household(assisted, b[19]);
  to_members(s, special, b[20]);
  // 五（二） 综合保险; 其他保险 (discretionary); 五（三） 公益关怀基金
  to_parents(s, assisted, b[21]);
  to_household(special, b[22]);
  to_household(special, b[23]);
}

// ------------------------------------------------------------ 沪松卫规〔2020〕2号

const std::vector<std::string>& songjiang_ids() {
  static const std::vector<std::string> ids = {
      "special_allowance", "one_time_subsidy", "serious_illness_subsidy", "elderly_care_priority",
      "elderly_care_subsidy", "income_disregard", "care_insurance", "health_checkup",
      "medical_assistance", "rebirth_services", "family_doctor", "care_projects",
      "housing_support", "inheritance_green_channel", "priority_adoption", "disabled_child_support",
      "after_death_arrangement", "funeral_fee_reduction", "contact_person", "guardianship",
      "employment_priority"};
  return ids;
}

namespace {

// 二（一）1 (沪卫规〔2019〕6号 figures from 2019-01-01): by the recipient's own
// age, 49-59 (and under 49) / 60-69 / 70+; unknown age, no figure.
std::int64_t songjiang_allowance(const Shared& s, const NativePerson& p) {
  static constexpr std::int64_t disabled[] = {66000, 71000, 76000}, deceased[] = {82000, 87000, 92000};
  if (s.as_of < Ymd{2019, 1, 1}) return no_figure;
  const int years = s.age(p);
  if (years == no_age) return no_figure;
  const int tier = years <= 59 ? 0 : years <= 69 ? 1 : 2;
  switch (s.f.child.status) {
    case ChildStatus::disabled: return disabled[tier];
    case ChildStatus::deceased: return deceased[tier];
    default: return no_figure;
  }
}

// 二（一）2、3: the child's age on the accident date — the injury date of a
// disabled child when recorded, else event_date (the policy's accident_date).
int age_at_accident(const NativeChild& c) {
  const Tri injury = tri_and(is(c.status, ChildStatus::disabled), tri(c.injury_date.known()));
  if (injury == unknown_fact) return no_age;
  return full_years(c.birth, injury == 1 ? c.injury_date : c.event_date);
}

}  // namespace

void songjiang_rules(const NativeFamily& f, const Ymd& as_of, PolicySums& sums) {
  static constexpr Ymd in_force{2020, 12, 1};  // the document's date; no end
  if (as_of < in_force || f.in_songjiang == 0) return;
  const Shared s(f, as_of, f.in_songjiang);
  const NativeChild& c = f.child;
  const Tri special = tri_and(s.jurisdiction, s.special);
  const Tri assisted = tri_and(s.jurisdiction, s.assisted);
  const Tri bereaved_49 = all(s.jurisdiction, s.bereaved, s.mother_49);
  const Tri assisted_low = tri_and(assisted, f.low_income);
  BenefitSum* b = sums.data();

  // 二（一）1 特别扶助金
  to_parents(s, assisted, b[0], everyone, [&](const NativePerson& p) { return songjiang_allowance(s, p); });
  // 二（一）2、3 意外伤残、死亡一次性补助: under 16 also no other child and no
  // wish for one; 16 and over, no further condition. 3000 / 5000 元 once.
  {
    const int years = age_at_accident(c);
    const Tri young = all(under(years, 16), tri_not(f.other_child), tri_not(f.wants_another_child));
    const Tri hurt_or_dead = c.status == ChildStatus::unknown ? unknown_fact : tri(c.status != ChildStatus::living);
    const Tri when = all(s.jurisdiction, f.glory_certificate, is(c.cause, Cause::accident), hurt_or_dead,
                         tri_or(young, at_least(years, 16)));
    to_household(when, b[1], c.status == ChildStatus::disabled ? 300000 : c.status == ChildStatus::deceased ? 500000 : no_figure);
  }
  // 二（一）4 未婚独生子女大病重病一次性补助 3000元
  {
    const Tri not_dead = c.status == ChildStatus::unknown ? unknown_fact : tri(c.status != ChildStatus::deceased);
    to_household(all(s.jurisdiction, f.glory_certificate, not_dead, tri_not(c.married), c.serious_illness), b[2], 300000);
  }
  // 二（二）1 “五优先”: 60+ needing care; 2 养老服务补贴: 60+ 生活自理困难, 经济困难
  to_parents(s, assisted, b[3], [&](const NativePerson& p) { return tri_and(at_least(s.age(p), 60), p.needs_care); });
  to_parents(s, assisted_low, b[4], [&](const NativePerson& p) {
    const Tri hard = p.self_care == SelfCare::unknown ? unknown_fact : tri(p.self_care != SelfCare::full);
    return tri_and(at_least(s.age(p), 60), hard);
  });
  // 二（二）3 不计入家庭收入; 4 关爱保险; 5 失独家庭免费健康体检
  to_household(assisted, b[5]);
  to_parents(s, assisted, b[6]);
  to_parents(s, bereaved_49, b[7]);
  // 二（三）1 城乡医疗救助; 2 再生育技术服务; 3 家庭医生
  to_household(assisted_low, b[8]);
  to_household(tri_and(special, f.wants_another_child), b[9]);
  to_household(assisted, b[10]);
  // 二（四）1 关爱项目; 2 住房保障; 3 继承登记绿色通道; 4 优先收养登记
  to_household(special, b[11]);
  to_household(tri_and(assisted, f.housing_hardship), b[12]);
  to_household(bereaved_49, b[13]);
  to_household(tri_and(bereaved_49, f.wants_to_adopt), b[14]);
  // 二（四）5 残疾独生子女帮扶
  to_child(s, tri_and(s.jurisdiction, s.disabled), b[15]);
  // 二（四）6 身后事委托 (60+ or terminally ill); 殓殡服务费减免
  to_parents(s, assisted, b[16], [&](const NativePerson& p) { return tri_or(at_least(s.age(p), 60), p.terminal_illness); });
  to_household(special, b[17]);
  // 二（四）7 “双岗”联系人; 8 成年监护; 10 优先推荐就业
  to_household(special, b[18]);
  to_members(s, special, b[19], [](const NativePerson& p) { return p.incapacitated; });
  to_members(s, special, b[20], [](const NativePerson& p) { return p.unemployed; });
}

}  // namespace bench
