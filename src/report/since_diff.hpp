// Filling the page's `--since` marks from two compiled versions of a policy.
#pragma once

#include "fuzhu/policy.hpp"
#include "report/since.hpp"
#include "report/stamp.hpp"

namespace fuzhu::report {

/// What changed from `before` (the version last signed off) to `after`.
Since since_of(const Policy& before, const Policy& after, FileHash before_file);

}  // namespace fuzhu::report
