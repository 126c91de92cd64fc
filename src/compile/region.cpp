#include "compile/region.hpp"

namespace fuzhu::detail {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

constexpr std::string_view province_suffixes[] = {"省", "自治区"};

bool is_province(std::string_view unit) {
  for (auto suffix : province_suffixes)
    if (ends_with(unit, suffix)) return true;
  return false;
}

// Splits "陕西省安康市" into "陕西省", "安康市": a unit ends after 省, 市, 区, 县 or 旗.
std::vector<std::string_view> units(std::string_view text) {
  static constexpr std::string_view suffixes[] = {"省", "市", "区", "县", "旗"};
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    bool cut = false;
    for (auto suffix : suffixes)
      if (text.substr(i, suffix.size()) == suffix) {
        i += suffix.size();
        cut = true;
        break;
      }
    if (!cut) {
      ++i;
      continue;
    }
    out.push_back(text.substr(start, i - start));
    start = i;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

// Whether some unit of `region` is a province. A unit is cut right after
// 省 and after the 区 of 自治区 (自 and 治 never end one), so a region names a
// province exactly when it holds 省 or 自治区 anywhere.
bool names_province(std::string_view region) {
  for (auto suffix : province_suffixes)
    if (region.find(suffix) != std::string_view::npos) return true;
  return false;
}

}  // namespace

RegionTest::RegionTest(std::string_view jurisdiction) {
  for (auto unit : units(jurisdiction)) {
    units_.push_back({std::string(unit), is_province(unit)});
    any_province_ |= units_.back().province;
  }
}

bool RegionTest::contains(std::string_view region) const {
  const bool province_named = any_province_ && names_province(region);
  bool any = false;
  for (const Unit& unit : units_) {
    if (unit.province && !province_named) continue;
    if (region.find(unit.text) == std::string_view::npos) return false;
    any = true;
  }
  return any;
}

}  // namespace fuzhu::detail
