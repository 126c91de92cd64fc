#include "report/from_policy.hpp"

#include <filesystem>

#include "compile/compiled.hpp"

namespace fuzhu::report {

namespace {

std::string date_text(const std::optional<Date>& d) { return d ? d->to_string() : std::string(); }

std::string recipient_words(const ast::Benefit& b) {
  using R = ast::RecipientKind;
  std::string words;
  switch (b.recipient) {
    case R::household: words = "household"; break;
    case R::root: words = b.recipient_root; break;
    case R::each_parent: words = "each parent"; break;
    case R::each_member: words = "each member"; break;
    case R::each_deceased_parent: words = "each parent who died"; break;
  }
  return b.where ? words + " where …" : words;
}

ReviewBenefit benefit_of(const ast::Benefit& b, const SourceSet& sources) {
  ReviewBenefit r;
  r.id = b.id;
  r.title = b.title;
  r.cite = b.cite;
  r.quote = b.quote;
  r.recipient = recipient_words(b);
  r.period = b.period ? to_string(*b.period) : "";
  r.discretionary = b.discretionary;
  r.minimum = b.minimum;
  if (b.loc.file >= 0) {
    const SourceFile& file = sources.file(b.loc.file);
    r.source = block_at(file.text(), b.loc.offset);
    r.line = file.line_of(b.loc.offset);
  }
  return r;
}

}  // namespace

std::string block_at(const std::string& source, std::size_t begin) {
  int depth = 0;
  bool opened = false;
  for (std::size_t i = begin; i < source.size(); ++i) {
    char c = source[i];
    if (c == '#') {
      while (i + 1 < source.size() && source[i + 1] != '\n') ++i;
    } else if (c == '"') {
      for (++i; i < source.size() && source[i] != '"' && source[i] != '\n'; ++i)
        if (source[i] == '\\') ++i;
    } else if (c == '{') {
      ++depth;
      opened = true;
    } else if (c == '}' && --depth == 0 && opened) {
      return source.substr(begin, i + 1 - begin);
    }
  }
  return source.substr(begin);
}

Review review_of(const Policy& policy, std::string document_name, std::string document_text) {
  Review r;
  const PolicyInfo& info = policy.info();
  r.header = {info.title, info.document, info.issuer, info.jurisdiction, info.status,
              date_text(info.issued), date_text(info.in_force_from), date_text(info.in_force_to),
              std::filesystem::path(info.file).filename().string(), info.in_force_period};
  const Program& program = *policy.compiled().program;
  for (const ast::Benefit* b : program.benefits) r.benefits.push_back(benefit_of(*b, program.sources));
  r.document_name = std::move(document_name);
  r.document_text = std::move(document_text);
  return r;
}

}  // namespace fuzhu::report
