// The documents of ../shared/documents, for the review-page tests.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "tests/support/files.hpp"

namespace fuzhu::testing {

/// The text of `path`, stopping the test when it is missing or empty: a test
/// of the review page without its document would prove nothing.
inline std::string read_document(const std::string& path) {
  std::string text = read_file(path);
  REQUIRE_MESSAGE(!text.empty(), "cannot read " << path);
  return text;
}

}  // namespace fuzhu::testing
