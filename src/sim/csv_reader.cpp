// A family from one CSV record. The header names a fact path per column;
// an empty cell is an unknown fact. A cell is read by the type of its fact,
// written as JSON writes that value: true/false, a number (JSON's grammar:
// no "01", "1.", "+1" or "--5.50"), or text (strings, dates, enum values)
// without quotes, through the same typed assignment as JSON, so a family
// gets the same verdict in either format (tests/facts_corpus).
#include <fmt/format.h>

#include "io/facts.hpp"
#include "sim/family_reader.hpp"
#include "syntax/printable.hpp"

namespace fuzhu::sim {

std::string split_csv(std::string_view line, std::vector<std::string>& cells) {
  cells.clear();
  cells.emplace_back();
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    std::string& cell = cells.back();
    if (quoted) {
      if (c != '"') {
        cell += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        cell += '"';  // "" inside quotes is one quote
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == ',') {
      cells.emplace_back();
      was_quoted = false;
    } else if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (was_quoted) {
      return fmt::format("cell {}: text after the closing quote", cells.size());
    } else {
      cell += c;
    }
  }
  if (quoted) return fmt::format("cell {}: the quote is not closed on this line", cells.size());
  return {};
}

Rejection read_csv_header(std::string_view header, const detail::Schema& schema, CsvColumns& out) {
  if (header.substr(0, 3) == "\xEF\xBB\xBF") header.remove_prefix(3);  // a byte-order mark
  if (header.find('\0') != std::string_view::npos) return reject(Diag::nul_byte, "", "the header holds a NUL byte");
  std::vector<std::string> names;
  if (auto problem = split_csv(header, names); !problem.empty())
    return reject(Diag::malformed_csv, "", "the header: " + problem);
  out.slots.clear();
  for (const auto& name : names) {
    int slot = schema.slot_of(name);
    if (slot < 0)
      return reject(Diag::unknown_column, name,
                    fmt::format("the header: column {} {} is not a fact of the schema", out.slots.size() + 1,
                                quoted_value(name)));
    for (int seen : out.slots)
      if (seen == slot)
        return reject(Diag::key_given_twice, name,
                      fmt::format("the header: column {} {} appears twice", out.slots.size() + 1, quoted_value(name)));
    out.slots.push_back(slot);
  }
  return {};
}

namespace {

// A record without quotes, the usual kind, split in place: its cells are
// the text between the commas, as split_csv would copy them.
void split_plain(std::string_view line, std::vector<std::string_view>& cells) {
  cells.clear();
  for (std::size_t start = 0;;) {
    const std::size_t comma = line.find(',', start);
    if (comma == std::string_view::npos) {
      cells.push_back(line.substr(start));
      return;
    }
    cells.push_back(line.substr(start, comma - start));
    start = comma + 1;
  }
}

std::string assign_cell(detail::FactsData& d, int slot, std::string_view cell) {
  const detail::FieldInfo& field = d.schema->field_of(slot);
  switch (field.kind) {
    case ast::TypeKind::boolean:
      if (cell == "true" || cell == "false") return detail::assign_bool(d, slot, cell == "true");
      return fmt::format("{}: expected true or false, not {}", d.schema->path_of(slot), quoted_value(cell));
    case ast::TypeKind::integer:
    case ast::TypeKind::money: return detail::assign_number(d, slot, cell);
    default: return detail::assign_text(d, slot, cell);
  }
}

class CsvReader final : public FamilyReader {
 public:
  explicit CsvReader(std::shared_ptr<const CsvColumns> columns) : columns_(std::move(columns)) {}

  Rejection read(const Block& block, const Line& line, detail::FactsData& d) override {
    const std::string_view text = block.line(line);
    if (text.find('\0') != std::string_view::npos) return reject(Diag::nul_byte, "", "the line holds a NUL byte");
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
      return reject(Diag::misplaced_byte_order_mark, "",
                    "a byte-order mark (EF BB BF) starts this line: it may only stand at the start of the file");
    if (text.find('"') == std::string_view::npos) {
      split_plain(text, views_);
    } else {
      if (auto problem = split_csv(text, cells_); !problem.empty()) return reject(Diag::malformed_csv, "", problem);
      views_.assign(cells_.begin(), cells_.end());
    }
    const auto& slots = columns_->slots;
    if (views_.size() != slots.size())
      return reject(Diag::malformed_csv, "", fmt::format("{} cells, but the header names {} columns", views_.size(), slots.size()));
    for (std::size_t i = 0; i < slots.size(); ++i) {
      if (views_[i].empty()) continue;  // unknown
      std::string problem = assign_cell(d, slots[i], views_[i]);
      if (!problem.empty())
        return reject(Diag::bad_fact_value, d.schema->path_of(slots[i]), fmt::format("column {}: {}", i + 1, problem));
    }
    return {};
  }

 private:
  std::shared_ptr<const CsvColumns> columns_;
  std::vector<std::string> cells_;       // of a record with quotes, unquoted
  std::vector<std::string_view> views_;  // the cells of the line being read
};

}  // namespace

std::unique_ptr<FamilyReader> make_csv_reader(std::shared_ptr<const CsvColumns> columns) {
  return std::make_unique<CsvReader>(std::move(columns));
}

}  // namespace fuzhu::sim
