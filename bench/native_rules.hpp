// The special allowance of Yiyang and Songjiang written by hand in C++: the
// native limit the interpreter is measured against. Unknown facts follow
// the policy language's Kleene logic, so the results are the same as
// fuzhu's to the fen (the benchmarks check it).
#pragma once

#include <cstdint>
#include <string_view>

namespace bench {

/// -1 unknown, 0 false, 1 true: a fact that may be missing.
using Tri = std::int8_t;

struct Ymd {
  int year = 0, month = 0, day = 0;  // year 0: unknown
};

struct NativePerson {
  bool present = false;
  Tri alive = -1;
  Ymd birth;
};

struct NativeFamily {
  Tri in_yiyang = -1, in_songjiang = -1;  // household.region
  std::int8_t status = -1;                // child.status: 0 deceased, 1 disabled, 2 living
  std::int8_t grade = -1;                 // child.disability_grade
  Tri other_child = -1;
  NativePerson mother, father;
};

/// What the allowance costs for a set of families: fen a month and how many
/// parents receive it.
struct AllowanceSum {
  std::int64_t fen = 0;
  std::int64_t recipients = 0;
  friend bool operator==(const AllowanceSum&, const AllowanceSum&) = default;
};

void set_region(NativeFamily& f, std::string_view region);
bool parse_ymd(std::string_view text, Ymd& out);

/// 益政办发〔2017〕26号 一（一）: 490 / 420 元 a parent a month.
void yiyang_allowance(const NativeFamily& f, const Ymd& as_of, AllowanceSum& sum);
/// 沪松卫规〔2020〕2号 二（一）1: by the parent's age, 660–760 / 820–920 元.
void songjiang_allowance(const NativeFamily& f, const Ymd& as_of, AllowanceSum& sum);

}  // namespace bench
