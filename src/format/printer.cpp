// The printer walks the tokens once. Where a line breaks is decided by the
// grammar (every item, clause and arm of a block starts a line) and, inside
// an expression, by the author: a line break in the source is kept where the
// layout allows one (before an operator, after '(' ...) and dropped
// elsewhere. Indentation comes from the brackets alone, so it is the same
// whatever the source's indentation was.
#include "format/printer.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "syntax/source.hpp"

namespace fuzhu::format {

namespace {

constexpr std::string_view comment_gap = "   ";  // before an end-of-line comment

bool is_opener(const Token& t) { return t.is("{") || t.is("("); }
bool is_closer(const Token& t) { return t.is("}") || t.is(")"); }

// A binary operator, or a word that continues an expression: a line may
// break before it, and a break after it moves before it.
bool continues_expression(const Token& t) {
  if (t.kind == TokenKind::punct) {
    for (std::string_view op : {"=", "!=", "<", "<=", ">", ">=", "\xE2\x89\xA0", "\xE2\x89\xA4", "\xE2\x89\xA5",
                                "+", "-", "*", "/"})
      if (t.text == op) return !t.unary && !t.binding;
    return false;
  }
  if (!t.keyword || t.starts_item) return false;
  switch (*t.keyword) {
    case Keyword::kw_and: case Keyword::kw_or: case Keyword::kw_in: case Keyword::kw_then:
    case Keyword::kw_else: case Keyword::kw_where: return true;
    case Keyword::kw_when: return t.payer_when;
    case Keyword::kw_cites: return t.cite;  // a definition's: in a header or benefit it starts an item
    default: return false;
  }
}

struct Frame {
  Bracket kind;
  bool expanded;  // one item a line
  int indent;     // of the items inside
  bool top = false;
};

class Printer {
 public:
  Printer(const std::vector<Token>& tokens, KeywordSet keywords) : t_(tokens), keywords_(keywords) {
    find_next_code();
    match_brackets();
    plan_breaks();
  }

  std::string run() {
    frames_.push_back({Bracket::block, true, 0, true});
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (dropped_comma(i)) continue;
      if (t_[i].kind == TokenKind::comment) {
        comment(i);
      } else {
        code(i);
      }
      prev_ = static_cast<std::ptrdiff_t>(i);
    }
    if (!t_.empty()) out_ += '\n';
    return align_comments();
  }

 private:
  const std::vector<Token>& t_;
  KeywordSet keywords_;
  std::vector<std::size_t> match_;  // the other bracket of each bracket
  std::vector<bool> want_break_;    // the author broke the line before this token
  std::vector<std::ptrdiff_t> next_code_;  // the first token after each that is not a comment, or -1
  std::vector<Frame> frames_;
  std::string out_;
  std::vector<std::size_t> eol_comments_;  // where each end-of-line comment's gap starts in out_
  std::ptrdiff_t prev_ = -1;        // the last token printed
  int line_indent_ = 0;
  enum class Unit { none, item, use, comment } last_unit_ = Unit::none;  // at the top level

  // ------------------------------------------------------------ the plan

  void match_brackets() {
    match_.assign(t_.size(), 0);
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (is_opener(t_[i])) open.push_back(i);
      if (is_closer(t_[i]) && !open.empty()) {
        match_[i] = open.back();
        match_[open.back()] = i;
        open.pop_back();
      }
    }
  }

  // A break after an operator is moved before it: continuation lines start
  // with the operator, so the eye finds `and` / `or` at the left.
  void plan_breaks() {
    want_break_.assign(t_.size(), false);
    for (std::size_t i = 1; i < t_.size(); ++i) want_break_[i] = t_[i].newlines_before > 0;
    for (std::size_t i = 2; i < t_.size(); ++i)
      if (want_break_[i] && t_[i].kind != TokenKind::comment && continues_expression(t_[i - 1])) {
        want_break_[i] = false;
        want_break_[i - 1] = true;
      }
  }

  bool expanded(std::size_t open) const {
    const Bracket kind = t_[open].is("(") ? Bracket::paren : t_[open].bracket;
    if (kind == Bracket::block) return true;
    if (kind != Bracket::group) return false;
    for (std::size_t i = open + 1; i <= match_[open] && i < t_.size(); ++i)
      if (t_[i].newlines_before > 0) return true;
    return false;
  }

