// A policy's jurisdiction, compiled: split into its administrative units
// once, so that asking whether a household's region lies in it costs a
// search of the region for each unit, with no splitting or hashing per family.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fuzhu::detail {

class RegionTest {
 public:
  RegionTest() = default;
  explicit RegionTest(std::string_view jurisdiction);

  /// Every unit of the jurisdiction ending in 市, 区, 县 or 旗 appears in
  /// `region`; a province (省, 自治区) must too when the region names one.
  /// "淄博市张店区" is in "山东省淄博市张店区"; "益阳市" is not in "湖南省长沙市".
  bool contains(std::string_view region) const;

 private:
  struct Unit {
    std::string text;
    bool province = false;
  };
  std::vector<Unit> units_;
  bool any_province_ = false;
};

}  // namespace fuzhu::detail
