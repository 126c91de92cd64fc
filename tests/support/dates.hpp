// Dates for tests, written as in the documents: day("2026-11-23").
#pragma once

#include <doctest/doctest.h>
#include <fuzhu/fuzhu.hpp>

namespace fuzhu::testing {

/// The date `text` (YYYY-MM-DD); the test stops when it is not one.
inline Date day(const char* text) {
  auto parsed = Date::parse(text);
  INFO(text);
  REQUIRE(parsed.has_value());
  return *parsed;
}

}  // namespace fuzhu::testing
