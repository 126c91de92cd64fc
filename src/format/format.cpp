#include "format/format.hpp"

#include "diagnostics/codes.hpp"

#include "format/printer.hpp"
#include "format/structure.hpp"
#include "format/token.hpp"
#include "syntax/parser.hpp"

namespace fuzhu::format {

namespace {

Result failure(std::string name, std::string message) {
  Result r;
  Diagnostic d = make_diagnostic(Diag::cannot_format, std::move(message));
  d.file = std::move(name);
  r.diagnostics.push_back(std::move(d));
  return r;
}

// The tokens of a valid file with what the grammar says of them, or why not.
std::optional<std::vector<Token>> tokens_of(std::string_view source, std::string& why) {
  auto tokens = lex(source);
  if (!tokens) {
    why = "the formatter cannot split the file into tokens";
    return std::nullopt;
  }
  why = annotate(source, *tokens);
  if (!why.empty()) return std::nullopt;
  return tokens;
}

// What a token means, for comparing a file with its formatted self: a
// keyword by its meaning, money by its figure, ≥ as >=, a comment trimmed.
std::string meaning(const Token& t) {
  if (t.keyword) return "kw:" + std::to_string(static_cast<int>(*t.keyword));
  if (t.builtin) return "fn:" + std::to_string(static_cast<int>(*t.builtin));
  if (t.kind == TokenKind::duration) return "duration:" + spell_duration(t.text, KeywordSet::en);
  if (t.kind == TokenKind::rate) return "rate:" + spell_rate(t.text);
  std::string_view text = t.text;
  if (t.kind == TokenKind::money) text = text.substr(0, text.find_first_of(" \t\xE5"));
  if (t.kind == TokenKind::comment)
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  if (text == "\xE2\x89\xA0") text = "!=";
  if (text == "\xE2\x89\xA4") text = "<=";
  if (text == "\xE2\x89\xA5") text = ">=";
  return std::to_string(static_cast<int>(t.kind)) + ":" + std::string(text);
}

bool same_meaning(const std::vector<Token>& a, const std::vector<Token>& b) {
  std::size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && a[i].is(",")) ++i;
    while (j < b.size() && b[j].is(",")) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (meaning(a[i]) != meaning(b[j]) || a[i].starts_item != b[j].starts_item) return false;
    ++i, ++j;
  }
}

}  // namespace

Result format_source(std::string_view source, const std::string& name, const Options& options) {
  // The compiler's own parser first, for its error messages.
  SourceSet sources;
  const int file = sources.add(name, std::string(source));
  Diagnostics diags(sources);
  if (!parse_file(sources, file, diags) || diags.has_errors()) {
    Result r;
    r.diagnostics = diags.take();
    return r;
  }
  std::string why;
  auto tokens = tokens_of(source, why);
  if (!tokens) return failure(name, "internal error: " + why);

  std::string text = print(*tokens, options.keywords);

  auto again = tokens_of(text, why);
  if (!again || !same_meaning(*tokens, *again))
    return failure(name, "internal error: the formatted text would not mean the same; the file is left as it is");
  Result r;
  r.text = std::move(text);
  return r;
}

}  // namespace fuzhu::format
