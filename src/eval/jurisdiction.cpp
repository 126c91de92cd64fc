#include "eval/jurisdiction.hpp"

#include <string>
#include <vector>

namespace fuzhu::detail {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_province(std::string_view unit) { return ends_with(unit, "省") || ends_with(unit, "自治区"); }

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

}  // namespace

bool in_region(std::string_view jurisdiction, std::string_view region) {
  bool region_names_province = false;
  for (auto unit : units(region)) region_names_province |= is_province(unit);
  bool any = false;
  for (auto unit : units(jurisdiction)) {
    if (is_province(unit) && !region_names_province) continue;
    if (region.find(unit) == std::string_view::npos) return false;
    any = true;
  }
  return any;
}

bool RegionAnswers::in_region(std::string_view jurisdiction, std::string_view region) {
  if (jurisdiction != jurisdiction_ || answers_.size() >= most_remembered) {
    jurisdiction_ = jurisdiction;
    answers_.clear();
  }
  auto it = answers_.find(region);
  if (it == answers_.end()) it = answers_.emplace(region, detail::in_region(jurisdiction, region)).first;
  return it->second;
}

}  // namespace fuzhu::detail
