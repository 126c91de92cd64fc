#include "report/from_policy.hpp"

#include <filesystem>

#include "api/internal.hpp"
#include "api/syntax_of.hpp"
#include "compile/policy.hpp"
#include "fuzhu/plain.hpp"
#include "report/script_figures.hpp"
#include "syntax/tokens.hpp"

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

int line_of(const SourceSet& sources, Loc loc) { return loc.file >= 0 ? sources.file(loc.file).line_of(loc.offset) : 0; }

std::string file_name_of(const SourceSet& sources, Loc loc) {
  return loc.file >= 0 ? std::filesystem::path(sources.file(loc.file).name()).filename().string() : std::string();
}

const PlainRule* plain_rule(const std::vector<PlainRule>& rules, const std::string& id) {
  for (const PlainRule& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

ReviewBenefit benefit_of(const detail::CompiledBenefit& compiled, const ast::Benefit& b, const Program& program,
                         const PlainText& plain) {
  const SourceSet& sources = program.sources;
  ReviewBenefit r;
  if (const PlainRule* rule = plain_rule(plain.benefits, b.id)) r.plain = rule->text;
  r.figures = figures_of(program, b);
  r.readings = compiled.readings;
  r.cite_loc = b.cite_loc;
  r.in_kind = b.in_kind;
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

const ast::Definition* definition_named(const Program& program, std::string_view name) {
  for (const ast::Definition* d : program.definitions)
    if (d->name == name) return d;
  return nullptr;
}

std::vector<ScriptFigure> citation_figures(const Program& program, const std::string& by) {
  if (by == "policy") return program.header ? figures_of(*program.header) : std::vector<ScriptFigure>{};
  constexpr std::string_view define = "define ";
  const ast::Definition* d = by.starts_with(define) ? definition_named(program, by.substr(define.size())) : nullptr;
  return d ? figures_of(program, *d) : std::vector<ScriptFigure>{};
}

// Every definition the policy can read, in plain words, with where it is written.
std::vector<ReviewDefinition> definitions_of(const Program& program, const PlainText& plain,
                                             const std::vector<ReviewCitation>& citations) {
  std::vector<ReviewDefinition> out;
  for (const PlainRule& rule : plain.definitions) {
    ReviewDefinition d{rule.id, rule.title, rule.text, "", 0, -1};
    if (const ast::Definition* def = definition_named(program, rule.id)) {
      d.file = file_name_of(program.sources, def->loc);
      d.line = line_of(program.sources, def->loc);
    }
    for (std::size_t i = 0; i < citations.size(); ++i)
      if (citations[i].by == "define " + rule.id) d.citation = static_cast<int>(i);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

std::string block_at(const std::string& source, std::size_t begin) {
  // Braces counted by the one scanner: none in a string or a comment counts.
  const std::string_view rest = std::string_view(source).substr(begin);
  int depth = 0;
  for (const tokens::Token& t : tokens::tokenize(rest).tokens) {
    if (t.kind != tokens::Kind::punct) continue;
    if (t.text == "{") ++depth;
    else if (t.text == "}" && depth > 0 && --depth == 0) return std::string(rest.substr(0, t.offset + 1));
  }
  return std::string(rest);
}

std::vector<Diagnostic> findings_as_diagnostics(const Policy& policy, const Pairing& pairing) {
  const SourceSet& sources = detail::compiled_of(policy).sources;
  std::vector<Diagnostic> out;
  for (const Finding& f : pairing.findings) {
    Diagnostic d = sources.diagnose(f.code, f.loc, f.message);
    if (f.loc.file < 0) d.file = policy.info().file;  // about the policy as a whole
    out.push_back(std::move(d));
  }
  return out;
}

Review review_of(const Policy& policy, std::string document_name, std::string document_text) {
  Review r;
  const PolicyInfo& info = policy.info();
  r.header.title = info.title;
  r.header.document = info.document;
  r.header.issuer = info.issuer;
  r.header.issuer_inferred = info.issuer_inferred;
  r.header.jurisdiction = info.jurisdiction;
  r.header.status = info.status;
  r.header.issued = date_text(info.issued);
  r.header.in_force_from = date_text(info.in_force_from);
  r.header.in_force_to = date_text(info.in_force_to);
  r.header.policy_file = std::filesystem::path(info.file).filename().string();
  r.header.in_force_period = info.in_force_period;
  const detail::CompiledPolicy& compiled = detail::compiled_of(policy);
  const std::unique_ptr<Program> checked = detail::syntax_of(compiled);  // the tree, from the kept texts
  const Program& program = *checked;
  const SourceSet& sources = program.sources;
  if (const ast::Header* h = program.header) {
    r.header.loc = h->loc;
    r.header.line = line_of(sources, h->loc);
  }
  const PlainText& plain = compiled.plain_text(Lang::zh);
  for (std::size_t i = 0; i < compiled.benefits.size(); ++i)
    r.benefits.push_back(benefit_of(compiled.benefits[i], *program.benefits[i], program, plain));
  for (const auto& c : compiled.citations)
    r.citations.push_back({c.by, c.cite.clause, c.cite.quote, line_of(sources, c.cite.loc), c.cite.loc,
                           citation_figures(program, c.by)});
  r.definitions = definitions_of(program, plain, r.citations);
  for (const auto& n : compiled.not_transcribed)
    r.not_transcribed.push_back({n.clause, n.reason, line_of(sources, n.loc), n.loc});
  r.document_name = std::move(document_name);
  r.document_text = std::move(document_text);
  return r;
}

}  // namespace fuzhu::report
