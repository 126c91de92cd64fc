// Whether a household's registered region lies in a policy's jurisdiction.
#pragma once

#include <string>
#include <string_view>

#include "compile/policy.hpp"

namespace fuzhu::detail {

/// Every administrative unit of `jurisdiction` ending in 市, 区, 县 or 旗 must
/// appear in `region`; a province (省, 自治区) must too when the region names
/// one. "淄博市张店区" is in "山东省淄博市张店区"; "益阳市" is not in
/// "湖南省长沙市".
bool in_region(std::string_view jurisdiction, std::string_view region);

/// in_region, remembered: a population repeats a handful of regions, and
/// splitting each one into units costs more than a lookup. Bounded, and
/// forgotten when asked about another jurisdiction.
class RegionAnswers {
 public:
  bool in_region(std::string_view jurisdiction, std::string_view region);

 private:
  static constexpr std::size_t most_remembered = 4096;
  std::string jurisdiction_;
  StringMap<bool> answers_;
};

}  // namespace fuzhu::detail
