// Condensing expression text (see debug_text.hpp).
#include "compile/debug_text.hpp"

#include <algorithm>

namespace fuzhu::detail {

namespace {

bool blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

// Where a byte of the source lands in the condensed text, and the '(' open
// before it.
struct Mark {
  std::uint32_t at = 0;
  std::int32_t depth = 0;
};

// One pass over `raw`, condensing it into `out` (empty); marks[k] gets where
// offsets[k] (sorted, at most raw.size()) lands. Returns the '(' left open
// (negative when more were closed). Condensing never lengthens the text, so
// it writes into `out` sized to `raw` once, then cut to what was written.
int condense_into(std::string_view raw, std::string& out, const std::vector<std::uint32_t>& offsets,
                  std::vector<Mark>& marks) {
  bool in_string = false, in_comment = false, pending_blank = false;
  int depth = 0;
  std::size_t next = 0;
  out.resize(raw.size());
  char* const first = out.data();
  char* o = first;
  auto mark = [&](std::size_t i) {
    for (; next < offsets.size() && offsets[next] <= i; ++next)
      marks[next] = {static_cast<std::uint32_t>(o - first), depth};
  };
  for (std::size_t i = 0; i < raw.size(); ++i) {
    mark(i);
    const char ch = raw[i];
    if (in_string) {
      *o++ = ch;
      if (ch == '\\' && i + 1 < raw.size()) *o++ = raw[++i];
      else if (ch == '"') in_string = false;
      continue;
    }
    if (in_comment) {
      if (ch == '\n') {
        in_comment = false;
        continue;
      }
      // Nothing of a comment is kept: go straight to its end (an offset
      // inside it lands where the end does).
      const std::size_t end = raw.find('\n', i);
      i = (end == std::string_view::npos ? raw.size() : end) - 1;
      continue;
    }
    if (ch == '#') {
      in_comment = pending_blank = true;
      continue;
    }
    if (blank(ch)) {
      pending_blank = true;
      continue;
    }
    if (pending_blank && o != first && o[-1] != '(' && ch != ')' && ch != ',') *o++ = ' ';
    pending_blank = false;
    if (ch == '"') in_string = true;
    *o++ = ch;
    if (ch == '(') ++depth;
    if (ch == ')') --depth;
  }
  mark(raw.size());
  out.resize(static_cast<std::size_t>(o - first));
  return depth;
}

}  // namespace

std::string condense(std::string_view raw) {
  std::string out;
  std::vector<Mark> none;
  for (int depth = condense_into(raw, out, {}, none); depth > 0; --depth) out += ')';
  return out;
}

std::string_view DebugText::view(int id) const {
  if (id < 0 || static_cast<std::size_t>(id) >= spans_.size()) return "";
  const TextSpan& span = spans_[static_cast<std::size_t>(id)];
  if (span.file < 0) return "";
  return std::string_view(files_[static_cast<std::size_t>(span.file)]).substr(span.begin, span.length);
}

int DebugText::Builder::span(int file, std::uint32_t begin, std::uint32_t end) {
  if (file < 0 || file >= sources_.size() || end <= begin || end > sources_.file(file).text().size()) return -1;
  requests_.push_back({file, begin, end});
  return static_cast<int>(requests_.size() - 1);
}

// A span starts at a token and may end in blanks and comments; within it the
// file's condensed text is what condensing the span alone gives, but for the
// blank the file put before its first token.
DebugText DebugText::Builder::finish() {
  DebugText out;
  out.spans_.resize(requests_.size());
  for (int file = 0; file < sources_.size(); ++file) {
    const std::string& text = sources_.file(file).text();
    std::vector<std::uint32_t> offsets;
    for (const Request& r : requests_)
      if (r.file == file) offsets.insert(offsets.end(), {r.begin, r.end});
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    std::vector<Mark> marks(offsets.size());
    std::string condensed;
    if (!offsets.empty()) condense_into(text, condensed, offsets, marks);
    condensed.shrink_to_fit();  // kept with the compiled policy: no slack
    auto mark_of = [&](std::uint32_t offset) {
      return marks[static_cast<std::size_t>(std::lower_bound(offsets.begin(), offsets.end(), offset) - offsets.begin())];
    };
    for (std::size_t id = 0; id < requests_.size(); ++id) {
      const Request& r = requests_[id];
      if (r.file != file) continue;
      const Mark from = mark_of(r.begin), to = mark_of(r.end);
      std::uint32_t first = from.at;
      if (first < to.at && condensed[first] == ' ' && !blank(text[r.begin])) ++first;
      if (to.at <= first) continue;  // nothing but blanks: no text
      out.spans_[id] = {file, first, to.at - first, static_cast<std::uint32_t>(std::max(to.depth - from.depth, 0))};
    }
    out.files_.push_back(std::move(condensed));
  }
  // The few spans that left out a ')': their whole text, once, in a last
  // string of their own.
  std::string closed;
  for (TextSpan& span : out.spans_) {
    if (span.file < 0 || span.closers == 0) continue;
    const auto begin = static_cast<std::uint32_t>(closed.size());
    closed.append(out.files_[static_cast<std::size_t>(span.file)], span.begin, span.length).append(span.closers, ')');
    span = {static_cast<int>(out.files_.size()), begin, static_cast<std::uint32_t>(closed.size()) - begin, 0};
  }
  if (!closed.empty()) out.files_.push_back(std::move(closed));
  requests_.clear();
  return out;
}

}  // namespace fuzhu::detail
