#include "native_rules.hpp"

#include <charconv>

namespace bench {

namespace {

Tri tri_and(Tri a, Tri b) { return a == 0 || b == 0 ? 0 : (a < 0 || b < 0 ? -1 : 1); }
Tri tri_or(Tri a, Tri b) { return a == 1 || b == 1 ? 1 : (a < 0 || b < 0 ? -1 : 0); }
Tri tri_not(Tri a) { return a < 0 ? a : static_cast<Tri>(1 - a); }

// 周岁 on `on`; -1 when the birth date is unknown. Born 29 February, the
// year completes on 1 March, as the comparison below gives.
int age(const Ymd& birth, const Ymd& on) {
  if (birth.year == 0) return -1;
  int years = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --years;
  return years;
}

Tri at_least(int years, int bound) { return years < 0 ? -1 : static_cast<Tri>(years >= bound); }

// 计生特困家庭: the only child died, or is disabled at grade 3 or above,
// and no other child.
Tri special_family(const NativeFamily& f) {
  const Tri deceased = f.status < 0 ? -1 : static_cast<Tri>(f.status == 0);
  const Tri disabled = f.status < 0 ? -1 : static_cast<Tri>(f.status == 1);
  const Tri severe = f.grade < 0 ? -1 : static_cast<Tri>(f.grade <= 3);
  return tri_and(tri_or(deceased, tri_and(disabled, severe)), tri_not(f.other_child));
}

bool living(const NativePerson& p) { return p.present && p.alive != 0; }

Tri mother_49(const NativeFamily& f, const Ymd& as_of) {
  return f.mother.present ? at_least(age(f.mother.birth, as_of), 49) : -1;
}

}  // namespace

void set_region(NativeFamily& f, std::string_view region) {
  f.in_yiyang = region.find("益阳市") != std::string_view::npos;
  f.in_songjiang = region.find("上海市") != std::string_view::npos && region.find("松江区") != std::string_view::npos;
}

bool parse_ymd(std::string_view t, Ymd& out) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  auto number = [&](std::size_t at, std::size_t n, int& v) {
    return std::from_chars(t.data() + at, t.data() + at + n, v).ptr == t.data() + at + n;
  };
  return number(0, 4, out.year) && number(5, 2, out.month) && number(8, 2, out.day);
}

void yiyang_allowance(const NativeFamily& f, const Ymd& as_of, AllowanceSum& sum) {
  if (f.in_yiyang != 1) return;
  if (tri_and(special_family(f), mother_49(f, as_of)) != 1) return;
  const std::int64_t fen = f.status == 0 ? 49000 : 42000;
  for (const NativePerson* p : {&f.mother, &f.father})
    if (living(*p)) {
      sum.fen += fen;
      ++sum.recipients;
    }
}

void songjiang_allowance(const NativeFamily& f, const Ymd& as_of, AllowanceSum& sum) {
  if (f.in_songjiang != 1) return;
  if (tri_and(special_family(f), mother_49(f, as_of)) != 1) return;
  static constexpr std::int64_t deceased[] = {82000, 87000, 92000}, disabled[] = {66000, 71000, 76000};
  for (const NativePerson* p : {&f.mother, &f.father}) {
    if (!living(*p)) continue;
    const int years = age(p->birth, as_of);
    if (years < 0) continue;  // undetermined: the tier needs the parent's age
    const int tier = years <= 59 ? 0 : years <= 69 ? 1 : 2;
    sum.fen += f.status == 0 ? deceased[tier] : disabled[tier];
    ++sum.recipients;
  }
}

}  // namespace bench
