// simulate --baseline: the buckets a family's change falls in (fen a year).
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "sim/change.hpp"

using fuzhu::sim::bucket_label;
using fuzhu::sim::bucket_of;

TEST_CASE("a family's change in a year's cash falls in the bucket its size in yuan says") {
  CHECK(std::string(bucket_label(bucket_of(0))) == "0");
  CHECK(std::string(bucket_label(bucket_of(1))) == "+0.01 to +99.99");        // 1 fen
  CHECK(std::string(bucket_label(bucket_of(9999))) == "+0.01 to +99.99");     // 99.99 元
  CHECK(std::string(bucket_label(bucket_of(10000))) == "+100 to +999.99");    // 100 元
  CHECK(std::string(bucket_label(bucket_of(72000))) == "+100 to +999.99");    // 720 元: 60 a month
  CHECK(std::string(bucket_label(bucket_of(100000))) == "+1000 to +9999.99");
  CHECK(std::string(bucket_label(bucket_of(1000000))) == "+10000 or more");
  CHECK(std::string(bucket_label(bucket_of(INT64_MAX))) == "+10000 or more");
  CHECK(std::string(bucket_label(bucket_of(-1))) == "-0.01 to -99.99");
  CHECK(std::string(bucket_label(bucket_of(-588000))) == "-1000 to -9999.99");  // 490 × 12
  CHECK(std::string(bucket_label(bucket_of(-999999))) == "-1000 to -9999.99");
  CHECK(std::string(bucket_label(bucket_of(-1008000))) == "-10000 or more");    // 840 × 12
  CHECK(std::string(bucket_label(bucket_of(INT64_MIN))) == "-10000 or more");
}
