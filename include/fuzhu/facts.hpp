// fuzhu — one family's facts, laid out by a policy's facts schema.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzhu/diagnostic.hpp"
#include "fuzhu/value.hpp"

namespace fuzhu {

namespace detail { struct FactsData; struct Schema; }

/// A family's facts. Every fact starts unknown; a person record ("mother",
/// "father") starts absent (no such person).
class Facts {
 public:
  explicit Facts(std::shared_ptr<const detail::Schema> schema);
  Facts(const Facts&);
  Facts& operator=(const Facts&);
  Facts(Facts&&) noexcept;
  Facts& operator=(Facts&&) noexcept;
  ~Facts();

  /// Sets a fact by path ("mother.birth_date"). Returns an error message when
  /// the path is not in the schema or the value has the wrong type; setting a
  /// field of an absent person makes the person present.
  std::optional<std::string> set(std::string_view path, bool value);
  std::optional<std::string> set(std::string_view path, std::int64_t value);
  std::optional<std::string> set(std::string_view path, Money value);
  std::optional<std::string> set(std::string_view path, const Date& value);
  /// For string and enum fields ("child.status", "deceased").
  std::optional<std::string> set(std::string_view path, std::string_view value);
  /// Makes a person present with every field unknown.
  std::optional<std::string> add_person(std::string_view record);

  const detail::FactsData& data() const { return *data_; }
  detail::FactsData& data() { return *data_; }

 private:
  std::unique_ptr<detail::FactsData> data_;
};

struct FactsResult {
  std::optional<Facts> facts;               // set when there is no error
  std::vector<Diagnostic> diagnostics;      // errors, and warnings (unknown fields)
  bool ok() const { return facts.has_value(); }
};

}  // namespace fuzhu