  // ------------------------------------------------------------ queries

  const Frame& frame() const { return frames_.back(); }
  bool one_item_a_line() const { return frame().expanded && (frame().kind == Bracket::block || frame().kind == Bracket::group); }

  std::ptrdiff_t next_code(std::size_t i) const { return next_code_[i]; }

  // Worked out once, from the end: asked for every comment, a search would
  // make a run of comments quadratic (a megabyte of them took minutes).
  void find_next_code() {
    next_code_.assign(t_.size(), -1);
    std::ptrdiff_t next = -1;
    for (std::size_t i = t_.size(); i-- > 0;) {
      next_code_[i] = next;
      if (t_[i].kind != TokenKind::comment) next = static_cast<std::ptrdiff_t>(i);
    }
  }

  // A separating comma where items stand one a line, or before a closing
  // brace, is not printed; commas are optional there.
  bool dropped_comma(std::size_t i) const {
    if (!t_[i].is(",") || frame().kind == Bracket::paren || frame().kind == Bracket::set) return false;
    const std::ptrdiff_t next = next_code(i);
    if (next < 0) return false;
    const Token& n = t_[static_cast<std::size_t>(next)];
    return n.is("}") || (n.starts_item && one_item_a_line());
  }

  // The indentation of a line that starts with code token `i`.
  int indent_for(std::size_t i) const {
    const Token& t = t_[i];
    if (is_closer(t)) return frame().indent - 1;
    if (frame().kind == Bracket::paren || frame().kind == Bracket::set) return frame().indent;
    return t.starts_item ? frame().indent : frame().indent + 1;
  }

  // A comment on its own line takes the indentation of the code after it,
  // or of the items of the block it closes.
  int comment_indent(std::size_t i) const {
    const std::ptrdiff_t next = next_code(i);
    if (next < 0 || is_closer(t_[static_cast<std::size_t>(next)])) return frame().indent;
    return indent_for(static_cast<std::size_t>(next));
  }

  bool breaks_before(std::size_t i) const {
    const Token& t = t_[i];
    const Token& p = t_[static_cast<std::size_t>(prev_)];
    if (p.kind == TokenKind::comment) return true;
    if (one_item_a_line() && (t.starts_item || t.is("}"))) return true;
    if (!want_break_[i]) return false;
    const bool after_ok = p.is("(") || p.is("=>") || p.binding || (p.is(",") && frame().kind == Bracket::paren);
    return after_ok || continues_expression(t) || t.is(")");
  }

  // Blank lines separate top-level items; an author's blank line is kept
  // between comments and before an item, never doubled.
  bool blank_before(std::size_t i, bool unit_comment) const {
    if (!frame().top || last_unit_ == Unit::none) return false;
    const Token& t = t_[i];
    if (!unit_comment && !t.starts_item) return false;
    if (last_unit_ == Unit::comment) return t.newlines_before >= 2;
    if (unit_comment) return true;
    return !(last_unit_ == Unit::use && t.is(Keyword::kw_use));
  }

  // ------------------------------------------------------------ output

  void new_line(int indent, bool blank) {
    out_ += blank ? "\n\n" : "\n";
    out_.append(static_cast<std::size_t>(2 * indent), ' ');
    line_indent_ = indent;
  }

  void comment(std::size_t i) {
    const Token& t = t_[i];
    const bool own_line = prev_ < 0 || t.newlines_before > 0 || t_[static_cast<std::size_t>(prev_)].kind == TokenKind::comment;
    const std::ptrdiff_t next = next_code(i);
    const bool unit = own_line && frame().top && (next < 0 || t_[static_cast<std::size_t>(next)].starts_item);
    if (prev_ >= 0) {
      if (own_line) {
        new_line(comment_indent(i), blank_before(i, unit));
      } else {
        eol_comments_.push_back(out_.size());
        out_ += comment_gap;
      }
    }
    if (unit) last_unit_ = Unit::comment;
    std::string_view text = t.text;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    out_ += text;
  }

