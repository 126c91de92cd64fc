// The review report: each benefit of a policy beside the clause of the
// document it cites, and the clauses no benefit cites. The model here is
// plain data, filled from a compiled policy (from_policy.hpp) or by a test.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostics/codes.hpp"
#include "report/clauses.hpp"
#include "report/figures.hpp"
#include "report/since.hpp"
#include "report/stamp.hpp"
#include "syntax/source.hpp"

namespace fuzhu::report {

/// The policy header, as written.
struct ReviewHeader {
  std::string title, document, issuer, jurisdiction, status;
  bool issuer_inferred = false;  // the document does not name its issuer
  std::string issued, in_force_from, in_force_to;  // "YYYY-MM-DD" or empty
  std::string policy_file;
  std::string in_force_period;  // "5 年" when the header says `for 5 年`: in_force_to is computed
  Loc loc;       // the header in the policy, where findings about the whole document point
  int line = 0;
  bool draft() const { return status == "draft"; }
};

/// One benefit of the policy, as written.
struct ReviewBenefit {
  std::string id, title, cite, quote;
  std::string recipient;  // "each parent", "household", ...
  std::string period;     // "monthly", "yearly", "once"; empty for a service
  bool discretionary = false, minimum = false, in_kind = false;
  std::string source;     // the benefit block from the .policy source
  int line = 0;           // where the block starts in the policy file
  std::string readings;   // the comment block above it: how the document was read
  Loc cite_loc;           // its `cites`, for warnings
  std::string plain;      // the rule in plain Chinese (fuzhu::plain_text): what the reviewer checks
  std::vector<ScriptFigure> figures;  // its figures, and those of the definitions it reads
};

/// A clause cited outside a benefit: by the header or a definition.
struct ReviewCitation {
  std::string by;  // "policy" (the header), "define 扶助对象家庭"
  std::string cite, quote;
  int line = 0;
  Loc loc;
  std::vector<ScriptFigure> figures;  // the header's dates, the definition's figures
};

/// A definition the policy can read (its own or a used file's), in plain words.
struct ReviewDefinition {
  std::string name, label, plain;
  std::string file;  // the file that defines it ("facts.schema" for the shared ones)
  int line = 0;
  int citation = -1;  // index into Review::citations when it cites a clause
};

/// A clause the policy leaves out on purpose, and why.
struct ReviewOmission {
  std::string clause, reason;
  int line = 0;
  Loc loc;
};

struct Review {
  ReviewHeader header;
  std::vector<ReviewBenefit> benefits;
  std::vector<ReviewCitation> citations;      // the header's and the definitions'
  std::vector<ReviewOmission> not_transcribed;
  std::vector<ReviewDefinition> definitions;
  Stamp stamp;                // hashes, engine version, date: which files the sign-off is about
  std::optional<Since> since; // `--since OLD`: what changed since that version
  std::string document_name;  // the document's file name, for the page
  std::string document_text;
};

/// A clause a benefit cites: its label and index, or -1 when the document
/// has no clause by that label.
struct Citation {
  std::string label;
  int clause = -1;
};

/// A figure of the script looked for in the clauses it cites.
struct FigureCheck {
  ScriptFigure figure;
  int clause = -1;  // the cited clause that states it; -1: none does (flagged)
};

struct Row {
  const ReviewBenefit* benefit = nullptr;
  std::vector<Citation> citations;
  std::vector<FigureCheck> figures;  // its own stated figures
};

/// A citation by the header or a definition, resolved.
struct OtherRow {
  const ReviewCitation* citation = nullptr;
  std::vector<Citation> citations;
  std::vector<FigureCheck> figures;  // a definition's own stated figures
};

/// A figure of a clause's own text, and what the script makes of it.
struct ClauseFigure {
  DocFigure at;
  /// Who cites the clause (or a clause it is inside) and uses the figure:
  /// benefit ids, "define NAME", "policy".
  std::vector<std::string> used_by;
  /// Something cites the clause, and none of it uses the figure: flagged.
  bool unused = false;
};

/// A clause not transcribed, resolved: its index, or -1.
struct Omission {
  const ReviewOmission* omission = nullptr;
  int clause = -1;
};

/// What the policy says against its document, at a line of the policy: a
/// cite naming no clause, a quote not word for word, a clause unaccounted.
struct Finding {
  Diag code;
  Loc loc;       // in the policy; file -1 when there is no place
  int line = 0;  // the policy line, for the page
  std::string message;
};

/// The benefits paired with the document's clauses.
struct Pairing {
  std::vector<Clause> clauses;
  std::vector<Row> rows;              // one a benefit, in policy order
  std::vector<OtherRow> others;       // the header's and the definitions' citations
  std::vector<Omission> omitted;      // clauses not transcribed, in policy order
  std::vector<int> uncited;           // leaf clauses neither cited, inside a cited clause, nor not transcribed
  std::vector<Finding> findings;      // in policy order of what they are about
  std::vector<std::vector<ClauseFigure>> figures;  // by clause: the figures of its own text
  /// A cite or a `not transcribed` names no clause of the document (C001,
  /// C002): `report` and `check --document` exit 1.
  bool cite_unresolved() const;
};

Pairing pair_up(const Review& review);

/// Ties the figures of the clauses to the script's (figure_review.cpp):
/// fills Pairing::figures and each row's figure checks.
void review_figures(Pairing& pairing);

/// Whether clause `index` is clause `ancestor` or inside it.
bool within_clause(const std::vector<Clause>& clauses, int index, int ancestor);

/// The self-contained HTML page (inline CSS, no script, no external asset).
std::string render_page(const Review& review, const Pairing& pairing);

}  // namespace fuzhu::report
