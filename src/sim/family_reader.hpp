// Reading one family from one line of a population file, straight into the
// slots of a policy's facts schema.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compile/schema.hpp"
#include "diagnostics/codes.hpp"
#include "sim/line_source.hpp"

namespace fuzhu::sim {

/// Why a line is refused: the diagnostic code (docs/diagnostics.md), the
/// JSON path of the fact, or of the unknown record or field, that it is
/// about ("" for the line as a whole), and the message
/// ("mother.birth_date: ... is not a date ...").
struct Rejection {
  std::string code, path, message;
  bool rejected() const { return !message.empty(); }
};

inline Rejection reject(Diag code, std::string path, std::string message) {
  return {info(code).text, std::move(path), std::move(message)};
}

/// One reader per thread (a reader keeps parser state between lines).
class FamilyReader {
 public:
  virtual ~FamilyReader() = default;
  /// Fills `facts`, which is empty, from one line; nothing when it is read.
  virtual Rejection read(const Block& block, const Line& line, detail::FactsData& facts) = 0;
};

/// JSON Lines: one JSON object a line, as `fuzhu eval` reads a family file.
/// A byte-order mark may start the file (line 1), no other line.
std::unique_ptr<FamilyReader> make_json_reader();

/// The columns of a CSV population file: one fact path each.
struct CsvColumns {
  std::vector<int> slots;
};

/// Reads the header line ("household.region,child.status,..."), after a
/// byte-order mark if the file starts with one: the columns, or an error
/// naming the column that is not a fact of the schema or appears twice.
Rejection read_csv_header(std::string_view header, const detail::Schema& schema, CsvColumns& out);

std::unique_ptr<FamilyReader> make_csv_reader(std::shared_ptr<const CsvColumns> columns);

/// Splits one CSV record into cells (RFC 4180 quoting within the line:
/// "a,b" and "say ""hi"""). Returns "" or the problem.
std::string split_csv(std::string_view line, std::vector<std::string>& cells);

}  // namespace fuzhu::sim
