// Condensing expression text (see debug_text.hpp).
#include "compile/debug_text.hpp"

#include <algorithm>

namespace fuzhu::detail {

namespace {

bool blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

// One pass over `raw`, condensing it into `out`; `at` (when given) gets, for
// each byte of raw and for its end, the length of `out` before that byte.
// Returns the '(' left open (negative when more were closed).
int condense_into(std::string_view raw, std::string& out, std::vector<std::uint32_t>* at,
                  std::vector<std::int32_t>* depth_before) {
  bool in_string = false, in_comment = false, pending_blank = false;
  int depth = 0;
  auto put = [&](char ch) {
    if (depth_before) depth_before->push_back(depth);
    out += ch;
  };
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (at) at->push_back(static_cast<std::uint32_t>(out.size()));
    const char ch = raw[i];
    if (in_string) {
      put(ch);
      if (ch == '\\' && i + 1 < raw.size()) {
        if (at) at->push_back(static_cast<std::uint32_t>(out.size()));
        put(raw[++i]);
      } else if (ch == '"') {
        in_string = false;
      }
      continue;
    }
    if (in_comment) {
      in_comment = raw[i] != '\n';
      continue;
    }
    if (ch == '#') {
      in_comment = true;
      pending_blank = true;
      continue;
    }
    if (blank(ch)) {
      pending_blank = true;
      continue;
    }
    if (pending_blank && !out.empty() && out.back() != '(' && ch != ')' && ch != ',') put(' ');
    pending_blank = false;
    if (ch == '"') in_string = true;
    put(ch);
    if (ch == '(') ++depth;
    if (ch == ')') --depth;
  }
  if (at) at->push_back(static_cast<std::uint32_t>(out.size()));
  if (depth_before) depth_before->push_back(depth);
  return depth;
}

}  // namespace

std::string condense(std::string_view raw) {
  std::string out;
  for (int depth = condense_into(raw, out, nullptr, nullptr); depth > 0; --depth) out += ')';
  return out;
}

std::string DebugText::text(const TextSpan& span) const {
  if (span.file < 0 || static_cast<std::size_t>(span.file) >= files_.size()) return "";
  std::string out = files_[static_cast<std::size_t>(span.file)].substr(span.begin, span.length);
  out.append(span.closers, ')');
  return out;
}

DebugText::Builder::Builder(const SourceSet& sources)
    : sources_(sources), files_(static_cast<std::size_t>(sources.size())) {}

DebugText::Builder::File& DebugText::Builder::condensed(int file) {
  File& f = files_[static_cast<std::size_t>(file)];
  if (!f.done) {
    const std::string& text = sources_.file(file).text();
    f.at.reserve(text.size() + 1);
    condense_into(text, f.condensed, &f.at, &f.depth);
    f.done = true;
  }
  return f;
}

// A span starts at a token and may end in blanks and comments; within it the
// file's condensed text is what condensing the span alone gives, but for the
// blank the file put before its first token.
TextSpan DebugText::Builder::span(int file, std::uint32_t begin, std::uint32_t end) {
  if (file < 0 || file >= sources_.size()) return {};
  const std::string& text = sources_.file(file).text();
  if (end <= begin || end > text.size()) return {};
  const File& f = condensed(file);
  std::uint32_t from = f.at[begin];
  const std::uint32_t to = f.at[end];
  if (from < to && f.condensed[from] == ' ' && !blank(text[begin])) ++from;
  if (to <= from) return {};
  const std::int32_t open = f.depth[to] - f.depth[from];
  return {file, from, to - from, static_cast<std::uint32_t>(std::max(open, 0))};
}

DebugText DebugText::Builder::finish() {
  DebugText out;
  for (File& f : files_) out.files_.push_back(std::move(f.condensed));
  files_.clear();
  return out;
}

}  // namespace fuzhu::detail
