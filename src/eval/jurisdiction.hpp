// Whether a household's registered region lies in a policy's jurisdiction.
#pragma once

#include <string_view>

namespace fuzhu::detail {

/// Every administrative unit of `jurisdiction` ending in 市, 区, 县 or 旗 must
/// appear in `region`; a province (省, 自治区) must too when the region names
/// one. "淄博市张店区" is in "山东省淄博市张店区"; "益阳市" is not in
/// "湖南省长沙市".
bool in_region(std::string_view jurisdiction, std::string_view region);

}  // namespace fuzhu::detail
