#include "eval/jurisdiction.hpp"

#include "compile/region.hpp"

namespace fuzhu::detail {

bool in_region(std::string_view jurisdiction, std::string_view region) {
  return RegionTest(jurisdiction).contains(region);
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
