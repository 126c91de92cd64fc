// Facts from JSON, streamed through nlohmann's SAX parser: numbers arrive as
// their source text, so money is read exactly, and every problem names its
// JSON path. This is the strict reader, the reference for every other: JSON
// as RFC 8259 writes it (no comments, no NaN, no lone surrogate, no NUL
// byte), a leading byte-order mark allowed, no key twice in one object,
// whatever the object is, and the depth limit everywhere, in values that
// are not facts too.
#include <array>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/facts.hpp"
#include "limits.hpp"
#include "syntax/printable.hpp"
#include "syntax/source.hpp"
#include "api/internal.hpp"

namespace fuzhu::detail {

namespace {

using json = nlohmann::json;

class FactsReader : public nlohmann::json_sax<json> {
 public:
  FactsReader(FactsData& facts, std::vector<Diagnostic>& diags, const std::string& name)
      : d_(facts), s_(*facts.schema), diags_(diags), name_(name) {}

  bool null() override {
    if (depth_ == 1 && root_ >= 0) root_ = -1;  // "father": null, the same as absent
    return scalar([](int) { return std::string{}; }, "null");
  }
  // An integer beyond int64 takes the path of its text, for the same message
  // as the other readers give.
  bool boolean(bool v) override { return scalar([&](int slot) { return assign_bool(d_, slot, v); }, v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override {
    return scalar([&](int slot) { return assign_integer(d_, slot, v); }, "a number");
  }
  bool number_unsigned(number_unsigned_t v) override {
    if (v > static_cast<number_unsigned_t>(INT64_MAX))
      return scalar([&](int slot) { return assign_number(d_, slot, std::to_string(v)); }, "a number");
    return number_integer(static_cast<number_integer_t>(v));
  }
  bool number_float(number_float_t, const string_t& text) override {
    return scalar([&](int slot) { return assign_number(d_, slot, text); }, "a number");
  }
  bool string(string_t& v) override { return scalar([&](int slot) { return assign_text(d_, slot, v); }, "a string"); }
  bool binary(binary_t&) override { return scalar([](int) { return std::string("binary values are not facts"); }, "binary"); }

  bool start_object(std::size_t) override {
    ++depth_;
    if (depth_ > static_cast<int>(limits::max_facts_depth)) return too_deep();
    keys_[static_cast<std::size_t>(depth_)].clear();
    if (skip_ > 0 || depth_ == 1) return true;
    if (depth_ == 2 && root_ >= 0) {
      d_.present[static_cast<std::size_t>(root_)] = 1;
      return true;
    }
    return begin_skip("an object");
  }
  bool end_object() override {
    end_container();
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    if (depth_ > static_cast<int>(limits::max_facts_depth)) return too_deep();
    if (skip_ > 0) return true;
    if (depth_ == 1) {
      error(Diag::not_an_object, "", "a family's facts are one JSON object, not an array");
      return begin_skip(nullptr);
    }
    return begin_skip("an array");
  }
  bool end_array() override {
    end_container();
    return true;
  }

  bool key(string_t& k) override {
    if (!keys_[static_cast<std::size_t>(depth_)].insert(k).second) key_twice(k);
    if (depth_ == 1) {
      root_name_ = k;
      field_name_.clear();
    } else if (depth_ == 2) {
      field_name_ = k;
    }
    if (skip_ > 0) return true;
    if (depth_ == 1) {
      root_ = s_.root_index(k);
      slot_ = -1;
      if (root_ < 0) warn(k, "unknown record, ignored");
    } else if (depth_ == 2) {
      slot_ = root_ >= 0 ? s_.field_slot(root_, k) : -1;
      if (root_ >= 0 && slot_ < 0) warn(root_name_ + "." + k, "unknown field, ignored");
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    syntax_error_position_ = position;
    syntax_error_path_ = here();
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." → after ": ".
    // It quotes what it last read, which may be a megabyte or not UTF-8.
    auto colon = what.find(": ");
    syntax_error_ = printable(cut_chars(colon == std::string::npos ? what : what.substr(colon + 2), 160));
    return false;
  }

  std::optional<std::size_t> syntax_error_position_;
  std::string syntax_error_, syntax_error_path_;

 private:
  FactsData& d_;
  const Schema& s_;
  std::vector<Diagnostic>& diags_;
  const std::string& name_;
  int depth_ = 0;
  int skip_ = 0;  // depth of a container being skipped, 0 when none
  int root_ = -1, slot_ = -1;
  // The record and field last named: a problem's path. A problem just after
  // a value (`01`, `"x" /* */`) is the field's; the field is forgotten when
  // its record closes, the record when the family's object does.
  std::string root_name_, field_name_;
  // By depth, the keys of the object open there.
  std::array<std::unordered_set<std::string>, limits::max_facts_depth + 1> keys_;

  std::string here() const {
    return field_name_.empty() || root_name_.empty() ? root_name_ : root_name_ + "." + field_name_;
  }

  void key_twice(const std::string& k) {
    const std::string path = depth_ == 1 ? k : depth_ == 2 ? root_name_ + "." + k : here();
    error(Diag::key_given_twice, "",
          fmt::format("{}: {} is given twice{}; a family's facts give each fact once", path, quoted_value(k),
                      depth_ <= 2 ? "" : " in one object"),
          path);
  }

  template <typename Assign>
  bool scalar(Assign assign, const char* what) {
    if (skip_ == 0) assign_scalar(assign, what);
    return true;
  }

  template <typename Assign>
  void assign_scalar(Assign assign, const char* what) {
    if (depth_ == 0 || depth_ == 1) {
      if (depth_ == 0) error(Diag::not_an_object, "", "a family's facts are one JSON object");
      else if (std::string_view(what) != "null" && root_ >= 0)
        error(Diag::bad_fact_value, root_name_, fmt::format("expected an object of facts, not {}", what));
      return;
    }
    if (slot_ < 0) return;  // unknown field, already warned
    std::string problem = assign(slot_);
    if (!problem.empty()) error(Diag::bad_fact_value, "", problem, s_.path_of(slot_));
  }

  bool begin_skip(const char* what) {
    if (what) {
      if (depth_ == 2 && root_ < 0) {
        // inside an unknown record, already warned
      } else if (depth_ == 2 || slot_ >= 0) {
        error(Diag::bad_fact_value, here(), fmt::format("expected {}, not {}", slot_ >= 0 ? "a single value" : "an object", what));
      }
    }
    skip_ = depth_;
    return true;
  }

  void end_container() {
    if (skip_ == depth_) skip_ = 0;
    --depth_;
    if (depth_ <= 1) field_name_.clear();
    if (depth_ == 0) root_name_.clear();
  }

  // Stops reading: the depth limit keeps a hostile file from costing more.
  bool too_deep() {
    error(Diag::facts_too_deep, here(), fmt::format("the JSON nests more than {} levels deep (the depth limit)", limits::max_facts_depth));
    return false;
  }

  // `path` prefixes the message; `fact` is the path the diagnostic is about
  // when the message already names it.
  void error(Diag code, const std::string& path, const std::string& message, const std::string& fact = {}) {
    Diagnostic d = make_diagnostic(code, path.empty() ? message : fmt::format("{}: {}", path, message));
    d.file = name_;
    d.path = fact.empty() ? path : fact;
    diags_.push_back(std::move(d));
  }

  void warn(const std::string& path, const std::string& message) {
    Diagnostic d = make_diagnostic(Diag::unknown_fact, fmt::format("{}: {}", path, message));
    d.file = name_;
    d.path = path;
    d_.warnings.push_back(d.message);
    diags_.push_back(std::move(d));
  }
};

}  // namespace

namespace {

// A diagnostic at a byte of the facts' text, with its line and column.
Diagnostic at_byte(Diag code, const std::string& name, std::string_view text, std::size_t at, std::string message) {
  SourceSet sources;
  const int file = sources.add(name, std::string(text));
  return sources.diagnose(code, Loc{file, static_cast<std::uint32_t>(std::min(at, text.size()))}, std::move(message));
}

}  // namespace

FactsResult read_facts_json(std::shared_ptr<const Schema> schema, std::string_view json_text, const std::string& name) {
  FactsResult result;
  if (json_text.size() > limits::max_facts_bytes) {
    Diagnostic d = make_diagnostic(Diag::facts_too_large, fmt::format("the facts are {} bytes; one family may be at most {} bytes",
                                                                      json_text.size(), limits::max_facts_bytes));
    d.file = name;
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  // nlohmann takes a NUL byte for the end of the text and would read no further.
  if (auto nul = json_text.find('\0'); nul != std::string_view::npos) {
    result.diagnostics.push_back(at_byte(Diag::nul_byte, name, json_text, nul,
                                         fmt::format("byte {} is a NUL byte, which JSON text never holds", nul + 1)));
    return result;
  }
  // nlohmann skips one byte-order mark before the text (editors on Windows
  // write one), and counts its bytes in positions.
  FactsData data = empty_facts(std::move(schema));
  FactsReader reader(data, result.diagnostics, name);
  const bool parsed = json::sax_parse(json_text.begin(), json_text.end(), &reader, json::input_format_t::json, true, false);
  if (!parsed && reader.syntax_error_position_) {
    // Point at the spot: nlohmann counts the offending byte as position.
    const std::size_t at = *reader.syntax_error_position_ > 0 ? *reader.syntax_error_position_ - 1 : 0;
    Diagnostic d = at_byte(Diag::malformed_json, name, json_text, at, "malformed JSON: " + reader.syntax_error_);
    d.path = reader.syntax_error_path_;
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  if (!parsed && !has_errors(result.diagnostics)) {
    Diagnostic d = make_diagnostic(Diag::malformed_json, "malformed JSON");
    d.file = name;
    result.diagnostics.push_back(std::move(d));
  }
  if (has_errors(result.diagnostics)) return result;
  result.facts.emplace(data.schema);
  detail::data_of(*result.facts) = std::move(data);
  return result;
}

}  // namespace fuzhu::detail