  void code(std::size_t i) {
    const Token& t = t_[i];
    if (prev_ >= 0) {
      if (breaks_before(i)) {
        new_line(indent_for(i), blank_before(i, false));
      } else {
        separate(i);
      }
    }
    if (frame().top && t.starts_item) last_unit_ = t.is(Keyword::kw_use) ? Unit::use : Unit::item;
    out_ += spelling(t);
    if (is_opener(t)) {
      const Bracket kind = t.is("(") ? Bracket::paren : (t.bracket == Bracket::none ? Bracket::group : t.bracket);
      frames_.push_back({kind, expanded(i), line_indent_ + 1});
    } else if (is_closer(t) && frames_.size() > 1) {
      frames_.pop_back();
    }
  }

  // End-of-line comments on consecutive lines start in one column, three
  // cells after the longest code among them (CJK characters are two cells).
  std::string align_comments() const {
    struct Line {
      std::string_view code, comment;  // comment empty: none
    };
    std::vector<Line> lines;
    std::size_t next = 0;
    for (std::size_t start = 0; start < out_.size();) {
      std::size_t end = out_.find('\n', start);
      if (end == std::string::npos) end = out_.size();
      Line line{std::string_view(out_).substr(start, end - start), {}};
      if (next < eol_comments_.size() && eol_comments_[next] < end) {
        const std::size_t gap = eol_comments_[next++];
        line.code = std::string_view(out_).substr(start, gap - start);
        line.comment = std::string_view(out_).substr(gap + comment_gap.size(), end - gap - comment_gap.size());
      }
      lines.push_back(line);
      start = end + 1;
    }
    std::string aligned;
    aligned.reserve(out_.size());
    for (std::size_t i = 0; i < lines.size();) {
      std::size_t j = i, width = 0;
      while (j < lines.size() && !lines[j].comment.empty()) width = std::max(width, display_width(lines[j++].code));
      if (j == i) ++j;
      for (; i < j; ++i) {
        aligned += lines[i].code;
        if (!lines[i].comment.empty()) {
          aligned.append(width - display_width(lines[i].code) + comment_gap.size(), ' ');
          aligned += lines[i].comment;
        }
        aligned += '\n';
      }
    }
    return aligned;
  }

  // Between two tokens on one line: a space, none, or a comma and a space
  // between two items of a group written on one line.
  void separate(std::size_t i) {
    const Token& t = t_[i];
    const Token& p = t_[static_cast<std::size_t>(prev_)];
    if (t.starts_item && frame().kind == Bracket::group && !p.is("{") && !p.is(",")) {
      out_ += ", ";
      return;
    }
    if (spaced(p, t)) out_ += ' ';
  }

  static bool spaced(const Token& p, const Token& t) {
    if (t.is(",") || t.is(")") || t.is(".") || p.is(".") || p.is("(") || p.unary) return false;
    if (t.is("..")) return p.kind != TokenKind::number;
    if (p.is("..")) return t.kind != TokenKind::number;
    if (t.is("(") && t.tight_paren) return false;
    if (t.is(":") && !t.spaced_colon) return false;
    if (p.is("{") && t.is("}")) return false;
    return true;
  }

  std::string spelling(const Token& t) const {
    if (t.keyword) return std::string(spell(*t.keyword, keywords_, t.text));
    if (t.builtin) return std::string(spell(*t.builtin, keywords_, t.text));
    if (t.kind == TokenKind::duration) return spell_duration(t.text, keywords_);
    if (t.kind == TokenKind::rate) return spell_rate(t.text);
    if (t.kind == TokenKind::money) {
      std::string_view number = t.text.substr(0, t.text.find_first_of(" \t\xE5"));
      return std::string(number) + " 元";
    }
    if (t.kind == TokenKind::punct) {
      if (t.text == "\xE2\x89\xA0") return "!=";
      if (t.text == "\xE2\x89\xA4") return "<=";
      if (t.text == "\xE2\x89\xA5") return ">=";
    }
    return std::string(t.text);
  }
};

}  // namespace

std::string print(const std::vector<Token>& tokens, KeywordSet keywords) {
  return Printer(tokens, keywords).run();
}

}  // namespace fuzhu::format
