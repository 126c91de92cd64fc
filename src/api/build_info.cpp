// What was fixed when the library was built: its version, and where
// `cmake --install` puts the policies (the default folder for `use "…"`).
#include "fuzhu/policy.hpp"
#include "fuzhu/version.hpp"

#ifndef FUZHU_DEFAULT_POLICIES_DIR
#error "FUZHU_DEFAULT_POLICIES_DIR is set by CMakeLists.txt"
#endif

namespace fuzhu {

const char* version() noexcept { return FUZHU_VERSION_STRING; }

std::filesystem::path installed_policies_dir() { return FUZHU_DEFAULT_POLICIES_DIR; }

}  // namespace fuzhu
